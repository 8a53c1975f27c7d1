/**
 * `c1z-parity bench [--scale small|medium|large] [--json] [--markdown] [--out FILE] [--only ids] [--engines list]
 * [--reps N] [--cpu-prof-dir DIR]`: compares the LevelDB engine with the SQLite engine on every workload, prints the
 * table and writes the JSON result and its SVG chart. The verb lives with the benchmarks, above the harness; it
 * reaches the CLI through `BENCH_VERBS` (bench/verbs.ts).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { isBenchEngine, type BenchEngine } from './engines';
import { runBench } from './run-bench';
import { isScaleName, SCALE_NAMES } from './scales';
import { renderMarkdownTable, renderTextTable } from './table';
import { writeResults } from './write-results';
import { WORKLOADS } from './workloads';
import { packageRoot } from '../harness/package-root';
import { CliError, EXIT, writeLine, type CliIo } from '../harness/cli/io';
import { parseCount } from '../harness/cli/options';
import type { SetExit } from '../harness/cli/commands';

interface BenchCliOptions {
  scale: string;
  json?: boolean;
  markdown?: boolean;
  out?: string;
  only?: string;
  engines?: string;
  reps?: string;
  cpuProfDir?: string;
}

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseBenchEngines(text: string): BenchEngine[] {
  const names = parseList(text);
  const bad = names.find((n) => !isBenchEngine(n));
  if (bad !== undefined || names.length === 0) throw new CliError(`--engines takes sqlite, leveldb or both (got ${JSON.stringify(text)})`);
  return [...new Set(names)] as BenchEngine[];
}

function parseWorkloadIds(text: string): string[] {
  const ids = parseList(text);
  const bad = ids.find((id) => !WORKLOADS.some((w) => w.id === id));
  if (bad !== undefined || ids.length === 0) {
    throw new CliError(`--only: unknown workload ${JSON.stringify(bad ?? text)} (known: ${WORKLOADS.map((w) => w.id).join(', ')})`);
  }
  return ids;
}

/** The command line that reproduces this run (as the result records it). */
function commandLine(opts: BenchCliOptions): string {
  const parts = ['c1z-parity', 'bench', '--scale', opts.scale];
  if (opts.only !== undefined) parts.push('--only', opts.only);
  if (opts.engines !== undefined) parts.push('--engines', opts.engines);
  if (opts.reps !== undefined) parts.push('--reps', opts.reps);
  return parts.join(' ');
}

/** Registers the `bench` verb. */
export function registerBench(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('bench')
    .description('benchmark the LevelDB engine against the SQLite engine (and the harness), print the table, write JSON and an SVG chart')
    .option('--scale <name>', `dataset size: ${SCALE_NAMES.join(', ')} (tiny is for development)`, 'small')
    .option('--json', 'print the JSON result instead of the table')
    .option('--markdown', 'print the table as Markdown')
    .option('--out <file>', 'the JSON result (default bench/results/<scale>.json; partial runs: reports/bench/<scale>.json); the SVG goes beside it')
    .option('--only <ids>', 'run only these workloads (comma list)')
    .option('--engines <list>', 'run paired workloads only on these engines (sqlite, leveldb)')
    .option('--reps <n>', 'repetitions per engine (default: the scale’s)')
    .option('--cpu-prof-dir <dir>', 'write a V8 CPU profile of every workload process into this directory')
    .action(async (opts: BenchCliOptions) => {
      if (!isScaleName(opts.scale)) throw new CliError(`--scale takes ${SCALE_NAMES.join(', ')} (got ${JSON.stringify(opts.scale)})`);
      const scale = opts.scale;
      const workloads = opts.only === undefined ? undefined : parseWorkloadIds(opts.only);
      const engines = opts.engines === undefined ? undefined : parseBenchEngines(opts.engines);
      const repetitions = opts.reps === undefined ? undefined : parseCount(opts.reps, '--reps', 1);
      const partial = workloads !== undefined || engines !== undefined || repetitions !== undefined;
      const root = packageRoot();
      const out = path.resolve(opts.out ?? (partial ? path.join(root, 'reports', 'bench', `${scale}.json`) : path.join(root, 'bench', 'results', `${scale}.json`)));
      const result = await runBench({
        scale,
        ...(workloads === undefined ? {} : { workloads }),
        ...(engines === undefined ? {} : { engines }),
        ...(repetitions === undefined ? {} : { repetitions }),
        ...(opts.cpuProfDir === undefined ? {} : { cpuProfDir: path.resolve(opts.cpuProfDir) }),
        command: commandLine(opts),
        log: (line) => writeLine(io.stderr, `bench: ${line}`),
      });
      const written = await writeResults(result, out);
      if (opts.json) writeLine(io.stdout, JSON.stringify(result, null, 2));
      else writeLine(io.stdout, opts.markdown ? renderMarkdownTable(result) : renderTextTable(result));
      writeLine(io.stderr, `bench: wrote ${written.json} and ${written.svg}`);
      setExit(result.workloads.some((w) => w.error !== undefined) ? EXIT.failed : EXIT.ok);
    });
}
