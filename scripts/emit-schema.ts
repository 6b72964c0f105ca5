// `npm run schema:emit` writes schema/schema.graphql; `--check` fails when the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { buildHubSchema } from '../src/schema/build-schema';
import { printHubSchema } from '../src/schema/print-schema';

async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');
  const file = fs.existsSync(path.dirname(target)) ? target : path.resolve(process.cwd(), 'schema', 'schema.graphql');
  const sdl = printHubSchema(await buildHubSchema());
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== sdl) {
      process.stderr.write('schema/schema.graphql is stale: run `npm run schema:emit` and commit it.\n');
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql is up to date.\n');
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
