/** Stats of one sync from its counter keys (kept exact by every batch that adds or removes a record). */
import type { Stats } from '../../models/contract/api';
import type { Db } from './db';
import { decodeKey } from './keys';
import { countByTypeKey, Kind, range } from './layout';
import { decodeCount } from './values';

/** Reads the counters of `syncId`. */
export async function readStats(db: Db, syncId: string): Promise<Stats> {
  const byKind = new Map<number, number>();
  const c = range(Kind.count, syncId);
  for (const [k, v] of await db.iterator({ gte: c.gte, lt: c.lt }).all()) {
    byKind.set(decodeKey(k).parts[1]?.[0] ?? -1, decodeCount(v));
  }
  // One key per resource type stored in the sync (0 when it has no resources), none for other types (SPEC §4).
  const resourcesByType: Record<string, number> = {};
  const t = range(Kind.resourceType, syncId);
  const typeIds = (await db.keys({ gte: t.gte, lt: t.lt }).all()).map((k) => (decodeKey(k).parts[1] ?? Buffer.alloc(0)).toString('utf8'));
  const counts = typeIds.length === 0 ? [] : await db.getMany(typeIds.map((id) => countByTypeKey(syncId, id)));
  for (const [i, typeId] of typeIds.entries()) {
    const v = counts[i];
    // defineProperty, so that a type id such as `__proto__` stays an ordinary key.
    Object.defineProperty(resourcesByType, typeId, {
      value: v === undefined ? 0 : decodeCount(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    resourceTypes: byKind.get(Kind.resourceType) ?? 0,
    resources: byKind.get(Kind.resource) ?? 0,
    entitlements: byKind.get(Kind.entitlement) ?? 0,
    grants: byKind.get(Kind.grant) ?? 0,
    assets: byKind.get(Kind.asset) ?? 0,
    resourcesByType,
  };
}
