/**
 * Finds a first diverging run of a fault: the runs of a fuzz session (run i of seed s has fast-check seed
 * `runSeed(s, i)`, and its ops are that seed's first generated value, exactly as `fuzz` draws them), executed in
 * order until one diverges or the time budget is spent. fast-check's shrinking is left out on purpose: it is bounded
 * by wall time, so its result would vary with the machine's load; the reducer, which runs next, is not.
 */
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
}

/** Runs the session's runs in order until one diverges on `config`, or `elapsedMs()` passes `timeMs`. */
export async function discover(seed: number, preset: string, config: RunConfig, timeMs: number, elapsedMs: () => number): Promise<DiscoveryResult> {
  let ops = 0;
  let runs = 0;
  for (let index = 0; index === 0 || elapsedMs() < timeMs; index += 1) {
    runs += 1;
    const seedOfRun = runSeed(seed, index);
    const generated = opsAtPath(seedOfRun, '', preset);
    const result = await runOps(generated, { ...config, stopAtFirstDivergence: true });
    ops += result.opsRun;
    if (result.divergences.length > 0) {
      const found = { runIndex: index, runSeed: seedOfRun, ops: generated.slice(0, result.opsRun), generatedOps: generated.length };
      return { runs, ops, found };
    }
  }
  return { runs, ops };
}
