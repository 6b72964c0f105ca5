// Limits and hardening through the real server: depth, aliases, cost, size (bytes, tokens, body),
// the persisted-operation allow-list, introspection in production, CSRF prevention and the rate
// per department (in memory, and shared through Redis by two hubs), over HTTP and over graphql-ws.
// Each refusal carries its code, and leaves an audit record with that code.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery, parse, print, specifiedRules, validate } from 'graphql';
import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../../src/config';
import { buildHubSchema } from '../../src/schema/build-schema';
import { buildPersistedManifest } from '../../src/server/limits/build-persisted-manifest';
import { HubLimits } from '../../src/server/limits/hub-limits';
import { measureComplexity } from '../../src/server/limits/measure-complexity';
import { MemoryRateLimiter } from '../../src/server/limits/memory-rate-limiter';
import { operationHash } from '../../src/server/limits/operation-hash';
import { PersistedOperations } from '../../src/server/limits/persisted-operations';
import { CaseListDeepDocument, CasePageDocument, DepartmentCodesOverSocketDocument } from '../generated/graphql';
import { startTestHub, TEST_SECRET, type TestHub } from '../support/test-hub';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve(__dirname, '..', '..');

interface Answer {
  status: number;
  headers: Headers;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs a GraphQL request and keeps the response headers (Retry-After). */
async function post(t: TestHub, body: Record<string, unknown>, token: string | null, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

/** Sends one request with its own request id; answers it with the audit record it left. */
async function audited(t: TestHub, body: Record<string, unknown>, token: string) {
  const requestId = randomUUID();
  const answer = await post(t, body, token, { 'x-request-id': requestId });
  const record = await t.db.prisma.auditRecord.findFirst({ where: { requestId } });
  return { answer, record };
}

function codes(answer: { errors?: Array<{ extensions?: Record<string, unknown> }> | null }): unknown[] {
  return (answer.errors ?? []).map((e) => e.extensions?.code);
}

/** One operation over graphql-ws; ends at the first result for subscriptions that start. */
async function overSocket(
  t: TestHub,
  token: string,
  payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
): Promise<{ results: FormattedExecutionResult[]; errors: Array<{ message: string; extensions?: Record<string, unknown> }> | null }> {
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise((resolve) => {
      const results: FormattedExecutionResult[] = [];
      client.subscribe(payload as never, {
        next: (r) => results.push(r as FormattedExecutionResult),
        error: (e) => resolve({ results, errors: (Array.isArray(e) ? e : [{ message: String(e) }]) as never }),
        complete: () => resolve({ results, errors: null }),
      });
    });
  } finally {
    await client.dispose();
  }
}

async function auditOf(t: TestHub, sub: string) {
  return t.db.prisma.auditRecord.findMany({ where: { sub }, orderBy: { id: 'asc' } });
}

// ───────────────────────────── depth, aliases, cost, size ─────────────────────────────

describe('depth, alias, complexity and size limits', () => {
  let t: TestHub;
  let token: string;
  const SUB = 'limits-officer';

  beforeAll(async () => {
    t = await startTestHub({
      env: {
        GRAPHQL_MAX_DEPTH: '4',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_COMPLEXITY: '300',
        GRAPHQL_MAX_QUERY_BYTES: '2000',
        GRAPHQL_MAX_TOKENS: '300',
        GRAPHQL_MAX_BODY_BYTES: '8192',
      },
    });
    token = await t.token('LH-CGJ', 'SUPERVISOR', SUB);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lets a normal query through (control)', async () => {
    const res = await post(t, { query: '{ departments { code name } }' }, token);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect((res.data?.departments as unknown[]).length).toBeGreaterThan(0);
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_DEEP (400, limit and actual), and audits it', async () => {
    const { answer, record } = await audited(t, { query: '{ departments { officers { department { officers { name } } } } }' }, token);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 4, actual: 5 });
    expect(answer.errors![0].message).toBe('The operation is 5 levels deep; the limit is 4.');
    expect(record).toMatchObject({ sub: SUB, dept: 'LH-CGJ', outcome: 'ERROR:QUERY_TOO_DEEP' });
  });

