/**
 * `c1z-parity replay [corpus-dir] [--engines a,b]`: replays every case of a corpus and checks each against its
 * `expect`; prints one line per case and the diff of every case whose outcome changed; exit 1 if any did.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { CorpusError, listCases, loadCase, replayCase, type CaseReplay } from '../../corpus';
import { divergenceDiff, divergenceTitle } from '../../report';
import { DEFAULT_ENGINES, type EngineName } from '../../../engines/registry/engine-registry';
import type { EngineWrapper } from '../../runner/engine-slot';
import { packageRoot } from '../../package-root';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseEnginesOption } from '../options';
import type { SetExit } from '.';

/** One line for a replayed case, and the divergence's diff when its outcome is not the expected one. */
function printReplay(io: CliIo, r: CaseReplay): void {
  const seconds = r.report.stats.seconds.toFixed(2);
  const status = r.matches ? 'ok  ' : 'FAIL';
  writeLine(io.stdout, `${status} ${r.case.name}  expect ${r.case.meta.expect}, got ${r.outcome}  (${r.case.ops.length} ops, ${seconds}s)`);
  if (r.matches) return;
  const first = r.report.divergences[0];
  if (first === undefined) {
    writeLine(io.stdout, `     no longer diverges: if its bug is fixed, set "expect": "pass" in ${path.join(r.case.dir, 'meta.json')}`);
    return;
  }
  writeLine(io.stdout, `     ${divergenceTitle(first)}`);
  for (const line of divergenceDiff(first).split('\n')) writeLine(io.stdout, `     ${line}`);
  writeLine(io.stdout, `     repro: ${r.report.repro}`);
}

/** Replays every case under `corpusDir` and prints them; returns the exit code. */
export async function replayCorpus(io: CliIo, corpusDir: string, opts: { engines?: readonly EngineName[]; wrap?: EngineWrapper } = {}): Promise<number> {
  let dirs: string[];
  try {
    dirs = await listCases(corpusDir);
  } catch (err) {
    if (err instanceof CorpusError) throw new CliError(err.message);
    throw err;
  }
  let failed = 0;
  let unreadable = 0;
  for (const dir of dirs) {
    let replay: CaseReplay;
    try {
      replay = await replayCase(await loadCase(dir), opts);
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      unreadable += 1;
      writeLine(io.stdout, `BAD  ${path.basename(dir)}  ${err.message}`);
      continue;
    }
    printReplay(io, replay);
    if (!replay.matches) failed += 1;
  }
  writeLine(io.stdout, `${dirs.length} cases: ${dirs.length - failed - unreadable} as expected, ${failed} changed, ${unreadable} unreadable`);
  if (unreadable > 0) return EXIT.usage;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** Registers the `replay` verb. */
export function registerReplay(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('replay')
    .argument('[corpus-dir]', 'a folder of case folders (default corpus/)')
    .description('replay every corpus case and check each against its expect ("pass" or "diverges")')
    .option('--engines <list>', `engines (default: each case's, usually ${DEFAULT_ENGINES.join(',')})`)
    .action(async (corpusDir: string | undefined, opts: { engines?: string }) => {
      const engines = opts.engines === undefined ? undefined : parseEnginesOption(opts.engines);
      const dir = path.resolve(corpusDir ?? path.join(packageRoot(), 'corpus'));
      setExit(await replayCorpus(io, dir, engines === undefined ? {} : { engines }));
    });
}
