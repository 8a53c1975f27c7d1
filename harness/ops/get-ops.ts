/** The point readers and counters of SPEC §4 as ops. */
import type { ResourceId } from '../../models/types';
import { rid, str } from './text/codec';
import type { Layout } from './text/fields';

interface SyncScoped {
  readonly syncId?: string;
}

/** `getResourceType(id)`. */
export interface GetResourceTypeOp extends SyncScoped {
  readonly kind: 'getResourceType';
  readonly id: string;
}

/** `getResource(resourceId)`. */
export interface GetResourceOp extends SyncScoped {
  readonly kind: 'getResource';
  readonly id: ResourceId;
}

/** `getEntitlement(id)`. */
export interface GetEntitlementOp extends SyncScoped {
  readonly kind: 'getEntitlement';
  readonly id: string;
}

/** `getGrant(id)`. */
export interface GetGrantOp extends SyncScoped {
  readonly kind: 'getGrant';
  readonly id: string;
}

/** `getAsset(id)`; the executor drains its stream into bytes. */
export interface GetAssetOp extends SyncScoped {
  readonly kind: 'getAsset';
  readonly id: string;
}

/** `getSync(id)`. */
export interface GetSyncOp {
  readonly kind: 'getSync';
  readonly id: string;
}

/** `getLatestFinishedSync(type?)`; the type is any string so that invalid types can be asked for. */
export interface GetLatestFinishedSyncOp {
  readonly kind: 'getLatestFinishedSync';
  readonly syncType?: string;
}

/** `stats(syncId?)`. */
export interface StatsOp {
  readonly kind: 'stats';
  readonly syncId?: string;
}

/** Every point read and `stats`. */
export type GetOp =
  | GetResourceTypeOp
  | GetResourceOp
  | GetEntitlementOp
  | GetGrantOp
  | GetAssetOp
  | GetSyncOp
  | GetLatestFinishedSyncOp
  | StatsOp;

const sync = { field: 'syncId', key: 'sync', codec: str, optional: true } as const;
const byId: Layout = { fields: [{ field: 'id', codec: str }, sync] };

/** The text layout of each get op: `getResource user/u1 sync=s0002`. */
export const GET_OP_LAYOUTS: { readonly [K in GetOp['kind']]: Layout } = {
  getResourceType: byId,
  getResource: { fields: [{ field: 'id', codec: rid }, sync] },
  getEntitlement: byId,
  getGrant: byId,
  getAsset: byId,
  getSync: { fields: [{ field: 'id', codec: str }] },
  getLatestFinishedSync: { fields: [{ field: 'syncType', key: 'type', codec: str, optional: true }] },
  stats: { fields: [sync] },
};
