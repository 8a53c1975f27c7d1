/**
 * Turns a fuzz failure into a corpus case: reduces fast-check's shrunk ops further (keeping the same divergence),
 * replays the result for its first divergence, and saves it with `expect: "diverges"`.
 */
import type { FuzzFailure } from '../runner/fuzz';
import type { EngineName } from '../../engines/registry/engine-registry';
import type { EngineWrapper } from '../runner/engine-slot';
import { runOps } from '../runner/run-ops';
import { componentVersions } from '../runner/versions';
import { divergencePredicate, divergenceSignature, reduceOps } from '../reduce';
import type { Op } from '../ops';
import { saveCase } from './case-store';

/** Where the failure came from and how to save it. */
export interface SaveFailureOptions {
  readonly corpusDir: string;
  readonly preset: string;
  readonly engines: readonly EngineName[];
  readonly maxOps?: number;
  readonly faults?: Partial<Record<EngineName, readonly string[]>>;
  readonly wrap?: EngineWrapper;
  /** Time budget of the reduction (default: the reducer's). */
  readonly reduceMs?: number;
  /** The wall-clock date to record (ISO 8601). */
  readonly date: string;
}

/** What was saved. */
export interface SavedFailure {
  readonly dir: string;
  readonly name: string;
  readonly created: boolean;
  readonly ops: readonly Op[];
  /** How many ops fast-check's shrinking left, before the reducer. */
  readonly shrunkOps: number;
}

/** Reduces and saves a failing run; returns the case folder. */
export async function saveFailure(failure: FuzzFailure, opts: SaveFailureOptions): Promise<SavedFailure> {
  const config = {
    engines: opts.engines,
    ...(opts.faults === undefined ? {} : { faults: opts.faults }),
    ...(opts.wrap === undefined ? {} : { wrap: opts.wrap }),
  };
  const first = failure.result.divergences[0];
  const target = first === undefined ? undefined : divergenceSignature(first);
  const reduced = await reduceOps(failure.ops, divergencePredicate(config, target), opts.reduceMs === undefined ? {} : { maxMs: opts.reduceMs });
  const replay = await runOps(reduced, config);
  const divergence = replay.divergences[0] ?? first ?? null;
  const at = failure.firstDivergence === undefined ? '' : ` in run ${failure.runIndex}, first at #${failure.firstOpIndex} ${failure.firstDivergence.op}`;
  const why = divergence === null ? `found by fuzz${at}` : `found by fuzz${at}: ${divergence.code} at ${divergence.op} [${divergence.engines[0]} vs ${divergence.engines[1]}]`;
  const saved = await saveCase(opts.corpusDir, {
    ops: reduced,
    meta: {
      why,
      expect: 'diverges',
      engines: opts.engines,
      seed: failure.runSeed,
      path: failure.path,
      preset: opts.preset,
      ...(opts.maxOps === undefined ? {} : { maxOps: opts.maxOps }),
      ...(opts.faults === undefined ? {} : { faults: opts.faults }),
      versions: componentVersions(),
      divergence,
      date: opts.date,
    },
  });
  return { ...saved, ops: reduced, shrunkOps: failure.ops.length };
}
