/** Runs the CLI in-process and captures what it prints, for the CLI tests. */
import path from 'node:path';
import { Writable } from 'node:stream';
import type { RegisterVerb } from '../commands';
import { runCli } from '../main';

/** What one CLI invocation did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `c1z-parity ...args` in this process. */
export async function cli(...args: string[]): Promise<CliRun> {
  return cliWith([])(...args);
}

/** A `cli` whose program also has `verbs` (those registered from above the harness, such as bench's). */
export function cliWith(verbs: readonly RegisterVerb[]): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    const out = sink();
    const err = sink();
    const code = await runCli(args, { stdout: out.stream, stderr: err.stream }, verbs);
    return { code, stdout: out.text(), stderr: err.text() };
  };
}

/** The path of a fixture c1z (shared/ sits beside the checkout). */
export function fixture(name: string): string {
  return path.join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'c1z', name);
}
