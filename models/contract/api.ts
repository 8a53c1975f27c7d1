/**
 * The storage contract of SPEC §3–6 as a TypeScript interface. Every engine (SQLite, LevelDB, the reference model,
 * the tee) implements `Engine`; the harness talks to nothing else.
 */
import type {
  Entitlement,
  Grant,
  Micros,
  Resource,
  ResourceId,
  ResourceType,
  SyncRun,
  SyncType,
} from '../types';
import type { C1zLimits } from './c1z-limits';
import type { BulkNote } from './raw';

/** Options every engine is opened with (SPEC §2: time and ids are injected). */
export interface EngineOptions {
  /** Microseconds since the Unix epoch; read once at the start of each public call. */
  readonly clock: () => Micros;
  /** The only source of new sync ids. */
  readonly newSyncId: () => string;
  /** How far back an unfinished sync may have started to be resumed or read (default 7 days). */
  readonly resumeWindowMicros?: Micros;
  /** The largest asset `putAsset` accepts (default 100 MiB). */
  readonly maxAssetBytes?: number;
  /** The page size used when a request asks for 0 or none (default 100, at least 100). */
  readonly defaultPageSize?: number;
  /** Bounds on decoding a c1z file (SPEC §8: decoded size, zstd window); engines that read c1z files honour them. */
  readonly c1zLimits?: C1zLimits;
  /** Whether saves are fsynced before they are renamed into place (default true; throwaway fuzz stores skip it). */
  readonly durable?: boolean;
  /**
   * Where the engine keeps its temporary files, such as the SQLite engine's working copy (default the OS temp dir);
   * fuzz runs point it at their own temp root (tmpfs when there is one).
   */
  readonly tmpDir?: string;
  /** Test-only fault injection (issue 5); never active unless named. */
  readonly faults?: readonly string[];
  /** Bulk writers only: a store created by this open is marked incomplete, with this note, until `rawFinishBulk`. */
  readonly bulkNote?: BulkNote;
  /** Opens a store that an interrupted bulk writer left (to resume or discard it) instead of refusing it. */
  readonly openIncomplete?: boolean;
}

/** What an engine can do; tests and the generator read this, never an engine's name. */
export interface Supports {
  /** Data outlives `close()` and shows after reopening. */
  readonly persistence: boolean;
  /** The engine can be reopened from its location. */
  readonly reopen: boolean;
  /** `cloneSync` writes a new store that this engine's opener can read. */
  readonly clone: boolean;
  /** The store is a c1z file (or can be imported from and exported to one). */
  readonly c1z: boolean;
}

/** A stored record with the time it was written (SPEC §5: discovered_at). */
export interface Stored<T> {
  readonly record: T;
  readonly discoveredAt: Micros;
}

/** Paging fields common to every list request (SPEC §4). */
export interface PageRequest {
  readonly pageSize?: number;
  readonly pageToken?: string;
}

/** A list request that may name its target sync explicitly (SPEC §3 rule 1). */
export interface SyncScopedRequest extends PageRequest {
  readonly syncId?: string;
}

/** One page of a list; `nextPageToken` is `''` on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string;
}

/** `listResources` filters. */
export interface ListResourcesRequest extends SyncScopedRequest {
  readonly resourceTypeId?: string;
  readonly parentResourceId?: ResourceId;
}

/** `listEntitlements` filter: the entitlement's resource. */
export interface ListEntitlementsRequest extends SyncScopedRequest {
  readonly resource?: ResourceId;
}

/** `listGrants` filter: the grant's entitlement's resource. */
export interface ListGrantsRequest extends SyncScopedRequest {
  readonly resource?: ResourceId;
}

/** `listGrantsForEntitlement` filters. */
export interface ListGrantsForEntitlementRequest extends SyncScopedRequest {
  readonly entitlementId: string;
  readonly principalId?: ResourceId;
  readonly principalResourceTypeIds?: readonly string[];
}

/** `listGrantsForPrincipal` filters. */
export interface ListGrantsForPrincipalRequest extends SyncScopedRequest {
  readonly principalId: ResourceId;
  readonly entitlementId?: string;
}

/** `listGrantsForResourceType` filter: the type of the grant's entitlement's resource. */
export interface ListGrantsForResourceTypeRequest extends SyncScopedRequest {
  readonly resourceTypeId: string;
}

/** Options of the point reads. */
export interface GetOptions {
  readonly syncId?: string;
}

/** An asset as read: content type and streamed bytes. */
export interface AssetRead {
  readonly contentType: string;
  readonly discoveredAt: Micros;
  readonly data: AsyncIterable<Uint8Array>;
}

/** Counts of the target sync (SPEC §4 `stats`). */
export interface Stats {
  readonly resourceTypes: number;
  readonly resources: number;
  readonly entitlements: number;
  readonly grants: number;
  readonly assets: number;
  readonly resourcesByType: Readonly<Record<string, number>>;
}

/** Options of the record puts. */
export interface PutOptions {
  readonly ifNewer?: boolean;
}

/** Options of `startNewSync`. */
export interface StartNewSyncOptions {
  readonly type?: SyncType;
  readonly parentSyncId?: string;
}

