/**
 * What the model stores: per location, a map of syncs; per sync, one map per record kind from identity to entry.
 * Locations live in a process-wide registry, so a store outlives the engine that opened it (reopen and clone).
 */
import type { Micros, SyncRun } from '../types';
import type { AssetEntry, EntitlementEntry, GrantEntry, ResourceEntry, ResourceTypeEntry } from './entries';

/** One sync: its run and its records, keyed by identity (a resource by its `type:id`). */
export interface SyncData {
  run: SyncRun;
  readonly resourceTypes: Map<string, ResourceTypeEntry>;
  readonly resources: Map<string, ResourceEntry>;
  readonly entitlements: Map<string, EntitlementEntry>;
  readonly grants: Map<string, GrantEntry>;
  readonly assets: Map<string, AssetEntry>;
}

/** One store: its syncs by id. */
export interface StoreState {
  readonly syncs: Map<string, SyncData>;
}

/** The record maps of a sync, for code that treats every kind alike. */
export const RECORD_MAPS = ['resourceTypes', 'resources', 'entitlements', 'grants', 'assets'] as const;

const registry = new Map<string, StoreState>();

/** The store at `location`, created empty when the registry has none. */
export function storeAt(location: string): StoreState {
  let state = registry.get(location);
  if (state === undefined) {
    state = { syncs: new Map() };
    registry.set(location, state);
  }
  return state;
}

/** True when the registry holds a store at `location`. */
export function storeExists(location: string): boolean {
  return registry.has(location);
}

/** Registers `state` at a location that must be free (the caller checks). */
export function registerStore(location: string, state: StoreState): void {
  registry.set(location, state);
}

/** Removes the store at `location` from the registry (test and harness cleanup); true when one was there. */
export function dropMemoryStore(location: string): boolean {
  return registry.delete(location);
}

/** A copy of a sync run holding only the fields of SyncRun, frozen. */
export function copyRun(run: SyncRun): SyncRun {
  const base = {
    id: run.id,
    startedAt: run.startedAt,
    syncToken: run.syncToken,
    syncType: run.syncType,
    parentSyncId: run.parentSyncId,
  };
  // A bulk load may hand over `null` for a running sync; the model keeps running syncs without the field.
  const endedAt: number | null | undefined = run.endedAt;
  return Object.freeze(endedAt === undefined || endedAt === null ? base : { ...base, endedAt });
}

/** A sync with `run` and no records. */
export function emptySync(run: SyncRun): SyncData {
  return {
    run: copyRun(run),
    resourceTypes: new Map(),
    resources: new Map(),
    entitlements: new Map(),
    grants: new Map(),
    assets: new Map(),
  };
}

/** A sync with `run` holding the same (immutable) entries as `source`, in maps of its own. */
export function copySync(source: SyncData, run: SyncRun = source.run): SyncData {
  return {
    run: copyRun(run),
    resourceTypes: new Map(source.resourceTypes),
    resources: new Map(source.resources),
    entitlements: new Map(source.entitlements),
    grants: new Map(source.grants),
    assets: new Map(source.assets),
  };
}

/** A new sync run that has just been started at `now`. */
export function startedRun(id: string, now: Micros, syncType: SyncRun['syncType'], parentSyncId: string): SyncRun {
  return { id, startedAt: now, syncToken: '', syncType, parentSyncId };
}
