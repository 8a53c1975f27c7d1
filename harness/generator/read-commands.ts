/**
 * Command arbitraries of the readers: filters drawn from the ids in use and their near misses (and now and then
 * `''`), an explicit sync now and then, and page sizes and tokens as the preset distributes them.
 */
import fc from 'fast-check';
import type { ResourceId } from '../../models/types';
import type { GetOp } from '../ops/get-ops';
import type { PageTokenRef } from '../ops/items';
import type { ListOp } from '../ops/list-ops';
import { makeOp } from '../ops/make-op';
import { fromList, sometimes } from './draw';
import { present } from '../ops/present';
import type { GenContext } from './gen-context';
import { ridArbitrary } from './item-arbitraries';

interface Paging {
  readonly syncId?: string;
  readonly pageSize?: number;
  readonly pageToken?: PageTokenRef;
}

function tokenRef(g: GenContext): fc.Arbitrary<PageTokenRef> {
  return fc.tuple(fromList(g.values.tokens), g.vocab.text).map(([t, text]): PageTokenRef => {
    if (t === 'empty') return { literal: '' };
    if (t === 'garbage') return { literal: `garbage${text}` };
    return { symbol: t };
  });
}

function paging(g: GenContext, scoped: boolean): fc.Arbitrary<Paging> {
  const v = g.values;
  return fc
    .tuple(
      sometimes(scoped ? v.explicitSyncPct : 0, g.vocab.syncId),
      sometimes(v.pageSizePct, fromList(v.pageSizes)),
      sometimes(v.tokenPct, tokenRef(g)),
    )
    .map(([syncId, pageSize, pageToken]) => present<Paging>({ syncId, pageSize, pageToken }));
}

function filter<T>(g: GenContext, value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return sometimes(100 - g.values.noFilterPct, value);
}

function listOp<K extends ListOp['kind']>(
  g: GenContext,
  kind: K,
  fields: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<Extract<ListOp, { kind: K }>> {
  return fc
    .tuple(fields, paging(g, kind !== 'listSyncRuns'))
    .map(([f, p]) => makeOp(present({ kind, ...f, ...p }) as unknown as Extract<ListOp, { kind: K }>));
}

const none = fc.constant({});

/** The command arbitrary of every list op. */
export function listCommands(g: GenContext): { readonly [K in ListOp['kind']]: fc.Arbitrary<Extract<ListOp, { kind: K }>> } {
  const rid: fc.Arbitrary<ResourceId> = ridArbitrary(g);
  return {
    listResourceTypes: listOp(g, 'listResourceTypes', none),
    listResources: listOp(
      g,
      'listResources',
      fc.record({ resourceTypeId: filter(g, g.vocab.typeId), parentResourceId: sometimes(30, rid) }),
    ),
    listEntitlements: listOp(g, 'listEntitlements', fc.record({ resource: filter(g, rid) })),
    listGrants: listOp(g, 'listGrants', fc.record({ resource: filter(g, rid) })),
    listGrantsForEntitlement: listOp(
      g,
      'listGrantsForEntitlement',
      fc.record({
        entitlementId: g.vocab.entitlementId,
        principalId: filter(g, rid),
        principalResourceTypeIds: sometimes(30, fc.array(g.vocab.typeId, { minLength: 0, maxLength: 3 })),
      }),
    ),
    listGrantsForPrincipal: listOp(
      g,
      'listGrantsForPrincipal',
      fc.record({ principalId: rid, entitlementId: filter(g, g.vocab.entitlementId) }),
    ),
    listGrantsForResourceType: listOp(g, 'listGrantsForResourceType', fc.record({ resourceTypeId: g.vocab.typeId })),
    listSyncRuns: listOp(g, 'listSyncRuns', none),
  };
}

function getOp<K extends GetOp['kind']>(
  g: GenContext,
  kind: K,
  id: fc.Arbitrary<unknown>,
): fc.Arbitrary<Extract<GetOp, { kind: K }>> {
  return fc
    .tuple(id, sometimes(g.values.explicitSyncPct, g.vocab.syncId))
    .map(([i, syncId]) => makeOp(present({ kind, id: i, syncId }) as unknown as Extract<GetOp, { kind: K }>));
}

/** The command arbitrary of every point read and `stats`. */
export function getCommands(g: GenContext): { readonly [K in GetOp['kind']]: fc.Arbitrary<Extract<GetOp, { kind: K }>> } {
  return {
    getResourceType: getOp(g, 'getResourceType', g.vocab.typeId),
    getResource: getOp(g, 'getResource', ridArbitrary(g)),
    getEntitlement: getOp(g, 'getEntitlement', g.vocab.entitlementId),
    getGrant: getOp(g, 'getGrant', g.vocab.grantId),
    getAsset: getOp(g, 'getAsset', g.vocab.assetId),
    getSync: g.vocab.syncId.map((id) => makeOp({ kind: 'getSync', id })),
    getLatestFinishedSync: sometimes(70, g.vocab.syncType).map((syncType) =>
      makeOp(present({ kind: 'getLatestFinishedSync' as const, syncType })),
    ),
    stats: sometimes(g.values.explicitSyncPct, g.vocab.syncId).map((syncId) => makeOp(present({ kind: 'stats' as const, syncId }))),
  };
}
