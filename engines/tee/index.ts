/** The tee engine: N engines behind one Engine, compared on every call. */
export { describeOp } from './describe-op';
export { TeeInjection } from './injection';
export { TeeEngine, type LockstepCall, type LockstepResult, type MemberOutcome, type TeeOptions } from './tee-engine';
export { memberLocation, teeFactory } from './tee-factory';
