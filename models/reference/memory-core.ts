/**
 * The part of the model every call shares: the store it opened, the session state (current and view sync, dirty,
 * closed), the call queue and the read-target rules of SPEC §3.
 */
import { DEFAULTS, type EngineOptions } from '../contract/api';
import { StorageError } from '../contract/errors';
import type { Micros, SyncRun, SyncType } from '../types';
import { emptySync, startedRun, type StoreState, type SyncData } from './state';
import { defaultTarget } from './sync-rules';
import { optionalSyncId } from './validate';

/** The shared state and rules of the in-memory engine; `MemoryEngine` adds the public methods. */
export abstract class MemoryCore {
  protected readonly store: StoreState;
  protected readonly options: EngineOptions;
  protected readonly resumeWindow: Micros;
  protected readonly maxAssetBytes: number;
  protected readonly defaultPageSize: number;
  /** The sync being written, in memory only. */
  protected current: string | undefined;
  /** The sync set by viewSync, in memory only. */
  protected view: string | undefined;
  protected isDirty = false;
  private isClosed = false;
  private queue: Promise<unknown> = Promise.resolve();

  protected constructor(store: StoreState, options: EngineOptions) {
    this.store = store;
    this.options = options;
    this.resumeWindow = options.resumeWindowMicros ?? DEFAULTS.resumeWindowMicros;
    this.maxAssetBytes = options.maxAssetBytes ?? DEFAULTS.maxAssetBytes;
    this.defaultPageSize = Math.max(options.defaultPageSize ?? DEFAULTS.defaultPageSize, DEFAULTS.defaultPageSize);
  }

  /** True once a call changed stored state since open. */
  get dirty(): boolean {
    return this.isDirty;
  }

  /** True after `close()`. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Runs `fn` after every earlier call has settled; CLOSED once closed; anything thrown becomes a StorageError. */
  protected exclusive<T>(method: string, fn: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.isClosed) throw new StorageError('CLOSED', `${method}: the store is closed`);
      try {
        return await fn();
      } catch (err) {
        throw this.asStorageError(err, method);
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Turns anything thrown into a StorageError, keeping a StorageError as it is and a native error as `cause`. */
  protected asStorageError(err: unknown, method: string): StorageError {
    if (err instanceof StorageError) return err;
    return new StorageError('IO', `${method}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }

  /** Runs a public call: `exclusive`, with the clock read once at its start. */
  protected call<T>(method: string, fn: (now: Micros) => T | Promise<T>): Promise<T> {
    return this.exclusive(method, () => fn(this.options.clock()));
  }

  /** Marks the engine closed and forgets the session state. */
  protected markClosed(): void {
    this.isClosed = true;
    this.current = undefined;
    this.view = undefined;
  }

  /** Every sync run of the store, in no particular order. */
  protected runs(): SyncRun[] {
    return [...this.store.syncs.values()].map((s) => s.run);
  }

  /** The named sync, or NOT_FOUND. */
  protected syncNamed(id: string): SyncData {
    const sync = this.store.syncs.get(id);
    if (sync === undefined) throw new StorageError('NOT_FOUND', `sync ${JSON.stringify(id)} not found`);
    return sync;
  }

  /** The current sync, or FAILED_PRECONDITION when none is current. */
  protected currentSync(method: string): SyncData {
    if (this.current === undefined) throw new StorageError('FAILED_PRECONDITION', `${method} needs a current sync`);
    return this.syncNamed(this.current);
  }

  /** The sync a read sees (SPEC §3), or undefined when no rule applies (rule 6). */
  protected target(explicit: unknown, now: Micros): SyncData | undefined {
    const named = optionalSyncId(explicit);
    if (named !== undefined) return this.syncNamed(named);
    const sessionId = this.current ?? this.view;
    if (sessionId !== undefined) return this.store.syncs.get(sessionId);
    const found = defaultTarget(this.runs(), now, this.resumeWindow);
    return found === undefined ? undefined : this.store.syncs.get(found.id);
  }

  /** Adds an empty sync with a fresh id from `newSyncId`. */
  protected addSync(now: Micros, syncType: SyncType, parentSyncId: string, endedAt?: Micros): SyncData {
    const id = this.options.newSyncId();
    if (this.store.syncs.has(id)) throw new StorageError('IO', `newSyncId returned ${JSON.stringify(id)}, which exists`);
    const run = startedRun(id, now, syncType, parentSyncId);
    const sync = emptySync(endedAt === undefined ? run : { ...run, endedAt });
    this.store.syncs.set(id, sync);
    this.isDirty = true;
    return sync;
  }
}
