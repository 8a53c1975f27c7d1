/**
 * The tee: N engines behind one `Engine`. Every call goes to every engine in turn with the same arguments; results
 * are normalised and compared (records as sets by identity, errors by code, lists drained, tokens never compared),
 * each disagreement goes to the sink as a `Divergence`, and the first engine's result (or error) is what the caller
 * gets, so callers keep going.
 */
import type {
  AssetRead,
  CleanupOptions,
  Engine,
  GetOptions,
  ListEntitlementsRequest,
  ListGrantsForEntitlementRequest,
  ListGrantsForPrincipalRequest,
  ListGrantsForResourceTypeRequest,
  ListGrantsRequest,
  ListResourcesRequest,
  Page,
  PageRequest,
  PutOptions,
  StartNewSyncOptions,
  StartSyncResult,
  Stats,
  Stored,
  Supports,
  SyncScopedRequest,
  VerifyReport,
} from '../../models/contract/api';
import { StorageError, toStorageError } from '../../models/contract/errors';
import type { Divergence, DrainedAsset, DivergenceSink, EngineMethod, Json, OpContext, Outcome } from '../compare';
import { compareOutcomes, drainList, invariantDivergence, normalizeOutcome, replayBytes, settle } from '../compare';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType, SyncRun, SyncType } from '../../models/types';
import { describeOp } from './describe-op';
import type { TeeInjection } from './injection';

/** How a tee reports and where its engines clone to. */
export interface TeeOptions {
  /** Receives every divergence as it is found. */
  readonly sink: DivergenceSink;
  /** Shares one clock reading and one sequence of new sync ids among the engines per call (see `teeFactory`). */
  readonly injection?: TeeInjection;
  /** The clone destination of engine `index` for the tee's `destination` (default `destination.<index>-<name>`). */
  readonly locate?: (destination: string, index: number) => string;
  /** The engines' names in divergences (default: their `name`, as `name#index` when two share one). */
  readonly labels?: readonly string[];
}

/** One engine's side of a lockstep call: what it returned (a list drained) or threw, and that outcome normalised. */
export interface MemberOutcome {
  readonly engine: string;
  readonly outcome: Outcome;
  readonly value: Json;
}

/** A call made on every engine of a tee, each engine with its own arguments (symbolic tokens, clone paths). */
export interface LockstepCall {
  /** The op index and text that divergences name, and the contract method whose result shape applies. */
  readonly ctx: OpContext;
  /** Calls engine `index`; a list call returns its first page. */
  readonly invoke: (engine: Engine, index: number) => Promise<unknown>;
  /** For a list call: engine `index`'s next page by its token. The list is then drained and its paging checked. */
  readonly nextPage?: (engine: Engine, index: number, token: string) => Promise<Page<unknown>>;
  /** The page size asked for (0 or absent: the engine's default, whose size is not checked). */
  readonly pageSize?: number;
  /** False to skip the comparison across engines (the caller compares each engine with itself instead). */
  readonly compare?: boolean;
}

/** What a lockstep call did on every engine, in engine order, and the divergences it found (also sunk). */
export interface LockstepResult {
  readonly members: readonly MemberOutcome[];
  readonly divergences: readonly Divergence[];
}

function labelsOf(engines: readonly Engine[]): string[] {
  return engines.map((e, i) => (engines.filter((o) => o.name === e.name).length > 1 ? `${e.name}#${i}` : e.name));
}

function pageSizeOf(req: unknown): number {
  const size = typeof req === 'object' && req !== null ? (req as PageRequest).pageSize : undefined;
  return typeof size === 'number' ? size : 0;
}

function isFirstPage(req: unknown): boolean {
  const token = typeof req === 'object' && req !== null ? (req as PageRequest).pageToken : undefined;
  return token === undefined || token === '';
}

function replay(outcome: Outcome): Promise<unknown> {
  return outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error as Error);
}

/** An engine that runs every call on N engines, compares them, and answers with the first one's result. */
export class TeeEngine implements Engine {
  readonly name = 'tee';
  readonly supports: Supports;
  /** The engines' names as divergences show them. */
  readonly labels: readonly string[];
  private ops = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly primary: Engine;

  constructor(
    readonly engines: readonly Engine[],
    private readonly options: TeeOptions,
  ) {
    const [primary] = engines;
    if (primary === undefined) throw new StorageError('INVALID_ARGUMENT', 'a tee needs at least one engine');
    this.primary = primary;
    this.labels = options.labels ?? labelsOf(engines);
    const all = (key: keyof Supports): boolean => engines.every((e) => e.supports[key]);
    this.supports = { persistence: all('persistence'), reopen: all('reopen'), clone: all('clone'), c1z: all('c1z') };
  }

  get dirty(): boolean {
    return this.engines.some((e) => e.dirty);
  }

  get closed(): boolean {
    return this.engines.every((e) => e.closed);
  }

  /** How many calls the tee has run; the next call's op index. */
  get opCount(): number {
    return this.ops;
  }

  // ---- machinery ----

