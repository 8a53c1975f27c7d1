/**
 * `c1z-parity verify <store> [--json]`: checks indexes against records and reports dangling references; a store too
 * damaged to open (SPEC §7 CORRUPTION) is reported as a problem with exit 1, not as an unreadable input.
 */
import type { Command } from 'commander';
import type { VerifyReport } from '../../../models/contract/api';
import { isStorageError } from '../../../models/contract/errors';
import { detectFactory } from '../../../engines/registry/open-store';
import { EXIT, writeLine, type CliIo } from '../io';
import { storeEngineOptions, withStore, withStoreOptions, type StoreCliOptions } from '../store-arg';
import type { SetExit } from '.';

/** The report of a store too damaged to open: one problem, what the engine said. */
function damagedReport(engine: string, message: string): VerifyReport {
  return { ok: false, problems: [{ kind: 'unreadable-store', syncId: '', detail: `${engine}: ${message}` }], dangling: [], recordsChecked: 0 };
}

/** Registers the `verify` verb (exit 1 when a problem is found; dangling references alone are not problems). */
export function registerVerify(program: Command, io: CliIo, setExit: SetExit): void {
  withStoreOptions(program.command('verify'))
    .description('check every index against the records of a store; exit 1 on a problem')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .option('--json', 'print the report as one JSON object')
    .action(async (store: string, opts: { json?: boolean } & StoreCliOptions) => {
      // A store that is not there or is no store at all is bad input (exit 2); one that is damaged is a finding.
      const factory = await detectFactory(store);
      const report = await withStore(store, (engine) => engine.verify(), storeEngineOptions(opts)).catch((err: unknown) => {
        if (!isStorageError(err) || err.code !== 'CORRUPTION') throw err;
        return damagedReport(factory.name, err.message);
      });
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify(report));
      } else {
        writeLine(io.stdout, `${report.ok ? 'ok' : 'PROBLEMS'}: ${report.recordsChecked} records checked, ${report.problems.length} problems, ${report.dangling.length} dangling references`);
        for (const p of report.problems) writeLine(io.stdout, `problem ${p.kind}${p.syncId === '' ? '' : ` sync=${p.syncId}`} ${p.detail}`);
        for (const p of report.dangling.slice(0, 20)) writeLine(io.stdout, `dangling ${p.kind} sync=${p.syncId} ${p.detail}`);
        if (report.dangling.length > 20) writeLine(io.stdout, `... and ${report.dangling.length - 20} more dangling references`);
      }
      setExit(report.ok ? EXIT.ok : EXIT.failed);
    });
}
