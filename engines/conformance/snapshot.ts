/**
 * Everything a store shows for one read target, as comparable text: every list drained (unfiltered and with every
 * filter value in use), every record read back by `get`, the named assets and the stats.
 */
import { isStorageError } from '../../models/contract/errors';
import type { Engine, Stats } from '../../models/contract/api';
import { drain } from './drain';
import { encodedSet, encodedStored } from './encoded';
import { readAsset } from './read-asset';
import { keyOf, keys, ridKey } from './records';

/** What `snapshot` reads. */
export interface Snapshot {
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly gets: readonly string[];
  readonly assets: Readonly<Record<string, string>>;
  readonly stats: Stats;
}

/** Reads the whole visible state of `engine` for `syncId` (or the default target), paging with `pageSize`. */
export async function snapshot(engine: Engine, syncId?: string, assetIds: readonly string[] = [], pageSize = 3): Promise<Snapshot> {
  const scope = syncId === undefined ? {} : { syncId };
  const lists: Record<string, string[]> = {};
  const types = await drain((p) => engine.listResourceTypes({ ...scope, ...p }), pageSize);
  const resources = await drain((p) => engine.listResources({ ...scope, ...p }), pageSize);
  const entitlements = await drain((p) => engine.listEntitlements({ ...scope, ...p }), pageSize);
  const grants = await drain((p) => engine.listGrants({ ...scope, ...p }), pageSize);
  lists['resourceTypes'] = encodedSet(types);
  lists['resources'] = encodedSet(resources);
  lists['entitlements'] = encodedSet(entitlements);
  lists['grants'] = encodedSet(grants);

  const typeIds = new Set([...types.map(keyOf), ...resources.map((r) => r.record.id.resourceType)]);
  for (const t of [...typeIds].sort()) {
    lists[`resources type=${t}`] = keys(await drain((p) => engine.listResources({ ...scope, resourceTypeId: t, ...p }), pageSize));
    lists[`grantsForResourceType ${t}`] = keys(
      await drain((p) => engine.listGrantsForResourceType({ ...scope, resourceTypeId: t, ...p }), pageSize),
    );
  }
  for (const r of resources) {
    const id = r.record.id;
    const k = ridKey(id);
    lists[`resources parent=${k}`] = keys(await drain((p) => engine.listResources({ ...scope, parentResourceId: id, ...p }), pageSize));
    lists[`entitlements resource=${k}`] = keys(await drain((p) => engine.listEntitlements({ ...scope, resource: id, ...p }), pageSize));
    lists[`grants resource=${k}`] = keys(await drain((p) => engine.listGrants({ ...scope, resource: id, ...p }), pageSize));
    lists[`grantsForPrincipal ${k}`] = keys(await drain((p) => engine.listGrantsForPrincipal({ ...scope, principalId: id, ...p }), pageSize));
  }
  for (const e of entitlements) {
    lists[`grantsForEntitlement ${e.record.id}`] = keys(
      await drain((p) => engine.listGrantsForEntitlement({ ...scope, entitlementId: e.record.id, ...p }), pageSize),
    );
  }

  const gets: string[] = [];
  for (const t of types) gets.push(encodedStored(await engine.getResourceType(t.record.id, scope)));
  for (const r of resources) gets.push(encodedStored(await engine.getResource(r.record.id, scope)));
  for (const e of entitlements) gets.push(encodedStored(await engine.getEntitlement(e.record.id, scope)));
  for (const g of grants) gets.push(encodedStored(await engine.getGrant(g.record.id, scope)));

  const assets: Record<string, string> = {};
  for (const id of assetIds) {
    try {
      const a = await readAsset(engine, id, scope);
      assets[id] = `${a.contentType}@${a.discoveredAt}=${a.data.toString('hex')}`;
    } catch (err) {
      if (!isStorageError(err)) throw err;
      assets[id] = err.code;
    }
  }
  return { lists, gets: gets.sort(), assets, stats: await engine.stats(syncId) };
}
