/**
 * The record tables of the c1z v1 schema and the columns this engine extracts from each record kind (SPEC §8). One
 * source of truth for puts, bulk loads and verify, so the extracted columns cannot disagree between them.
 */
import type { Entitlement, Grant, RecordKind, Resource, ResourceType } from '../../models/types';
import { resourceExternalId } from '../base/prepared';

/** The extracted columns of one record, by column name (values are text or NULL). */
export type ExtractedColumns = Readonly<Record<string, string | null>>;

/** A record table: its name and the extracted columns besides data, sync_id and discovered_at. */
export interface RecordTable {
  readonly kind: RecordKind;
  readonly table: string;
  readonly columns: readonly string[];
}

/** Every record table, in the order bulk reads stream them. */
export const RECORD_TABLES: Readonly<Record<RecordKind, RecordTable>> = {
  resourceType: { kind: 'resourceType', table: 'v1_resource_types', columns: ['external_id'] },
  resource: {
    kind: 'resource',
    table: 'v1_resources',
    columns: ['resource_type_id', 'external_id', 'parent_resource_type_id', 'parent_resource_id'],
  },
  entitlement: { kind: 'entitlement', table: 'v1_entitlements', columns: ['resource_type_id', 'resource_id', 'external_id'] },
  grant: {
    kind: 'grant',
    table: 'v1_grants',
    columns: ['resource_type_id', 'resource_id', 'entitlement_id', 'principal_resource_type_id', 'principal_resource_id', 'external_id'],
  },
  asset: { kind: 'asset', table: 'v1_assets', columns: ['external_id', 'content_type'] },
};

/** The record kinds in streaming order. */
export const RECORD_KINDS: readonly RecordKind[] = ['resourceType', 'resource', 'entitlement', 'grant', 'asset'];

// Decoded foreign records may lack fields their types call required, hence the defensive `?.` and `?? ''` below.

/** The extracted columns of a resource type. */
export function resourceTypeColumns(rt: ResourceType): ExtractedColumns {
  return { external_id: rt.id ?? '' };
}

/** The extracted columns of a resource: its type, `type:id`, and its parent (NULL when it has none). */
export function resourceColumns(r: Resource): ExtractedColumns {
  const id = { resourceType: r.id?.resourceType ?? '', resource: r.id?.resource ?? '' };
  return {
    resource_type_id: id.resourceType,
    external_id: resourceExternalId(id),
    parent_resource_type_id: r.parentResourceId === undefined ? null : (r.parentResourceId.resourceType ?? ''),
    parent_resource_id: r.parentResourceId === undefined ? null : (r.parentResourceId.resource ?? ''),
  };
}

/** The extracted columns of an entitlement: its resource's type and id. */
export function entitlementColumns(e: Entitlement): ExtractedColumns {
  return {
    resource_type_id: e.resource?.id?.resourceType ?? '',
    resource_id: e.resource?.id?.resource ?? '',
    external_id: e.id ?? '',
  };
}

/** The extracted columns of a grant: its entitlement's resource, its entitlement and its principal. */
export function grantColumns(g: Grant): ExtractedColumns {
  return {
    resource_type_id: g.entitlement?.resource?.id?.resourceType ?? '',
    resource_id: g.entitlement?.resource?.id?.resource ?? '',
    entitlement_id: g.entitlement?.id ?? '',
    principal_resource_type_id: g.principal?.id?.resourceType ?? '',
    principal_resource_id: g.principal?.id?.resource ?? '',
    external_id: g.id ?? '',
  };
}
