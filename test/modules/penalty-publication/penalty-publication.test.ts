// 双公示 through the real server and the credit platform's simulator over SOAP: a decision creates
// its publication and queues its report in the same transaction; the outbox delivers the record
// (checked field by field as it went over the wire, for a company and for a natural person);
// polling follows RECEIVED → VALIDATING → PUBLISHED | REJECTED; a rejected report is corrected and
// reported again; a lost answer ends in DUPLICATE_REPORT and the original receipt; the 7-working-day
// deadline runs across 国庆 2026; the list filters and respects case scope.
//
// The hub runs on a database of this file's own (other files' hubs share the run's database and
// would deliver these reports to their own platforms), with no background worker: the test
// delivers (outbox.runOnce), moves the platform (advanceReports) and polls (pollOnce) itself, on an
// injected clock that the hub and the platform share.
import { createHash } from 'node:crypto';
import {
  AddEvidenceDocument,
  CasePenaltyPublicationDocument,
  CasesWithPublicationsDocument,
  DecideCaseDocument,
  FileCaseDocument,
  NotifyPartyDocument,
  PenaltyPublicationsDocument,
  PowerItemsDocument,
  RegisterCaseDocument,
  ReportPenaltyAgainDocument,
  DepartmentsDocument,
  type PenaltyPublicationsQuery,
} from '../../generated/graphql';
import type { PenaltyPublicationFilter, PartyInput } from '../../generated/schema-types';
import { retryDeadMessage } from '../../../src/outbox/outbox';
import { PENALTY_REPORT_TOPIC } from '../../../src/modules/penalty-publication/penalty-publication.service';
import { PublicationDelivery, nextPollDelayMs } from '../../../src/modules/penalty-publication/publication-delivery';
import { PUBLISHED_TEXT_FIELDS } from '../../../src/modules/penalty-publication/penalty-record';
import { startTestHub, type GraphQLResponse, type TestHub } from '../../support/test-hub';
import { createOwnDatabase, decisionNoOf, readWireRecord, startCreditPlatform, type CreditPlatform, type WireRecord } from './support';

/** Element order of PenaltyRecordType (social-credit.wsdl): significant on the wire. */
const CONTRACT_ORDER = [
  'partyName',
  'partyCategory',
  'uscc',
  'legalRepresentative',
  'idType',
  'idNumber',
  'decisionNo',
  'violationType',
  'facts',
  'legalBasis',
  'penaltyCategories',
  'penaltyContent',
  'fineAmount',
  'confiscatedAmount',
  'licenceAffected',
  'decisionDate',
  'validUntil',
  'publicUntil',
  'authorityName',
  'authorityUscc',
  'sourceUnit',
  'sourceUnitUscc',
  'remarks',
];

const GH_USCC = '11440309MB2C17843E'; // 深圳市龙华区观湖街道办事处 (contract README)
const GH_AUTHORITY = '深圳市龙华区观湖街道办事处';
/** 未按照批准的位置、面积、期限占用城市道路: tier 2 fines 2,000–8,000 yuan, no legal review. */
const ROAD_ITEM = 'LH-QZ-0302-001';
/** 在划定的摊贩经营场所外占用城市道路…摆摊设点: tier 2 fines 1,000–5,000 yuan, no legal review. */
const STALL_ITEM = 'LH-QZ-0301-001';

let clockMs = Date.parse('2026-09-01T09:00:00+08:00');
const setClock = (iso: string) => {
  clockMs = Date.parse(iso);
};
const advance = (ms: number) => {
  clockMs += ms;
};

let own: Awaited<ReturnType<typeof createOwnDatabase>>;
let platform: CreditPlatform;
let t: TestHub;
let officer: string; // LH-GH OFFICER: handles the cases
let otherTeam: string; // LH-MZ OFFICER
let supervisor: string; // LH-CGJ SUPERVISOR: sees every case
let badges: string[];
let items: Map<string, { name: string; legalBasis: string; penaltyBasis: string }>;

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  expect(res.data).toBeTruthy();
  return res.data as T;
}

function codeOf(res: GraphQLResponse<unknown>): unknown {
  return res.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  own = await createOwnDatabase('publication');
  platform = await startCreditPlatform(() => clockMs);
  const runUrl = process.env.HUB_TEST_DATABASE_URL;
  process.env.HUB_TEST_DATABASE_URL = own.url;
  try {
    t = await startTestHub({ clock: () => new Date(clockMs), env: { ...platform.env, WORKERS_ENABLED: '0', PUBLICATION_POLL_MS: '0' } });
  } finally {
    process.env.HUB_TEST_DATABASE_URL = runUrl;
  }
  officer = await t.token('LH-GH', 'OFFICER', 'gh-officer');
  otherTeam = await t.token('LH-MZ', 'OFFICER', 'mz-officer');
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'cgj-head');
  const depts = ok(await t.gql(DepartmentsDocument, { kind: 'STREET_TEAM' }, officer));
  badges = depts.departments.find((d) => d.code === 'LH-GH')!.officers.map((o) => o.badgeNo);
  const list = ok(await t.gql(PowerItemsDocument, {}, officer)).powerItems;
  items = new Map(list.map((i) => [i.code, { name: i.name, legalBasis: i.legalBasis, penaltyBasis: i.penaltyBasis }]));
});

