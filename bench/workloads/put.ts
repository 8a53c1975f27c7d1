/** Write workloads: a bulk put of every grant into a new sync, and the same puts with ifNewer over a stored sync. */
import type { Engine } from '../../models/contract/api';
import { allEntitlements, grantSlices, resourceSlices, resourceTypes } from '../../harness/dataset/dataset';
import { copyStore } from '../templates';
import { closeQuietly, locationOf, openAt, templatesOf, type PreparedRun, type Workload, type WorkloadContext } from '../workload';
import type { Timer } from '../timer';

/** Puts every grant in batches, then ends the sync and closes (SQLite's close writes the c1z). */
async function putAllGrants(ctx: WorkloadContext, engine: Engine, timer: Timer, ifNewer: boolean): Promise<number> {
  const opts = { ifNewer };
  for (const slice of grantSlices(ctx.shape, 0, ctx.shape.grants, ctx.scale.batch)) {
    await timer.time(() => engine.putGrants(slice, opts), 'put');
    ctx.meter.sample();
  }
  await timer.time(async () => {
    await engine.endSync();
    await engine.close();
  }, 'close');
  return ctx.shape.grants;
}

/** putGrants of every grant into a new sync that already holds the resources and entitlements. */
export const putGrants: Workload = {
  id: 'put-grants',
  title: 'putGrants, new sync (+ end, close)',
  unit: 'grants',
  mode: 'pair',
  async prepare(ctx): Promise<PreparedRun> {
    const engine = await openAt(ctx, locationOf(ctx, 'put'));
    await engine.startNewSync({ type: 'full' });
    await engine.putResourceTypes(resourceTypes());
    for (const slice of resourceSlices(ctx.shape, ctx.scale.batch)) await engine.putResources(slice);
    await engine.putEntitlements(allEntitlements(ctx.shape));
    return { run: (timer) => putAllGrants(ctx, engine, timer, false), dispose: () => closeQuietly(engine) };
  },
};

/** putGrants with ifNewer of every grant again, a day later, into the stored sync (every record is replaced). */
export const putGrantsIfNewer: Workload = {
  id: 'put-grants-ifnewer',
  title: 'putGrants ifNewer over a stored sync',
  unit: 'grants',
  mode: 'pair',
  async prepare(ctx): Promise<PreparedRun> {
    const location = locationOf(ctx, 'put');
    await copyStore(templatesOf(ctx).base, location);
    const engine = await openAt(ctx, location);
    await engine.setCurrentSync('base-0001');
    return { run: (timer) => putAllGrants(ctx, engine, timer, true), dispose: () => closeQuietly(engine) };
  },
};
