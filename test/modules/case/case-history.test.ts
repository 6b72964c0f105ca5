// The hash-chained case history: a seeded closed case reads as an unbroken chain, and changes
// made behind the hub's back (SQL straight into the table) are detected and named by
// verifyCaseHistory. Each tamper test uses its own seeded case and puts the row back afterwards.
import { caseEventHashContent } from '../../../src/domain/case-events';
import { chainHash, GENESIS_HASH } from '../../../src/domain/hash-chain';
import { CaseHistoryWithTimesDocument, VerifyCaseHistoryDocument, type VerifyCaseHistoryQuery } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';

let t: TestHub;
let supervisor: string;
/** Seeded CLOSED cases with at least five events; each test takes its own. */
let closedCases: { id: string; caseNo: string; n: number }[];

beforeAll(async () => {
  t = await startTestHub();
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'sup-history');
  const rows = await t.db.prisma.$queryRawUnsafe<{ id: string; caseNo: string; n: bigint }[]>(
    `SELECT c.id::text AS id, c."caseNo", count(e.id) AS n
       FROM "EnforcementCase" c JOIN "CaseEvent" e ON e."caseId" = c.id
      WHERE c.stage = 'CLOSED' AND c."registeredAt" < '${SEEDED_TO}'::timestamptz
      GROUP BY c.id, c."caseNo" HAVING count(e.id) >= 5
      ORDER BY c."caseNo" DESC`,
  );
  closedCases = rows.map((r) => ({ id: r.id, caseNo: r.caseNo, n: Number(r.n) }));
  expect(closedCases.length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  await t?.stop();
});

async function verify(caseId: string): Promise<VerifyCaseHistoryQuery['verifyCaseHistory']> {
  const res = await t.gql(VerifyCaseHistoryDocument, { caseId }, supervisor);
  expect(res.errors).toBeUndefined();
  return res.data!.verifyCaseHistory;
}

async function eventsOf(caseId: string) {
  return t.db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
}

const problemsOf = (v: VerifyCaseHistoryQuery['verifyCaseHistory']) => v.problems.map(({ seq, eventId, kind }) => ({ seq, eventId, kind }));

it('the history of a seeded CLOSED case is an unbroken chain from the genesis hash', async () => {
  const c = closedCases[0];
  const res = await t.gql(CaseHistoryWithTimesDocument, { caseId: c.id }, supervisor);
  expect(res.errors).toBeUndefined();
  const events = res.data!.caseHistory;
  expect(events).toHaveLength(c.n);

  events.forEach((e, i) => {
    expect(e.seq).toBe(i + 1);
    expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1].hash);
    if (i > 0) expect(e.stageBefore).toBe(events[i - 1].stageAfter);
    // Each hash covers the event's own content and the hash before it.
    const content = caseEventHashContent({ ...e, caseId: c.id, occurredAt: new Date(e.occurredAt) });
    expect(e.hash).toBe(chainHash(e.prevHash, content));
  });
  expect(GENESIS_HASH).toBe('0'.repeat(64));
  expect(events[0]).toMatchObject({ type: 'REGISTERED', stageBefore: null, stageAfter: 'RECEIVED' });
  expect(events[events.length - 1]).toMatchObject({ type: 'CLOSED', stageAfter: 'CLOSED' });

  const v = await verify(c.id);
  expect(v).toMatchObject({ caseId: c.id, valid: true, length: c.n, firstBrokenSeq: null, problems: [] });
});