  it('follows fragments when measuring depth', async () => {
    const query = `query Deep { departments { ...D } }
      fragment D on Department { officers { ...O } }
      fragment O on Officer { department { parent { code } } }`;
    const res = await post(t, { query }, token);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 4, actual: 5 });
  });

  it('survives a fragment cycle (refused by the standard rules, not looped on)', async () => {
    const res = await post(t, { query: '{ departments { ...A } } fragment A on Department { parent { ...A } }' }, token);
    expect(res.status).toBe(400);
    expect(codes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES with TOO_MANY_ALIASES, counting fragments each time they are spread', async () => {
    const four = await post(t, { query: '{ a: departments { code } b: departments { code } c: departments { code } d: departments { code } }' }, token);
    expect(four.status).toBe(400);
    expect(four.errors![0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 3, actual: 4 });

    const spread = await post(t, { query: '{ departments { ...F } x: departments { ...F } } fragment F on Department { a: code b: name }' }, token);
    expect(spread.status).toBe(400);
    expect(spread.errors![0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 3, actual: 5 });

    const three = await post(t, { query: '{ a: departments { code } b: departments { code } c: departments { code } }' }, token);
    expect(three.status).toBe(200);
    expect(three.errors).toBeUndefined();
  });

  it('refuses a query costing more than GRAPHQL_MAX_COMPLEXITY with QUERY_TOO_COMPLEX, the page size taken from the variables', async () => {
    const query = 'query Page($n: Int) { cases(first: $n) { edges { node { id caseNo stage } } } }';
    // cases 1 + edges 1 + n × (node 1 + 3 scalars)
    const { answer, record } = await audited(t, { query, variables: { n: 100 } }, token);
    expect(answer.status).toBe(400);
    expect(answer.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 300, actual: 402 });
    expect(record).toMatchObject({ sub: SUB, outcome: 'ERROR:QUERY_TOO_COMPLEX', operationName: 'Page' });

    const small = await post(t, { query, variables: { n: 10 } }, token);
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();

    const literal = await post(t, { query: '{ cases(first: 100) { edges { node { id caseNo stage } } } }' }, token);
    expect(literal.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 300, actual: 402 });
  });

  it('refuses a query text over GRAPHQL_MAX_QUERY_BYTES with QUERY_TOO_LARGE before parsing it, and audits it', async () => {
    const query = `{ departments { code } }${' '.repeat(2100)}`;
    const { answer, record } = await audited(t, { query }, token);
    expect(answer.status).toBe(400);
    expect(answer.errors![0].extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 2000, actual: Buffer.byteLength(query), unit: 'bytes' });
    expect(record).toMatchObject({ sub: SUB, dept: 'LH-CGJ', outcome: 'ERROR:QUERY_TOO_LARGE', fields: [] });
  });

  it('refuses a query over GRAPHQL_MAX_TOKENS with QUERY_TOO_LARGE (unit tokens)', async () => {
    const query = `{ departments { ${'code '.repeat(300)}} }`; // 305 tokens in 1,520 bytes
    expect(Buffer.byteLength(query)).toBeLessThan(2000);
    const res = await post(t, { query }, token);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_LARGE', limit: 300, actual: 305, unit: 'tokens' });
  });

  it('refuses a body over GRAPHQL_MAX_BODY_BYTES with QUERY_TOO_LARGE (413), and audits it', async () => {
    const requestId = randomUUID();
    const res = await post(t, { query: '{ departments { code } }', variables: { pad: 'x'.repeat(10_000) } }, token, { 'x-request-id': requestId });
    expect(res.status).toBe(413);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: 8192, unit: 'bytes', measured: 'body' });
    expect(res.errors![0].extensions!.actual).toBeGreaterThan(8192);
    const record = await t.db.prisma.auditRecord.findFirst({ where: { requestId } });
    expect(record).toMatchObject({ sub: SUB, outcome: 'ERROR:QUERY_TOO_LARGE' });
  });

  it('applies the same limits over the WebSocket, and audits the refusals there too', async () => {
    const sub = 'limits-socket-officer';
    const socketToken = await t.token('LH-CGJ', 'SUPERVISOR', sub);
    const deep = await overSocket(t, socketToken, { query: '{ departments { officers { department { officers { name } } } } }' });
    expect(deep.errors?.map((e) => e.extensions)).toEqual([{ code: 'QUERY_TOO_DEEP', limit: 4, actual: 5 }]);

    const aliases = await overSocket(t, socketToken, { query: '{ a: departments { code } b: departments { code } c: departments { code } d: departments { code } }' });
    expect(aliases.errors?.map((e) => e.extensions)).toEqual([{ code: 'TOO_MANY_ALIASES', limit: 3, actual: 4 }]);

    const costly = await overSocket(t, socketToken, { query: 'query Page($n: Int) { cases(first: $n) { edges { node { id caseNo stage } } } }', variables: { n: 100 } });
    expect(costly.errors?.map((e) => e.extensions)).toEqual([{ code: 'QUERY_TOO_COMPLEX', limit: 300, actual: 402 }]);

    const large = await overSocket(t, socketToken, { query: `{ departments { code } }${' '.repeat(2100)}` });
    expect(large.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_LARGE']);

    const fine = await overSocket(t, socketToken, { query: '{ departments { code } }' });
    expect(fine.errors).toBeNull();
    expect(fine.results[0].data?.departments).toBeDefined();

    const outcomes = (await auditOf(t, sub)).map((r) => r.outcome);
    expect(outcomes).toEqual(['ERROR:QUERY_TOO_DEEP', 'ERROR:TOO_MANY_ALIASES', 'ERROR:QUERY_TOO_COMPLEX', 'ERROR:QUERY_TOO_LARGE', 'OK']);
  });
});

