/**
 * `withMetrics(engine, options)`: the same engine, with every public call counted and timed into an EngineMetrics
 * collector and, past a threshold, written to the slow log. It works on any Engine (SQLite, LevelDB, the model, the
 * tee): calls pass through unchanged, results and errors are the engine's own, and the bulk access of RawStore and
 * `engineFigures()` stay reachable when the engine has them. Without a collector or a slow log it returns the engine
 * itself, so metrics cost nothing unless asked for.
 */
import type { Engine } from '../../models/contract/api';
import { isStorageError } from '../../models/contract/errors';
import type { RawRecord } from '../../models/contract/raw';
import { CALL_SPECS, safeSummary, type CallSpec, type Rows } from './call-specs';
import type { EngineMetrics } from './engine-metrics';
import { DEFAULT_SLOW_MS, type SlowLog } from './slow-log';
import { SyncTracker } from './sync-tracker';

/** How an engine is measured. */
export interface MetricsOptions {
  /** Where counts and latencies go; none means only the slow log. */
  readonly metrics?: EngineMetrics;
  /** Where slow calls go; none means no slow log. */
  readonly slowLog?: SlowLog;
  /** The engine's label in metrics and log lines (default its name). */
  readonly label?: string;
  /** Milliseconds from a monotonic source (default `performance.now`); tests inject their own. */
  readonly now?: () => number;
}

/** Everything one measured engine shares among its calls. */
interface Meter {
  readonly label: string;
  readonly now: () => number;
  readonly tracker: SyncTracker;
  readonly options: MetricsOptions;
}

/** The outcome label of a failure: its StorageError code (anything else breaks the contract and says so). */
function outcomeOf(err: unknown): string {
  return isStorageError(err) ? err.code : 'NOT_A_STORAGE_ERROR';
}

/** Records one finished call: metrics always, the slow log only at or above its threshold. */
function finish(meter: Meter, method: string, spec: CallSpec, args: readonly unknown[], ms: number, outcome: string, rows: Rows): void {
  meter.options.metrics?.record(meter.label, method, outcome, ms, rows.read, rows.written);
  const slow = meter.options.slowLog;
  if (slow === undefined || ms < (slow.thresholdMs ?? DEFAULT_SLOW_MS)) return;
  slow.logger.warn(
    {
      engine: meter.label,
      method,
      args: safeSummary(spec, args),
      sync: spec.sync(args, meter.tracker),
      rowsRead: rows.read,
      rowsWritten: rows.written,
      outcome,
      ms: Math.round(ms * 1000) / 1000,
    },
    'slow call',
  );
}

const NO_ROWS: Rows = { read: 0, written: 0 };

/** Times a promise-returning method. */
function timed(meter: Meter, method: string, spec: CallSpec, fn: (...args: unknown[]) => unknown, target: Engine): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    // The sync is read before the call, so that endSync and close name the sync they acted on.
    const before = meter.tracker.clone();
    const start = meter.now();
    const settle = (outcome: string, rows: Rows): void => finish({ ...meter, tracker: before }, method, spec, args, meter.now() - start, outcome, rows);
    let result: unknown;
    try {
      result = fn.apply(target, args);
    } catch (err) {
      settle(outcomeOf(err), NO_ROWS);
      throw err;
    }
    return Promise.resolve(result).then(
      (value) => {
        settle('ok', spec.rows(value, args));
        meter.tracker.succeeded(method, args, value);
        return value;
      },
      (err: unknown) => {
        settle(outcomeOf(err), NO_ROWS);
        throw err;
      },
    );
  };
}

/** Yields `source`'s items, reporting the time each step of `source` itself took (not the consumer's time). */
async function* timedSteps<T>(meter: Meter, source: AsyncIterable<T>, spent: (ms: number) => void): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const start = meter.now();
    let step: IteratorResult<T>;
    try {
      step = await iterator.next();
    } finally {
      spent(meter.now() - start);
    }
    if (step.done) return;
    yield step.value;
  }
}

/** Times `rawRecords`: only the time spent inside the engine's iterator counts, not the consumer's. */
function timedRecords(meter: Meter, fn: (syncId: string) => AsyncIterable<RawRecord>, target: Engine): (syncId: string) => AsyncIterable<RawRecord> {
  const spec: CallSpec = { summarise: (a) => ({ syncId: a[0] }), rows: () => NO_ROWS, sync: (a) => String(a[0]) };
  return async function* records(syncId: string) {
    let engineMs = 0;
    let read = 0;
    let outcome = 'ok';
    try {
      for await (const record of timedSteps(meter, fn.call(target, syncId), (ms) => (engineMs += ms))) {
        read += 1;
        yield record;
      }
    } catch (err) {
      outcome = outcomeOf(err);
      throw err;
    } finally {
      finish(meter, 'rawRecords', spec, [syncId], engineMs, outcome, { read, written: 0 });
    }
  };
}

/** Times `rawLoadSync`, counting the records loaded and leaving out the time spent producing them. */
function timedLoad(meter: Meter, fn: (run: unknown, records: AsyncIterable<RawRecord>) => Promise<void>, target: Engine) {
  const spec: CallSpec = { summarise: (a) => ({ syncId: (a[0] as { id?: unknown } | undefined)?.id }), rows: () => NO_ROWS, sync: (a) => String((a[0] as { id?: unknown } | undefined)?.id) };
  return async (run: unknown, records: AsyncIterable<RawRecord>): Promise<void> => {
    let sourceMs = 0;
    let written = 0;
    async function* counted(): AsyncIterable<RawRecord> {
      for await (const record of timedSteps(meter, records, (ms) => (sourceMs += ms))) {
        written += 1;
        yield record;
      }
    }
    const start = meter.now();
    try {
      await fn.call(target, run, counted());
      finish(meter, 'rawLoadSync', spec, [run], meter.now() - start - sourceMs, 'ok', { read: 0, written });
    } catch (err) {
      finish(meter, 'rawLoadSync', spec, [run], meter.now() - start - sourceMs, outcomeOf(err), NO_ROWS);
      throw err;
    }
  };
}

/** Wraps `engine` so that every public call is measured; returns `engine` itself when nothing is to be measured. */
export function withMetrics<E extends Engine>(engine: E, options: MetricsOptions): E {
  if (options.metrics === undefined && options.slowLog === undefined) return engine;
  const meter: Meter = { label: options.label ?? engine.name, now: options.now ?? (() => performance.now()), tracker: new SyncTracker(), options };
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(engine, {
    get(target, prop) {
      // Read through the target itself, so that getters (dirty, closed) see the real engine.
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const hit = cache.get(prop);
      if (hit !== undefined) return hit;
      const fn = value as (...args: unknown[]) => unknown;
      const spec = typeof prop === 'string' ? CALL_SPECS[prop] : undefined;
      let wrapped: unknown;
      if (prop === 'rawRecords') wrapped = timedRecords(meter, fn as (syncId: string) => AsyncIterable<RawRecord>, target);
      else if (prop === 'rawLoadSync') wrapped = timedLoad(meter, fn as (run: unknown, records: AsyncIterable<RawRecord>) => Promise<void>, target);
      else if (spec !== undefined && typeof prop === 'string') wrapped = timed(meter, prop, spec, fn, target);
      else wrapped = fn.bind(target);
      cache.set(prop, wrapped);
      return wrapped;
    },
  });
}
