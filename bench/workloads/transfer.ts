/**
 * Import and export of a c1z through RawStore (`copySyncs`), as the CLI's import and export verbs do: import reads the
 * base c1z with the SQLite engine into a new store of the engine under test; export copies the engine's base store
 * into a new c1z. Opening and closing both stores is timed (SQLite decompresses on open and compresses on close).
 */
import type { Engine } from '../../models/contract/api';
import { sqliteFactory } from '../../engines/sqlite';
import { asRawStore, copySyncs } from '../../engines/base/transfer';
import { benchOptions, WORKLOAD_EPOCH } from '../engines';
import { copyStore } from '../templates';
import { closeQuietly, locationOf, openAt, templatesOf, type PreparedRun, type Workload, type WorkloadContext } from '../workload';

/** Copies every sync from the store `openSource` opens into the one `openTarget` opens; returns the records. */
async function transfer(ctx: WorkloadContext, openSource: () => Promise<Engine>, openTarget: () => Promise<Engine>, opened: Engine[]): Promise<number> {
  const src = await openSource();
  opened.push(src);
  const dst = await openTarget();
  opened.push(dst);
  const copied = await copySyncs(asRawStore(src), asRawStore(dst));
  ctx.meter.sample();
  await dst.close();
  await src.close();
  return copied.records;
}

/** A c1z imported into a new store of the engine. */
export const importC1z: Workload = {
  id: 'import',
  title: 'import c1z into a new store',
  unit: 'records',
  mode: 'pair',
  async prepare(ctx): Promise<PreparedRun> {
    const opened: Engine[] = [];
    return {
      run: (timer) =>
        timer.time(() =>
          transfer(ctx, () => sqliteFactory.open(ctx.sourceC1z, benchOptions(WORKLOAD_EPOCH, 'src')), () => openAt(ctx, locationOf(ctx, 'imported')), opened),
        ),
      dispose: async () => {
        for (const e of opened) await closeQuietly(e);
      },
    };
  },
};

/** The engine's store exported into a new c1z. */
export const exportC1z: Workload = {
  id: 'export',
  title: 'export store to a new c1z',
  unit: 'records',
  mode: 'pair',
  async prepare(ctx): Promise<PreparedRun> {
    const location = locationOf(ctx, 'store');
    await copyStore(templatesOf(ctx).base, location);
    const target = sqliteFactory.locationIn(ctx.dir, 'exported');
    const opened: Engine[] = [];
    return {
      run: (timer) =>
        timer.time(() => transfer(ctx, () => openAt(ctx, location), () => sqliteFactory.open(target, benchOptions(WORKLOAD_EPOCH, 'dst')), opened)),
      dispose: async () => {
        for (const e of opened) await closeQuietly(e);
      },
    };
  },
};
