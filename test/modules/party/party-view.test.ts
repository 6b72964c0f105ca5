// 网上查询 across systems: a party's permits (行政许可) and credit (社会信用) beside its cases,
// batched upstream calls, and partial answers when one system fails.
import {
  CaseRelatedPermitsDocument,
  CasesWithPartyPermitsDocument,
  PartyViewDocument,
  PermitByNoDocument,
  RecordPermitCheckDocument,
} from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

const SEEDED = { registeredTo: '2026-11-19T00:00:00+08:00' };

describe('party view with permits', () => {
  let t: TestHub;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestHub();
    supervisor = await t.token('LH-CGJ', 'SUPERVISOR');
  });
  afterAll(() => t.stop());

  it('shows a party, its permits from the permits system and its prior cases in one query', async () => {
    const res = await t.gql(PartyViewDocument, { code: '91440309MA5H2R7W2D' }, supervisor);
    expect(res.errors).toBeUndefined();
    const party = res.data!.party;
    expect(party.name).toBe('深圳市观澜湖畔餐饮管理有限公司');
    expect(party.permits!.length).toBeGreaterThan(0);
    // The simulator's story for this party: an outdoor-advertising permit that has expired.
    expect(party.permits!.some((p) => p.type === 'OUTDOOR_AD' && p.status === 'EXPIRED')).toBe(true);
    // …and the credit platform's: a blacklist entry for an unpaid fine.
    expect(party.credit!.onBlacklist).toBe(true);
    expect(party.credit!.blacklistEntries.length).toBeGreaterThan(0);
    const sqlCount = await t.db.prisma.caseParty.count({ where: { party: { is: { code: '91440309MA5H2R7W2D' } } } });
    expect(party.cases.totalCount).toBe(sqlCount);
  });

  it('makes the ideal number of upstream calls for a 100-case list with parties\' permits and credit', async () => {
    const permits = t.hub.services.upstream.permits.simulator!.control;
    const credit = t.hub.services.upstream.socialCredit.simulator!.control;
    permits.reset();
    credit.reset();
    const res = await t.gql(CasesWithPartyPermitsDocument, { first: 100, filter: SEEDED }, supervisor);
    expect(res.errors).toBeUndefined();
    const holders = new Set(res.data!.cases.edges.flatMap((e) => e.node.parties.map((p) => p.party.code)));
    expect(holders.size).toBeGreaterThan(50);
    // Permits: the contract has no batch-by-holder endpoint, so the ideal is one call per distinct holder.
    expect(permits.calls.listHolderPermits).toBe(holders.size);
    expect(permits.totalCalls()).toBe(holders.size);
    // Credit: one BatchQueryCreditProfile per 50 distinct codes, each code asked once.
    expect(credit.calls.BatchQueryCreditProfile).toBe(Math.ceil(holders.size / 50));
    expect(credit.items.BatchQueryCreditProfile).toBe(holders.size);
    expect(credit.totalCalls()).toBe(Math.ceil(holders.size / 50));
  });

  it('shows a case the permits of the types its power item concerns, and records a check as evidence', async () => {
    const c = await t.db.prisma.enforcementCase.findFirst({
      where: { powerItem: { is: { permitTypes: { has: 'OUTDOOR_AD' } } }, stage: { in: ['FILED', 'INVESTIGATING'] }, parties: { some: {} } },
      include: { parties: { include: { party: true } }, department: true, powerItem: true },
      orderBy: { caseNo: 'asc' },
    });
    if (!c) throw new Error('seed has no open outdoor-advertising case');
    const res = await t.gql(CaseRelatedPermitsDocument, { id: c.id }, supervisor);
    expect(res.errors).toBeUndefined();
    // Exactly the parties' permits whose type the power item names.
    const expected: string[] = [];
    for (const p of c.parties) {
      const view = await t.gql(PartyViewDocument, { code: p.party.code }, supervisor);
      expected.push(...view.data!.party.permits!.filter((x) => c.powerItem.permitTypes.includes(x.type)).map((x) => x.permitNo));
    }
    expect(res.data!.case.relatedPermits!.map((p) => p.permitNo).sort()).toEqual(expected.sort());

    const anyPermit = await t.gql(PartyViewDocument, { code: '91440309MA5H2R7W2D' }, supervisor);
    const permitNo = anyPermit.data!.party.permits![0].permitNo;
    const officer = await t.token(c.department.code, 'OFFICER');
    const checked = await t.gql(RecordPermitCheckDocument, { caseId: c.id, permitNo }, officer);
    expect(checked.errors).toBeUndefined();
    expect(checked.data!.recordPermitCheck.stage).toBe('INVESTIGATING');
    expect(checked.data!.recordPermitCheck.evidence.some((e) => e.kind === 'PERMIT_CHECK')).toBe(true);
    const snapshot = checked.data!.recordPermitCheck.permitChecks.find((p) => p.permitNo === permitNo)!.snapshot as { permitNo: string };
    expect(snapshot.permitNo).toBe(permitNo);
  });

  it('looks a permit up by number, and refuses a malformed number before calling the system', async () => {
    const control = t.hub.services.upstream.permits.simulator!.control;
    const known = await t.gql(PartyViewDocument, { code: '91440309MA5H2R7W2D' }, supervisor);
    const permitNo = known.data!.party.permits![0].permitNo;
    const found = await t.gql(PermitByNoDocument, { permitNo }, supervisor);
    expect(found.data!.permit).toMatchObject({ permitNo, holderCode: '91440309MA5H2R7W2D' });
    const missing = await t.gql(PermitByNoDocument, { permitNo: '440309HWGG2099999999' }, supervisor);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.permit).toBeNull();
    control.reset();
    const bad = await t.gql(PermitByNoDocument, { permitNo: 'hwgg-1' }, supervisor);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'permitNo' });
    expect(control.totalCalls()).toBe(0);
  });
});

