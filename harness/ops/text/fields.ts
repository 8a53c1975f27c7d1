/**
 * Objects in op text: required positional values first, then `key=value` pairs for named fields (present ones only),
 * then bare flag words for boolean fields that are true. The same layout serves whole op lines and bracketed
 * records such as `[g1 ent=[e1 res=group/g1] principal=user/u1]`.
 */
import type { Codec } from './codec';
import type { Cursor } from './cursor';

/** How one field of an object is written: positional (no key) or named (`key=value`). */
export interface FieldSyntax {
  /** The property name on the object. */
  readonly field: string;
  /** The text key of a named field; a field without one is positional and required. */
  readonly key?: string;
  // The codec's value type varies per field; the layout only moves values between text and object.
  readonly codec: Codec<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A named field that may be absent (positional fields never are). */
  readonly optional?: boolean;
}

/** A boolean field written as a bare word when true and left out when false. */
export interface FlagSyntax {
  readonly field: string;
  readonly word: string;
}

/** The text layout of one object. */
export interface Layout {
  readonly fields: readonly FieldSyntax[];
  readonly flags?: readonly FlagSyntax[];
}

/** Formats the fields of `value` as space-separated parts (empty parts, like an empty item list, are dropped). */
export function formatFields(layout: Layout, value: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const f of layout.fields) {
    const v = value[f.field];
    if (v === undefined) continue;
    const text = f.codec.format(v) as string;
    parts.push(f.key === undefined ? text : `${f.key}=${text}`);
  }
  for (const flag of layout.flags ?? []) if (value[flag.field] === true) parts.push(flag.word);
  return parts.filter((p) => p !== '').join(' ');
}

/** Reads fields until `stop` says the object ends; fills `into` and returns it. */
export function parseFields(
  layout: Layout,
  cur: Cursor,
  stop: () => boolean,
  into: Record<string, unknown>,
): Record<string, unknown> {
  for (const f of layout.fields) {
    if (f.key === undefined) into[f.field] = f.codec.parse(cur);
  }
  for (const flag of layout.flags ?? []) into[flag.field] = false;
  const seen = new Set<string>();
  while (!stop()) {
    const t = cur.peek();
    if (t === undefined || t.type !== 'word') cur.fail('expected key=value or a flag');
    const named = cur.atSym('=', 1) ? layout.fields.find((f) => f.key === t.value) : undefined;
    const flag = named === undefined ? layout.flags?.find((fl) => fl.word === t.value) : undefined;
    if (named === undefined && flag === undefined) cur.fail(cur.atSym('=', 1) ? 'unknown key' : 'unknown flag', t);
    if (seen.has(t.value)) cur.fail('repeated key', t);
    seen.add(t.value);
    cur.next('key');
    if (named !== undefined) {
      cur.expectSym('=');
      into[named.field] = named.codec.parse(cur);
    } else if (flag !== undefined) {
      into[flag.field] = true;
    }
  }
  for (const f of layout.fields) {
    if (f.key !== undefined && f.optional !== true && into[f.field] === undefined) cur.fail(`missing ${f.key}=`);
  }
  return into;
}

/** A bracketed record `[...]` with the given layout. */
export function record<T>(layout: Layout): Codec<T> {
  return {
    format: (value) => `[${formatFields(layout, value as Readonly<Record<string, unknown>>)}]`,
    parse(cur) {
      cur.expectSym('[');
      const out = parseFields(layout, cur, () => cur.atSym(']') || cur.atEnd(), {});
      cur.expectSym(']');
      return out as T;
    },
  };
}
