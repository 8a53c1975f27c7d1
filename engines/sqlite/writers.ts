/**
 * Record writes, applied in call order inside the caller's transaction: an insert per new identity, and for an
 * identity already stored an update of its row in place (the row id, hence list order, stays). Only the columns this
 * engine knows are named, so columns of newer SDKs keep their values on update and take their defaults on insert.
 *
 * A replaced record usually keeps its extracted columns, and then only data and discovered_at are written: an upsert
 * (`ON CONFLICT DO UPDATE SET` every column) rewrote every index entry of the row, about fifteen times the cost.
 */
import { formatC1zTime } from '../c1z/timestamps';
import { StorageError } from '../../models/contract/errors';
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

/** The row an identity already has: its id, discovered_at and extracted columns. */
type StoredRow = Readonly<Record<string, unknown>> & { readonly id: number; readonly discovered_at: unknown };

/** The statements of one table's writes. */
interface WriteSql {
  /** Inserts a row unless its identity exists (then changes nothing). */
  readonly insert: string;
  readonly select: string;
  /** Rewrites data and discovered_at only. */
  readonly updateData: string;
  /** Rewrites every extracted column too. */
  readonly updateAll: string;
}

const writeSql = new Map<string, WriteSql>();

function sqlOf(t: RecordTable): WriteSql {
  let sql = writeSql.get(t.table);
  if (sql === undefined) {
    const columns = [...t.columns, 'data', 'sync_id', 'discovered_at'];
    const extracted = t.columns.filter((c) => c !== 'external_id');
    sql = {
      insert:
        `INSERT INTO ${t.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
        'ON CONFLICT (external_id, sync_id) DO NOTHING',
      select: `SELECT ${['id', 'discovered_at', ...extracted].join(', ')} FROM ${t.table} WHERE external_id = ? AND sync_id = ?`,
      updateData: `UPDATE ${t.table} SET data = ?, discovered_at = ? WHERE id = ?`,
      updateAll: `UPDATE ${t.table} SET ${[...extracted, 'data', 'discovered_at'].map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    };
    writeSql.set(t.table, sql);
  }
  return sql;
}

/** True when the stored row's extracted columns equal the new ones (so no index entry of the row changes). */
function sameColumns(t: RecordTable, stored: StoredRow, columns: ExtractedColumns): boolean {
  for (const c of t.columns) if (c !== 'external_id' && stored[c] !== columns[c]) return false;
  return true;
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
  const sql = sqlOf(t);
  const insert = stmts.get(sql.insert);
  const select = stmts.get(sql.select);
  const discoveredAt = formatC1zTime(now);
  for (const row of rows) {
    const id = row.columns.external_id;
    let found: StoredRow | undefined;
    if (ifNewer) {
      found = select.get(id, syncId) as StoredRow | undefined;
      // Compared as micros, not text: foreign files may write the same instant in another format.
      const stored = found === undefined ? undefined : timeOf(found.discovered_at, `${t.kind} ${id}`);
      if (stored !== undefined && (tieWritten ? stored > now : stored >= now)) continue;
    }
    if (found === undefined) {
      // New identities are the common case of a plain put: one insert, and a lookup only when it conflicted.
      if (insert.run({ ...row.columns, data: row.data, sync_id: syncId, discovered_at: discoveredAt }).changes > 0) continue;
      found = select.get(id, syncId) as StoredRow | undefined;
      if (found === undefined) throw new StorageError('IO', `${t.kind} ${id}: neither inserted nor found`);
    }
    if (sameColumns(t, found, row.columns)) {
      stmts.get(sql.updateData).run(row.data, discoveredAt, found.id);
    } else {
      const values = Object.fromEntries(t.columns.filter((c) => c !== 'external_id').map((c) => [c, row.columns[c] ?? null]));
      stmts.get(sql.updateAll).run({ ...values, data: row.data, discovered_at: discoveredAt, id: found.id });
    }
  }
}

/** Deletes one grant of a sync; true when a row was there. */
export function deleteGrantRow(stmts: StatementCache, syncId: string, id: string): boolean {
  return stmts.get('DELETE FROM v1_grants WHERE external_id = ? AND sync_id = ?').run(id, syncId).changes > 0;
}
