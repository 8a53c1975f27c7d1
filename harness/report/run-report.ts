/** The data of one run's report: everything a renderer needs, and nothing rendered. */
import type { Divergence } from '../../engines/compare';

/** Throughput of the run (or of the merged runs) a report covers. */
export interface RunStats {
  readonly runs: number;
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  /** The most records a run's store held, and which run (fuzz sessions). */
  readonly largestStore?: number;
  readonly largestStoreRun?: number;
}

/** Where a session's failing run diverged first, before any shrinking, and how long finding and shrinking took. */
export interface FoundAt {
  readonly runIndex: number;
  readonly runSeed: number;
  readonly opIndex: number;
  readonly op: string;
  readonly secondsToFind: number;
  readonly secondsToShrink: number;
}

/** One run's report: its inputs, its ops, each engine's history, the divergences found and the repro command. */
export interface RunReport {
  readonly runId: string;
  readonly seed: number | string;
  readonly preset: string;
  /** The fast-check replay path of a shrunk counterexample, when there is one. */
  readonly path?: string;
  readonly engines: readonly string[];
  /** Versions by engine (and any other component worth naming: node, better-sqlite3, ...). */
  readonly versions: Readonly<Record<string, string>>;
  /** The ops' text lines, in order. */
  readonly ops: readonly string[];
  /** Each engine's history: lines `#i <op text> => <normalised result>`. */
  readonly histories: Readonly<Record<string, readonly string[]>>;
  readonly divergences: readonly Divergence[];
  readonly stats: RunStats;
  /** The exact command that reproduces this run. */
  readonly repro: string;
  readonly historyDigest: string;
  /** For a failing session: where its failing run first diverged. */
  readonly found?: FoundAt;
}