/** Result of `startSync`. */
export interface StartSyncResult {
  readonly syncId: string;
  readonly isNew: boolean;
}

/** Options of `cleanup`. */
export interface CleanupOptions {
  readonly keep?: number;
}

/** One problem `verify()` found. */
export interface VerifyProblem {
  /** A short stable kind: `missing-index`, `stale-index`, `corrupt-record`, `dangling-reference`, ... */
  readonly kind: string;
  readonly syncId: string;
  readonly detail: string;
}

/** What `verify()` found; it never repairs. */
export interface VerifyReport {
  readonly ok: boolean;
  /** Index or storage inconsistencies (a real problem). */
  readonly problems: readonly VerifyProblem[];
  /** References to records absent from their sync (legal, reported for information). */
  readonly dangling: readonly VerifyProblem[];
  readonly recordsChecked: number;
}

/** Every reader of SPEC §4. */
export interface Reader {
  listResourceTypes(req?: SyncScopedRequest): Promise<Page<Stored<ResourceType>>>;
  listResources(req?: ListResourcesRequest): Promise<Page<Stored<Resource>>>;
  listEntitlements(req?: ListEntitlementsRequest): Promise<Page<Stored<Entitlement>>>;
  listGrants(req?: ListGrantsRequest): Promise<Page<Stored<Grant>>>;
  listGrantsForEntitlement(req: ListGrantsForEntitlementRequest): Promise<Page<Stored<Grant>>>;
  listGrantsForPrincipal(req: ListGrantsForPrincipalRequest): Promise<Page<Stored<Grant>>>;
  listGrantsForResourceType(req: ListGrantsForResourceTypeRequest): Promise<Page<Stored<Grant>>>;
  listSyncRuns(req?: PageRequest): Promise<Page<SyncRun>>;
  getResourceType(id: string, opts?: GetOptions): Promise<Stored<ResourceType>>;
  getResource(id: ResourceId, opts?: GetOptions): Promise<Stored<Resource>>;
  getEntitlement(id: string, opts?: GetOptions): Promise<Stored<Entitlement>>;
  getGrant(id: string, opts?: GetOptions): Promise<Stored<Grant>>;
  getAsset(id: string, opts?: GetOptions): Promise<AssetRead>;
  getSync(id: string): Promise<SyncRun>;
  getLatestFinishedSync(type?: SyncType): Promise<SyncRun | undefined>;
  stats(syncId?: string): Promise<Stats>;
}

/** Every writer and whole-sync operation of SPEC §5–6. */
export interface Writer {
  startNewSync(opts?: StartNewSyncOptions): Promise<string>;
  startSync(): Promise<StartSyncResult>;
  setCurrentSync(id: string): Promise<void>;
  currentSyncStep(): Promise<string>;
  checkpointSync(token: string): Promise<void>;
  endSync(): Promise<void>;
  putResourceTypes(items: readonly ResourceType[], opts?: PutOptions): Promise<void>;
  putResources(items: readonly Resource[], opts?: PutOptions): Promise<void>;
  putEntitlements(items: readonly Entitlement[], opts?: PutOptions): Promise<void>;
  putGrants(items: readonly Grant[], opts?: PutOptions): Promise<void>;
  deleteGrant(id: string): Promise<void>;
  putAsset(id: string, contentType: string, data: Uint8Array): Promise<void>;
  generateSyncDiff(baseSyncId: string, appliedSyncId: string): Promise<string>;
  cloneSync(syncId: string, destination: string): Promise<void>;
  viewSync(id: string): Promise<void>;
  cleanup(opts?: CleanupOptions): Promise<string[]>;
  compact(): Promise<void>;
  verify(): Promise<VerifyReport>;
  close(): Promise<void>;
}

/** A storage engine: the whole contract plus its identity and capabilities. */
export interface Engine extends Reader, Writer {
  /** The engine's kind (`sqlite`, `leveldb`, `memory`, `tee`); for display only, never for branching. */
  readonly name: string;
  readonly supports: Supports;
  /** True once any call changed stored state since open (SPEC §6). */
  readonly dirty: boolean;
  /** True after `close()`. */
  readonly closed: boolean;
}

/** Opens engines of one kind at a location (a c1z path, a LevelDB directory, an in-memory name). */
export interface EngineFactory {
  readonly name: string;
  readonly supports: Supports;
  /** Opens the store at `location`, creating an empty one when nothing is there. */
  open(location: string, options: EngineOptions): Promise<Engine>;
  /** A fresh location for a new store inside `dir` (a file name or a subdirectory). */
  locationIn(dir: string, name: string): string;
}

/** The defaults of SPEC (7 days of resume window, 100 MiB assets, pages of 100). */
export const DEFAULTS = {
  resumeWindowMicros: 7 * 24 * 60 * 60 * 1_000_000,
  maxAssetBytes: 100 * 1024 * 1024,
  defaultPageSize: 100,
  maxPageSize: 10_000,
  cleanupKeep: 2,
  maxIdBytes: 1024,
} as const;
