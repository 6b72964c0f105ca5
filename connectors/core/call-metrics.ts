// Rolling per-system call statistics for connectorHealth: error rate, p50/p95, last error.

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
}

export class CallMetrics {
  private samples: Sample[] = [];
  lastErrorAt: Date | null = null;
  lastErrorCode: string | null = null;
  /** Every call that reached the network, for tests and benchmarks. */
  totalCalls = 0;

  constructor(
    private readonly windowMs = 5 * 60_000,
    private readonly maxSamples = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  record(ms: number, ok: boolean, errorCode?: string): void {
    this.totalCalls += 1;
    this.samples.push({ at: this.now(), ms, ok });
    if (this.samples.length > this.maxSamples) this.samples.splice(0, this.samples.length - this.maxSamples);
    if (!ok) {
      this.lastErrorAt = new Date(this.now());
      this.lastErrorCode = errorCode ?? 'UNKNOWN';
    }
  }

  snapshot(): { recentCalls: number; errorRate: number; p50Ms: number | null; p95Ms: number | null } {
    const cutoff = this.now() - this.windowMs;
    this.samples = this.samples.filter((s) => s.at >= cutoff);
    const n = this.samples.length;
    if (n === 0) return { recentCalls: 0, errorRate: 0, p50Ms: null, p95Ms: null };
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
    return {
      recentCalls: n,
      errorRate: this.samples.filter((s) => !s.ok).length / n,
      p50Ms: Math.round(q(0.5) * 10) / 10,
      p95Ms: Math.round(q(0.95) * 10) / 10,
    };
  }
}
