// `npm run token -- --dept LH-GH --role OFFICER [--sub 44030900101] [--expires 12h]`: a sandbox token.
import { loadConfig } from '../src/config';
import { signToken } from '../src/auth/jwt';
import { ROLES, isRole } from '../src/auth/principal';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dept = arg('dept');
  const roles = (arg('role') ?? '').split(',').filter(Boolean);
  if (!dept || roles.length === 0 || !roles.every(isRole)) {
    process.stderr.write(`usage: npm run token -- --dept <department code> --role <${ROLES.join('|')}>[,<role>…] [--sub <id>] [--expires 12h]\n`);
    process.exit(2);
  }
  if (!config.auth.jwtSecret) {
    process.stderr.write('AUTH_JWT_PUBLIC_KEY is configured: tokens come from your identity provider, not from this command.\n');
    process.exit(2);
  }
  const token = await signToken(
    config.auth.jwtSecret,
    { sub: arg('sub') ?? `demo-${dept}`, dept, roles: roles as never },
    { expiresIn: arg('expires') ?? '12h', issuer: config.auth.issuer, audience: config.auth.audience },
  );
  process.stdout.write(`${token}\n`);
}

void main();
