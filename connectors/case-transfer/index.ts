// Case-transfer connector (行政执法与刑事司法衔接, 两法衔接): public surface.
//
//   const connector = await createCaseTransferConnector(parseCaseTransferConfig(env), {
//     logger,
//     callbackUrl: () => `${hubBaseUrl}/callbacks/case-transfer/status`,   // null until the hub listens
//   });
//   const upload = await connector.client.uploadMaterial({ fileName, contentType, content, sha256 });
//   const accepted = await connector.client.createTransfer(request, outboxMessage.idempotencyKey);
//   verifyCallbackSignature(rawBody, req.headers['x-platform-signature'], connector.callbackSecrets, nowSeconds);
//   connector.health();
//   await connector.close();
//
// Without TRANSFER_URL the connector starts the in-process simulator on 127.0.0.1 (ephemeral
// port), calls it over HTTP (the same code path as the real platform) and lets it send signed
// status callbacks to deps.callbackUrl() whenever that returns a URL.
import { policyHealth, type PolicyClock } from '../core/call-policy';
import type { Connector, ConnectorHealth, ConnectorLogger } from '../core/types';
import { CaseTransferClient } from './client';
import { callbackSecretsOf, type CaseTransferConfig } from './config';
import { startCaseTransferSimulator, type CaseTransferSimulator } from './simulator/server';

export interface CaseTransferConnector extends Connector {
  readonly system: 'case-transfer';
  readonly client: CaseTransferClient;
  /** The in-process simulator when no TRANSFER_URL is configured, else null. */
  readonly simulator: CaseTransferSimulator | null;
  /** Secrets a status callback's X-Platform-Signature may be made with (current first). */
  readonly callbackSecrets: string[];
  health(): ConnectorHealth;
  /** Closes pooled sockets and the simulator (its timers and pending callbacks), if any. */
  close(): Promise<void>;
}

export interface CaseTransferConnectorDeps {
  logger?: ConnectorLogger;
  /** Injected time for the call policy and token expiry, and (in simulator mode) the simulator's clock. */
  clock?: PolicyClock;
  /** The hub's status-callback URL (`{hub}/callbacks/case-transfer/status`), or null while it has none. Simulator mode only. */
  callbackUrl?: () => string | null;
}

export async function createCaseTransferConnector(config: CaseTransferConfig, deps: CaseTransferConnectorDeps = {}): Promise<CaseTransferConnector> {
  const simulator =
    config.url === null
      ? await startCaseTransferSimulator({
          host: '127.0.0.1',
          port: 0,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          callbackSecret: config.callbackSecret,
          callbackUrl: deps.callbackUrl,
          now: deps.clock?.now,
          advanceEveryMs: config.simulatorAdvanceMs,
        })
      : null;
  const baseUrl = config.url ?? (simulator as CaseTransferSimulator).url;
  const client = new CaseTransferClient({ baseUrl, config, logger: deps.logger, clock: deps.clock });
  const mode: ConnectorHealth['mode'] = simulator ? 'simulator' : 'remote';
  let closed = false;

  return {
    system: 'case-transfer',
    client,
    simulator,
    callbackSecrets: callbackSecretsOf(config),
    health: () => policyHealth('case-transfer', mode, client.policy),
    close: async () => {
      if (closed) return;
      closed = true;
      client.close();
      if (simulator) await simulator.close();
    },
  };
}

export {
  CaseTransferClient,
  encodeFileName,
  type ActionOutcome,
  type CaseTransferClientOptions,
  type CreateTransferResult,
  type ListTransfersParams,
  type ListTransfersSinceOptions,
  type UploadMaterialInput,
} from './client';
export {
  callbackSecretsOf,
  CASE_TRANSFER_DEFAULTS,
  parseCaseTransferConfig,
  SANDBOX_TRANSFER_CALLBACK_SECRET,
  SANDBOX_TRANSFER_CLIENT_ID,
  SANDBOX_TRANSFER_CLIENT_SECRET,
  type CaseTransferConfig,
} from './config';
export {
  CALLBACK_SIGNATURE_HEADER,
  CALLBACK_TOLERANCE_SECONDS,
  computeCallbackSignature,
  parseStatusCallback,
  signCallback,
  verifyCallbackSignature,
  type CallbackVerification,
  type StatusCallbackParse,
} from './callbacks';
export { CaseTransferError, errorFromResponse, parseErrorBody, tokenErrorFromResponse, type CaseTransferErrorDetails } from './errors';
export {
  serializeReconsiderationRequest,
  serializeSupplementRequest,
  serializeTransferRequest,
  serializeWithdrawRequest,
} from './serialize';
export { formatShanghai, parseDateTime } from './time';
export { TokenManager, type TokenManagerOptions } from './token';
export {
  startCaseTransferSimulator,
  type CaseTransferBehaviour,
  type CaseTransferOperation,
  type CaseTransferSimulator,
  type CaseTransferSimulatorOptions,
} from './simulator/server';
export type { CallbackDelivery, CallbackSwitches } from './simulator/dispatcher';
export type { CreatedTransferRecord, DecisionInput, ReconsiderationOutcome, ReviewOutcome } from './simulator/store';
export * from './types';
