/** Result normalisation, paging checks and comparison of engine outcomes. */
export { canonicalJson, jsonText, toHex, toJson, type Json } from './canonical-json';
export { compareOutcomes, compareTwo, type EngineOutcome } from './compare';
export { invariantDivergence, type Divergence, type DivergenceCode, type DivergenceSink, type OpContext } from './divergence';
export { sameJson } from './equal';
export { drainList, type DrainOptions, type Drained, type PagingRule, type PagingViolation } from './drain';
export { historyLine } from './history-line';
export { identityOf, recordIdentity, resourceIdentity } from './identity';
export {
  ASSET_HEX_LIMIT,
  isListMethod,
  isNormalizedError,
  normalizeError,
  normalizeOutcome,
  normalizeRecord,
  normalizeStored,
  normalizeSyncRun,
  ORDERED_LISTS,
  outcomeText,
  type EngineMethod,
} from './normalize';
export { drainBytes, replayBytes, settle, type DrainedAsset, type Outcome } from './outcome';
