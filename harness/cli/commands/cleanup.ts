/**
 * `c1z-parity cleanup <store> [--keep N] [--json]`: applies SPEC §6's cleanup (keep the newest N finished full
 * syncs, delete older full syncs and the finished non-full syncs that ended before the earliest kept one started;
 * never an unfinished sync), prints every sync it deleted, and the size on disk before and after.
 */
import type { Command } from 'commander';
import { DEFAULTS } from '../../../models/contract/api';
import { withMetrics } from '../../../engines/metrics';
import { detectFactory } from '../../../engines/registry/open-store';
import type { SyncRun } from '../../../models/types';
import { writeLine, type CliIo } from '../io';
import { parseCount } from '../options';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import { diskBytes, sizeChange } from './compact';
import { addSlowLogFlag, slowLogOf, type MetricsFlags } from './metrics-flags';
import { allSyncRuns, printSyncTable, syncRunJson } from './syncs';
import type { SetExit } from '.';

/** Why nothing went: how many finished full syncs there are against `keep`. */
function nothingReason(runs: readonly SyncRun[], keep: number): string {
  const full = runs.filter((r) => r.syncType === 'full' && r.endedAt !== undefined).length;
  const unfinished = runs.filter((r) => r.endedAt === undefined).length;
  return `${full} finished full sync${full === 1 ? '' : 's'}, keep ${keep}; ${unfinished} unfinished (never deleted)`;
}

/** Registers the `cleanup` verb. */
export function registerCleanup(program: Command, io: CliIo, _setExit: SetExit): void {
  addSlowLogFlag(withStoreOptions(program.command('cleanup')))
    .description('delete old syncs by SPEC §6 (keep the newest N finished full syncs), print what went, reclaim space')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--keep <n>', `finished full syncs to keep (default ${DEFAULTS.cleanupKeep})`)
    .option('--json', 'print one JSON object')
    .action(async (store: string, opts: { keep?: string; json?: boolean } & MetricsFlags & StoreCliOptions) => {
      const keep = opts.keep === undefined ? DEFAULTS.cleanupKeep : parseCount(opts.keep, '--keep', 1);
      const factory = await detectFactory(store);
      const slowLog = slowLogOf(opts, io);
      const before = await diskBytes(store);
      const { runs, deleted } = await withStore(store, async (opened) => {
        const engine = withMetrics(opened, slowLog ? { slowLog } : {});
        const all = await allSyncRuns(engine);
        return { runs: all, deleted: await engine.cleanup({ keep }) };
      }, storeEngineOptions(opts));
      // Measured after close: SQLite writes the c1z back at close.
      const after = await diskBytes(store);
      const gone = new Set(deleted);
      const deletedRuns = runs.filter((r) => gone.has(r.id));
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify({ store, engine: factory.name, keep, deleted: deletedRuns.map(syncRunJson), kept: runs.length - deletedRuns.length, diskBytes: { before, after } }));
        return;
      }
      if (deletedRuns.length === 0) {
        writeLine(io.stdout, `nothing to delete in ${store} (${factory.name}): ${nothingReason(runs, keep)}`);
      } else {
        writeLine(io.stdout, `deleted ${deletedRuns.length} of ${runs.length} syncs from ${store} (${factory.name}), keep ${keep}:`);
        printSyncTable(io, deletedRuns);
      }
      writeLine(io.stdout, `on disk ${sizeChange(before, after)}`);
    });
}
