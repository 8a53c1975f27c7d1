/**
 * The mutants self-test: each named fault (all by default) fuzzed alone, in table order, with the same session seed,
 * so that the whole table is a function of the seed (only its seconds vary with the machine).
 */
import type { EngineName } from '../../engines/registry/engine-registry';
import { ALL_FAULTS, planFault } from './fault-plan';
import { runMutant, type MutantOptions, type MutantResult } from './run-mutant';

/** The largest reduced case that still counts as a good witness of its fault (issue 5). */
export const MAX_REDUCED_OPS = 12;

/** What a mutants session runs. */
export interface MutantsOptions extends Omit<MutantOptions, 'timeMs' | 'preset'> {
  /** Faults to run (default all, in table order). */
  readonly faults?: readonly string[];
  readonly timePerFaultMs: number;
  /** Engines of every run (default: the model and the fault's own engine). */
  readonly engines?: readonly EngineName[];
  /** Called after each fault. */
  readonly onResult?: (result: MutantResult, index: number, total: number) => void;
}

/** Tells whether a fault's result meets issue 5: found within the budget, with a reduced case of at most 12 ops. */
export function mutantPassed(r: MutantResult, timePerFaultMs: number): boolean {
  return r.found && r.seconds * 1000 <= timePerFaultMs && (r.reducedOps ?? Infinity) <= MAX_REDUCED_OPS;
}

/** Runs every named fault alone and returns one result per fault. */
export async function runMutants(options: MutantsOptions): Promise<MutantResult[]> {
  const names = options.faults ?? ALL_FAULTS;
  // Plan everything first, so that a bad name fails before any fuzzing.
  const plans = names.map((name) => planFault(name, options.engines));
  const results: MutantResult[] = [];
  for (const [i, plan] of plans.entries()) {
    const result = await runMutant(plan, { ...options, timeMs: options.timePerFaultMs });
    results.push(result);
    options.onResult?.(result, i, plans.length);
  }
  return results;
}
