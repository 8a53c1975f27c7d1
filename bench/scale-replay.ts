/**
 * The scale benchmark of replay-c1z and import: writes (once, cached) `synth` files of the sizes asked for, then runs
 * `replay-c1z` and `import --engine leveldb` on each in a child process under `/usr/bin/time`, and prints a table of
 * wall time, peak RSS and records; the JSON (with the load average before and after each step) goes to
 * bench/results/scale.json. Run: `node dist/bench/scale-replay.js [--grants 90000,1000000] [--syncs 3] [--seed 1]
 * [--dir DIR] [--out FILE] [--steps replay,import]` after `npm run build` (or `npm run bench:scale -- ...`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured step. */
export interface ScaleRow {
  readonly step: 'synth' | 'replay' | 'import';
  readonly grants: number;
  readonly syncs: number;
  readonly records: number | null;
  readonly seconds: number;
  /** User plus system CPU seconds: on a shared machine, the figure that load does not inflate. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly exitCode: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly summary: string;
}

interface Args {
  grants: number[];
  syncs: number;
  seed: number;
  dir: string;
  out: string;
  steps: string[];
}

const root = path.resolve(__dirname, '..', '..');
const cliPath = path.join(root, 'bin', 'c1z-parity.js');

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  const grants = get('--grants', '90000,1000000').split(',').map(Number);
  if (grants.some((g) => !Number.isSafeInteger(g) || g < 1)) throw new Error('--grants takes a comma list of whole numbers');
  return {
    grants,
    syncs: Number(get('--syncs', '3')),
    seed: Number(get('--seed', '1')),
    dir: get('--dir', path.join(os.tmpdir(), 'c1z-parity-scale')),
    out: get('--out', path.join(root, 'bench', 'results', 'scale.json')),
    steps: get('--steps', 'replay,import').split(','),
  };
}

/** Runs the CLI under /usr/bin/time; returns its stdout, wall seconds, peak RSS and exit code. */
function timed(args: readonly string[]): Promise<{ stdout: string; seconds: number; cpuSeconds: number; peakRssMb: number; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, cliPath, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (m === null) return reject(new Error(`no /usr/bin/time figures: ${stderr.slice(-400)}`));
      resolve({ stdout, seconds: Number(m[1]), cpuSeconds: Math.round((Number(m[3]) + Number(m[4])) * 10) / 10, peakRssMb: Math.round(Number(m[2]) / 1024), exitCode: code ?? -1 });
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

async function measure(step: ScaleRow['step'], grants: number, syncs: number, args: readonly string[], records: (stdout: string) => number | null): Promise<ScaleRow> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const r = await timed(args);
  const row: ScaleRow = { step, grants, syncs, records: records(r.stdout), seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMb: r.peakRssMb, exitCode: r.exitCode, loadBefore, loadAfter: os.loadavg()[0] ?? 0, summary: lastLine(r.stdout).slice(0, 200) };
  process.stdout.write(`${step} ${grants} grants x ${syncs}: ${row.seconds} s (CPU ${row.cpuSeconds} s), ${row.peakRssMb} MB, exit ${row.exitCode} (load ${loadBefore.toFixed(1)})\n`);
  return row;
}

const recordsOf = (stdout: string): number | null => {
  const m = /(\d+) records/.exec(stdout);
  return m === null ? null : Number(m[1]);
};

/** The table of rows, as Markdown. */
export function renderScaleTable(rows: readonly ScaleRow[]): string {
  const lines = ['| step | grants (first sync) | syncs | records | wall time | CPU time | peak RSS | exit | load avg (before / after) |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.step} | ${r.grants.toLocaleString('en-US')} | ${r.syncs} | ${r.records === null ? '?' : r.records.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${r.peakRssMb} MB | ${r.exitCode} | ${r.loadBefore.toFixed(1)} / ${r.loadAfter.toFixed(1)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  mkdirSync(a.dir, { recursive: true });
  const rows: ScaleRow[] = [];
  for (const grants of a.grants) {
    const file = path.join(a.dir, `synth-g${grants}-s${a.syncs}-seed${a.seed}.c1z`);
    if (!existsSync(file)) rows.push(await measure('synth', grants, a.syncs, ['synth', '--out', file, '--grants', String(grants), '--syncs', String(a.syncs), '--seed', String(a.seed)], recordsOf));
    if (a.steps.includes('replay')) rows.push(await measure('replay', grants, a.syncs, ['replay-c1z', file], recordsOf));
    if (a.steps.includes('import')) {
      const out = path.join(a.dir, `import-g${grants}`);
      rmSync(out, { recursive: true, force: true });
      rows.push(await measure('import', grants, a.syncs, ['import', file, '--engine', 'leveldb', '--out', out], recordsOf));
      rmSync(out, { recursive: true, force: true });
    }
  }
  const table = renderScaleTable(rows);
  process.stdout.write(`\n${table}\n`);
  mkdirSync(path.dirname(a.out), { recursive: true });
  writeFileSync(a.out, `${JSON.stringify({ machine: { cpus: os.cpus().length, totalMemMb: Math.round(os.totalmem() / 2 ** 20), node: process.version }, rows }, null, 2)}\n`);
  process.stdout.write(`wrote ${a.out}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`scale-replay: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}
