/** Registers every verb of the CLI on the commander program. */
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { registerCleanup } from './cleanup';
import { registerCompact } from './compact';
import { registerDiscard } from './discard';
import { registerFuzz } from './fuzz';
import { registerList } from './list';
import { registerMutants } from './mutants';
import { registerMergeReports } from './merge-reports';
import { registerReduce } from './reduce';
import { registerReplay } from './replay';
import { registerReplayC1z } from './replay-c1z';
import { registerRepro } from './repro';
import { registerStats } from './stats';
import { registerSyncs } from './syncs';
import { registerSynth } from './synth';
import { registerTransfer } from './transfer';
import { registerVerify } from './verify';

/** Sets the process exit code a verb decided on. */
export type SetExit = (code: number) => void;

/** Adds one verb to `program`; verbs that live above the harness (bench) reach the CLI as one of these. */
export type RegisterVerb = (program: Command, io: CliIo, setExit: SetExit) => void;

/** Adds every verb to `program`. */
export function registerCommands(program: Command, io: CliIo, setExit: SetExit): void {
  registerFuzz(program, io, setExit);
  registerMutants(program, io, setExit);
  registerRepro(program, io, setExit);
  registerReplay(program, io, setExit);
  registerReduce(program, io, setExit);
  registerMergeReports(program, io, setExit);
  registerReplayC1z(program, io, setExit);
  registerStats(program, io, setExit);
  registerSyncs(program, io, setExit);
  registerVerify(program, io, setExit);
  registerCompact(program, io, setExit);
  registerCleanup(program, io, setExit);
  registerList(program, io, setExit);
  registerTransfer(program, io, setExit);
  registerDiscard(program, io, setExit);
  registerSynth(program, io, setExit);
}
