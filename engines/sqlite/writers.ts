/**
 * Record writes: an upsert per item on the table's UNIQUE(external_id, sync_id), applied in call order inside the
 * caller's transaction. Only the columns this engine knows are named, so columns of newer SDKs keep their values on
 * update and take their defaults on insert.
 */
import { formatC1zTime } from '../c1z/timestamps';
import type { Micros } from '../../models/types';
import { timeOf } from './rows';
import type { StatementCache } from './statements';
import type { ExtractedColumns, RecordTable } from './tables';

/** One row to upsert: its extracted columns (external_id among them) and its bytes. */
export interface RowToWrite {
  readonly columns: ExtractedColumns;
  readonly data: Uint8Array;
}

const upserts = new Map<string, string>();

/** The upsert statement of a table: replaces data, discovered_at and every extracted column on conflict. */
export function upsertSql(t: RecordTable): string {
  let sql = upserts.get(t.table);
  if (sql === undefined) {
    sql = buildUpsert(t);
    upserts.set(t.table, sql);
  }
  return sql;
}

function buildUpsert(t: RecordTable): string {
  const columns = [...t.columns, 'data', 'sync_id', 'discovered_at'];
  const updates = columns.filter((c) => c !== 'external_id' && c !== 'sync_id').map((c) => `${c} = excluded.${c}`);
  return (
    `INSERT INTO ${t.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (external_id, sync_id) DO UPDATE SET ${updates.join(', ')}`
  );
}

/**
 * Writes rows into one sync in order; with `ifNewer` a row is skipped when its stored copy is not older than now
 * (`tieWritten`: the test-only fault of issue 5, which skips only a strictly newer copy).
 */
export function writeRows(
  stmts: StatementCache,
  t: RecordTable,
  syncId: string,
  rows: readonly RowToWrite[],
  ifNewer: boolean,
  now: Micros,
  tieWritten = false,
): void {
  const upsert = stmts.get(upsertSql(t));
  const existing = stmts.get(`SELECT discovered_at FROM ${t.table} WHERE external_id = ? AND sync_id = ?`);
  const discoveredAt = formatC1zTime(now);
  for (const row of rows) {
    if (ifNewer) {
      const found = existing.get(row.columns.external_id, syncId) as { discovered_at: unknown } | undefined;
      // Compared as micros, not text: foreign files may write the same instant in another format.
      const stored = found === undefined ? undefined : timeOf(found.discovered_at, `${t.kind} ${row.columns.external_id}`);
      if (stored !== undefined && (tieWritten ? stored > now : stored >= now)) continue;
    }
    upsert.run({ ...row.columns, data: row.data, sync_id: syncId, discovered_at: discoveredAt });
  }
}

/** Deletes one grant of a sync; true when a row was there. */
export function deleteGrantRow(stmts: StatementCache, syncId: string, id: string): boolean {
  return stmts.get('DELETE FROM v1_grants WHERE external_id = ? AND sync_id = ?').run(id, syncId).changes > 0;
}
