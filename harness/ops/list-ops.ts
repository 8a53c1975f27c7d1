/**
 * The list readers of SPEC §4 as ops. Each op is one call with its page size and token; the runner drains the
 * remaining pages itself. A page token is symbolic (`token=malformed`, `token=foreign`) or a quoted literal.
 */
import type { ResourceId } from '../../models/types';
import type { PageTokenRef } from './items';
import { int, list, rid, str } from './text/codec';
import type { Layout } from './text/fields';
import { pageTokenCodec } from './text/ref-codecs';

interface Paged {
  readonly pageSize?: number;
  readonly pageToken?: PageTokenRef;
}

interface SyncPaged extends Paged {
  readonly syncId?: string;
}

/** `listResourceTypes`. */
export interface ListResourceTypesOp extends SyncPaged {
  readonly kind: 'listResourceTypes';
}

/** `listResources` with its optional filters. */
export interface ListResourcesOp extends SyncPaged {
  readonly kind: 'listResources';
  readonly resourceTypeId?: string;
  readonly parentResourceId?: ResourceId;
}

/** `listEntitlements`, optionally of one resource. */
export interface ListEntitlementsOp extends SyncPaged {
  readonly kind: 'listEntitlements';
  readonly resource?: ResourceId;
}

/** `listGrants`, optionally of one entitlement resource. */
export interface ListGrantsOp extends SyncPaged {
  readonly kind: 'listGrants';
  readonly resource?: ResourceId;
}

/** `listGrantsForEntitlement`. */
export interface ListGrantsForEntitlementOp extends SyncPaged {
  readonly kind: 'listGrantsForEntitlement';
  readonly entitlementId: string;
  readonly principalId?: ResourceId;
  readonly principalResourceTypeIds?: readonly string[];
}

/** `listGrantsForPrincipal`. */
export interface ListGrantsForPrincipalOp extends SyncPaged {
  readonly kind: 'listGrantsForPrincipal';
  readonly principalId: ResourceId;
  readonly entitlementId?: string;
}

/** `listGrantsForResourceType`. */
export interface ListGrantsForResourceTypeOp extends SyncPaged {
  readonly kind: 'listGrantsForResourceType';
  readonly resourceTypeId: string;
}

/** `listSyncRuns`. */
export interface ListSyncRunsOp extends Paged {
  readonly kind: 'listSyncRuns';
}

/** Every list op. */
export type ListOp =
  | ListResourceTypesOp
  | ListResourcesOp
  | ListEntitlementsOp
  | ListGrantsOp
  | ListGrantsForEntitlementOp
  | ListGrantsForPrincipalOp
  | ListGrantsForResourceTypeOp
  | ListSyncRunsOp;

const paging = [
  { field: 'pageSize', key: 'size', codec: int, optional: true },
  { field: 'pageToken', key: 'token', codec: pageTokenCodec, optional: true },
] as const;
const syncPaging = [{ field: 'syncId', key: 'sync', codec: str, optional: true }, ...paging] as const;

/** The text layout of each list op: `listGrantsForEntitlement e1 principal=user/u1 sync=s0001 size=2 token=foreign`. */
export const LIST_OP_LAYOUTS: { readonly [K in ListOp['kind']]: Layout } = {
  listResourceTypes: { fields: syncPaging },
  listResources: {
    fields: [
      { field: 'resourceTypeId', key: 'type', codec: str, optional: true },
      { field: 'parentResourceId', key: 'parent', codec: rid, optional: true },
      ...syncPaging,
    ],
  },
  listEntitlements: { fields: [{ field: 'resource', key: 'resource', codec: rid, optional: true }, ...syncPaging] },
  listGrants: { fields: [{ field: 'resource', key: 'resource', codec: rid, optional: true }, ...syncPaging] },
  listGrantsForEntitlement: {
    fields: [
      { field: 'entitlementId', codec: str },
      { field: 'principalId', key: 'principal', codec: rid, optional: true },
      { field: 'principalResourceTypeIds', key: 'ptypes', codec: list(str), optional: true },
      ...syncPaging,
    ],
  },
  listGrantsForPrincipal: {
    fields: [{ field: 'principalId', codec: rid }, { field: 'entitlementId', key: 'ent', codec: str, optional: true }, ...syncPaging],
  },
  listGrantsForResourceType: { fields: [{ field: 'resourceTypeId', codec: str }, ...syncPaging] },
  listSyncRuns: { fields: paging },
};
