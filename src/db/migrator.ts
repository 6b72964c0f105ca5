// Applies and creates migrations with Prisma's own schema engine compiled to WebAssembly,
// so nothing is downloaded. Migrations live in prisma/migrations/ in Prisma's layout and are
// recorded in _prisma_migrations, the same history `prisma migrate deploy` reads.
// The engine imports its .wasm as an ES module: run with `node --experimental-wasm-modules`.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

function prismaDir(): string {
  // Works from src/ (ts-jest) and from dist/src/ (compiled).
  for (const candidate of [path.resolve(__dirname, '..', '..', 'prisma'), path.resolve(__dirname, '..', '..', '..', 'prisma')]) {
    if (fs.existsSync(path.join(candidate, 'schema.prisma'))) return candidate;
  }
  throw new Error('prisma/schema.prisma not found');
}

export function schemaPath(): string {
  return path.join(prismaDir(), 'schema.prisma');
}

export function migrationsDir(): string {
  return path.join(prismaDir(), 'migrations');
}

interface Engine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

// Kept as a real dynamic import in CommonJS output (TypeScript node16 module mode).
// The engine reports Rust panics through this global; without it a panic hides its message.
const panic = { message: '' };
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    panic.message = message;
    process.stderr.write(`schema engine panic: ${message}\n`);
  },
};

async function loadEngineModule(): Promise<{ SchemaEngine: { new: (o: unknown, cb: unknown, a: unknown) => Promise<Engine> } }> {
  return (await import('@prisma/schema-engine-wasm')) as never;
}

async function createEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = fs.readFileSync(schemaPath(), 'utf8');
  const log = (message: string) => {
    if (process.env.MIGRATE_DEBUG) process.stderr.write(`${message}\n`);
  };
  return SchemaEngine.new({ datamodels: [[schemaPath(), schema]] }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

export function listMigrations(): { baseDir: string; lockfile: { path: string; content: string | null }; shadowDbInitScript: string; migrationDirectories: unknown[] } {
  const baseDir = migrationsDir();
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Applies every pending migration; returns the names applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await createEngine(adapterFactory);
  try {
    const out = await engine.applyMigrations({
      migrationsList: listMigrations(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes the datamodel of the last migration (or nothing) to the current schema.
 * It diffs datamodels, not a live database, which the wasm engine cannot describe.
 */
export async function diffSchemaToMigrations(previousSchema: string | null): Promise<string> {
  // The engine wants a connection even for a datamodel diff: a throwaway in-memory PGlite serves.
  const pglite = new PGlite();
  const engine = await createEngine(new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
  try {
    const current = fs.readFileSync(schemaPath(), 'utf8');
    const from = previousSchema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'previous.prisma', content: previousSchema }] };
    const out = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath(), content: current }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.stdout ?? '';
  } finally {
    engine.free();
    await pglite.close();
  }
}
