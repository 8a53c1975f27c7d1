/**
 * Record writers: every put or delete updates the primary record, its index entries and the sync's counters in one
 * atomic batch. Old records are read first so a replaced record leaves no index entry behind, and items of one call
 * apply in order against an in-call state map (plain puts: last duplicate wins; ifNewer: first wins on a tie).
 */
import type { FaultName } from '../base/faults';
import type { PreparedEntitlement, PreparedGrant, PreparedResource, PreparedResourceType } from '../base/prepared';
import type { Micros } from '../../models/types';
import { EMPTY, type Db } from './db';
import {
  countByTypeKey,
  countKey,
  entitlementIndexKeys,
  grantIndexKeys,
  Kind,
  key,
  resourceIndexKeys,
  resourceKey,
  type RecordKindByte,
} from './layout';
import { grantSpec, SPECS } from './records';
import { decodeEnvelope, encodeEnvelope } from './values';
import { WriteSet } from './write-set';

/** One record to write, already keyed. */
export interface PutItem {
  readonly key: Buffer;
  readonly indexKeys: readonly Buffer[];
  readonly contentType: string;
  readonly data: Uint8Array;
  /** Resources only: the type counted in resourcesByType. */
  readonly typeId?: string;
}

/** What the call knows about a record identity: its time and (lazily) its index keys; null when absent. */
type Current = { readonly discoveredAt: Micros; readonly indexKeys: () => readonly Buffer[] } | null;

/** The index keys of a stored value of `kind` in `syncId` (assets have none). */
export function storedIndexKeys(kind: RecordKindByte, syncId: string, value: Buffer): Buffer[] {
  const spec = SPECS[kind];
  if (spec === undefined) return [];
  return spec.indexKeys(syncId, spec.decode(decodeEnvelope(value).data));
}

/** Writes `items` of one kind into `syncId` in one batch, with the contract's in-call ordering rules. */
export async function putRecords(
  db: Db,
  syncId: string,
  kind: RecordKindByte,
  items: readonly PutItem[],
  ifNewer: boolean,
  now: Micros,
  fault: (name: FaultName) => boolean = () => false,
): Promise<void> {
  const ids = items.map((item) => item.key.toString('latin1'));
  const unique = new Map<string, Buffer>();
  items.forEach((item, i) => unique.set(ids[i] as string, item.key));
  // Point reads: getSync avoids a promise round trip for the usual small call; getMany serves big ones.
  const keys = [...unique.values()];
  const stored = keys.length <= 64 ? keys.map((k) => db.getSync(k)) : await db.getMany(keys);
  const state = new Map<string, Current>();
  [...unique.keys()].forEach((id, i) => {
    const value = stored[i];
    state.set(id, value === undefined ? null : { discoveredAt: decodeEnvelope(value).discoveredAt, indexKeys: () => storedIndexKeys(kind, syncId, value) });
  });
  const ws = new WriteSet();
  // Test-only faults (issue 5), looked up once per call.
  const firstWins = fault('batch-first-duplicate-wins') ? new Set<string>() : undefined;
  const keepPrincipalEntry = fault('stale-principal-index');
  const countReplaced = fault('count-on-replace');
  items.forEach((item, i) => {
    const id = ids[i] as string;
    const cur = state.get(id) ?? null;
    if (ifNewer && cur !== null && !(cur.discoveredAt < now)) return;
    if (firstWins !== undefined && !ifNewer) {
      if (firstWins.has(id)) return;
      firstWins.add(id);
    }
    // A kind's index keys come in a fixed order of index kinds, so an unchanged entry sits at the same position
    // and needs no write; a changed or vanished one is deleted.
    const old = cur === null ? [] : cur.indexKeys();
    old.forEach((o, at) => {
      if (item.indexKeys[at]?.equals(o) !== true && !(keepPrincipalEntry && o[1] === Kind.grantByPrincipal)) ws.del(o);
    });
    item.indexKeys.forEach((k, at) => {
      if (old[at]?.equals(k) !== true) ws.put(k, EMPTY);
    });
    if (cur === null || countReplaced) {
      ws.count(countKey(syncId, kind), 1);
      if (item.typeId !== undefined) ws.count(countByTypeKey(syncId, item.typeId), 1);
    }
    ws.put(item.key, encodeEnvelope(now, item.contentType, item.data));
    const indexKeys = item.indexKeys;
    state.set(id, { discoveredAt: now, indexKeys: () => indexKeys });
  });
  await ws.commit(db);
}

/** Keys a prepared resource type. */
export function resourceTypeItem(syncId: string, p: PreparedResourceType): PutItem {
  return { key: key(Kind.resourceType, syncId, p.id), indexKeys: [], contentType: '', data: p.data };
}

/** Keys a prepared resource. */
export function resourceItem(syncId: string, p: PreparedResource): PutItem {
  return {
    key: resourceKey(syncId, p.id),
    indexKeys: resourceIndexKeys(syncId, { id: p.id, parent: p.parent }),
    contentType: '',
    data: p.data,
    typeId: p.id.resourceType,
  };
}

/** Keys a prepared entitlement. */
export function entitlementItem(syncId: string, p: PreparedEntitlement): PutItem {
  return { key: key(Kind.entitlement, syncId, p.id), indexKeys: entitlementIndexKeys(syncId, p), contentType: '', data: p.data };
}

/** Keys a prepared grant. */
export function grantItem(syncId: string, p: PreparedGrant): PutItem {
  return { key: key(Kind.grant, syncId, p.id), indexKeys: grantIndexKeys(syncId, p), contentType: '', data: p.data };
}

/** Keys an asset. */
export function assetItem(syncId: string, id: string, contentType: string, data: Uint8Array): PutItem {
  return { key: key(Kind.asset, syncId, id), indexKeys: [], contentType, data };
}

/** Deletes a grant with its index entries; true when one was there (`leaveEntitlementEntry`: a fault of issue 5). */
export async function deleteGrant(db: Db, syncId: string, id: string, leaveEntitlementEntry = false): Promise<boolean> {
  const k = key(Kind.grant, syncId, id);
  const value = db.getSync(k);
  if (value === undefined) return false;
  const ws = new WriteSet();
  for (const idx of grantSpec.indexKeys(syncId, grantSpec.decode(decodeEnvelope(value).data))) {
    if (!(leaveEntitlementEntry && idx[1] === Kind.grantByEntitlement)) ws.del(idx);
  }
  ws.del(k);
  ws.count(countKey(syncId, Kind.grant), -1);
  await ws.commit(db);
  return true;
}
