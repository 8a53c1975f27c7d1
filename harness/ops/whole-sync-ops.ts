/** The whole-sync and store operations of SPEC §6 as ops. */
import { looseNumber, str } from './text/codec';
import type { Layout } from './text/fields';

/** `generateSyncDiff(base, applied)`. */
export interface GenerateSyncDiffOp {
  readonly kind: 'generateSyncDiff';
  readonly baseSyncId: string;
  readonly appliedSyncId: string;
}

/** `cloneSync(syncId, destination)`; the destination is symbolic (`clone1`), mapped to a location by the runner. */
export interface CloneSyncOp {
  readonly kind: 'cloneSync';
  readonly syncId: string;
  readonly destination: string;
}

/** `viewSync(id)`. */
export interface ViewSyncOp {
  readonly kind: 'viewSync';
  readonly id: string;
}

/** `cleanup({ keep })`; `keep` may be a fraction, NaN, Infinity or a string, which engines must refuse. */
export interface CleanupOp {
  readonly kind: 'cleanup';
  readonly keep?: number | string;
}

/** `compact()`. */
export interface CompactOp {
  readonly kind: 'compact';
}

/** `verify()`. */
export interface VerifyOp {
  readonly kind: 'verify';
}

/** `close()`. */
export interface CloseOp {
  readonly kind: 'close';
}

/** Every whole-sync or store op. */
export type WholeSyncOp = GenerateSyncDiffOp | CloneSyncOp | ViewSyncOp | CleanupOp | CompactOp | VerifyOp | CloseOp;

/** The text layout of each whole-sync op: `generateSyncDiff s0001 s0002`, `cloneSync "" to=clone1`, `cleanup keep=0`. */
export const WHOLE_SYNC_OP_LAYOUTS: { readonly [K in WholeSyncOp['kind']]: Layout } = {
  generateSyncDiff: {
    fields: [
      { field: 'baseSyncId', codec: str },
      { field: 'appliedSyncId', codec: str },
    ],
  },
  cloneSync: {
    fields: [
      { field: 'syncId', codec: str },
      { field: 'destination', key: 'to', codec: str },
    ],
  },
  viewSync: { fields: [{ field: 'id', codec: str }] },
  cleanup: { fields: [{ field: 'keep', key: 'keep', codec: looseNumber, optional: true }] },
  compact: { fields: [] },
  verify: { fields: [] },
  close: { fields: [] },
};
