/** Writes a whole sync in one step: start at a time, put its records, and end it (or leave it current). */
import type { Entitlement, Grant, Micros, Resource, ResourceType, SyncType } from '../../models/types';
import type { TestStore } from './test-store';

/** An asset as a test writes it. */
export interface AssetInput {
  readonly id: string;
  readonly contentType: string;
  readonly data: Uint8Array;
}

/** The records of one sync. */
export interface SyncContent {
  readonly resourceTypes?: readonly ResourceType[];
  readonly resources?: readonly Resource[];
  readonly entitlements?: readonly Entitlement[];
  readonly grants?: readonly Grant[];
  readonly assets?: readonly AssetInput[];
}

/** When and how `writeSync` starts and ends the sync. */
export interface WriteSyncOptions {
  readonly type?: SyncType;
  readonly parent?: string;
  /** The clock time of the start and of the puts (default: the clock's current value). */
  readonly start?: Micros;
  /** The clock time of the end, or `'open'` to leave the sync current and unfinished (default: `start`). */
  readonly end?: Micros | 'open';
}

/** Starts a new sync, puts `content` into it, ends it unless told otherwise, and returns its id. */
export async function writeSync(s: TestStore, content: SyncContent, opts: WriteSyncOptions = {}): Promise<string> {
  const e = s.engine;
  const start = opts.start ?? s.clock.value;
  s.clock.set(start);
  const id = await e.startNewSync({ type: opts.type ?? 'full', parentSyncId: opts.parent ?? '' });
  await e.putResourceTypes(content.resourceTypes ?? []);
  await e.putResources(content.resources ?? []);
  await e.putEntitlements(content.entitlements ?? []);
  await e.putGrants(content.grants ?? []);
  for (const a of content.assets ?? []) await e.putAsset(a.id, a.contentType, a.data);
  if (opts.end !== 'open') {
    s.clock.set(opts.end ?? start);
    await e.endSync();
  }
  return id;
}
