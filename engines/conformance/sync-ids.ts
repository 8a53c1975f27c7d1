/** A deterministic source of new sync ids for tests: `s0001`, `s0002`, ..., or ids queued by the test. */

/** Hands out sync ids in order; a test can queue the next ids explicitly (to control tie-breaks by id). */
export class SyncIdSource {
  private counter = 0;
  private readonly queued: string[] = [];
  private readonly handed: string[] = [];

  /** The function handed to an engine as `EngineOptions.newSyncId`. */
  readonly next = (): string => {
    const id = this.queued.shift() ?? `s${String(++this.counter).padStart(4, '0')}`;
    this.handed.push(id);
    return id;
  };

  /** Makes the next calls return these ids, in order, before the counter resumes. */
  queue(...ids: string[]): void {
    this.queued.push(...ids);
  }

  /** Every id handed out so far, in order. */
  get issued(): readonly string[] {
    return this.handed;
  }
}
