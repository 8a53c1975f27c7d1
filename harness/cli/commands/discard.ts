/**
 * `c1z-parity discard <store>`: removes a store that an interrupted import or clone left (SPEC §6: such a store is
 * refused by every other verb). A complete store is never removed: discard refuses it.
 */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { describeNote } from '../../../engines/leftovers/describe-note';
import { detectFactory } from '../../../engines/registry/open-store';
import type { RawStore } from '../../../models/contract/raw';
import { CliError, writeLine, type CliIo } from '../io';
import { realEngineOptions } from '../real-clock';
import type { SetExit } from '.';

/** Registers the `discard` verb. */
export function registerDiscard(program: Command, io: CliIo, _setExit: SetExit): void {
  program
    .command('discard')
    .description('remove a store an interrupted import or clone left (a complete store is refused)')
    .argument('<store>', 'the store the error message named')
    .action(async (store: string) => {
      const factory = await detectFactory(store);
      const engine = await factory.open(store, realEngineOptions({ openIncomplete: true }));
      let note;
      try {
        note = (engine as Partial<RawStore>).rawIncomplete?.();
      } finally {
        await engine.close();
      }
      if (note === undefined) throw new CliError(`${store} is a complete store; discard only removes what an interrupted import or clone left`);
      await fs.rm(store, { recursive: true, force: true });
      writeLine(io.stdout, `removed ${store} (${describeNote(note)})`);
    });
}
