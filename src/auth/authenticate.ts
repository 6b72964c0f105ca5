// Turns request headers into a Principal: verifies the bearer token, then resolves the
// department it names (cached briefly: departments and agreements change rarely).
import { UnauthenticatedError } from '../errors/domain-errors';
import type { DepartmentService } from '../modules/department/department.service';
import type { TokenVerifier } from './jwt';
import type { Principal } from './principal';

const CACHE_MS = 30_000;
const PURPOSE_MAX = 200;

type DepartmentInfo = NonNullable<Awaited<ReturnType<DepartmentService['forPrincipal']>>>;

export class Authenticator {
  private cache = new Map<string, { at: number; info: DepartmentInfo | null }>();

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly departments: DepartmentService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `authorization` is the raw header ("Bearer …"); `purpose` the 查询事由 header, if any. */
  async authenticate(authorization: string | undefined | null, purpose?: string | null): Promise<Principal> {
    if (!authorization) throw new UnauthenticatedError('a bearer token is required (Authorization: Bearer <token>)');
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const claims = await this.verifier.verify(match[1]);
    const info = await this.department(claims.dept);
    if (!info) throw new UnauthenticatedError(`the token names an unknown department ${claims.dept}`);
    const statedPurpose = purpose ? decodePurpose(purpose).trim().slice(0, PURPOSE_MAX) : '';
    return {
      sub: claims.sub,
      dept: claims.dept,
      departmentId: info.department.id,
      departmentKind: info.department.kind,
      roles: claims.roles,
      sharedCategories: info.sharedCategories,
      purpose: statedPurpose || null,
    };
  }

  private async department(code: string): Promise<DepartmentInfo | null> {
    const now = this.clock();
    const hit = this.cache.get(code);
    if (hit && now.getTime() - hit.at < CACHE_MS) return hit.info;
    const info = await this.departments.forPrincipal(code, now);
    this.cache.set(code, { at: now.getTime(), info });
    return info;
  }
}

/** Headers are Latin-1; a Chinese purpose arrives percent-encoded. */
function decodePurpose(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
