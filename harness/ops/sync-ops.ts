/** The sync lifecycle writers of SPEC §5 as ops. */
import type { TextRef } from './items';
import { str } from './text/codec';
import type { Layout } from './text/fields';
import { textCodec } from './text/ref-codecs';

/** `startNewSync({ type, parentSyncId })`; the type is any string so that invalid types can be tried. */
export interface StartNewSyncOp {
  readonly kind: 'startNewSync';
  readonly syncType?: string;
  readonly parentSyncId?: string;
}

/** `startSync()`. */
export interface StartSyncOp {
  readonly kind: 'startSync';
}

/** `setCurrentSync(id)`. */
export interface SetCurrentSyncOp {
  readonly kind: 'setCurrentSync';
  readonly id: string;
}

/** `currentSyncStep()`. */
export interface CurrentSyncStepOp {
  readonly kind: 'currentSyncStep';
}

/** `checkpointSync(token)`; a big token is a seeded `@text(...)`. */
export interface CheckpointSyncOp {
  readonly kind: 'checkpointSync';
  readonly token: TextRef;
}

/** `endSync()`. */
export interface EndSyncOp {
  readonly kind: 'endSync';
}

/** Every sync lifecycle op. */
export type SyncOp = StartNewSyncOp | StartSyncOp | SetCurrentSyncOp | CurrentSyncStepOp | CheckpointSyncOp | EndSyncOp;

/** The text layout of each sync op: `startNewSync type=partial parent=s0001`, `checkpointSync "{\"page\":2}"`. */
export const SYNC_OP_LAYOUTS: { readonly [K in SyncOp['kind']]: Layout } = {
  startNewSync: {
    fields: [
      { field: 'syncType', key: 'type', codec: str, optional: true },
      { field: 'parentSyncId', key: 'parent', codec: str, optional: true },
    ],
  },
  startSync: { fields: [] },
  setCurrentSync: { fields: [{ field: 'id', codec: str }] },
  currentSyncStep: { fields: [] },
  checkpointSync: { fields: [{ field: 'token', codec: textCodec }] },
  endSync: { fields: [] },
};
