/**
 * The harness's own cost: a fixed number of fuzz runs (seed 1, default preset), every op executed on each engine of
 * the run and compared with the reference model, snapshots included. Paired: the model with one engine; `all`: the
 * model with both engines, as `npm test` and nightly runs use it.
 */
import { performance } from 'node:perf_hooks';
import type { EngineName } from '../../engines/registry/engine-registry';
import type { PreparedRun, Workload, WorkloadContext } from '../workload';

const FUZZ_SEED = 1;

/** Runs the fuzz session on `engines`; returns the ops executed (an op counts once however many engines ran it). */
async function fuzzOps(ctx: WorkloadContext, engines: readonly EngineName[]): Promise<number> {
  // Loaded here, not at the top: every other workload process would otherwise pay for loading the whole harness.
  const { fuzz } = await import('../../harness/runner/fuzz');
  const started = performance.now();
  const result = await fuzz({
    seed: FUZZ_SEED,
    preset: 'default',
    engines,
    runs: ctx.scale.fuzzRuns,
    elapsedMs: () => performance.now() - started,
    onProgress: () => ctx.meter.sample(),
  });
  if (result.failure !== undefined) throw new Error(`fuzz diverged during the benchmark: ${result.failure.result.divergences[0]?.code ?? 'unknown'}`);
  return result.ops;
}

function prepared(ctx: WorkloadContext, engines: readonly EngineName[]): PreparedRun {
  return { run: (timer) => timer.time(() => fuzzOps(ctx, engines)), dispose: async () => undefined };
}

/** fuzz on the model and one engine. */
export const harnessPair: Workload = {
  id: 'harness',
  title: 'harness: fuzz, model + engine',
  unit: 'ops',
  mode: 'pair',
  maxRepetitions: 3,
  prepare: async (ctx) => prepared(ctx, ['memory', ctx.target === 'all' ? 'sqlite' : ctx.target]),
};

/** fuzz on the model and both engines. */
export const harnessAll: Workload = {
  id: 'harness-all',
  title: 'harness: fuzz, model + sqlite + leveldb',
  unit: 'ops',
  mode: 'all',
  maxRepetitions: 3,
  prepare: async (ctx) => prepared(ctx, ['memory', 'sqlite', 'leveldb']),
};
