// The case lifecycle of 行政处罚法 through the real server: every step, and every refusal
// leaving the case exactly as it was.
import { createHash } from 'node:crypto';
import {
  AddEvidenceDocument,
  CaseByIdDocument,
  CaseHistoryDocument,
  CloseCaseDocument,
  CorrectCaseDocument,
  DecideCaseDocument,
  DeclineCaseDocument,
  DepartmentsDocument,
  FileCaseDocument,
  NotifyPartyDocument,
  PowerItemsDocument,
  RecordExecutionDocument,
  RecordLegalReviewDocument,
  RegisterCaseDocument,
  ServeDecisionDocument,
  VerifyCaseHistoryDocument,
} from '../../generated/graphql';
import type { RegisterCaseInput } from '../../generated/schema-types';
import { startTestHub, type TestHub } from '../../support/test-hub';

let t: TestHub;
let officer: string; // LH-GH OFFICER
let otherTeam: string; // LH-MZ OFFICER
let reviewer: string; // LH-CGJ OFFICER (法制审核)
let badges: string[];
let plainItem: { code: string; level: number; min: string; max: string };
let reviewItem: { code: string; level: number; min: string; max: string };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function codeOf(res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return res.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  t = await startTestHub();
  officer = await t.token('LH-GH', 'OFFICER', 'gh-officer');
  otherTeam = await t.token('LH-MZ', 'OFFICER', 'mz-officer');
  reviewer = await t.token('LH-CGJ', 'OFFICER', 'cgj-reviewer');
  const depts = await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, officer);
  badges = depts.data!.departments.find((d) => d.code === 'LH-GH')!.officers.map((o) => o.badgeNo);
  expect(badges.length).toBeGreaterThanOrEqual(3);
  const items = await t.gql(PowerItemsDocument, {}, officer);
  const pick = (needsReview: boolean) => {
    for (const item of items.data!.powerItems) {
      const tier = item.tiers.find((x) => x.penaltyKind === 'FINE' && x.requiresLegalReview === needsReview && x.fineMax);
      if (tier) return { code: item.code, level: tier.level, min: tier.fineMin as string, max: tier.fineMax as string };
    }
    throw new Error(`no power item with a FINE tier (review ${needsReview})`);
  };
  plainItem = pick(false);
  reviewItem = pick(true);
});

afterAll(async () => {
  await t.stop();
});

