// `npm run audit:verify`: recomputes the audit chain of the store and prints every record that does
// not verify. Exit code 0 when the chain verifies, 1 when a record was changed, removed or re-hashed.
import type { PrismaClient } from '../generated/prisma/client';
import { AuditLog } from './audit-log';

export async function runAuditVerify(prisma: PrismaClient, out: (line: string) => void): Promise<number> {
  const result = await new AuditLog(prisma).inspect();
  if (result.valid) {
    out(`audit log verifies: ${result.checked} records${result.head ? `, newest ${result.head.id} (hash ${result.head.hash})` : ''}`);
    return 0;
  }
  out(`audit log does NOT verify: ${result.problems.length} problem(s) in ${result.checked} records checked`);
  for (const p of result.problems) out(`  record ${p.recordId}: ${p.kind}: ${p.message}`);
  return 1;
}
