// What a resolver receives: the caller, this request's loaders and audit collector, and the services.
import type { Principal } from './auth/principal';
import type { Loaders } from './loaders/create-loaders';
import type { Services } from './services';

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
  audit: AuditCollector;
}

export interface HubContext extends RequestScope {
  services: Services;
}
