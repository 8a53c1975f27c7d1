/** A CliIo that keeps what a verb prints, for tests that call the verbs' functions directly (with a wrapper). */
import { Writable } from 'node:stream';
import type { CliIo } from '../../cli/io';

/** A captured CliIo and the text written to it so far. */
export function captureIo(): { io: CliIo; stdout: () => string; stderr: () => string } {
  const make = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const out = make();
  const err = make();
  return { io: { stdout: out.stream, stderr: err.stream }, stdout: out.text, stderr: err.text };
}