afterAll(async () => {
  await t?.stop();
  await platform?.close();
  await own?.drop();
});

afterEach(() => {
  platform.sim.control.reset();
});

// ───────────── steps ─────────────

interface Decided {
  caseId: string;
  caseNo: string;
  decisionNo: string;
}

/** Registers, files, investigates, notifies and decides a fine, all at the clock's current time. */
async function decideFine(options: { party: PartyInput; itemCode: string; fine: string; facts: string; address?: string }): Promise<Decided> {
  const registered = ok(
    await t.gql(
      RegisterCaseDocument,
      {
        input: {
          source: 'PATROL',
          powerItemCode: options.itemCode,
          summary: `巡查发现占道经营 ${clockMs}`,
          facts: options.facts,
          address: options.address ?? '深圳市龙华区观湖街道大和社区大和路56号',
          lng: 114.05,
          lat: 22.71,
          officerBadgeNos: badges.slice(1, 3),
          parties: [options.party],
        },
      },
      officer,
    ),
  ).registerCase;
  ok(await t.gql(FileCaseDocument, { caseId: registered.id }, officer));
  const sha = createHash('sha256').update(registered.id).digest('hex');
  ok(await t.gql(AddEvidenceDocument, { caseId: registered.id, input: { kind: 'PHOTO', description: '现场照片', sha256: sha, collectorBadgeNo: badges[1] } }, officer));
  ok(
    await t.gql(
      NotifyPartyDocument,
      { caseId: registered.id, input: { tierLevel: 2, proposedPenalty: 'FINE', proposedFine: options.fine, method: 'IN_PERSON' } },
      officer,
    ),
  );
  const decided = ok(
    await t.gql(
      DecideCaseDocument,
      { caseId: registered.id, input: { kind: 'FINE', fineAmount: options.fine, reasoning: '事实清楚，证据确凿，决定处以罚款。', partyWaivedRights: true } },
      officer,
    ),
  ).decideCase;
  expect(decided.stage).toBe('DECIDED');
  return { caseId: registered.id, caseNo: registered.caseNo, decisionNo: decided.decision!.decisionNo };
}

async function publicationOf(caseId: string, token = officer) {
  return ok(await t.gql(CasePenaltyPublicationDocument, { id: caseId }, token)).case.penaltyPublication;
}

async function messagesOf(publicationId: string) {
  return t.db.prisma.outboxMessage.findMany({ where: { aggregateType: 'PenaltyPublication', aggregateId: publicationId }, orderBy: { seq: 'asc' } });
}

/** Runs the outbox until every message of the publication is settled (DELIVERED or DEAD). */
async function deliver(publicationId: string) {
  for (let i = 0; i < 10; i += 1) {
    const open = (await messagesOf(publicationId)).filter((m) => m.status !== 'DELIVERED' && m.status !== 'DEAD');
    if (open.length === 0) break;
    await t.hub.services.outbox.runOnce();
  }
  return messagesOf(publicationId);
}

/** The last record that reached the platform for a decision, as it went over the wire. */
function wireRecordOf(decisionNo: string): WireRecord {
  const bodies = platform.reports.filter((b) => decisionNoOf(b) === decisionNo);
  expect(bodies.length).toBeGreaterThan(0);
  return readWireRecord(bodies[bodies.length - 1]);
}

/** Time passes by `ms`, the platform takes `steps` steps, and the hub polls. */
async function laterPoll(ms: number, steps: number): Promise<void> {
  advance(ms);
  for (let i = 0; i < steps; i += 1) platform.sim.advanceReports();
  await t.hub.services.publicationDelivery.pollOnce();
}

function expectRecordOrder(record: WireRecord): void {
  expect(record.order).toEqual(CONTRACT_ORDER.filter((f) => f in record.fields));
}

// ───────────── tests ─────────────

