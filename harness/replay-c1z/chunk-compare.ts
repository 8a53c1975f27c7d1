/**
 * Compares every engine on one loaded chunk: small reads (sync runs, latest finished syncs, getSync, stats, gets,
 * assets) as normalised outcomes; every list, unfiltered at two page sizes and filtered by the sampled values, by
 * digest, streamed page by page. Only a digest disagreement leads to a record diff.
 */
import type { Engine, Stored } from '../../models/contract/api';
import { canonicalJson, compareOutcomes, identityOf, invariantDivergence, normalizeOutcome, settle, type Divergence, type Json, type OpContext } from '../../engines/compare';
import { matchesFilter, type ListCall } from '../runner/snapshot-filters';
import { SYNC_TYPES } from '../../models/types';
import { FilterSampler } from './filter-sample';
import { filteredQueries } from './filtered-queries';
import { hashStored, ListDigest } from './record-digest';
import { diffRecords, type NamedEngine } from './record-diff';
import { unfilteredQueries, type ReaderQuery } from './reader-query';
import { streamDrain } from './stream-drain';

/** What a chunk comparison is asked to do. */
export interface ChunkPlan {
  readonly syncId: string;
  /** The label of the chunk in entry keys: `sync <id>` or `sync <id> part <n>`. */
  readonly at: string;
  /** Also compare the store-wide reads (listSyncRuns, getLatestFinishedSync): once per replay is enough. */
  readonly storeWide: boolean;
  readonly assetIds: readonly string[];
  readonly maxFilterValues: number;
  readonly maxGets: number;
  /** Stop looking for divergences once this many are found. */
  readonly maxDivergences: number;
}

/** What a chunk comparison found. */
export interface ChunkResult {
  readonly entries: number;
  readonly divergences: Divergence[];
  /** Per engine: one `key value` line per compared entry. */
  readonly lines: Record<string, string[]>;
}

type Gets = Record<string, Stored<unknown>[]>;

/**
 * Page sizes. The main drain asks for the contract's largest page: the reference model cuts each page from a fresh
 * sorted scan, so a drain costs it (pages x records); big pages keep that near linear. The second drain of an
 * unfiltered list uses about seven pages (at most 7,000 records each, below the main size); filtered lists page by
 * 1,000, so their big answers still span pages.
 */
const MAIN_PAGE = 10_000;
const ALT_PAGE_CAP = 7_000;
const FILTERED_PAGE = 1_000;

const GETTERS: Readonly<Record<string, { method: string; get: (e: Engine, item: Stored<unknown>, syncId: string) => Promise<unknown> }>> = {
  resourceType: { method: 'getResourceType', get: (e, s, syncId) => e.getResourceType((s.record as { id: string }).id, { syncId }) },
  resource: { method: 'getResource', get: (e, s, syncId) => e.getResource((s.record as { id: { resourceType: string; resource: string } }).id, { syncId }) },
  entitlement: { method: 'getEntitlement', get: (e, s, syncId) => e.getEntitlement((s.record as { id: string }).id, { syncId }) },
  grant: { method: 'getGrant', get: (e, s, syncId) => e.getGrant((s.record as { id: string }).id, { syncId }) },
};

