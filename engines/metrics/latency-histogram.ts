/**
 * A log-linear latency histogram for percentiles: eight buckets per doubling of the duration (a bucket's bounds are
 * about 9% apart), exact count, sum, min and max. Recording is one logarithm and one array increment, so it stays
 * cheap on every call; prom-client's coarse histogram is for Prometheus, this one is for the report's percentiles.
 */

/** Buckets per doubling of the duration. */
const STEPS_PER_OCTAVE = 8;
/** The smallest duration told apart from zero, in milliseconds (one microsecond). */
const FLOOR_MS = 0.001;
/** Buckets up to FLOOR_MS * 2^40 (about 12 days): no call lasts longer. */
const BUCKETS = 40 * STEPS_PER_OCTAVE + 1;

/** Percentiles and totals of one histogram, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly totalMs: number;
  readonly minMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Rounds a figure for display and JSON (three decimals: microseconds). */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Counts durations in log-spaced buckets and answers percentiles within one bucket's width. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(BUCKETS);
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = 0;

  /** Records one duration in milliseconds. */
  record(ms: number): void {
    const value = ms > 0 ? ms : 0;
    const index = value <= FLOOR_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log2(value / FLOOR_MS) * STEPS_PER_OCTAVE));
    this.buckets[index] = (this.buckets[index] ?? 0) + 1;
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Adds every duration of `other` to this histogram. */
  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.buckets[i] = (this.buckets[i] ?? 0) + (other.buckets[i] ?? 0);
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** The duration below which a fraction `q` (0..1) of the recorded ones fall: a bucket's upper bound, capped by max. */
  percentile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.buckets[i] ?? 0;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, FLOOR_MS * 2 ** (i / STEPS_PER_OCTAVE)));
    }
    return this.max;
  }

  /** Count, total, min, p50, p95, p99 and max, rounded to the microsecond. */
  summary(): LatencySummary {
    return {
      count: this.count,
      totalMs: round(this.sum),
      minMs: this.count === 0 ? 0 : round(this.min),
      p50Ms: round(this.percentile(0.5)),
      p95Ms: round(this.percentile(0.95)),
      p99Ms: round(this.percentile(0.99)),
      maxMs: round(this.max),
    };
  }
}
