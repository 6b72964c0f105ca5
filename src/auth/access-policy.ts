// Row-level rules, in one place: which cases a caller may read and which it may change.
// Services apply caseReadScope to every case query; nothing else decides visibility.
import type { Prisma } from '../generated/prisma/client';
import { ForbiddenError } from '../errors/domain-errors';
import { hasRole, type Principal, type Role } from './principal';

/** Roles that see every case in the district (supervision, audit, administration). */
const SEE_ALL: Role[] = ['SUPERVISOR', 'AUDITOR', 'ADMIN'];

/** The district's or city's 城管局 (bureaus oversee every street team). */
export function isBureau(principal: Principal): boolean {
  return principal.departmentKind === 'CITY_BUREAU' || principal.departmentKind === 'DISTRICT_BUREAU';
}

/** Sees every department's cases, work orders, supervision items and alerts: the seeing-all roles and bureaus. */
export function seesEveryDepartment(principal: Principal): boolean {
  return hasRole(principal, ...SEE_ALL) || isBureau(principal);
}

export function caseReadScope(principal: Principal): Prisma.EnforcementCaseWhereInput {
  if (seesEveryDepartment(principal)) return {};
  const kind = principal.departmentKind;
  const scopes: Prisma.EnforcementCaseWhereInput[] = [];
  // The handling department sees its cases, whatever its kind (a case handed over to a
  // functional department is that department's case from then on).
  if (hasRole(principal, 'OFFICER', 'TRANSFER_OFFICER', 'PARTNER')) {
    scopes.push({ departmentId: principal.departmentId });
  }
  if (hasRole(principal, 'PARTNER') && principal.sharedCategories.length > 0) {
    // 数据共享协议: no agreement, no data. Field-level rules are applied at the edge.
    scopes.push({ powerItem: { is: { category: { in: principal.sharedCategories } } } });
  }
  // A department a case was transferred or is being handed over to sees it (judicial organs, 移交).
  scopes.push({ transfers: { some: { toDepartmentId: principal.departmentId } } });
  if (hasRole(principal, 'HOTLINE') && kind === 'HOTLINE_CENTER') {
    scopes.push({ source: 'HOTLINE_12345' });
  }
  if (scopes.length === 0) return { id: { in: [] } };
  return scopes.length === 1 ? scopes[0] : { OR: scopes };
}

/** Lifecycle steps: an OFFICER of the handling department. */
export function assertMayHandle(principal: Principal, handlingDepartmentId: string): void {
  if (!hasRole(principal, 'OFFICER')) {
    throw new ForbiddenError('only an OFFICER may take lifecycle steps on a case', { requiredRole: 'OFFICER' });
  }
  if (principal.departmentId !== handlingDepartmentId) {
    throw new ForbiddenError('only the handling department may take lifecycle steps on this case', { rule: 'HANDLING_DEPARTMENT' });
  }
}

/** 法制审核 is done by the bureau's legal reviewers or a supervisor, never by the handling team. */
export function assertMayReview(principal: Principal): void {
  if (!(hasRole(principal, 'SUPERVISOR') || (isBureau(principal) && hasRole(principal, 'OFFICER')))) {
    throw new ForbiddenError('legal review (法制审核) is recorded by a bureau officer or a supervisor', { rule: 'LEGAL_REVIEWER' });
  }
}

/**
 * 12345 work orders: the hotline centre, bureaus and the seeing-all roles see every order; a
 * street team sees the orders routed to it; nobody else (partners included) sees any.
 */
export function workOrderReadScope(principal: Principal): Prisma.WorkOrderWhereInput {
  if (seesEveryDepartment(principal)) return {};
  if (hasRole(principal, 'HOTLINE') && principal.departmentKind === 'HOTLINE_CENTER') return {};
  if (hasRole(principal, 'OFFICER', 'TRANSFER_OFFICER')) return { departmentId: principal.departmentId };
  return { id: { in: [] } };
}

/**
 * The requester's name and phone (12345 contract: "mask it wherever it shows it to anyone else"):
 * in full only for the hotline centre and the handling team the order is routed to.
 */
export function maySeeWorkOrderRequester(principal: Principal, routedDepartmentId: string | null): boolean {
  if (hasRole(principal, 'HOTLINE') && principal.departmentKind === 'HOTLINE_CENTER') return true;
  return routedDepartmentId !== null && principal.departmentId === routedDepartmentId && hasRole(principal, 'OFFICER');
}

/** Sign, reply, return, extension, a case from the order: an OFFICER of the team it is routed to. */
export function assertMayHandleWorkOrder(principal: Principal, routedDepartmentId: string | null): void {
  if (!hasRole(principal, 'OFFICER')) {
    throw new ForbiddenError('only an OFFICER may act on a work order', { requiredRole: 'OFFICER' });
  }
  if (routedDepartmentId === null || principal.departmentId !== routedDepartmentId) {
    throw new ForbiddenError('only the street team the work order is routed to may act on it', { rule: 'HANDLING_DEPARTMENT' });
  }
}

/** Routing an order to a street team by hand (one the hub could not route by street): a bureau or a supervisor. */
export function assertMayRouteWorkOrder(principal: Principal): void {
  if (!(hasRole(principal, 'SUPERVISOR', 'ADMIN') || (isBureau(principal) && hasRole(principal, 'OFFICER')))) {
    throw new ForbiddenError('work orders are routed by a bureau officer or a supervisor', { rule: 'WORK_ORDER_ROUTER' });
  }
}

/**
 * 网上监督 statistics (supervisionStats): the seeing-all roles (SUPERVISOR, AUDITOR, ADMIN) and
 * any caller from a bureau (CITY_BUREAU / DISTRICT_BUREAU); street teams and partners are refused.
 */
export function assertMaySeeStatistics(principal: Principal): void {
  if (!seesEveryDepartment(principal)) {
    throw new ForbiddenError('supervision statistics (网上监督) are for supervisors, auditors, administrators and bureaus', {
      rule: 'STATISTICS_READER',
    });
  }
}

/**
 * 数据共享协议: a PARTNER reads another department's cases only under its data-sharing agreement in
 * force, and only the fields it lists (src/auth/field-policy.ts). Seeing-all roles and bureaus do not.
 */
export function readsUnderAgreement(principal: Principal): boolean {
  return hasRole(principal, 'PARTNER') && !seesEveryDepartment(principal);
}

/**
 * Personal data (个人信息: a person's name, 居民身份证号, phone, address) in full — otherwise masked:
 * only with a stated purpose (查询事由), and only for
 * - SUPERVISOR (监督, 案卷评查) and AUDITOR (audit), whatever the case;
 * - OFFICER / TRANSFER_OFFICER for what their department handles or received by 移送/移交
 *   (`concernsDepartment` is asked only then).
 * Never for PARTNER, HOTLINE or ADMIN (administration needs no personal data).
 */
export async function mayUnmaskPersonalData(
  principal: Principal,
  purpose: string | null,
  concernsDepartment: () => Promise<boolean | null>,
): Promise<boolean> {
  if (!purpose) return false;
  if (hasRole(principal, 'SUPERVISOR', 'AUDITOR')) return true;
  if (hasRole(principal, 'OFFICER', 'TRANSFER_OFFICER')) return (await concernsDepartment()) === true;
  return false;
}
