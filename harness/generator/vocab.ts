/**
 * The vocabulary of a generator: where every string of an op comes from. The pool vocabulary draws from the small
 * id pools (collisions, near misses, rare invalid ids); the round-trip tests swap in a wild one of arbitrary strings.
 */
import fc from 'fast-check';
import {
  ASSET_IDS,
  CONTENT_TYPES,
  DESTINATIONS,
  ENTITLEMENT_IDS,
  GRANT_IDS,
  RESOURCE_IDS,
  SYNC_TYPE_NAMES,
  syncIdPool,
  TYPE_IDS,
  type IdPool,
} from './pools';
import type { IdMix } from './presets';
import { fromList, weighted } from './draw';

/** Arbitraries of every kind of string an op holds. */
export interface Vocab {
  readonly typeId: fc.Arbitrary<string>;
  readonly resourceId: fc.Arbitrary<string>;
  readonly entitlementId: fc.Arbitrary<string>;
  readonly grantId: fc.Arbitrary<string>;
  readonly assetId: fc.Arbitrary<string>;
  readonly syncId: fc.Arbitrary<string>;
  readonly destination: fc.Arbitrary<string>;
  readonly contentType: fc.Arbitrary<string>;
  readonly syncType: fc.Arbitrary<string>;
  /** Free text: display names, descriptions, type URLs, sync tokens, literal page tokens. */
  readonly text: fc.Arbitrary<string>;
}

function fromPool(pool: IdPool, mix: IdMix): fc.Arbitrary<string> {
  const part = (weight: number, ids: readonly string[]): readonly [number, fc.Arbitrary<string>] =>
    ids.length > 0 ? [weight, fromList(ids)] : [0, fc.constant('')];
  return weighted([part(mix.core, pool.core), part(mix.near, pool.near), part(mix.long, pool.long), part(mix.invalid, pool.invalid)]);
}

const TEXT = ['Alice', 'Bob', '', 'a b', 'type.googleapis.com/c1.connector.v2.ChildResourceType', '{"page":2}', '\u{1F600}', 'e\u0301'];

/** The alphabets of a run's ids: characters appended to core ids, and the alphabet of the sync-id source. */
export interface IdAlphabets {
  /** Each core id `x` also appears as `x + c` for every `c` (empty: core ids stay as they are). */
  readonly coreSuffixes: readonly string[];
  /** The alphabet of the runner's sync-id source (`s`: `s0001`, ...). */
  readonly syncIds: string;
}

/** Plain ASCII core ids and the classic sync ids. */
export const ASCII_ALPHABETS: IdAlphabets = { coreSuffixes: [], syncIds: 's' };

/** `pool` with each core id also suffixed by each of `suffixes` (kept valid: a type id never gets a `:`). */
function decorated(pool: IdPool, suffixes: readonly string[]): IdPool {
  if (suffixes.length === 0) return pool;
  return { ...pool, core: [...pool.core, ...pool.core.flatMap((id) => suffixes.map((c) => `${id}${c}`))] };
}

/** The vocabulary of fuzz runs: the id pools with the preset's mix of core, near-miss and invalid ids. */
export function poolVocab(mix: IdMix, alphabets: IdAlphabets = ASCII_ALPHABETS): Vocab {
  const d = (pool: IdPool): IdPool => decorated(pool, alphabets.coreSuffixes);
  return {
    typeId: fromPool(d(TYPE_IDS), mix),
    resourceId: fromPool(d(RESOURCE_IDS), mix),
    entitlementId: fromPool(d(ENTITLEMENT_IDS), mix),
    grantId: fromPool(d(GRANT_IDS), mix),
    assetId: fromPool(d(ASSET_IDS), mix),
    // Sync ids name existing syncs more often than other ids do: whole-sync operations need two or three of them.
    syncId: fromPool(syncIdPool(alphabets.syncIds), { ...mix, core: mix.core * 3 }),
    destination: fromPool(DESTINATIONS, mix),
    contentType: fromPool(CONTENT_TYPES, mix),
    syncType: fromPool(SYNC_TYPE_NAMES, mix),
    text: fromList(TEXT),
  };
}

const HARD_UNITS = ['"', '\\', ']', '[', '(', ')', '/', '=', ',', '@', '#', ' ', '\n', '\r', '\t', '\u0000', '\u0001', '\u007f', '\u00e9', '\u0301', '\u2028', '\ufeff', '\u{1F600}', '\uD800', '\uDFFF', 'x', '0', '-', '.'];

/** Any string at all, biased toward the characters that op text must escape (including lone surrogates). */
export function wildString(): fc.Arbitrary<string> {
  const unit = fc.oneof(
    fc.constantFrom(...HARD_UNITS),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  );
  return fc.oneof(fc.string({ unit, maxLength: 12 }), fc.constantFrom('', 'true', 'false', '0', '-1', 'ifNewer', 'sync', '0x', '@batch'));
}

/** A vocabulary of arbitrary strings in every position, for round-trip properties of op text. */
export function wildVocab(): Vocab {
  const s = wildString();
  return {
    typeId: s,
    resourceId: s,
    entitlementId: s,
    grantId: s,
    assetId: s,
    syncId: s,
    destination: s,
    contentType: s,
    syncType: s,
    text: s,
  };
}
