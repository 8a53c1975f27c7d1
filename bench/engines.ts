/** The engines the benchmark compares, their factories, and the options every benchmark store is opened with. */
import type { EngineFactory, EngineOptions } from '../models/contract/api';
import { leveldbFactory } from '../engines/leveldb';
import { sqliteFactory } from '../engines/sqlite';
import type { Micros } from '../models/types';

/** The engines under comparison; the ratio is always LevelDB over SQLite. */
export const BENCH_ENGINES = ['sqlite', 'leveldb'] as const;

/** A benchmarked engine. */
export type BenchEngine = (typeof BENCH_ENGINES)[number];

/** The factory of each benchmarked engine. */
export const BENCH_FACTORIES: Readonly<Record<BenchEngine, EngineFactory>> = { sqlite: sqliteFactory, leveldb: leveldbFactory };

/** True when `name` is a benchmarked engine. */
export function isBenchEngine(name: string): name is BenchEngine {
  return (BENCH_ENGINES as readonly string[]).includes(name);
}

/** When templates are written (2026-01-01T00:00:00Z); workloads run a day later, so their writes are newer. */
export const TEMPLATE_EPOCH: Micros = Date.UTC(2026, 0, 1) * 1000;
/** When workloads run. */
export const WORKLOAD_EPOCH: Micros = TEMPLATE_EPOCH + 24 * 3600 * 1_000_000;

/** A clock that moves one millisecond forward on every read, and sync ids `<prefix>-0001`, ...: deterministic. */
export function benchOptions(start: Micros, idPrefix: string): EngineOptions {
  let now = start;
  let n = 0;
  return {
    clock: () => (now += 1000),
    newSyncId: () => `${idPrefix}-${String(++n).padStart(4, '0')}`,
  };
}
