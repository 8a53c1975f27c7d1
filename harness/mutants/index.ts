/** The mutants self-test of issue 5: inject each fault alone, fuzz, reduce, and tabulate what was found. */
export { ALL_FAULTS, ANY_FAULT_ENGINE, planFault, type FaultPlan } from './fault-plan';
export { runMutant, type MutantOptions, type MutantResult } from './run-mutant';
export { MAX_REDUCED_OPS, mutantPassed, runMutants, type MutantsOptions } from './run-mutants';
export { mutantMedians, renderMutantTable } from './mutant-table';
