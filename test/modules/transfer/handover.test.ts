// 移交 through the real server: the handling street team hands a case to the competent department,
// which accepts it (and becomes the handling department) or returns it with reasons. Judicial
// organs are not handed cases this way (两法衔接 goes through createTransfer).
import { createHash, randomUUID } from 'node:crypto';
import {
  AcceptHandOverDocument,
  AddEvidenceDocument,
  CaseHandlingDocument,
  CaseHistoryDocument,
  CorrectCaseDocument,
  DecideCaseDocument,
  FileCaseDocument,
  HandOverCaseDocument,
  NotifyPartyDocument,
  RegisterCaseDocument,
  ReturnHandOverDocument,
  VerifyCaseHistoryDocument,
} from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

type Res = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
type Stage = 'RECEIVED' | 'FILED' | 'INVESTIGATING';

let t: TestHub;
let gh: string; // LH-GH OFFICER: the handling street team
let ghPartner: string; // LH-GH PARTNER: not an officer
let mz: string; // LH-MZ OFFICER: another street team
let zjj: string; // 水务局 OFFICER: the receiving department
let zjjPartner: string; // 水务局 PARTNER
let scjg: string; // 市场监管 OFFICER: a department not involved
let supervisor: string; // LH-CGJ SUPERVISOR: reads every case
let badges: string[];

const REASON = '经核查，该违法行为属住房和建设部门职责范围，依法移交';

function ext(res: Res): Record<string, unknown> {
  return res.errors?.[0]?.extensions ?? {};
}

beforeAll(async () => {
  t = await startTestHub({ env: { WORKERS_ENABLED: '0' } });
  gh = await t.token('LH-GH', 'OFFICER', 'gh-handover-officer');
  ghPartner = await t.token('LH-GH', 'PARTNER', 'gh-handover-partner');
  mz = await t.token('LH-MZ', 'OFFICER', 'mz-handover-officer');
  zjj = await t.token('LH-SWJ', 'OFFICER', 'zjj-officer');
  zjjPartner = await t.token('LH-SWJ', 'PARTNER', 'zjj-partner');
  scjg = await t.token('LH-SCJG', 'OFFICER', 'scjg-officer');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-supervisor');
  const officers = await t.db.prisma.officer.findMany({ where: { department: { code: 'LH-GH' }, active: true }, orderBy: { badgeNo: 'asc' } });
  badges = officers.slice(0, 2).map((o) => o.badgeNo);
  expect(badges).toHaveLength(2);
});

afterAll(async () => {
  await t?.stop();
});

