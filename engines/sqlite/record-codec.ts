/** Per record kind: how to decode its stored bytes and which extracted columns the decoded record implies. */
import { decodeEntitlement, decodeGrant, decodeResource, decodeResourceType } from '../../models/codec';
import type { Entitlement, Grant, Resource, ResourceType } from '../../models/types';
import { entitlementColumns, grantColumns, resourceColumns, resourceTypeColumns, type ExtractedColumns } from './tables';

/** The protobuf record kinds (assets are opaque bytes). */
export type ProtoKind = 'resourceType' | 'resource' | 'entitlement' | 'grant';

/** Decodes bytes of a kind and returns the extracted columns of the decoded record. */
export const COLUMNS_FROM_BYTES: Readonly<Record<ProtoKind, (bytes: Uint8Array) => ExtractedColumns>> = {
  resourceType: (b) => resourceTypeColumns(decodeResourceType(b) as ResourceType),
  resource: (b) => resourceColumns(decodeResource(b) as Resource),
  entitlement: (b) => entitlementColumns(decodeEntitlement(b) as Entitlement),
  grant: (b) => grantColumns(decodeGrant(b) as Grant),
};

/** The protobuf kinds in table order. */
export const PROTO_KINDS: readonly ProtoKind[] = ['resourceType', 'resource', 'entitlement', 'grant'];