  /** Runs calls one at a time, so that the shared per-call clock and ids belong to exactly one call. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      this.options.injection?.begin();
      try {
        return await fn();
      } finally {
        this.options.injection?.end();
      }
    });
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** The context of the tee's own next call (its own op count and the call's text). */
  private nextContext(method: EngineMethod, args: readonly unknown[]): OpContext {
    return { opIndex: this.ops++, op: describeOp(method, args), method };
  }

  /**
   * Runs one call on every engine in turn (each with its own arguments), drains lists, normalises every outcome,
   * compares them with the first engine's, hands every divergence to the sink and returns it all. Every comparison
   * the tee and the fuzz runner make goes through here.
   */
  lockstep(call: LockstepCall): Promise<LockstepResult> {
    return this.serial(() => this.run(call));
  }

  private async run(call: LockstepCall): Promise<LockstepResult> {
    const found: Divergence[] = [];
    const members: MemberOutcome[] = [];
    for (const [i, engine] of this.engines.entries()) {
      const label = this.labels[i] ?? String(i);
      let outcome = await settle(() => call.invoke(engine, i));
      if (call.nextPage !== undefined) outcome = await this.drain(call, i, outcome, found);
      members.push({ engine: label, outcome, value: normalizeOutcome(call.ctx.method, outcome) });
    }
    if (call.compare !== false) found.push(...compareOutcomes(call.ctx, members));
    for (const d of found) this.options.sink(d);
    return { members, divergences: found };
  }

  /** Drains engine `index`'s list from its first page and records its paging violations. */
  private async drain(call: LockstepCall, index: number, first: Outcome, found: Divergence[]): Promise<Outcome> {
    if (!first.ok) return first;
    const engine = this.engines[index] as Engine;
    const next = call.nextPage as NonNullable<LockstepCall['nextPage']>;
    try {
      const drained = await drainList((token) => next(engine, index, token), call.pageSize ?? 0, { firstPage: first.value as Page<unknown> });
      for (const v of drained.violations) found.push(invariantDivergence(call.ctx, this.labels[index] ?? String(index), v.rule, `page ${v.page}: ${v.detail}`));
      return { ok: true, value: { items: drained.items, nextPageToken: '' } };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private answer<T>(outcome: Outcome | undefined): T {
    if (outcome === undefined) throw new StorageError('IO', 'the tee has no engine result');
    if (!outcome.ok) throw toStorageError(outcome.error);
    return outcome.value as T;
  }

  /** Calls every engine, compares the outcomes and answers with the first engine's. */
  private each<T>(method: EngineMethod, args: readonly unknown[], invoke: (e: Engine, index: number) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const { members } = await this.run({ ctx: this.nextContext(method, args), invoke });
      return this.answer<T>(members[0]?.outcome);
    });
  }

  /**
   * Answers a list call with the first engine's page for the caller's own paging; when the caller asks for a first
   * page, also drains the whole list on every engine and compares the lists as sets. A later page's token belongs
   * to the first engine only, so later pages are not compared.
   */
  private list<R extends PageRequest | undefined, T>(method: EngineMethod, req: R, list: (e: Engine, req: R) => Promise<Page<T>>): Promise<Page<T>> {
    return this.serial(async () => {
      const ctx = this.nextContext(method, [req]);
      const first = await settle(() => list(this.primary, req));
      if (isFirstPage(req)) {
        await this.run({
          ctx,
          invoke: (e, i) => (i === 0 ? replay(first) : list(e, req)),
          nextPage: (e, _i, token) => list(e, { ...req, pageToken: token } as R),
          pageSize: pageSizeOf(req),
        });
      }
      return this.answer<Page<T>>(first);
    });
  }

  // ---- readers ----

  listResourceTypes(req?: SyncScopedRequest): Promise<Page<Stored<ResourceType>>> {
    return this.list('listResourceTypes', req, (e, r) => e.listResourceTypes(r));
  }

  listResources(req?: ListResourcesRequest): Promise<Page<Stored<Resource>>> {
    return this.list('listResources', req, (e, r) => e.listResources(r));
  }

  listEntitlements(req?: ListEntitlementsRequest): Promise<Page<Stored<Entitlement>>> {
    return this.list('listEntitlements', req, (e, r) => e.listEntitlements(r));
  }

  listGrants(req?: ListGrantsRequest): Promise<Page<Stored<Grant>>> {
    return this.list('listGrants', req, (e, r) => e.listGrants(r));
  }

  listGrantsForEntitlement(req: ListGrantsForEntitlementRequest): Promise<Page<Stored<Grant>>> {
    return this.list('listGrantsForEntitlement', req, (e, r) => e.listGrantsForEntitlement(r));
  }

  listGrantsForPrincipal(req: ListGrantsForPrincipalRequest): Promise<Page<Stored<Grant>>> {
    return this.list('listGrantsForPrincipal', req, (e, r) => e.listGrantsForPrincipal(r));
  }

  listGrantsForResourceType(req: ListGrantsForResourceTypeRequest): Promise<Page<Stored<Grant>>> {
    return this.list('listGrantsForResourceType', req, (e, r) => e.listGrantsForResourceType(r));
  }

  listSyncRuns(req?: PageRequest): Promise<Page<SyncRun>> {
    return this.list('listSyncRuns', req, (e, r) => e.listSyncRuns(r));
  }

