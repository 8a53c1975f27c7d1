/**
 * The reducer (pebble's metamorphic reducer, outside fast-check): from a diverging op sequence, removes ops by delta
 * debugging, drops whole syncs (renaming the sync ids named after them), shrinks batches and items, drops optional
 * arguments and renames odd ids to short names, in rounds until a round changes nothing, keeping only changes after
 * which the divergence persists. Deterministic for a given predicate; `maxMs` bounds it, and it then returns the
 * smallest sequence found so far.
 */
import { formatOps, type Op } from '../ops';
import { dropSyncs } from './drop-syncs';
import { removeChunks } from './remove-chunks';
import { renameIds } from './rename-ids';
import { simplifyArgs } from './simplify-args';
import { simplifyItems } from './simplify-items';
import { Tester, type DivergesPredicate } from './tester';

/** The default time budget of a reduction. */
export const DEFAULT_REDUCE_MS = 120_000;

/** How a reduction runs. */
export interface ReduceOptions {
  /** Time budget in milliseconds (default 120 s). */
  readonly maxMs?: number;
  /** The time source of the budget (default `performance.now`); never part of what the predicate sees. */
  readonly now?: () => number;
  /** Receives the predicate-call count when the reduction ends. */
  readonly onDone?: (stats: { readonly checks: number; readonly rounds: number }) => void;
}

/** Reduces `ops` while `diverges` holds; returns `ops` unchanged when they do not diverge in the first place. */
export async function reduceOps(ops: readonly Op[], diverges: DivergesPredicate, opts: ReduceOptions = {}): Promise<Op[]> {
  const tester = new Tester(diverges, opts.maxMs ?? DEFAULT_REDUCE_MS, opts.now ?? (() => performance.now()));
  let current: readonly Op[] = ops;
  let rounds = 0;
  if (await tester.test(ops)) {
    for (;;) {
      rounds += 1;
      const before = formatOps(current);
      current = await removeChunks(current, (c) => tester.test(c), () => tester.expired());
      current = await dropSyncs(current, tester);
      current = await simplifyItems(current, tester);
      current = await simplifyArgs(current, tester);
      current = await renameIds(current, tester);
      if (formatOps(current) === before || tester.expired()) break;
    }
  }
  opts.onDone?.({ checks: tester.checks, rounds });
  return [...current];
}
