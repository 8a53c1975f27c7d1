/** Command arbitraries of the sync lifecycle: starts of every type (and invalid ones), resumes, checkpoints, ends. */
import fc from 'fast-check';
import { makeOp } from '../ops/make-op';
import type {
  CheckpointSyncOp,
  CurrentSyncStepOp,
  EndSyncOp,
  SetCurrentSyncOp,
  StartNewSyncOp,
  StartSyncOp,
} from '../ops/sync-ops';
import type { TextRef } from '../ops/items';
import { either, fromList, sometimes } from './draw';
import { present } from '../ops/present';
import type { GenContext } from './gen-context';

/** `startNewSync`, with or without a type (any, including invalid ones) and a parent. */
export function startNewSyncCommand(g: GenContext): fc.Arbitrary<StartNewSyncOp> {
  return fc
    .tuple(sometimes(60, g.vocab.syncType), sometimes(25, g.vocab.syncId))
    .map(([syncType, parentSyncId]) => makeOp(present<StartNewSyncOp>({ kind: 'startNewSync', syncType, parentSyncId })));
}

/** `startSync`. */
export function startSyncCommand(): fc.Arbitrary<StartSyncOp> {
  return fc.constant(makeOp({ kind: 'startSync' }));
}

/** `setCurrentSync` of a known, finished, unknown or empty sync id. */
export function setCurrentSyncCommand(g: GenContext): fc.Arbitrary<SetCurrentSyncOp> {
  return g.vocab.syncId.map((id) => makeOp({ kind: 'setCurrentSync', id }));
}

/** `currentSyncStep`. */
export function currentSyncStepCommand(): fc.Arbitrary<CurrentSyncStepOp> {
  return fc.constant(makeOp({ kind: 'currentSyncStep' }));
}

/** `checkpointSync` with a short token, or now and then a big seeded one (tokens can be 100 KB of JSON). */
export function checkpointSyncCommand(g: GenContext): fc.Arbitrary<CheckpointSyncOp> {
  const small = fc.oneof(
    fc.nat({ max: 50 }).map((page): TextRef => ({ text: `{"page":${page}}` })),
    g.vocab.text.map((text): TextRef => ({ text })),
  );
  const big = fc
    .tuple(fc.nat(), fromList(g.values.bigTokenSizes))
    .map(([seed, size]): TextRef => ({ seed, size }));
  return either(g.values.bigTokenPct, big, small).map((token) => makeOp({ kind: 'checkpointSync', token }));
}

/** `endSync`. */
export function endSyncCommand(): fc.Arbitrary<EndSyncOp> {
  return fc.constant(makeOp({ kind: 'endSync' }));
}
