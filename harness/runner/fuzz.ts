/**
 * A fuzz session: independent runs, each a fast-check property over one generated op sequence executed on every
 * engine; a failing run is shrunk by fast-check (bounded in time and steps) and replayed once more for its report.
 * Each run is a pure function of (seed, run index, preset, engines); a time budget is wall-clock time: it decides how
 * many runs start and abandons the one under way when it runs out (a long run would otherwise overshoot by minutes),
 * so the digest over the runs completed and the repro line's `--runs N` replay a session exactly.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Divergence } from '../../engines/compare';
import { opsArbitrary } from '../generator';
import type { Op } from '../ops';
import type { EngineName } from '../../engines/registry/engine-registry';
import type { EngineWrapper } from './engine-slot';
import { runOps, type RunResult } from './run-ops';
import { runSeed, shardRunIndex, type Shard } from './run-seed';

/** How a session runs. */
export interface FuzzOptions {
  readonly seed: number;
  readonly preset: string;
  readonly engines: readonly EngineName[];
  /** An exact number of runs; or else a wall-clock budget: runs start while less than `timeMs` has passed. */
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
  /** Called at once when a run diverges, before shrinking starts. */
  readonly onFound?: (found: FoundRun) => void;
  /** How long fast-check may spend shrinking a failure (default `DEFAULT_SHRINK_MS`); the reducer does the rest. */
  readonly shrinkMs?: number;
}

/** fast-check's shrinking budget: a few seconds and steps, since the project's reducer finishes the job faster. */
export const DEFAULT_SHRINK_MS = 8_000;

/** The most shrink steps fast-check takes on one failure. */
export const MAX_SHRINK_STEPS = 400;

/** A run that just diverged: where, and how long the session took to get there. */
export interface FoundRun {
  readonly runIndex: number;
  readonly runSeed: number;
  readonly divergence: Divergence;
  readonly findMs: number;
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
  /** The op of the original run where the first divergence appeared, and that divergence (known before shrinking). */
  readonly firstOpIndex: number;
  readonly firstDivergence?: Divergence;
  /** Wall-clock milliseconds from the session's start until the failing run had diverged, and spent shrinking. */
  readonly findMs: number;
  readonly shrinkMs: number;
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
  /** The largest store any run's reference held (records, see RunResult.largestStore), and that run's index. */
  readonly largestStore: LargestStore;
  /** The run abandoned when the wall-clock budget ran out during it (not counted in `runs`), if any. */
  readonly abandonedRun?: number;
}

/** The largest store of a session: its records, and the run that grew it. */
export interface LargestStore {
  readonly records: number;
  readonly runIndex: number;
}

/** Appends one run's histories to the session digest. */
function digestRun(hash: ReturnType<typeof createHash>, index: number, result: RunResult): void {
  hash.update(`run ${index}\n`);
  for (const engine of Object.keys(result.histories).sort()) {
    hash.update(`engine ${engine}\n`);
    for (const line of result.histories[engine] ?? []) hash.update(`${line}\n`);
  }
}

/** The shrink budget of `checkRun`: fast-check stops trying candidates after either limit. */
export interface ShrinkBudget {
  readonly shrinkMs?: number;
  readonly maxShrinkSteps?: number;
  /** Wall time in milliseconds for the budget (default `performance.now`); never part of a run. */
  readonly now?: () => number;
  /** Asked before every op of the first (unshrunk) run: true abandons it (see RunConfig.stopNow). */
  readonly stopNow?: () => boolean;
}

