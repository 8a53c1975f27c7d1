/**
 * The writes of one atomic batch, in order (LevelDB applies a batch in order, so the last write of a key wins), with
 * counter deltas that are resolved against the stored counters when the batch commits.
 */
import { StorageError } from '../../models/contract/errors';
import type { Db } from './db';
import { decodeCount, encodeCount } from './values';

type Op = { type: 'put'; key: Buffer; value: Buffer } | { type: 'del'; key: Buffer };

/** Puts, deletes and counter deltas to apply in one `db.batch`. */
export class WriteSet {
  private ops: Op[] = [];
  private readonly deltas = new Map<string, { key: Buffer; delta: number }>();

  /** Writes `value` at `key`. */
  put(key: Buffer, value: Buffer): void {
    this.ops.push({ type: 'put', key, value });
  }

  /** Deletes `key`. */
  del(key: Buffer): void {
    this.ops.push({ type: 'del', key });
  }

  /** Adds `delta` to the counter stored at `key`. */
  count(key: Buffer, delta: number): void {
    const id = key.toString('latin1');
    const cur = this.deltas.get(id);
    if (cur === undefined) this.deltas.set(id, { key, delta });
    else cur.delta += delta;
  }

  /** The number of puts and deletes so far. */
  get size(): number {
    return this.ops.length;
  }

  /** Applies every write and counter delta in one batch, then empties the set. */
  async commit(db: Db): Promise<void> {
    const batch = this.ops;
    for (const c of this.deltas.values()) {
      if (c.delta === 0) continue;
      const n = decodeCount(db.getSync(c.key)) + c.delta;
      if (n < 0) throw new StorageError('CORRUPTION', 'a record counter would go negative');
      batch.push(n === 0 ? { type: 'del', key: c.key } : { type: 'put', key: c.key, value: encodeCount(n) });
    }
    this.ops = [];
    this.deltas.clear();
    if (batch.length > 0) await db.batch(batch);
  }
}
