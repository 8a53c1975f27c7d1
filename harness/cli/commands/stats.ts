/** `c1z-parity stats <store> [--sync ID] [--json] [--metrics [format]]`: counts of one sync of a store. */
import type { Command } from 'commander';
import { DEFAULTS } from '../../../models/contract/api';
import { defaultReadTarget } from '../../../engines/base/sync-rules';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { wallClockMicros } from '../real-clock';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import { allSyncRuns, printSyncTable } from './syncs';
import { EngineMetrics, withMetrics } from '../../../engines/metrics';
import { addMetricsFlags, metricsFormat, printMetrics, slowLogOf, type MetricsFlags } from './metrics-flags';
import type { SetExit } from '.';

/** Registers the `stats` verb. */
export function registerStats(program: Command, io: CliIo, setExit: SetExit): void {
  addMetricsFlags(withStoreOptions(program.command('stats')))
    .description('count the records of one sync of a store')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--sync <id>', 'the sync to count (default: SPEC §3 read target)')
    .option('--json', 'print one JSON object')
    .action(async (store: string, opts: { sync?: string; json?: boolean } & StoreCliOptions & MetricsFlags) => {
      const format = metricsFormat(opts, opts.json === true);
      const metrics = format === undefined ? undefined : new EngineMetrics();
      const slowLog = slowLogOf(opts, io);
      await withStore(store, async (opened) => {
        const engine = withMetrics(opened, { ...(metrics ? { metrics } : {}), ...(slowLog ? { slowLog } : {}) });
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
        // The store's own figures (pages, levels, sizes) with the calls this verb made.
        if (metrics) await metrics.collectFigures(opened.name, engine);
        if (opts.json) {
          writeLine(io.stdout, JSON.stringify(metrics && format === 'json' ? { ...out, metrics: metrics.snapshot() } : out));
          if (metrics && format === 'prom') await printMetrics(io, metrics, format);
          return;
        }
        writeLine(io.stdout, `sync           ${syncId}`);
        for (const key of ['resourceTypes', 'resources', 'entitlements', 'grants', 'assets'] as const) {
          writeLine(io.stdout, `${key.padEnd(15)}${stats[key]}`);
        }
        for (const [type, n] of Object.entries(resourcesByType)) writeLine(io.stdout, `  ${type.padEnd(13)}${n}`);
        if (metrics && format) await printMetrics(io, metrics, format);
      }, storeEngineOptions(opts));
    });
}