describe('subscriptions over the WebSocket', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ env: { GRAPHQL_MAX_DEPTH: '1' } });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a subscription deeper than the limit with QUERY_TOO_DEEP, before it starts, and audits it', async () => {
    const sub = 'limits-subscriber';
    const token = await t.token('LH-GH', 'OFFICER', sub);
    const res = await overSocket(t, token, { query: `subscription Steps { caseUpdated(caseId: "${randomUUID()}") { caseId stage } }` });
    expect(res.results).toEqual([]);
    expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'QUERY_TOO_DEEP', limit: 1, actual: 2 }]);
    const [record] = await auditOf(t, sub);
    expect(record).toMatchObject({ operationType: 'subscription', operationName: 'Steps', fields: ['caseUpdated'], outcome: 'ERROR:QUERY_TOO_DEEP' });
  });
});

// ───────────────────────────── introspection and CSRF ─────────────────────────────

describe('production mode: introspection off, CSRF prevention on', () => {
  let t: TestHub;
  let token: string;

  beforeAll(async () => {
    t = await startTestHub({ env: { NODE_ENV: 'production' } });
    token = await t.token('LH-GH', 'OFFICER', 'limits-prod-officer');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('answers an introspection query with INTROSPECTION_DISABLED (400), and audits it', async () => {
    expect(t.config.graphql.introspection).toBe(false);
    const { answer, record } = await audited(t, { query: '{ __schema { types { name } } }' }, token);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['INTROSPECTION_DISABLED']);
    expect(answer.errors![0].extensions).toEqual({ code: 'INTROSPECTION_DISABLED', field: '__schema' });
    expect(record).toMatchObject({ outcome: 'ERROR:INTROSPECTION_DISABLED' });

    const type = await post(t, { query: '{ __type(name: "Query") { name } }' }, token);
    expect(codes(type)).toEqual(['INTROSPECTION_DISABLED']);
    const full = await post(t, { query: getIntrospectionQuery() }, token);
    expect(codes(full)).toEqual(['INTROSPECTION_DISABLED']);
  });

  it('still answers __typename, and gives no "Did you mean" hints at the schema', async () => {
    const typename = await post(t, { query: '{ __typename }' }, token);
    expect(typename.status).toBe(200);
    expect(typename.data).toEqual({ __typename: 'Query' });
    const typo = await post(t, { query: '{ department { code } }' }, token);
    expect(typo.status).toBe(400);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('refuses introspection over the WebSocket too', async () => {
    const res = await overSocket(t, token, { query: '{ __schema { queryType { name } } }' });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['INTROSPECTION_DISABLED']);
    const typo = await overSocket(t, token, { query: '{ department { code } }' });
    expect(typo.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('GRAPHQL_INTROSPECTION=1 turns it back on in production (one source of truth: config.graphql.introspection)', () => {
    const env = { NODE_ENV: 'production', AUTH_JWT_SECRET: TEST_SECRET, DATABASE_URL: 'postgres://127.0.0.1/x' };
    expect(loadConfig(env).graphql.introspection).toBe(false);
    expect(loadConfig({ ...env, GRAPHQL_INTROSPECTION: '1' }).graphql.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
  });

  it('refuses a simple text/plain POST without a preflight header (CSRF)', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ departments { code } }' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a GET query without a preflight header (CSRF), and answers it with one', async () => {
    const url = `${t.url}?query=${encodeURIComponent('{ departments { code } }')}`;
    const refused = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/Cross-Site Request Forgery/);

    const allowed = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { data: { departments: unknown[] } }).data.departments.length).toBeGreaterThan(0);
  });
});

describe('development and test defaults', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lets the explorer introspect (GraphiQL sends the standard introspection query, 15 levels deep)', async () => {
    const token = await t.token('LH-GH', 'OFFICER');
    const query = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    const res = await post(t, { query }, token);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect((res.data?.__schema as { queryType: { name: string } }).queryType.name).toBe('Query');
  });

  it('lets the biggest operations of the tests through at their largest page size', async () => {
    const token = await t.token('LH-CGJ', 'SUPERVISOR');
    const deep = await t.gql(CaseListDeepDocument, { first: 100 }, token);
    expect(deep.errors).toBeUndefined();
    const page = await t.gql(CasePageDocument, { first: 100 }, token);
    expect(page.errors).toBeUndefined();
  });

  it('counts introspection fields towards depth, against their own limit (GRAPHQL_MAX_INTROSPECTION_DEPTH)', async () => {
    const token = await t.token('LH-GH', 'OFFICER');
    let selection = 'name';
    for (let i = 0; i < 7; i += 1) selection = `fields { type { ${selection} } }`;
    const res = await post(t, { query: `{ __schema { types { ${selection} } } }` }, token); // 2 + 7 × 2 + 1 = 17 levels
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 15, actual: 17, introspection: true });
  });

  it('keeps every shipped operation and benchmark query under the default depth and cost', async () => {
    const config = loadConfig({});
    const schema = await buildHubSchema();
    const limits = HubLimits.create(config, schema, t.hub.logger);
    const dir = path.join(ROOT, 'test', 'operations');
    const operations = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const documents = Object.values(buildPersistedManifest(operations.map((body, i) => ({ name: String(i), body })))).map((q) => parse(q));
    for (const file of fs.readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(ROOT, 'bench', file), 'utf8');
      for (const match of source.matchAll(/const (?:QUERY|SUBSCRIPTION) = `([\s\S]*?)`;/g)) documents.push(parse(match[1]));
    }
    expect(documents.length).toBeGreaterThan(40);
    for (const document of documents) {
      expect(validate(schema, document, [...specifiedRules, ...limits.validationRules]).map((e) => e.message)).toEqual([]);
      const cost = measureComplexity(schema, document, undefined, { first: 100 }, { defaultListSize: config.limits.complexityListSize });
      expect(cost).toBeLessThanOrEqual(config.limits.maxComplexity);
    }
    await limits.close();
  });

  it('has the documented defaults, and refuses bad values naming the variable', () => {
    const { limits } = loadConfig({});
    expect(limits).toMatchObject({
      maxDepth: 12,
      maxIntrospectionDepth: 15,
      maxAliases: 30,
      maxComplexity: 20_000,
      complexityListSize: 5,
      maxQueryBytes: 100_000,
      maxTokens: 10_000,
      maxBodyBytes: null,
      persistedOnly: false,
      rateLimit: { perMinute: 600, burst: null },
    });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => loadConfig({ GRAPHQL_MAX_COMPLEXITY: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_OVERRIDES: 'LH-12345=1200' })).toThrow(/RATE_LIMIT_OVERRIDES/);
    expect(loadConfig({ RATE_LIMIT_OVERRIDES: 'LH-12345:1200, LH-CGJ:2000' }).limits.rateLimit.overrides).toEqual(
      new Map([
        ['LH-12345', 1200],
        ['LH-CGJ', 2000],
      ]),
    );
  });
});

