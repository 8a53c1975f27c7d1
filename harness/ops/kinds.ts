/** The table of op kinds: their text layouts, their families, and which ones the harness runs itself. */
import { GET_OP_LAYOUTS } from './get-ops';
import { HARNESS_OP_LAYOUTS, type HarnessOp } from './harness-ops';
import { LIST_OP_LAYOUTS } from './list-ops';
import { PUT_OP_LAYOUTS } from './put-ops';
import { SYNC_OP_LAYOUTS } from './sync-ops';
import type { Layout } from './text/fields';
import type { ContractOp, Op, OpKind } from './types';
import { WHOLE_SYNC_OP_LAYOUTS } from './whole-sync-ops';

/** The text layout of every op kind. */
export const OP_LAYOUTS: { readonly [K in OpKind]: Layout } = {
  ...SYNC_OP_LAYOUTS,
  ...PUT_OP_LAYOUTS,
  ...LIST_OP_LAYOUTS,
  ...GET_OP_LAYOUTS,
  ...WHOLE_SYNC_OP_LAYOUTS,
  ...HARNESS_OP_LAYOUTS,
};

/** Every op kind, grouped by family in a fixed order. */
export const OP_KINDS = Object.keys(OP_LAYOUTS) as readonly OpKind[];

/** The kinds the runner executes itself rather than through an Engine method. */
export const HARNESS_OP_KINDS = Object.keys(HARNESS_OP_LAYOUTS) as readonly HarnessOp['kind'][];

/** Every kind that calls one Engine method. */
export const CONTRACT_OP_KINDS = OP_KINDS.filter((k) => !(HARNESS_OP_KINDS as readonly string[]).includes(k)) as readonly ContractOp['kind'][];

/**
 * The kinds that can change a sync's records, not only its run: puts and deletes, diffs (they write new syncs),
 * cleanups (they delete syncs) and compaction (it rewrites the storage).
 */
export const RECORD_WRITING_KINDS: ReadonlySet<OpKind> = new Set<OpKind>([...(Object.keys(PUT_OP_LAYOUTS) as OpKind[]), 'generateSyncDiff', 'cleanup', 'compact']);

/** Tells whether `kind` names an op. */
export function isOpKind(kind: string): kind is OpKind {
  return Object.prototype.hasOwnProperty.call(OP_LAYOUTS, kind);
}

/** Tells whether an op is run by the harness (clock, reopen, readClone) rather than by `executeOp`. */
export function isHarnessOp(op: Op): op is HarnessOp {
  return (HARNESS_OP_KINDS as readonly string[]).includes(op.kind);
}
