// A background job run every interval and on demand, never twice at once, stopped cleanly. The
// pollers, reconcilers and the deadline scheduler share it instead of each keeping a timer and an
// in-flight promise of its own.

interface WarnLogger {
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    /** Named in the warning when a run fails. */
    private readonly name: string,
    private readonly run: () => Promise<unknown>,
    private readonly logger: WarnLogger = { warn: () => undefined },
  ) {}

  /** Runs every intervalMs from now on (0 or less: never); a second start is ignored. */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Runs now, unless a run is under way; a failure is logged, never thrown. */
  kick(): void {
    if (this.running) return;
    this.running = this.run()
      .then(() => undefined)
      .catch((err: unknown) => this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, `${this.name} failed`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Stops the timer and waits for a run under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
