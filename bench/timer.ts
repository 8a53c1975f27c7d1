/** A stopwatch that times only the engine calls a workload wraps, so generating data is never counted. */
import { performance } from 'node:perf_hooks';

/** Accumulates the time of wrapped calls, in total and per named phase. */
export class Timer {
  private totalMs = 0;
  private readonly phaseMs = new Map<string, number>();

  /** Runs `fn` and adds its duration to the total and to `phase`. */
  async time<T>(fn: () => Promise<T>, phase = 'main'): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const ms = performance.now() - t0;
      this.totalMs += ms;
      this.phaseMs.set(phase, (this.phaseMs.get(phase) ?? 0) + ms);
    }
  }

  /** Milliseconds timed so far. */
  get ms(): number {
    return this.totalMs;
  }

  /** Milliseconds per phase. */
  phases(): Record<string, number> {
    return Object.fromEntries(this.phaseMs);
  }
}
