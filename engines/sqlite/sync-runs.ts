/**
 * The v1_sync_runs table with an in-memory copy of its rows: reads resolve their target sync on every call, and only
 * this engine's connection writes the working copy, so the copy stays exact as long as every write goes through here.
 */
import { formatC1zTime } from '../c1z/timestamps';
import type { SyncRun } from '../../models/types';
import { syncRunOf, type SyncRunRow } from './rows';
import type { StatementCache } from './statements';

const SELECT_ALL = 'SELECT sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id FROM v1_sync_runs';
const INSERT =
  'INSERT INTO v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id) VALUES (?, ?, ?, ?, ?, ?)';
const UPDATE = 'UPDATE v1_sync_runs SET ended_at = ?, sync_token = ? WHERE sync_id = ?';

/** Reads and writes sync runs, caching the whole (small) table. */
export class SyncRunStore {
  private cache: Map<string, SyncRun> | undefined;

  /** `endedAtMillis` is the test-only fault sync-times-millis of issue 5. */
  constructor(
    private readonly stmts: StatementCache,
    private readonly endedAtMillis = false,
  ) {}

  private load(): Map<string, SyncRun> {
    if (this.cache === undefined) {
      const rows = this.stmts.get(SELECT_ALL).all() as SyncRunRow[];
      this.cache = new Map(rows.map((row) => [row.sync_id, syncRunOf(row)]));
    }
    return this.cache;
  }

  /** Every sync run, in storage order. */
  all(): SyncRun[] {
    return [...this.load().values()];
  }

  /** The sync run with this id, if any. */
  get(id: string): SyncRun | undefined {
    return this.load().get(id);
  }

  /** Inserts a new sync run row (the caller runs it inside its transaction). */
  insert(run: SyncRun): void {
    this.invalidate();
    this.stmts
      .get(INSERT)
      .run(
        run.id,
        formatC1zTime(run.startedAt),
        run.endedAt === undefined ? null : formatC1zTime(run.endedAt),
        run.syncToken,
        run.syncType,
        run.parentSyncId,
      );
  }

  /** Writes a run's token and ended_at. */
  update(run: SyncRun): void {
    this.invalidate();
    // Fault sync-times-millis: the time goes through a JS Date, which keeps milliseconds only.
    const endedAt = run.endedAt !== undefined && this.endedAtMillis ? new Date(run.endedAt / 1000).getTime() * 1000 : run.endedAt;
    this.stmts.get(UPDATE).run(endedAt === undefined ? null : formatC1zTime(endedAt), run.syncToken, run.id);
  }

  /** Drops the cached rows; the next read reloads them (after a rollback or a bulk delete). */
  invalidate(): void {
    this.cache = undefined;
  }
}
