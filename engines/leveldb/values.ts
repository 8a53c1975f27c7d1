/**
 * Value formats of the LevelDB store: the record envelope `(discovered_at, content type, bytes)`, the sync-run
 * document and the per-sync counters. Every decoder throws CORRUPTION on bytes it cannot read.
 */
import type { Micros, SyncRun } from '../../models/types';
import { SYNC_TYPES } from '../../models/types';
import { StorageError } from '../../models/contract/errors';

/** A decoded record envelope. */
export interface Envelope {
  readonly discoveredAt: Micros;
  /** Assets only; '' for every other record. */
  readonly contentType: string;
  /** Protobuf bytes of the record, or an asset's bytes. */
  readonly data: Buffer;
}

const ENVELOPE_FORMAT = 1;
const HEADER = 1 + 8 + 4;

/** Encodes a record envelope: format byte, discovered_at (int64 BE), content type (uint32 length + UTF-8), bytes. */
export function encodeEnvelope(discoveredAt: Micros, contentType: string, data: Uint8Array): Buffer {
  const ct = Buffer.from(contentType, 'utf8');
  const out = Buffer.allocUnsafe(HEADER + ct.length + data.length);
  out[0] = ENVELOPE_FORMAT;
  // int64 as two 32-bit halves, exact for safe integers: a BigInt per record cost more than the rest of the envelope.
  const high = Math.floor(discoveredAt / 0x1_0000_0000);
  out.writeInt32BE(high, 1);
  out.writeUInt32BE(discoveredAt - high * 0x1_0000_0000, 5);
  out.writeUInt32BE(ct.length, 9);
  ct.copy(out, HEADER);
  out.set(data, HEADER + ct.length);
  return out;
}

/** Decodes a record envelope; `data` shares memory with `value`. */
export function decodeEnvelope(value: Uint8Array): Envelope {
  const buf = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (buf.length < HEADER || buf[0] !== ENVELOPE_FORMAT) throw new StorageError('CORRUPTION', 'malformed record envelope');
  // Exact whenever the stored value is a safe integer; any other value comes out unsafe and is rejected below.
  const discoveredAt = buf.readInt32BE(1) * 0x1_0000_0000 + buf.readUInt32BE(5);
  const ctLength = buf.readUInt32BE(9);
  if (!Number.isSafeInteger(discoveredAt) || HEADER + ctLength > buf.length) {
    throw new StorageError('CORRUPTION', 'malformed record envelope');
  }
  // Only assets carry a content type; checking that it round-trips as UTF-8 costs an allocation, so skip it when empty.
  let contentType = '';
  if (ctLength > 0) {
    const ct = buf.subarray(HEADER, HEADER + ctLength);
    contentType = ct.toString('utf8');
    if (!Buffer.from(contentType, 'utf8').equals(ct)) throw new StorageError('CORRUPTION', 'record envelope: bad content type');
  }
  return { discoveredAt, contentType, data: buf.subarray(HEADER + ctLength) };
}

interface SyncRunDoc {
  s: number;
  e: number | null;
  t: string;
  y: string;
  p: string;
}

/** Encodes a sync run's stored fields (its id is the key). */
export function encodeSyncRun(run: SyncRun): Buffer {
  const doc: SyncRunDoc = { s: run.startedAt, e: run.endedAt ?? null, t: run.syncToken, y: run.syncType, p: run.parentSyncId };
  return Buffer.from(JSON.stringify(doc), 'utf8');
}

/** Decodes a sync run stored under `id`. */
export function decodeSyncRun(id: string, value: Uint8Array): SyncRun {
  let doc: Partial<SyncRunDoc>;
  try {
    doc = JSON.parse(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8')) as Partial<SyncRunDoc>;
  } catch (err) {
    throw new StorageError('CORRUPTION', `sync run ${JSON.stringify(id)}: malformed value`, { cause: err });
  }
  const ok =
    typeof doc === 'object' &&
    doc !== null &&
    Number.isSafeInteger(doc.s) &&
    (doc.e === null || Number.isSafeInteger(doc.e)) &&
    typeof doc.t === 'string' &&
    typeof doc.p === 'string' &&
    (SYNC_TYPES as readonly unknown[]).includes(doc.y);
  if (!ok) throw new StorageError('CORRUPTION', `sync run ${JSON.stringify(id)}: malformed value`);
  const d = doc as SyncRunDoc;
  const base = { id, startedAt: d.s, syncToken: d.t, syncType: d.y as SyncRun['syncType'], parentSyncId: d.p };
  return d.e === null ? base : { ...base, endedAt: d.e };
}

/** Encodes a counter. */
export function encodeCount(n: number): Buffer {
  return Buffer.from(String(n), 'ascii');
}

/** Decodes a counter; absent means zero. */
export function decodeCount(value: Uint8Array | undefined): number {
  if (value === undefined) return 0;
  const text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('ascii');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) throw new StorageError('CORRUPTION', 'malformed counter');
  return Number(text);
}
