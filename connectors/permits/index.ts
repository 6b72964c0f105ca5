// Permits connector (行政许可信息共享): public surface.
//
//   const connector = await createPermitsConnector(parsePermitsConfig(env), { logger });
//   const loaders = connector.createLoaders();          // once per GraphQL request
//   await loaders.permitByNo.load('440309HWGG2025000123');
//   connector.health();                                 // for connectorHealth
//   await connector.close();
//
// Without PERMITS_URL the connector starts the in-process simulator on 127.0.0.1 (ephemeral
// port) and calls it over HTTP, so the simulator exercises the same code path as the real system.
import { policyHealth, type PolicyClock } from '../core/call-policy';
import type { Connector, ConnectorHealth, ConnectorLogger } from '../core/types';
import { PermitsClient } from './client';
import type { PermitsConfig } from './config';
import { createPermitsLoaders, type PermitsLoaders } from './loaders';
import { startPermitsSimulator, type PermitsSimulator } from './simulator/server';

export interface PermitsConnector extends Connector {
  readonly system: 'permits';
  readonly client: PermitsClient;
  /** The in-process simulator when no PERMITS_URL is configured, else null. */
  readonly simulator: PermitsSimulator | null;
  /** New per-request DataLoaders (create one set per GraphQL request). */
  createLoaders(): PermitsLoaders;
  health(): ConnectorHealth;
  /** Closes pooled sockets and the simulator, if any. */
  close(): Promise<void>;
}

export interface PermitsConnectorDeps {
  logger?: ConnectorLogger;
  /** Injected time for the call policy, request signing and (in simulator mode) the simulator. */
  clock?: PolicyClock;
}

export async function createPermitsConnector(config: PermitsConfig, deps: PermitsConnectorDeps = {}): Promise<PermitsConnector> {
  const simulator =
    config.url === null
      ? await startPermitsSimulator({ appId: config.appId, appSecret: config.appSecret, host: '127.0.0.1', port: 0, now: deps.clock?.now })
      : null;
  const baseUrl = config.url ?? (simulator as PermitsSimulator).url;
  const client = new PermitsClient({ baseUrl, config, logger: deps.logger, clock: deps.clock });
  const mode: ConnectorHealth['mode'] = simulator ? 'simulator' : 'remote';
  let closed = false;

  return {
    system: 'permits',
    client,
    simulator,
    createLoaders: () => createPermitsLoaders(client),
    health: () => policyHealth('permits', mode, client.policy),
    close: async () => {
      if (closed) return;
      closed = true;
      client.close();
      if (simulator) await simulator.close();
    },
  };
}

export { PermitsClient, BATCH_GET_LIMIT, type ListHolderPermitsOptions, type ListPermitsPageOptions, type PermitsClientOptions } from './client';
export { parsePermitsConfig, PERMITS_DEFAULTS, SANDBOX_APP_ID, SANDBOX_APP_SECRET, type PermitsConfig } from './config';
export { createPermitsLoaders, type PermitsLoaders } from './loaders';
export { errorFromResponse, parseErrorBody } from './errors';
export { computeSignature, sha256Hex, signRequest, signatureMatches, stringToSign, type SignedHeaders } from './signing';
export { startPermitsSimulator, type PermitsSimulator, type PermitsSimulatorOptions } from './simulator/server';
export * from './types';