describe('partial results when one system fails', () => {
  let t: TestHub;
  let supervisor: string;

  beforeEach(async () => {
    t = await startTestHub();
    supervisor = await t.token('LH-CGJ', 'SUPERVISOR');
  });
  afterEach(() => t.stop());

  const cases: Array<[string, 'permits' | 'credit', Record<string, unknown>, string]> = [
    ['permits in maintenance (503)', 'permits', { maintenance: true, retryAfterSeconds: 3600 }, 'UPSTREAM_UNAVAILABLE'],
    ['permits answering garbage', 'permits', { malformed: true }, 'UPSTREAM_BAD_RESPONSE'],
    ['permits refusing our signature', 'permits', { fault: 'INVALID_SIGNATURE' }, 'UPSTREAM_REJECTED'],
    ['credit answering a SOAP fault', 'credit', { fault: 'AUTH_FAILED' }, 'UPSTREAM_REJECTED'],
    ['credit answering broken XML', 'credit', { malformed: true }, 'UPSTREAM_BAD_RESPONSE'],
    ['credit behind a gateway error page', 'credit', { gatewayError: true, retryAfterSeconds: 3600 }, 'UPSTREAM_UNAVAILABLE'],
  ];

  it.each(cases)('still answers the rest with %s', async (_label, system, switches, code) => {
    const upstream = t.hub.services.upstream;
    (system === 'permits' ? upstream.permits.simulator! : upstream.socialCredit.simulator!).control.set(switches);
    const res = await t.gql(PartyViewDocument, { code: '92440309MA5J3Q1E1R' }, supervisor);
    expect(res.status).toBe(200);
    const party = res.data!.party;
    expect(party.name).toBe('深圳市龙华区观湖陈记肠粉店');
    expect(party.cases.totalCount).toBeGreaterThan(0);
    const failed = system === 'permits' ? 'permits' : 'credit';
    const healthy = system === 'permits' ? 'credit' : 'permits';
    expect(party[failed]).toBeNull();
    expect(party[healthy]).not.toBeNull();
    expect(res.errors).toHaveLength(1);
    const error = res.errors![0];
    expect(error.path).toEqual(['party', failed]);
    expect(error.extensions).toMatchObject({ code, system: system === 'permits' ? 'permits' : 'social-credit' });
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(JSON.stringify(error)).not.toMatch(/<html|<soap|at \w+ \(|pk_sandbox|Test#Credit/);
  });
});
