/**
 * The c1z-parity command line: parses arguments with commander, runs one verb, and maps every failure to an exit
 * code with one line on stderr (0 success, 1 a check or comparison failed, 2 bad usage or unreadable input).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { isStorageError } from '../../models/contract/errors';
import { CliError, EXIT, writeLine, type CliIo } from './io';
import { registerCommands, type RegisterVerb } from './commands';
import { packageRoot } from '../package-root';

/** The version in c1z-parity's package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the exit code; never throws. `extraVerbs` are
 * verbs registered from above the harness (the entry point passes bench's), after the harness's own.
 */
export async function runCli(argv: readonly string[], io: CliIo, extraVerbs: readonly RegisterVerb[] = []): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('c1z-parity')
    .description('Differential testing of the c1z storage engines (SQLite, LevelDB, reference model).')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`c1z-parity: ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError(false)
    .version(packageVersion(), '--version', 'print the package version');
  const setExit = (code: number): void => {
    exitCode = code;
  };
  registerCommands(program, io, setExit);
  for (const register of extraVerbs) register(program, io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are exits with code 0; everything else commander rejects is bad usage.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      writeLine(io.stderr, `c1z-parity: ${err.message}`);
      return err.exitCode;
    }
    if (isStorageError(err)) {
      writeLine(io.stderr, `c1z-parity: ${err.message.split('\n')[0]}`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    writeLine(io.stderr, `c1z-parity: internal error: ${message.split('\n')[0]}`);
    return EXIT.usage;
  }
}
