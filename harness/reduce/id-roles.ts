/**
 * Where ids sit in ops, by role: every resource type, resource, entitlement, grant, asset and clone-destination id
 * that an op names, in its records, references and filters. Sync ids are left out: engines make them.
 */
import type { ResourceId } from '../../models/types';
import { makeOp, type EntitlementItem, type GrantItem, type ItemSource, type Op, type ResourceItem, type ResourceTypeItem } from '../ops';

/** The namespaces of ids that the reducer renames; one id means the same thing wherever its role repeats. */
export type IdRole = 'type' | 'resource' | 'entitlement' | 'grant' | 'asset' | 'destination';

/** Every role, in a fixed order. */
export const ID_ROLES: readonly IdRole[] = ['type', 'resource', 'entitlement', 'grant', 'asset', 'destination'];

/** Maps one id of a role to its replacement (or to itself). */
export type IdMapper = (role: IdRole, id: string) => string;

/** Applies `f` to `obj[key]` when that field is present. */
function mapField<T extends object, K extends keyof T>(obj: T, key: K, f: (v: NonNullable<T[K]>) => T[K]): T {
  const v = obj[key];
  return v === undefined ? obj : { ...obj, [key]: f(v as NonNullable<T[K]>) };
}

function rid(id: ResourceId, f: IdMapper): ResourceId {
  return { ...id, resourceType: f('type', id.resourceType), resource: f('resource', id.resource) };
}

function typeItem(item: ResourceTypeItem, f: IdMapper): ResourceTypeItem {
  return { ...item, id: f('type', item.id) };
}

function resourceItem(item: ResourceItem, f: IdMapper): ResourceItem {
  return mapField({ ...item, id: rid(item.id, f) }, 'parentResourceId', (p) => rid(p, f));
}

function entitlementItem(item: EntitlementItem, f: IdMapper): EntitlementItem {
  const base = { ...item, id: f('entitlement', item.id), resource: resourceItem(item.resource, f) };
  return mapField(base, 'grantableTo', (list) => list.map((t) => typeItem(t, f)));
}

function grantItem(item: GrantItem, f: IdMapper): GrantItem {
  return { ...item, id: f('grant', item.id), entitlement: entitlementItem(item.entitlement, f), principal: resourceItem(item.principal, f) };
}

/** Maps listed items; a seeded batch is left alone (its ids come from its seed). */
function items<T extends object>(source: ItemSource<T>, f: (item: T) => T): ItemSource<T> {
  return 'items' in source ? { items: source.items.map(f) } : source;
}

function mapContents(op: Op, f: IdMapper): Op {
  const ridOf = (id: ResourceId) => rid(id, f);
  switch (op.kind) {
    case 'putResourceTypes':
      return { ...op, source: items(op.source, (i: ResourceTypeItem) => typeItem(i, f)) };
    case 'putResources':
      return { ...op, source: items(op.source, (i: ResourceItem) => resourceItem(i, f)) };
    case 'putEntitlements':
      return { ...op, source: items(op.source, (i: EntitlementItem) => entitlementItem(i, f)) };
    case 'putGrants':
      return { ...op, source: items(op.source, (i: GrantItem) => grantItem(i, f)) };
    case 'deleteGrant':
    case 'getGrant':
      return { ...op, id: f('grant', op.id) };
    case 'putAsset':
    case 'getAsset':
      return { ...op, id: f('asset', op.id) };
    case 'listResources':
      return mapField(mapField(op, 'resourceTypeId', (t) => f('type', t)), 'parentResourceId', ridOf);
    case 'listEntitlements':
    case 'listGrants':
      return mapField(op, 'resource', ridOf);
    case 'listGrantsForEntitlement': {
      const base = mapField({ ...op, entitlementId: f('entitlement', op.entitlementId) }, 'principalId', ridOf);
      return mapField(base, 'principalResourceTypeIds', (ts) => ts.map((t) => f('type', t)));
    }
    case 'listGrantsForPrincipal':
      return mapField({ ...op, principalId: ridOf(op.principalId) }, 'entitlementId', (e) => f('entitlement', e));
    case 'listGrantsForResourceType':
      return { ...op, resourceTypeId: f('type', op.resourceTypeId) };
    case 'getResourceType':
      return { ...op, id: f('type', op.id) };
    case 'getResource':
      return { ...op, id: ridOf(op.id) };
    case 'getEntitlement':
      return { ...op, id: f('entitlement', op.id) };
    case 'cloneSync':
      return { ...op, destination: f('destination', op.destination) };
    case 'readClone':
      return { ...op, destination: f('destination', op.destination) };
    default:
      return op;
  }
}

/** The op with every id it names passed through `f` (a new frozen op; `op` itself when `f` changes nothing). */
export function mapOpIds(op: Op, f: IdMapper): Op {
  let changed = false;
  const mapped = mapContents(op, (role, id) => {
    const out = f(role, id);
    if (out !== id) changed = true;
    return out;
  });
  return changed ? makeOp(mapped) : op;
}
