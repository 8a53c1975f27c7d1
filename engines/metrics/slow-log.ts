/**
 * The slow-operation log: a call slower than a threshold is written as one structured JSON line by pino, with the
 * engine, the method, its arguments summarised (never whole records), the target sync, the rows touched, the outcome
 * and the time taken.
 */
import pino from 'pino';

/** The threshold when none is given, in milliseconds. */
export const DEFAULT_SLOW_MS = 500;

/** What the slow log writes per slow call (pino merges it into the line). */
export interface SlowCallLine {
  readonly engine: string;
  readonly method: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** The sync the call acts on: explicit, current, view, or `default` when the engine resolves it by SPEC §3. */
  readonly sync: string;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly outcome: string;
  readonly ms: number;
}

/** The part of a pino logger the slow log uses, so that any pino logger (or child) fits. */
export interface SlowLogger {
  warn(obj: SlowCallLine, msg: string): void;
}

/** Where slow calls go and from what duration on. */
export interface SlowLog {
  readonly logger: SlowLogger;
  /** Calls at or above this many milliseconds are logged (default 500). */
  readonly thresholdMs?: number;
}

/** A pino logger that writes JSON lines to `stream` (stderr in the CLI), with ISO times unless `timestamp` is false. */
export function createSlowLogger(stream: pino.DestinationStream, options: { timestamp?: boolean } = {}): pino.Logger {
  return pino(
    {
      level: 'warn',
      // No pid or hostname: lines stay the same from run to run and machine to machine.
      base: { name: 'c1z-parity' },
      timestamp: options.timestamp === false ? false : pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
