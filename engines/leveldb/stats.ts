/** Stats of one sync from its counter keys (kept exact by every batch that adds or removes a record). */
import type { Stats } from '../api';
import type { Db } from './db';
import { decodeKey } from './keys';
import { Kind, range } from './layout';
import { decodeCount } from './values';

/** Reads the counters of `syncId`. */
export async function readStats(db: Db, syncId: string): Promise<Stats> {
  const byKind = new Map<number, number>();
  const c = range(Kind.count, syncId);
  for (const [k, v] of await db.iterator({ gte: c.gte, lt: c.lt }).all()) {
    byKind.set(decodeKey(k).parts[1]?.[0] ?? -1, decodeCount(v));
  }
  const resourcesByType: Record<string, number> = {};
  const t = range(Kind.countByType, syncId);
  for (const [k, v] of await db.iterator({ gte: t.gte, lt: t.lt }).all()) {
    // defineProperty, so that a type id such as `__proto__` stays an ordinary key.
    Object.defineProperty(resourcesByType, (decodeKey(k).parts[1] ?? Buffer.alloc(0)).toString('utf8'), {
      value: decodeCount(v),
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
