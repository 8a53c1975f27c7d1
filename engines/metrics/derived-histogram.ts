/**
 * A prom-client Histogram whose series are read from counts kept elsewhere, at scrape time. prom-client's own
 * `observe` hashes the labels of every observation (about 2 µs a call, more than many engine calls take); the
 * collector keeps plain per-series bucket counts instead and this class hands them to prom-client's registry, which
 * writes the exposition as for any histogram (same names, `le` buckets, `_sum` and `_count`).
 */
import { Histogram } from 'prom-client';

/** One labelled series: non-cumulative counts per bucket bound (the last one past every bound), sum and count. */
export interface HistogramSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly buckets: Uint32Array;
  readonly sum: number;
  readonly count: number;
}

/** What prom-client's registry reads from a metric. */
interface Exported {
  name: string;
  help: string;
  type: 'histogram';
  aggregator: 'sum';
  values: { labels: Record<string, string | number>; value: number; metricName: string }[];
}

/** A Histogram (for prom-client's registry) whose values come from `series()` when it is read. */
export class DerivedHistogram<T extends string> extends Histogram<T> {
  constructor(
    private readonly config: { name: string; help: string; labelNames: readonly T[]; buckets: readonly number[] },
    private readonly series: () => Iterable<HistogramSeries>,
  ) {
    super({ name: config.name, help: config.help, labelNames: config.labelNames, buckets: [...config.buckets], registers: [] });
  }

  /** The exposition values, in prom-client's shape. */
  private exported(): Exported {
    const values: Exported['values'] = [];
    const { name, buckets } = this.config;
    for (const s of this.series()) {
      let cumulative = 0;
      buckets.forEach((le, i) => {
        cumulative += s.buckets[i] ?? 0;
        values.push({ labels: { ...s.labels, le }, value: cumulative, metricName: `${name}_bucket` });
      });
      values.push({ labels: { ...s.labels, le: '+Inf' }, value: s.count, metricName: `${name}_bucket` });
      values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${name}_sum` });
      values.push({ labels: { ...s.labels }, value: s.count, metricName: `${name}_count` });
    }
    return { name, help: this.config.help, type: 'histogram', aggregator: 'sum', values };
  }

  /** What the registry's JSON view reads. */
  override async get(): Promise<Awaited<ReturnType<Histogram<T>['get']>>> {
    return this.exported() as unknown as Awaited<ReturnType<Histogram<T>['get']>>;
  }

  /** What the registry's text exposition reads (prom-client calls it in preference to `get`). */
  async getForPromString(): Promise<Exported> {
    return this.exported();
  }
}

/** The index of the first bound at or above `value` (`bounds.length` past them all). */
export function bucketIndex(bounds: readonly number[], value: number): number {
  let i = 0;
  while (i < bounds.length && value > (bounds[i] as number)) i++;
  return i;
}
