/**
 * A fuzz session: independent runs, each a fast-check property over one generated op sequence executed on every
 * engine; a failing run is shrunk by fast-check and replayed once more for its report. The session is a pure
 * function of (seed, preset, engines, budget): a time budget is turned into an op budget at a fixed rate, so the same
 * seed and `--time` run the same runs on any machine, whatever its speed or load.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Divergence } from '../compare';
import { opsArbitrary } from '../generator';
import type { Op } from '../ops';
import type { EngineName } from './engine-registry';
import type { EngineWrapper } from './engine-slot';
import { runOps, type RunResult } from './run-ops';
import { runSeed, shardRunIndex, type Shard } from './run-seed';

/** How a session runs. */
export interface FuzzOptions {
  readonly seed: number;
  readonly preset: string;
  readonly engines: readonly EngineName[];
  /** An exact number of runs; or else a time budget (turned into an op budget, see `opBudget`). */
  readonly runs?: number;
  readonly timeMs?: number;
  readonly shard?: Shard;
  readonly maxOps?: number;
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  readonly wrap?: EngineWrapper;
  /** Measures every engine of every run (see RunConfig.metrics). */
  readonly metrics?: EngineWrapper;
  /** Milliseconds of wall time, for the budget and throughput only (never part of a run). */
  readonly elapsedMs: () => number;
  /** Called after each run. */
  readonly onProgress?: (p: FuzzProgress) => void;
  /** How long fast-check may spend shrinking a failure (default 120 s). */
  readonly shrinkMs?: number;
}

/** Progress after a run. */
export interface FuzzProgress {
  readonly runs: number;
  readonly ops: number;
  readonly divergences: number;
  readonly elapsedMs: number;
}

/** The failing run of a session, shrunk. */
export interface FuzzFailure {
  readonly runIndex: number;
  readonly runSeed: number;
  /** fast-check's path to the shrunk counterexample. */
  readonly path: string;
  /** The shrunk op sequence, and what it does on every engine. */
  readonly ops: readonly Op[];
  readonly result: RunResult;
  /** The ops of the original (unshrunk) failing run. */
  readonly originalOps: number;
}

/**
 * Ops per second per engine that a time budget assumes, a little under what this project's quiet 2-core machines
 * sustain with every comparison on (memory, sqlite and leveldb together: ~130 ops/s). Fixed, not measured, so that a
 * time budget is deterministic; a machine much slower hits the wall-clock guard instead (and the result says so).
 */
export const ASSUMED_ENGINE_OPS_PER_SECOND = 240;

/** The op budget of a time budget for an engine set: runs start until this many ops have run. */
export function opBudget(timeMs: number, engines: number): number {
  return Math.max(1, Math.round((timeMs / 1000) * (ASSUMED_ENGINE_OPS_PER_SECOND / Math.max(1, engines))));
}

/** What a session found. */
export interface FuzzResult {
  readonly runs: number;
  readonly ops: number;
  readonly divergences: Divergence[];
  readonly failure?: FuzzFailure;
  /** sha256 over the histories of every run, in order. */
  readonly historyDigest: string;
  readonly elapsedMs: number;
  /** True when a time-bounded session stopped on the wall-clock guard (twice its budget) before its op budget. */
  readonly truncated: boolean;
}

/** Appends one run's histories to the session digest. */
function digestRun(hash: ReturnType<typeof createHash>, index: number, result: RunResult): void {
  hash.update(`run ${index}\n`);
  for (const engine of Object.keys(result.histories).sort()) {
    hash.update(`engine ${engine}\n`);
    for (const line of result.histories[engine] ?? []) hash.update(`${line}\n`);
  }
}

