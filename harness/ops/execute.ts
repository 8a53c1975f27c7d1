/**
 * Runs one contract op against an engine and reports its outcome as data: the value it returned, or the code of the
 * StorageError it threw. Anything else thrown is a bug in the engine or the harness and is re-thrown.
 */
import type { AssetRead, Engine } from '../../models/contract/api';
import { isStorageError, type ErrorCode } from '../../models/contract/errors';
import { encodePageToken, queryDigest } from '../../engines/base/page-token';
import type { SyncType } from '../../models/types';
import type { PageTokenRef } from './items';
import { isHarnessOp } from './kinds';
import type { ListOp } from './list-ops';
import { present } from './present';
import { resolveBytes, resolveText, sourceItems, toEntitlement, toGrant, toResource, toResourceType } from './records';
import type { ContractOp, Op } from './types';

/** What one op did: its value, or the error code and message of the StorageError it threw. */
export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** An asset as `executeOp` reports it: its stream drained into bytes. */
export interface DrainedAsset {
  readonly contentType: string;
  readonly discoveredAt: number;
  readonly data: Uint8Array;
}

/** How the runner resolves the symbolic parts of ops; every hook is optional. */
export interface ExecuteContext {
  /** Maps a clone destination name (`clone1`) to a location; names pass unchanged when absent, and `''` always does. */
  readonly destination?: (name: string) => string;
  /** Resolves a symbolic page token for a list op; undefined falls back to the default tokens below. */
  readonly pageToken?: (symbol: 'malformed' | 'foreign', op: ListOp) => string | undefined;
}

/** The token `token=malformed` stands for unless the runner says otherwise: not even base64url. */
export const MALFORMED_PAGE_TOKEN = '!not a page token!';

/** The token `token=foreign` stands for unless the runner supplies a real one: well-formed, issued for another query. */
export const DEFAULT_FOREIGN_PAGE_TOKEN = encodePageToken(queryDigest({ foreign: 'c1z-parity harness' }), '');

function token(ref: PageTokenRef | undefined, op: ListOp, ctx: ExecuteContext): string | undefined {
  if (ref === undefined) return undefined;
  if ('literal' in ref) return ref.literal;
  return ctx.pageToken?.(ref.symbol, op) ?? (ref.symbol === 'malformed' ? MALFORMED_PAGE_TOKEN : DEFAULT_FOREIGN_PAGE_TOKEN);
}

async function drain(asset: AssetRead): Promise<DrainedAsset> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of asset.data) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('getAsset yielded a chunk that is not bytes');
    chunks.push(chunk);
    total += chunk.length;
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return { contentType: asset.contentType, discoveredAt: asset.discoveredAt, data };
}

function list(engine: Engine, op: ListOp, ctx: ExecuteContext): Promise<unknown> {
  const paging = { pageSize: op.pageSize, pageToken: token(op.pageToken, op, ctx) };
  switch (op.kind) {
    case 'listSyncRuns':
      return engine.listSyncRuns(present(paging));
    case 'listResourceTypes':
      return engine.listResourceTypes(present({ ...paging, syncId: op.syncId }));
    case 'listResources':
      return engine.listResources(
        present({ ...paging, syncId: op.syncId, resourceTypeId: op.resourceTypeId, parentResourceId: op.parentResourceId }),
      );
    case 'listEntitlements':
      return engine.listEntitlements(present({ ...paging, syncId: op.syncId, resource: op.resource }));
    case 'listGrants':
      return engine.listGrants(present({ ...paging, syncId: op.syncId, resource: op.resource }));
    case 'listGrantsForEntitlement':
      return engine.listGrantsForEntitlement(
        present({
          ...paging,
          syncId: op.syncId,
          entitlementId: op.entitlementId,
          principalId: op.principalId,
          principalResourceTypeIds: op.principalResourceTypeIds,
        }),
      );
    case 'listGrantsForPrincipal':
      return engine.listGrantsForPrincipal(
        present({ ...paging, syncId: op.syncId, principalId: op.principalId, entitlementId: op.entitlementId }),
      );
    case 'listGrantsForResourceType':
      return engine.listGrantsForResourceType(present({ ...paging, syncId: op.syncId, resourceTypeId: op.resourceTypeId }));
  }
}

