// The audit log over the API: auditRecords for AUDITOR (each record with the personal fields
// returned, the purpose and the case ids), and the chain check — verifyAuditLog and
// `npm run audit:verify` (its module function) — naming a record changed, re-hashed or removed with
// SQL. The tampering runs on a database of this file's own, so no other file's check sees it.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { auditHashContent } from '../../src/audit/audit-log';
import { runAuditVerify } from '../../src/audit/audit-verify-command';
import { openDatabase, type Database } from '../../src/db/database';
import { applyMigrations } from '../../src/db/migrator';
import { chainHash } from '../../src/domain/hash-chain';
import { AuditRecordsDocument, CasePartiesPersonalDocument, VerifyAuditLogDocument } from '../generated/graphql';
import { startTestHub, type TestHub } from '../support/test-hub';

const SEEDED_TO = '2026-11-19T00:00:00+08:00';

describe('auditRecords', () => {
  let t: TestHub;
  let auditor: string;
  const sub = `audit-records-${randomUUID().slice(0, 8)}`;
  let officer: string;
  let caseId: string;
  const requestIds = { plain: `ar-plain-${randomUUID()}`, purpose: `ar-purpose-${randomUUID()}`, refused: `ar-refused-${randomUUID()}` };

  beforeAll(async () => {
    t = await startTestHub();
    auditor = await t.token('LH-CGJ', 'AUDITOR', 'audit-records-auditor');
    const [row] = await t.db.prisma.$queryRawUnsafe<{ caseId: string; dept: string }[]>(
      `SELECT c.id::text AS "caseId", d.code AS dept FROM "EnforcementCase" c JOIN "Department" d ON d.id = c."departmentId"
         JOIN "CaseParty" cp ON cp."caseId" = c.id JOIN "Party" pa ON pa.id = cp."partyId"
        WHERE pa.kind = 'PERSON' AND pa.phone IS NOT NULL AND d.kind = 'STREET_TEAM' AND c."registeredAt" < $1::timestamptz
        ORDER BY c."caseNo" LIMIT 1`,
      SEEDED_TO,
    );
    caseId = row.caseId;
    officer = await t.token(row.dept, 'OFFICER', sub);
    // Three requests of one officer: masked, with a purpose (personal data in full), refused.
    expect((await t.gql(CasePartiesPersonalDocument, { id: caseId }, officer, { 'X-Request-Id': requestIds.plain })).errors).toBeUndefined();
    expect(
      (await t.gql(CasePartiesPersonalDocument, { id: caseId }, officer, { 'X-Request-Id': requestIds.purpose, 'X-Purpose': encodeURIComponent('听证前核对') }))
        .errors,
    ).toBeUndefined();
    expect((await t.gql(AuditRecordsDocument, {}, officer, { 'X-Request-Id': requestIds.refused })).errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'AUDIT_READER',
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('lists a caller’s records newest first, with purpose, case ids and the personal fields returned', async () => {
    const res = await t.gql(AuditRecordsDocument, { filter: { sub } }, auditor);
    expect(res.errors).toBeUndefined();
    const { edges, totalCount } = res.data!.auditRecords;
    expect(totalCount).toBe(3);
    expect(edges.map((e) => e.node.requestId)).toEqual([requestIds.refused, requestIds.purpose, requestIds.plain]);
    const [refused, withPurpose, plain] = edges.map((e) => e.node);
    expect(plain).toMatchObject({ sub, roles: ['OFFICER'], purpose: null, operationType: 'query', operationName: 'CasePartiesPersonal', rootFields: ['case'], caseIds: [caseId], personalFields: [], outcome: 'OK' });
    expect(withPurpose).toMatchObject({ purpose: '听证前核对', caseIds: [caseId], outcome: 'OK' });
    expect(withPurpose.personalFields).toEqual(expect.arrayContaining(['Party.code', 'Party.name', 'Party.phone']));
    expect(refused).toMatchObject({ rootFields: ['auditRecords'], outcome: 'ERROR:FORBIDDEN', caseIds: [] });
    expect(BigInt(withPurpose.id)).toBeGreaterThan(BigInt(plain.id));
    expect(withPurpose.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by personal data, case, outcome, operation and time, and pages with a cursor', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const res = await t.gql(AuditRecordsDocument, { filter: { sub, ...filter } }, auditor);
      expect(res.errors).toBeUndefined();
      return res.data!.auditRecords.edges.map((e) => e.node.requestId);
    };
    expect(await ids({ personalDataOnly: true })).toEqual([requestIds.purpose]);
    expect(await ids({ caseId })).toEqual([requestIds.purpose, requestIds.plain]);
    expect(await ids({ outcome: 'ERROR' })).toEqual([requestIds.refused]);
    expect(await ids({ outcome: 'ERROR:FORBIDDEN' })).toEqual([requestIds.refused]);
    expect(await ids({ outcome: 'OK' })).toEqual([requestIds.purpose, requestIds.plain]);
    expect(await ids({ operation: 'auditRecords' })).toEqual([requestIds.refused]);
    expect(await ids({ operation: 'CasePartiesPersonal' })).toEqual([requestIds.purpose, requestIds.plain]);
    expect(await ids({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await ids({ to: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(3);
    expect(await ids({ dept: 'LH-NOPE' })).toEqual([]);

    const first = await t.gql(AuditRecordsDocument, { filter: { sub }, first: 2 }, auditor);
    expect(first.data!.auditRecords.pageInfo.hasNextPage).toBe(true);
    const rest = await t.gql(AuditRecordsDocument, { filter: { sub }, first: 2, after: first.data!.auditRecords.pageInfo.endCursor }, auditor);
    expect(rest.data!.auditRecords.edges.map((e) => e.node.requestId)).toEqual([requestIds.plain]);
    expect(rest.data!.auditRecords.pageInfo.hasNextPage).toBe(false);

    const bad = await t.gql(AuditRecordsDocument, { after: 'not-a-cursor' }, auditor);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is for auditors only; the chain check is for auditors and administrators', async () => {
    for (const [dept, role] of [
      ['LH-CGJ', 'ADMIN'],
      ['LH-CGJ', 'SUPERVISOR'],
      ['LH-SCJG', 'PARTNER'],
    ] as const) {
      const token = await t.token(dept, role, `audit-records-${role.toLowerCase()}`);
      const res = await t.gql(AuditRecordsDocument, { filter: { sub } }, token);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'AUDIT_READER', requiredRole: 'AUDITOR' });
    }
    const admin = await t.token('LH-CGJ', 'ADMIN', 'audit-records-admin');
    expect((await t.gql(VerifyAuditLogDocument, {}, admin)).errors).toBeUndefined();
    const refused = await t.gql(VerifyAuditLogDocument, {}, officer);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'AUDIT_VERIFIER' });
  });
});

describe('the chain check on a database of its own', () => {
  const name = `${process.env.HUB_TEST_DATABASE_NAME ?? 'hub_test'}_audit_${process.pid}`;
  let adminClient: Client;
  let db: Database;
  let t: TestHub;
  let auditor: string;

  beforeAll(async () => {
    adminClient = new Client({ connectionString: process.env.HUB_TEST_ADMIN_URL });
    await adminClient.connect();
    await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminClient.query(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.HUB_TEST_ADMIN_URL as string);
    url.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
    await applyMigrations(db.adapterFactory);
    await db.prisma.department.create({ data: { code: 'LH-CGJ', name: '深圳市龙华区城市管理和综合执法局', kind: 'DISTRICT_BUREAU', regionCode: '440309' } });
    const shared = process.env.HUB_TEST_DATABASE_URL;
    process.env.HUB_TEST_DATABASE_URL = url.toString();
    try {
      t = await startTestHub();
    } finally {
      process.env.HUB_TEST_DATABASE_URL = shared;
    }
    auditor = await t.token('LH-CGJ', 'AUDITOR', 'chain-auditor');
    for (let i = 0; i < 5; i += 1) {
      expect((await t.gql('query Departments { departments { code } }', undefined, auditor)).errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await t?.stop();
    await db?.close();
    await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminClient.end();
  });

  async function verifyOverApi() {
    const res = await t.gql(VerifyAuditLogDocument, {}, auditor);
    expect(res.errors).toBeUndefined();
    return res.data!.verifyAuditLog;
  }

  async function verifyCommand() {
    const lines: string[] = [];
    const code = await runAuditVerify(db.prisma, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  }

  it('verifies an untouched chain (API and command)', async () => {
    const result = await verifyOverApi();
    expect(result).toMatchObject({ valid: true, problems: [] });
    // Every record written before this check (the check's own record is written after it).
    expect(result.checked).toBe((await db.prisma.auditRecord.count()) - 1);
    const { code, output } = await verifyCommand();
    expect(code).toBe(0);
    expect(output).toMatch(/^audit log verifies: \d+ records/);
  });

  it('names a record changed with SQL (HASH_MISMATCH); the command exits 1 and prints it', async () => {
    await db.prisma.$executeRawUnsafe(`UPDATE "AuditRecord" SET "purpose" = '例行检查' WHERE id = 2`);
    const result = await verifyOverApi();
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ recordId: '2', kind: 'HASH_MISMATCH' })]);
    const { code, output } = await verifyCommand();
    expect(code).toBe(1);
    expect(output).toMatch(/does NOT verify/);
    expect(output).toMatch(/record 2: HASH_MISMATCH/);
    await db.prisma.$executeRawUnsafe(`UPDATE "AuditRecord" SET "purpose" = NULL WHERE id = 2`);
    expect((await verifyCommand()).code).toBe(0);
  });

  it('names the record after one that was changed and re-hashed (PREV_HASH_MISMATCH)', async () => {
    const row = await db.prisma.auditRecord.findUniqueOrThrow({ where: { id: 3n } });
    const forged = { ...row, operationName: 'NothingToSeeHere' };
    const forgedHash = chainHash(row.prevHash, auditHashContent(forged));
    await db.prisma.auditRecord.update({ where: { id: 3n }, data: { operationName: forged.operationName, hash: forgedHash } });
    try {
      const result = await verifyOverApi();
      expect(result.valid).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ recordId: '4', kind: 'PREV_HASH_MISMATCH' })]);
      const { code, output } = await verifyCommand();
      expect(code).toBe(1);
      expect(output).toMatch(/record 4: PREV_HASH_MISMATCH: record 4 does not link to record 3/);
    } finally {
      await db.prisma.auditRecord.update({ where: { id: 3n }, data: { operationName: row.operationName, hash: row.hash } });
    }
    expect((await verifyOverApi()).valid).toBe(true);
  });

  it('names a removed record (SEQUENCE_GAP)', async () => {
    await db.prisma.auditRecord.delete({ where: { id: 4n } });
    const result = await verifyOverApi();
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ recordId: '5', kind: 'SEQUENCE_GAP', message: expect.stringMatching(/record 4 is missing/) })]);
    const { code, output } = await verifyCommand();
    expect(code).toBe(1);
    expect(output).toMatch(/record 5: SEQUENCE_GAP/);
  });
});
