/** Ops as data: the op union, its canonical text form, and the executor of contract ops. */
export * from './types';
export * from './items';
export type { ClockOp, ReadCloneOp, ReopenOp, SyncIdsOp } from './harness-ops';
export { CONTRACT_OP_KINDS, HARNESS_OP_KINDS, OP_KINDS, isHarnessOp, isOpKind } from './kinds';
export { deepFreeze, makeOp } from './make-op';
export { formatOp, formatOps } from './format';
export { OpParseError, parseOp, parseOps } from './parse';
export { DEFAULT_FOREIGN_PAGE_TOKEN, MALFORMED_PAGE_TOKEN, executeOp, type DrainedAsset, type ExecuteContext, type Outcome } from './execute';
export { bytesToHex, hexToBytes, resolveBytes, resolveText, sourceItems, toEntitlement, toGrant, toResource, toResourceType } from './records';
