/**
 * Seeded batches: `@batch(seed=..,n=..,pool=..)` in op text expands here into the same `n` items every time.
 * Batch ids mix with the generator's core pools so that reads and filters of the same run hit batch records.
 * Pools: `core` draws every id from the small core pools (duplicates everywhere), `wide` from `n`-sized ranges
 * (about a third duplicates, near misses like `bg1`/`bg10`), `unique` numbers items 0..n-1 (no duplicates).
 */
import type { BatchSpec, EntitlementItem, GrantItem, ResourceItem, ResourceTypeItem } from '../ops/items';
import type { PutRecordsOp } from '../ops/put-ops';
import { ENTITLEMENT_IDS, GRANT_IDS, RESOURCE_IDS, TYPE_IDS, type IdPool } from './pools';
import { pick } from './pick';
import { seededRng, type Rng } from './seeded';

/** The item type each put kind expands a batch into. */
export interface BatchItems {
  readonly putResourceTypes: ResourceTypeItem;
  readonly putResources: ResourceItem;
  readonly putEntitlements: EntitlementItem;
  readonly putGrants: GrantItem;
}

type Ids = (i: number) => string;

/** The id of item `i` of a batch: from the core pool, a wide range, or the item's index. */
function idMaker(rng: Rng, spec: BatchSpec, prefix: string, pool: IdPool): Ids {
  switch (spec.pool) {
    case 'core':
      return () => pick(rng, pool.core);
    case 'wide':
      return () => `${prefix}${rng.below(Math.max(spec.n, 1))}`;
    case 'unique':
      return (i) => `${prefix}${i}`;
  }
}

/** A referenced id (a type, a resource, an entitlement): the core pool half the time, else a small wide range. */
function refMaker(rng: Rng, spec: BatchSpec, prefix: string, pool: IdPool): () => string {
  const range = Math.max(1, Math.ceil(Math.sqrt(spec.n)));
  return () => (spec.pool === 'core' || rng.chance(50) ? pick(rng, pool.core) : `${prefix}${rng.below(range)}`);
}

function named<T extends object>(rng: Rng, item: T, i: number): T {
  return rng.chance(20) ? { ...item, displayName: `item ${i}` } : item;
}

function makeItems<T>(spec: BatchSpec, salt: string, make: (rng: Rng, i: number) => T, poison: (item: T) => T): T[] {
  const rng = seededRng(spec.seed, salt);
  const items: T[] = [];
  for (let i = 0; i < spec.n; i++) items.push(make(rng, i));
  const last = items[items.length - 1];
  if (spec.poison && last !== undefined) items[items.length - 1] = poison(last);
  return items;
}

/** Expands a batch spec into the items of one put kind, deterministically. */
export function expandBatch<K extends PutRecordsOp['kind']>(kind: K, spec: BatchSpec): BatchItems[K][] {
  const expanders: { [P in PutRecordsOp['kind']]: () => BatchItems[P][] } = {
    putResourceTypes: () => {
      const rng = seededRng(spec.seed, 'rt-ids');
      const ids = idMaker(rng, spec, 'bt', TYPE_IDS);
      return makeItems(spec, 'rt', (r, i) => named(r, { id: ids(i) }, i), (it) => ({ ...it, id: 'bad:type' }));
    },
    putResources: () => {
      const rng = seededRng(spec.seed, 'r-ids');
      const ids = idMaker(rng, spec, 'bu', RESOURCE_IDS);
      const types = refMaker(rng, { ...spec, pool: 'core' }, 'bt', TYPE_IDS);
      const parents = refMaker(rng, spec, 'bu', RESOURCE_IDS);
      return makeItems(
        spec,
        'r',
        (r, i): ResourceItem => {
          const item: ResourceItem = { id: { resourceType: types(), resource: ids(i) } };
          const withParent = r.chance(25) ? { ...item, parentResourceId: { resourceType: types(), resource: parents() } } : item;
          return named(r, withParent, i);
        },
        (it) => ({ ...it, id: { resourceType: it.id.resourceType, resource: '' } }),
      );
    },
    putEntitlements: () => {
      const rng = seededRng(spec.seed, 'e-ids');
      const ids = idMaker(rng, spec, 'be', ENTITLEMENT_IDS);
      const types = refMaker(rng, { ...spec, pool: 'core' }, 'bt', TYPE_IDS);
      const resources = refMaker(rng, spec, 'bu', RESOURCE_IDS);
      return makeItems(
        spec,
        'e',
        (r, i): EntitlementItem => named(r, { id: ids(i), resource: { id: { resourceType: types(), resource: resources() } } }, i),
        (it) => ({ ...it, id: '' }),
      );
    },
    putGrants: () => {
      const rng = seededRng(spec.seed, 'g-ids');
      const ids = idMaker(rng, spec, 'bg', GRANT_IDS);
      const types = refMaker(rng, { ...spec, pool: 'core' }, 'bt', TYPE_IDS);
      const resources = refMaker(rng, spec, 'bu', RESOURCE_IDS);
      const entitlements = refMaker(rng, spec, 'be', ENTITLEMENT_IDS);
      return makeItems(
        spec,
        'g',
        (r, i): GrantItem =>
          named(
            r,
            {
              id: ids(i),
              entitlement: { id: entitlements(), resource: { id: { resourceType: types(), resource: resources() } } },
              principal: { id: { resourceType: types(), resource: resources() } },
            },
            i,
          ),
        (it) => ({ ...it, principal: { id: { resourceType: it.principal.id.resourceType, resource: '\u0000' } } }),
      );
    },
  };
  return expanders[kind]() as BatchItems[K][];
}
