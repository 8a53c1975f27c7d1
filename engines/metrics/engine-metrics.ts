/**
 * The collector behind `withMetrics`: counts and latencies of every public call by engine, method and outcome (ok or
 * an error code), rows read and written, and the engines' own figures. A call costs a few map lookups and array
 * increments: plain totals per series, with a log-linear histogram for the percentiles of snapshots and tables
 * (Prometheus buckets are too coarse for a p99). prom-client reads the totals only when the exposition is asked for.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { Engine } from '../../models/contract/api';
import { figuresOf, type EngineFigures } from '../base/figures';
import { bucketIndex, DerivedHistogram, type HistogramSeries } from './derived-histogram';
import { LatencyHistogram, type LatencySummary } from './latency-histogram';

/** Bucket bounds of the Prometheus duration histogram, in seconds (100 µs to 10 s). */
export const DURATION_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One method's figures in a snapshot. */
export interface MethodSnapshot {
  readonly calls: number;
  /** Calls by outcome: `ok` or an error code. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly latency: LatencySummary;
}

/** One engine's figures in a snapshot. */
export interface EngineSnapshot {
  readonly calls: number;
  readonly errors: number;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  /** Over every call of the engine. */
  readonly latency: LatencySummary;
  readonly methods: Readonly<Record<string, MethodSnapshot>>;
  /** The engine's own storage figures, when they were collected. */
  readonly figures?: EngineFigures;
}

/** A JSON-ready snapshot of every engine's metrics, engines in the order they were first seen. */
export interface MetricsSnapshot {
  readonly engines: Readonly<Record<string, EngineSnapshot>>;
}

/** Running totals of one outcome of one method: calls, and seconds in the Prometheus buckets. */
class OutcomeTotals {
  calls = 0;
  seconds = 0;
  readonly buckets = new Uint32Array(DURATION_BUCKETS.length + 1);
}

/** Running totals of one engine's method. */
class MethodTotals {
  calls = 0;
  rowsRead = 0;
  rowsWritten = 0;
  readonly outcomes = new Map<string, OutcomeTotals>();
  readonly latency = new LatencyHistogram();
}

/** Makes a figure name safe for Prometheus (`[a-zA-Z_:][a-zA-Z0-9_:]*`). */
function metricName(...parts: string[]): string {
  return parts.join('_').replace(/[^a-zA-Z0-9_]/g, '_');
}

/** Collects call metrics and engine figures for any number of engines, told apart by a label. */
export class EngineMetrics {
  /** The prom-client registry holding every metric of this collector (one per collector, never the global one). */
  readonly registry = new Registry();
  private readonly totals = new Map<string, Map<string, MethodTotals>>();
  private readonly figures = new Map<string, EngineFigures>();
  private readonly gauges = new Map<string, Gauge>();

  constructor(private readonly prefix = 'c1z') {
    const registers = [this.registry];
    // Counters are set from the totals whenever the registry is read (prom-client's `collect` hook).
    const calls: Counter<'engine' | 'method' | 'outcome'> = new Counter({
      name: `${prefix}_engine_calls_total`,
      help: 'public engine calls by engine, method and outcome (ok or error code)',
      labelNames: ['engine', 'method', 'outcome'],
      registers,
      collect: () => {
        calls.reset();
        for (const [engine, method, t] of this.methodTotals()) for (const [outcome, o] of t.outcomes) calls.inc({ engine, method, outcome }, o.calls);
      },
    });
    const rows = (name: string, help: string, of: (t: MethodTotals) => number): void => {
      const counter: Counter<'engine' | 'method'> = new Counter({
        name,
        help,
        labelNames: ['engine', 'method'],
        registers,
        collect: () => {
          counter.reset();
          for (const [engine, method, t] of this.methodTotals()) if (of(t) > 0) counter.inc({ engine, method }, of(t));
        },
      });
    };
    rows(`${prefix}_engine_rows_read_total`, 'records returned by engine calls', (t) => t.rowsRead);
    rows(`${prefix}_engine_rows_written_total`, 'records handed to engine writes that succeeded', (t) => t.rowsWritten);
    this.registry.registerMetric(
      new DerivedHistogram(
        { name: `${prefix}_engine_call_duration_seconds`, help: 'time spent in public engine calls', labelNames: ['engine', 'method', 'outcome'], buckets: DURATION_BUCKETS },
        () => this.durationSeries(),
      ),
    );
  }

