// The shape that a case event's hash covers. Both the case service and the seed build events
// through buildCaseEvent, so a chain written by either verifies the same way.
import { GENESIS_HASH, chainHash } from './hash-chain';
import type { CaseEventType, CaseStage } from '../generated/prisma/enums';

export interface CaseEventInput {
  caseId: string;
  type: CaseEventType;
  stageBefore: CaseStage | null;
  stageAfter: CaseStage;
  payload: Record<string, unknown>;
  reason?: string | null;
  actorSub: string;
  actorDept: string;
  occurredAt: Date;
}

export interface ChainedCaseEvent extends CaseEventInput {
  seq: number;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export interface ChainTip {
  seq: number;
  hash: string;
}

/** The fields a stored event row is hashed over (the row's id is not: it carries no meaning). */
export function caseEventHashContent(e: {
  caseId: string;
  seq: number;
  type: string;
  stageBefore: string | null;
  stageAfter: string;
  payload: unknown;
  reason: string | null;
  actorSub: string;
  actorDept: string;
  occurredAt: Date;
}): Record<string, unknown> {
  return {
    caseId: e.caseId,
    seq: e.seq,
    type: e.type,
    stageBefore: e.stageBefore,
    stageAfter: e.stageAfter,
    payload: e.payload,
    reason: e.reason,
    actorSub: e.actorSub,
    actorDept: e.actorDept,
    occurredAt: e.occurredAt.toISOString(),
  };
}

export function buildCaseEvent(tip: ChainTip | null, input: CaseEventInput): ChainedCaseEvent {
  const seq = (tip?.seq ?? 0) + 1;
  const prevHash = tip?.hash ?? GENESIS_HASH;
  const reason = input.reason ?? null;
  // Round-trip the payload through JSON so the hash covers exactly what the database will return.
  const payload = JSON.parse(JSON.stringify(input.payload)) as Record<string, unknown>;
  const hash = chainHash(prevHash, caseEventHashContent({ ...input, payload, reason, seq }));
  return { ...input, payload, reason, seq, prevHash, hash };
}