describe('the cost model', () => {
  const cost = async (query: string, variables: Record<string, unknown> = {}) =>
    measureComplexity(await buildHubSchema(), parse(query), undefined, variables, { defaultListSize: 5 });

  it('counts each field 1, lists by their page size or the default list size, a connection\'s edges once', async () => {
    expect(await cost('{ __typename departments { code name } }')).toBe(1 + 5 * 2);
    // cases 1 + totalCount 1 + pageInfo 2 + edges 1 + 10 × (cursor 1 + node 1 + id 1)
    expect(await cost('{ cases(first: 10) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }')).toBe(35);
    expect(await cost('query($n: Int) { cases(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(1 + 1 + 50 * 2);
    // Left out: the default list size; an argument default (latestEvents(last = 3)) counts at its value.
    expect(await cost('{ cases { edges { node { id latestEvents { seq } } } } }')).toBe(1 + 1 + 5 * (1 + 1 + (1 + 3 * 1)));
    expect(await cost('{ departments { ...F } } fragment F on Department { officers { name } }')).toBe(1 + 5 * (1 + 5 * 1));
  });

  it('counts subscription root fields like any field', async () => {
    expect(await cost('subscription { caseUpdated(caseId: "x") { caseId stage } }')).toBe(3);
  });
});

// ───────────────────────────── persisted operations ─────────────────────────────

describe('GRAPHQL_PERSISTED_ONLY=1: the persisted-operation allow-list', () => {
  let t: TestHub;
  let token: string;
  const SUB = 'limits-persisted-officer';
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'persisted-operations.json'), 'utf8')) as Record<string, string>;
  const [departmentsHash, departmentsQuery] = Object.entries(manifest).find(([, q]) => q.includes('query DepartmentCodesOverSocket'))!;

  beforeAll(async () => {
    t = await startTestHub({ env: { GRAPHQL_PERSISTED_ONLY: '1', GRAPHQL_PERSISTED_OPERATIONS_FILE: path.join(ROOT, 'persisted-operations.json') } });
    token = await t.token('LH-GH', 'OFFICER', SUB);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs a listed operation named by its hash alone (APQ extension, no text)', async () => {
    const res = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: departmentsHash } } }, token);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect((res.data?.departments as unknown[]).length).toBeGreaterThan(0);
  });

  it('runs a listed operation sent as its full text, and with its text and hash', async () => {
    const typed = await t.gql(DepartmentCodesOverSocketDocument, {}, token);
    expect(typed.errors).toBeUndefined();
    expect(operationHash(print(DepartmentCodesOverSocketDocument))).toBe(departmentsHash);
    const both = await post(t, { query: departmentsQuery, extensions: { persistedQuery: { version: 1, sha256Hash: departmentsHash } } }, token);
    expect(both.status).toBe(200);
    expect(both.errors).toBeUndefined();
    // Other whitespace, same operation: matched in its canonical form.
    const reformatted = await post(t, { query: departmentsQuery.replace(/\s+/g, ' ') }, token);
    expect(reformatted.errors).toBeUndefined();
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const unknown = operationHash('{ departments { code name } }');
    const res = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } }, token);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND', sha256Hash: unknown });
  });

  it('refuses an unlisted query text with PERSISTED_QUERY_REQUIRED, and audits it', async () => {
    const { answer, record } = await audited(t, { query: '{ departments { code name } }' }, token);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    expect(answer.data).toBeUndefined();
    expect(record).toMatchObject({ sub: SUB, dept: 'LH-GH', outcome: 'ERROR:PERSISTED_QUERY_REQUIRED', fields: ['departments'] });
  });

  it('refuses a listed hash sent with another text, and a request with neither', async () => {
    const swapped = await post(t, { query: '{ departments { code name } }', extensions: { persistedQuery: { version: 1, sha256Hash: departmentsHash } } }, token);
    expect(codes(swapped)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    const empty = await post(t, {}, token);
    expect(codes(empty)).toEqual(['PERSISTED_QUERY_REQUIRED']);
  });

  it('applies the allow-list over the WebSocket too', async () => {
    const byHash = await overSocket(t, token, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: departmentsHash } } });
    expect(byHash.errors).toBeNull();
    expect(byHash.results[0].data?.departments).toBeDefined();
    const unlisted = await overSocket(t, token, { query: '{ departments { code name } }' });
    expect(unlisted.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_REQUIRED']);
    const unknown = await overSocket(t, token, { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('the persisted-operation manifest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-persisted-'));
  const env = (file: string) => ({ GRAPHQL_PERSISTED_ONLY: '1', GRAPHQL_PERSISTED_OPERATIONS_FILE: file });

  it('fails fast at start-up when the file is missing or malformed, naming the variable', () => {
    expect(() => loadConfig(env(path.join(dir, 'missing.json')))).toThrow(/GRAPHQL_PERSISTED_OPERATIONS_FILE names a file that does not exist/);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "abc": ');
    expect(() => loadConfig(env(path.join(dir, 'broken.json')))).toThrow(/GRAPHQL_PERSISTED_OPERATIONS_FILE is not valid JSON/);
    fs.writeFileSync(path.join(dir, 'wrong-hash.json'), JSON.stringify({ [operationHash('{ a }')]: '{ b }' }));
    expect(() => loadConfig(env(path.join(dir, 'wrong-hash.json')))).toThrow(/not the SHA-256 of its query/);
    fs.writeFileSync(path.join(dir, 'array.json'), '[]');
    expect(() => loadConfig(env(path.join(dir, 'array.json')))).toThrow(ConfigError);
    // Off by default: no file needed.
    expect(loadConfig({ GRAPHQL_PERSISTED_OPERATIONS_FILE: path.join(dir, 'missing.json') }).limits.persistedOperations).toBeNull();
  });

  it('is built from named operations with the fragments they use, in canonical form', () => {
    const manifest = buildPersistedManifest([
      { name: 'a.graphql', body: 'query One { departments { ...Code } }\nfragment Code on Department { code }\nfragment Unused on Department { name }' },
      { name: 'b.graphql', body: 'query   Two{departments{name}}' },
    ]);
    const texts = Object.values(manifest);
    expect(texts).toEqual(['query One {\n  departments {\n    ...Code\n  }\n}\n\nfragment Code on Department {\n  code\n}', 'query Two {\n  departments {\n    name\n  }\n}']);
    expect(Object.keys(manifest)).toEqual(texts.map(operationHash));
    expect(PersistedOperations.fromManifest(manifest).size).toBe(2);
    expect(() => buildPersistedManifest([{ name: 'c.graphql', body: '{ departments { code } }' }])).toThrow(/needs a name/);
  });

  it('the committed manifest checks out and holds the operations the tests send', () => {
    const listed = PersistedOperations.fromFile(path.join(ROOT, 'persisted-operations.json'));
    for (const document of [DepartmentCodesOverSocketDocument, CaseListDeepDocument, CasePageDocument]) {
      expect(listed.has(operationHash(print(document)))).toBe(true);
    }
  });
});

