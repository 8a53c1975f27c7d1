/** Ops as data: the op union, its canonical text form, and the executor of contract ops. */
export * from './types';
export * from './items';
export type { ClockOp, NextSyncIdOp, ReadCloneOp, ReopenOp, SyncIdsOp } from './harness-ops';
export { CONTRACT_OP_KINDS, HARNESS_OP_KINDS, OP_KINDS, RECORD_WRITING_KINDS, isHarnessOp, isOpKind } from './kinds';
export { deepFreeze, makeOp } from './make-op';
export { formatOp, formatOps, formatOpsWithExpected } from './format';
export { EXPECTED_PREFIX, OpParseError, expectationOf, parseOp, parseOps, parseOpsWithExpected, type OpsWithExpected } from './parse';
export { DEFAULT_FOREIGN_PAGE_TOKEN, MALFORMED_PAGE_TOKEN, executeOp, type DrainedAsset, type ExecuteContext, type Outcome } from './execute';
export { bytesToHex, hexToBytes, resolveBytes, resolveText, sourceItems, toEntitlement, toGrant, toResource, toResourceType } from './records';
