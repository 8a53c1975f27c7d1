/**
 * One fault alone: the runs of a fuzz session on the model and the faulty engine within a time budget; when one
 * diverges, the case is checked to pass on healthy engines (else the session found a real bug, not the fault) and
 * reduced while it diverges with the fault and agrees without it. Deterministic for a seed; only the seconds vary.
 */
import { formatOp, type Op } from '../ops';
import { reduceOps } from '../reduce';
import { runOps, type RunConfig } from '../runner/run-ops';
import { discover } from './discover';
import type { FaultPlan } from './fault-plan';

/** What fuzzing one fault found. */
export interface MutantResult {
  readonly fault: string;
  /** The engines the fault was injected into. */
  readonly engine: string;
  readonly appendix: number;
  readonly preset: string;
  readonly found: boolean;
  /** Seconds until a run diverged (or the budget ran out). */
  readonly seconds: number;
  /** Seconds the reduction took. */
  readonly reduceSeconds: number;
  /** Runs executed, and the ops they executed. */
  readonly runs: number;
  readonly opsRun: number;
  /** The fast-check seed of the diverging run (`repro --seed` regenerates its ops). */
  readonly runSeed?: number;
  /** Ops of the diverging run up to the divergence, and after reduction. */
  readonly foundOps?: number;
  readonly reducedOps?: number;
  /** The reduced case, one op per line. */
  readonly ops?: readonly string[];
  /** Why a divergence does not count as finding the fault. */
  readonly note?: string;
}

/** The budgets and clock of a mutant run. */
export interface MutantOptions {
  readonly seed: number;
  readonly timeMs: number;
  /** The reducer's budget (default 25 s); it normally ends long before. */
  readonly reduceMs?: number;
  /** Wall time in milliseconds, for budgets and the table only (default `performance.now`). */
  readonly now?: () => number;
  /** The generator preset (default `default`, the swarm: every fault must be found by it alone). */
  readonly preset?: string;
}

async function diverges(ops: readonly Op[], config: RunConfig): Promise<boolean> {
  return (await runOps(ops, { ...config, stopAtFirstDivergence: true })).divergences.length > 0;
}

/** Fuzzes one planned fault and reduces what it finds. */
export async function runMutant(plan: FaultPlan, options: MutantOptions): Promise<MutantResult> {
  const now = options.now ?? (() => performance.now());
  const preset = options.preset ?? 'default';
  const faulty: RunConfig = { engines: plan.engines, faults: plan.faults };
  const healthy: RunConfig = { engines: plan.engines };
  const started = now();
  const session = await discover(options.seed, preset, faulty, healthy, options.timeMs, () => now() - started);
  const base = {
    fault: plan.spec.name,
    engine: Object.keys(plan.faults).join(','),
    appendix: plan.spec.appendix,
    preset,
    seconds: (now() - started) / 1000,
    runs: session.runs,
    opsRun: session.ops,
    ...(session.healthyDivergences.length === 0
      ? {}
      : { note: `runs of seeds ${session.healthyDivergences.join(', ')} diverge without the fault too (skipped; a real bug?)` }),
  };
  const found = session.found;
  if (found === undefined) return { ...base, found: false, reduceSeconds: 0 };
  const counts = { runSeed: found.runSeed, foundOps: found.ops.length };
  const reduceStarted = now();
  const reduced = await reduceOps(found.ops, async (ops) => (await diverges(ops, faulty)) && !(await diverges(ops, healthy)), {
    maxMs: options.reduceMs ?? 25_000,
    now,
  });
  return {
    ...base,
    ...counts,
    found: true,
    reduceSeconds: (now() - reduceStarted) / 1000,
    reducedOps: reduced.length,
    ops: reduced.map(formatOp),
  };
}
