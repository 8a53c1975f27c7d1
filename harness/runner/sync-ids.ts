/** Deterministic sync ids for fuzz runs: `s0001`, `s0002`, ... per engine, so equal call counts give equal ids. */

/** A source of sequential sync ids, which hands out queued ids first. */
export class SequentialSyncIds {
  private n = 0;
  private readonly queued: string[] = [];

  /** The next id; pass as `newSyncId: () => ids.next()`. */
  next(): string {
    const chosen = this.queued.shift();
    if (chosen !== undefined) return chosen;
    this.n += 1;
    return `s${String(this.n).padStart(4, '0')}`;
  }

  /** Makes `id` come out before the sequential ids (after any queued earlier); the `nextSyncId` op. */
  queue(id: string): void {
    this.queued.push(id);
  }
}
