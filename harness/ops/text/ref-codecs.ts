/**
 * Text codecs of the values that may be symbolic or generated: page tokens (bare `malformed` or `foreign`, or a
 * literal that is always quoted),
 * bytes (`0x...` or `@bytes(seed=..,size=..)`), long text (`@text(seed=..,size=..)`) and the items of a put (a run of
 * bracketed records, or `@batch(seed=..,n=..,pool=..)`).
 */
import { BATCH_POOLS, type BatchSpec, type BytesRef, type ItemSource, type PageTokenRef, type TextRef } from '../items';
import { call, hex, int, oneOf, str, type Codec } from './codec';
import type { Cursor } from './cursor';
import { quote } from './quote';

const SYMBOLS = ['malformed', 'foreign'] as const;

/** A symbolic token as a bare word (`token=foreign`), a literal one always quoted (`token="foreign"`, `token=""`). */
export const pageTokenCodec: Codec<PageTokenRef> = {
  format: (ref) => ('symbol' in ref ? ref.symbol : quote(ref.literal)),
  parse(cur) {
    const t = cur.peek();
    if (t !== undefined && t.type === 'string') return { literal: str.parse(cur) };
    return { symbol: oneOf(SYMBOLS).parse(cur) };
  },
};

const seeded = (name: string): Codec<Readonly<Record<string, number | string>>> =>
  call(name, [
    { key: 'seed', codec: int },
    { key: 'size', codec: int },
  ]);
const bytesCall = seeded('bytes');
const textCall = seeded('text');

function seededValue(cur: Cursor, c: typeof bytesCall): { seed: number; size: number } {
  const v = c.parse(cur);
  const size = v['size'] as number;
  if (size < 0) cur.fail('size must not be negative');
  return { seed: v['seed'] as number, size };
}

/** `0x...` or `@bytes(seed=1,size=4097)`. */
export const bytesCodec: Codec<BytesRef> = {
  format: (ref) => ('hex' in ref ? hex.format(ref.hex) : bytesCall.format(ref)),
  parse: (cur) => (cur.atSym('@') ? seededValue(cur, bytesCall) : { hex: hex.parse(cur) }),
};

/** A literal string or `@text(seed=1,size=100000)`. */
export const textCodec: Codec<TextRef> = {
  format: (ref) => ('text' in ref ? str.format(ref.text) : textCall.format(ref)),
  parse: (cur) => (cur.atSym('@') ? seededValue(cur, textCall) : { text: str.parse(cur) }),
};

const batchCall = call('batch', [
  { key: 'seed', codec: int },
  { key: 'n', codec: int },
  { key: 'pool', codec: oneOf(BATCH_POOLS) },
  { key: 'poison', codec: oneOf(['true'] as const), optional: true },
]);

/** Formats a batch spec as `@batch(...)`. */
function formatBatch(b: BatchSpec): string {
  const args: Record<string, number | string> = { seed: b.seed, n: b.n, pool: b.pool };
  if (b.poison) args['poison'] = 'true';
  return batchCall.format(args);
}

/** The items of a put: zero or more bracketed records, or one `@batch(...)` call. */
export function itemSourceCodec<T>(item: Codec<T>): Codec<ItemSource<T>> {
  return {
    format: (src) => ('batch' in src ? formatBatch(src.batch) : src.items.map((i) => item.format(i)).join(' ')),
    parse(cur) {
      if (cur.atSym('@')) {
        const v = batchCall.parse(cur);
        const n = v['n'] as number;
        if (n < 0) cur.fail('n must not be negative');
        return { batch: { seed: v['seed'] as number, n, pool: v['pool'] as BatchSpec['pool'], poison: v['poison'] === 'true' } };
      }
      const items: T[] = [];
      while (cur.atSym('[')) items.push(item.parse(cur));
      return { items };
    },
  };
}
