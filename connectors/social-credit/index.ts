// Social credit connector (公共信用信息共享平台): the public surface. Without CREDIT_URL it runs
// against the in-process simulator on 127.0.0.1 (sandbox), with the same client code path.
import { policyHealth, type Connector, type ConnectorHealth, type ConnectorLogger, type PolicyClock } from '../core';
import { SocialCreditClient } from './client';
import type { SocialCreditConfig } from './config';
import { CreditProfileCache, createSocialCreditLoaders, type SocialCreditLoaderOptions, type SocialCreditLoaders } from './loaders';
import { startSocialCreditSimulator, type SocialCreditSimulator } from './simulator/server';

export interface SocialCreditConnector extends Connector {
  readonly system: 'social-credit';
  readonly client: SocialCreditClient;
  /** The in-process simulator when config.url is null, else null. */
  readonly simulator: SocialCreditSimulator | null;
  /** The shared profile cache when profileCacheTtlMs > 0, else null. */
  readonly profileCache: CreditProfileCache | null;
  /** Fresh per-request loaders (sharing the connector's profile cache, if any). */
  createLoaders(options?: SocialCreditLoaderOptions): SocialCreditLoaders;
  health(): ConnectorHealth;
  close(): Promise<void>;
}

export interface SocialCreditConnectorDeps {
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export async function createSocialCreditConnector(
  config: SocialCreditConfig,
  deps: SocialCreditConnectorDeps = {},
): Promise<SocialCreditConnector> {
  const simulator =
    config.url === null
      ? await startSocialCreditSimulator({
          host: '127.0.0.1',
          port: 0,
          username: config.username,
          password: config.password,
          reportStepMs: config.simulatorReportStepMs ?? 5_000,
        })
      : null;
  const endpoint = simulator ? simulator.url : (config.url as string);
  let client: SocialCreditClient;
  try {
    client = await SocialCreditClient.create({
      endpoint,
      username: config.username,
      password: config.password,
      timeoutMs: config.timeoutMs,
      batchTimeoutMs: config.batchTimeoutMs,
      defaultPurpose: config.defaultPurpose,
      maxAttempts: config.maxAttempts,
      retryBaseDelayMs: config.retryBaseDelayMs,
      retryMaxDelayMs: config.retryMaxDelayMs,
      maxRetryAfterMs: config.maxRetryAfterMs,
      breaker: config.breaker,
      authFailureLimit: config.authFailureLimit,
      authSuspendMs: config.authSuspendMs,
      logger: deps.logger,
      clock: deps.clock,
    });
  } catch (err) {
    await simulator?.close();
    throw err;
  }
  const profileCache = config.profileCacheTtlMs > 0 ? new CreditProfileCache(config.profileCacheTtlMs, deps.clock?.now ?? Date.now) : null;
  const mode = simulator ? 'simulator' : 'remote';

  return {
    system: 'social-credit',
    client,
    simulator,
    profileCache,
    createLoaders: (options?: SocialCreditLoaderOptions) => createSocialCreditLoaders(client, profileCache, options),
    health: (): ConnectorHealth => policyHealth('social-credit', mode, client.policy),
    async close() {
      await client.close();
      await simulator?.close();
    },
  };
}

export { SocialCreditClient, CREDIT_BATCH_LIMIT } from './client';
export type { SocialCreditClientOptions, ProfileQueryOptions, BatchQueryOptions, CallOptionsBase } from './client';
export { parseSocialCreditConfig, SocialCreditConfigError, SANDBOX_CREDIT_USERNAME, SANDBOX_CREDIT_PASSWORD } from './config';
export type { SocialCreditConfig } from './config';
export { CreditProfileCache, createSocialCreditLoaders } from './loaders';
export type { SocialCreditLoaders, SocialCreditLoaderOptions } from './loaders';
export { yuanToWan, wanToYuan } from './amounts';
export { startSocialCreditSimulator } from './simulator/server';
export type { SocialCreditSimulator, SocialCreditSimulatorOptions } from './simulator/server';
export * from './types';
