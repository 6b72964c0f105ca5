import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.HUB_TEST_DATABASE_NAME;
  if (!name || process.env.HUB_TEST_KEEP_DATABASE) return;
  const client = new Client({ connectionString: process.env.HUB_TEST_ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