/** Replays one run from its coordinates (run seed and optional fast-check path); used by fuzz and repro. */
export async function checkRun(
  seedOfRun: number,
  options: Pick<FuzzOptions, 'preset' | 'engines' | 'maxOps' | 'faults' | 'wrap' | 'metrics' | 'shrinkMs'>,
  path?: string,
  onFirst?: (result: RunResult, ops: readonly Op[]) => void,
): Promise<{ failed: boolean; ops?: readonly Op[]; path?: string; originalOps: number }> {
  let first = true;
  let originalOps = 0;
  let firstDiverged: readonly Op[] | undefined;
  const config = {
    engines: options.engines,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.wrap ? { wrap: options.wrap } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  const property = fc.asyncProperty(opsArbitrary(options.preset, options.maxOps === undefined ? {} : { maxOps: options.maxOps }), async (ops) => {
    const result = await runOps(ops, config);
    if (first) {
      first = false;
      originalOps = ops.length;
      if (result.divergences.length > 0) firstDiverged = ops;
      onFirst?.(result, ops);
    }
    return result.divergences.length === 0;
  });
  const details = await fc.check(property, {
    seed: seedOfRun,
    numRuns: 1,
    ...(path === undefined ? {} : { path }),
    interruptAfterTimeLimit: options.shrinkMs ?? 120_000,
    markInterruptAsFailure: false,
  });
  if (details.failed && details.counterexample !== null) {
    return { failed: true, ops: details.counterexample[0], path: details.counterexamplePath ?? '', originalOps };
  }
  // fast-check's time limit covers the whole check: when it cuts shrinking short before any counterexample is kept,
  // the run's own (unshrunk) ops are the failure, replayable by its seed alone.
  if (firstDiverged !== undefined) return { failed: true, ops: firstDiverged, path: path ?? '', originalOps };
  if (details.failed) throw new Error(`fast-check failed the run without a counterexample: ${String(details.errorInstance)}`);
  return { failed: false, originalOps };
}

/** Runs a fuzz session. */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const shard = options.shard ?? { k: 1, n: 1 };
  const hash = createHash('sha256');
  hash.update(`c1z-parity fuzz seed=${options.seed} preset=${options.preset} engines=${options.engines.join(',')} shard=${shard.k}/${shard.n}\n`);
  let runs = 0;
  let ops = 0;
  let failure: FuzzFailure | undefined;
  const budgetRuns = options.runs ?? (options.timeMs === undefined ? 100 : Number.POSITIVE_INFINITY);
  const budgetOps = options.runs === undefined && options.timeMs !== undefined ? opBudget(options.timeMs, options.engines.length) : Number.POSITIVE_INFINITY;
  let truncated = false;
  while (runs < budgetRuns && ops < budgetOps) {
    const index = shardRunIndex(shard, runs);
    const seedOfRun = runSeed(options.seed, index);
    let firstResult: RunResult | undefined;
    const checked = await checkRun(seedOfRun, options, undefined, (result) => {
      firstResult = result;
    });
    runs += 1;
    if (firstResult !== undefined) {
      digestRun(hash, index, firstResult);
      ops += firstResult.opsRun;
    }
    if (checked.failed && checked.ops !== undefined) {
      const result = await runOps(checked.ops, { engines: options.engines, ...(options.faults ? { faults: options.faults } : {}), ...(options.wrap ? { wrap: options.wrap } : {}) });
      failure = { runIndex: index, runSeed: seedOfRun, path: checked.path ?? '', ops: checked.ops, result, originalOps: checked.originalOps };
    }
    const elapsed = options.elapsedMs();
    options.onProgress?.({ runs, ops, divergences: failure ? failure.result.divergences.length : 0, elapsedMs: elapsed });
    if (failure !== undefined) break;
    // The guard for a machine far slower than the assumed rate: the only stop that depends on the wall clock.
    if (options.runs === undefined && options.timeMs !== undefined && elapsed > 2 * options.timeMs && ops < budgetOps) {
      truncated = true;
      break;
    }
  }
  return {
    runs,
    ops,
    divergences: failure?.result.divergences ?? [],
    ...(failure ? { failure } : {}),
    historyDigest: hash.digest('hex'),
    elapsedMs: options.elapsedMs(),
    truncated,
  };
}
