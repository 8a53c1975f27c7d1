/** A sync whose every list spans many pages, and the expected keys of each list, for the paging tests. */
import type { Engine, Page, PageRequest, Stored } from '../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceType } from '../../models/types';
import { ent, grant, keys, res, rid, rt } from './records';
import type { TestStore } from './test-store';
import { writeSync } from './write-sync';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The records of the paging sync. */
export const PAGING_CONTENT = (() => {
  const resourceTypes = Array.from({ length: 12 }, (_, i) => rt(`t${pad(i + 1)}`));
  const groups = Array.from({ length: 10 }, (_, i) => res('group', `g${pad(i + 1)}`));
  const users = Array.from({ length: 15 }, (_, i) => res('user', `u${pad(i + 1)}`, i < 5 ? { parent: rid('group', 'g01') } : {}));
  const g01 = groups[0] as Resource;
  const u01 = users[0] as Resource;
  const entitlements = Array.from({ length: 12 }, (_, i) => ent(`e${pad(i + 1)}`, i === 0 ? g01 : i === 1 ? u01 : groups[i % 10] as Resource));
  const e01 = entitlements[0] as Entitlement;
  const e02 = entitlements[1] as Entitlement;
  const principals = [...users, ...groups.slice(0, 5)];
  const grants = [
    ...principals.map((p, i) => grant(`g${pad(i + 1)}`, e01, p)),
    ...Array.from({ length: 10 }, (_, i) => grant(`g${pad(i + 21)}`, e02, u01, { sources: { sources: [`src${i}`] } })),
  ];
  return { resourceTypes, resources: [...groups, ...users], entitlements, grants };
})();

/** One list call with its filter bound and the keys it must drain to. */
export interface PagedList {
  readonly name: string;
  readonly call: (e: Engine, page: PageRequest & { syncId?: string }) => Promise<Page<Stored<ResourceType | Resource | Entitlement | Grant>>>;
  readonly expected: readonly string[];
  /** Whether an item belongs to this list's filter. */
  readonly accepts: (item: Stored<ResourceType | Resource | Entitlement | Grant>) => boolean;
}

const c = PAGING_CONTENT;
const isGrant = (x: Stored<unknown>): x is Stored<Grant> => typeof x.record === 'object' && x.record !== null && 'principal' in x.record;
const isResource = (x: Stored<unknown>): x is Stored<Resource> =>
  typeof x.record === 'object' && x.record !== null && typeof (x.record as Resource).id === 'object';
const isEntitlement = (x: Stored<unknown>): x is Stored<Entitlement> =>
  typeof x.record === 'object' && x.record !== null && 'resource' in x.record && !('principal' in x.record);

/** Every list method of SPEC §4 (but listSyncRuns), unfiltered and filtered, over the paging sync. */
export const PAGED_LISTS: readonly PagedList[] = [
  { name: 'listResourceTypes', call: (e, p) => e.listResourceTypes(p), expected: keys(c.resourceTypes), accepts: (x) => !isResource(x) && !isGrant(x) && !isEntitlement(x) },
  { name: 'listResources', call: (e, p) => e.listResources(p), expected: keys(c.resources), accepts: isResource },
  {
    name: 'listResources type=user',
    call: (e, p) => e.listResources({ ...p, resourceTypeId: 'user' }),
    expected: keys(c.resources.filter((r) => r.id.resourceType === 'user')),
    accepts: (x) => isResource(x) && x.record.id.resourceType === 'user',
  },
  {
    name: 'listResources parent=group:g01',
    call: (e, p) => e.listResources({ ...p, parentResourceId: rid('group', 'g01') }),
    expected: keys(c.resources.filter((r) => r.parentResourceId?.resource === 'g01')),
    accepts: (x) => isResource(x) && x.record.parentResourceId?.resourceType === 'group' && x.record.parentResourceId.resource === 'g01',
  },
  { name: 'listEntitlements', call: (e, p) => e.listEntitlements(p), expected: keys(c.entitlements), accepts: isEntitlement },
  {
    name: 'listEntitlements resource=group:g01',
    call: (e, p) => e.listEntitlements({ ...p, resource: rid('group', 'g01') }),
    expected: keys(c.entitlements.filter((x) => x.resource.id.resource === 'g01')),
    accepts: (x) => isEntitlement(x) && x.record.resource.id.resource === 'g01',
  },
  { name: 'listGrants', call: (e, p) => e.listGrants(p), expected: keys(c.grants), accepts: isGrant },
  {
    name: 'listGrants resource=group:g01',
    call: (e, p) => e.listGrants({ ...p, resource: rid('group', 'g01') }),
    expected: keys(c.grants.filter((g) => g.entitlement.resource.id.resourceType === 'group' && g.entitlement.resource.id.resource === 'g01')),
    accepts: (x) => isGrant(x) && x.record.entitlement.resource.id.resourceType === 'group' && x.record.entitlement.resource.id.resource === 'g01',
  },
  {
    name: 'listGrantsForEntitlement e01',
    call: (e, p) => e.listGrantsForEntitlement({ ...p, entitlementId: 'e01' }),
    expected: keys(c.grants.filter((g) => g.entitlement.id === 'e01')),
    accepts: (x) => isGrant(x) && x.record.entitlement.id === 'e01',
  },
  {
    name: 'listGrantsForEntitlement e01 principal types user',
    call: (e, p) => e.listGrantsForEntitlement({ ...p, entitlementId: 'e01', principalResourceTypeIds: ['user'] }),
    expected: keys(c.grants.filter((g) => g.entitlement.id === 'e01' && g.principal.id.resourceType === 'user')),
    accepts: (x) => isGrant(x) && x.record.entitlement.id === 'e01' && x.record.principal.id.resourceType === 'user',
  },
  {
    name: 'listGrantsForPrincipal user:u01',
    call: (e, p) => e.listGrantsForPrincipal({ ...p, principalId: rid('user', 'u01') }),
    expected: keys(c.grants.filter((g) => g.principal.id.resource === 'u01')),
    accepts: (x) => isGrant(x) && x.record.principal.id.resource === 'u01',
  },
  {
    name: 'listGrantsForResourceType group',
    call: (e, p) => e.listGrantsForResourceType({ ...p, resourceTypeId: 'group' }),
    expected: keys(c.grants.filter((g) => g.entitlement.resource.id.resourceType === 'group')),
    accepts: (x) => isGrant(x) && x.record.entitlement.resource.id.resourceType === 'group',
  },
];

/** Writes the paging sync (finished, type full) and returns its id. */
export function writePagingSync(s: TestStore): Promise<string> {
  return writeSync(s, PAGING_CONTENT);
}
