/** Turns stored rows back into values: blobs into records, text timestamps into micros, sync run rows into runs. */
import type { Stored } from '../../models/contract/api';
import { StorageError } from '../../models/contract/errors';
import { parseC1zTime } from '../c1z/timestamps';
import { SYNC_TYPES, type Micros, type SyncRun, type SyncType } from '../../models/types';

/** A row carrying a record: its blob and its discovered_at text. */
export interface RecordRow {
  readonly id: number;
  readonly data: unknown;
  readonly discovered_at: unknown;
}

/** A row of v1_sync_runs. */
export interface SyncRunRow {
  readonly sync_id: string;
  readonly started_at: unknown;
  readonly ended_at: unknown;
  readonly sync_token: unknown;
  readonly sync_type: unknown;
  readonly parent_sync_id: unknown;
}

/** A plain Uint8Array over the same memory as a Buffer, so records never carry Buffer's prototype. */
export function bytesView(buf: Uint8Array): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Returns a blob column's bytes; CORRUPTION when the column holds anything but a blob. */
export function blobOf(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new StorageError('CORRUPTION', `${what}: data is not a blob`);
  return bytesView(value);
}

/** Decodes a record blob; any decoding failure is CORRUPTION with the codec's error as cause. */
export function decodeBlob<T>(decode: (bytes: Uint8Array) => T, value: unknown, what: string): T {
  const bytes = blobOf(value, what);
  try {
    return decode(bytes);
  } catch (err) {
    throw new StorageError('CORRUPTION', `${what}: undecodable record`, { cause: err });
  }
}

// The last timestamp parsed: rows written by one call share their discovered_at, so a page or a bulk read parses
// each distinct text once instead of once per row (parsing was a tenth of a bulk read's time).
let lastText: string | undefined;
let lastMicros: Micros = 0;

/** Parses a stored timestamp; CORRUPTION when it is not c1z timestamp text. */
export function timeOf(value: unknown, what: string): Micros {
  if (typeof value !== 'string') throw new StorageError('CORRUPTION', `${what}: timestamp is not text`);
  if (value !== lastText) {
    lastMicros = parseC1zTime(value);
    lastText = value;
  }
  return lastMicros;
}

/** Decodes a record row into a stored record. */
export function storedOf<T>(row: RecordRow, decode: (bytes: Uint8Array) => T, what: string): Stored<T> {
  return { record: decodeBlob(decode, row.data, what), discoveredAt: timeOf(row.discovered_at, what) };
}

function syncTypeOf(value: unknown, what: string): SyncType {
  // Rows written before sync types existed carry an empty type; the Go SDK reads them as full syncs.
  if (value === '' || value === null) return 'full';
  if (typeof value === 'string' && (SYNC_TYPES as readonly string[]).includes(value)) return value as SyncType;
  throw new StorageError('CORRUPTION', `${what}: unknown sync type ${JSON.stringify(value)}`);
}

/** Reads a v1_sync_runs row as a SyncRun (ended_at NULL means running). */
export function syncRunOf(row: SyncRunRow): SyncRun {
  const what = `sync run ${row.sync_id}`;
  const base = {
    id: row.sync_id,
    startedAt: timeOf(row.started_at, what),
    syncToken: typeof row.sync_token === 'string' ? row.sync_token : '',
    syncType: syncTypeOf(row.sync_type, what),
    parentSyncId: typeof row.parent_sync_id === 'string' ? row.parent_sync_id : '',
  };
  return row.ended_at === null || row.ended_at === undefined ? base : { ...base, endedAt: timeOf(row.ended_at, what) };
}
