// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded store.
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { applyMigrations } from '../src/db/migrator';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const applied = await applyMigrations(db.adapterFactory);
    const where = db.kind === 'postgres' ? 'PostgreSQL' : `embedded store at ${config.dataDir}`;
    process.stdout.write(applied.length ? `Applied to ${where}: ${applied.join(', ')}\n` : `No pending migration (${where}).\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
