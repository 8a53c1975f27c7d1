/** `c1z-parity syncs <store> [--json]`: lists every sync run of a store. */
import type { Command } from 'commander';
import type { Engine } from '../../../models/contract/api';
import type { SyncRun } from '../../../models/types';
import { formatC1zTime } from '../../../engines/c1z/timestamps';
import { writeLine, type CliIo } from '../io';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import type { SetExit } from '.';

/** Reads every sync run of an engine, in listSyncRuns order. */
export async function allSyncRuns(engine: Engine): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  let pageToken = '';
  do {
    const page = await engine.listSyncRuns({ pageSize: 1000, pageToken });
    runs.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return runs;
}

/** One sync run as a JSON-friendly object with readable UTC times. */
export function syncRunJson(run: SyncRun): Record<string, unknown> {
  return {
    id: run.id,
    type: run.syncType,
    startedAt: formatC1zTime(run.startedAt),
    endedAt: run.endedAt === undefined ? null : formatC1zTime(run.endedAt),
    parentSyncId: run.parentSyncId,
    tokenBytes: Buffer.byteLength(run.syncToken, 'utf8'),
  };
}

/** Prints sync runs as an aligned table. */
export function printSyncTable(io: CliIo, runs: readonly SyncRun[]): void {
  const rows = runs.map((r) => syncRunJson(r));
  const header = ['id', 'type', 'startedAt', 'endedAt', 'parentSyncId', 'tokenBytes'];
  const cells = [header, ...rows.map((r) => header.map((h) => String(r[h] === '' || r[h] === null || r[h] === undefined ? '-' : r[h])))];
  const widths = header.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  for (const c of cells) writeLine(io.stdout, c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

/** Registers the `syncs` verb. */
export function registerSyncs(program: Command, io: CliIo, _setExit: SetExit): void {
  withStoreOptions(program.command('syncs'))
    .description('list the sync runs of a store (.c1z file or LevelDB directory)')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--json', 'print one JSON array')
    .action(async (store: string, opts: { json?: boolean } & StoreCliOptions) => {
      const runs = await withStore(store, allSyncRuns, storeEngineOptions(opts));
      if (opts.json) writeLine(io.stdout, JSON.stringify(runs.map(syncRunJson)));
      else if (runs.length === 0) writeLine(io.stdout, 'no syncs');
      else printSyncTable(io, runs);
    });
}
