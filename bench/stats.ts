/** The statistics of the benchmark: medians of repeated samples and the LevelDB/SQLite ratio of two medians. */

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/** `numerator / denominator`, or undefined when either is missing or the denominator is not positive. */
export function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined || !(denominator > 0) || !Number.isFinite(numerator)) return undefined;
  return numerator / denominator;
}

/** Median, minimum and maximum of a list of samples. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises a non-empty list of samples. */
export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Items per second for `items` done in `ms` milliseconds (0 when no time was measured). */
export function perSecond(items: number, ms: number): number {
  return ms > 0 ? (items * 1000) / ms : 0;
}

/** The order engines run in for repetition `rep`: alternating, so that drift in machine load hits both alike. */
export function alternatingOrder<T>(engines: readonly T[], rep: number): T[] {
  return rep % 2 === 0 ? [...engines] : [...engines].reverse();
}
