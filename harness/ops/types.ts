/**
 * The op union: every public operation of the Engine contract (models/contract/api.ts) plus the harness ops, each a frozen
 * object with a `kind` and its arguments.
 */
import type { GetOp } from './get-ops';
import type { HarnessOp } from './harness-ops';
import type { ListOp } from './list-ops';
import type { PutOp } from './put-ops';
import type { SyncOp } from './sync-ops';
import type { WholeSyncOp } from './whole-sync-ops';

/** An op that calls one Engine method. */
export type ContractOp = SyncOp | PutOp | ListOp | GetOp | WholeSyncOp;

/** Any op of a run: an Engine call or a harness op. */
export type Op = ContractOp | HarnessOp;

/** The kind of an op. */
export type OpKind = Op['kind'];

/** The op of one kind. */
export type OpOfKind<K extends OpKind> = Extract<Op, { kind: K }>;

export type { GetOp, HarnessOp, ListOp, PutOp, SyncOp, WholeSyncOp };
