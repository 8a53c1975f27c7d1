/**
 * Ops are immutable values: every op is copied into plain objects and arrays (no undefined-valued keys, no foreign
 * prototypes such as fast-check's null-prototype records) and deeply frozen when it is made, by the parser and the
 * generator alike, so ops compare equal exactly when their text is equal.
 */
import type { Op } from './types';

/** Freezes a value and everything reachable from it (ops hold only plain objects, arrays and primitives). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A copy of `value` made of plain objects and arrays, without undefined-valued keys; -0 becomes 0 (text has no -0). */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (Object.is(value, -0)) return 0;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plainCopy(v);
  return out;
}

/** Makes an op: a plain, deeply frozen copy of the object given. */
export function makeOp<T extends Op>(op: T): T {
  return deepFreeze(plainCopy(op) as T);
}