/** A fresh LH-GH case in the given stage. */
async function caseIn(stage: Stage = 'INVESTIGATING', withParty = false): Promise<string> {
  const reg = await t.gql(
    RegisterCaseDocument,
    {
      input: {
        source: 'PATROL',
        powerItemCode: 'LH-QZ-0102-001',
        summary: '临街工地未设置围挡、裸土未覆盖',
        address: '深圳市龙华区观湖街道环观南路12号',
        lng: 114.05,
        lat: 22.71,
        officerBadgeNos: badges,
        ...(withParty ? { parties: [{ code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' }] } : {}),
      },
    },
    gh,
  );
  expect(reg.errors).toBeUndefined();
  const id = reg.data!.registerCase.id;
  if (stage === 'RECEIVED') return id;
  expect((await t.gql(FileCaseDocument, { caseId: id }, gh)).errors).toBeUndefined();
  if (stage === 'FILED') return id;
  const sha256 = createHash('sha256').update(id).digest('hex');
  const ev = await t.gql(AddEvidenceDocument, { caseId: id, input: { kind: 'PHOTO', description: '现场照片', sha256, collectorBadgeNo: badges[0] } }, gh);
  expect(ev.data?.addEvidence.stage).toBe('INVESTIGATING');
  return id;
}

/** The case as a supervisor sees it: handling department, stage, version and transfers. */
async function handling(caseId: string) {
  const res = await t.gql(CaseHandlingDocument, { id: caseId }, supervisor);
  expect(res.errors).toBeUndefined();
  return res.data!.case;
}

async function handOver(caseId: string, toDepartmentCode = 'LH-SWJ', token = gh) {
  return t.gql(HandOverCaseDocument, { caseId, input: { toDepartmentCode, reason: REASON } }, token);
}

/** Hands the case to 水务局; the hand-over must be accepted as a request. */
async function handedOver(caseId: string) {
  const res = await handOver(caseId);
  expect(res.errors).toBeUndefined();
  return res.data!.handOverCase;
}

function correct(caseId: string, token: string) {
  return t.gql(CorrectCaseDocument, { caseId, input: { summary: `更正摘要 ${randomUUID().slice(0, 8)}`, reason: '摘要笔误，予以更正' } }, token);
}

describe('a hand-over accepted', () => {
  it.each<Stage>(['RECEIVED', 'FILED', 'INVESTIGATING'])('moves a %s case to 水务局, which becomes its handling department', async (stage) => {
    const caseId = await caseIn(stage);
    const before = await handling(caseId);
    expect(before).toMatchObject({ stage, department: { code: 'LH-GH' } });

    const t1 = await handedOver(caseId);
    expect(t1).toMatchObject({
      kind: 'INTERNAL',
      status: 'SUBMITTED',
      facts: REASON,
      returnReason: null,
      decidedAt: null,
      fromDepartment: { code: 'LH-GH' },
      toDepartment: { code: 'LH-SWJ' },
    });
    expect(t1.transferNo).toMatch(/^YJ-LH-GH-\d{4}-\d{4}$/);
    // Requested, not yet moved.
    expect((await handling(caseId)).department.code).toBe('LH-GH');

    const accepted = await t.gql(AcceptHandOverDocument, { transferId: t1.id }, zjj);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptHandOver).toMatchObject({ id: t1.id, status: 'ACCEPTED', toDepartment: { code: 'LH-SWJ' } });
    expect(accepted.data!.acceptHandOver.decidedAt).not.toBeNull();

    const after = await handling(caseId);
    expect(after.department.code).toBe('LH-SWJ');
    expect(after.stage).toBe(stage); // the stage stays; only the handler changes
    expect(after.transfers).toEqual([{ id: t1.id, kind: 'INTERNAL', status: 'ACCEPTED', returnReason: null }]);

    const history = (await t.gql(CaseHistoryDocument, { caseId }, supervisor)).data!.caseHistory;
    const handedOverEvents = history.filter((e) => e.type === 'HANDED_OVER');
    expect(handedOverEvents).toHaveLength(1);
    expect(handedOverEvents[0]).toMatchObject({ stageBefore: stage, stageAfter: stage, actorDept: 'LH-SWJ' });
    expect(handedOverEvents[0].payload).toMatchObject({ transferId: t1.id });
    expect(history[history.length - 1].type).toBe('HANDED_OVER');
    expect((await t.gql(VerifyCaseHistoryDocument, { caseId }, supervisor)).data!.verifyCaseHistory.valid).toBe(true);

    // 观湖 no longer takes lifecycle steps on it.
    const refused = await correct(caseId, gh);
    expect(ext(refused).code).toBe('FORBIDDEN');
    expect(await handling(caseId)).toEqual(after);

    // Accepting twice is refused.
    expect(ext(await t.gql(AcceptHandOverDocument, { transferId: t1.id }, zjj))).toMatchObject({ code: 'ILLEGAL_TRANSITION', stage: 'ACCEPTED' });
  });
});

describe('a hand-over returned', () => {
  it('leaves the case with 观湖, REJECTED with the reasons, and lets it be handed over again', async () => {
    const caseId = await caseIn('INVESTIGATING');
    const t1 = await handedOver(caseId);

    const noReason = await t.gql(ReturnHandOverDocument, { transferId: t1.id, reason: '不' }, zjjPartner);
    expect(ext(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const reason = '该工地已纳入建筑废弃物执法范围，不属于本局职责，退回原单位';
    const returned = await t.gql(ReturnHandOverDocument, { transferId: t1.id, reason }, zjjPartner);
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnHandOver).toMatchObject({ id: t1.id, status: 'REJECTED', returnReason: reason });
    expect(returned.data!.returnHandOver.decidedAt).not.toBeNull();

    const after = await handling(caseId);
    expect(after).toMatchObject({ stage: 'INVESTIGATING', department: { code: 'LH-GH' } });
    expect(after.transfers).toEqual([{ id: t1.id, kind: 'INTERNAL', status: 'REJECTED', returnReason: reason }]);
    const history = (await t.gql(CaseHistoryDocument, { caseId }, supervisor)).data!.caseHistory;
    expect(history.some((e) => e.type === 'HANDED_OVER')).toBe(false);
    expect(history.filter((e) => e.type === 'TRANSFERRED').map((e) => (e.payload as { step?: string }).step)).toEqual(['HANDOVER_REQUESTED', 'HANDOVER_RETURNED']);

    // Returned is final: neither accepted nor returned again.
    expect(ext(await t.gql(AcceptHandOverDocument, { transferId: t1.id }, zjj))).toMatchObject({ code: 'ILLEGAL_TRANSITION', stage: 'REJECTED' });
    expect(ext(await t.gql(ReturnHandOverDocument, { transferId: t1.id, reason }, zjj)).code).toBe('ILLEGAL_TRANSITION');
    expect((await handling(caseId)).department.code).toBe('LH-GH');

    // 观湖 still handles it, and may hand it over again.
    expect((await correct(caseId, gh)).errors).toBeUndefined();
    const again = await handOver(caseId);
    expect(again.errors).toBeUndefined();
    expect(again.data!.handOverCase.status).toBe('SUBMITTED');
  });
});

describe('refusals', () => {
  it('refuses a second hand-over while one is pending (PRECONDITION_FAILED)', async () => {
    const caseId = await caseIn('FILED');
    const t1 = await handedOver(caseId);
    for (const to of ['LH-SWJ', 'LH-SCJG']) {
      const second = await handOver(caseId, to);
      expect(ext(second)).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'HANDOVER_IN_PROGRESS', transferId: t1.id });
    }
    expect((await handling(caseId)).transfers.map((x) => [x.id, x.status])).toEqual([[t1.id, 'SUBMITTED']]);
  });

  it('lets only the receiving department answer (FORBIDDEN), changing nothing', async () => {
    const caseId = await caseIn('INVESTIGATING');
    const t1 = await handedOver(caseId);
    const before = await handling(caseId);
    for (const token of [scjg, gh, mz]) {
      expect(ext(await t.gql(AcceptHandOverDocument, { transferId: t1.id }, token))).toMatchObject({ code: 'FORBIDDEN', rule: 'RECEIVING_DEPARTMENT' });
      expect(ext(await t.gql(ReturnHandOverDocument, { transferId: t1.id, reason: '不属于本部门职责范围' }, token))).toMatchObject({
        code: 'FORBIDDEN',
        rule: 'RECEIVING_DEPARTMENT',
      });
    }
    expect(await handling(caseId)).toEqual(before);
    expect(before.transfers).toEqual([{ id: t1.id, kind: 'INTERNAL', status: 'SUBMITTED', returnReason: null }]);
    expect(before.department.code).toBe('LH-GH');
  });

  it('is started by an officer of the handling team only', async () => {
    const caseId = await caseIn('RECEIVED');
    expect(ext(await handOver(caseId, 'LH-SWJ', mz)).code).toBe('FORBIDDEN');
    expect(ext(await handOver(caseId, 'LH-SWJ', ghPartner)).code).toBe('FORBIDDEN');
    expect(ext(await handOver(caseId, 'LH-SWJ', zjj)).code).toBe('FORBIDDEN');
    expect((await handling(caseId)).transfers).toEqual([]);
  });

  it('does not hand a case to a judicial organ, an unknown department or the team itself (BAD_USER_INPUT)', async () => {
    const caseId = await caseIn('INVESTIGATING');
    for (const to of ['LH-GAJ', 'LH-JCY']) {
      expect(ext(await handOver(caseId, to))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode', rule: 'NOT_JUDICIAL' });
    }
    expect(ext(await handOver(caseId, 'LH-NOPE'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode', rule: 'UNKNOWN_DEPARTMENT' });
    expect(ext(await handOver(caseId, 'LH-GH'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDepartmentCode' });
    expect((await handling(caseId)).transfers).toEqual([]);
  });

  it('does not hand over a decided case (ILLEGAL_TRANSITION)', async () => {
    const caseId = await caseIn('INVESTIGATING', true);
    // Tier 2 of LH-QZ-0102-001: a fine of 200–1000 yuan, no legal review.
    const notified = await t.gql(NotifyPartyDocument, { caseId, input: { tierLevel: 2, proposedPenalty: 'FINE', proposedFine: '500', method: 'IN_PERSON' } }, gh);
    expect(notified.errors).toBeUndefined();
    const decided = await t.gql(
      DecideCaseDocument,
      { caseId, input: { kind: 'FINE', fineAmount: '500', reasoning: '事实清楚，证据确凿', partyWaivedRights: true } },
      gh,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCase.stage).toBe('DECIDED');

    const before = await handling(caseId);
    const res = await handOver(caseId);
    expect(ext(res)).toMatchObject({ code: 'ILLEGAL_TRANSITION', stage: 'DECIDED' });
    expect(await handling(caseId)).toEqual(before);
    expect(before.transfers).toEqual([]);
  });
});
