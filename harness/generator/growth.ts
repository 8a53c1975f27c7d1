/**
 * Growth syncs: a full sync filled by seeded batches of unique ids (no duplicates, so every item is a new record),
 * sized so that one or two of them carry a store past 10^5 records. Resource types come first, then resources,
 * entitlements and grants, each a batch, so the sync makes sense the way a connector's would.
 */
import { makeOp } from '../ops/make-op';
import type { Op } from '../ops/types';
import type { BatchSpec } from '../ops/items';

/** Resource types in a growth sync: few, as in real directories (users, groups, roles, ...). */
export const GROWTH_TYPES = 64;

/** The records a growth sync of `grants` grants writes: the types, half as many resources and entitlements, the grants. */
export function growthRecords(grants: number): number {
  return GROWTH_TYPES + 2 * Math.floor(grants / 2) + grants;
}

/**
 * The ops of one growth sync: an `endSync` first (whatever sync the run left current is ended, or the call fails
 * harmlessly), a new full sync, one unique batch per kind, and its end. `seed` makes every batch's items.
 */
export function growthSyncOps(seed: number, grants: number): Op[] {
  const batch = (salt: number, n: number): { batch: BatchSpec } => ({ batch: { seed: seed * 4 + salt, n, pool: 'unique', poison: false } });
  const half = Math.floor(grants / 2);
  return [
    makeOp({ kind: 'endSync' }),
    makeOp({ kind: 'startNewSync', syncType: 'full' }),
    makeOp({ kind: 'putResourceTypes', source: batch(0, GROWTH_TYPES), ifNewer: false }),
    makeOp({ kind: 'putResources', source: batch(1, half), ifNewer: false }),
    makeOp({ kind: 'putEntitlements', source: batch(2, half), ifNewer: false }),
    makeOp({ kind: 'putGrants', source: batch(3, grants), ifNewer: false }),
    makeOp({ kind: 'endSync' }),
  ];
}
