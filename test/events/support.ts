// Helpers for the subscription tests: graphql-ws subscribers, case steps over HTTP, waiting.
import { createHash, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestHub } from '../support/test-hub';

export const CASE_UPDATED = `subscription CaseUpdated($caseId: ID!, $since: String) {
  caseUpdated(caseId: $caseId, since: $since) { sequence caseId caseNo stage version eventType occurredAt }
}`;

export const TRANSFER_STATUS_CHANGED = `subscription TransferStatusChanged($transferId: ID, $caseId: ID, $since: String) {
  transferStatusChanged(transferId: $transferId, caseId: $caseId, since: $since) {
    sequence transferId caseId transferNo status platformSequence occurredAt detail
  }
}`;

export const ASSIST_REQUEST_UPDATED = `subscription AssistRequestUpdated($departmentCode: String!, $since: String) {
  assistRequestUpdated(departmentCode: $departmentCode, since: $since) {
    sequence assistRequestId caseId fromDepartmentCode toDepartmentCode status kind dueAt occurredAt
  }
}`;

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface Subscriber<T> {
  client: Client;
  /** Payloads of the subscription field, in the order received. */
  events: T[];
  /** Errors in results (refusals at subscribe time) and errors that ended the operation. */
  errors: GraphQLErrorShape[];
  /** The socket-level error, e.g. a CloseEvent with code 4403. */
  socketError: unknown;
  completed: boolean;
  closedCode: number | null;
  /** Resolves when the operation completed or failed. */
  ended: Promise<void>;
  dispose(): Promise<void>;
}

export function wsUrl(t: TestHub): string {
  return t.url.replace(/^http/, 'ws');
}

export function subscribe<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Subscriber<T> {
  const state = { closedCode: null as number | null };
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (e) => {
        state.closedCode = (e as { code?: number }).code ?? null;
      },
    },
  });
  let end!: () => void;
  const sub: Subscriber<T> = {
    client,
    events: [],
    errors: [],
    socketError: null,
    completed: false,
    get closedCode() {
      return state.closedCode;
    },
    ended: new Promise<void>((resolve) => (end = resolve)),
    dispose: async () => {
      await client.dispose();
    },
  };
  client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) sub.errors.push(...(result.errors as GraphQLErrorShape[]));
        if (result.data) sub.events.push(...Object.values(result.data));
      },
      error: (err) => {
        if (Array.isArray(err)) sub.errors.push(...(err as GraphQLErrorShape[]));
        else sub.socketError = err;
        end();
      },
      complete: () => {
        sub.completed = true;
        end();
      },
    },
  );
  return sub;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the hub has `count` more open subscriptions than `before` (they listen from then on). */
export async function subscriptionsOpen(t: TestHub, count: number): Promise<void> {
  await waitFor(() => t.hub.services.events.subscriberCount === count, `${count} open subscriptions on the hub`);
}

export interface CaseRef {
  id: string;
  caseNo: string;
  version: number;
}

/** What an officer of a street team needs to register cases there. */
export async function streetSetup(t: TestHub, departmentCode: string) {
  const officers = await t.db.prisma.officer.findMany({ where: { department: { code: departmentCode }, active: true }, orderBy: { badgeNo: 'asc' } });
  const item = await t.db.prisma.powerItem.findFirstOrThrow({ where: { active: true }, orderBy: { code: 'asc' } });
  const token = await t.token(departmentCode, 'OFFICER', `${departmentCode.toLowerCase()}-events-officer`);
  return { token, badges: officers.slice(0, 2).map((o) => o.badgeNo), powerItemCode: item.code };
}

export async function registerCase(t: TestHub, street: { token: string; badges: string[]; powerItemCode: string }): Promise<CaseRef> {
  const res = await t.gql<{ registerCase: CaseRef }>(
    `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo version } }`,
    {
      input: {
        source: 'PATROL',
        powerItemCode: street.powerItemCode,
        summary: '巡查发现占道经营',
        address: '深圳市龙华区观湖街道环观南路12号',
        officerBadgeNos: street.badges,
      },
    },
    street.token,
  );
  if (res.errors) throw new Error(`registerCase failed: ${JSON.stringify(res.errors)}`);
  return res.data!.registerCase;
}

export async function fileCase(t: TestHub, token: string, caseId: string): Promise<void> {
  const res = await t.gql(`mutation($caseId: ID!) { fileCase(caseId: $caseId) { id } }`, { caseId }, token);
  if (res.errors) throw new Error(`fileCase failed: ${JSON.stringify(res.errors)}`);
}

export async function addEvidence(t: TestHub, token: string, caseId: string, badge: string): Promise<void> {
  const res = await t.gql(
    `mutation($caseId: ID!, $input: AddEvidenceInput!) { addEvidence(caseId: $caseId, input: $input) { id } }`,
    { caseId, input: { kind: 'PHOTO', description: '现场照片', sha256: createHash('sha256').update(randomUUID()).digest('hex'), collectorBadgeNo: badge } },
    token,
  );
  if (res.errors) throw new Error(`addEvidence failed: ${JSON.stringify(res.errors)}`);
}

export async function correctCase(t: TestHub, token: string, caseId: string, summary: string): Promise<void> {
  const res = await t.gql(
    `mutation($caseId: ID!, $input: CorrectCaseInput!) { correctCase(caseId: $caseId, input: $input) { id } }`,
    { caseId, input: { summary, reason: '摘要笔误，予以更正' } },
    token,
  );
  if (res.errors) throw new Error(`correctCase failed: ${JSON.stringify(res.errors)}`);
}

/** The CASE_UPDATED log of a case, as the database has it. */
export async function caseLog(t: TestHub, caseId: string): Promise<{ seq: string; eventType: string }[]> {
  const rows = await t.db.prisma.hubEvent.findMany({ where: { topic: 'CASE_UPDATED', caseId }, orderBy: { seq: 'asc' } });
  return rows.map((r) => ({ seq: r.seq.toString(), eventType: (r.payload as { eventType: string }).eventType }));
}

export function increasing(sequences: string[]): boolean {
  return sequences.every((s, i) => i === 0 || BigInt(s) > BigInt(sequences[i - 1]));
}