describe('a decision and its report', () => {
  it('a company: the decision queues the publication (PENDING, due after 7 working days); the record on the wire matches the contract field by field', async () => {
    setClock('2026-09-08T10:30:00+08:00'); // Tuesday
    const facts =
      '2026年9月1日至9月7日，当事人超出临时占用城市道路许可（编号440309ZYDL2026000311）核准的18平方米范围，在大和路56号门前人行道摆放餐桌椅约45平方米从事餐饮经营，经责令改正后仍未改正。' +
      '现场负责人黄志强（身份证号44148119780925115X，手机13912345678）在场。';
    const reportsBefore = platform.reports.length;
    const d = await decideFine({
      party: { code: '91440309MA5H2R7W2D', name: '深圳市观澜湖畔餐饮管理有限公司' },
      itemCode: ROAD_ITEM,
      fine: '5000.00',
      facts,
    });

    // Committed with the decision: PENDING, due at the end of the 7th working day (9-9 … 9-17), nothing sent yet.
    const pending = (await publicationOf(d.caseId))!;
    expect(pending).toMatchObject({
      decisionNo: d.decisionNo,
      status: 'PENDING',
      dueAt: '2026-09-17T15:59:59.999Z',
      late: false,
      overdue: false,
      receiptId: null,
      reportCount: 0,
      reportedAt: null,
      duplicate: false,
      rejections: [],
      decidedAt: '2026-09-08T02:30:00.000Z',
    });
    const [message] = await messagesOf(pending.id);
    expect(message).toMatchObject({ topic: PENALTY_REPORT_TOPIC, status: 'PENDING', idempotencyKey: `${PENALTY_REPORT_TOPIC}:${pending.id}:1` });
    expect(platform.reports.length).toBe(reportsBefore);

    // The next morning the worker delivers it.
    setClock('2026-09-09T09:00:00+08:00');
    const [delivered] = await deliver(pending.id);
    expect(delivered.status).toBe('DELIVERED');
    const reported = (await publicationOf(d.caseId))!;
    expect(reported).toMatchObject({
      status: 'REPORTED',
      reportCount: 1,
      duplicate: false,
      reportedAt: '2026-09-09T01:00:00.000Z',
      nextPollAt: '2026-09-09T01:01:00.000Z',
      late: false,
      lastError: null,
    });
    expect(reported.receiptId).toMatch(/^RC\d{19}$/);

    const record = wireRecordOf(d.decisionNo);
    expectRecordOrder(record);
    const item = items.get(ROAD_ITEM)!;
    expect(record.fields).toEqual({
      partyName: '深圳市观澜湖畔餐饮管理有限公司',
      partyCategory: 'LEGAL_PERSON',
      uscc: '91440309MA5H2R7W2D',
      legalRepresentative: '黄志强',
      // no idType / idNumber: the legal representative's ID is optional and not sent (minimum necessary)
      decisionNo: d.decisionNo,
      violationType: item.name,
      facts:
        '2026年9月1日至9月7日，当事人超出临时占用城市道路许可（编号440309ZYDL2026000311）核准的18平方米范围，在大和路56号门前人行道摆放餐桌椅约45平方米从事餐饮经营，经责令改正后仍未改正。' +
        '现场负责人黄志强（身份证号***，手机***）在场。',
      legalBasis: '《城市道路管理条例》第三十一条、第四十二条第（六）项',
      penaltyCategories: ['FINE'],
      penaltyContent: '罚款人民币伍仟元整（5000.00元）',
      fineAmount: '0.500000',
      decisionDate: '2026-09-08',
      validUntil: '2026-09-23',
      publicUntil: '2026-12-08',
      authorityName: GH_AUTHORITY,
      authorityUscc: GH_USCC,
      sourceUnit: GH_AUTHORITY,
      sourceUnitUscc: GH_USCC,
    });
    expect(item.legalBasis).toBe('《城市道路管理条例》第三十一条');
    expect(item.penaltyBasis).toBe('《城市道路管理条例》第四十二条第（六）项');
    // The hub keeps the record exactly as sent.
    const stored = await t.db.prisma.penaltyPublication.findUniqueOrThrow({ where: { id: pending.id } });
    expect(stored.record).toEqual(record.fields);
  });

  it('an individual business (个体工商户) is INDIVIDUAL_BUSINESS with its operator as legal representative', async () => {
    setClock('2026-09-10T10:00:00+08:00');
    const d = await decideFine({
      party: { code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' },
      itemCode: ROAD_ITEM,
      fine: '2000.00',
      facts: '当事人在环观南路松元厦地铁站A出口东侧超出批准面积摆放桌椅经营。',
    });
    const p = (await publicationOf(d.caseId))!;
    advance(30 * 60_000);
    await deliver(p.id);
    const record = wireRecordOf(d.decisionNo);
    expectRecordOrder(record);
    expect(record.fields).toMatchObject({
      partyName: '深圳市龙华区观湖陈记肠粉店',
      partyCategory: 'INDIVIDUAL_BUSINESS',
      uscc: '92440309MA5J3Q1E1R',
      legalRepresentative: '陈少华',
      penaltyContent: '罚款人民币贰仟元整（2000.00元）',
      fineAmount: '0.200000',
      decisionDate: '2026-09-10',
    });
    expect(record.fields.idType).toBeUndefined();
    expect(record.fields.idNumber).toBeUndefined();
  });

  it('a natural person: the ID number goes only in idType/idNumber; no phone, address or ID number in any published text, even when the facts held them', async () => {
    setClock('2026-09-11T15:00:00+08:00');
    const facts =
      '当事人陈建国（身份证号440306198503122310，联系电话138 0256 7314，住深圳市龙华区观湖街道松元厦社区松元新村7栋302）于2026年9月10日在深圳市龙华区观湖街道松元厦社区环观南路12号门前占道摆卖水果，' +
      '摊位纸板留有联系电话0755-28012356及13802567314，经劝导拒不改正。';
    const d = await decideFine({
      party: { code: '440306198503122310', name: '陈建国' },
      itemCode: STALL_ITEM,
      fine: '1000.00',
      facts,
      address: '深圳市龙华区观湖街道松元厦社区环观南路12号',
    });
    const p = (await publicationOf(d.caseId))!;
    setClock('2026-09-14T09:30:00+08:00');
    await deliver(p.id);
    expect((await publicationOf(d.caseId))!.status).toBe('REPORTED');

    const record = wireRecordOf(d.decisionNo);
    expectRecordOrder(record);
    const item = items.get(STALL_ITEM)!;
    expect(record.fields).toEqual({
      partyName: '陈建国',
      partyCategory: 'NATURAL_PERSON',
      // no uscc (forbidden for a natural person), no legal representative
      idType: 'ID_CARD',
      idNumber: '440306198503122310', // the platform's matching key (ID_REQUIRED), never published in full
      decisionNo: d.decisionNo,
      violationType: item.name,
      facts:
        '当事人陈建国（身份证号***，联系电话***，住深圳市龙华区观湖街道）于2026年9月10日在深圳市龙华区观湖街道门前占道摆卖水果，' +
        '摊位纸板留有联系电话***及***，经劝导拒不改正。',
      legalBasis: expect.stringContaining('《深圳经济特区市容和环境卫生管理条例》'),
      penaltyCategories: ['FINE'],
      penaltyContent: '罚款人民币壹仟元整（1000.00元）',
      fineAmount: '0.100000',
      decisionDate: '2026-09-11',
      validUntil: '2026-09-26',
      publicUntil: '2026-12-11',
      authorityName: GH_AUTHORITY,
      authorityUscc: GH_USCC,
      sourceUnit: GH_AUTHORITY,
      sourceUnitUscc: GH_USCC,
    });
    const secrets = ['440306198503122310', '13802567314', '138 0256 7314', '0755-28012356', '28012356', '松元新村', '7栋302', '环观南路12号', '松元厦社区'];
    for (const field of PUBLISHED_TEXT_FIELDS) {
      const value = String(record.fields[field] ?? '');
      for (const secret of secrets) expect(value).not.toContain(secret);
      expect(value).not.toMatch(/1[3-9]\d{9}/);
      expect(value).not.toMatch(/\d{17}[\dX]/);
    }
  });
});

describe('following the report at the platform', () => {
  it('polls 1 min after the report, then 5 min, then every 30 min: RECEIVED → VALIDATING → PUBLISHED', async () => {
    expect([0, 1, 2, 3, 10].map(nextPollDelayMs)).toEqual([60_000, 300_000, 1_800_000, 1_800_000, 1_800_000]);
    setClock('2026-09-15T10:00:00+08:00');
    const d = await decideFine({ party: { code: '91440300MA5F9K4P3X', name: '深圳市龙华建鑫建筑工程有限公司' }, itemCode: ROAD_ITEM, fine: '3000.00', facts: '当事人在大和路占用城市道路堆放建筑材料超出批准面积。' });
    const p = (await publicationOf(d.caseId))!;
    advance(10 * 60_000);
    await deliver(p.id);
    let now = (await publicationOf(d.caseId))!;
    expect(now).toMatchObject({ status: 'REPORTED', nextPollAt: new Date(clockMs + 60_000).toISOString() });

    // Not due yet: not asked.
    await t.hub.services.publicationDelivery.pollOnce();
    expect((await publicationOf(d.caseId))!.lastPolledAt).toBeNull();

    // +1 min: still RECEIVED at the platform → REPORTED, next in 5 min.
    await laterPoll(60_000, 0);
    now = (await publicationOf(d.caseId))!;
    expect(now).toMatchObject({ status: 'REPORTED', lastPolledAt: new Date(clockMs).toISOString(), nextPollAt: new Date(clockMs + 5 * 60_000).toISOString() });

    // +5 min: the platform is validating → VALIDATING, next in 30 min.
    await laterPoll(5 * 60_000, 1);
    now = (await publicationOf(d.caseId))!;
    expect(now).toMatchObject({ status: 'VALIDATING', nextPollAt: new Date(clockMs + 30 * 60_000).toISOString(), publishedAt: null });

    // +30 min: published → PUBLISHED, no more polling.
    await laterPoll(30 * 60_000, 1);
    now = (await publicationOf(d.caseId))!;
    expect(now).toMatchObject({ status: 'PUBLISHED', publishedAt: new Date(Math.floor(clockMs / 1000) * 1000).toISOString(), nextPollAt: null, rejections: [] });
    const polledLast = now.lastPolledAt;
    await laterPoll(60 * 60_000, 0);
    expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'PUBLISHED', lastPolledAt: polledLast });
  });

  it('a rejected report shows its reasons on the case; after the correction reportPenaltyAgain gets a new receipt and the record is published', async () => {
    // The hub holds the company under a name that is not its registered one (the platform checks it: PARTY_NOT_MATCHED).
    const code = '91440309MA5G8H3L1D';
    const registeredName = '深圳市鹭湖广告传媒有限公司';
    await t.db.prisma.party.update({ where: { code }, data: { name: '深圳市鹭湖广告有限公司' } });

    setClock('2026-09-16T10:00:00+08:00');
    const d = await decideFine({ party: { code, name: registeredName }, itemCode: ROAD_ITEM, fine: '4000.00', facts: '当事人在大和路占道设置广告牌展架。' });
    const p = (await publicationOf(d.caseId))!;
    advance(60 * 60_000);
    await deliver(p.id);
    const first = (await publicationOf(d.caseId))!;
    expect(wireRecordOf(d.decisionNo).fields.partyName).toBe('深圳市鹭湖广告有限公司');

    // Not while the report is open at the platform.
    const early = await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, officer);
    expect(codeOf(early)).toBe('ILLEGAL_TRANSITION');

    await laterPoll(60_000, 1);
    await laterPoll(5 * 60_000, 1);
    const rejected = (await publicationOf(d.caseId))!;
    expect(rejected).toMatchObject({ status: 'REJECTED', receiptId: first.receiptId, nextPollAt: null });
    expect(rejected.rejectedAt).toBeTruthy();
    expect(rejected.rejections).toEqual([
      { code: 'PARTY_NOT_MATCHED', field: 'partyName', message: `统一社会信用代码登记的名称为“${registeredName}”，与行政相对人名称不一致` },
    ]);

    // Only the handling team may report again.
    const foreign = await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, otherTeam);
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    const bySupervisor = await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, supervisor);
    expect(codeOf(bySupervisor)).toBe('FORBIDDEN');

    // The team corrects the party's name (no hub mutation edits a party yet), then reports again.
    await t.db.prisma.party.update({ where: { code }, data: { name: registeredName } });
    advance(2 * 60 * 60_000);
    const again = ok(await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, officer)).reportPenaltyAgain;
    expect(again).toMatchObject({ status: 'PENDING', reportCount: 1, rejections: rejected.rejections });
    const twice = await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, officer);
    expect(codeOf(twice)).toBe('ILLEGAL_TRANSITION');

    const messages = await deliver(p.id);
    expect(messages.map((m) => [m.idempotencyKey, m.status])).toEqual([
      [`${PENALTY_REPORT_TOPIC}:${p.id}:1`, 'DELIVERED'],
      [`${PENALTY_REPORT_TOPIC}:${p.id}:2`, 'DELIVERED'],
    ]);
    const second = (await publicationOf(d.caseId))!;
    expect(second).toMatchObject({ status: 'REPORTED', reportCount: 2, duplicate: false, rejections: [], rejectedAt: null });
    expect(second.receiptId).toMatch(/^RC\d{19}$/);
    expect(second.receiptId).not.toBe(first.receiptId);
    expect(wireRecordOf(d.decisionNo).fields.partyName).toBe(registeredName);

    await laterPoll(60_000, 1);
    await laterPoll(5 * 60_000, 1);
    expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'PUBLISHED', receiptId: second.receiptId });
    const afterPublished = await t.gql(ReportPenaltyAgainDocument, { caseId: d.caseId }, officer);
    expect(codeOf(afterPublished)).toBe('ILLEGAL_TRANSITION');
  });
});