/** Calls the Engine method of a contract op and returns what it resolved to. */
async function call(engine: Engine, op: ContractOp, ctx: ExecuteContext): Promise<unknown> {
  switch (op.kind) {
    case 'startNewSync':
      return engine.startNewSync(present({ type: op.syncType as SyncType | undefined, parentSyncId: op.parentSyncId }));
    case 'startSync':
      return engine.startSync();
    case 'setCurrentSync':
      return engine.setCurrentSync(op.id);
    case 'currentSyncStep':
      return engine.currentSyncStep();
    case 'checkpointSync':
      return engine.checkpointSync(resolveText(op.token));
    case 'endSync':
      return engine.endSync();
    case 'putResourceTypes':
      return engine.putResourceTypes(sourceItems(op.kind, op.source).map(toResourceType), { ifNewer: op.ifNewer });
    case 'putResources':
      return engine.putResources(sourceItems(op.kind, op.source).map(toResource), { ifNewer: op.ifNewer });
    case 'putEntitlements':
      return engine.putEntitlements(sourceItems(op.kind, op.source).map(toEntitlement), { ifNewer: op.ifNewer });
    case 'putGrants':
      return engine.putGrants(sourceItems(op.kind, op.source).map(toGrant), { ifNewer: op.ifNewer });
    case 'deleteGrant':
      return engine.deleteGrant(op.id);
    case 'putAsset':
      return engine.putAsset(op.id, op.contentType, resolveBytes(op.data));
    case 'listResourceTypes':
    case 'listResources':
    case 'listEntitlements':
    case 'listGrants':
    case 'listGrantsForEntitlement':
    case 'listGrantsForPrincipal':
    case 'listGrantsForResourceType':
    case 'listSyncRuns':
      return list(engine, op, ctx);
    case 'getResourceType':
      return engine.getResourceType(op.id, present({ syncId: op.syncId }));
    case 'getResource':
      return engine.getResource(op.id, present({ syncId: op.syncId }));
    case 'getEntitlement':
      return engine.getEntitlement(op.id, present({ syncId: op.syncId }));
    case 'getGrant':
      return engine.getGrant(op.id, present({ syncId: op.syncId }));
    case 'getAsset':
      return drain(await engine.getAsset(op.id, present({ syncId: op.syncId })));
    case 'getSync':
      return engine.getSync(op.id);
    case 'getLatestFinishedSync':
      return engine.getLatestFinishedSync(op.syncType as SyncType | undefined);
    case 'stats':
      return engine.stats(op.syncId);
    case 'generateSyncDiff':
      return engine.generateSyncDiff(op.baseSyncId, op.appliedSyncId);
    case 'cloneSync':
      return engine.cloneSync(op.syncId, op.destination === '' ? '' : (ctx.destination?.(op.destination) ?? op.destination));
    case 'viewSync':
      return engine.viewSync(op.id);
    case 'cleanup':
      // A string keep is passed as it is: the engine must refuse it (INVALID_ARGUMENT), so the cast is the test.
      return engine.cleanup(present({ keep: op.keep as number | undefined }));
    case 'compact':
      return engine.compact();
    case 'verify':
      return engine.verify();
    case 'close':
      return engine.close();
  }
}

/**
 * Executes a contract op once (a list op fetches one page with the op's size and token; the runner drains the rest).
 * A StorageError becomes `{ ok: false, code }`; anything else thrown is re-thrown. Harness ops are refused.
 */
export async function executeOp(engine: Engine, op: Op, ctx: ExecuteContext = {}): Promise<Outcome> {
  if (isHarnessOp(op)) throw new Error(`executeOp: ${op.kind} is a harness op; the runner executes it`);
  try {
    return { ok: true, value: await call(engine, op, ctx) };
  } catch (err) {
    if (isStorageError(err)) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

export { isHarnessOp };
