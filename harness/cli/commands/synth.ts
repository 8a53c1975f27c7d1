/**
 * `c1z-parity synth --out FILE.c1z --grants N [--syncs K] [--seed S]`: writes a realistic, deterministic c1z of a given
 * size (harness/dataset/synth.ts) for benchmarks and scale tests.
 */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { writeSynthC1z } from '../../dataset/synth';
import { CliError, writeLine, type CliIo } from '../io';
import { parseCount, parseSeed } from '../options';
import { Progress } from '../progress';
import type { SetExit } from '.';

/** Registers the `synth` verb. */
export function registerSynth(program: Command, io: CliIo, _setExit: SetExit): void {
  program
    .command('synth')
    .description('write a realistic synthetic c1z (users, groups, roles, apps; several syncs) of a given size')
    .requiredOption('--out <file>', 'the new .c1z file (must not exist)')
    .requiredOption('--grants <n>', 'grants of the first sync (later syncs drop about 1 %)')
    .option('--syncs <k>', 'finished full syncs, each a day after the previous', '3')
    .option('--seed <s>', 'the seed: the same options write the same bytes', '1')
    .action(async (opts: { out: string; grants: string; syncs: string; seed: string }) => {
      const grants = parseCount(opts.grants, '--grants', 1);
      const syncs = parseCount(opts.syncs, '--syncs', 1);
      const seed = parseSeed(opts.seed);
      const exists = await fs.lstat(opts.out).then(
        () => true,
        () => false,
      );
      if (exists) throw new CliError(`${opts.out} already exists; choose a new --out`);
      const progress = new Progress(io);
      const started = performance.now();
      const r = await writeSynthC1z(opts.out, { grants, syncs, seed }, (k) => progress.update(`writing sync ${k + 1} of ${syncs}`));
      progress.done();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      writeLine(io.stdout, `wrote ${opts.out}: ${r.syncs} syncs, ${r.records} records (${seconds}s)`);
    });
}