/** Replays one run from its coordinates (run seed and optional fast-check path); used by fuzz and repro. */
export async function checkRun(
  seedOfRun: number,
  options: Pick<FuzzOptions, 'preset' | 'engines' | 'maxOps' | 'faults' | 'wrap' | 'metrics' | 'shrinkMs'> & ShrinkBudget,
  path?: string,
  onFirst?: (result: RunResult, ops: readonly Op[]) => void,
): Promise<{ failed: boolean; ops?: readonly Op[]; path?: string; originalOps: number; shrinkMs: number }> {
  const now = options.now ?? (() => performance.now());
  let first = true;
  let originalOps = 0;
  let firstDiverged: readonly Op[] | undefined;
  let shrinkStarted = 0;
  let steps = 0;
  const shrinkMs = options.shrinkMs ?? DEFAULT_SHRINK_MS;
  const maxSteps = options.maxShrinkSteps ?? MAX_SHRINK_STEPS;
  const config = {
    engines: options.engines,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.wrap ? { wrap: options.wrap } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  const arbitrary = opsArbitrary(options.preset, { swarmSeed: seedOfRun, ...(options.maxOps === undefined ? {} : { maxOps: options.maxOps }) });
  const shrinkSpent = (): boolean => now() - shrinkStarted > shrinkMs;
  const property = fc.asyncProperty(arbitrary, async (ops) => {
    if (!first) {
      // Past the budget every candidate "passes" untried, so fast-check ends on the smallest failure kept so far.
      steps += 1;
      if (steps > maxSteps || shrinkSpent()) return true;
    }
    // The first run stops at the session's deadline; a shrink candidate at the shrink budget's (and then passes).
    const stopNow = first ? options.stopNow : shrinkSpent;
    const result = await runOps(ops, stopNow ? { ...config, stopNow } : config);
    if (!first && result.abandoned === true) return true;
    if (first) {
      first = false;
      originalOps = ops.length;
      shrinkStarted = now();
      if (result.divergences.length > 0) firstDiverged = ops;
      onFirst?.(result, ops);
    }
    return result.divergences.length === 0;
  });
  const details = await fc.check(property, { seed: seedOfRun, numRuns: 1, ...(path === undefined ? {} : { path }) });
  const spent = firstDiverged === undefined ? 0 : now() - shrinkStarted;
  if (details.failed && details.counterexample !== null) {
    return { failed: true, ops: details.counterexample[0], path: details.counterexamplePath ?? '', originalOps, shrinkMs: spent };
  }
  if (firstDiverged !== undefined) return { failed: true, ops: firstDiverged, path: path ?? '', originalOps, shrinkMs: spent };
  if (details.failed) throw new Error(`fast-check failed the run without a counterexample: ${String(details.errorInstance)}`);
  return { failed: false, originalOps, shrinkMs: 0 };
}

/** Runs a fuzz session: `runs` runs, or runs started while less than `timeMs` of wall time has passed (100 runs when neither). */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const shard = options.shard ?? { k: 1, n: 1 };
  const hash = createHash('sha256');
  hash.update(`c1z-parity fuzz seed=${options.seed} preset=${options.preset} engines=${options.engines.join(',')} shard=${shard.k}/${shard.n}\n`);
  let runs = 0;
  let ops = 0;
  let failure: FuzzFailure | undefined;
  let largestStore: LargestStore = { records: 0, runIndex: 0 };
  let abandonedRun: number | undefined;
  const budgetRuns = options.runs ?? (options.timeMs === undefined ? 100 : Number.POSITIVE_INFINITY);
  const timeMs = options.runs === undefined ? options.timeMs : undefined;
  // The wall clock decides whether the next run starts, and abandons a run still going when the budget is spent: that
  // run is neither counted nor digested, so `--runs N` with the runs completed replays the session exactly.
  const stopNow = timeMs === undefined ? undefined : () => options.elapsedMs() >= timeMs;
  while (runs < budgetRuns && (runs === 0 || timeMs === undefined || options.elapsedMs() < timeMs)) {
    const index = shardRunIndex(shard, runs);
    const seedOfRun = runSeed(options.seed, index);
    let firstResult: RunResult | undefined;
    let findMs = 0;
    const checked = await checkRun(seedOfRun, { ...options, now: options.elapsedMs, ...(stopNow ? { stopNow } : {}) }, undefined, (result) => {
      firstResult = result;
      findMs = options.elapsedMs();
      const divergence = result.divergences[0];
      if (divergence !== undefined) options.onFound?.({ runIndex: index, runSeed: seedOfRun, divergence, findMs });
    });
    if (firstResult?.abandoned === true) {
      abandonedRun = index;
      break;
    }
    runs += 1;
    if (firstResult !== undefined) {
      digestRun(hash, index, firstResult);
      ops += firstResult.opsRun;
      if (firstResult.largestStore > largestStore.records) largestStore = { records: firstResult.largestStore, runIndex: index };
    }
    if (checked.failed && checked.ops !== undefined) {
      const result = await runOps(checked.ops, { engines: options.engines, ...(options.faults ? { faults: options.faults } : {}), ...(options.wrap ? { wrap: options.wrap } : {}) });
      const firstDivergence = firstResult?.divergences[0];
      failure = {
        runIndex: index,
        runSeed: seedOfRun,
        path: checked.path ?? '',
        ops: checked.ops,
        result,
        originalOps: checked.originalOps,
        firstOpIndex: firstDivergence?.opIndex ?? checked.originalOps,
        ...(firstDivergence === undefined ? {} : { firstDivergence }),
        findMs,
        shrinkMs: checked.shrinkMs,
      };
    }
    options.onProgress?.({ runs, ops, divergences: failure ? failure.result.divergences.length : 0, elapsedMs: options.elapsedMs() });
    if (failure !== undefined) break;
  }
  return {
    runs,
    ops,
    divergences: failure?.result.divergences ?? [],
    ...(failure ? { failure } : {}),
    historyDigest: hash.digest('hex'),
    elapsedMs: options.elapsedMs(),
    largestStore,
    ...(abandonedRun === undefined ? {} : { abandonedRun }),
  };
}
