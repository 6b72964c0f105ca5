// `npm start`: the hub. With no DATABASE_URL it runs the embedded sandbox (PGlite under
// DATA_DIR, migrated and seeded on first start) and prints demo tokens.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { applyMigrations } from './db/migrator';
import { seedDemoData } from './db/seed';
import { demoTokens } from './auth/demo-tokens';
import { createHub } from './server/create-hub';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (db.kind === 'pglite' || config.migrateOnStart) {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length) out(`Applied migrations: ${applied.join(', ')}`);
  }
  if (config.seedOnStart) {
    const summary = await seedDemoData(db.prisma);
    if (!summary.skipped) out(`Seeded demo data: ${summary.cases} cases, ${summary.parties} parties, ${summary.departments} departments`);
  }
  const tokens = config.auth.usingSandboxSecret || (config.nodeEnv !== 'production' && config.auth.jwtSecret)
    ? await demoTokens(db.prisma, config.auth.jwtSecret as string)
    : [];
  const hub = await createHub(config, db, { demoTokens: tokens });
  const url = await hub.listen();
  out('');
  out(`Enforcement Data Hub (执法数据枢纽) on ${db.kind === 'pglite' ? `the embedded store at ${config.dataDir}` : 'PostgreSQL'}`);
  out(`  GraphQL:   ${url}   (WebSocket: ${url.replace(/^http/, 'ws')})`);
  out(`  Explorer:  ${url.replace(/\/graphql$/, '/')}`);
  if (tokens.length) {
    out('  Demo tokens (Authorization: Bearer <token>):');
    for (const t of tokens) out(`    ${t.label}\n      ${t.token}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`\n${signal}: stopping`);
    await hub.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
