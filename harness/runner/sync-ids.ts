/** Deterministic sync ids for fuzz runs: `s0001`, `s0002`, ... per engine, so equal call counts give equal ids. */

/** A source of sequential sync ids. */
export class SequentialSyncIds {
  private n = 0;

  /** The next id; pass as `newSyncId: () => ids.next()`. */
  next(): string {
    this.n += 1;
    return `s${String(this.n).padStart(4, '0')}`;
  }
}
