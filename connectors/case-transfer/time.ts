// Timestamps as the platform writes them: ISO-8601, whole seconds, Asia/Shanghai offset (+08:00).
import { DATE_TIME_PATTERN } from './types';

const OFFSET_MS = 8 * 3600_000;

/** `2025-03-18T15:20:04+08:00` for an instant (milliseconds are dropped, not rounded). */
export function formatShanghai(epochMs: number): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** Epoch ms of an ISO-8601 date-time with an explicit offset; null for anything else. */
export function parseDateTime(value: string): number | null {
  if (!DATE_TIME_PATTERN.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
