/**
 * Read workloads over a copy of the base template (one sync of every grant): point gets, draining every list,
 * filtered drains (by resource, principal, entitlement, resource type) and paging with small pages.
 */
import type { Engine } from '../../models/contract/api';
import type { ResourceId } from '../../models/types';
import { entitlementIdAt, entitlementResourceAt, grantAt, resourceTypes, type DatasetShape } from '../../harness/dataset/dataset';
import { sampleIndices, spreadIndices } from '../../harness/dataset/hash';
import { copyStore } from '../templates';
import { closeQuietly, locationOf, openAt, templatesOf, type PreparedRun, type Workload, type WorkloadContext } from '../workload';
import { drain } from './drain';

/** Opens a copy of the base template and hands the open engine to `body`, which returns the timed run. */
async function onBase(ctx: WorkloadContext, body: (engine: Engine) => PreparedRun['run']): Promise<PreparedRun> {
  const location = locationOf(ctx, 'read');
  await copyStore(templatesOf(ctx).base, location);
  const engine = await openAt(ctx, location);
  return { run: body(engine), dispose: () => closeQuietly(engine) };
}

/** A read workload: its id, title, unit and the timed body over the open base store. */
function readWorkload(id: string, title: string, unit: string, body: (engine: Engine, ctx: WorkloadContext) => () => Promise<number>): Workload {
  return {
    id,
    title,
    unit,
    mode: 'pair',
    prepare: (ctx) =>
      onBase(ctx, (engine) => {
        const go = body(engine, ctx);
        return (timer) => timer.time(go);
      }),
  };
}

/** The distinct resources that own the sampled entitlements. */
function sampledResources(s: DatasetShape, count: number): ResourceId[] {
  const seen = new Map<string, ResourceId>();
  for (const e of spreadIndices(count, s.entitlements)) {
    const r = entitlementResourceAt(s, e);
    seen.set(`${r.resourceType}:${r.resource}`, r);
  }
  return [...seen.values()];
}

/** Sampled principals: mostly users, and one group in ten. */
function sampledPrincipals(s: DatasetShape, count: number): ResourceId[] {
  const groups = Math.max(1, Math.floor(count / 10));
  return [
    ...spreadIndices(count - groups, s.users).map((u) => ({ resourceType: 'user', resource: `u${u}` })),
    ...spreadIndices(groups, s.groups).map((g) => ({ resourceType: 'group', resource: `g${g}` })),
  ];
}

/** Point reads of grants by id (seeded sample, every one present). */
export const getGrants = readWorkload('get-grants', 'getGrant by id', 'gets', (engine, ctx) => {
  const ids = sampleIndices(ctx.scale.gets, ctx.shape.grants, ctx.shape.seed).map((i) => grantAt(ctx.shape, i).id);
  return async () => {
    for (const id of ids) await engine.getGrant(id);
    return ids.length;
  };
});

/** Every list drained unfiltered with the default page size. */
export const drainAll = readWorkload('drain-all', 'drain every list, unfiltered', 'records', (engine, ctx) => async () => {
  const sample = (): void => ctx.meter.sample();
  let n = await drain((pageToken) => engine.listResourceTypes({ pageToken }), sample);
  n += await drain((pageToken) => engine.listResources({ pageToken }), sample);
  n += await drain((pageToken) => engine.listEntitlements({ pageToken }), sample);
  n += await drain((pageToken) => engine.listGrants({ pageToken }), sample);
  return n;
});

/** listGrants filtered by the entitlement's resource, for sampled resources. */
export const drainByResource = readWorkload('drain-by-resource', 'listGrants by resource', 'records', (engine, ctx) => {
  const resources = sampledResources(ctx.shape, ctx.scale.filterValues);
  return async () => {
    let n = 0;
    for (const resource of resources) n += await drain((pageToken) => engine.listGrants({ resource, pageToken }));
    return n;
  };
});

/** listGrantsForPrincipal for sampled users and groups. */
export const drainByPrincipal = readWorkload('drain-by-principal', 'listGrantsForPrincipal', 'records', (engine, ctx) => {
  const principals = sampledPrincipals(ctx.shape, ctx.scale.filterValues);
  return async () => {
    let n = 0;
    for (const principalId of principals) n += await drain((pageToken) => engine.listGrantsForPrincipal({ principalId, pageToken }));
    return n;
  };
});

/** listGrantsForEntitlement for sampled entitlements. */
export const drainByEntitlement = readWorkload('drain-by-entitlement', 'listGrantsForEntitlement', 'records', (engine, ctx) => {
  const ids = spreadIndices(ctx.scale.filterValues, ctx.shape.entitlements).map((e) => entitlementIdAt(ctx.shape, e));
  return async () => {
    let n = 0;
    for (const entitlementId of ids) n += await drain((pageToken) => engine.listGrantsForEntitlement({ entitlementId, pageToken }));
    return n;
  };
});

/** listGrantsForResourceType and listResources by type, for every type. */
export const drainByResourceType = readWorkload('drain-by-type', 'list grants and resources by type', 'records', (engine, ctx) => async () => {
  const sample = (): void => ctx.meter.sample();
  let n = 0;
  for (const { id } of resourceTypes()) {
    n += await drain((pageToken) => engine.listGrantsForResourceType({ resourceTypeId: id, pageToken }), sample);
    n += await drain((pageToken) => engine.listResources({ resourceTypeId: id, pageToken }), sample);
  }
  return n;
});

/** listGrants drained with pages of 10. */
export const pageSmall = readWorkload('page-small', 'listGrants, pages of 10', 'records', (engine, ctx) => async () =>
  drain((pageToken) => engine.listGrants({ pageSize: 10, pageToken }), () => ctx.meter.sample()),
);

/** Opening the base store, reading its stats, closing it (SQLite decompresses the c1z on open). */
export const openClose: Workload = {
  id: 'open-close',
  title: 'open + stats + close (unchanged)',
  unit: 'opens',
  mode: 'pair',
  async prepare(ctx): Promise<PreparedRun> {
    const location = locationOf(ctx, 'open');
    await copyStore(templatesOf(ctx).base, location);
    let engine: Engine | undefined;
    return {
      run: async (timer) => {
        await timer.time(async () => {
          engine = await openAt(ctx, location);
          await engine.stats();
          await engine.close();
        });
        return 1;
      },
      dispose: () => closeQuietly(engine),
    };
  },
};
