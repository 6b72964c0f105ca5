// `npm run db:seed`: seeds the demo data into DATABASE_URL, or into the embedded store under
// DATA_DIR, when it holds no department yet. Apply migrations first (`npm run db:migrate`).
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { seedDemoData } from '../src/db/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const where = db.kind === 'postgres' ? 'PostgreSQL' : `embedded store at ${config.dataDir}`;
  try {
    const started = Date.now();
    const summary = await seedDemoData(db.prisma);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (summary.skipped) {
      process.stdout.write(`Demo data not seeded: ${where} already holds data (${summary.departments} departments, ${summary.cases} cases).\n`);
    } else {
      process.stdout.write(
        `Seeded ${where} in ${seconds} s: ${summary.departments} departments, ${summary.officers} officers, ` +
          `${summary.powerItems} power items, ${summary.parties} parties, ${summary.cases} cases, ${summary.events} case events.\n`,
      );
    }
  } finally {
    await db.close();
  }
  // A pg pool can keep the event loop alive after $disconnect.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`db:seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
