/**
 * Delta debugging over a list: try removing the second half, the first half, then ever smaller chunks (from the end
 * towards the start), down to single elements, and sweep single elements again until none can go.
 */

/** Tells whether a shorter list still shows the failure. */
export type KeepsFailing<T> = (candidate: readonly T[]) => Promise<boolean>;

/** Removes every chunk of `list` whose removal keeps it failing; returns a 1-minimal list (or the best in budget). */
export async function removeChunks<T>(list: readonly T[], keepsFailing: KeepsFailing<T>, expired: () => boolean): Promise<T[]> {
  let current = [...list];
  let size = Math.ceil(current.length / 2);
  for (;;) {
    let removed = false;
    for (let end = current.length; end > 0 && !expired(); ) {
      const start = Math.max(0, end - size);
      const candidate = [...current.slice(0, start), ...current.slice(end)];
      if (candidate.length < current.length && (await keepsFailing(candidate))) {
        current = candidate;
        removed = true;
      }
      end = start;
    }
    if (expired() || current.length === 0) return current;
    if (size > 1) size = Math.ceil(size / 2);
    else if (!removed) return current;
  }
}
