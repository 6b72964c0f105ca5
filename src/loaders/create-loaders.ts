// Per-request DataLoaders for every relation the graph walks, so a list of N cases costs one
// SQL statement per relation, not one per case. Created fresh for each request: no data leaks
// between callers through a cache.
import DataLoader from 'dataloader';
import type {
  AssistRequest,
  PrismaClient,
  Transfer,
  TransferMaterial,
  TransferStatusChange,
  CaseEvent,
  CaseOfficer,
  CaseParty,
  Department,
  DiscretionTier,
  Document,
  Evidence,
  LegalReview,
  Officer,
  Party,
  IdentityCheck,
  PenaltyDecision,
  PermitCheck,
  PowerItem,
  WorkOrder,
} from '../generated/prisma/client';

function byKey<T, K extends string>(rows: T[], keys: readonly K[], key: (row: T) => K): (T | null)[] {
  const map = new Map<K, T>();
  for (const row of rows) map.set(key(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

function groupBy<T, K extends string>(rows: T[], keys: readonly K[], key: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function createLoaders(prisma: PrismaClient) {
  return {
    departmentById: new DataLoader<string, Department | null>(async (ids) =>
      byKey(await prisma.department.findMany({ where: { id: { in: [...ids] } } }), ids, (r) => r.id),
    ),
    officerById: new DataLoader<string, Officer | null>(async (ids) =>
      byKey(await prisma.officer.findMany({ where: { id: { in: [...ids] } } }), ids, (r) => r.id),
    ),
    officersByDepartmentId: new DataLoader<string, Officer[]>(async (ids) =>
      groupBy(
        await prisma.officer.findMany({ where: { departmentId: { in: [...ids] }, active: true }, orderBy: { badgeNo: 'asc' } }),
        ids,
        (r) => r.departmentId,
      ),
    ),
    powerItemById: new DataLoader<string, PowerItem | null>(async (ids) =>
      byKey(await prisma.powerItem.findMany({ where: { id: { in: [...ids] } } }), ids, (r) => r.id),
    ),
    tierById: new DataLoader<string, DiscretionTier | null>(async (ids) =>
      byKey(await prisma.discretionTier.findMany({ where: { id: { in: [...ids] } } }), ids, (r) => r.id),
    ),
    tiersByPowerItemId: new DataLoader<string, DiscretionTier[]>(async (ids) =>
      groupBy(
        await prisma.discretionTier.findMany({ where: { powerItemId: { in: [...ids] } }, orderBy: { level: 'asc' } }),
        ids,
        (r) => r.powerItemId,
      ),
    ),
    partiesByCaseId: new DataLoader<string, (CaseParty & { party: Party })[]>(async (ids) =>
      groupBy(
        await prisma.caseParty.findMany({
          where: { caseId: { in: [...ids] } },
          include: { party: true },
          orderBy: [{ caseId: 'asc' }, { partyId: 'asc' }],
        }),
        ids,
        (r) => r.caseId,
      ),
    ),
    officersByCaseId: new DataLoader<string, (CaseOfficer & { officer: Officer })[]>(async (ids) =>
      groupBy(
        await prisma.caseOfficer.findMany({
          where: { caseId: { in: [...ids] } },
          include: { officer: true },
          orderBy: [{ caseId: 'asc' }, { lead: 'desc' }, { officerId: 'asc' }],
        }),
        ids,
        (r) => r.caseId,
      ),
    ),
    evidenceByCaseId: new DataLoader<string, Evidence[]>(async (ids) =>
      groupBy(
        await prisma.evidence.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ collectedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    documentsByCaseId: new DataLoader<string, Document[]>(async (ids) =>
      groupBy(
        await prisma.document.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    legalReviewsByCaseId: new DataLoader<string, LegalReview[]>(async (ids) =>
      groupBy(
        await prisma.legalReview.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ reviewedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    permitChecksByCaseId: new DataLoader<string, PermitCheck[]>(async (ids) =>
      groupBy(
        await prisma.permitCheck.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ checkedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    identityChecksByCaseId: new DataLoader<string, IdentityCheck[]>(async (ids) =>
      groupBy(
        await prisma.identityCheck.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ checkedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    assistRequestsByCaseId: new DataLoader<string, AssistRequest[]>(async (ids) =>
      groupBy(
        await prisma.assistRequest.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    workOrdersByCaseId: new DataLoader<string, WorkOrder[]>(async (ids) =>
      groupBy(
        await prisma.workOrder.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ dispatchedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId as string,
      ),
    ),
    transfersByCaseId: new DataLoader<string, Transfer[]>(async (ids) =>
      groupBy(
        await prisma.transfer.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.caseId,
      ),
    ),
    materialsByTransferId: new DataLoader<string, TransferMaterial[]>(async (ids) =>
      groupBy(
        await prisma.transferMaterial.findMany({ where: { transferId: { in: [...ids] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        ids,
        (r) => r.transferId,
      ),
    ),
    statusHistoryByTransferId: new DataLoader<string, TransferStatusChange[]>(async (ids) =>
      groupBy(
        await prisma.transferStatusChange.findMany({
          where: { transferId: { in: [...ids] } },
          // In the order the hub learned them: platform times have whole seconds only.
          orderBy: [{ recordedAt: 'asc' }, { occurredAt: 'asc' }, { sequence: 'asc' }],
        }),
        ids,
        (r) => r.transferId,
      ),
    ),
    decisionByCaseId: new DataLoader<string, PenaltyDecision | null>(async (ids) =>
      byKey(await prisma.penaltyDecision.findMany({ where: { caseId: { in: [...ids] } } }), ids, (r) => r.caseId),
    ),
    /** The newest events of each case, newest first; the key is `${caseId}:${limit}`. */
    latestEventsByCase: new DataLoader<string, CaseEvent[]>(async (keys) => {
      const limit = Math.max(...keys.map((k) => Number(k.split(':')[1])));
      const caseIds = [...new Set(keys.map((k) => k.split(':')[0]))];
      // One statement for the whole page: a window function keeps the newest `limit` per case.
      const rows = await prisma.$queryRawUnsafe<CaseEvent[]>(
        `SELECT "id", "caseId", "seq", "type", "stageBefore", "stageAfter", "payload", "reason", "actorSub", "actorDept", "occurredAt", "prevHash", "hash"
           FROM (SELECT e.*, row_number() OVER (PARTITION BY e."caseId" ORDER BY e."seq" DESC) AS rn
                   FROM "CaseEvent" e WHERE e."caseId" = ANY($1::uuid[])) t
          WHERE t.rn <= $2
          ORDER BY t."caseId", t."seq" DESC`,
        caseIds,
        limit,
      );
      const grouped = groupBy(rows, caseIds, (r) => r.caseId);
      const byCase = new Map(caseIds.map((id, i) => [id, grouped[i]]));
      return keys.map((k) => {
        const [caseId, n] = k.split(':');
        return (byCase.get(caseId) ?? []).slice(0, Number(n));
      });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
