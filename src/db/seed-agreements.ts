// The demo data-sharing agreements' fields, as paths of the field catalogue (src/auth/field-policy.ts;
// the shareableFields query lists them). The sandbox's partner 市场监管 (LH-SCJG) reads its four
// categories with case basics, parties (persons masked) and decisions — not facts, evidence,
// officers, addresses or phones.
import type { PrismaClient } from '../generated/prisma/client';

const CASE_BASICS = [
  'EnforcementCase.caseNo',
  'EnforcementCase.source',
  'EnforcementCase.stage',
  'EnforcementCase.summary',
  'EnforcementCase.street',
  'EnforcementCase.registeredAt',
  'EnforcementCase.decidedAt',
  'EnforcementCase.closedAt',
  'EnforcementCase.department',
  'EnforcementCase.powerItem',
  // Its own co-handling requests about the case (others' are not listed to it anyway).
  'EnforcementCase.assistRequests',
];

const PARTIES = ['EnforcementCase.parties', 'CaseParty.role', 'CaseParty.party', 'Party.kind', 'Party.code', 'Party.name'];

const DECISION = [
  'EnforcementCase.decision',
  'PenaltyDecision.decisionNo',
  'PenaltyDecision.kind',
  'PenaltyDecision.fineAmount',
  'PenaltyDecision.basis',
  'PenaltyDecision.decidedAt',
];

/** By agreement number (seed.ts). */
export const DEMO_AGREEMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // 市场监管龙华局: 市场主体信用监管
  'DSA-LH-2026-001': [...CASE_BASICS, ...PARTIES, 'Party.legalRepName', ...DECISION],
  // 规划和自然资源局龙华管理局: 查违协同 — where, too
  'DSA-LH-2026-002': [...CASE_BASICS, 'EnforcementCase.address', 'EnforcementCase.location', 'Location.lng', 'Location.lat', ...PARTIES, ...DECISION],
};

/**
 * Stores seeded before the field catalogue listed their agreements' fields as "caseNo",
 * "parties.name"…: gives those demo agreements their catalogue paths. Idempotent.
 */
export async function seedAgreements(prisma: Pick<PrismaClient, 'dataSharingAgreement'>): Promise<number> {
  let updated = 0;
  for (const [agreementNo, fields] of Object.entries(DEMO_AGREEMENT_FIELDS)) {
    const { count } = await prisma.dataSharingAgreement.updateMany({
      where: { agreementNo, NOT: { fields: { hasSome: fields.filter((f) => f.startsWith('EnforcementCase.')) } } },
      data: { fields: [...fields] },
    });
    updated += count;
  }
  return updated;
}
