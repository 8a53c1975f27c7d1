/**
 * The divergence a reduction keeps: a signature (code, op kind, engine pair) of the divergence first seen, and the
 * predicate that runs a candidate on every engine and asks whether its first divergence has that signature, so
 * that reducing never slides from one bug to another.
 */
import type { Divergence } from '../../engines/compare';
import type { Op } from '../ops';
import { runOps, type RunConfig } from '../runner/run-ops';
import type { DivergesPredicate } from './tester';

/** What identifies a divergence across reductions of its case. */
export interface DivergenceSignature {
  readonly code: string;
  /** The op kind it showed at, or `snapshot` for a snapshot comparison (at a sync boundary or the end). */
  readonly kind: string;
  readonly engines: readonly [string, string];
}

/** The signature of a divergence. */
export function divergenceSignature(d: Divergence): DivergenceSignature {
  const kind = d.op.endsWith('[snapshot]') ? 'snapshot' : (d.op.split(' ')[0] ?? '');
  return { code: d.code, kind, engines: [d.engines[0], d.engines[1]] };
}

/** Tells whether a divergence has the given signature. */
export function hasSignature(d: Divergence, s: DivergenceSignature): boolean {
  const own = divergenceSignature(d);
  return own.code === s.code && own.kind === s.kind && own.engines[0] === s.engines[0] && own.engines[1] === s.engines[1];
}

/** A predicate: the ops diverge on `config`'s engines (with the signature `target`, when given) at their first diverging op. */
export function divergencePredicate(config: RunConfig, target?: DivergenceSignature): DivergesPredicate {
  return async (ops: readonly Op[], stopNow?: () => boolean) => {
    const result = await runOps(ops, { ...config, stopAtFirstDivergence: true, ...(stopNow ? { stopNow } : {}) });
    if (result.abandoned === true) return false;
    return target === undefined ? result.divergences.length > 0 : result.divergences.some((d) => hasSignature(d, target));
  };
}
