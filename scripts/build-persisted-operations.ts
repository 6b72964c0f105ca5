// `npm run persisted:build` writes persisted-operations.json (sha256 → query), the allow-list of
// GRAPHQL_PERSISTED_ONLY=1, from the operations a frontend ships (test/operations/*.graphql here),
// each validated against the schema. `--check` fails when the committed manifest is stale.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildHubSchema } from '../src/schema/build-schema';
import { buildPersistedManifest } from '../src/server/limits/build-persisted-manifest';

function repoRoot(): string {
  // Run from dist/scripts (npm run) or from the sources: the root is where package.json is.
  for (const candidate of [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..'), process.cwd()]) {
    if (fs.existsSync(path.join(candidate, 'package.json')) && fs.existsSync(path.join(candidate, 'test', 'operations'))) return candidate;
  }
  return process.cwd();
}

async function main(): Promise<void> {
  const root = repoRoot();
  const dir = path.join(root, 'test', 'operations');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const sources = files.map((f) => ({ name: `test/operations/${f}`, body: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const manifest = buildPersistedManifest(sources, await buildHubSchema());
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const target = path.join(root, 'persisted-operations.json');
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (committed !== text) {
      process.stderr.write('persisted-operations.json is stale: run `npm run persisted:build` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write(`persisted-operations.json is up to date (${Object.keys(manifest).length} operations).\n`);
    return;
  }
  fs.writeFileSync(target, text);
  process.stdout.write(`Wrote persisted-operations.json: ${Object.keys(manifest).length} operations from ${files.length} files.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
