/**
 * The one equality of normalised results in the code base: the tee, the runner's snapshots and invariants, and the
 * reducer all ask it. Records are normalised through the deterministic codec and shared per encoding (see
 * `normalizeRecord`), so two engines' equal records are usually the same object and compare without printing.
 */
import { jsonText, type Json } from './canonical-json';

/** Tells whether two normalised values are equal (as canonical JSON: key order and undefined fields do not count). */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return jsonText(a) === jsonText(b);
}
