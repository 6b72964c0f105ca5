// Timestamps as the hotline writes them: ISO-8601, whole seconds, Asia/Shanghai offset (+08:00).
import { DATE_TIME_PATTERN } from './types';

const OFFSET_MS = 8 * 3600_000;

/** `2025-03-18T09:42:10+08:00` for an instant (milliseconds are dropped, not rounded). */
export function formatShanghai(epochMs: number): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/**
 * Epoch ms of an ISO-8601 date-time with an explicit offset; null for anything else, including
 * dates that do not exist (2025-02-30) and out-of-range times (24:00, 12:60).
 */
export function parseDateTime(value: string): number | null {
  if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value)) return null;
  const [y, mo, d, h, mi, s] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16), value.slice(17, 19)].map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return null;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
