/** Registers every verb of the CLI on the commander program. */
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { registerStats } from './stats';
import { registerSyncs } from './syncs';

/** Sets the process exit code a verb decided on. */
export type SetExit = (code: number) => void;

/** Adds every verb to `program`. */
export function registerCommands(program: Command, io: CliIo, setExit: SetExit): void {
  registerStats(program, io, setExit);
  registerSyncs(program, io, setExit);
}
