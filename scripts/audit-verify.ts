// `npm run audit:verify`: checks the hash chain of the audit log in DATABASE_URL, or in the
// embedded store under DATA_DIR. Exit code 1, with each problem printed, when a record was
// changed, removed or re-hashed behind the hub's back.
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { runAuditVerify } from '../src/audit/audit-verify-command';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  let code = 1;
  try {
    code = await runAuditVerify(db.prisma, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await db.close();
  }
  // A pg pool can keep the event loop alive after $disconnect.
  process.exit(code);
}

main().catch((err: unknown) => {
  process.stderr.write(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
