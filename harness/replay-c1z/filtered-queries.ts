/** The filtered reader queries of one sync for the sampled filter values, as the fuzz snapshot builds them. */
import type { ResourceId } from '../../models/types';
import type { FilterValues } from '../runner/snapshot-filters';
import type { ReaderQuery } from './reader-query';

const ridText = (id: ResourceId): string => `${id.resourceType}/${id.resource}`;

/** Every filtered list of sync `syncId` over `values`, at page size `pageSize`. */
export function filteredQueries(at: string, syncId: string, values: FilterValues, pageSize: number): ReaderQuery[] {
  const q: ReaderQuery[] = [];
  for (const t of values.typeIds) {
    q.push({ key: `${at} listResources type=${t}`, method: 'listResources', kind: 'resource', filter: { resourceTypeId: t }, pageSize, run: (e, p) => e.listResources({ ...p, syncId, resourceTypeId: t }) });
    q.push({ key: `${at} listGrantsForResourceType ${t}`, method: 'listGrantsForResourceType', kind: 'grant', filter: { resourceTypeId: t }, pageSize, run: (e, p) => e.listGrantsForResourceType({ ...p, syncId, resourceTypeId: t }) });
  }
  for (const parent of values.parentIds) {
    q.push({ key: `${at} listResources parent=${ridText(parent)}`, method: 'listResources', kind: 'resource', filter: { parentResourceId: parent }, pageSize, run: (e, p) => e.listResources({ ...p, syncId, parentResourceId: parent }) });
  }
  for (const r of values.resourceIds) {
    q.push({ key: `${at} listEntitlements resource=${ridText(r)}`, method: 'listEntitlements', kind: 'entitlement', filter: { resource: r }, pageSize, run: (e, p) => e.listEntitlements({ ...p, syncId, resource: r }) });
    q.push({ key: `${at} listGrants resource=${ridText(r)}`, method: 'listGrants', kind: 'grant', filter: { resource: r }, pageSize, run: (e, p) => e.listGrants({ ...p, syncId, resource: r }) });
  }
  const principalTypes = values.typeIds.slice(0, 2);
  for (const entitlementId of values.entitlementIds) {
    q.push({ key: `${at} listGrantsForEntitlement ${entitlementId}`, method: 'listGrantsForEntitlement', kind: 'grant', filter: { entitlementId }, pageSize, run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId }) });
    for (const principalId of values.principalIds.slice(0, 2)) {
      q.push({
        key: `${at} listGrantsForEntitlement ${entitlementId} principal=${ridText(principalId)}`,
        method: 'listGrantsForEntitlement',
        kind: 'grant',
        filter: { entitlementId, principalId },
        pageSize,
        run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId, principalId }),
      });
    }
    if (principalTypes.length > 0) {
      q.push({
        key: `${at} listGrantsForEntitlement ${entitlementId} types=${principalTypes.join(',')}`,
        method: 'listGrantsForEntitlement',
        kind: 'grant',
        filter: { entitlementId, principalResourceTypeIds: principalTypes },
        pageSize,
        run: (e, p) => e.listGrantsForEntitlement({ ...p, syncId, entitlementId, principalResourceTypeIds: principalTypes }),
      });
    }
  }
  const firstEntitlement = values.entitlementIds[0];
  for (const principalId of values.principalIds) {
    q.push({ key: `${at} listGrantsForPrincipal ${ridText(principalId)}`, method: 'listGrantsForPrincipal', kind: 'grant', filter: { principalId }, pageSize, run: (e, p) => e.listGrantsForPrincipal({ ...p, syncId, principalId }) });
    if (firstEntitlement !== undefined) {
      q.push({
        key: `${at} listGrantsForPrincipal ${ridText(principalId)} ent=${firstEntitlement}`,
        method: 'listGrantsForPrincipal',
        kind: 'grant',
        filter: { principalId, entitlementId: firstEntitlement },
        pageSize,
        run: (e, p) => e.listGrantsForPrincipal({ ...p, syncId, principalId, entitlementId: firstEntitlement }),
      });
    }
  }
  return q;
}
