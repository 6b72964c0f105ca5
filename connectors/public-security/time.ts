// xsd:dateTime on the wire: ISO-8601 with an explicit offset, emitted as +08:00 (Asia/Shanghai, no
// DST). node-soap would serialise a JS Date as an empty element, so the client sends strings; it
// reads dateTimes as strings too (customDeserializer) so that a value without an offset can be
// refused instead of being read silently in the process's time zone.

const OFFSET_MS = 8 * 3_600_000;

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2025-03-18T09:42:10+08:00` (seconds precision). */
export function toShanghaiIso(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const s = new Date(Math.floor(t / 1000) * 1000 + OFFSET_MS);
  return (
    `${pad(s.getUTCFullYear(), 4)}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}` +
    `T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
  );
}

/** `yyyyMMddHHmmss` of an instant on the Shanghai clock (for simulated ids). */
export function shanghaiCompact(date: Date): string {
  return toShanghaiIso(date).slice(0, 19).replace(/[-T:]/g, '');
}

/** Whether `value` is an ISO-8601 date-time with an explicit offset (Z or ±hh:mm) and a real instant. */
export function isOffsetDateTime(value: string): boolean {
  return ISO_WITH_OFFSET.test(value) && Number.isFinite(Date.parse(value));
}

/** The instant of an ISO-8601 date-time with an explicit offset; null when it has none or is invalid. */
export function parseOffsetDateTime(value: unknown): Date | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return isOffsetDateTime(trimmed) ? new Date(Date.parse(trimmed)) : null;
}