/** Compares the engines (the first is the reference) on one chunk. */
export async function compareChunk(ctx: OpContext, plan: ChunkPlan, engines: readonly NamedEngine[]): Promise<ChunkResult> {
  const divergences: Divergence[] = [];
  const lines: Record<string, string[]> = Object.fromEntries(engines.map((e) => [e.name, []]));
  let entries = 0;
  const at = (key: string): OpContext => ({ ...ctx, op: `${ctx.op} ${key}` });

  /** Compares one small read as normalised outcomes (after `listed`, the record a list returned, when given). */
  async function small(key: string, method: string, read: (e: Engine) => Promise<unknown>, listed?: { engine: string; value: Json }): Promise<void> {
    const outcomes: { engine: string; value: Json }[] = listed === undefined ? [] : [listed];
    for (const e of engines) {
      const value = normalizeOutcome(method, await settle(() => read(e.engine)));
      outcomes.push({ engine: e.name, value });
      lines[e.name]?.push(`${key} ${canonicalJson(value)}`);
    }
    entries += 1;
    divergences.push(...compareOutcomes({ ...at(key), method }, outcomes));
  }

  /** Drains one list on every engine by digest; returns the reference engine's count. */
  async function list(query: ReaderQuery, visitFirst?: (item: Stored<unknown>) => void): Promise<number> {
    const texts: string[] = [];
    let firstCount = 0;
    const call: ListCall<unknown> = { method: query.method, ...(query.filter ? { filter: query.filter } : {}), run: () => Promise.reject(new Error('unused')) };
    for (const [i, e] of engines.entries()) {
      const digest = new ListDigest();
      let outside: Stored<unknown> | undefined;
      const drained = await streamDrain(e.engine, query, (item) => {
        digest.add(hashStored(query.kind, item));
        if (outside === undefined && !matchesFilter(call, item)) outside = item;
        if (i === 0) visitFirst?.(item);
      });
      const text = drained.error === undefined ? digest.text() : canonicalJson(drained.error);
      texts.push(text);
      lines[e.name]?.push(`${query.key} ${text}`);
      if (i === 0) firstCount = digest.count;
      const rule = { ...at(query.key), method: query.method };
      for (const v of drained.violations) divergences.push(invariantDivergence(rule, e.name, 'paging', v));
      if (outside !== undefined) {
        divergences.push({ ...invariantDivergence(rule, e.name, 'filter', 'lists a record outside its filter'), actual: normalizeOutcome(query.method, { ok: true, value: { items: [outside], nextPageToken: '' } }) });
      }
    }
    entries += 1;
    const reference = engines[0];
    for (const [i, e] of engines.entries()) {
      if (i === 0 || reference === undefined || texts[i] === texts[0] || divergences.length >= plan.maxDivergences) continue;
      divergences.push(await diffRecords({ ...at(query.key), method: query.method }, query, reference, e));
    }
    return firstCount;
  }

  if (plan.storeWide) {
    await small('syncRuns', 'listSyncRuns', (e) => e.listSyncRuns({ pageSize: 10_000 }));
    for (const type of [undefined, ...SYNC_TYPES]) await small(`latestFinished ${type ?? 'any'}`, 'getLatestFinishedSync', (e) => e.getLatestFinishedSync(type));
  }
  const syncId = plan.syncId;
  await small(`${plan.at} getSync`, 'getSync', (e) => e.getSync(syncId));
  await small(`${plan.at} stats`, 'stats', (e) => e.stats(syncId));

  const sampler = new FilterSampler(plan.maxFilterValues);
  const gets: Gets = {};
  const counts: number[] = [];
  for (const q of unfilteredQueries(plan.at, syncId, MAIN_PAGE)) {
    const kept = (gets[q.kind] = [] as Stored<unknown>[]);
    counts.push(
      await list(q, (item) => {
        sampler.offer(q.kind, item.record);
        if (kept.length < plan.maxGets) kept.push(item);
      }),
    );
  }
  // A second page size on the unfiltered lists: small pages on small lists, about seven pages on big ones.
  const sizes = counts.map((n) => (n <= 1 ? 0 : n <= 30 ? 3 : Math.min(Math.ceil(n / 7), ALT_PAGE_CAP)));
  for (const [i, size] of sizes.entries()) {
    const alt = unfilteredQueries(plan.at, syncId, size)[i];
    if (size > 0 && alt !== undefined) await list(alt);
  }
  for (const [kind, items] of Object.entries(gets)) {
    const getter = GETTERS[kind];
    if (getter === undefined) continue;
    for (const item of items) {
      // Every engine's get must return what the reference engine listed.
      const listed = { engine: `${engines[0]?.name ?? ''} list`, value: normalizeOutcome(getter.method, { ok: true, value: item }) };
      await small(`${plan.at} ${getter.method} ${identityOf(item)}`, getter.method, (e) => getter.get(e, item, syncId), listed);
    }
  }
  for (const q of filteredQueries(plan.at, syncId, sampler.values(), FILTERED_PAGE)) {
    if (divergences.length >= plan.maxDivergences) break;
    await list(q);
  }
  for (const assetId of plan.assetIds) await small(`${plan.at} getAsset ${assetId}`, 'getAsset', (e) => e.getAsset(assetId, { syncId }));
  return { entries, divergences: divergences.slice(0, plan.maxDivergences), lines };
}
