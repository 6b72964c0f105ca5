// Opens the case store: a real PostgreSQL through the pg driver adapter when DATABASE_URL is set,
// otherwise the embedded PGlite (PostgreSQL in WebAssembly) on disk under DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client';

export type StoreKind = 'postgres' | 'pglite';

export interface Database {
  kind: StoreKind;
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Counts SQL statements sent by Prisma (used by the statement-count test and benchmarks). */
  statements: { count: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements = { count: 0 };
  if (options.databaseUrl) {
    const adapterFactory = new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter: adapterFactory, log: [{ emit: 'event', level: 'query' }] });
    prisma.$on('query', () => {
      statements.count += 1;
    });
    return {
      kind: 'postgres',
      prisma,
      adapterFactory,
      statements,
      close: () => prisma.$disconnect(),
    };
  }
  const dir = path.join(options.dataDir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  const adapterFactory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: adapterFactory, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', () => {
    statements.count += 1;
  });
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    statements,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