describe('faults of the platform', () => {
  it('a fault that can never succeed unchanged (INVALID_CODE) ends the message at once, the reason on the publication; after the fix an operator retries it', async () => {
    setClock('2026-09-17T14:00:00+08:00');
    const d = await decideFine({ party: { code: '91440309MA5H2R7W2D', name: '深圳市观澜湖畔餐饮管理有限公司' }, itemCode: ROAD_ITEM, fine: '2000.00', facts: '当事人在大和路56号门前超出批准面积摆放桌椅。' });
    const p = (await publicationOf(d.caseId))!;
    platform.sim.control.set({ fault: 'INVALID_CODE' });
    const [dead] = await deliver(p.id);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect(dead.lastError).toContain('INVALID_CODE');
    const failed = (await publicationOf(d.caseId))!;
    expect(failed).toMatchObject({ status: 'PENDING', receiptId: null, reportCount: 0 });
    expect(failed.lastError).toContain('INVALID_CODE');

    platform.sim.control.reset();
    await retryDeadMessage(t.db.prisma, dead.id);
    expect((await deliver(p.id))[0].status).toBe('DELIVERED');
    expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'REPORTED', reportCount: 1, lastError: null });
  });

  it('a transient fault (maintenance, 503 + Retry-After) is retried by the outbox until the platform is back', async () => {
    setClock('2026-09-17T15:00:00+08:00');
    const d = await decideFine({ party: { code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' }, itemCode: ROAD_ITEM, fine: '2000.00', facts: '当事人在环观南路超出批准面积摆放桌椅。' });
    const p = (await publicationOf(d.caseId))!;
    platform.sim.control.set({ maintenance: true });
    await t.hub.services.outbox.runOnce();
    const [waiting] = await messagesOf(p.id);
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting.lastError).toContain('SERVICE_UNAVAILABLE');
    expect((await publicationOf(d.caseId))!.lastError).toContain('SERVICE_UNAVAILABLE');

    platform.sim.control.reset();
    await t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() WHERE "id" = ${waiting.id}::uuid`;
    const [delivered] = await deliver(p.id);
    expect(delivered).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'REPORTED', lastError: null });
  });

  it('不予处罚 (NO_PENALTY) is not a penalty: no publication, nothing queued', async () => {
    setClock('2026-09-17T16:00:00+08:00');
    const registered = ok(
      await t.gql(
        RegisterCaseDocument,
        {
          input: {
            source: 'PATROL',
            powerItemCode: STALL_ITEM,
            summary: '首次占道摆卖，当场改正',
            address: '深圳市龙华区观湖街道松元厦社区环观南路12号',
            officerBadgeNos: badges.slice(1, 3),
            parties: [{ code: '360731199005063429', name: '王丽娟' }],
          },
        },
        officer,
      ),
    ).registerCase;
    ok(await t.gql(FileCaseDocument, { caseId: registered.id }, officer));
    const sha = createHash('sha256').update(registered.id).digest('hex');
    ok(await t.gql(AddEvidenceDocument, { caseId: registered.id, input: { kind: 'PHOTO', description: '现场照片', sha256: sha, collectorBadgeNo: badges[1] } }, officer));
    ok(await t.gql(NotifyPartyDocument, { caseId: registered.id, input: { tierLevel: 1, proposedPenalty: 'NO_PENALTY', method: 'IN_PERSON' } }, officer));
    ok(await t.gql(DecideCaseDocument, { caseId: registered.id, input: { kind: 'NO_PENALTY', reasoning: '首违不罚，决定不予行政处罚。', partyWaivedRights: true } }, officer));
    expect(await publicationOf(registered.id)).toBeNull();
    expect(await t.db.prisma.penaltyPublication.count({ where: { caseId: registered.id } })).toBe(0);
  });
});

describe('several hub instances', () => {
  it('two pollers running at once query each due report once', async () => {
    setClock('2026-09-18T10:00:00+08:00');
    const decided: Decided[] = [];
    for (const fine of ['2100.00', '2200.00', '2300.00']) {
      decided.push(await decideFine({ party: { code: '91440300MA5F9K4P3X', name: '深圳市龙华建鑫建筑工程有限公司' }, itemCode: ROAD_ITEM, fine, facts: '当事人在大和路占道堆放建筑材料。' }));
    }
    const ids = await Promise.all(decided.map(async (d) => (await publicationOf(d.caseId))!.id));
    for (const id of ids) await deliver(id);
    advance(2 * 60_000);
    const calls = () => platform.sim.control.calls.QueryReportStatus ?? 0;
    const before = calls();
    const other = new PublicationDelivery(t.db.prisma, t.hub.services.upstream.socialCredit, t.hub.services.penaltyPublications, undefined, () => new Date(clockMs));
    const [a, b] = await Promise.all([t.hub.services.publicationDelivery.pollOnce(), other.pollOnce()]);
    expect(a + b).toBeGreaterThanOrEqual(ids.length);
    expect(calls() - before).toBe(a + b);
    const rows = await t.db.prisma.penaltyPublication.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.pollCount)).toEqual([1, 1, 1]);
  });
});

describe('duplicates', () => {
  it('a redelivered message sends nothing; a lost answer ends in DUPLICATE_REPORT: success with the original receipt, one report at the platform', async () => {
    setClock('2026-09-21T10:00:00+08:00');
    const d = await decideFine({ party: { code: '91440300MA5DTB8661', name: '深圳市鹏安燃气供应有限公司' }, itemCode: ROAD_ITEM, fine: '2500.00', facts: '当事人在大和路占道停放送气车辆并设置售卖点。' });
    const p = (await publicationOf(d.caseId))!;
    advance(5 * 60_000);
    const [message] = await deliver(p.id);
    const original = (await publicationOf(d.caseId))!;
    expect(original).toMatchObject({ status: 'REPORTED', duplicate: false });
    const reportCalls = () => platform.sim.control.calls.ReportAdministrativePenalty ?? 0;
    const afterFirst = reportCalls();

    const redeliver = () =>
      t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "status" = 'PENDING', "availableAt" = now(), "leaseOwner" = NULL, "leaseUntil" = NULL, "deliveredAt" = NULL WHERE "id" = ${message.id}::uuid`;

    // The same message again (a crash after the hub recorded the answer): the report is not sent again.
    await redeliver();
    expect((await deliver(p.id))[0].status).toBe('DELIVERED');
    expect(reportCalls()).toBe(afterFirst);
    expect((await publicationOf(d.caseId))!).toMatchObject({ receiptId: original.receiptId, duplicate: false, reportCount: 1 });

    // The platform accepted it but the answer never reached the hub: the hub reports again.
    await t.db.prisma.penaltyPublication.update({
      where: { id: p.id },
      data: { status: 'PENDING', receiptId: null, reportCount: 0, reportedAt: null, nextPollAt: null },
    });
    await redeliver();
    advance(60_000);
    const [again] = await deliver(p.id);
    expect(again.status).toBe('DELIVERED');
    expect(reportCalls()).toBe(afterFirst + 1);
    const dup = (await publicationOf(d.caseId))!;
    expect(dup).toMatchObject({ status: 'REPORTED', receiptId: original.receiptId, duplicate: true, reportCount: 1, lastError: null });
    expect(again.result).toMatchObject({ receiptId: original.receiptId, duplicate: true });
    expect(platform.reports.filter((b) => decisionNoOf(b) === d.decisionNo)).toHaveLength(2); // two calls, one report

    // The original receipt is the one the platform publishes.
    await laterPoll(60_000, 1);
    await laterPoll(5 * 60_000, 1);
    expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'PUBLISHED', receiptId: original.receiptId, duplicate: true });
  });
});