function registration(overrides: Partial<RegisterCaseInput> = {}): RegisterCaseInput {
  return {
    source: 'PATROL',
    powerItemCode: plainItem.code,
    summary: '巡查发现商户占道经营，在人行道摆放货架',
    address: '深圳市龙华区观湖街道松元厦社区环观南路12号',
    lng: 114.05,
    lat: 22.71,
    officerBadgeNos: badges.slice(0, 2),
    parties: [{ code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' }],
    ...overrides,
  };
}

async function register(overrides: Partial<RegisterCaseInput> = {}) {
  const res = await t.gql(RegisterCaseDocument, { input: registration(overrides) }, officer);
  expect(res.errors).toBeUndefined();
  return res.data!.registerCase;
}

async function snapshot(caseId: string) {
  const c = await t.gql(CaseByIdDocument, { id: caseId }, officer);
  const h = await t.gql(CaseHistoryDocument, { caseId }, officer);
  return { stage: c.data!.case.stage, version: c.data!.case.version, events: h.data!.caseHistory.length };
}

/** Drives a fresh case to INVESTIGATING with one piece of evidence. */
async function investigating(overrides: Partial<RegisterCaseInput> = {}) {
  const c = await register(overrides);
  await t.gql(FileCaseDocument, { caseId: c.id }, officer);
  const ev = await t.gql(
    AddEvidenceDocument,
    { caseId: c.id, input: { kind: 'PHOTO', description: '现场照片', sha256: sha(c.id), collectorBadgeNo: badges[0] } },
    officer,
  );
  expect(ev.data?.addEvidence.stage).toBe('INVESTIGATING');
  return c;
}

describe('the whole lifecycle', () => {
  it('walks a fined case from 受理 to 结案 and records every step in a verifiable chain', async () => {
    const c = await register();
    expect(c.stage).toBe('RECEIVED');
    expect(c.caseNo).toMatch(/^GH-\d{4}-\d{5}$/);
    expect(c.street).toBe('观湖');
    expect(c.officers.filter((o) => o.lead).map((o) => o.officer.badgeNo)).toEqual([badges[0]]);
    expect(c.parties[0].party.kind).toBe('ORGANISATION');

    const filed = await t.gql(FileCaseDocument, { caseId: c.id, note: '符合立案条件', expectedVersion: c.version }, officer);
    expect(filed.data?.fileCase.stage).toBe('FILED');

    const ev = await t.gql(
      AddEvidenceDocument,
      { caseId: c.id, input: { kind: 'INSPECTION_RECORD', description: '现场检查笔录', sha256: sha('record'), collectorBadgeNo: badges[1] } },
      officer,
    );
    expect(ev.data?.addEvidence.stage).toBe('INVESTIGATING');
    expect(ev.data?.addEvidence.evidence.map((e) => e.sha256)).toEqual([sha('record')]);

    const notified = await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: plainItem.level, proposedPenalty: 'FINE', proposedFine: plainItem.min, method: 'IN_PERSON' } },
      officer,
    );
    expect(notified.data?.notifyParty.stage).toBe('NOTIFIED');
    expect(notified.data?.notifyParty.tier?.level).toBe(plainItem.level);

    const decided = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'FINE', fineAmount: plainItem.max, reasoning: '事实清楚，证据确凿', partyWaivedRights: true } },
      officer,
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideCase.stage).toBe('DECIDED');
    expect(decided.data?.decideCase.decision?.decisionNo).toMatch(/^深龙观湖综执罚决〔\d{4}〕\d+号$/);
    expect(decided.data?.decideCase.decision?.fineAmount).toBe(Number(plainItem.max).toFixed(2));

    const served = await t.gql(ServeDecisionDocument, { caseId: c.id, input: { method: 'IN_PERSON' } }, officer);
    expect(served.data?.serveDecision.stage).toBe('SERVED');

    const half = (Number(plainItem.max) / 2).toFixed(2);
    const rest = (Number(plainItem.max) - Number(half)).toFixed(2);
    const paid1 = await t.gql(RecordExecutionDocument, { caseId: c.id, input: { amountPaid: half } }, officer);
    expect(paid1.data?.recordExecution.stage).toBe('EXECUTING');
    expect(paid1.data?.recordExecution.decision?.paidAmount).toBe(half);

    const early = await t.gql(CloseCaseDocument, { caseId: c.id, input: { summary: '结案' } }, officer);
    expect(codeOf(early)).toBe('EXECUTION_INCOMPLETE');
    expect(early.errors?.[0]?.extensions?.outstanding).toBe(rest);

    const over = await t.gql(RecordExecutionDocument, { caseId: c.id, input: { amountPaid: plainItem.max } }, officer);
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0]?.extensions?.rule).toBe('OVERPAYMENT');

    await t.gql(RecordExecutionDocument, { caseId: c.id, input: { amountPaid: rest } }, officer);
    const closed = await t.gql(CloseCaseDocument, { caseId: c.id, input: { summary: '罚款已全额缴纳，结案' } }, officer);
    expect(closed.data?.closeCase.stage).toBe('CLOSED');

    const history = await t.gql(CaseHistoryDocument, { caseId: c.id }, officer);
    expect(history.data!.caseHistory.map((e) => e.type)).toEqual([
      'REGISTERED',
      'FILED',
      'EVIDENCE_ADDED',
      'PARTY_NOTIFIED',
      'DECIDED',
      'SERVED',
      'EXECUTION_RECORDED',
      'EXECUTION_RECORDED',
      'CLOSED',
    ]);
    expect(history.data!.caseHistory.every((e) => e.actorSub === 'gh-officer' && e.actorDept === 'LH-GH')).toBe(true);
    const verified = await t.gql(VerifyCaseHistoryDocument, { caseId: c.id }, officer);
    expect(verified.data?.verifyCaseHistory).toMatchObject({ valid: true, length: 9, problems: [] });

    const final = await t.gql(CaseByIdDocument, { id: c.id }, officer);
    const kinds = final.data!.case.deadlines.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['FILING', 'DECISION', 'SERVICE', 'PAYMENT']));
    expect(final.data!.case.deadlines.every((d) => d.metAt !== null && !d.overdue)).toBe(true);
  });

  it('declines a case (不予立案) with a reason, after which it can no longer be filed', async () => {
    const c = await register();
    const declined = await t.gql(DeclineCaseDocument, { caseId: c.id, reason: '经核查不存在违法事实' }, officer);
    expect(declined.data?.declineCase).toMatchObject({ stage: 'NOT_FILED', notFiledReason: '经核查不存在违法事实' });
    const before = await snapshot(c.id);
    const refused = await t.gql(FileCaseDocument, { caseId: c.id }, officer);
    expect(codeOf(refused)).toBe('ILLEGAL_TRANSITION');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('sends a case back to investigation when the legal review rejects it', async () => {
    const c = await investigating({ powerItemCode: reviewItem.code });
    await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: reviewItem.level, proposedPenalty: 'FINE', proposedFine: reviewItem.min, method: 'BY_POST' } },
      officer,
    );
    const rejected = await t.gql(RecordLegalReviewDocument, { caseId: c.id, input: { opinion: 'REJECTED', comments: '证据不足，补充调查' } }, reviewer);
    expect(rejected.data?.recordLegalReview.stage).toBe('INVESTIGATING');
  });
});