// ───────────────────────────── rate per department ─────────────────────────────

describe('rate limits per department (in memory)', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ env: { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_OVERRIDES: 'LH-12345:6' } });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses the request after the budget with RATE_LIMITED, HTTP 429 and Retry-After, and audits it', async () => {
    const sub = 'limits-rate-wtj';
    const token = await t.token('LH-WTJ', 'PARTNER', sub);
    for (let i = 0; i < 3; i += 1) {
      const ok = await post(t, { query: '{ __typename }' }, token);
      expect(ok.status).toBe(200);
    }
    const { answer, record } = await audited(t, { query: 'query Again { __typename }' }, token);
    expect(answer.status).toBe(429);
    expect(answer.data).toBeUndefined();
    const ext = answer.errors![0].extensions!;
    expect(ext).toMatchObject({ code: 'RATE_LIMITED', limit: 3, burst: 3, department: 'LH-WTJ' });
    expect(ext.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ext.retryAfterSeconds).toBeLessThanOrEqual(20); // one request comes back every 60/3 s
    expect(answer.headers.get('retry-after')).toBe(String(ext.retryAfterSeconds));
    expect(answer.errors![0].message).toMatch(/LH-WTJ .* 3 requests per minute/);
    expect(record).toMatchObject({ sub, dept: 'LH-WTJ', outcome: 'ERROR:RATE_LIMITED', operationName: 'Again', fields: ['__typename'] });

    // Another department has its own budget.
    const other = await post(t, { query: '{ __typename }' }, await t.token('LH-JYJ', 'PARTNER'));
    expect(other.status).toBe(200);
  });

  it('applies a per-department override (RATE_LIMIT_OVERRIDES)', async () => {
    const token = await t.token('LH-12345', 'HOTLINE');
    for (let i = 0; i < 6; i += 1) expect((await post(t, { query: '{ __typename }' }, token)).status).toBe(200);
    const refused = await post(t, { query: '{ __typename }' }, token);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 6, department: 'LH-12345' });
  });

  it('counts subscription starts over the WebSocket, and refuses them with RATE_LIMITED', async () => {
    const sub = 'limits-rate-swj';
    const token = await t.token('LH-SWJ', 'PARTNER', sub);
    for (let i = 0; i < 3; i += 1) expect((await post(t, { query: '{ __typename }' }, token)).status).toBe(200);
    const res = await overSocket(t, token, { query: `subscription { caseUpdated(caseId: "${randomUUID()}") { caseId } }` });
    expect(res.results).toEqual([]);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(res.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await auditOf(t, sub)).map((r) => r.outcome)).toEqual(['OK', 'OK', 'OK', 'ERROR:RATE_LIMITED']);
  });

  it('does not rate-limit the signed callback and webhook routes by department', async () => {
    const token = await t.token('LH-ZJJ', 'PARTNER');
    for (let i = 0; i < 4; i += 1) await post(t, { query: '{ __typename }' }, token);
    const base = t.url.replace(/\/graphql$/, '');
    for (const route of ['/callbacks/case-transfer/status', '/webhooks/hotline/work-orders']) {
      const res = await fetch(`${base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
      expect(res.status).not.toBe(429);
    }
  });

  it('refills the bucket over time (token bucket, unit test with a fake clock)', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i += 1) expect((await limiter.take('LH-X', 3, 3)).allowed).toBe(true);
    const refused = await limiter.take('LH-X', 3, 3);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
    now += 20_000;
    expect((await limiter.take('LH-X', 3, 3)).allowed).toBe(true);
    expect((await limiter.take('LH-X', 3, 3)).allowed).toBe(false);
  });
});

describe('rate limits shared through Redis by two hubs', () => {
  let a: TestHub;
  let b: TestHub;

  beforeAll(async () => {
    const env = { REDIS_URL, RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '4' };
    a = await startTestHub({ env });
    b = await startTestHub({ env });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('counts a department once across hubs: a burst of 4 split between them, then both refuse', async () => {
    const token = await a.token('LH-STHJ', 'PARTNER', 'limits-redis-partner');
    for (const hub of [a, b, a, b]) {
      const ok = await post(hub, { query: '{ __typename }' }, token);
      expect(ok.status).toBe(200);
    }
    for (const hub of [a, b]) {
      const refused = await post(hub, { query: '{ __typename }' }, token);
      expect(refused.status).toBe(429);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 6, burst: 4, department: 'LH-STHJ' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });
});
