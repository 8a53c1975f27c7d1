/** The CLI as a child process entry (`run-ts.js cli-child.ts <verb> ...`), so that a test can SIGKILL a real run. */
import { runCli } from '../../harness/cli/main';

void runCli(process.argv.slice(3), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  // As bin/c1z-parity.js does: exit once the output is flushed, not when every handle closes.
  process.stdout.write('', () => process.exit(code));
});
