/** A controllable clock for tests: it stands still until told to move, and may be moved backwards. */
import type { Micros } from '../../models/types';

/** The clock's starting time: 2023-11-14 22:13:20.123456 UTC, with a sub-second part so unit bugs show. */
export const T0: Micros = 1_700_000_000_123_456;

/** One second, one day and the default resume window, in microseconds. */
export const SECOND: Micros = 1_000_000;
/** One day in microseconds. */
export const DAY: Micros = 86_400 * SECOND;
/** The default resume window of SPEC §3 (7 days). */
export const WEEK: Micros = 7 * DAY;

/** A clock whose time only changes when a test sets or advances it (or, when ticking, after every read); counts reads. */
export class TestClock {
  private time: Micros;
  private readCount = 0;
  /** Microseconds added after every read (0: the clock stands still between test steps). */
  tick: Micros = 0;

  constructor(start: Micros = T0) {
    this.time = start;
  }

  /** The function handed to an engine as `EngineOptions.clock`. */
  readonly now = (): Micros => {
    this.readCount += 1;
    const t = this.time;
    this.time += this.tick;
    return t;
  };

  /** The current time without counting a read. */
  get value(): Micros {
    return this.time;
  }

  /** How many times an engine read the clock. */
  get reads(): number {
    return this.readCount;
  }

  /** Sets the time (any integer, earlier than before included); returns it. */
  set(t: Micros): Micros {
    if (!Number.isSafeInteger(t)) throw new Error(`clock time must be a safe integer, got ${t}`);
    this.time = t;
    return t;
  }

  /** Moves the time by `d` microseconds (negative moves it back); returns the new time. */
  advance(d: Micros): Micros {
    return this.set(this.time + d);
  }
}
