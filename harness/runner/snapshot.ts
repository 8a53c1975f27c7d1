/**
 * A full snapshot of one engine: every reader on every sync (named explicitly), with every filter value in use (and
 * near misses), drained at two page sizes, plus per-engine invariants: paging drains cleanly, every listed record
 * passes its filter, two page sizes drain to the same set, and `get` agrees with `list`. Snapshots of different
 * engines are compared entry by entry.
 */
import type { Engine, Page, Stored } from '../../engines/api';
import { drainList, normalizeOutcome, settle, type Json, type Outcome } from '../compare';
import { canonicalJson } from '../compare/canonical-json';
import { SYNC_TYPES, type Entitlement, type Grant, type Resource, type ResourceId, type ResourceType, type SyncRun } from '../../models/types';
import { filterValues, matchesFilter, type ListCall } from './snapshot-filters';

/** An invariant one engine broke on its own; `expected`/`actual` hold the two results that should agree. */
export interface SnapshotViolation {
  readonly detail: string;
  readonly expected?: Json;
  readonly actual?: Json;
}

/** A snapshot: normalised results by a stable key, and the invariants this engine broke on its own. */
export interface Snapshot {
  readonly entries: Map<string, Json>;
  readonly violations: SnapshotViolation[];
}

/** What to snapshot beyond what the store lists by itself. */
export interface SnapshotOptions {
  /** Asset ids to read in every sync (the store has no asset list). */
  readonly assetIds: readonly string[];
  /** The page size of the main drain; a second drain uses `altPageSize`. */
  readonly pageSize: number;
  readonly altPageSize: number;
  /** At most this many values per filter (spread evenly over the sorted values). */
  readonly maxFilterValues: number;
  /** At most this many records per kind whose `get` is checked against the list. */
  readonly maxGets: number;
  /** `all` syncs, or only the `latest` (last in listSyncRuns order): intermediate snapshots stay cheap. */
  readonly syncs: 'all' | 'latest';
}

/** Defaults sized for fuzz runs: cheap on small stores, bounded on big batches. */
export const SNAPSHOT_DEFAULTS: SnapshotOptions = { assetIds: [], pageSize: 0, altPageSize: 3, maxFilterValues: 6, maxGets: 20, syncs: 'all' };

const ok = (value: unknown): Outcome => ({ ok: true, value });

/** The key prefix of the entries read with no sync named; a reopen legitimately changes them (no current or view sync). */
export const DEFAULT_TARGET = 'default ';

function ridText(id: ResourceId): string {
  return `${id.resourceType}/${id.resource}`;
}

