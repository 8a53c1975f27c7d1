/**
 * Canonical JSON: plain data with keys sorted by UTF-16 code units, bytes as lowercase hex and undefined fields
 * dropped, so that two equal values always print the same text, whatever order their keys were built in.
 */

/** A plain JSON value. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Encodes bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isAsyncIterable(value: object): boolean {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** Converts any value to plain JSON data (bytes to hex, Maps to objects, Sets to arrays, undefined fields dropped). */
export function toJson(value: unknown): Json {
  return convert(value, new Set());
}

function convert(value: unknown, seen: Set<object>): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'function':
    case 'symbol':
      return null;
    default:
      break;
  }
  const obj = value as object;
  if (obj instanceof Uint8Array) return toHex(obj);
  if (seen.has(obj)) return '[cycle]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((v: unknown) => convert(v, seen));
    if (obj instanceof Set) return [...obj].map((v: unknown) => convert(v, seen));
    if (obj instanceof Map) {
      return Object.fromEntries([...obj].map(([k, v]: [unknown, unknown]) => [String(k), convert(v, seen)]));
    }
    if (obj instanceof Error) return { error: obj.name, message: obj.message };
    if (isAsyncIterable(obj)) return '[stream]';
    // Object.fromEntries defines own properties, so a key such as "__proto__" stays data.
    return Object.fromEntries(
      Object.entries(obj)
        .filter(([, v]) => v !== undefined && typeof v !== 'function')
        .map(([k, v]) => [k, convert(v, seen)]),
    );
  } finally {
    seen.delete(obj);
  }
}

function stringify(value: Json, indent: string, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = indent === '' ? '' : '\n' + indent.repeat(depth + 1);
  const end = indent === '' ? '' : '\n' + indent.repeat(depth);
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    const list = value as readonly Json[];
    if (list.length === 0) return '[]';
    return '[' + list.map((v) => pad + stringify(v, indent, depth + 1)).join(',') + end + ']';
  }
  const record = value as { readonly [key: string]: Json };
  const keys = Object.keys(record).sort(compareKeys);
  if (keys.length === 0) return '{}';
  return (
    '{' +
    keys.map((k) => pad + JSON.stringify(k) + colon + stringify(record[k] as Json, indent, depth + 1)).join(',') +
    end +
    '}'
  );
}

/** Prints a value as canonical JSON (sorted keys; `indent` spaces per level, or one line when 0). */
export function canonicalJson(value: unknown, indent = 0): string {
  return stringify(toJson(value), ' '.repeat(indent), 0);
}

/** Canonical texts of normalised objects already printed (normalised values are never mutated once built). */
const TEXTS = new WeakMap<object, string>();

/**
 * Prints a normalised value as one-line canonical JSON, the same text as `canonicalJson`, remembering the text of
 * every object it prints: a record shared by many results (see `normalizeRecord`) is printed once.
 */
export function jsonText(value: Json | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? JSON.stringify(String(value)) : JSON.stringify(value);
  const known = TEXTS.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = `[${(value as readonly (Json | undefined)[]).map(jsonText).join(',')}]`;
  } else if (value instanceof Uint8Array || value instanceof Map || value instanceof Set) {
    // Not normalised data after all: print it the long way (and do not remember a mutable object).
    return canonicalJson(value);
  } else {
    const record = value as { readonly [key: string]: Json | undefined };
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort(compareKeys);
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${jsonText(record[k])}`).join(',')}}`;
  }
  TEXTS.set(value, text);
  return text;
}
