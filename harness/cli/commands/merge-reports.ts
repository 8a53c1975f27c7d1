/**
 * `c1z-parity merge-reports <dirs...> --out DIR`: merges the reports of several fuzz runs (the shards of a CI matrix)
 * into one: text, JSON and HTML of the merged report, and JUnit XML with one suite per input. A folder is a report
 * folder (holding report.json) or any folder above report folders (a downloaded artifact). Exit 1 when any input
 * diverged.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { renderJunit, writeReport, type RunReport } from '../../report';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { checkOutputFolder } from '../out-path';
import type { SetExit } from '.';

type Json = Record<string, unknown>;

const REQUIRED: readonly [string, (v: unknown) => boolean][] = [
  ['runId', (v) => typeof v === 'string'],
  ['seed', (v) => typeof v === 'string' || typeof v === 'number'],
  ['preset', (v) => typeof v === 'string'],
  ['engines', (v) => Array.isArray(v) && v.every((e) => typeof e === 'string')],
  ['versions', (v) => typeof v === 'object' && v !== null],
  ['ops', Array.isArray],
  ['histories', (v) => typeof v === 'object' && v !== null],
  ['divergences', Array.isArray],
  ['stats', (v) => typeof v === 'object' && v !== null && ['runs', 'ops', 'seconds'].every((k) => typeof (v as Json)[k] === 'number')],
  ['repro', (v) => typeof v === 'string'],
  ['historyDigest', (v) => typeof v === 'string'],
];

/** Reads and checks one report.json. */
async function readReport(file: string): Promise<RunReport> {
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null) throw new CliError(`${file}: not a report (not a JSON object)`);
  for (const [key, ok] of REQUIRED) if (!ok((data as Json)[key])) throw new CliError(`${file}: not a report ("${key}" missing or wrong)`);
  return data as RunReport;
}

/** The report.json files in `dir` or below it (three levels at most), sorted. */
async function findReports(dir: string, depth = 0): Promise<string[]> {
  const own = path.join(dir, 'report.json');
  if (await fs.stat(own).then((s) => s.isFile(), () => false)) return [own];
  if (depth === 3) return [];
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => {
    throw new CliError(`${dir}: no such folder`);
  });
  const found: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).map((x) => x.name).sort()) found.push(...(await findReports(path.join(dir, e), depth + 1)));
  return found;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Merges reports into one: seeds, presets and engines listed, divergences and stats summed, the failing run's details. */
export function mergeReports(reports: readonly RunReport[], runId: string): RunReport {
  const failing = reports.find((r) => r.divergences.length > 0);
  const detail = failing ?? reports[0];
  if (detail === undefined) throw new CliError('no report to merge');
  const runs = reports.reduce((n, r) => n + r.stats.runs, 0);
  const ops = reports.reduce((n, r) => n + r.stats.ops, 0);
  const seconds = reports.reduce((n, r) => n + r.stats.seconds, 0);
  // The largest store of the merged sessions: the run index is that session's (shards number their runs apart).
  const largest = reports.reduce<RunReport | undefined>((best, r) => ((r.stats.largestStore ?? -1) > (best?.stats.largestStore ?? -1) ? r : best), undefined);
  const largestStats = largest?.stats.largestStore === undefined ? {} : { largestStore: largest.stats.largestStore, ...(largest.stats.largestStoreRun === undefined ? {} : { largestStoreRun: largest.stats.largestStoreRun }) };
  const digest = createHash('sha256');
  for (const r of reports) digest.update(`${r.runId} ${r.historyDigest}\n`);
  return {
    runId,
    seed: unique(reports.map((r) => String(r.seed))).join(','),
    preset: unique(reports.map((r) => r.preset)).join(','),
    ...(failing?.path === undefined ? {} : { path: failing.path }),
    engines: unique(reports.flatMap((r) => [...r.engines])),
    versions: detail.versions,
    ops: failing ? failing.ops : [],
    histories: failing ? failing.histories : {},
    divergences: reports.flatMap((r) => [...r.divergences]),
    stats: { runs, ops, seconds, opsPerSecond: seconds > 0 ? ops / seconds : 0, ...largestStats },
    repro: detail.repro,
    historyDigest: digest.digest('hex'),
  };
}

/** Merges the reports found under `dirs` into `out`; returns the exit code. */
export async function mergeReportDirs(io: CliIo, dirs: readonly string[], out: string): Promise<number> {
  const files: string[] = [];
  for (const dir of dirs) {
    const found = await findReports(path.resolve(dir));
    if (found.length === 0) throw new CliError(`${dir}: no report.json in it or below it`);
    files.push(...found);
  }
  // A merged report written into a folder it reads from is not an input the next time.
  const inputs = unique(files).filter((f) => path.dirname(f) !== path.resolve(out));
  const reports: RunReport[] = [];
  for (const file of inputs) reports.push(await readReport(file));
  const merged = mergeReports(reports, `merged-${reports.length}-reports`);
  const written = await writeReport(path.resolve(out), merged);
  await fs.writeFile(written.junit, renderJunit(reports), 'utf8');
  const diverged = reports.filter((r) => r.divergences.length > 0);
  for (const r of reports) {
    writeLine(io.stdout, `${r.divergences.length > 0 ? 'DIVERGED' : 'ok      '} ${r.runId}  seed ${r.seed}  ${r.stats.runs} runs, ${r.stats.ops} ops, ${r.divergences.length} divergences`);
  }
  writeLine(io.stdout, `merged ${reports.length} reports: ${merged.stats.runs} runs, ${merged.stats.ops} ops, ${merged.divergences.length} divergences -> ${path.resolve(out)}`);
  if (diverged[0] !== undefined) writeLine(io.stdout, `repro: ${diverged[0].repro}`);
  return diverged.length > 0 ? EXIT.failed : EXIT.ok;
}

/** Registers the `merge-reports` verb. */
export function registerMergeReports(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('merge-reports')
    .argument('<dirs...>', 'report folders, or folders above them (downloaded CI artifacts)')
    .requiredOption('--out <dir>', 'where to write the merged report (text, JSON, HTML, JUnit)')
    .description('merge the reports of several fuzz runs (CI shards) into one')
    .action(async (dirs: string[], opts: { out: string }) => {
      await checkOutputFolder(opts.out, '--out');
      setExit(await mergeReportDirs(io, dirs, opts.out));
    });
}
