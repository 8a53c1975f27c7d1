/**
 * The text of a tee call, for divergences: the method and its arguments as compact canonical JSON, with bytes and
 * long strings abbreviated so that a 100 MiB asset or a 100 KB sync token never ends up in a report line.
 */
import { canonicalJson } from '../compare';

/** Strings longer than this are cut in op texts. */
const MAX_STRING = 120;

function shorten(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length <= MAX_STRING ? value : `${value.slice(0, MAX_STRING)}...(${value.length} chars)`;
  }
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(shorten);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  }
  return value;
}

/** Describes a call as `method(arg, arg)`; trailing absent arguments are left out. */
export function describeOp(method: string, args: readonly unknown[]): string {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return `${method}(${given.map((a) => canonicalJson(shorten(a))).join(', ')})`;
}
