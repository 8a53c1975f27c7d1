/**
 * Whole-sync operations in SQL: the additions-only diff, deleting syncs, and copying one sync into a new database file
 * with the source's own schema (so columns and tables of newer SDKs travel along).
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { NEW_FILE_SHAPE, isAddedHelperIndex, type FileShape } from './file-shape';
import { quoteIdent, syncScopedTables, tableColumns } from './schema';
import type { StatementCache } from './statements';
import { RECORD_KINDS, RECORD_TABLES } from './tables';

/**
 * Copies into `createdId` the rows of `appliedId` whose external_id `baseId` lacks, in every record table. Every
 * column but the primary key and sync_id is copied as stored (discovered_at and any newer-SDK columns included).
 * `includeChanged` is the test-only fault diff-includes-changed of issue 5.
 */
export function copyDiffRows(db: Db, stmts: StatementCache, baseId: string, appliedId: string, createdId: string, includeChanged = false): void {
  for (const kind of RECORD_KINDS) {
    const table = RECORD_TABLES[kind].table;
    const columns = tableColumns(db, table)
      .filter((c) => c !== 'id' && c !== 'sync_id')
      .map(quoteIdent);
    const sql =
      `INSERT INTO ${table} (sync_id, ${columns.join(', ')}) ` +
      `SELECT ?, ${columns.map((c) => `a.${c}`).join(', ')} FROM ${table} a WHERE a.sync_id = ? ` +
      `AND NOT EXISTS (SELECT 1 FROM ${table} b WHERE b.sync_id = ? AND b.external_id = a.external_id` +
      `${includeChanged ? ' AND b.data = a.data' : ''}) ORDER BY a.id`;
    stmts.get(sql).run(createdId, appliedId, baseId);
  }
}

/** Deletes every row of these syncs from every table that has a sync_id column (connector sessions included). */
export function deleteSyncRows(db: Db, stmts: StatementCache, ids: readonly string[]): void {
  const list = JSON.stringify(ids);
  for (const table of syncScopedTables(db)) {
    stmts.get(`DELETE FROM ${quoteIdent(table)} WHERE sync_id IN (SELECT value FROM json_each(?))`).run(list);
  }
}

/**
 * Writes a new database at `targetPath` with the source file's schema (its `sqlite_master` DDL without the helper
 * indexes `shape` lacks) and journal mode, holding only `syncId`'s rows of every sync-scoped table, row ids included.
 * The source file must have no pending transaction. `dropAssets` is the test-only fault clone-drops-assets of issue 5.
 */
export function writeSyncCopy(sourcePath: string, targetPath: string, syncId: string, dropAssets = false, shape: FileShape = NEW_FILE_SHAPE): void {
  const target = new Database(targetPath);
  try {
    target.pragma('journal_mode = DELETE');
    target.pragma('synchronous = OFF');
    target.prepare('ATTACH DATABASE ? AS src').run(sourcePath);
    const ddl = (
      target
        .prepare("SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'table' DESC, rowid")
        .all() as { type: string; name: string; sql: string }[]
    ).filter((row) => !(row.type === 'index' && isAddedHelperIndex(row.name, shape)));
    target.transaction(() => {
      for (const { sql } of ddl) target.exec(sql);
      for (const table of syncScopedTables(target)) {
        if (dropAssets && table === RECORD_TABLES.asset.table) continue;
        const t = quoteIdent(table);
        target.prepare(`INSERT INTO main.${t} SELECT * FROM src.${t} WHERE sync_id = ?`).run(syncId);
      }
    })();
    target.exec('DETACH DATABASE src');
    if (shape.journalMode === 'wal') target.pragma('journal_mode = WAL');
  } finally {
    target.close();
  }
}