  /** Every (engine, method, totals). */
  private *methodTotals(): Iterable<[string, string, MethodTotals]> {
    for (const [engine, byMethod] of this.totals) for (const [method, t] of byMethod) yield [engine, method, t];
  }

  /** The duration histogram's series, one per engine, method and outcome. */
  private *durationSeries(): Iterable<HistogramSeries> {
    for (const [engine, method, t] of this.methodTotals()) {
      for (const [outcome, o] of t.outcomes) yield { labels: { engine, method, outcome }, buckets: o.buckets, sum: o.seconds, count: o.calls };
    }
  }

  /** Records one finished call. */
  record(engine: string, method: string, outcome: string, ms: number, rowsRead: number, rowsWritten: number): void {
    let byMethod = this.totals.get(engine);
    if (byMethod === undefined) {
      byMethod = new Map();
      this.totals.set(engine, byMethod);
    }
    let t = byMethod.get(method);
    if (t === undefined) {
      t = new MethodTotals();
      byMethod.set(method, t);
    }
    let o = t.outcomes.get(outcome);
    if (o === undefined) {
      o = new OutcomeTotals();
      t.outcomes.set(outcome, o);
    }
    const seconds = ms / 1000;
    t.calls += 1;
    t.rowsRead += rowsRead;
    t.rowsWritten += rowsWritten;
    t.latency.record(ms);
    o.calls += 1;
    o.seconds += seconds;
    const i = bucketIndex(DURATION_BUCKETS, seconds);
    o.buckets[i] = (o.buckets[i] ?? 0) + 1;
  }

  /** Stores an engine's figures (replacing earlier ones) and exposes them as gauges `<prefix>_<kind>_<figure>`. */
  setFigures(engine: string, figures: EngineFigures): void {
    this.figures.set(engine, figures);
    for (const gauge of this.gauges.values()) gauge.reset();
    for (const [label, f] of this.figures) {
      for (const figure of f.figures) {
        const name = metricName(this.prefix, f.engine, figure.name);
        let gauge = this.gauges.get(name);
        if (gauge === undefined) {
          const labelNames = ['engine', ...Object.keys(figure.labels ?? {})];
          gauge = new Gauge({ name, help: figure.help, labelNames, registers: [this.registry] });
          this.gauges.set(name, gauge);
        }
        gauge.set({ engine: label, ...figure.labels }, figure.value);
      }
    }
  }

  /** Reads the figures of `engine` (each member's, for a tee) and stores them under `label`. */
  async collectFigures(label: string, engine: Engine): Promise<void> {
    for (const [name, figures] of await figuresOf(engine, label)) this.setFigures(name, figures);
  }

  /** The labels of every engine seen so far, in first-seen order. */
  engines(): string[] {
    return [...new Set([...this.totals.keys(), ...this.figures.keys()])];
  }

  /** A JSON-ready snapshot: per engine, totals and percentiles overall and per method (methods sorted by name). */
  snapshot(): MetricsSnapshot {
    const engines: Record<string, EngineSnapshot> = {};
    for (const engine of this.engines()) {
      const byMethod = this.totals.get(engine) ?? new Map<string, MethodTotals>();
      const overall = new LatencyHistogram();
      const methods: Record<string, MethodSnapshot> = {};
      let calls = 0;
      let errors = 0;
      let rowsRead = 0;
      let rowsWritten = 0;
      for (const method of [...byMethod.keys()].sort()) {
        const t = byMethod.get(method) as MethodTotals;
        overall.merge(t.latency);
        calls += t.calls;
        errors += t.calls - (t.outcomes.get('ok')?.calls ?? 0);
        rowsRead += t.rowsRead;
        rowsWritten += t.rowsWritten;
        const outcomes = Object.fromEntries([...t.outcomes].map(([o, n]) => [o, n.calls] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        methods[method] = { calls: t.calls, outcomes, rowsRead: t.rowsRead, rowsWritten: t.rowsWritten, latency: t.latency.summary() };
      }
      const figures = this.figures.get(engine);
      engines[engine] = { calls, errors, rowsRead, rowsWritten, latency: overall.summary(), methods, ...(figures ? { figures } : {}) };
    }
    return { engines };
  }

  /** Every metric in the Prometheus text exposition format (version 0.0.4). */
  prometheus(): Promise<string> {
    return this.registry.metrics();
  }
}