describe('refused steps change nothing', () => {
  it('refuses a case with fewer than two officers (Art. 42)', async () => {
    const res = await t.gql(RegisterCaseDocument, { input: registration({ officerBadgeNos: [badges[0]] }) }, officer);
    expect(codeOf(res)).toBe('INSUFFICIENT_OFFICERS');
    expect(res.errors?.[0]?.extensions).toMatchObject({ count: 1, minimum: 2 });
    expect(res.data).toBeNull();
  });

  it('refuses an officer of another team on the case', async () => {
    const depts = await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, officer);
    const foreign = depts.data!.departments.find((d) => d.code === 'LH-MZ')!.officers[0].badgeNo;
    const res = await t.gql(RegisterCaseDocument, { input: registration({ officerBadgeNos: [badges[0], foreign] }) }, officer);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'officerBadgeNos', rule: 'OFFICER_DEPARTMENT' });
  });

  it('refuses a party whose identifier has a wrong check character, naming the field and the rule', async () => {
    const before = await t.db.prisma.enforcementCase.count();
    const res = await t.gql(
      RegisterCaseDocument,
      { input: registration({ parties: [{ code: '91440309MA5H2R7W2E', name: '深圳市观澜湖畔餐饮管理有限公司' }] }) },
      officer,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parties[0].code', rule: 'USCC_CHECK_CHARACTER' });
    expect(res.errors?.[0]?.message).toContain('expected "D"');
    const person = await t.gql(
      RegisterCaseDocument,
      { input: registration({ parties: [{ code: '440306199002301234', name: '张三' }] }) },
      officer,
    );
    expect(person.errors?.[0]?.extensions).toMatchObject({ field: 'parties[0].code', rule: 'ID_NUMBER_BIRTH_DATE' });
    expect(await t.db.prisma.enforcementCase.count()).toBe(before);
  });

  it('refuses jumps the procedure does not allow', async () => {
    const c = await register();
    const before = await snapshot(c.id);
    const notify = await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: plainItem.level, proposedPenalty: 'FINE', proposedFine: plainItem.min, method: 'IN_PERSON' } },
      officer,
    );
    expect(codeOf(notify)).toBe('ILLEGAL_TRANSITION');
    expect(notify.errors?.[0]?.extensions).toMatchObject({ action: 'notifyParty', stage: 'RECEIVED', allowedFrom: ['INVESTIGATING'] });
    const decide = await t.gql(DecideCaseDocument, { caseId: c.id, input: { kind: 'WARNING', reasoning: '跳步', partyWaivedRights: true } }, officer);
    expect(codeOf(decide)).toBe('ILLEGAL_TRANSITION');
    const serve = await t.gql(ServeDecisionDocument, { caseId: c.id, input: { method: 'IN_PERSON' } }, officer);
    expect(codeOf(serve)).toBe('ILLEGAL_TRANSITION');
    const close = await t.gql(CloseCaseDocument, { caseId: c.id, input: { summary: '直接结案' } }, officer);
    expect(codeOf(close)).toBe('ILLEGAL_TRANSITION');
    const execute = await t.gql(RecordExecutionDocument, { caseId: c.id, input: { amountPaid: '10.00' } }, officer);
    expect(codeOf(execute)).toBe('ILLEGAL_TRANSITION');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses a decision without the legal review a serious tier requires (Art. 58)', async () => {
    const c = await investigating({ powerItemCode: reviewItem.code });
    await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: reviewItem.level, proposedPenalty: 'FINE', proposedFine: reviewItem.min, method: 'IN_PERSON' } },
      officer,
    );
    const before = await snapshot(c.id);
    const res = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'FINE', fineAmount: reviewItem.min, reasoning: '未经法制审核', partyWaivedRights: true } },
      officer,
    );
    expect(codeOf(res)).toBe('LEGAL_REVIEW_REQUIRED');
    expect(await snapshot(c.id)).toEqual(before);

    const review = await t.gql(RecordLegalReviewDocument, { caseId: c.id, input: { opinion: 'APPROVED', comments: '同意' } }, reviewer);
    expect(review.data?.recordLegalReview.stage).toBe('LEGAL_REVIEW');
    const ok = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'FINE', fineAmount: reviewItem.min, reasoning: '经法制审核', partyWaivedRights: true } },
      officer,
    );
    expect(ok.data?.decideCase.stage).toBe('DECIDED');
  });

  it('refuses a decision on a case marked serious (重大案件) without review, whatever its tier', async () => {
    const c = await investigating({ serious: true });
    await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: plainItem.level, proposedPenalty: 'FINE', proposedFine: plainItem.min, method: 'IN_PERSON' } },
      officer,
    );
    const res = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'FINE', fineAmount: plainItem.min, reasoning: '重大案件', partyWaivedRights: true } },
      officer,
    );
    expect(codeOf(res)).toBe('LEGAL_REVIEW_REQUIRED');
  });

  it('refuses legal review by the handling team itself', async () => {
    const c = await investigating();
    const res = await t.gql(RecordLegalReviewDocument, { caseId: c.id, input: { opinion: 'APPROVED', comments: '自审' } }, officer);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('refuses a decision inside the hearing window unless the party waived it, and a fine outside the benchmark', async () => {
    const c = await investigating();
    await t.gql(
      NotifyPartyDocument,
      { caseId: c.id, input: { tierLevel: plainItem.level, proposedPenalty: 'FINE', proposedFine: plainItem.min, method: 'IN_PERSON' } },
      officer,
    );
    const before = await snapshot(c.id);
    const early = await t.gql(DecideCaseDocument, { caseId: c.id, input: { kind: 'FINE', fineAmount: plainItem.min, reasoning: '过早' } }, officer);
    expect(codeOf(early)).toBe('HEARING_WINDOW_OPEN');
    expect(typeof early.errors?.[0]?.extensions?.windowEndsAt).toBe('string');
    const tooHigh = (Number(plainItem.max) + 1).toFixed(2);
    const outside = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'FINE', fineAmount: tooHigh, reasoning: '超出裁量', partyWaivedRights: true } },
      officer,
    );
    expect(codeOf(outside)).toBe('DISCRETION_OUT_OF_RANGE');
    expect(outside.errors?.[0]?.extensions).toMatchObject({ field: 'fineAmount', tierLevel: plainItem.level });
    const wrongKind = await t.gql(
      DecideCaseDocument,
      { caseId: c.id, input: { kind: 'REVOCATION', reasoning: '种类不符', partyWaivedRights: true } },
      officer,
    );
    expect(codeOf(wrongKind)).toBe('DISCRETION_OUT_OF_RANGE');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses a step on a version the caller did not read (CONFLICT)', async () => {
    const c = await register();
    const stale = await t.gql(FileCaseDocument, { caseId: c.id, expectedVersion: c.version + 5 }, officer);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(c.version);
  });

  it('refuses evidence collected by an officer not on the case, and a malformed hash', async () => {
    const c = await register();
    const outsider = badges.find((b) => !badges.slice(0, 2).includes(b))!;
    const res = await t.gql(
      AddEvidenceDocument,
      { caseId: c.id, input: { kind: 'PHOTO', description: '照片', sha256: sha('x'), collectorBadgeNo: outsider } },
      officer,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'collectorBadgeNo', rule: 'NOT_CASE_OFFICER' });
    const bad = await t.gql(
      AddEvidenceDocument,
      { caseId: c.id, input: { kind: 'PHOTO', description: '照片', sha256: 'ABC', collectorBadgeNo: badges[0] } },
      officer,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
  });

  it('refuses steps by another street team', async () => {
    const c = await register();
    const res = await t.gql(FileCaseDocument, { caseId: c.id }, otherTeam);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});

