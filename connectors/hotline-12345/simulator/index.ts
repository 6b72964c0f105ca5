export { startHotlineSimulator, type HotlineOperation, type HotlineSimulator, type HotlineSimulatorOptions } from './server';
export {
  CONTRACT_WEBHOOK_RETRY_DELAYS_MS,
  DEFAULT_WEBHOOK_SWITCHES,
  WEBHOOK_TIMEOUT_MS,
  WebhookDispatcher,
  type WebhookDelivery,
  type WebhookDispatcherOptions,
  type WebhookOutcome,
  type WebhookSwitches,
} from './dispatcher';
export {
  Refusal,
  WorkOrderStore,
  type AutomationOptions,
  type DispatchOverrides,
  type SimExtension,
  type SimOrder,
  type SimReply,
  type StoreOptions,
} from './store';
export {
  AUTO_CLOSE_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  autoCloseAt,
  replyDeadlineFor,
  returnDeadlineFor,
  signDeadlineFor,
  sixPmAfterWorkingDays,
} from './deadlines';
export { DEMO_STREETS, deptNameOf } from './fixtures';
