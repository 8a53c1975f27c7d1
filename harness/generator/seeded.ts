/**
 * Deterministic expansion of seeded values: the same `{ seed, size }` gives the same bytes or text on every
 * machine (seedrandom's ARC4 generator), so an op can name a big value in a few characters.
 */
import seedrandom from 'seedrandom';

/** A seeded pseudo-random source of integers. */
export interface Rng {
  /** An integer in [0, n). */
  below(n: number): number;
  /** True with probability `pct` percent. */
  chance(pct: number): boolean;
}

/** Makes a seeded Rng; `salt` separates independent streams drawn from one seed. */
export function seededRng(seed: number, salt = ''): Rng {
  const prng = seedrandom(`${salt}:${seed}`);
  return {
    below: (n) => Math.floor(prng.double() * n),
    chance: (pct) => prng.double() * 100 < pct,
  };
}

/** `size` pseudo-random bytes from `seed`. */
export function expandBytes(seed: number, size: number): Uint8Array {
  const rng = seededRng(seed, 'bytes');
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.below(256);
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Exactly `size` characters of JSON-like ASCII text from `seed`, shaped like a connector's sync token. */
export function expandText(seed: number, size: number): string {
  const rng = seededRng(seed, 'text');
  const head = '{"cursor":"';
  const tail = '"}';
  const framed = size >= head.length + tail.length;
  const chars: string[] = [];
  for (let i = framed ? head.length + tail.length : 0; i < size; i++) chars.push(ALPHABET[rng.below(ALPHABET.length)] as string);
  return framed ? `${head}${chars.join('')}${tail}` : chars.join('');
}