  getResourceType(id: string, opts?: GetOptions): Promise<Stored<ResourceType>> {
    return this.each('getResourceType', [id, opts], (e) => e.getResourceType(id, opts));
  }

  getResource(id: ResourceId, opts?: GetOptions): Promise<Stored<Resource>> {
    return this.each('getResource', [id, opts], (e) => e.getResource(id, opts));
  }

  getEntitlement(id: string, opts?: GetOptions): Promise<Stored<Entitlement>> {
    return this.each('getEntitlement', [id, opts], (e) => e.getEntitlement(id, opts));
  }

  getGrant(id: string, opts?: GetOptions): Promise<Stored<Grant>> {
    return this.each('getGrant', [id, opts], (e) => e.getGrant(id, opts));
  }

  /** Drains every engine's bytes to compare them, and answers with a fresh stream of the first engine's bytes. */
  async getAsset(id: string, opts?: GetOptions): Promise<AssetRead> {
    const drained = await this.each<unknown>('getAsset', [id, opts], (e) => e.getAsset(id, opts));
    const asset = drained as DrainedAsset;
    return { contentType: asset.contentType, discoveredAt: asset.discoveredAt, data: replayBytes(asset.data) };
  }

  getSync(id: string): Promise<SyncRun> {
    return this.each('getSync', [id], (e) => e.getSync(id));
  }

  getLatestFinishedSync(type?: SyncType): Promise<SyncRun | undefined> {
    return this.each('getLatestFinishedSync', [type], (e) => e.getLatestFinishedSync(type));
  }

  stats(syncId?: string): Promise<Stats> {
    return this.each('stats', [syncId], (e) => e.stats(syncId));
  }

  // ---- writers and whole-sync operations ----

  startNewSync(opts?: StartNewSyncOptions): Promise<string> {
    return this.each('startNewSync', [opts], (e) => e.startNewSync(opts));
  }

  startSync(): Promise<StartSyncResult> {
    return this.each('startSync', [], (e) => e.startSync());
  }

  setCurrentSync(id: string): Promise<void> {
    return this.each('setCurrentSync', [id], (e) => e.setCurrentSync(id));
  }

  currentSyncStep(): Promise<string> {
    return this.each('currentSyncStep', [], (e) => e.currentSyncStep());
  }

  checkpointSync(token: string): Promise<void> {
    return this.each('checkpointSync', [token], (e) => e.checkpointSync(token));
  }

  endSync(): Promise<void> {
    return this.each('endSync', [], (e) => e.endSync());
  }

  putResourceTypes(items: readonly ResourceType[], opts?: PutOptions): Promise<void> {
    return this.each('putResourceTypes', [items, opts], (e) => e.putResourceTypes(items, opts));
  }

  putResources(items: readonly Resource[], opts?: PutOptions): Promise<void> {
    return this.each('putResources', [items, opts], (e) => e.putResources(items, opts));
  }

  putEntitlements(items: readonly Entitlement[], opts?: PutOptions): Promise<void> {
    return this.each('putEntitlements', [items, opts], (e) => e.putEntitlements(items, opts));
  }

  putGrants(items: readonly Grant[], opts?: PutOptions): Promise<void> {
    return this.each('putGrants', [items, opts], (e) => e.putGrants(items, opts));
  }

  deleteGrant(id: string): Promise<void> {
    return this.each('deleteGrant', [id], (e) => e.deleteGrant(id));
  }

  putAsset(id: string, contentType: string, data: Uint8Array): Promise<void> {
    return this.each('putAsset', [id, contentType, data], (e) => e.putAsset(id, contentType, data));
  }

  generateSyncDiff(baseSyncId: string, appliedSyncId: string): Promise<string> {
    return this.each('generateSyncDiff', [baseSyncId, appliedSyncId], (e) => e.generateSyncDiff(baseSyncId, appliedSyncId));
  }

  /** Clones on every engine, each to its own destination derived from `destination` (`''` passes through as is). */
  cloneSync(syncId: string, destination: string): Promise<void> {
    return this.each('cloneSync', [syncId, destination], (e, i) => e.cloneSync(syncId, this.destinationFor(destination, i)));
  }

  /** Engine `index`'s own clone destination; anything but a non-empty string is passed on for the engine to reject. */
  destinationFor(destination: string, index: number): string {
    if (typeof destination !== 'string' || destination === '') return destination;
    const engine = this.engines[index] as Engine;
    return this.options.locate?.(destination, index) ?? `${destination}.${index}-${engine.name}`;
  }

  viewSync(id: string): Promise<void> {
    return this.each('viewSync', [id], (e) => e.viewSync(id));
  }

  cleanup(opts?: CleanupOptions): Promise<string[]> {
    return this.each('cleanup', [opts], (e) => e.cleanup(opts));
  }

  compact(): Promise<void> {
    return this.each('compact', [], (e) => e.compact());
  }

  verify(): Promise<VerifyReport> {
    return this.each('verify', [], (e) => e.verify());
  }

  close(): Promise<void> {
    return this.each('close', [], (e) => e.close());
  }
}
