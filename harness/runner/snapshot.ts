/**
 * A snapshot of every engine of a tee, read through the tee: every sync's readers with every filter value in use (and
 * near misses), drained at two page sizes. Each read is one lockstep call, so the tee compares the engines as it
 * goes (the same comparison every op gets); what one engine must satisfy on its own is checked per engine on the
 * same call's results: paging drains cleanly, every listed record passes its filter, two page sizes drain to the
 * same set, and `get` agrees with `list`. Each engine's entries are kept for later checks against itself.
 */
import type { Engine, Page, Stored } from '../../models/contract/api';
import type { LockstepCall, MemberOutcome, TeeEngine } from '../../engines/tee';
import { compareOutcomes, identityOf, normalizeOutcome, sameJson, type Divergence, type Json, type OpContext } from '../../engines/compare';
import { SYNC_TYPES, type Entitlement, type Grant, type Resource, type ResourceId, type ResourceType, type SyncRun } from '../../models/types';
import { filterValues, matchesFilter, type ListCall } from './snapshot-filters';
import { recordsCounted, type SnapshotBounds } from './snapshot-bounds';

/** An invariant one engine broke on its own; `expected`/`actual` hold the two results that should agree. */
export interface SnapshotViolation {
  readonly detail: string;
  readonly expected?: Json;
  readonly actual?: Json;
}

/** One engine's snapshot: normalised results by a stable key, and the invariants this engine broke on its own. */
export interface Snapshot {
  readonly entries: Map<string, Json>;
  readonly violations: SnapshotViolation[];
}

/** A snapshot of one engine, by name. */
export interface NamedSnapshot {
  readonly engine: string;
  readonly snapshot: Snapshot;
}

/** A snapshot of every engine of a tee, and the divergences its lockstep reads found (paging, then results). */
export interface TeeSnapshot {
  readonly engines: readonly NamedSnapshot[];
  readonly divergences: readonly Divergence[];
  /** The records the first engine's stats count over the syncs read (the whole store when every sync is read). */
  readonly records: number;
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
  /**
   * `all` syncs, only the `latest` (last in listSyncRuns order), or `none` (the sync runs and the reads naming no sync
   * only): intermediate snapshots stay cheap.
   */
  readonly syncs: 'all' | 'latest' | 'none';
  /** False to skip comparing the engines with each other (only each engine's own entries are wanted). */
  readonly compare: boolean;
  /** Read big syncs by sample and only the latest syncs (snapshots during a run); absent: read everything. */
  readonly bounds?: SnapshotBounds;
}

/** SPEC's largest page: a second drain of a big list never asks for more. */
const MAX_PAGE_SIZE = 10_000;

/** Defaults sized for fuzz runs: cheap on small stores, bounded on big batches. */
export const SNAPSHOT_DEFAULTS: SnapshotOptions = { assetIds: [], pageSize: 0, altPageSize: 3, maxFilterValues: 6, maxGets: 20, syncs: 'all', compare: true };

/** The key prefix of the entries read with no sync named; a reopen legitimately changes them (no current or view sync). */
export const DEFAULT_TARGET = 'default ';

function ridText(id: ResourceId): string {
  return `${id.resourceType}/${id.resource}`;
}

/** The items of a member's drained list (none when it failed). */
function itemsOf<T>(member: MemberOutcome | undefined): readonly T[] {
  return member?.outcome.ok ? ((member.outcome.value as Page<T>).items ?? []) : [];
}

/** True when a member's list outcome is a page with nothing after it. */
function isLastPage(member: MemberOutcome | undefined): boolean {
  return member?.outcome.ok === true && (member.outcome.value as Page<unknown>).nextPageToken === '';
}

/** The records the first engine's stats answer counts (0 when it failed). */
function countedByFirst(members: readonly MemberOutcome[]): number {
  const first = members[0];
  return first?.outcome.ok === true ? recordsCounted(first.outcome.value) : 0;
}

/** The records of a normalised list by identity. */
function byIdentity(value: Json | undefined): Map<string, Json> {
  const list = value as { items?: readonly { id: string }[] } | null | undefined;
  return new Map((Array.isArray(list?.items) ? list.items : []).map((item) => [item.id, item as unknown as Json]));
}

