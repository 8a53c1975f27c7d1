/**
 * `c1z-parity mutants [--faults a,b] [--time-per-fault 60s] [--seed N] [--engines a,b] [--show-ops] [--json]`:
 * the fault-injection self-test (issue 5). Each fault alone is fuzzed, and what is found is reduced; prints a table
 * and exits 1 when a fault is not found within its time, or its reduced case has more than 12 ops.
 */
import type { Command } from 'commander';
import { ALL_FAULTS, MAX_REDUCED_OPS, mutantMedians, mutantPassed, planFault, renderMutantTable, runMutants, type MutantResult } from '../../mutants';
import { CliError, EXIT, writeLine, type CliIo } from '../io';
import { parseDuration, parseEnginesOption, parseSeed } from '../options';
import { Progress } from '../progress';
import type { SetExit } from '.';

interface MutantsCliOptions {
  faults?: string;
  timePerFault: string;
  seed: string;
  engines?: string;
  showOps?: boolean;
  json?: boolean;
}

/** Parses `--faults a,b`, checking every name (and that it fits the engines) before anything runs. */
function parseFaults(text: string | undefined, engines: Parameters<typeof planFault>[1]): string[] {
  const names = text === undefined ? [...ALL_FAULTS] : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new CliError('--faults names no fault');
  for (const name of names) {
    try {
      planFault(name, engines);
    } catch (err) {
      throw new CliError(`--faults: ${(err as Error).message}`);
    }
  }
  return names;
}

function printOps(io: CliIo, r: MutantResult): void {
  if (r.ops === undefined) return;
  writeLine(io.stdout, `\n# ${r.fault} (${r.engine}): ${r.ops.length} ops`);
  for (const op of r.ops) writeLine(io.stdout, op);
}

/** Registers the `mutants` verb. */
export function registerMutants(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('mutants')
    .description('fault-injection self-test: fuzz each injected fault alone, reduce what is found, print a table')
    .option('--faults <list>', `faults to run, comma-separated (default all ${ALL_FAULTS.length})`)
    .option('--time-per-fault <duration>', 'fuzzing budget of each fault (60s, 2m)', '60s')
    .option('--seed <n>', 'session seed of every fault', '1')
    .option('--engines <list>', "engines of each run (default: memory and the fault's own engine)")
    .option('--show-ops', 'print the reduced case of each fault found')
    .option('--json', 'print one JSON object with every result')
    .action(async (opts: MutantsCliOptions) => {
      const timePerFaultMs = parseDuration(opts.timePerFault, '--time-per-fault');
      const seed = parseSeed(opts.seed);
      const engines = opts.engines === undefined ? undefined : parseEnginesOption(opts.engines);
      const faults = parseFaults(opts.faults, engines);
      const progress = new Progress(io);
      progress.update(`mutants: ${faults[0]} (1/${faults.length})`);
      const results = await runMutants({
        faults,
        timePerFaultMs,
        seed,
        ...(engines === undefined ? {} : { engines }),
        onResult: (r, i, total) => {
          const next = faults[i + 1];
          progress.update(`mutants: ${r.fault} ${r.found ? `found in ${r.seconds.toFixed(1)}s` : 'not found'}${next === undefined ? '' : `; ${next} (${i + 2}/${total})`}`);
        },
      });
      progress.done();
      const failed = results.filter((r) => !mutantPassed(r, timePerFaultMs)).map((r) => r.fault);
      const timeArg = `${timePerFaultMs / 1000}s`;
      const faultArg = opts.faults === undefined ? '' : ` --faults ${faults.join(',')}`;
      const command = `npx c1z-parity mutants${faultArg} --time-per-fault ${timeArg} --seed ${seed}${engines ? ` --engines ${engines.join(',')}` : ''}`;
      if (opts.json) {
        writeLine(io.stdout, JSON.stringify({ seed, timePerFaultMs, maxReducedOps: MAX_REDUCED_OPS, command, medians: mutantMedians(results), results, failed }));
      } else {
        writeLine(io.stdout, renderMutantTable(results, timePerFaultMs));
        if (opts.showOps) for (const r of results) printOps(io, r);
        writeLine(io.stdout, `repro: ${command}`);
      }
      setExit(failed.length === 0 ? EXIT.ok : EXIT.failed);
    });
}
