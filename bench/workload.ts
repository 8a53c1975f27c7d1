/** What a benchmark workload is: an untimed preparation, a timed run that wraps its engine calls, and a teardown. */
import type { Engine } from '../models/contract/api';
import type { DatasetShape } from '../harness/dataset/dataset';
import { BENCH_FACTORIES, benchOptions, WORKLOAD_EPOCH, type BenchEngine } from './engines';
import type { MemoryMeter } from './memory-meter';
import type { Scale } from './scales';
import type { EngineTemplates } from './templates';
import type { Timer } from './timer';

/** What a run targets: one engine, or (for the harness) every engine at once. */
export type RunTarget = BenchEngine | 'all';

/** Everything one run of a workload may use. */
export interface WorkloadContext {
  readonly target: RunTarget;
  readonly scale: Scale;
  readonly shape: DatasetShape;
  /** This target's templates (absent for `all`). */
  readonly templates: EngineTemplates | undefined;
  /** A c1z holding the base dataset (the SQLite base template), the source of imports. */
  readonly sourceC1z: string;
  /** A fresh, empty directory for this run's stores. */
  readonly dir: string;
  readonly meter: MemoryMeter;
}

/** A prepared run: `run` does the timed work and returns how many items it handled. */
export interface PreparedRun {
  run(timer: Timer): Promise<number>;
  /** Untimed teardown (closing whatever is still open). */
  dispose(): Promise<void>;
}

/** One workload of the benchmark. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  /** What `items` counts (grants, records, queries, ops). */
  readonly unit: string;
  /** `pair` runs on each engine and is compared; `all` runs once with every engine (the harness). */
  readonly mode: 'pair' | 'all';
  /** At most this many repetitions, whatever the scale asks (for workloads that run for seconds). */
  readonly maxRepetitions?: number;
  prepare(ctx: WorkloadContext): Promise<PreparedRun>;
}

/** The engine a paired workload runs on. */
export function engineOf(ctx: WorkloadContext): BenchEngine {
  if (ctx.target === 'all') throw new Error('this workload runs on one engine');
  return ctx.target;
}

/** The templates of the run's engine. */
export function templatesOf(ctx: WorkloadContext): EngineTemplates {
  if (ctx.templates === undefined) throw new Error(`no templates for ${ctx.target}`);
  return ctx.templates;
}

/** Opens a store of the run's engine at `location` with the workload clock (a day after the templates). */
export function openAt(ctx: WorkloadContext, location: string): Promise<Engine> {
  return BENCH_FACTORIES[engineOf(ctx)].open(location, benchOptions(WORKLOAD_EPOCH, 'w'));
}

/** A location for a store named `name` of the run's engine inside the run's directory. */
export function locationOf(ctx: WorkloadContext, name: string): string {
  return BENCH_FACTORIES[engineOf(ctx)].locationIn(ctx.dir, name);
}

/** Closes an engine unless it is closed already. */
export async function closeQuietly(engine: Engine | undefined): Promise<void> {
  if (engine !== undefined && !engine.closed) await engine.close();
}
