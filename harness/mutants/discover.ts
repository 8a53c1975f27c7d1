/**
 * Finds a first run that diverges because of a fault: the runs of a fuzz session (run i of seed s has fast-check seed
 * `runSeed(s, i)`, and its ops are that seed's first generated value, exactly as `fuzz` draws them), executed in
 * order until one diverges with the fault and agrees without it, or the time budget is spent. A run that diverges
 * on healthy engines too shows a real bug, not the fault: it is counted and skipped. fast-check's shrinking is left
 * out on purpose: it is bounded by wall time, so its result would vary with the machine's load; the reducer is not.
 * Big runs (harness/generator/run-scale.ts) are left out too: a witness whose store holds 10^5 records takes longer
 * to run once than a mutant's whole reduction budget, and every fault must show in a run of the swarm's own scale.
 */
import { presetNamed } from '../generator';
import { presetRunScale } from '../generator/run-scale';
import type { Op } from '../ops';
import { opsAtPath } from '../runner/ops-at-path';
import { runOps, type RunConfig } from '../runner/run-ops';
import { runSeed } from '../runner/run-seed';

/** The first diverging run of a session. */
export interface Discovery {
  readonly runIndex: number;
  readonly runSeed: number;
  /** The run's ops up to the one that diverged. */
  readonly ops: readonly Op[];
  /** How many ops the run generated. */
  readonly generatedOps: number;
}

/** What a discovery session ran and found. */
export interface DiscoveryResult {
  readonly runs: number;
  readonly ops: number;
  readonly found?: Discovery;
  /** Run seeds of runs that diverged without the fault too. */
  readonly healthyDivergences: readonly number[];
}

/** Tells whether the run seeded `seedOfRun` of `preset` is big (grows its store past 10^5 records): discovery skips it. */
export function isBigRun(preset: string, seedOfRun: number): boolean {
  return presetRunScale(presetNamed(preset), seedOfRun)?.kind === 'big';
}

/** Runs the session's runs in order until one diverges on `faulty` but not on `healthy`, or `timeMs` passes. */
export async function discover(
  seed: number,
  preset: string,
  faulty: RunConfig,
  healthy: RunConfig,
  timeMs: number,
  elapsedMs: () => number,
): Promise<DiscoveryResult> {
  let ops = 0;
  let runs = 0;
  const healthyDivergences: number[] = [];
  for (let index = 0; index === 0 || elapsedMs() < timeMs; index += 1) {
    const seedOfRun = runSeed(seed, index);
    if (isBigRun(preset, seedOfRun)) continue;
    runs += 1;
    const generated = opsAtPath(seedOfRun, '', preset);
    const result = await runOps(generated, { ...faulty, stopAtFirstDivergence: true });
    ops += result.opsRun;
    if (result.divergences.length === 0) continue;
    const witness = generated.slice(0, result.opsRun);
    if ((await runOps(witness, { ...healthy, stopAtFirstDivergence: true })).divergences.length > 0) {
      healthyDivergences.push(seedOfRun);
      continue;
    }
    const found = { runIndex: index, runSeed: seedOfRun, ops: witness, generatedOps: generated.length };
    return { runs, ops, found, healthyDivergences };
  }
  return { runs, ops, healthyDivergences };
}
