/**
 * Bulk access for the SQLite engine (models/contract/raw.ts): streams a sync's rows in keyset chunks, never holding a table
 * in memory, and loads records in batches, decoding each protobuf record once to fill its extracted columns.
 */
import type { Database } from 'better-sqlite3';
import { StorageError } from '../../models/contract/errors';
import type { RawRecord } from '../../models/contract/raw';
import type { RecordKind } from '../../models/types';
import { formatC1zTime } from '../c1z/timestamps';
import { blobOf, timeOf } from './rows';
import { COLUMNS_FROM_BYTES } from './record-codec';
import type { StatementCache } from './statements';
import { RECORD_KINDS, RECORD_TABLES, type ExtractedColumns } from './tables';
import { upsertSql } from './writers';

const READ_CHUNK = 1000;
/** Records per write batch (a savepoint inside the load's transaction). */
export const LOAD_BATCH = 5000;

interface RawRow {
  readonly id: number;
  readonly external_id: string;
  readonly data: unknown;
  readonly discovered_at: unknown;
  readonly content_type?: unknown;
}

/** Streams every record of one sync, kind by kind, in chunks; `checkOpen` runs before each chunk is read. */
export async function* streamSyncRecords(stmts: StatementCache, syncId: string, checkOpen: () => void): AsyncGenerator<RawRecord> {
  for (const kind of RECORD_KINDS) {
    const t = RECORD_TABLES[kind];
    const extra = kind === 'asset' ? ', content_type' : '';
    const sql =
      `SELECT id, external_id, data, discovered_at${extra} FROM ${t.table} ` +
      'WHERE sync_id = ? AND id > ? ORDER BY id LIMIT ?';
    let after = -Infinity;
    for (;;) {
      checkOpen();
      // Each chunk is read to the end before yielding, so no statement stays busy while the consumer runs.
      const rows = stmts.get(sql).all(syncId, after, READ_CHUNK) as RawRow[];
      for (const row of rows) yield rawRecordOf(kind, row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < READ_CHUNK) break;
      after = last.id;
    }
  }
}

function rawRecordOf(kind: RecordKind, row: RawRow): RawRecord {
  const what = `${kind} ${row.external_id}`;
  const base = { kind, id: row.external_id, discoveredAt: timeOf(row.discovered_at, what), data: blobOf(row.data, what) };
  if (kind !== 'asset') return base;
  return { ...base, contentType: typeof row.content_type === 'string' ? row.content_type : '' };
}

/** The extracted columns of a raw record; a protobuf record that does not decode is CORRUPTION. */
function columnsOf(record: RawRecord): ExtractedColumns {
  if (record.kind === 'asset') {
    if (typeof record.contentType !== 'string') throw new StorageError('INVALID_ARGUMENT', `asset ${record.id} has no content type`);
    return { external_id: record.id, content_type: record.contentType };
  }
  const fromBytes = COLUMNS_FROM_BYTES[record.kind];
  if (fromBytes === undefined) throw new StorageError('INVALID_ARGUMENT', `unknown record kind ${String(record.kind)}`);
  let columns: ExtractedColumns;
  try {
    columns = fromBytes(record.data);
  } catch (err) {
    throw new StorageError('CORRUPTION', `${record.kind} ${record.id}: undecodable record`, { cause: err });
  }
  // The identity is kept as the source stored it.
  return { ...columns, external_id: record.id };
}

/** Writes one batch of raw records into a sync in one (nested) transaction; a repeated identity replaces the earlier. */
export function writeRawBatch(db: Database, stmts: StatementCache, syncId: string, records: readonly RawRecord[]): void {
  // Records of one source call share their discovered_at: format each distinct time once.
  let lastAt: number | undefined;
  let lastText = '';
  db.transaction(() => {
    for (const record of records) {
      if (record.discoveredAt !== lastAt) {
        lastText = formatC1zTime(record.discoveredAt);
        lastAt = record.discoveredAt;
      }
      const t = RECORD_TABLES[record.kind];
      if (t === undefined) throw new StorageError('INVALID_ARGUMENT', `unknown record kind ${String(record.kind)}`);
      if (!(record.data instanceof Uint8Array)) throw new StorageError('INVALID_ARGUMENT', `${record.kind} ${record.id}: data must be bytes`);
      stmts.get(upsertSql(t)).run({
        ...columnsOf(record),
        data: record.data,
        sync_id: syncId,
        discovered_at: lastText,
      });
    }
  })();
}
