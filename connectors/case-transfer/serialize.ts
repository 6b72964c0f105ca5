// Request bodies, byte-stable: the same input always gives the same bytes, whatever order the
// caller built its objects in. Each body is rebuilt field by field in the contract's schema order,
// optional fields omitted when undefined (never null) and unknown fields left out (the platform
// rejects them with 400). This is what makes an idempotent retry — same Idempotency-Key, same
// body — byte-identical, as the platform requires.
import type { Material, Party, ReconsiderationRequest, SupplementRequest, TransferRequest, WithdrawRequest } from './types';

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** Keeps the given keys in the given order, dropping undefined values. */
function ordered(entries: Array<[string, Json | undefined]>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

export function materialJson(m: Material): { [key: string]: Json } {
  return ordered([
    ['kind', m.kind],
    ['title', m.title],
    ['sha256', m.sha256],
    ['sizeBytes', m.sizeBytes],
    ['uploadId', m.uploadId],
  ]);
}

function partyJson(p: Party): { [key: string]: Json } {
  return ordered([
    ['kind', p.kind],
    ['name', p.name],
    ['idNumber', p.idNumber],
    ['uscc', p.uscc],
    ['role', p.role],
  ]);
}

export function transferRequestJson(r: TransferRequest): { [key: string]: Json } {
  return ordered([
    ['transferNo', r.transferNo],
    ['caseNo', r.caseNo],
    ['caseName', r.caseName],
    [
      'transferringUnit',
      ordered([
        ['name', r.transferringUnit.name],
        ['uscc', r.transferringUnit.uscc],
      ]),
    ],
    [
      'receivingUnit',
      ordered([
        ['name', r.receivingUnit.name],
        ['code', r.receivingUnit.code],
        ['kind', r.receivingUnit.kind],
      ]),
    ],
    ['suspectedCharges', [...r.suspectedCharges]],
    ['facts', r.facts],
    ['amountInvolved', r.amountInvolved],
    ['occurredAt', r.occurredAt],
    [
      'location',
      ordered([
        ['address', r.location.address],
        ['lng', r.location.lng],
        ['lat', r.location.lat],
      ]),
    ],
    ['parties', r.parties.map(partyJson)],
    ['materials', r.materials.map(materialJson)],
  ]);
}

/** The exact bytes of a createTransfer body. */
export function serializeTransferRequest(r: TransferRequest): Buffer {
  return Buffer.from(JSON.stringify(transferRequestJson(r)), 'utf8');
}

export function serializeWithdrawRequest(r: WithdrawRequest): Buffer {
  return Buffer.from(JSON.stringify(ordered([['reason', r.reason]])), 'utf8');
}

export function serializeReconsiderationRequest(r: ReconsiderationRequest): Buffer {
  return Buffer.from(
    JSON.stringify(
      ordered([
        ['reason', r.reason],
        ['materials', r.materials?.map(materialJson)],
      ]),
    ),
    'utf8',
  );
}

export function serializeSupplementRequest(r: SupplementRequest): Buffer {
  return Buffer.from(
    JSON.stringify(
      ordered([
        ['materials', r.materials.map(materialJson)],
        ['note', r.note],
      ]),
    ),
    'utf8',
  );
}
