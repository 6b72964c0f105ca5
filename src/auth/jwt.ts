// Bearer JWTs: HS256 with AUTH_JWT_SECRET, or RS256/ES256 with a configured public key.
import { SignJWT, importSPKI, jwtVerify, errors as joseErrors, type JWTPayload, type KeyLike } from 'jose';
import type { Config } from '../config';
import { UnauthenticatedError } from '../errors/domain-errors';
import { isRole, type Role } from './principal';

export interface TokenClaims {
  sub: string;
  dept: string;
  roles: Role[];
}

type VerifyKey = Uint8Array | KeyLike;

export class TokenVerifier {
  private keyPromise: Promise<{ key: VerifyKey; algorithms: string[] }>;

  constructor(private readonly auth: Config['auth']) {
    this.keyPromise = auth.jwtPublicKey
      ? Promise.all([importSPKI(auth.jwtPublicKey, 'RS256').catch(() => importSPKI(auth.jwtPublicKey as string, 'ES256'))]).then(([key]) => ({
          key,
          algorithms: ['RS256', 'ES256'],
        }))
      : Promise.resolve({ key: new TextEncoder().encode(auth.jwtSecret ?? ''), algorithms: ['HS256'] });
  }

  async verify(token: string): Promise<TokenClaims> {
    const { key, algorithms } = await this.keyPromise;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms,
        issuer: this.auth.issuer ?? undefined,
        audience: this.auth.audience ?? undefined,
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('token expired');
      throw new UnauthenticatedError('invalid token');
    }
    const { sub, dept, roles } = payload as JWTPayload & { dept?: unknown; roles?: unknown };
    if (typeof sub !== 'string' || sub === '') throw new UnauthenticatedError('token has no sub claim');
    if (typeof dept !== 'string' || dept === '') throw new UnauthenticatedError('token has no dept claim');
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
      throw new UnauthenticatedError('token roles claim must list known roles');
    }
    return { sub, dept, roles: roles as Role[] };
  }
}

/** Signs an HS256 token (sandbox and tests; production tokens come from the identity provider). */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  options: { expiresIn?: string; issuer?: string | null; audience?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT({ dept: claims.dept, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