it('names an event whose payload was changed with SQL (HASH_MISMATCH)', async () => {
  const c = closedCases[1];
  const [, second] = await eventsOf(c.id);
  const [original] = await t.db.prisma.$queryRawUnsafe<{ payload: string }[]>(
    `SELECT payload::text AS payload FROM "CaseEvent" WHERE id = $1::uuid`,
    second.id,
  );
  try {
    await t.db.prisma.$executeRawUnsafe(
      `UPDATE "CaseEvent" SET payload = payload || '{"note": "事后补记"}'::jsonb WHERE id = $1::uuid`,
      second.id,
    );
    const v = await verify(c.id);
    expect(v.valid).toBe(false);
    expect(v.firstBrokenSeq).toBe(2);
    expect(problemsOf(v)).toEqual([{ seq: 2, eventId: second.id, kind: 'HASH_MISMATCH' }]);
    expect(v.problems[0].message).toContain('2');
  } finally {
    await t.db.prisma.$executeRawUnsafe(`UPDATE "CaseEvent" SET payload = $2::jsonb WHERE id = $1::uuid`, second.id, original.payload);
  }
  expect((await verify(c.id)).valid).toBe(true);
});

it('names the event after one that was deleted (SEQUENCE_GAP and PREV_HASH_MISMATCH)', async () => {
  const c = closedCases[2];
  const events = await eventsOf(c.id);
  const removed = events[2]; // seq 3
  const next = events[3]; // seq 4
  try {
    await t.db.prisma.$executeRawUnsafe(`DELETE FROM "CaseEvent" WHERE id = $1::uuid`, removed.id);
    const v = await verify(c.id);
    expect(v.valid).toBe(false);
    expect(v.length).toBe(events.length - 1);
    expect(v.firstBrokenSeq).toBe(4);
    const problems = problemsOf(v);
    expect(problems).toEqual(
      expect.arrayContaining([
        { seq: 4, eventId: next.id, kind: 'SEQUENCE_GAP' },
        { seq: 4, eventId: next.id, kind: 'PREV_HASH_MISMATCH' },
      ]),
    );
    expect(problems.filter((p) => p.kind === 'HASH_MISMATCH')).toEqual([]); // no surviving row was changed
    expect(problems.filter((p) => p.kind === 'PREV_HASH_MISMATCH')).toHaveLength(1);
  } finally {
    const { payload, ...rest } = removed;
    await t.db.prisma.caseEvent.create({ data: { ...rest, payload: payload as object } });
  }
  expect((await verify(c.id)).valid).toBe(true);
});

it('names the next event when a changed event was given a recomputed hash (PREV_HASH_MISMATCH)', async () => {
  const c = closedCases[3];
  const events = await eventsOf(c.id);
  const target = events[1]; // seq 2
  const next = events[2]; // seq 3
  const [original] = await t.db.prisma.$queryRawUnsafe<{ payload: string; hash: string }[]>(
    `SELECT payload::text AS payload, hash FROM "CaseEvent" WHERE id = $1::uuid`,
    target.id,
  );
  try {
    await t.db.prisma.$executeRawUnsafe(
      `UPDATE "CaseEvent" SET payload = payload || '{"note": "改写后重新计算哈希"}'::jsonb WHERE id = $1::uuid`,
      target.id,
    );
    const changed = await t.db.prisma.caseEvent.findUniqueOrThrow({ where: { id: target.id } });
    const forged = chainHash(changed.prevHash, caseEventHashContent(changed));
    expect(forged).not.toBe(original.hash);
    await t.db.prisma.$executeRawUnsafe(`UPDATE "CaseEvent" SET hash = $2 WHERE id = $1::uuid`, target.id, forged);

    const v = await verify(c.id);
    expect(v.valid).toBe(false);
    expect(v.firstBrokenSeq).toBe(3);
    // The forged row verifies on its own; the link from the next row gives it away.
    expect(problemsOf(v)).toEqual([{ seq: 3, eventId: next.id, kind: 'PREV_HASH_MISMATCH' }]);
  } finally {
    await t.db.prisma.$executeRawUnsafe(
      `UPDATE "CaseEvent" SET payload = $2::jsonb, hash = $3 WHERE id = $1::uuid`,
      target.id,
      original.payload,
      original.hash,
    );
  }
  expect((await verify(c.id)).valid).toBe(true);
});
