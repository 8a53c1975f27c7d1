/**
 * Deterministic sync ids for fuzz runs: `s0001`, `s0002`, ... per engine, so equal call counts give equal ids. A run
 * may switch the alphabet (the `syncIds` op): the n-th id then starts with the alphabet's code point `(n - 1) mod
 * length`, so ids that differ first in an astral or a high-BMP character order differently in UTF-8 and UTF-16.
 */

/** The alphabet of the classic ids `s0001`, `s0002`, ... */
export const ASCII_SYNC_ID_ALPHABET = 's';

/** The code points of `alphabet` that a sync id may hold (SPEC §1: no U+0000, no lone surrogate); `s` when none. */
export function syncIdLetters(alphabet: string): string[] {
  const letters = [...alphabet].filter((c) => c !== '\u0000' && !/^[\uD800-\uDFFF]$/.test(c));
  return letters.length > 0 ? letters : [ASCII_SYNC_ID_ALPHABET];
}

/** The n-th (1-based) sync id of a source with `alphabet`. */
export function nthSyncId(n: number, alphabet: string = ASCII_SYNC_ID_ALPHABET): string {
  const letters = syncIdLetters(alphabet);
  return `${letters[(n - 1) % letters.length] as string}${String(n).padStart(4, '0')}`;
}

/** A source of sequential sync ids, which hands out queued ids first. */
export class SequentialSyncIds {
  private n = 0;
  private readonly queued: string[] = [];
  private alphabet = ASCII_SYNC_ID_ALPHABET;

  /** The next id; pass as `newSyncId: () => ids.next()`. */
  next(): string {
    const chosen = this.queued.shift();
    if (chosen !== undefined) return chosen;
    this.n += 1;
    return nthSyncId(this.n, this.alphabet);
  }

  /** Uses `alphabet` for the ids to come (the count goes on). */
  useAlphabet(alphabet: string): void {
    this.alphabet = alphabet;
  }

  /** Makes `id` come out before the sequential ids (after any queued earlier); the `nextSyncId` op. */
  queue(id: string): void {
    this.queued.push(id);
  }
}
