/**
 * Child processes for the crash tests: the real CLI (or a small engine script) run from the sources, with its own
 * temp directory (TMPDIR) and an optional crash point (C1Z_PARITY_KILL_AT, engines/leftovers/kill-point.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const RUN_TS = path.join(__dirname, 'run-ts.js');

/** Resource types per call of writer-child.ts. */
export const BATCH = 5;

/** How a child ended and what it printed. */
export interface ChildRun {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `script` (a .ts file beside this one) with `args`, TMPDIR set to `tmpDir`, and `killAt` if given. */
export function startChild(script: string, args: readonly string[], tmpDir: string, killAt?: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmpDir };
  delete env['C1Z_PARITY_KILL_AT'];
  if (killAt !== undefined) env['C1Z_PARITY_KILL_AT'] = killAt;
  return spawn(process.execPath, [RUN_TS, path.join(__dirname, script), ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Waits for a started child to end, collecting its output. */
export function finished(child: ChildProcess): Promise<ChildRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ pid: child.pid as number, code, signal, stdout, stderr }));
  });
}

/** Runs the CLI in a child process to its end (or to its crash point). */
export function cliChild(args: readonly string[], tmpDir: string, killAt?: string): Promise<ChildRun> {
  return finished(startChild('cli-child.ts', args, tmpDir, killAt));
}

/** The names in `tmpDir` that belong to process `pid` (its working copies). */
export async function leftoversOf(tmpDir: string, pid: number): Promise<string[]> {
  return (await readdir(tmpDir)).filter((name) => new RegExp(`^c1z-sqlite-[A-Za-z0-9]+-${pid}-`).test(name));
}

/** The `*.tmp` files beside `target`. */
export async function tempFilesBeside(target: string): Promise<string[]> {
  const base = path.basename(target);
  return (await readdir(path.dirname(target))).filter((name) => name.startsWith(`${base}.`) && name.endsWith('.tmp'));
}
