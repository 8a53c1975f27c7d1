/**
 * Sizes at the edges that engines care about: every power of two and every internal limit found in the engines'
 * own code and libraries, each with its neighbours ±1, so that a batch or a page lands just before, on and just past
 * a chunk, page, statement or batch boundary.
 */

/**
 * The engine-internal limits (file: constant): SPEC's default page (100) and largest page (10,000);
 * engines/sqlite/raw.ts READ_CHUNK (1,000) and LOAD_BATCH (5,000); engines/leveldb/raw.ts the same pair;
 * engines/leveldb/clone.ts CHUNK (5,000); engines/leveldb/diff.ts CHUNK (1,000) and FLUSH_AT (5,000);
 * engines/leveldb/readers.ts SYNC_GET_LIMIT (1,000); engines/leveldb/verify.ts CHUNK (1,000); classic-level's
 * default iterator read-ahead of 16 KiB, about 50 small records per `nextv`; SQLite's historic host-parameter limit
 * SQLITE_MAX_VARIABLE_NUMBER (999; better-sqlite3's build raises it to 32,766, out of a fuzz run's reach).
 */
export const ENGINE_LIMITS: readonly number[] = [50, 100, 999, 1000, 5000, 10_000];

/** Powers of two from 1 to 8192. */
export const POWERS_OF_TWO: readonly number[] = Array.from({ length: 14 }, (_, i) => 2 ** i);

/** Every boundary size (powers of two and engine limits, each ±1), positive, ascending, without repeats. */
export const BOUNDARY_SIZES: readonly number[] = [...new Set([...POWERS_OF_TWO, ...ENGINE_LIMITS].flatMap((n) => [n - 1, n, n + 1]))]
  .filter((n) => n > 0)
  .sort((a, b) => a - b);

/** The size classes a run's batch sizes are drawn from; a run mixes a few of them. */
export const SIZE_CLASSES: { readonly small: readonly number[]; readonly medium: readonly number[]; readonly large: readonly number[] } = {
  small: [1, 2, 3, 4, 5, 7, 8, 9],
  medium: BOUNDARY_SIZES.filter((n) => n >= 10 && n <= 300),
  large: BOUNDARY_SIZES.filter((n) => n > 300 && n <= 5001),
};

/** Page sizes at the edges: 0 (the default), the engines' limits ±1 up to SPEC's largest page and one past it, -1. */
export const BOUNDARY_PAGE_SIZES: readonly number[] = [0, -1, ...BOUNDARY_SIZES.filter((n) => n <= 10_001)];
