/**
 * The seed space of a fuzz session: run `i` of session seed `s` has its own fast-check seed, derived
 * deterministically, so runs are independent, shards split the space without overlap, and one run replays alone
 * from its coordinates (run seed and fast-check path).
 */
import seedrandom from 'seedrandom';

/** The fast-check seed of run `index` of the session seeded `seed` (a non-negative 31-bit integer). */
export function runSeed(seed: number, index: number): number {
  return seedrandom(`c1z-parity/${seed}/${index}`).int32() >>> 1;
}

/** A shard `k/n` (1-based k): this machine runs the indices `i` with `i % n === k - 1`. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** Parses `k/n` with 1 <= k <= n; throws a plain Error otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(k) || !Number.isSafeInteger(n) || n < 1 || k < 1 || k > n) {
    throw new Error(`--shard must be k/n with 1 <= k <= n (got ${JSON.stringify(text)})`);
  }
  return { k, n };
}

/** The session index of the `j`-th run (0-based) of a shard. */
export function shardRunIndex(shard: Shard, j: number): number {
  return j * shard.n + (shard.k - 1);
}
