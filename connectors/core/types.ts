// The small interface every connector implements, and the health it reports.

export type SystemName = 'permits' | 'social-credit' | 'public-security' | 'case-transfer' | 'hotline-12345';

export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface ConnectorHealth {
  system: SystemName;
  /** Whether calls go to the real system or the in-process simulator. */
  mode: 'remote' | 'simulator';
  circuit: CircuitState;
  /** Calls in the rolling window (last 5 minutes, at most 1,000 calls). */
  recentCalls: number;
  /** Share of failed calls in the window, 0–1. */
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  lastErrorAt: Date | null;
  lastErrorCode: string | null;
}

export interface Connector {
  readonly system: SystemName;
  health(): ConnectorHealth;
  /** Releases sockets, timers and simulators. */
  close(): Promise<void>;
}

/** Structured logger subset (pino-compatible); credentials must never be passed to it. */
export interface ConnectorLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
  debug?(obj: Record<string, unknown>, msg?: string): void;
}

export const silentLogger: ConnectorLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
