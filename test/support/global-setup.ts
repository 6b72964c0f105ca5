// One database per test run on the real PostgreSQL service (DATABASE_URL, or 127.0.0.1:5432):
// created, migrated with the project's own migrations and seeded with the demo data.
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database';
import { applyMigrations } from '../../src/db/migrator';
import { seedDemoData } from '../../src/db/seed';

function baseUrl(): URL {
  return new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
}

export default async function globalSetup(): Promise<void> {
  const admin = baseUrl();
  const name = `hub_test_${Date.now()}_${process.pid}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  process.env.HUB_TEST_DATABASE_URL = url.toString();
  process.env.HUB_TEST_ADMIN_URL = admin.toString();
  process.env.HUB_TEST_DATABASE_NAME = name;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
  try {
    await applyMigrations(db.adapterFactory);
    await seedDemoData(db.prisma);
  } finally {
    await db.close();
  }
}
