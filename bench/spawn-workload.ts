/** Runs one workload in its own Node process (`child.js`), with the GC exposed, optionally under `--cpu-prof`. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WorkloadReport, WorkloadSpec } from './run-workload';

const CHILD = path.join(__dirname, 'child.js');

/** Options of a workload process. */
export interface SpawnOptions {
  /** Write a V8 CPU profile of the process into this directory. */
  readonly cpuProfDir?: string;
  /** Receives the process's stderr, line by line. */
  readonly onStderr?: (line: string) => void;
}

/** Runs `spec` in a child process and resolves to its report; rejects with the child's first error line. */
export function spawnWorkload(spec: WorkloadSpec, options: SpawnOptions = {}): Promise<WorkloadReport> {
  if (!existsSync(CHILD)) return Promise.reject(new Error(`${CHILD} is missing: run the compiled benchmark (npm run build)`));
  const profile =
    options.cpuProfDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${spec.workload}-${spec.targets.join('+')}-${spec.scale}.cpuprofile`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...profile, CHILD, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const errors: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter((l) => l.trim() !== '')) {
        errors.push(line);
        options.onStderr?.(line);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last !== '') {
        try {
          resolve(JSON.parse(last) as WorkloadReport);
        } catch (err) {
          reject(new Error(`unreadable workload report: ${(err as Error).message}`));
        }
        return;
      }
      const why = errors.find((l) => l.startsWith('bench workload failed:'))?.replace('bench workload failed: ', '');
      reject(new Error(why ?? `workload process ended with ${signal ?? `exit code ${String(code)}`}`));
    });
  });
}
