/**
 * Ops that drive the harness rather than an engine method: the logical clock, close-and-reopen, reading a clone, and
 * choosing the id of the next sync (so that a case can tie syncs on time and break the tie by id).
 * The runner executes them; `executeOp` refuses them.
 */
import { int, oneOf, str } from './text/codec';
import type { Layout } from './text/fields';

/** Moves the logical clock by `micros` (`step`, which may be 0 or negative) or sets it to `micros` (`set`). */
export interface ClockOp {
  readonly kind: 'clock';
  readonly mode: 'step' | 'set';
  readonly micros: number;
}

/** Closes the engine (if open) and opens it again at the same location. */
export interface ReopenOp {
  readonly kind: 'reopen';
}

/** Opens the store at a clone destination with the same factory and takes a snapshot of it. */
export interface ReadCloneOp {
  readonly kind: 'readClone';
  readonly destination: string;
}

/** Makes `id` the id of the next sync every engine creates (ids queue in order; then `s0001`, ... resume). */
export interface NextSyncIdOp {
  readonly kind: 'nextSyncId';
  readonly id: string;
}

/**
 * Sets the alphabet of the run's sync-id source from here on: the n-th new sync id is the alphabet's code point
 * `(n - 1) mod length` followed by n in four digits (`s` alone gives `s0001`, `s0002`, ...).
 */
export interface SyncIdsOp {
  readonly kind: 'syncIds';
  readonly alphabet: string;
}

/** Every harness op. */
export type HarnessOp = ClockOp | ReopenOp | ReadCloneOp | NextSyncIdOp | SyncIdsOp;

/** The text layout of each harness op: `clock step -3600000000`, `clock set 1767225600000000`, `readClone clone1`, `syncIds "s\u00e9"`. */
export const HARNESS_OP_LAYOUTS: { readonly [K in HarnessOp['kind']]: Layout } = {
  clock: {
    fields: [
      { field: 'mode', codec: oneOf(['step', 'set'] as const) },
      { field: 'micros', codec: int },
    ],
  },
  reopen: { fields: [] },
  readClone: { fields: [{ field: 'destination', codec: str }] },
  nextSyncId: { fields: [{ field: 'id', codec: str }] },
  syncIds: { fields: [{ field: 'alphabet', codec: str }] },
};
