export {
  startCaseTransferSimulator,
  type CaseTransferBehaviour,
  type CaseTransferOperation,
  type CaseTransferSimulator,
  type CaseTransferSimulatorOptions,
} from './server';
export {
  CallbackDispatcher,
  CONTRACT_RETRY_DELAYS_MS,
  CONTRACT_RETRY_FOR_MS,
  DEFAULT_CALLBACK_SWITCHES,
  type CallbackDelivery,
  type CallbackDispatcherOptions,
  type CallbackSwitches,
  type DeliveryOutcome,
} from './dispatcher';
export {
  TransferStore,
  defaultDecision,
  defaultReconsideration,
  SIMULATED_MISSING_ITEMS,
  SIMULATED_NOT_FILED_REASON,
  SIMULATED_UPHELD_REASON,
  UPLOAD_TTL_MS,
  type CreatedTransferRecord,
  type DecisionInput,
  type ReconsiderationOutcome,
  type ReviewOutcome,
  type SimTransfer,
  type SimUpload,
} from './store';
export { Refusal } from './requests';
