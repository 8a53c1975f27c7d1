/** Draws from lists with a seeded Rng (harness/generator/seeded.ts), for the per-run configuration of the swarm. */
import type { Rng } from './seeded';

/** One element of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.below(list.length)] as T;
}

/** A non-empty random subset of `list`, each element kept with probability `pct` percent. */
export function subset<T>(rng: Rng, list: readonly T[], pct: number): T[] {
  const kept = list.filter(() => rng.chance(pct));
  return kept.length > 0 ? kept : [pick(rng, list)];
}
