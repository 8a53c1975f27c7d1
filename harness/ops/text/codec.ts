/**
 * Value codecs of op text: each turns one kind of value into its canonical text and reads it back from a cursor.
 * Parsers are typed by position (an id `-1` and a page size `-1` are told apart by where they stand), so bare
 * words need no type markers.
 */
import type { ResourceId } from '../../../models/types';
import type { Cursor } from './cursor';
import { formatString, quote } from './quote';

/** Formats a value to canonical text and parses it back. */
export interface Codec<T> {
  format(value: T): string;
  parse(cur: Cursor): T;
}

/** Any string: a bare word or a quoted string. */
export const str: Codec<string> = {
  format: formatString,
  parse(cur) {
    const t = cur.next('a string');
    if (t.type === 'sym') cur.fail('expected a string', t);
    return t.value;
  },
};

/** A safe integer in decimal. */
export const int: Codec<number> = {
  format: (n) => String(n),
  parse(cur) {
    const t = cur.next('an integer');
    if (t.type !== 'word' || !/^-?(0|[1-9][0-9]*)$/.test(t.value)) cur.fail('expected an integer', t);
    const n = Number(t.value);
    if (!Number.isSafeInteger(n) || Object.is(n, -0)) cur.fail('integer out of range', t);
    return n;
  },
};

/** A number as JavaScript prints it, without the `+` of an exponent (not a bare-word character): `1e21`, `1e-7`. */
function formatNumber(n: number): string {
  return String(n).replace('e+', 'e');
}

/**
 * A number as JavaScript prints it (`2`, `1.5`, `NaN`, `Infinity`, `-Infinity`, `1e21`) or a quoted string (`"2"`):
 * an argument that may be of the wrong type on purpose, such as cleanup's `keep`.
 */
export const looseNumber: Codec<number | string> = {
  format: (v) => (typeof v === 'string' ? quote(v) : formatNumber(v)),
  parse(cur) {
    const t = cur.next('a number or a quoted string');
    if (t.type === 'string') return t.value;
    const n = t.type === 'word' && t.value !== '' ? Number(t.value) : Number.NaN;
    if (t.type !== 'word' || formatNumber(n) !== t.value) {
      return cur.fail('expected a number as JavaScript prints it (2, 1.5, NaN, Infinity) or a quoted string', t);
    }
    return n;
  },
};

/** `true` or `false`. */
export const bool: Codec<boolean> = {
  format: (b) => (b ? 'true' : 'false'),
  parse(cur) {
    const t = cur.next('true or false');
    if (t.type !== 'word' || (t.value !== 'true' && t.value !== 'false')) cur.fail('expected true or false', t);
    return t.value === 'true';
  },
};

/** Bytes kept as lowercase hex, written `0x...` (`0x` alone is empty). */
export const hex: Codec<string> = {
  format: (h) => `0x${h}`,
  parse(cur) {
    const t = cur.next('hex bytes');
    if (t.type !== 'word' || !/^0x(?:[0-9a-f]{2})*$/.test(t.value)) cur.fail('expected hex bytes like 0x00ff', t);
    return t.value.slice(2);
  },
};

/** One bare word out of a fixed set. */
export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return {
    format: (v) => v,
    parse(cur) {
      const t = cur.next(values.join(' or '));
      if (t.type !== 'word' || !(values as readonly string[]).includes(t.value)) cur.fail(`expected ${values.join(' or ')}`, t);
      return t.value as T;
    },
  };
}

/** A ResourceId: `type/resource`, with `/baton` or `/nobaton` when `batonResource` is set. */
export const rid: Codec<ResourceId> = {
  format(id) {
    const base = `${formatString(id.resourceType)}/${formatString(id.resource)}`;
    if (id.batonResource === undefined) return base;
    return `${base}/${id.batonResource ? 'baton' : 'nobaton'}`;
  },
  parse(cur) {
    const resourceType = str.parse(cur);
    cur.expectSym('/');
    const resource = str.parse(cur);
    if (!cur.atSym('/')) return { resourceType, resource };
    cur.expectSym('/');
    const flag = oneOf(['baton', 'nobaton'] as const).parse(cur);
    return { resourceType, resource, batonResource: flag === 'baton' };
  },
};

/** A parenthesised, space-separated list: `(a b c)`, `()` when empty. */
export function list<T>(item: Codec<T>): Codec<readonly T[]> {
  return {
    format: (values) => `(${values.map((v) => item.format(v)).join(' ')})`,
    parse(cur) {
      cur.expectSym('(');
      const out: T[] = [];
      while (!cur.atSym(')')) {
        if (cur.atEnd()) cur.fail("expected ')'");
        out.push(item.parse(cur));
      }
      cur.expectSym(')');
      return out;
    },
  };
}

/** A generator call `@name(key=value,...)` with integer or word arguments, in the order given. */
export function call(
  name: string,
  args: readonly { readonly key: string; readonly codec: Codec<number> | Codec<string>; readonly optional?: boolean }[],
): Codec<Readonly<Record<string, number | string>>> {
  return {
    format(values) {
      const parts = args
        .filter((a) => values[a.key] !== undefined)
        .map((a) => `${a.key}=${(a.codec as Codec<number | string>).format(values[a.key] as number | string)}`);
      return `@${name}(${parts.join(',')})`;
    },
    parse(cur) {
      cur.expectSym('@');
      const t = cur.next(`@${name}`);
      if (t.type !== 'word' || t.value !== name) cur.fail(`expected @${name}`, t);
      cur.expectSym('(');
      const out: Record<string, number | string> = {};
      for (const [i, a] of args.entries()) {
        if (a.optional === true && cur.atSym(')')) break;
        if (i > 0) cur.expectSym(',');
        const key = cur.next(`${a.key}=`);
        if (key.type !== 'word' || key.value !== a.key) cur.fail(`expected ${a.key}=`, key);
        cur.expectSym('=');
        out[a.key] = a.codec.parse(cur);
      }
      cur.expectSym(')');
      return out;
    },
  };
}
