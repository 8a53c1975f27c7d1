/** The record writers of SPEC §5 as ops: puts of each entity (listed items or a seeded batch), deletes and assets. */
import type {
  BytesRef,
  EntitlementItem,
  GrantItem,
  ItemSource,
  ResourceItem,
  ResourceTypeItem,
} from './items';
import { str } from './text/codec';
import type { Layout } from './text/fields';
import { entitlementCodec, grantCodec, resourceCodec, resourceTypeCodec } from './text/item-codecs';
import { bytesCodec, itemSourceCodec } from './text/ref-codecs';

/** `putResourceTypes(items, { ifNewer })`. */
export interface PutResourceTypesOp {
  readonly kind: 'putResourceTypes';
  readonly source: ItemSource<ResourceTypeItem>;
  readonly ifNewer: boolean;
}

/** `putResources(items, { ifNewer })`. */
export interface PutResourcesOp {
  readonly kind: 'putResources';
  readonly source: ItemSource<ResourceItem>;
  readonly ifNewer: boolean;
}

/** `putEntitlements(items, { ifNewer })`. */
export interface PutEntitlementsOp {
  readonly kind: 'putEntitlements';
  readonly source: ItemSource<EntitlementItem>;
  readonly ifNewer: boolean;
}

/** `putGrants(items, { ifNewer })`. */
export interface PutGrantsOp {
  readonly kind: 'putGrants';
  readonly source: ItemSource<GrantItem>;
  readonly ifNewer: boolean;
}

/** `deleteGrant(id)`. */
export interface DeleteGrantOp {
  readonly kind: 'deleteGrant';
  readonly id: string;
}

/** `putAsset(id, contentType, data)`. */
export interface PutAssetOp {
  readonly kind: 'putAsset';
  readonly id: string;
  readonly contentType: string;
  readonly data: BytesRef;
}

/** The four record puts. */
export type PutRecordsOp = PutResourceTypesOp | PutResourcesOp | PutEntitlementsOp | PutGrantsOp;

/** Every record writer op. */
export type PutOp = PutRecordsOp | DeleteGrantOp | PutAssetOp;

const ifNewer = [{ field: 'ifNewer', word: 'ifNewer' }];

/** The text layout of each put op: `putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] ifNewer`. */
export const PUT_OP_LAYOUTS: { readonly [K in PutOp['kind']]: Layout } = {
  putResourceTypes: { fields: [{ field: 'source', codec: itemSourceCodec(resourceTypeCodec) }], flags: ifNewer },
  putResources: { fields: [{ field: 'source', codec: itemSourceCodec(resourceCodec) }], flags: ifNewer },
  putEntitlements: { fields: [{ field: 'source', codec: itemSourceCodec(entitlementCodec) }], flags: ifNewer },
  putGrants: { fields: [{ field: 'source', codec: itemSourceCodec(grantCodec) }], flags: ifNewer },
  deleteGrant: { fields: [{ field: 'id', codec: str }] },
  putAsset: {
    fields: [
      { field: 'id', codec: str },
      { field: 'contentType', key: 'type', codec: str },
      { field: 'data', key: 'data', codec: bytesCodec },
    ],
  },
};