describe('the 7-working-day deadline, lists and scope', () => {
  let onTime: Decided;
  let lateOne: Decided;
  const window: PenaltyPublicationFilter = { decidedFrom: '2026-09-30T00:00:00+08:00', decidedTo: '2026-10-01T00:00:00+08:00' };

  async function listIds(filter: PenaltyPublicationFilter, token = officer): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<PenaltyPublicationsQuery> = await t.gql(PenaltyPublicationsDocument, { filter, first: 50, after }, token);
      const page = ok(res).penaltyPublications;
      ids.push(...page.edges.map((e) => e.node.case.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor ?? null;
    }
  }

  it('a decision on the eve of 国庆 2026 is due at the end of 15 October (10-8, 10-9, Saturday 10-10, 10-12 … 10-15)', async () => {
    setClock('2026-09-30T10:00:00+08:00');
    onTime = await decideFine({ party: { code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店' }, itemCode: ROAD_ITEM, fine: '2000.00', facts: '当事人节前在环观南路超出批准面积摆放桌椅。' });
    setClock('2026-09-30T11:00:00+08:00');
    lateOne = await decideFine({ party: { code: '91440309MA5H2R7W2D', name: '深圳市观澜湖畔餐饮管理有限公司' }, itemCode: ROAD_ITEM, fine: '6000.00', facts: '当事人节前在大和路56号门前超出批准面积摆放桌椅。' });
    for (const d of [onTime, lateOne]) {
      expect((await publicationOf(d.caseId))!).toMatchObject({ status: 'PENDING', dueAt: '2026-10-15T15:59:59.999Z', late: false, overdue: false });
    }

    // The second report is held back in the outbox (as while the platform is unreachable); the first
    // one is delivered on the last day: in time.
    const a = (await publicationOf(onTime.caseId))!;
    const b = (await publicationOf(lateOne.caseId))!;
    const hold = (until: string) =>
      t.db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "availableAt" = now() + ${until}::interval WHERE "aggregateId" = ${b.id} AND "status" = 'PENDING'`;
    await hold('1 day');
    setClock('2026-10-15T17:00:00+08:00');
    await deliver(a.id);
    expect((await publicationOf(onTime.caseId))!).toMatchObject({ status: 'REPORTED', reportedAt: '2026-10-15T09:00:00.000Z', late: false, overdue: false });

    // The other one is still waiting the next morning: overdue, and late.
    setClock('2026-10-16T09:30:00+08:00');
    expect((await publicationOf(lateOne.caseId))!).toMatchObject({ status: 'PENDING', late: true, overdue: true });
    const lateNow = await listIds({ ...window, late: true });
    expect(lateNow).toContain(lateOne.caseId);
    expect(lateNow).not.toContain(onTime.caseId);
    await hold('0 seconds');
    await deliver(b.id);
    expect((await publicationOf(lateOne.caseId))!).toMatchObject({ status: 'REPORTED', reportedAt: '2026-10-16T01:30:00.000Z', late: true, overdue: false });
  });

  it('penaltyPublications filters by late, status and department, with a totalCount', async () => {
    const mine = [onTime.caseId, lateOne.caseId];
    const late = await listIds({ ...window, late: true });
    expect(late).toContain(lateOne.caseId);
    expect(late).not.toContain(onTime.caseId);
    const inTime = await listIds({ ...window, late: false });
    expect(inTime).toContain(onTime.caseId);
    expect(inTime).not.toContain(lateOne.caseId);
    expect(await listIds({ ...window, status: ['REPORTED'] })).toEqual(expect.arrayContaining(mine));
    const others = await listIds({ ...window, status: ['PUBLISHED', 'PENDING', 'REJECTED'] });
    for (const id of mine) expect(others).not.toContain(id);
    expect(await listIds({ ...window, departmentCode: ['LH-GH'] })).toEqual(expect.arrayContaining(mine));
    const mz = await listIds({ ...window, departmentCode: ['LH-MZ'] }, supervisor);
    for (const id of mine) expect(mz).not.toContain(id);

    const page = ok(await t.gql(PenaltyPublicationsDocument, { filter: { ...window, departmentCode: ['LH-GH'] }, first: 1 }, officer)).penaltyPublications;
    expect(page.edges).toHaveLength(1);
    expect(page.totalCount).toBe((await listIds({ ...window, departmentCode: ['LH-GH'] })).length);
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 1);

    const bad = await t.gql(PenaltyPublicationsDocument, { filter: window, first: 0 }, officer);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('a team outside the case’s scope does not see it; a supervisor sees every team’s', async () => {
    const mine = [onTime.caseId, lateOne.caseId];
    const foreign = await listIds(window, otherTeam);
    for (const id of mine) expect(foreign).not.toContain(id);
    expect(codeOf(await t.gql(CasePenaltyPublicationDocument, { id: onTime.caseId }, otherTeam))).toBe('FORBIDDEN');
    expect(await listIds(window, supervisor)).toEqual(expect.arrayContaining(mine));
    expect((await publicationOf(lateOne.caseId, supervisor))!.late).toBe(true);
  });
});

describe('the seeded publications and batching', () => {
  it('seeded decisions have publications in final states only, rejected ones with their reasons, and no outbox messages', async () => {
    const seeded = await t.db.prisma.penaltyPublication.findMany({ where: { decision: { is: { decidedBy: { not: 'gh-officer' } } } } });
    expect(seeded.length).toBeGreaterThan(100);
    expect(new Set(seeded.map((p) => p.status))).toEqual(new Set(['PUBLISHED', 'REJECTED']));
    expect(seeded.every((p) => p.nextPollAt === null && p.receiptId && p.reportedAt)).toBe(true);
    expect(seeded.filter((p) => p.reportedAt!.getTime() > p.dueAt.getTime()).length).toBeGreaterThan(0);
    const outbox = await t.db.prisma.outboxMessage.count({ where: { aggregateId: { in: seeded.map((p) => p.id) } } });
    expect(outbox).toBe(0);

    const rejected = ok(await t.gql(PenaltyPublicationsDocument, { filter: { status: ['REJECTED'], decidedTo: '2026-09-01T00:00:00+08:00' }, first: 50 }, supervisor))
      .penaltyPublications;
    expect(rejected.totalCount).toBeGreaterThan(0);
    for (const e of rejected.edges) {
      expect(e.node.rejections.length).toBeGreaterThan(0);
      expect(e.node.rejections[0].message).toBeTruthy();
    }
  });

  it('a list of cases asks for their publications in one statement, whatever its length', async () => {
    const statements = async (first: number) => {
      const before = t.db.statements.count;
      const res = ok(await t.gql(CasesWithPublicationsDocument, { first, filter: { stage: ['SERVED', 'EXECUTING', 'CLOSED'] } }, supervisor));
      expect(res.cases.edges.length).toBe(first);
      expect(res.cases.edges.some((e) => e.node.penaltyPublication !== null)).toBe(true);
      return t.db.statements.count - before;
    };
    await statements(5);
    expect(await statements(40)).toBe(await statements(10));

    const listStatements = async (first: number) => {
      const before = t.db.statements.count;
      const page = ok(await t.gql(PenaltyPublicationsDocument, { first }, supervisor)).penaltyPublications;
      expect(page.edges.length).toBe(first);
      return t.db.statements.count - before;
    };
    expect(await listStatements(40)).toBe(await listStatements(10));
  });
});
