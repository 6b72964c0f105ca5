// Events pushed to the hub by other systems (case-transfer callbacks, 12345 webhooks) arrive
// duplicated and are retried until answered: each eventId is applied once, recorded in
// InboundEvent in front of the work, and forgotten again if the work fails so the sender's retry
// is processed.
import type { Prisma, PrismaClient } from '../generated/prisma/client';

export type ReceiveOutcome<T> = { duplicate: true } | { duplicate: false; result: T };

export async function receiveOnce<T>(
  prisma: PrismaClient,
  event: { source: string; eventId: string; payload: Prisma.InputJsonValue },
  apply: () => Promise<T>,
): Promise<ReceiveOutcome<T>> {
  const fresh = await prisma.inboundEvent
    .create({ data: { source: event.source, eventId: event.eventId, payload: event.payload } })
    .then(() => true)
    .catch((err: { code?: string }) => {
      if (err.code === 'P2002') return false;
      throw err;
    });
  if (!fresh) return { duplicate: true };
  try {
    return { duplicate: false, result: await apply() };
  } catch (err) {
    await prisma.inboundEvent.delete({ where: { source_eventId: { source: event.source, eventId: event.eventId } } }).catch(() => undefined);
    throw err;
  }
}
