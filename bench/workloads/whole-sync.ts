/**
 * Whole-sync workloads: cleanup of old syncs and an additions-only diff over a copy of the history template (three
 * full syncs), and a clone of the base template's sync. Write workloads include close, since SQLite's close is
 * what writes the c1z back.
 */
import type { Engine } from '../../models/contract/api';
import { syncRecordCount } from '../../harness/dataset/dataset';
import { copyStore, historyWindows } from '../templates';
import { closeQuietly, locationOf, openAt, templatesOf, type PreparedRun, type Workload, type WorkloadContext } from '../workload';

/** Opens a copy of a template and hands the open engine to `body`, which returns the timed run. */
async function onCopy(ctx: WorkloadContext, template: string, body: (engine: Engine) => PreparedRun['run']): Promise<PreparedRun> {
  const location = locationOf(ctx, 'store');
  await copyStore(template, location);
  const engine = await openAt(ctx, location);
  return { run: body(engine), dispose: () => closeQuietly(engine) };
}

/** Grants of the history template's syncs (every window has the same size). */
function windowGrants(ctx: WorkloadContext): number {
  const [w] = historyWindows(ctx.shape);
  return w === undefined ? 0 : w[1] - w[0];
}

/** cleanup({ keep: 2 }) of three full syncs: the oldest goes, then space is reclaimed; then close. */
export const cleanup: Workload = {
  id: 'cleanup',
  title: 'cleanup keep 2 of 3 syncs (+ close)',
  unit: 'records',
  mode: 'pair',
  prepare: (ctx) =>
    onCopy(ctx, templatesOf(ctx).history, (engine) => async (timer) => {
      const deleted = await timer.time(() => engine.cleanup({ keep: 2 }), 'cleanup');
      if (deleted.length !== 1) throw new Error(`cleanup deleted ${deleted.length} syncs, expected 1`);
      await timer.time(() => engine.close(), 'close');
      return syncRecordCount(ctx.shape, windowGrants(ctx));
    }),
};

/** generateSyncDiff of the third history sync against the second (a tenth of the grants are additions); then close. */
export const diff: Workload = {
  id: 'diff',
  title: 'generateSyncDiff (+ close)',
  unit: 'records',
  mode: 'pair',
  prepare: (ctx) =>
    onCopy(ctx, templatesOf(ctx).history, (engine) => async (timer) => {
      await timer.time(() => engine.generateSyncDiff('hist-0002', 'hist-0003'), 'diff');
      await timer.time(() => engine.close(), 'close');
      return syncRecordCount(ctx.shape, windowGrants(ctx));
    }),
};

/** cloneSync of the base sync into a new store. */
export const clone: Workload = {
  id: 'clone',
  title: 'cloneSync to a new store',
  unit: 'records',
  mode: 'pair',
  prepare: (ctx) =>
    onCopy(ctx, templatesOf(ctx).base, (engine) => async (timer) => {
      await timer.time(() => engine.cloneSync('base-0001', locationOf(ctx, 'clone')));
      return syncRecordCount(ctx.shape, ctx.shape.grants);
    }),
};
