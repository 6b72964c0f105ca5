// The hub's event log as seen by its writers and by the subscription machinery. Kept apart from
// the bus and the transports so each can import it without a cycle.

export const HUB_EVENT_TOPICS = ['CASE_UPDATED', 'TRANSFER_STATUS_CHANGED', 'ASSIST_REQUEST_UPDATED', 'WORK_ORDER_UPDATED', 'SUPERVISION_ALERT'] as const;
export type HubEventTopic = (typeof HUB_EVENT_TOPICS)[number];

export function isHubEventTopic(value: unknown): value is HubEventTopic {
  return typeof value === 'string' && (HUB_EVENT_TOPICS as readonly string[]).includes(value);
}

/** What a writer records, inside its own transaction. */
export interface HubEventInput {
  topic: HubEventTopic;
  caseId?: string | null;
  transferId?: string | null;
  assistRequestId?: string | null;
  workOrderId?: string | null;
  /** Departments the event concerns (assistRequestUpdated filters on them). */
  departmentCodes?: string[];
  /** Plain JSON (Dates become ISO-8601 strings when stored). See src/events/payloads.ts. */
  payload: Record<string, unknown>;
}

/** An event as stored in HubEvent: `seq` is its position in the log (BIGSERIAL, as a decimal string). */
export interface StoredHubEvent {
  seq: string;
  topic: HubEventTopic;
  caseId: string | null;
  transferId: string | null;
  assistRequestId: string | null;
  workOrderId: string | null;
  departmentCodes: string[];
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Carries committed events to the buses of every hub instance (one process: in memory; many: Redis). */
export interface EventTransport {
  publish(events: StoredHubEvent[]): Promise<void>;
  /** Registers a listener; returns the function that removes it. */
  onMessage(listener: (events: StoredHubEvent[]) => void): () => void;
  close(): Promise<void>;
}

/** Which events a subscription wants. All given conditions must hold. */
export interface HubEventFilter {
  topic: HubEventTopic;
  caseId?: string;
  transferId?: string;
  /** The event's departmentCodes include it. */
  departmentCode?: string;
}

export interface SubscribeOptions {
  /** Replay the log after this sequence number first (exclusive); null/absent: live events only. */
  since?: string | null;
  /** Asked for every event before it is handed out, with the subscriber's own principal. */
  visible: (event: StoredHubEvent) => Promise<boolean> | boolean;
}

/** An event with its sequence number parsed once, as the bus and the streams compare it. */
export interface Envelope {
  n: bigint;
  event: StoredHubEvent;
}

export function compareEnvelopes(a: Envelope, b: Envelope): number {
  return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

export function matchesFilter(filter: HubEventFilter, event: StoredHubEvent): boolean {
  if (event.topic !== filter.topic) return false;
  if (filter.caseId !== undefined && event.caseId !== filter.caseId) return false;
  if (filter.transferId !== undefined && event.transferId !== filter.transferId) return false;
  if (filter.departmentCode !== undefined && !event.departmentCodes.includes(filter.departmentCode)) return false;
  return true;
}
