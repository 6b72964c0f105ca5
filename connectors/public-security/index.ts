// Public surface of the public-security (公安机关执法协作) connector.
import { policyHealth, type Connector, type ConnectorHealth, type ConnectorLogger, type PolicyClock } from '../core';
import { PublicSecurityClient } from './client';
import type { PublicSecurityConfig } from './config';
import { PSB_SYSTEM } from './errors';
import { createPublicSecurityLoaders, type PublicSecurityLoaders } from './loaders';
import { startPublicSecuritySimulator, type PublicSecuritySimulator } from './simulator/server';

export * from './types';
export { parsePublicSecurityConfig, PSB_DEFAULTS, PSB_SANDBOX_APP_ID, PSB_SANDBOX_TOKEN, type PublicSecurityConfig, type PublicSecurityEnv } from './config';
export { PublicSecurityClient, appCredentialHeader, type PublicSecurityClientConfig, type PublicSecurityClientDeps, type PsbCallOptions } from './client';
export { PublicSecurityError, PSB_SYSTEM, type PublicSecurityErrorOptions } from './errors';
export { createPublicSecurityLoaders, identityCacheKey, type IdentityKey, type PublicSecurityLoaders, type PublicSecurityLoaderOptions } from './loaders';
export {
  startPublicSecuritySimulator,
  type PublicSecuritySimulator,
  type PublicSecuritySimulatorOptions,
  type RecordedRequest,
  type SimulatedSupportRequest,
  type SimulatorAuditEntry,
} from './simulator/server';
export { simulatedNameFor, simulatedVerification, POPULATION_FIXTURE } from './simulator/fixtures';
export { toShanghaiIso } from './time';

export interface PublicSecurityConnectorDeps {
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export interface PublicSecurityConnector extends Connector {
  readonly system: 'public-security';
  readonly client: PublicSecurityClient;
  /** The in-process simulator when no URL is configured; null against the real system. */
  readonly simulator: PublicSecuritySimulator | null;
  /** Fresh per-request loaders (DataLoader caches must not outlive a request). */
  createLoaders(): PublicSecurityLoaders;
  health(): ConnectorHealth;
  close(): Promise<void>;
}

export async function createPublicSecurityConnector(
  config: PublicSecurityConfig,
  deps: PublicSecurityConnectorDeps = {},
): Promise<PublicSecurityConnector> {
  const simulator =
    config.url === null
      ? await startPublicSecuritySimulator({
          appId: config.appId,
          token: config.token,
          advanceEveryMs: config.simulatorAdvanceMs,
        })
      : null;
  let client: PublicSecurityClient;
  try {
    client = await PublicSecurityClient.create({ ...config, url: simulator ? simulator.url : (config.url as string) }, deps);
  } catch (err) {
    await simulator?.close();
    throw err;
  }
  const mode: ConnectorHealth['mode'] = simulator ? 'simulator' : 'remote';

  return {
    system: PSB_SYSTEM,
    client,
    simulator,
    createLoaders: () => createPublicSecurityLoaders(client),
    health: (): ConnectorHealth => policyHealth(PSB_SYSTEM, mode, client.policy),
    async close(): Promise<void> {
      await client.close();
      await simulator?.close();
    },
  };
}
