/**
 * Writes a realistic c1z of a given size from the benchmark's dataset (harness/dataset/dataset.ts): resource types, resources
 * with parents, entitlements, grants with the dataset's fan-out, two small assets, and several finished full syncs
 * that differ a little from one another as consecutive syncs of a real connector do (about 1 % of grants dropped and
 * 2 % of users renamed per sync). Records stream into the SQLite engine's bulk loader, never held whole in memory; the
 * same options give the same file, byte for byte.
 */
import { rm } from 'node:fs/promises';
import type { RawRecord } from '../../models/contract/raw';
import { sqliteFactory } from '../../engines/sqlite';
import { asRawStore } from '../../engines/base/transfer';
import { encodeEntitlement, encodeGrant, encodeResource, encodeResourceType } from '../../models/codec';
import type { Micros, SyncRun } from '../../models/types';
import { entitlementAt, grantAt, resourceAt, resourceCount, resourceTypes, shapeFor, type DatasetShape } from './dataset';
import { mix } from './hash';

/** What `synth` writes. */
export interface SynthOptions {
  /** Grants of the first sync (later syncs drop about 1 % of them). */
  readonly grants: number;
  readonly syncs: number;
  readonly seed: number;
}

/** What `synth` wrote. */
export interface SynthResult {
  readonly syncs: number;
  readonly records: number;
}

/** The first sync starts at 2026-01-01T00:00:00Z; each later one a day after the previous. */
const EPOCH: Micros = Date.UTC(2026, 0, 1) * 1000;
const DAY: Micros = 24 * 3600 * 1_000_000;
/** A sync runs for about this long (its records are discovered across that span). */
const SYNC_SPAN: Micros = 20 * 60 * 1_000_000;

/** The id of sync `k`: 27 characters like the Go SDK's KSUIDs, derived from the seed. */
export function synthSyncId(seed: number, k: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < 27; i++) out += alphabet[mix(mix(seed, k), i) % alphabet.length];
  return out;
}

/** True when grant `i` is missing from sync `k` (the first sync has every grant). */
function dropped(seed: number, k: number, i: number): boolean {
  return k > 0 && mix(mix(seed, 0x51ed + k), i) % 100 === 0;
}

/** True when user resource `i` carries sync `k`'s renamed display name. */
function renamed(seed: number, k: number, i: number): boolean {
  return k > 0 && mix(mix(seed, 0xa11ce + k), i) % 50 === 0;
}

/** The run of sync `k`: a finished full sync; its parent is empty, as in connector syncs. */
function runOf(o: SynthOptions, k: number): SyncRun {
  const startedAt = EPOCH + k * DAY;
  return { id: synthSyncId(o.seed, k), startedAt, endedAt: startedAt + SYNC_SPAN + 1, syncToken: '', syncType: 'full', parentSyncId: '' };
}

/** Two assets per sync (an icon and a logo), a few hundred bytes each, derived from the seed. */
function assetBytes(seed: number, k: number, n: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = mix(mix(seed, k * 7 + n), i) & 0xff;
  return out;
}

/** Every record of sync `k`, kind by kind; discovered_at moves forward through the sync's span. */
function* syncRecords(s: DatasetShape, o: SynthOptions, k: number): Generator<RawRecord> {
  const start = EPOCH + k * DAY;
  const total = resourceCount(s) + s.entitlements + s.grants;
  let n = 0;
  const at = (): Micros => start + Math.floor((n++ * SYNC_SPAN) / Math.max(1, total));
  for (const rt of resourceTypes()) yield { kind: 'resourceType', id: rt.id, discoveredAt: start, data: encodeResourceType(rt) };
  for (let i = 0; i < resourceCount(s); i++) {
    const base = resourceAt(s, i);
    const r = i < s.users && renamed(o.seed, k, i) ? { ...base, displayName: `${base.displayName} (renamed in sync ${k})` } : base;
    yield { kind: 'resource', id: `${r.id.resourceType}:${r.id.resource}`, discoveredAt: at(), data: encodeResource(r) };
  }
  for (let e = 0; e < s.entitlements; e++) {
    const ent = entitlementAt(s, e);
    yield { kind: 'entitlement', id: ent.id, discoveredAt: at(), data: encodeEntitlement(ent) };
  }
  for (let i = 0; i < s.grants; i++) {
    if (dropped(o.seed, k, i)) continue;
    const g = grantAt(s, i);
    yield { kind: 'grant', id: g.id, discoveredAt: at(), data: encodeGrant(g) };
  }
  yield { kind: 'asset', id: 'icon', discoveredAt: start, data: assetBytes(o.seed, k, 0, 256), contentType: 'image/png' };
  yield { kind: 'asset', id: 'logo', discoveredAt: start, data: assetBytes(o.seed, k, 1, 512), contentType: 'image/svg+xml' };
}

/** Counts the records a generator yields. */
function* counted(records: Iterable<RawRecord>, counter: { n: number }): Generator<RawRecord> {
  for (const r of records) {
    counter.n += 1;
    yield r;
  }
}

/** Adapts a synchronous generator to the AsyncIterable the bulk loader takes. */
async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Writes a new c1z at `out` (which must not exist); the engine's clock is never read, so the file is deterministic. */
export async function writeSynthC1z(out: string, o: SynthOptions, onSync?: (k: number) => void): Promise<SynthResult> {
  const s = shapeFor(o.grants, o.seed);
  const store = asRawStore(await sqliteFactory.open(out, { clock: () => EPOCH, newSyncId: () => 'unused', durable: true }));
  const counter = { n: 0 };
  try {
    for (let k = 0; k < o.syncs; k++) {
      onSync?.(k);
      await store.rawLoadSync(runOf(o, k), asAsync(counted(syncRecords(s, o, k), counter)));
    }
  } catch (err) {
    // Never leave a half-written file behind: the store is saved at close, so close it and remove what it wrote.
    await store.close().catch(() => undefined);
    await rm(out, { force: true });
    throw err;
  }
  await store.close();
  return { syncs: o.syncs, records: counter.n };
}
