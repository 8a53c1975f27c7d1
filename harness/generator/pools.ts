/**
 * The small id pools the generator draws from (SPEC §1 and DESIGN): a core of common ids that collide often, near
 * misses that a prefix scan or a lax comparison would confuse with them, and invalid ids that must be rejected.
 */

/** One pool: `core` ids are drawn most, `near` ones often, `long` ones (at the size limit) and `invalid` ones rarely. */
export interface IdPool {
  readonly core: readonly string[];
  readonly near: readonly string[];
  readonly long: readonly string[];
  readonly invalid: readonly string[];
}

const ASTRAL = '\u{1F600}';
/** Code points above the surrogates: they sort after every astral character in UTF-16, before them in UTF-8. */
const HIGH_BMP = '\uFFFD';
const PRIVATE_USE = '\uE000';

/** Ids at and just past the 1024-byte limit, in 1-, 2- and 4-byte UTF-8 characters. */
const AT_LIMIT = ['x'.repeat(1024), '\u00e9'.repeat(512), ASTRAL.repeat(256)];
const PAST_LIMIT = ['x'.repeat(1025), `${'\u00e9'.repeat(512)}x`, ASTRAL.repeat(257)];

/** Invalid in every id position: empty, U+0000, lone surrogates, more than 1024 bytes. */
const INVALID = ['', '\u0000', 'u1\u0000', '\uD800', 'a\uDC00b', ...PAST_LIMIT];

/** Resource type ids; `:` is valid in other ids but not in a type id. */
export const TYPE_IDS: IdPool = {
  core: ['user', 'group', 'role'],
  near: ['users', 'use', 'User', 'user ', 'app', 'a', 'a\u0001', ASTRAL, HIGH_BMP, `user${PRIVATE_USE}`, 'gr\u00fcppe', 'x/y', '"q"', ']', 'a=b'],
  long: [AT_LIMIT[0] as string],
  invalid: [...INVALID, 'a:b', 'user:', ':'],
};

/** Resource ids (the `resource` half of a ResourceId). */
export const RESOURCE_IDS: IdPool = {
  core: ['u1', 'u2', 'g1', 'r1'],
  near: [
    'u10',
    'u1 ',
    ' u1',
    'U1',
    'u',
    'a',
    'a\u0001',
    ASTRAL,
    `u1${ASTRAL}`,
    `u1${HIGH_BMP}`,
    PRIVATE_USE,
    'e\u0301',
    '\u00e9',
    'x/y',
    'a:b',
    '"q"',
    ']',
    '=',
    'a b',
    'line\nbreak',
    '#',
  ],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** Entitlement ids, including the `type:resource:slug` shape real connectors use. */
export const ENTITLEMENT_IDS: IdPool = {
  core: ['e1', 'e2', 'member'],
  near: ['e10', 'members', 'group:g1:member', 'group:g10:member', 'e1\u0001', 'E1', ASTRAL, `e1${ASTRAL}`, `e1${HIGH_BMP}`, 'e\u0301'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** Grant ids. */
export const GRANT_IDS: IdPool = {
  core: ['g1', 'g2', 'g3'],
  near: ['g10', 'g1 ', 'g1\u0001', 'G1', 'group:g1:member:user:u1', ASTRAL, `g1${ASTRAL}`, `g1${HIGH_BMP}`, 'a', 'a\u0001'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** Asset ids. */
export const ASSET_IDS: IdPool = {
  core: ['a1', 'a2', 'icon'],
  near: ['a10', 'icon.png', 'icons', 'a', 'a\u0001', ASTRAL, HIGH_BMP, `a1${PRIVATE_USE}`, 'x/y'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** The n-th sync id of the runner's source with `alphabet` (harness/runner/sync-ids.ts makes the same). */
function nthSyncId(n: number, letters: readonly string[]): string {
  return `${letters[(n - 1) % letters.length] as string}${String(n).padStart(4, '0')}`;
}

/**
 * Sync ids as the runner's deterministic source makes them with `alphabet` (`s0001`, `s0002`, ... for `s`), near
 * misses that never exist (other counts, the other alphabet, case, padding, a trailing space), and `''` (absent for
 * reads, NOT_FOUND for getSync).
 */
export function syncIdPool(alphabet = 's'): IdPool {
  const letters = [...alphabet];
  const at = (n: number): string => nthSyncId(n, letters);
  const ascii = letters.length === 1 && letters[0] === 's';
  return {
    core: [1, 2, 3, 4, 5, 6].map(at),
    near: [
      ...[8, 10].map(at),
      `${at(1).slice(0, -4)}0000`,
      `${at(1).slice(0, -4)}9999`,
      ascii ? 'S0001' : 's0001',
      `${at(1).slice(0, -4)}001`,
      `${at(1).slice(0, -4)}00001`,
      `${at(1)} `,
    ],
    long: [],
    invalid: ['', '\uD800'],
  };
}

/** The sync ids of the classic ASCII source. */
export const SYNC_IDS: IdPool = syncIdPool();

/** Symbolic clone destinations that the runner maps to temporary locations. */
export const DESTINATIONS: IdPool = {
  core: ['clone1', 'clone2'],
  near: ['clone3', 'clone10'],
  long: [],
  invalid: [''],
};

/** Content types of assets; `''` is invalid. */
export const CONTENT_TYPES: IdPool = {
  core: ['image/png', 'text/plain'],
  near: ['application/octet-stream', 'image/PNG', 'text/plain; charset=utf-8', ASTRAL],
  long: [],
  invalid: [''],
};

/** Sync types: the five of SPEC §1 and a few that are not. */
export const SYNC_TYPE_NAMES: IdPool = {
  core: ['full', 'partial'],
  near: ['resources_only', 'partial_upserts', 'partial_deletions'],
  long: [],
  invalid: ['', 'Full', 'full ', 'unknown', 'partial_upsert'],
};
