/**
 * Regenerates the op sequence that fast-check's coordinates (run seed and path) point at, without running any
 * engine: the sequence a report's `repro --seed N --path P` line stands for.
 */
import fc from 'fast-check';
import { opsArbitrary } from '../generator';
import type { Op } from '../ops';

/** The ops at (seed, path) for a preset (swarmed by the seed, as fuzz runs are); the path `''` or absent is the run's first value. */
export function opsAtPath(seed: number, path: string | undefined, preset: string, maxOps?: number): readonly Op[] {
  let found: readonly Op[] | undefined;
  const arbitrary = opsArbitrary(preset, { swarmSeed: seed, ...(maxOps === undefined ? {} : { maxOps }) });
  // A property that fails on every value makes fast-check walk the path to its value and report it as the
  // counterexample; endOnFailure stops it from shrinking any further.
  const details = fc.check(
    fc.property(arbitrary, (ops) => {
      found = ops;
      return false;
    }),
    { seed, numRuns: 1, ...(path === undefined || path === '' ? {} : { path }), endOnFailure: true },
  );
  const ops = details.counterexample?.[0] ?? found;
  if (ops === undefined) throw new Error(`no op sequence at seed ${seed} path ${JSON.stringify(path ?? '')}`);
  return ops;
}
