/**
 * A fuzz session: independent runs, each a fast-check property over one generated op sequence executed on every
 * engine; a failing run is shrunk by fast-check and replayed once more for its report. The session is a pure
 * function of (seed, preset, engines, run count): a time budget only chooses the run count, at checkpoints.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Divergence } from '../compare';
import { opsArbitrary } from '../generator';
import type { Op } from '../ops';
import type { EngineName } from './engine-registry';
import type { EngineWrapper } from './engine-slot';
import { runOps, type RunResult } from './run-ops';
import { isCheckpoint, nextCheckpoint, runSeed, shardRunIndex, type Shard } from './run-seed';

/** How a session runs. */
export interface FuzzOptions {
  readonly seed: number;
  readonly preset: string;
  readonly engines: readonly EngineName[];
  /** An exact number of runs; or else a time budget. */
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

/** What a session found. */
export interface FuzzResult {
  readonly runs: number;
  readonly ops: number;
  readonly divergences: Divergence[];
  readonly failure?: FuzzFailure;
  /** sha256 over the histories of every run, in order. */
  readonly historyDigest: string;
  readonly elapsedMs: number;
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
  if (details.failed && details.errorInstance !== undefined) throw details.errorInstance;
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
  while (runs < budgetRuns) {
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
      const result = await runOps(checked.ops, { engines: options.engines, ...(options.faults ? { faults: options.faults } : {}), ...(options.wrap ? { wrap: options.wrap } : {}), ...(options.metrics ? { metrics: options.metrics } : {}) });
      failure = { runIndex: index, runSeed: seedOfRun, path: checked.path ?? '', ops: checked.ops, result, originalOps: checked.originalOps };
    }
    const elapsed = options.elapsedMs();
    options.onProgress?.({ runs, ops, divergences: failure ? failure.result.divergences.length : 0, elapsedMs: elapsed });
    if (failure !== undefined) break;
    // A safety net for runs far slower than the pace seen so far; normally the checkpoint rule below stops first.
    if (options.runs === undefined && options.timeMs !== undefined && elapsed > 3 * options.timeMs) break;
    if (options.runs === undefined && options.timeMs !== undefined && isCheckpoint(runs)) {
      // Continue to the next checkpoint only if it fits the budget at the pace so far.
      const projected = (elapsed / runs) * nextCheckpoint(runs);
      if (projected > options.timeMs) break;
    }
  }
  return {
    runs,
    ops,
    divergences: failure?.result.divergences ?? [],
    ...(failure ? { failure } : {}),
    historyDigest: hash.digest('hex'),
    elapsedMs: options.elapsedMs(),
  };
}
