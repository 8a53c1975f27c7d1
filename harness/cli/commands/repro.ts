/**
 * `c1z-parity repro <case-dir>` and `c1z-parity repro --seed N --path P [--preset NAME] [--engines a,b] [--max-ops N]`:
 * replays a saved corpus case, or one run from a report's fast-check coordinates, prints each op's result per engine
 * and the first divergence as a diff; exit 1 while it diverges, 0 once fixed.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { CorpusError, loadCase } from '../../corpus';
import { divergenceDiff, divergenceTitle } from '../../report';
import type { Op } from '../../ops';
import { formatOp } from '../../ops';
import { DEFAULT_ENGINES, type EngineName } from '../../runner/engine-registry';
import type { EngineWrapper } from '../../runner/engine-slot';
import { opsAtPath } from '../../runner/ops-at-path';
import { runOps } from '../../runner/run-ops';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseCount, parseEnginesOption, parsePreset, parseSeed } from '../options';
import type { SetExit } from '.';

/** What a replay may add to the ops and engines: test-only faults, or a wrapper that breaks engines on purpose. */
export interface ReplayExtras {
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  readonly wrap?: EngineWrapper;
}

/** Replays `ops` on `engines`, prints every op's per-engine result and the first divergence; returns the exit code. */
export async function replayAndPrint(io: CliIo, ops: readonly Op[], engines: readonly EngineName[], extras: ReplayExtras = {}): Promise<number> {
  const result = await runOps(ops, {
    engines,
    ...(extras.faults === undefined ? {} : { faults: extras.faults }),
    ...(extras.wrap === undefined ? {} : { wrap: extras.wrap }),
  });
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

/** Replays the corpus case in `dir` (on `engines`, else its own) and prints it; returns the exit code. */
export async function reproCase(io: CliIo, dir: string, opts: { engines?: readonly EngineName[]; wrap?: EngineWrapper } = {}): Promise<number> {
  let c;
  try {
    c = await loadCase(path.resolve(dir));
  } catch (err) {
    if (err instanceof CorpusError) throw new CliError(err.message);
    throw err;
  }
  const engines = opts.engines ?? c.meta.engines;
  writeLine(io.stdout, `case ${c.name} (expect ${c.meta.expect}): ${c.meta.why.split('\n')[0] ?? ''}`);
  if (c.meta.seed !== null) writeLine(io.stdout, `from run seed ${c.meta.seed} path ${c.meta.path ?? ''} preset ${c.meta.preset ?? ''}`);
  const faults = Object.entries(c.meta.faults ?? {}).filter(([, names]) => names.length > 0);
  if (faults.length > 0) writeLine(io.stdout, `with injected faults: ${faults.map(([engine, names]) => `${engine}=${names.join('+')}`).join(' ')}`);
  const code = await replayAndPrint(io, c.ops, engines, { ...(c.meta.faults === undefined ? {} : { faults: c.meta.faults }), ...(opts.wrap === undefined ? {} : { wrap: opts.wrap }) });
  if (code === EXIT.ok && c.meta.expect === 'diverges') {
    writeLine(io.stdout, `fixed: this case no longer diverges; set "expect": "pass" in ${path.join(c.dir, 'meta.json')} so CI keeps it fixed`);
  }
  return code;
}

interface ReproCliOptions {
  seed?: string;
  path?: string;
  preset: string;
  engines?: string;
  maxOps?: string;
}

/** Registers the `repro` verb. */
export function registerRepro(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('repro')
    .argument('[case-dir]', 'a corpus case folder (ops + meta.json)')
    .description('replay a corpus case, or one run from a report (fast-check seed and path), and print the divergence')
    .option('--seed <n>', 'the run seed from the report')
    .option('--path <p>', 'the fast-check path from the report')
    .option('--preset <name>', 'generator preset', 'default')
    .option('--engines <list>', `engines (default: the case's, else ${DEFAULT_ENGINES.join(',')})`)
    .option('--max-ops <n>', 'as given to fuzz')
    .action(async (caseDir: string | undefined, opts: ReproCliOptions) => {
      const engines = opts.engines === undefined ? undefined : parseEnginesOption(opts.engines);
      if (caseDir !== undefined) {
        if (opts.seed !== undefined || opts.path !== undefined) throw new CliError('give a case folder or --seed/--path, not both');
        setExit(await reproCase(io, caseDir, engines === undefined ? {} : { engines }));
        return;
      }
      if (opts.seed === undefined) throw new CliError('repro needs a case folder, or --seed (and --path) from a report');
      if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) throw new CliError(`--path takes fast-check's path like 0:1:3 (got ${JSON.stringify(opts.path)})`);
      const maxOps = opts.maxOps === undefined ? undefined : parseCount(opts.maxOps, '--max-ops', 1);
      const ops = opsAtPath(parseSeed(opts.seed), opts.path, parsePreset(opts.preset), maxOps);
      setExit(await replayAndPrint(io, ops, engines ?? [...DEFAULT_ENGINES]));
    });
}