/** Takes a snapshot of `engine`. */
export async function takeSnapshot(engine: Engine, options: Partial<SnapshotOptions> = {}): Promise<Snapshot> {
  const o = { ...SNAPSHOT_DEFAULTS, ...options };
  const entries = new Map<string, Json>();
  const violations: SnapshotViolation[] = [];

  /** Drains one list twice (two page sizes), records the entry and checks the paging and filter invariants. */
  async function list<T>(key: string, call: ListCall<T>): Promise<T[]> {
    const method = call.method;
    const drain = async (size: number): Promise<{ outcome: Outcome; items: T[] }> => {
      try {
        const d = await drainList((pageToken) => call.run({ pageSize: size, pageToken }) as Promise<Page<T>>, size);
        for (const v of d.violations) violations.push({ detail: `${key} (page size ${size}): ${v.rule}: ${v.detail}` });
        return { outcome: ok({ items: d.items, nextPageToken: '' }), items: d.items };
      } catch (error) {
        return { outcome: { ok: false, error }, items: [] };
      }
    };
    const main = await drain(o.pageSize);
    const value = normalizeOutcome(method, main.outcome);
    entries.set(key, value);
    // A second page size on the unfiltered lists only: filtered lists are paged at random sizes by the ops themselves.
    if (main.items.length > 1 && call.filter === undefined) {
      // Small pages on small lists; on big lists about seven pages, so that big batches stay affordable.
      const altSize = main.items.length <= 10 * o.altPageSize ? o.altPageSize : Math.ceil(main.items.length / 7);
      const alt = await drain(altSize);
      const altValue = normalizeOutcome(method, alt.outcome);
      if (canonicalJson(altValue) !== canonicalJson(value)) {
        violations.push({ detail: `${key}: page size ${altSize} drains to another result than page size ${o.pageSize}`, expected: value, actual: altValue });
      }
    }
    for (const item of main.items) {
      if (!matchesFilter(call, item)) {
        violations.push({ detail: `${key}: lists a record outside its filter`, expected: null, actual: normalizeOutcome(method, ok({ items: [item], nextPageToken: '' })) });
      }
    }
    return main.items;
  }

  /** Checks that `get` of each listed record returns the same normalised record. */
  async function getsAgree<T>(key: string, method: string, items: readonly Stored<T>[], get: (item: Stored<T>) => Promise<unknown>): Promise<void> {
    for (const item of items.slice(0, o.maxGets)) {
      const listed = normalizeOutcome(method, ok(item));
      const got = normalizeOutcome(method, await settle(() => get(item)));
      if (canonicalJson(listed) !== canonicalJson(got)) {
        violations.push({ detail: `${key}: ${method} disagrees with the list`, expected: listed, actual: got });
      }
    }
  }

  // Reads naming no sync (SPEC §3): what the current, view, latest full or resumable sync gives right now.
  entries.set(`${DEFAULT_TARGET}stats`, normalizeOutcome('stats', await settle(() => engine.stats())));
  await list(`${DEFAULT_TARGET}listResourceTypes`, { method: 'listResourceTypes', run: (p) => engine.listResourceTypes(p) });
  await list(`${DEFAULT_TARGET}listGrants`, { method: 'listGrants', run: (p) => engine.listGrants(p) });
  const runs = (await list<SyncRun>('syncRuns', { method: 'listSyncRuns', run: (p) => engine.listSyncRuns(p) })) as SyncRun[];
  for (const type of [undefined, ...SYNC_TYPES]) {
    entries.set(`latestFinished ${type ?? 'any'}`, normalizeOutcome('getLatestFinishedSync', await settle(() => engine.getLatestFinishedSync(type))));
  }
  for (const run of o.syncs === 'all' ? runs : runs.slice(-1)) {
    const syncId = run.id;
    const at = `sync ${syncId}`;
    entries.set(`${at} getSync`, normalizeOutcome('getSync', await settle(() => engine.getSync(syncId))));
    entries.set(`${at} stats`, normalizeOutcome('stats', await settle(() => engine.stats(syncId))));
    const types = await list<Stored<ResourceType>>(`${at} listResourceTypes`, { method: 'listResourceTypes', run: (p) => engine.listResourceTypes({ ...p, syncId }) });
    const resources = await list<Stored<Resource>>(`${at} listResources`, { method: 'listResources', run: (p) => engine.listResources({ ...p, syncId }) });
    const ents = await list<Stored<Entitlement>>(`${at} listEntitlements`, { method: 'listEntitlements', run: (p) => engine.listEntitlements({ ...p, syncId }) });
    const grants = await list<Stored<Grant>>(`${at} listGrants`, { method: 'listGrants', run: (p) => engine.listGrants({ ...p, syncId }) });

    await getsAgree(at, 'getResourceType', types, (s) => engine.getResourceType(s.record.id, { syncId }));
    await getsAgree(at, 'getResource', resources, (s) => engine.getResource(s.record.id, { syncId }));
    await getsAgree(at, 'getEntitlement', ents, (s) => engine.getEntitlement(s.record.id, { syncId }));
    await getsAgree(at, 'getGrant', grants, (s) => engine.getGrant(s.record.id, { syncId }));

    const values = filterValues({ types, resources, entitlements: ents, grants }, o.maxFilterValues);
    for (const t of values.typeIds) {
      await list(`${at} listResources type=${t}`, { method: 'listResources', filter: { resourceTypeId: t }, run: (p) => engine.listResources({ ...p, syncId, resourceTypeId: t }) });
      await list(`${at} listGrantsForResourceType ${t}`, { method: 'listGrantsForResourceType', filter: { resourceTypeId: t }, run: (p) => engine.listGrantsForResourceType({ ...p, syncId, resourceTypeId: t }) });
    }
    for (const parent of values.parentIds) {
      await list(`${at} listResources parent=${ridText(parent)}`, { method: 'listResources', filter: { parentResourceId: parent }, run: (p) => engine.listResources({ ...p, syncId, parentResourceId: parent }) });
    }
    for (const r of values.resourceIds) {
      await list(`${at} listEntitlements resource=${ridText(r)}`, { method: 'listEntitlements', filter: { resource: r }, run: (p) => engine.listEntitlements({ ...p, syncId, resource: r }) });
      await list(`${at} listGrants resource=${ridText(r)}`, { method: 'listGrants', filter: { resource: r }, run: (p) => engine.listGrants({ ...p, syncId, resource: r }) });
    }
    for (const e of values.entitlementIds) {
      await list(`${at} listGrantsForEntitlement ${e}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: e }, run: (p) => engine.listGrantsForEntitlement({ ...p, syncId, entitlementId: e }) });
      for (const principalId of values.principalIds.slice(0, 2)) {
        await list(`${at} listGrantsForEntitlement ${e} principal=${ridText(principalId)}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: e, principalId }, run: (p) => engine.listGrantsForEntitlement({ ...p, syncId, entitlementId: e, principalId }) });
      }
      const principalResourceTypeIds = values.typeIds.slice(0, 2);
      if (principalResourceTypeIds.length > 0) {
        await list(`${at} listGrantsForEntitlement ${e} types=${principalResourceTypeIds.join(',')}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: e, principalResourceTypeIds }, run: (p) => engine.listGrantsForEntitlement({ ...p, syncId, entitlementId: e, principalResourceTypeIds }) });
      }
    }
    for (const principalId of values.principalIds) {
      await list(`${at} listGrantsForPrincipal ${ridText(principalId)}`, { method: 'listGrantsForPrincipal', filter: { principalId }, run: (p) => engine.listGrantsForPrincipal({ ...p, syncId, principalId }) });
      const entitlementId = values.entitlementIds[0];
      if (entitlementId !== undefined) {
        await list(`${at} listGrantsForPrincipal ${ridText(principalId)} ent=${entitlementId}`, { method: 'listGrantsForPrincipal', filter: { principalId, entitlementId }, run: (p) => engine.listGrantsForPrincipal({ ...p, syncId, principalId, entitlementId }) });
      }
    }
    for (const assetId of o.assetIds) {
      entries.set(`${at} getAsset ${assetId}`, normalizeOutcome('getAsset', await settle(() => engine.getAsset(assetId, { syncId }))));
    }
  }
  return { entries, violations };
}
