/**
 * A c1z opened for streaming reads: decompressed once into a private temp directory and read with plain SQL in row-id
 * order, so that a sync can be cut into bounded chunks (row-id ranges per table) and each chunk read as often as
 * needed without ever holding a table in memory. The file is never written.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { decompressC1z, type C1zLimits } from '../../engines/c1z/container';
import { StorageError } from '../../models/contract/errors';
import type { RawRecord } from '../../models/contract/raw';
import { blobOf, syncRunOf, timeOf, type SyncRunRow } from '../../engines/sqlite/rows';
import { missingColumn } from '../../engines/sqlite/schema';
import { RECORD_KINDS, RECORD_TABLES } from '../../engines/sqlite/tables';
import { compareSyncRuns } from '../../engines/base/sync-rules';
import type { RecordKind, SyncRun } from '../../models/types';

const READ_CHUNK = 1000;

/** Decompressed copies still open; removed at process exit if an error or an early exit skipped `close()`. */
const openDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of openDirs) rmSync(dir, { recursive: true, force: true });
});

/** Rows `(after, last]` of one table in one sync; `last` undefined means to the end. */
export interface RowRange {
  readonly kind: RecordKind;
  readonly after: number;
  readonly last: number | undefined;
  readonly rows: number;
}

/** A bounded slice of one sync: row ranges of one or more tables, at most `maxRecords` rows in all. */
export interface SyncChunk {
  readonly syncId: string;
  readonly index: number;
  readonly ranges: readonly RowRange[];
  readonly records: number;
}

interface RawRow {
  readonly id: number;
  readonly external_id: string;
  readonly data: unknown;
  readonly discovered_at: unknown;
  readonly content_type?: unknown;
}

/** A decompressed, read-only c1z. */
export class C1zSource {
  private constructor(
    readonly file: string,
    readonly db: Db,
    private readonly dir: string,
  ) {}

  /** Decompresses `file` (CORRUPTION when it is not a c1z v1 store) and opens it read-only. */
  static async open(file: string, limits: C1zLimits = {}): Promise<C1zSource> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-parity-source-'));
    try {
      const dbPath = path.join(dir, 'source.db');
      await decompressC1z(file, dbPath, limits);
      const db = new Database(dbPath, { readonly: true });
      try {
        const missing = missingColumn(db);
        if (missing !== undefined) throw new StorageError('CORRUPTION', `${file}: not a c1z v1 database (${missing} is missing)`);
      } catch (err) {
        db.close();
        throw err;
      }
      openDirs.add(dir);
      return new C1zSource(file, db, dir);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** Every sync run, in listSyncRuns order. */
  syncRuns(): SyncRun[] {
    const rows = this.db.prepare('SELECT sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id FROM v1_sync_runs').all() as SyncRunRow[];
    return rows.map(syncRunOf).sort(compareSyncRuns);
  }

  /** Cuts one sync into chunks of at most `maxRecords` records, tables in streaming order. */
  *chunks(syncId: string, maxRecords: number): Generator<SyncChunk> {
    let ranges: RowRange[] = [];
    let records = 0;
    let index = 0;
    for (const kind of RECORD_KINDS) {
      const table = RECORD_TABLES[kind].table;
      const nth = this.db.prepare(`SELECT id FROM ${table} WHERE sync_id = ? AND id > ? ORDER BY id LIMIT 1 OFFSET ?`).pluck();
      const rest = this.db.prepare(`SELECT count(*) FROM ${table} WHERE sync_id = ? AND id > ?`).pluck();
      let after = -Infinity;
      for (;;) {
        const room = maxRecords - records;
        const last = nth.get(syncId, after, room - 1) as number | undefined;
        if (last === undefined) {
          const rows = rest.get(syncId, after) as number;
          if (rows > 0) ranges.push({ kind, after, last: undefined, rows });
          records += rows;
          break;
        }
        ranges.push({ kind, after, last, rows: room });
        yield { syncId, index: index++, ranges, records: maxRecords };
        ranges = [];
        records = 0;
        after = last;
      }
    }
    if (records > 0 || index === 0) yield { syncId, index, ranges, records };
  }

  /** Streams the records of one chunk, in row-id order, reading a thousand rows at a time. */
  async *records(chunk: SyncChunk): AsyncGenerator<RawRecord> {
    for (const range of chunk.ranges) {
      const t = RECORD_TABLES[range.kind];
      const extra = range.kind === 'asset' ? ', content_type' : '';
      const upTo = range.last === undefined ? '' : ' AND id <= ?';
      const stmt = this.db.prepare(`SELECT id, external_id, data, discovered_at${extra} FROM ${t.table} WHERE sync_id = ? AND id > ?${upTo} ORDER BY id LIMIT ?`);
      let after = range.after;
      for (;;) {
        const args = range.last === undefined ? [chunk.syncId, after, READ_CHUNK] : [chunk.syncId, after, range.last, READ_CHUNK];
        const rows = stmt.all(...args) as RawRow[];
        for (const row of rows) yield rawRecordOf(range.kind, row);
        const tail = rows[rows.length - 1];
        if (tail === undefined || rows.length < READ_CHUNK) break;
        after = tail.id;
      }
    }
  }

  /** Closes the database and removes the decompressed copy. */
  async close(): Promise<void> {
    try {
      this.db.close();
    } finally {
      openDirs.delete(this.dir);
      await rm(this.dir, { recursive: true, force: true });
    }
  }
}

function rawRecordOf(kind: RecordKind, row: RawRow): RawRecord {
  const what = `${kind} ${row.external_id}`;
  const base = { kind, id: row.external_id, discoveredAt: timeOf(row.discovered_at, what), data: blobOf(row.data, what) };
  if (kind !== 'asset') return base;
  return { ...base, contentType: typeof row.content_type === 'string' ? row.content_type : '' };
}
