/**
 * Text codecs of the records ops carry. A resource nested in another record is written as its bare id
 * (`principal=user/u1`) when it has no other field, and bracketed otherwise; records in an item list are always
 * bracketed.
 */
import type {
  AnnotationItem,
  EntitlementItem,
  GrantItem,
  ResourceItem,
  ResourceTypeItem,
} from '../items';
import type { ExternalId } from '../../../models/types';
import { bool, hex, int, list, rid, str, type Codec } from './codec';
import { record } from './fields';

/** `[typeUrl 0x...]`. */
export const annotationCodec: Codec<AnnotationItem> = record<AnnotationItem>({
  fields: [
    { field: 'typeUrl', codec: str },
    { field: 'value', codec: hex },
  ],
});

const annotations = list(annotationCodec);

const externalIdCodec: Codec<ExternalId> = record<ExternalId>({
  fields: [
    { field: 'id', key: 'id', codec: str, optional: true },
    { field: 'link', key: 'link', codec: str, optional: true },
    { field: 'description', key: 'desc', codec: str, optional: true },
  ],
});

/** `[id name=... traits=(1 2) ann=(...) desc=... sourced=true]`. */
export const resourceTypeCodec: Codec<ResourceTypeItem> = record<ResourceTypeItem>({
  fields: [
    { field: 'id', codec: str },
    { field: 'displayName', key: 'name', codec: str, optional: true },
    { field: 'traits', key: 'traits', codec: list(int), optional: true },
    { field: 'annotations', key: 'ann', codec: annotations, optional: true },
    { field: 'description', key: 'desc', codec: str, optional: true },
    { field: 'sourcedExternally', key: 'sourced', codec: bool, optional: true },
  ],
});

/** A resource as a bracketed record: `[user/u1 parent=group/g1 name=...]`. */
export const resourceCodec: Codec<ResourceItem> = record<ResourceItem>({
  fields: [
    { field: 'id', codec: rid },
    { field: 'parentResourceId', key: 'parent', codec: rid, optional: true },
    { field: 'displayName', key: 'name', codec: str, optional: true },
    { field: 'annotations', key: 'ann', codec: annotations, optional: true },
    { field: 'description', key: 'desc', codec: str, optional: true },
    { field: 'batonResource', key: 'baton', codec: bool, optional: true },
    { field: 'externalId', key: 'extid', codec: externalIdCodec, optional: true },
    { field: 'creationSource', key: 'source', codec: int, optional: true },
  ],
});

/** A resource nested in another record: its bare id when that is all it has, else bracketed. */
export const nestedResourceCodec: Codec<ResourceItem> = {
  format: (r) => (Object.keys(r).length === 1 ? rid.format(r.id) : resourceCodec.format(r)),
  parse: (cur) => (cur.atSym('[') ? resourceCodec.parse(cur) : { id: rid.parse(cur) }),
};

/** `[e1 res=group/g1 name=... grantable=([user]) purpose=1 slug=...]`. */
export const entitlementCodec: Codec<EntitlementItem> = record<EntitlementItem>({
  fields: [
    { field: 'id', codec: str },
    { field: 'resource', key: 'res', codec: nestedResourceCodec },
    { field: 'displayName', key: 'name', codec: str, optional: true },
    { field: 'description', key: 'desc', codec: str, optional: true },
    { field: 'grantableTo', key: 'grantable', codec: list(resourceTypeCodec), optional: true },
    { field: 'annotations', key: 'ann', codec: annotations, optional: true },
    { field: 'purpose', key: 'purpose', codec: int, optional: true },
    { field: 'slug', key: 'slug', codec: str, optional: true },
  ],
});

/** `[g1 ent=[e1 res=group/g1] principal=user/u1 sources=(...)]`. */
export const grantCodec: Codec<GrantItem> = record<GrantItem>({
  fields: [
    { field: 'id', codec: str },
    { field: 'entitlement', key: 'ent', codec: entitlementCodec },
    { field: 'principal', key: 'principal', codec: nestedResourceCodec },
    { field: 'annotations', key: 'ann', codec: annotations, optional: true },
    { field: 'sources', key: 'sources', codec: list(str), optional: true },
  ],
});
