/** `c1z-parity verify <store> [--json]`: checks indexes against records and reports dangling references. */
import type { Command } from 'commander';
import { EXIT, writeLine, type CliIo } from '../io';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import type { SetExit } from '.';

/** Registers the `verify` verb (exit 1 when a problem is found; dangling references alone are not problems). */
export function registerVerify(program: Command, io: CliIo, setExit: SetExit): void {
  withStoreOptions(program.command('verify'))
    .description('check every index against the records of a store; exit 1 on a problem')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--json', 'print the report as one JSON object')
    .action(async (store: string, opts: { json?: boolean } & StoreCliOptions) => {
      const report = await withStore(store, (engine) => engine.verify(), storeEngineOptions(opts));
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify(report));
      } else {
        writeLine(io.stdout, `${report.ok ? 'ok' : 'PROBLEMS'}: ${report.recordsChecked} records checked, ${report.problems.length} problems, ${report.dangling.length} dangling references`);
        for (const p of report.problems) writeLine(io.stdout, `problem ${p.kind} sync=${p.syncId} ${p.detail}`);
        for (const p of report.dangling.slice(0, 20)) writeLine(io.stdout, `dangling ${p.kind} sync=${p.syncId} ${p.detail}`);
        if (report.dangling.length > 20) writeLine(io.stdout, `... and ${report.dangling.length - 20} more dangling references`);
      }
      setExit(report.ok ? EXIT.ok : EXIT.failed);
    });
}
