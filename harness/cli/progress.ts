/** A one-line progress display for long work: redrawn in place on a TTY, silent elsewhere (CI logs stay clean). */
import type { CliIo } from './io';

/** Shows progress lines on stderr when it is a terminal. */
export class Progress {
  private shown = false;

  constructor(private readonly io: CliIo) {}

  /** Replaces the progress line. */
  update(line: string): void {
    if (!this.io.stderr.isTTY) return;
    this.io.stderr.write(`\r\u001b[2K${line}`);
    this.shown = true;
  }

  /** Clears the progress line before normal output. */
  done(): void {
    if (this.shown) this.io.stderr.write('\r\u001b[2K');
    this.shown = false;
  }
}
