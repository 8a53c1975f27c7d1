/** A small integer hash for the benchmark's data: deterministic, seeded, independent of generation order. */

/** Mixes a seed and an integer into a well-spread unsigned 32-bit value (murmur3's finaliser). */
export function mix(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n | 0, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A value in [0, 1) derived from a seed and up to two integers. */
export function unit(seed: number, a: number, b = 0): number {
  return mix(mix(seed, a), b) / 0x1_0000_0000;
}

/** `count` indices in [0, n), drawn deterministically (with repeats) from `seed`. */
export function sampleIndices(count: number, n: number, seed: number): number[] {
  if (n <= 0) return [];
  return Array.from({ length: count }, (_, i) => Math.floor(unit(seed, i, 7) * n));
}

/** Up to `count` distinct indices of [0, n), spread evenly (every index when `count >= n`). */
export function spreadIndices(count: number, n: number): number[] {
  if (count >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}