/** Takes a snapshot of every engine of `tee`; divergences name `ctx.op` followed by the entry's key. */
export async function takeSnapshot(tee: TeeEngine, ctx: OpContext, options: Partial<SnapshotOptions> = {}): Promise<TeeSnapshot> {
  const o = { ...SNAPSHOT_DEFAULTS, ...options };
  let records = 0;
  const snaps: NamedSnapshot[] = tee.labels.map((engine) => ({ engine, snapshot: { entries: new Map<string, Json>(), violations: [] } }));
  const paging: Divergence[] = [];
  const results: Divergence[] = [];
  const violate = (i: number, v: SnapshotViolation): void => {
    snaps[i]?.snapshot.violations.push(v);
  };

  /** The context divergences of entry `key` name: the snapshot's op followed by the key. */
  const entryCtx = (key: string, method: string): OpContext => ({ opIndex: ctx.opIndex, op: `${ctx.op} ${key}`, method });

  /** One lockstep read: its members' values become entry `key` of each engine (unless `key` is undefined). */
  async function read(key: string, method: string, call: Omit<LockstepCall, 'ctx'>, entry = true): Promise<readonly MemberOutcome[]> {
    const r = await tee.lockstep({ ...call, ctx: entryCtx(key, method), compare: o.compare && call.compare !== false });
    for (const d of r.divergences) (d.code === 'invariant' ? paging : results).push(d);
    if (entry) for (const [i, m] of r.members.entries()) snaps[i]?.snapshot.entries.set(key, m.value);
    return r.members;
  }

  /** Drains one list on every engine at `size`. */
  function drain<T>(key: string, call: ListCall<T>, size: number, entry: boolean): Promise<readonly MemberOutcome[]> {
    return read(
      key,
      call.method,
      {
        invoke: (e) => call.run(e, { pageSize: size, pageToken: '' }),
        nextPage: (e, _i, pageToken) => call.run(e, { pageSize: size, pageToken }) as Promise<Page<unknown>>,
        pageSize: size,
        compare: entry,
      },
      entry,
    );
  }

  /** Reads the first page of one list at `size` on every engine (a sample of a big sync). */
  function firstPage<T>(key: string, call: ListCall<T>, size: number): Promise<readonly MemberOutcome[]> {
    return read(key, call.method, { invoke: (e) => call.run(e, { pageSize: size, pageToken: '' }), pageSize: size, compare: false }, false);
  }

  /**
   * Drains one list (twice when unfiltered, at two page sizes), or reads its first page of `sample` items when given,
   * and checks each engine's filter and drains; returns the first engine's items.
   */
  async function list<T>(key: string, call: ListCall<T>, sample?: number): Promise<T[]> {
    if (sample !== undefined) {
      const page = await firstPage(key, call, sample);
      checkFilter(key, call, page);
      // Which records a first page holds is engine-defined (SPEC §4: lists are sets in a stable engine order), so a
      // partial page is neither compared across engines nor kept as an entry: its records are, by `get` and by filter.
      // A page that holds the reference's whole list is the whole set on every correct engine: compared and kept.
      if (isLastPage(page[0])) {
        for (const [i, m] of page.entries()) snaps[i]?.snapshot.entries.set(key, m.value);
        if (o.compare) results.push(...compareOutcomes(entryCtx(key, call.method), page));
      }
      return [...itemsOf<T>(page[0])];
    }
    const main = await drain(key, call, o.pageSize, true);
    const longest = Math.max(...main.map((m) => itemsOf(m).length));
    // A second page size on the unfiltered lists only: filtered lists are paged at random sizes by the ops themselves.
    if (longest > 1 && call.filter === undefined && o.bounds?.secondDrain !== false) {
      // Small pages on small lists; on big lists about seven pages, so that big batches stay affordable.
      const altSize = longest <= 10 * o.altPageSize ? o.altPageSize : Math.min(MAX_PAGE_SIZE, Math.ceil(longest / 7));
      const alt = await drain(key, call, altSize, false);
      for (const [i, m] of main.entries()) {
        const other = alt[i];
        if (itemsOf(m).length > 1 && other !== undefined && !sameJson(m.value, other.value)) {
          violate(i, { detail: `${key}: page size ${altSize} drains to another result than page size ${o.pageSize}`, expected: m.value, actual: other.value });
        }
      }
    }
    checkFilter(key, call, main);
    return [...itemsOf<T>(main[0])];
  }

  /** Checks, on every engine, that every listed record satisfies the list's filter. */
  function checkFilter<T>(key: string, call: ListCall<T>, members: readonly MemberOutcome[]): void {
    for (const [i, m] of members.entries()) {
      for (const item of itemsOf<T>(m)) {
        if (!matchesFilter(call, item)) {
          violate(i, { detail: `${key}: lists a record outside its filter`, expected: null, actual: normalizeOutcome(call.method, { ok: true, value: { items: [item], nextPageToken: '' } }) });
        }
      }
    }
  }

  /** The sample page size for a target of `records` records: undefined (read in full) unless it is big and bounds apply. */
  function sampleFor(records: number): number | undefined {
    return o.bounds !== undefined && records > o.bounds.fullUpTo ? o.bounds.samplePage : undefined;
  }

  /**
   * Checks, on every engine, that `get` of each record the first engine listed returns the record its own list holds;
   * `across` also compares the engines' answers (when the lists were sampled, not compared).
   */
  async function getsAgree<T>(key: string, listKey: string, method: string, items: readonly Stored<T>[], get: (e: Engine, item: Stored<T>) => Promise<unknown>, across: boolean): Promise<void> {
    const listed = snaps.map((s) => byIdentity(s.snapshot.entries.get(listKey)));
    for (const item of items.slice(0, o.bounds?.gets ?? o.maxGets)) {
      const members = await read(`${key} ${method}`, method, { invoke: (e) => get(e, item), compare: across }, false);
      for (const [i, m] of members.entries()) {
        const own = listed[i]?.get(identityOf(item));
        if (own !== undefined && !sameJson(own, m.value)) violate(i, { detail: `${key}: ${method} disagrees with the list`, expected: own, actual: m.value });
      }
    }
  }

  // Reads naming no sync (SPEC §3): what the current, view, latest full or resumable sync gives right now.
  const defaultSample = sampleFor(countedByFirst(await read(`${DEFAULT_TARGET}stats`, 'stats', { invoke: (e) => e.stats() })));
  await list(`${DEFAULT_TARGET}listResourceTypes`, { method: 'listResourceTypes', run: (e, p) => e.listResourceTypes(p) }, defaultSample);
  await list(`${DEFAULT_TARGET}listGrants`, { method: 'listGrants', run: (e, p) => e.listGrants(p) }, defaultSample);
  const runs = await list<SyncRun>('syncRuns', { method: 'listSyncRuns', run: (e, p) => e.listSyncRuns(p) });
  for (const type of [undefined, ...SYNC_TYPES]) {
    await read(`latestFinished ${type ?? 'any'}`, 'getLatestFinishedSync', { invoke: (e) => e.getLatestFinishedSync(type) });
  }
  const latest = o.syncs === 'all' ? runs : o.syncs === 'latest' ? runs.slice(-1) : [];
  for (const run of o.bounds === undefined ? latest : latest.slice(-o.bounds.maxSyncs)) {
    const syncId = run.id;
    const at = `sync ${syncId}`;
    await read(`${at} getSync`, 'getSync', { invoke: (e) => e.getSync(syncId) });
    // A big sync is read by sample (every list's first page, filter values taken from those pages); a small one in full.
    const counted = countedByFirst(await read(`${at} stats`, 'stats', { invoke: (e) => e.stats(syncId) }));
    records += counted;
    const n = sampleFor(counted);
    const types = await list<Stored<ResourceType>>(`${at} listResourceTypes`, { method: 'listResourceTypes', run: (e, p) => e.listResourceTypes({ ...p, syncId }) }, n);
    const resources = await list<Stored<Resource>>(`${at} listResources`, { method: 'listResources', run: (e, p) => e.listResources({ ...p, syncId }) }, n);
    const ents = await list<Stored<Entitlement>>(`${at} listEntitlements`, { method: 'listEntitlements', run: (e, p) => e.listEntitlements({ ...p, syncId }) }, n);
    const grants = await list<Stored<Grant>>(`${at} listGrants`, { method: 'listGrants', run: (e, p) => e.listGrants({ ...p, syncId }) }, n);

    await getsAgree(at, `${at} listResourceTypes`, 'getResourceType', types, (e, s) => e.getResourceType(s.record.id, { syncId }), n !== undefined);
    await getsAgree(at, `${at} listResources`, 'getResource', resources, (e, s) => e.getResource(s.record.id, { syncId }), n !== undefined);
    await getsAgree(at, `${at} listEntitlements`, 'getEntitlement', ents, (e, s) => e.getEntitlement(s.record.id, { syncId }), n !== undefined);
    await getsAgree(at, `${at} listGrants`, 'getGrant', grants, (e, s) => e.getGrant(s.record.id, { syncId }), n !== undefined);

    const values = filterValues({ types, resources, entitlements: ents, grants }, o.bounds?.filterValues ?? o.maxFilterValues);
    for (const t of values.typeIds) {
      await list(`${at} listResources type=${t}`, { method: 'listResources', filter: { resourceTypeId: t }, run: (e, p) => e.listResources({ ...p, syncId, resourceTypeId: t }) }, n);
      await list(`${at} listGrantsForResourceType ${t}`, { method: 'listGrantsForResourceType', filter: { resourceTypeId: t }, run: (e, p) => e.listGrantsForResourceType({ ...p, syncId, resourceTypeId: t }) }, n);
    }
    for (const parent of values.parentIds) {
      await list(`${at} listResources parent=${ridText(parent)}`, { method: 'listResources', filter: { parentResourceId: parent }, run: (e, p) => e.listResources({ ...p, syncId, parentResourceId: parent }) }, n);
    }
    for (const r of values.resourceIds) {
      await list(`${at} listEntitlements resource=${ridText(r)}`, { method: 'listEntitlements', filter: { resource: r }, run: (e, p) => e.listEntitlements({ ...p, syncId, resource: r }) }, n);
      await list(`${at} listGrants resource=${ridText(r)}`, { method: 'listGrants', filter: { resource: r }, run: (e, p) => e.listGrants({ ...p, syncId, resource: r }) }, n);
    }
    for (const ent of values.entitlementIds) {
      await list(`${at} listGrantsForEntitlement ${ent}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: ent }, run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId: ent }) }, n);
      for (const principalId of values.principalIds.slice(0, 2)) {
        await list(`${at} listGrantsForEntitlement ${ent} principal=${ridText(principalId)}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: ent, principalId }, run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId: ent, principalId }) }, n);
      }
      const principalResourceTypeIds = values.typeIds.slice(0, 2);
      if (principalResourceTypeIds.length > 0) {
        await list(`${at} listGrantsForEntitlement ${ent} types=${principalResourceTypeIds.join(',')}`, { method: 'listGrantsForEntitlement', filter: { entitlementId: ent, principalResourceTypeIds }, run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId: ent, principalResourceTypeIds }) }, n);
      }
    }
    for (const principalId of values.principalIds) {
      await list(`${at} listGrantsForPrincipal ${ridText(principalId)}`, { method: 'listGrantsForPrincipal', filter: { principalId }, run: (e, p) => e.listGrantsForPrincipal({ ...p, syncId, principalId }) }, n);
      const entitlementId = values.entitlementIds[0];
      if (entitlementId !== undefined) {
        await list(`${at} listGrantsForPrincipal ${ridText(principalId)} ent=${entitlementId}`, { method: 'listGrantsForPrincipal', filter: { principalId, entitlementId }, run: (e, p) => e.listGrantsForPrincipal({ ...p, syncId, principalId, entitlementId }) }, n);
      }
    }
    for (const assetId of o.assetIds) {
      await read(`${at} getAsset ${assetId}`, 'getAsset', { invoke: (e) => e.getAsset(assetId, { syncId }) });
    }
  }
  // Paging first, in engine order; then result differences in key order (as a diff of two snapshots would list them).
  const order = new Map(tee.labels.map((l, i) => [l, i]));
  paging.sort((a, b) => (order.get(a.engines[0]) ?? 0) - (order.get(b.engines[0]) ?? 0));
  results.sort((a, b) => (a.op < b.op ? -1 : a.op > b.op ? 1 : 0));
  return { engines: snaps, divergences: [...paging, ...results], records };
}
