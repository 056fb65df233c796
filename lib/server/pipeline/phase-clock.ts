/**
 * Wall time per named phase of one evaluation (bench:history prints them). `lap(name)` charges the
 * time since the previous lap to `name`; phases may repeat and accumulate.
 */
export class PhaseClock {
  readonly phases: Record<string, number> = {};
  private readonly started = performance.now();
  private last = this.started;

  lap(name: string): void {
    const now = performance.now();
    this.phases[name] = (this.phases[name] ?? 0) + (now - this.last);
    this.last = now;
  }

  /** Charges the time since the last lap to `last` and returns every phase plus `total`, in ms. */
  finish(last: string): Record<string, number> {
    this.lap(last);
    const now = this.last;
    this.phases.total = now - this.started;
    return this.phases;
  }
}
