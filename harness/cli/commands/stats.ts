/** `c1z-parity stats <store> [--sync ID] [--json]`: counts of one sync of a store. */
import type { Command } from 'commander';
import { DEFAULTS } from '../../../engines/api';
import { defaultReadTarget } from '../../../engines/sync-rules';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { wallClockMicros } from '../real-clock';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import { allSyncRuns, printSyncTable } from './syncs';
import type { SetExit } from '.';

/** Registers the `stats` verb. */
export function registerStats(program: Command, io: CliIo, setExit: SetExit): void {
  withStoreOptions(program.command('stats'))
    .description('count the records of one sync of a store')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--sync <id>', 'the sync to count (default: SPEC §3 read target)')
    .option('--json', 'print one JSON object')
    .action(async (store: string, opts: { sync?: string; json?: boolean } & StoreCliOptions) => {
      await withStore(store, async (engine) => {
        let syncId = opts.sync;
        if (syncId === undefined) {
          const runs = await allSyncRuns(engine);
          const target = defaultReadTarget(runs, wallClockMicros(), DEFAULTS.resumeWindowMicros);
          if (target === undefined) {
            writeLine(io.stderr, `c1z-parity: no sync resolves by default in ${store} (none finished, none recent); pass --sync with one of:`);
            printSyncTable({ stdout: io.stderr, stderr: io.stderr }, runs);
            setExit(EXIT.usage);
            return;
          }
          syncId = target.id;
        } else if (syncId === '') {
          throw new CliError('--sync needs a sync id');
        }
        const stats = await engine.stats(syncId);
        const resourcesByType = Object.fromEntries(Object.entries(stats.resourcesByType).sort(([a], [b]) => (a < b ? -1 : 1)));
        const out = { syncId, ...stats, resourcesByType };
        if (opts.json) {
          writeLine(io.stdout, JSON.stringify(out));
          return;
        }
        writeLine(io.stdout, `sync           ${syncId}`);
        for (const key of ['resourceTypes', 'resources', 'entitlements', 'grants', 'assets'] as const) {
          writeLine(io.stdout, `${key.padEnd(15)}${stats[key]}`);
        }
        for (const [type, n] of Object.entries(resourcesByType)) writeLine(io.stdout, `  ${type.padEnd(13)}${n}`);
      }, storeEngineOptions(opts));
    });
}
