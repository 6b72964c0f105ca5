// What a resolver receives: the caller, this request's loaders and audit collector, and the services.
import type { Principal } from './auth/principal';
import type { Loaders } from './loaders/create-loaders';
import type { Services } from './services';
import type { UpstreamLoaders } from './upstream/upstream';

/** Collected while a request runs; written as one audit record when it ends. */
export interface AuditCollector {
  caseIds: Set<string>;
  personalFields: Set<string>;
}

/** The request-specific part that services need. */
export interface RequestScope {
  principal: Principal;
  requestId: string;
  loaders: Loaders;
  /** Per-request DataLoaders over the external systems. */
  upstream: UpstreamLoaders;
  audit: AuditCollector;
}

export interface HubContext extends RequestScope {
  services: Services;
}
