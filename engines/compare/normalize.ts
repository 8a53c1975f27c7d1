/**
 * Turns any engine call's outcome into canonical, JSON-serialisable data: the unit of comparison and of history
 * lines. Records are re-encoded and decoded through the protobuf codec, so fields holding defaults vanish and a
 * record as given compares equal to the same record as an engine decoded it; page tokens become `more`/`last`.
 */
import { createHash } from 'node:crypto';
import type { Engine } from '../../models/contract/api';
import { isStorageError } from '../../models/contract/errors';
import {
  decodeEntitlement,
  decodeGrant,
  decodeResource,
  decodeResourceType,
  encodeEntitlement,
  encodeGrant,
  encodeResource,
  encodeResourceType,
} from '../../models/codec';
import type { Entitlement, Grant, Resource, ResourceType } from '../../models/types';
import { jsonText, toHex, toJson, type Json } from './canonical-json';
import { identityOf } from './identity';
import type { Outcome } from './outcome';

/** The methods of the contract (what a tee or a runner calls). */
export type EngineMethod = {
  [K in keyof Engine]: Engine[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Engine];

/** The record kinds whose data goes through the codec. */
type CodecKind = 'resourceType' | 'resource' | 'entitlement' | 'grant';

/** How a method's result is normalised. */
type Shape =
  | { readonly page: CodecKind | 'syncRun' }
  | { readonly stored: CodecKind }
  | { readonly one: 'syncRun' | 'asset' | 'stats' | 'verify' | 'idSet' | 'plain' };

/** Every method's result shape; typed as a full Record so that a new contract method does not compile until listed. */
const SHAPES: Readonly<Record<EngineMethod, Shape>> = {
  listResourceTypes: { page: 'resourceType' },
  listResources: { page: 'resource' },
  listEntitlements: { page: 'entitlement' },
  listGrants: { page: 'grant' },
  listGrantsForEntitlement: { page: 'grant' },
  listGrantsForPrincipal: { page: 'grant' },
  listGrantsForResourceType: { page: 'grant' },
  listSyncRuns: { page: 'syncRun' },
  getResourceType: { stored: 'resourceType' },
  getResource: { stored: 'resource' },
  getEntitlement: { stored: 'entitlement' },
  getGrant: { stored: 'grant' },
  getAsset: { one: 'asset' },
  getSync: { one: 'syncRun' },
  getLatestFinishedSync: { one: 'syncRun' },
  stats: { one: 'stats' },
  startNewSync: { one: 'plain' },
  startSync: { one: 'plain' },
  setCurrentSync: { one: 'plain' },
  currentSyncStep: { one: 'plain' },
  checkpointSync: { one: 'plain' },
  endSync: { one: 'plain' },
  putResourceTypes: { one: 'plain' },
  putResources: { one: 'plain' },
  putEntitlements: { one: 'plain' },
  putGrants: { one: 'plain' },
  deleteGrant: { one: 'plain' },
  putAsset: { one: 'plain' },
  generateSyncDiff: { one: 'plain' },
  cloneSync: { one: 'plain' },
  viewSync: { one: 'plain' },
  cleanup: { one: 'idSet' },
  compact: { one: 'plain' },
  verify: { one: 'verify' },
  close: { one: 'plain' },
};

/** Assets larger than this are represented by their size and SHA-256 instead of their hex bytes. */
export const ASSET_HEX_LIMIT = 4096;

/**
 * Sync tokens longer than this are represented by their length and SHA-256 instead of their text: a store of many
 * syncs with 100 KB tokens would otherwise print megabytes at every comparison of its sync runs.
 */
export const TOKEN_TEXT_LIMIT = 1024;

/** A sync token as compared: its text, or its length and digest when long. */
function normalizeToken(token: unknown): unknown {
  if (typeof token !== 'string' || token.length <= TOKEN_TEXT_LIMIT) return token;
  return `sha256:${createHash('sha256').update(token).digest('hex')} (${token.length} chars)`;
}

/** Methods whose drained list has a contractual order (SPEC §4: sync runs by started_at, then id). */
export const ORDERED_LISTS: ReadonlySet<string> = new Set(['listSyncRuns']);

/** Tells whether a method is a paged list. */
export function isListMethod(method: string): boolean {
  const shape = (SHAPES as Readonly<Record<string, Shape>>)[method];
  return shape !== undefined && 'page' in shape;
}

function encodeRecord(kind: CodecKind, record: unknown): Uint8Array {
  switch (kind) {
    case 'resourceType':
      return encodeResourceType(record as ResourceType);
    case 'resource':
      return encodeResource(record as Resource);
    case 'entitlement':
      return encodeEntitlement(record as Entitlement);
    case 'grant':
      return encodeGrant(record as Grant);
  }
}

function decodeRecord(kind: CodecKind, bytes: Uint8Array): unknown {
  switch (kind) {
    case 'resourceType':
      return decodeResourceType(bytes);
    case 'resource':
      return decodeResource(bytes);
    case 'entitlement':
      return decodeEntitlement(bytes);
    case 'grant':
      return decodeGrant(bytes);
  }
}

/** Normalised records by kind and encoding; cleared when full, so it only ever saves work. */
const RECORDS = new Map<string, Json>();
const MAX_CACHED_RECORDS = 20_000;

function unencodable(err: unknown, record: unknown): Json {
  // A record the codec rejects is an engine bug: keep it visible (and unequal to any valid record).
  return { unencodable: err instanceof Error ? err.message : String(err), value: toJson(record) };
}

/**
 * The canonical data of one record: its codec round trip as JSON (bytes as hex). The codec is deterministic, so
 * equal records have equal encodings: the data is kept per encoding and shared, and every engine's copy of a record
 * (in every list it shows up in) normalises to the same object, decoded and printed once.
 */
export function normalizeRecord(kind: CodecKind, record: unknown): Json {
  let bytes: Uint8Array;
  try {
    bytes = encodeRecord(kind, record);
  } catch (err) {
    return unencodable(err, record);
  }
  const key = `${kind} ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')}`;
  const known = RECORDS.get(key);
  if (known !== undefined) return known;
  let data: Json;
  try {
    data = toJson(decodeRecord(kind, bytes));
  } catch (err) {
    return unencodable(err, record);
  }
  if (RECORDS.size >= MAX_CACHED_RECORDS) RECORDS.clear();
  RECORDS.set(key, data);
  return data;
}

/** A `Stored<T>` as `{ id, t, data }`. */
export function normalizeStored(kind: CodecKind, stored: unknown): Json {
  const s = (stored ?? {}) as { record?: unknown; discoveredAt?: unknown };
  return { id: identityOf(stored), t: toJson(s.discoveredAt), data: normalizeRecord(kind, s.record) };
}

/** A sync run with exactly the contract's fields (engine-specific extra fields are not compared). */
export function normalizeSyncRun(run: unknown): Json {
  if (typeof run !== 'object' || run === null) return toJson(run);
  const r = run as Record<string, unknown>;
  return toJson({
    id: r.id,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    syncToken: normalizeToken(r.syncToken),
    syncType: r.syncType,
    parentSyncId: r.parentSyncId,
  });
}

function byIdentity(a: Json, b: Json): number {
  const x = (a as { id: string }).id;
  const y = (b as { id: string }).id;
  return x < y ? -1 : x > y ? 1 : 0;
}

function normalizePage(kind: CodecKind | 'syncRun', method: string, page: unknown): Json {
  const p = (page ?? {}) as { items?: unknown; nextPageToken?: unknown };
  const raw: readonly unknown[] = Array.isArray(p.items) ? p.items : [];
  const items = raw.map((item) => (kind === 'syncRun' ? normalizeSyncRun(item) : normalizeStored(kind, item)));
  if (!ORDERED_LISTS.has(method)) items.sort(byIdentity);
  return { items, next: p.nextPageToken === '' ? 'last' : 'more' };
}

function normalizeAsset(value: unknown): Json {
  const a = (value ?? {}) as { contentType?: unknown; discoveredAt?: unknown; data?: unknown };
  if (typeof a.data === 'object' && a.data !== null && Symbol.asyncIterator in a.data) {
    throw new TypeError('normalizeOutcome: settle() the asset read before normalising');
  }
  // Data that is neither a stream nor bytes is an engine bug; it stays visible and unequal to any real asset.
  if (!(a.data instanceof Uint8Array)) return { contentType: toJson(a.contentType), t: toJson(a.discoveredAt), data: '[not bytes]' };
  const data =
    a.data.length <= ASSET_HEX_LIMIT
      ? toHex(a.data)
      : `sha256:${createHash('sha256').update(a.data).digest('hex')}`;
  return { contentType: toJson(a.contentType), t: toJson(a.discoveredAt), size: a.data.length, data };
}

function normalizeStats(value: unknown): Json {
  const s = (value ?? {}) as Record<string, unknown>;
  const byType = (s.resourcesByType ?? {}) as Record<string, unknown>;
  const sorted = Object.fromEntries(Object.keys(byType).sort().map((k) => [k, toJson(byType[k])]));
  return { ...(toJson(s) as Record<string, Json>), resourcesByType: sorted };
}

/** Problems and dangling references as sorted `kind@sync` lines: detail texts and counts checked are engine-specific. */
function normalizeVerify(value: unknown): Json {
  const r = (value ?? {}) as { ok?: unknown; problems?: unknown; dangling?: unknown };
  const lines = (list: unknown): Json =>
    (Array.isArray(list) ? list : [])
      .map((p: { kind?: unknown; syncId?: unknown }) => `${String(p.kind)}@${String(p.syncId)}`)
      .sort();
  return { ok: toJson(r.ok), problems: lines(r.problems), dangling: lines(r.dangling) };
}

function normalizeOne(kind: 'syncRun' | 'asset' | 'stats' | 'verify' | 'idSet' | 'plain', value: unknown): Json {
  switch (kind) {
    case 'syncRun':
      return value === undefined || value === null ? null : normalizeSyncRun(value);
    case 'asset':
      return normalizeAsset(value);
    case 'stats':
      return normalizeStats(value);
    case 'verify':
      return normalizeVerify(value);
    case 'idSet':
      return Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : toJson(value);
    case 'plain':
      return toJson(value);
  }
}

/** An error as `{ error: code }`; anything but a StorageError is `UNCODED` with its class name (a contract bug). */
export function normalizeError(error: unknown): Json {
  if (isStorageError(error)) return { error: error.code };
  return { error: 'UNCODED', name: error instanceof Error ? error.name : typeof error };
}

/** Tells whether a normalised value is an error. */
export function isNormalizedError(value: Json): value is { readonly error: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { error?: unknown }).error === 'string';
}

/** Normalises the outcome of `method` (an unknown method's value is plain canonical JSON). */
export function normalizeOutcome(method: string, outcome: Outcome): Json {
  if (!outcome.ok) return normalizeError(outcome.error);
  const shape = (SHAPES as Readonly<Record<string, Shape>>)[method];
  if (shape === undefined) return toJson(outcome.value);
  if ('page' in shape) return normalizePage(shape.page, method, outcome.value);
  if ('stored' in shape) return normalizeStored(shape.stored, outcome.value);
  return normalizeOne(shape.one, outcome.value);
}

/** The one-line text of a normalised outcome, as history lines show it. */
export function outcomeText(method: string, outcome: Outcome): string {
  return jsonText(normalizeOutcome(method, outcome));
}
