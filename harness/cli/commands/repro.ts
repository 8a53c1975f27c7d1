/**
 * `c1z-parity repro <case-dir>` and `c1z-parity repro --seed N --path P [--preset NAME] [--engines a,b] [--max-ops N]`:
 * replays a saved corpus case, or one run from a report's fast-check coordinates, prints each op's result per engine
 * and the first divergence as a diff; exit 1 while it diverges, 0 once fixed.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import type { Divergence } from '../../../engines/compare';
import { CorpusError, expectedResultDivergences, expectedResultsEngine, historyResult, loadCase, withExpectedResults, type CorpusCase } from '../../corpus';
import { divergenceDiff, divergenceTitle } from '../../report';
import type { Op } from '../../ops';
import { formatOp } from '../../ops';
import { DEFAULT_ENGINES, type EngineName } from '../../../engines/registry/engine-registry';
import type { EngineWrapper } from '../../runner/engine-slot';
import { opsAtPath } from '../../runner/ops-at-path';
import { runOps, type RunResult } from '../../runner/run-ops';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseCount, parseEnginesOption, parsePreset, parseSeed } from '../options';
import type { SetExit } from '.';

/** What a replay may add to the ops and engines: test-only faults, a wrapper that breaks engines on purpose, and the ops' expected results. */
export interface ReplayExtras {
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  readonly wrap?: EngineWrapper;
  /** Per op, the result the case's ops file expects (`=> <result>`), checked on the model's history. */
  readonly expected?: readonly (string | undefined)[];
}

/** What `replayAndPrint` found: its exit code, the run, and the ops whose result is not the expected one. */
export interface PrintedReplay {
  readonly code: number;
  readonly result: RunResult;
  readonly mismatches: readonly Divergence[];
}

function printDivergence(io: CliIo, label: string, d: Divergence, more: number): void {
  writeLine(io.stdout, '');
  writeLine(io.stdout, `${label} ${divergenceTitle(d)}`);
  if (d.detail !== undefined) writeLine(io.stdout, d.detail);
  writeLine(io.stdout, divergenceDiff(d));
  if (more > 0) writeLine(io.stdout, `(+${more} more)`);
}

/**
 * Replays `ops` on `engines`, prints every op's per-engine result (and its expected result where that differs),
 * then the first divergence between engines or else the first op whose result is not the expected one.
 */
export async function replayAndPrint(io: CliIo, ops: readonly Op[], engines: readonly EngineName[], extras: ReplayExtras = {}): Promise<PrintedReplay> {
  const result = await runOps(ops, {
    engines,
    ...(extras.faults === undefined ? {} : { faults: extras.faults }),
    ...(extras.wrap === undefined ? {} : { wrap: extras.wrap }),
  });
  const checked = expectedResultsEngine(result.histories, engines);
  const mismatches = extras.expected === undefined || checked === undefined ? [] : expectedResultDivergences(ops, extras.expected, result.histories, checked);
  const width = Math.max('expected'.length, ...engines.map((e) => e.length));
  for (let i = 0; i < result.opsRun; i += 1) {
    writeLine(io.stdout, `#${i} ${formatOp(ops[i] as Op)}`);
    for (const engine of engines) {
      const line = result.histories[engine]?.[i] ?? '';
      writeLine(io.stdout, `  ${engine.padEnd(width)}  ${line.slice(line.indexOf(' => ') + 4)}`);
    }
    if (mismatches.some((m) => m.opIndex === i)) writeLine(io.stdout, `  ${'expected'.padEnd(width)}  ${extras.expected?.[i] ?? ''}  <- MISMATCH`);
  }
  const first = result.divergences[0];
  if (first !== undefined) {
    printDivergence(io, 'DIVERGENCE', first, result.divergences.length - 1);
    return { code: EXIT.failed, result, mismatches };
  }
  const wrong = mismatches[0];
  if (wrong !== undefined) {
    printDivergence(io, 'EXPECTED RESULT MISMATCH', wrong, mismatches.length - 1);
    return { code: EXIT.failed, result, mismatches };
  }
  const stated = extras.expected?.filter((e) => e !== undefined).length ?? 0;
  writeLine(io.stdout, `no divergence: ${result.opsRun} ops agree on ${engines.join(', ')}${stated > 0 ? `, ${stated} expected results hold` : ''}`);
  return { code: EXIT.ok, result, mismatches };
}

/** Writes the model's results of a replay as the case's expected results (refused while engines disagree). */
async function updateExpected(io: CliIo, c: CorpusCase, engines: readonly EngineName[], replay: PrintedReplay): Promise<number> {
  if (replay.result.divergences.length > 0) {
    writeLine(io.stdout, 'not writing expected results: the engines disagree (fix or check the divergence first)');
    return EXIT.failed;
  }
  const from = expectedResultsEngine(replay.result.histories, engines);
  if (from === undefined) throw new CliError('no history to take expected results from');
  const history = replay.result.histories[from] ?? [];
  const results = c.ops.map((op, i) => (history[i] === undefined ? undefined : historyResult(history[i], i, op)));
  const file = path.join(c.dir, 'ops');
  await writeFile(file, withExpectedResults(await readFile(file, 'utf8'), results), 'utf8');
  writeLine(io.stdout, `wrote ${results.filter((r) => r !== undefined).length} expected results (from ${from}) to ${file}; check them against SPEC before committing`);
  return EXIT.ok;
}

/** Replays the corpus case in `dir` (on `engines`, else its own) and prints it, or writes its expected results; returns the exit code. */
export async function reproCase(
  io: CliIo,
  dir: string,
  opts: { engines?: readonly EngineName[]; wrap?: EngineWrapper; updateExpected?: boolean } = {},
): Promise<number> {
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
  const replay = await replayAndPrint(io, c.ops, engines, {
    ...(c.meta.faults === undefined ? {} : { faults: c.meta.faults }),
    ...(opts.wrap === undefined ? {} : { wrap: opts.wrap }),
    ...(opts.updateExpected === true ? {} : { expected: c.expected }),
  });
  if (opts.updateExpected === true) return updateExpected(io, c, engines, replay);
  const code = replay.code;
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
  updateExpected?: boolean;
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
    .option('--update-expected', "write the model's results into the case's ops file as expected results (`=> ...` lines)")
    .action(async (caseDir: string | undefined, opts: ReproCliOptions) => {
      const engines = opts.engines === undefined ? undefined : parseEnginesOption(opts.engines);
      if (caseDir !== undefined) {
        if (opts.seed !== undefined || opts.path !== undefined) throw new CliError('give a case folder or --seed/--path, not both');
        setExit(await reproCase(io, caseDir, { ...(engines === undefined ? {} : { engines }), ...(opts.updateExpected === true ? { updateExpected: true } : {}) }));
        return;
      }
      if (opts.seed === undefined) throw new CliError('repro needs a case folder, or --seed (and --path) from a report');
      if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) throw new CliError(`--path takes fast-check's path like 0:1:3 (got ${JSON.stringify(opts.path)})`);
      const maxOps = opts.maxOps === undefined ? undefined : parseCount(opts.maxOps, '--max-ops', 1);
      const ops = opsAtPath(parseSeed(opts.seed), opts.path, parsePreset(opts.preset), maxOps);
      if (opts.updateExpected === true) throw new CliError('--update-expected needs a case folder');
      setExit((await replayAndPrint(io, ops, engines ?? [...DEFAULT_ENGINES])).code);
    });
}
