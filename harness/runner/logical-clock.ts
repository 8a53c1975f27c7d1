/**
 * The harness's logical clock: reading it never moves it, so every engine reads the same time in the same call;
 * only clock ops move it (forward, not at all, or backwards).
 */
import type { Micros } from '../../models/types';

/** Where every run's clock starts: 2026-01-01T00:00:00Z. */
export const CLOCK_EPOCH: Micros = Date.UTC(2026, 0, 1) * 1000;

/** A clock the harness sets and engines read. */
export class LogicalClock {
  private current: Micros;

  constructor(start: Micros = CLOCK_EPOCH) {
    this.current = start;
  }

  /** The current time; pass as `clock: () => c.now()`. */
  now(): Micros {
    return this.current;
  }

  /** Moves the clock by `delta` microseconds (negative goes back). */
  step(delta: Micros): void {
    this.current += delta;
  }

  /** Sets the clock to an absolute time. */
  set(t: Micros): void {
    this.current = t;
  }
}
