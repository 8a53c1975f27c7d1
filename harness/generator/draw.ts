/** Small fast-check helpers shared by the command arbitraries; each shrinks toward its first or simplest value. */
import fc from 'fast-check';

/** True `percent` percent of the time (shrinks toward false when percent < 100). */
export function chance(percent: number): fc.Arbitrary<boolean> {
  return fc.integer({ min: 0, max: 99 }).map((n) => n >= 100 - percent);
}

/** One element of a non-empty list, uniformly; shrinks toward the first. */
export function fromList<T>(values: readonly T[]): fc.Arbitrary<T> {
  if (values.length === 0) throw new Error('fromList needs at least one value');
  return fc.integer({ min: 0, max: values.length - 1 }).map((i) => values[i] as T);
}

/**
 * `yes` drawn `percent` percent of the time, else `no`; only the chosen side is generated (cheap), and shrinking
 * moves toward `no`.
 */
export function either<T>(percent: number, yes: fc.Arbitrary<T>, no: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (percent <= 0) return no;
  if (percent >= 100) return yes;
  return fc.oneof({ withCrossShrink: true }, { weight: 100 - percent, arbitrary: no }, { weight: percent, arbitrary: yes });
}

/** `value` drawn `percent` percent of the time, else undefined (shrinking toward undefined). */
export function sometimes<T>(percent: number, value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return either<T | undefined>(percent, value, fc.constant(undefined));
}

/** One of the weighted arbitraries, skipping zero weights; shrinks toward the first entry with a weight. */
export function weighted<T>(entries: readonly (readonly [number, fc.Arbitrary<T>])[]): fc.Arbitrary<T> {
  const live = entries.filter(([w]) => w > 0).map(([weight, arbitrary]) => ({ weight, arbitrary }));
  if (live.length === 0) throw new Error('weighted needs at least one positive weight');
  return fc.oneof({ withCrossShrink: true }, ...live);
}
