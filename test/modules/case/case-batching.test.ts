// N+1 guard: a deep case list costs the same number of SQL statements whether it returns 10,
// 50 or 100 cases — one per relation, batched by the per-request DataLoaders — counted with
// db.statements (every statement Prisma sends, the audit write included).
import { CaseListDeepDocument } from '../../generated/graphql';
import { startTestHub, type TestHub } from '../../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';
const MAX_STATEMENTS = 15;

let t: TestHub;
let supervisor: string;

beforeAll(async () => {
  t = await startTestHub();
  supervisor = await t.token('LH-CGJ', 'SUPERVISOR', 'sup-batching');
});

afterAll(async () => {
  await t?.stop();
});

async function statementsFor(first: number): Promise<number> {
  const before = t.db.statements.count;
  const res = await t.gql(CaseListDeepDocument, { first, filter: { registeredTo: SEEDED_TO } }, supervisor);
  const used = t.db.statements.count - before;
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.cases.edges.map((e) => e.node);
  expect(nodes).toHaveLength(first);
  // The relations were really resolved, not skipped.
  for (const n of nodes) {
    expect(n.department.code).toMatch(/^LH-/);
    expect(n.powerItem.code).toBeTruthy();
    expect(n.officers.length).toBeGreaterThanOrEqual(2);
    expect(n.latestEvents.length).toBeGreaterThanOrEqual(1);
    expect(n.latestEvents.length).toBeLessThanOrEqual(2);
  }
  expect(nodes.some((n) => n.parties.length > 0)).toBe(true);
  // The newest seeded cases are still early in the procedure; older pages carry decisions.
  if (first >= 50) expect(nodes.some((n) => n.decision !== null)).toBe(true);
  return used;
}

it('a deep list of 10, 50 or 100 cases costs the same, small number of SQL statements', async () => {
  // Warm-up: the first request of a department also loads it (and its agreements) for the
  // token; that lookup is cached, so it is not part of what a list costs.
  await statementsFor(5);

  const counts = { 10: await statementsFor(10), 50: await statementsFor(50), 100: await statementsFor(100) };
  // eslint-disable-next-line no-console
  console.log(`SQL statements per CaseListDeep request (audit write included): ${JSON.stringify(counts)}`);

  expect(counts[100]).toBe(counts[10]);
  expect(counts[100]).toBe(counts[50]);
  expect(counts[100]).toBeGreaterThanOrEqual(7); // cases + six relations, at least
  expect(counts[100]).toBeLessThanOrEqual(MAX_STATEMENTS);
});

it('the count is stable from one request to the next', async () => {
  const again = [await statementsFor(100), await statementsFor(100)];
  expect(again[0]).toBe(again[1]);
  expect(again[0]).toBeLessThanOrEqual(MAX_STATEMENTS);
});
