// 12345 hotline connector (12345政务服务便民热线): public surface.
//
//   const connector = await createHotlineConnector(parseHotlineConfig(env), {
//     logger,
//     webhookUrl: () => `${hubBaseUrl}/webhooks/hotline/work-orders`,   // null until the hub listens
//   });
//   verifyWebhookSignature(rawBody, req.headers['x-hotline-signature'], connector.webhookSecrets, nowSeconds);
//   const parsed = parseWorkOrderEvent(rawBody);
//   const changed = await connector.client.listWorkOrdersSince(lastSeenUpdatedAtMinus5Min);
//   await connector.client.signWorkOrder(orderNo, { signedBy });
//   connector.health();
//   await connector.close();
//
// Without HOTLINE_URL the connector starts the in-process simulator on 127.0.0.1 (ephemeral port),
// calls it over HTTP (the same code path as the real hotline) and lets it push signed webhooks to
// deps.webhookUrl() whenever that returns a URL.
import { policyHealth, type PolicyClock } from '../core/call-policy';
import type { Connector, ConnectorHealth, ConnectorLogger } from '../core/types';
import { HotlineClient } from './client';
import { webhookSecretsOf, type HotlineConfig } from './config';
import { startHotlineSimulator, type HotlineSimulator } from './simulator/server';

export interface HotlineConnector extends Connector {
  readonly system: 'hotline-12345';
  readonly client: HotlineClient;
  /** The in-process simulator when no HOTLINE_URL is configured, else null. */
  readonly simulator: HotlineSimulator | null;
  /** Secrets a webhook's X-Hotline-Signature may be made with: the current one first, then the previous one during a rotation. */
  readonly webhookSecrets: string[];
  /** The handling-unit code (承办单位) the API key is bound to. */
  readonly assignee: string;
  health(): ConnectorHealth;
  /** Closes pooled sockets and the simulator (its timers and pending webhooks), if any. */
  close(): Promise<void>;
}

export interface HotlineConnectorDeps {
  logger?: ConnectorLogger;
  /** Injected time for the call policy and, in simulator mode, the simulator's clock. */
  clock?: PolicyClock;
  /** {hub}/webhooks/hotline/work-orders or null while the hub does not listen (simulator mode). */
  webhookUrl?: () => string | null;
}

export async function createHotlineConnector(config: HotlineConfig, deps: HotlineConnectorDeps = {}): Promise<HotlineConnector> {
  const simulator =
    config.url === null
      ? await startHotlineSimulator({
          host: '127.0.0.1',
          port: 0,
          apiKey: config.apiKey,
          assignee: config.assignee,
          webhookSecret: config.webhookSecret,
          webhookUrl: deps.webhookUrl,
          now: deps.clock?.now,
          dispatchEveryMs: config.simulatorDispatchMs,
        })
      : null;
  const baseUrl = config.url ?? (simulator as HotlineSimulator).url;
  const client = new HotlineClient({ baseUrl, config, logger: deps.logger, clock: deps.clock });
  const mode: ConnectorHealth['mode'] = simulator ? 'simulator' : 'remote';
  let closed = false;

  return {
    system: 'hotline-12345',
    client,
    simulator,
    webhookSecrets: webhookSecretsOf(config),
    assignee: config.assignee,
    health: () => policyHealth('hotline-12345', mode, client.policy),
    close: async () => {
      if (closed) return;
      closed = true;
      client.close();
      if (simulator) await simulator.close();
    },
  };
}

export { HotlineClient, type CallOpts, type HotlineClientOptions, type ListWorkOrdersParams, type ListWorkOrdersSinceOptions } from './client';
export {
  HOTLINE_DEFAULTS,
  HotlineConfigError,
  parseHotlineConfig,
  SANDBOX_HOTLINE_API_KEY,
  SANDBOX_HOTLINE_ASSIGNEE,
  SANDBOX_HOTLINE_WEBHOOK_SECRET,
  webhookSecretsOf,
  type HotlineConfig,
} from './config';
export { badResponse, errorFromResponse, HotlineError, invalidArgument, parseErrorBody, type ErrorResponse } from './errors';
export { createHotlineLoaders, type HotlineLoaders } from './loaders';
export { formatShanghai, parseDateTime } from './time';
export {
  computeWebhookSignature,
  parseWorkOrderEvent,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookVerification,
  type WorkOrderEventParse,
} from './webhooks';
export { readWorkOrder, readWorkOrderEvent, ShapeProblem } from './validate';
export {
  startHotlineSimulator,
  type HotlineOperation,
  type HotlineSimulator,
  type HotlineSimulatorOptions,
} from './simulator/server';
export type { WebhookDelivery, WebhookOutcome, WebhookSwitches } from './simulator/dispatcher';
export type { DispatchOverrides, SimReply } from './simulator/store';
export * from './types';
