/** Command arbitraries of the harness ops: clock steps and sets, close-and-reopen, reading a clone, a chosen sync id. */
import fc from 'fast-check';
import type { ClockOp, NextSyncIdOp, ReadCloneOp, ReopenOp, SyncIdsOp } from '../ops/harness-ops';
import { makeOp } from '../ops/make-op';
import { either, fromList } from './draw';
import type { GenContext } from './gen-context';

/** `clock step` by one of the preset's deltas (forward, zero, backwards, past the resume window) or `clock set`. */
export function clockCommand(g: GenContext): fc.Arbitrary<ClockOp> {
  const v = g.values;
  const step = fromList(v.clockSteps).map((micros) => makeOp<ClockOp>({ kind: 'clock', mode: 'step', micros }));
  const set = fromList(v.clockSets).map((micros) => makeOp<ClockOp>({ kind: 'clock', mode: 'set', micros }));
  return either(v.clockSetPct, set, step);
}

/** `reopen`. */
export function reopenCommand(): fc.Arbitrary<ReopenOp> {
  return fc.constant(makeOp({ kind: 'reopen' }));
}

/** `nextSyncId` with an id that ties break differently by UTF-8 bytes and by UTF-16 code units. */
export function nextSyncIdCommand(): fc.Arbitrary<NextSyncIdOp> {
  return fc.constantFrom('s\u{1F600}', 's\u{E000}', 's0001').map((id) => makeOp<NextSyncIdOp>({ kind: 'nextSyncId', id }));
}

/** `readClone` of a symbolic destination (cloned or not). */
export function readCloneCommand(g: GenContext): fc.Arbitrary<ReadCloneOp> {
  return g.vocab.destination.map((destination) => makeOp({ kind: 'readClone', destination }));
}

/** `syncIds` with one of the vocabulary's texts as the alphabet (runs place it through the swarm prelude instead). */
export function syncIdsCommand(g: GenContext): fc.Arbitrary<SyncIdsOp> {
  return g.vocab.text.map((alphabet) => makeOp({ kind: 'syncIds', alphabet }));
}
