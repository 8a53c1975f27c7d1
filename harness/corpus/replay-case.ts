/**
 * Replays a corpus case on its engines (or others named) and judges it against its expectation: no divergence
 * between engines, and the model's results equal to the expected results of the ops file; the replay carries a full
 * RunReport, so that a CI failure prints the same text report a fuzz run does.
 */
import { createHash } from 'node:crypto';
import type { Divergence } from '../../engines/compare';
import { formatOp } from '../ops';
import type { RunReport } from '../report';
import type { EngineName } from '../../engines/registry/engine-registry';
import type { EngineWrapper } from '../runner/engine-slot';
import { runOps, type RunResult } from '../runner/run-ops';
import { componentVersions } from '../runner/versions';
import type { CaseExpectation } from './case-meta';
import { caseReproCommand, type CorpusCase } from './case-store';
import { expectedResultDivergences, expectedResultsEngine } from './expected';

/** How to replay: other engines than the case's, or a wrapper that breaks engines on purpose (tests). */
export interface ReplayOptions {
  readonly engines?: readonly EngineName[];
  readonly wrap?: EngineWrapper;
  /** Milliseconds of wall time, for the report's throughput only (default performance.now). */
  readonly elapsedMs?: () => number;
}

/** A replayed case: what it did now, and whether that is what its meta expects. */
export interface CaseReplay {
  readonly case: CorpusCase;
  readonly engines: readonly EngineName[];
  readonly result: RunResult;
  /** Ops whose result differs from the `=> <result>` the ops file expects (checked on the model's history). */
  readonly expectedMismatches: readonly Divergence[];
  readonly outcome: CaseExpectation;
  /** True when the outcome is the case's `expect`. */
  readonly matches: boolean;
  readonly report: RunReport;
}

/** sha256 over every engine's history, engines sorted (the digest a fuzz run computes per run). */
function historyDigest(result: RunResult): string {
  const hash = createHash('sha256');
  for (const engine of Object.keys(result.histories).sort()) {
    hash.update(`engine ${engine}\n`);
    for (const line of result.histories[engine] ?? []) hash.update(`${line}\n`);
  }
  return hash.digest('hex');
}

/** Replays a case once. */
export async function replayCase(c: CorpusCase, opts: ReplayOptions = {}): Promise<CaseReplay> {
  const engines = opts.engines ?? c.meta.engines;
  const clock = opts.elapsedMs ?? (() => performance.now());
  const started = clock();
  const result = await runOps(c.ops, {
    engines,
    ...(c.meta.faults === undefined ? {} : { faults: c.meta.faults }),
    ...(opts.wrap === undefined ? {} : { wrap: opts.wrap }),
  });
  const seconds = (clock() - started) / 1000;
  const checked = expectedResultsEngine(result.histories, engines);
  const unexpected = checked === undefined ? [] : expectedResultDivergences(c.ops, c.expected, result.histories, checked);
  const divergences = [...result.divergences, ...unexpected];
  const outcome: CaseExpectation = divergences.length > 0 ? 'diverges' : 'pass';
  const report: RunReport = {
    runId: `case-${c.name}`,
    seed: c.meta.seed ?? 'none',
    preset: c.meta.preset ?? 'corpus',
    ...(c.meta.path === null ? {} : { path: c.meta.path }),
    engines,
    versions: componentVersions(),
    ops: c.ops.map(formatOp),
    histories: result.histories,
    divergences,
    stats: { runs: 1, ops: result.opsRun, seconds, opsPerSecond: seconds > 0 ? result.opsRun / seconds : 0 },
    repro: caseReproCommand(c.dir),
    historyDigest: historyDigest(result),
  };
  return { case: c, engines, result, expectedMismatches: unexpected, outcome, matches: outcome === c.meta.expect, report };
}
