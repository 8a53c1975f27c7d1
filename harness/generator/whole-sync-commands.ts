/** Command arbitraries of the whole-sync and store operations: diff, clone, view, cleanup, compact, verify, close. */
import fc from 'fast-check';
import { makeOp } from '../ops/make-op';
import type {
  CleanupOp,
  CloneSyncOp,
  CloseOp,
  CompactOp,
  GenerateSyncDiffOp,
  VerifyOp,
  ViewSyncOp,
} from '../ops/whole-sync-ops';
import { present } from '../ops/present';
import { either, fromList } from './draw';
import type { GenContext } from './gen-context';

/** `generateSyncDiff` of two sync ids (the same one, unknown ones, the running one: all allowed). */
export function generateSyncDiffCommand(g: GenContext): fc.Arbitrary<GenerateSyncDiffOp> {
  return fc
    .tuple(g.vocab.syncId, g.vocab.syncId)
    .map(([baseSyncId, appliedSyncId]) => makeOp({ kind: 'generateSyncDiff', baseSyncId, appliedSyncId }));
}

/** `cloneSync` of a sync id or `''` (the latest finished full sync) to a symbolic destination. */
export function cloneSyncCommand(g: GenContext): fc.Arbitrary<CloneSyncOp> {
  return fc
    .tuple(fc.oneof(fc.constant(''), g.vocab.syncId), g.vocab.destination)
    .map(([syncId, destination]) => makeOp({ kind: 'cloneSync', syncId, destination }));
}

/** `viewSync` of a sync id, or now and then `''` to clear the view. */
export function viewSyncCommand(g: GenContext): fc.Arbitrary<ViewSyncOp> {
  return either(15, fc.constant(''), g.vocab.syncId).map((id) => makeOp({ kind: 'viewSync', id }));
}

/** `cleanup` with the preset's `keep` values (including the invalid 0 and -1). */
export function cleanupCommand(g: GenContext): fc.Arbitrary<CleanupOp> {
  return fromList(g.values.keeps).map((keep) => makeOp(present<CleanupOp>({ kind: 'cleanup', keep })));
}

/** `compact`. */
export function compactCommand(): fc.Arbitrary<CompactOp> {
  return fc.constant(makeOp({ kind: 'compact' }));
}

/** `verify`. */
export function verifyCommand(): fc.Arbitrary<VerifyOp> {
  return fc.constant(makeOp({ kind: 'verify' }));
}

/** `close` (every later call is CLOSED until a `reopen`). */
export function closeCommand(): fc.Arbitrary<CloseOp> {
  return fc.constant(makeOp({ kind: 'close' }));
}
