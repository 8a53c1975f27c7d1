/**
 * What a saved c1z keeps of the file it was opened from (SPEC §8): its schema and its journal mode. The engine's
 * helper indexes (`idx_parity_*`) exist in the working copy only: before a copy is compressed into a c1z they are
 * dropped, the pages they held are reclaimed, and the journal mode the file had is set back.
 */
import type { Database } from 'better-sqlite3';

/** The parts of a file's shape that the working copy changes. */
export interface FileShape {
  /** Every index the file had when opened (a file saved by an older version may hold helper indexes: they stay). */
  readonly indexes: ReadonlySet<string>;
  /** `wal` or `delete`: the only journal modes a database file records (in its header). */
  readonly journalMode: 'wal' | 'delete';
}

/** A new file gets what the Go SDK writes: both fixture files it wrote are in WAL mode. */
export const NEW_FILE_SHAPE: FileShape = { indexes: new Set(), journalMode: 'wal' };

const HELPER_PREFIX = 'idx_parity_';

/** Reads the shape of a database just opened, before the working copy changes anything. */
export function readFileShape(db: Database): FileShape {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[];
  const mode = String(db.pragma('journal_mode', { simple: true }));
  return { indexes: new Set(rows.map((r) => r.name)), journalMode: mode === 'wal' ? 'wal' : 'delete' };
}

/** Tells whether an index is one of the engine's helpers that the file did not have. */
export function isAddedHelperIndex(name: string, shape: FileShape): boolean {
  return name.startsWith(HELPER_PREFIX) && !shape.indexes.has(name);
}

/** Sets a database back to `shape`: drops the helper indexes it did not have, reclaims their pages, restores the journal mode. */
export function restoreFileShape(db: Database, shape: FileShape): void {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => isAddedHelperIndex(name, shape));
  if (names.length > 0) {
    db.transaction(() => {
      for (const name of names) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
    })();
    // Without it the dropped indexes' pages stay in the file as free pages: the decoded file would keep their size.
    db.exec('VACUUM');
  }
  db.pragma(`journal_mode = ${shape.journalMode === 'wal' ? 'WAL' : 'DELETE'}`);
}
