/** The conformance harness in one import: stores, clock, ids, record builders, paging and error assertions. */
export { describeEachEngine, type EngineContext } from './describe-engines';
export { drain, type ListFn } from './drain';
export { encodedHex, encodedSet, encodedStored, expectedStored, type Entity } from './encoded';
export { expectCode } from './expect-code';
export { readAsset, type AssetBytes } from './read-asset';
export { ent, grant, keyOf, keys, res, rid, ridKey, rt } from './records';
export { snapshot, type Snapshot } from './snapshot';
export { SyncIdSource } from './sync-ids';
export { DAY, SECOND, T0, TestClock, WEEK } from './test-clock';
export { expectTarget, markedSync } from './target-probe';
export { TestStore, type ExtraOptions } from './test-store';
export { writeSync, type AssetInput, type SyncContent, type WriteSyncOptions } from './write-sync';