describe('corrections (更正)', () => {
  it('records a correction as a new event with its reason and the values before and after', async () => {
    const c = await register();
    const res = await t.gql(
      CorrectCaseDocument,
      { caseId: c.id, input: { reason: '门牌号登记错误，经现场复核更正', address: '深圳市龙华区观湖街道松元厦社区环观南路14号' }, expectedVersion: c.version },
      officer,
    );
    expect(res.data?.correctCase).toMatchObject({ stage: 'RECEIVED', version: c.version + 1, address: '深圳市龙华区观湖街道松元厦社区环观南路14号' });
    const history = await t.gql(CaseHistoryDocument, { caseId: c.id }, officer);
    const last = history.data!.caseHistory[history.data!.caseHistory.length - 1];
    expect(last.type).toBe('CORRECTED');
    expect(last.reason).toBe('门牌号登记错误，经现场复核更正');
    expect(last.payload).toEqual({
      before: { address: '深圳市龙华区观湖街道松元厦社区环观南路12号' },
      after: { address: '深圳市龙华区观湖街道松元厦社区环观南路14号' },
    });
    // The registration event still says what was registered.
    expect(history.data!.caseHistory[0].type).toBe('REGISTERED');
    expect((await t.gql(VerifyCaseHistoryDocument, { caseId: c.id }, officer)).data?.verifyCaseHistory.valid).toBe(true);
  });

  it('refuses a correction without a reason or without a change', async () => {
    const c = await register();
    const noReason = await t.gql(CorrectCaseDocument, { caseId: c.id, input: { reason: '改', summary: '新的案情摘要' } }, officer);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const noChange = await t.gql(CorrectCaseDocument, { caseId: c.id, input: { reason: '核对后无变化的更正' } }, officer);
    expect(noChange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NO_CHANGE' });
    expect((await snapshot(c.id)).events).toBe(1);
  });
});
