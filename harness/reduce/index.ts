/** The reducer: shrinks a diverging op sequence outside fast-check, and the predicates it reduces under. */
export { ID_ROLES, mapOpIds, type IdMapper, type IdRole } from './id-roles';
export { divergencePredicate, divergenceSignature, hasSignature, type DivergenceSignature } from './predicate';
export { DEFAULT_REDUCE_MS, reduceOps, type ReduceOptions } from './reduce';
export { removeChunks } from './remove-chunks';
export { MAX_EXPANDED_ITEMS } from './simplify-items';
export { SHORT_PREFIX } from './rename-ids';
export type { DivergesPredicate } from './tester';
