/** `import <file.c1z> --engine leveldb --out <dir>` and `export <store> --out <file.c1z>`: copy every sync. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import type { EngineFactory } from '../../../engines/api';
import { leveldbFactory } from '../../../engines/leveldb';
import { openStore } from '../../../engines/open-store';
import { sqliteFactory } from '../../../engines/sqlite';
import { asRawStore, copySyncs, type CopyResult } from '../../../engines/transfer';
import { CliError, writeLine, type CliIo } from '../io';
import { checkNewOutput } from '../out-path';
import { realEngineOptions } from '../real-clock';
import type { SetExit } from '.';

const TARGETS: Record<string, EngineFactory> = { leveldb: leveldbFactory, sqlite: sqliteFactory };

/** Copies every sync of the store at `from` into a new store at `out` made by `target`. */
export async function transferStore(from: string, target: EngineFactory, out: string): Promise<CopyResult> {
  await checkNewOutput(out, '--out', target.supports.c1z ? 'file' : 'directory');
  const src = asRawStore(await openStore(from, realEngineOptions()));
  try {
    const dst = asRawStore(await target.open(out, realEngineOptions()));
    try {
      return await copySyncs(src, dst);
    } catch (err) {
      await dst.close().catch(() => undefined);
      await fs.rm(out, { recursive: true, force: true });
      throw err;
    } finally {
      if (!dst.closed) await dst.close();
    }
  } finally {
    await src.close();
  }
}

/** Registers the `import` and `export` verbs. */
export function registerTransfer(program: Command, io: CliIo, _setExit: SetExit): void {
  program
    .command('import')
    .description('copy every sync of a .c1z file into a new store of another engine')
    .argument('<file>', 'a .c1z file')
    .requiredOption('--out <path>', 'the new store (must not exist)')
    .option('--engine <name>', 'leveldb or sqlite', 'leveldb')
    .action(async (file: string, opts: { out: string; engine: string }) => {
      const target = TARGETS[opts.engine];
      if (target === undefined) throw new CliError(`unknown engine ${JSON.stringify(opts.engine)} (leveldb, sqlite)`);
      const r = await transferStore(file, target, opts.out);
      writeLine(io.stdout, `imported ${r.syncs} syncs, ${r.records} records into ${opts.out} (${target.name})`);
    });
  program
    .command('export')
    .description('write any store (.c1z or LevelDB directory) as a new c1z v1 file')
    .argument('<store>', 'a .c1z file or a LevelDB directory')
    .requiredOption('--out <file>', 'the new .c1z file (must not exist)')
    .action(async (store: string, opts: { out: string }) => {
      const r = await transferStore(store, sqliteFactory, opts.out);
      writeLine(io.stdout, `exported ${r.syncs} syncs, ${r.records} records to ${opts.out}`);
    });
}
