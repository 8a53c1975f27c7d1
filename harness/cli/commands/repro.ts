/**
 * `c1z-parity repro --seed N --path P [--preset NAME] [--engines a,b] [--max-ops N]`: replays one run from a
 * report's coordinates, prints each op's result per engine and the first divergence as a diff; exit 1 while it
 * diverges, 0 once fixed.
 */
import type { Command } from 'commander';
import { divergenceDiff, divergenceTitle } from '../../report';
import type { Op } from '../../ops';
import { formatOp } from '../../ops';
import { DEFAULT_ENGINES, type EngineName } from '../../runner/engine-registry';
import { opsAtPath } from '../../runner/ops-at-path';
import { runOps } from '../../runner/run-ops';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseCount, parseEnginesOption, parsePreset, parseSeed } from '../options';
import type { SetExit } from '.';

/** Replays `ops` on `engines`, prints every op's per-engine result and the first divergence; returns the exit code. */
export async function replayAndPrint(io: CliIo, ops: readonly Op[], engines: readonly EngineName[]): Promise<number> {
  const result = await runOps(ops, { engines });
  const width = Math.max(...engines.map((e) => e.length));
  for (let i = 0; i < result.opsRun; i += 1) {
    writeLine(io.stdout, `#${i} ${formatOp(ops[i] as Op)}`);
    for (const engine of engines) {
      const line = result.histories[engine]?.[i] ?? '';
      writeLine(io.stdout, `  ${engine.padEnd(width)}  ${line.slice(line.indexOf(' => ') + 4)}`);
    }
  }
  const first = result.divergences[0];
  if (first === undefined) {
    writeLine(io.stdout, `no divergence: ${result.opsRun} ops agree on ${engines.join(', ')}`);
    return EXIT.ok;
  }
  writeLine(io.stdout, '');
  writeLine(io.stdout, `DIVERGENCE ${divergenceTitle(first)}`);
  if (first.detail !== undefined) writeLine(io.stdout, first.detail);
  writeLine(io.stdout, divergenceDiff(first));
  if (result.divergences.length > 1) writeLine(io.stdout, `(+${result.divergences.length - 1} more divergences)`);
  return EXIT.failed;
}

/** Registers the `repro` verb. */
export function registerRepro(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('repro')
    .description('replay one run from a report (fast-check seed and path) and print the divergence')
    .option('--seed <n>', 'the run seed from the report')
    .option('--path <p>', 'the fast-check path from the report')
    .option('--preset <name>', 'generator preset', 'default')
    .option('--engines <list>', `engines (default ${DEFAULT_ENGINES.join(',')})`)
    .option('--max-ops <n>', 'as given to fuzz')
    .action(async (opts: { seed?: string; path?: string; preset: string; engines?: string; maxOps?: string }) => {
      if (opts.seed === undefined) throw new CliError('repro needs --seed (and --path) from a report');
      if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) throw new CliError(`--path takes fast-check's path like 0:1:3 (got ${JSON.stringify(opts.path)})`);
      const engines = opts.engines === undefined ? [...DEFAULT_ENGINES] : parseEnginesOption(opts.engines);
      const maxOps = opts.maxOps === undefined ? undefined : parseCount(opts.maxOps, '--max-ops', 1);
      const ops = opsAtPath(parseSeed(opts.seed), opts.path, parsePreset(opts.preset), maxOps);
      setExit(await replayAndPrint(io, ops, engines));
    });
}
