/**
 * `import <file.c1z> --engine leveldb --out <dir> [--resume]` and `export <store> --out <file.c1z>`: copy every sync.
 * A LevelDB target is written under an incomplete mark until its last sync is in (SPEC §6); `--resume` finishes what
 * an interrupted import left. A c1z target appears only when complete (renamed into place at close).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { EngineFactory } from '../../../models/contract/api';
import { leveldbFactory } from '../../../engines/leveldb';
import { shellWord } from '../../../engines/leftovers/shell-word';
import { removeStaleTempFiles } from '../../../engines/leftovers/stale';
import { openStore } from '../../../engines/registry/open-store';
import type { BulkNote, RawStore } from '../../../models/contract/raw';
import { sqliteFactory } from '../../../engines/sqlite';
import { asRawStore, copySyncs, type CopyResult } from '../../../engines/base/transfer';
import type { Engine } from '../../../models/contract/api';
import type { SyncRun } from '../../../models/types';
import { CliError, writeLine, type CliIo } from '../io';
import { checkNewOutput } from '../out-path';
import { realEngineOptions } from '../real-clock';
import type { SetExit } from '.';

const TARGETS: Record<string, EngineFactory> = { leveldb: leveldbFactory, sqlite: sqliteFactory };

/** What a transfer did: the syncs and records it copied, and the syncs a resumed import found already in. */
export interface TransferResult extends CopyResult {
  readonly resumed: number;
}

async function exists(out: string): Promise<boolean> {
  return fs.stat(out).then(
    () => true,
    () => false,
  );
}

function sameRun(a: SyncRun, b: SyncRun | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Checks that `dst` is what an interrupted import of `source` left, holding only syncs of the source as they are. */
async function checkResumable(dst: RawStore & Engine, out: string, source: string, srcRuns: readonly SyncRun[]): Promise<Set<string>> {
  const note = dst.rawIncomplete?.();
  if (note === undefined) throw new CliError(`${out} is a complete store; --resume only finishes an interrupted import`);
  if (note.writer !== 'import' || note.source !== source) {
    throw new CliError(`${out} is not an interrupted import of ${source} (it is ${note.writer} of ${note.source || 'unknown'})`);
  }
  const bySource = new Map(srcRuns.map((r) => [r.id, r]));
  const done = new Set<string>();
  for (const run of await dst.rawSyncRuns()) {
    if (!sameRun(run, bySource.get(run.id))) throw new CliError(`${out} holds sync ${run.id}, which ${source} does not hold as it is; discard it and import again`);
    done.add(run.id);
  }
  return done;
}

/**
 * Copies every sync of the store at `from` into a new store at `out` made by `target`; with `resume`, finishes the
 * store an interrupted import of the same source left at `out` (or starts one when nothing is there).
 */
export async function transferStore(from: string, target: EngineFactory, out: string, resume = false): Promise<TransferResult> {
  const source = path.resolve(from);
  const resuming = resume && (await exists(out));
  if (!resuming) await checkNewOutput(out, '--out', target.supports.c1z ? 'file' : 'directory');
  await removeStaleTempFiles(out);
  const bulkNote: BulkNote = {
    writer: 'import',
    source,
    resume: `c1z-parity import ${shellWord(source)} --engine ${target.name} --out ${shellWord(path.resolve(out))} --resume`,
  };
  const src = asRawStore(await openStore(from, realEngineOptions()));
  try {
    const dst = asRawStore(await target.open(out, realEngineOptions(resuming ? { openIncomplete: true } : { bulkNote })));
    try {
      const srcRuns = await src.rawSyncRuns();
      const done = resuming ? await checkResumable(dst, out, source, srcRuns) : new Set<string>();
      const result = await copySyncs(src, dst, srcRuns.filter((r) => !done.has(r.id)).map((r) => r.id));
      await dst.rawFinishBulk?.();
      return { ...result, resumed: done.size };
    } catch (err) {
      // A fresh store that failed is removed; a resumed one stays marked for another --resume or a discard.
      if (!resuming) {
        await dst.close().catch(() => undefined);
        await fs.rm(out, { recursive: true, force: true });
      }
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
    .requiredOption('--out <path>', 'the new store (must not exist, unless --resume)')
    .option('--engine <name>', 'leveldb or sqlite', 'leveldb')
    .option('--resume', 'finish the store an interrupted import of this file left at --out (start one if none is there)')
    .action(async (file: string, opts: { out: string; engine: string; resume?: boolean }) => {
      const target = TARGETS[opts.engine];
      if (target === undefined) throw new CliError(`unknown engine ${JSON.stringify(opts.engine)} (leveldb, sqlite)`);
      const r = await transferStore(file, target, opts.out, opts.resume === true);
      const resumed = r.resumed === 0 ? '' : ` (resumed: ${r.resumed} syncs were in already)`;
      writeLine(io.stdout, `imported ${r.syncs} syncs, ${r.records} records into ${opts.out} (${target.name})${resumed}`);
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
