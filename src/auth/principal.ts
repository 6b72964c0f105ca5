// Who is calling: taken from a verified bearer token and the department it names.
import type { DepartmentKind, PowerCategory } from '../generated/prisma/enums';

export const ROLES = ['OFFICER', 'TRANSFER_OFFICER', 'SUPERVISOR', 'PARTNER', 'HOTLINE', 'AUDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Principal {
  /** Officer or system id (token `sub`). */
  sub: string;
  /** Department code (token `dept`). */
  dept: string;
  departmentId: string;
  departmentKind: DepartmentKind;
  roles: Role[];
  /** Case categories shared with this department by an agreement in force today. */
  sharedCategories: PowerCategory[];
  /** 查询事由 stated with the request (header X-Purpose), if any. */
  purpose: string | null;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}
