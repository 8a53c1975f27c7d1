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

/** Ids at and just past the 1024-byte limit, in 1-, 2- and 4-byte UTF-8 characters. */
const AT_LIMIT = ['x'.repeat(1024), '\u00e9'.repeat(512), ASTRAL.repeat(256)];
const PAST_LIMIT = ['x'.repeat(1025), `${'\u00e9'.repeat(512)}x`, ASTRAL.repeat(257)];

/** Invalid in every id position: empty, U+0000, lone surrogates, more than 1024 bytes. */
const INVALID = ['', '\u0000', 'u1\u0000', '\uD800', 'a\uDC00b', ...PAST_LIMIT];

/** Resource type ids; `:` is valid in other ids but not in a type id. */
export const TYPE_IDS: IdPool = {
  core: ['user', 'group', 'role'],
  near: ['users', 'use', 'User', 'user ', 'app', 'a', 'a\u0001', ASTRAL, 'gr\u00fcppe', 'x/y', '"q"', ']', 'a=b'],
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
  near: ['e10', 'members', 'group:g1:member', 'group:g10:member', 'e1\u0001', 'E1', ASTRAL, 'e\u0301'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** Grant ids. */
export const GRANT_IDS: IdPool = {
  core: ['g1', 'g2', 'g3'],
  near: ['g10', 'g1 ', 'g1\u0001', 'G1', 'group:g1:member:user:u1', ASTRAL, 'a', 'a\u0001'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/** Asset ids. */
export const ASSET_IDS: IdPool = {
  core: ['a1', 'a2', 'icon'],
  near: ['a10', 'icon.png', 'icons', 'a', 'a\u0001', ASTRAL, 'x/y'],
  long: AT_LIMIT,
  invalid: INVALID,
};

/**
 * Sync ids as the runner's deterministic source makes them (`s0001`, `s0002`, ...), near misses that never exist,
 * and `''` (absent for reads, NOT_FOUND for getSync).
 */
export const SYNC_IDS: IdPool = {
  core: ['s0001', 's0002', 's0003', 's0004'],
  near: ['s0005', 's0006', 's0008', 's0010', 's0000', 's9999', 'S0001', 's001', 's00001', 's0001 '],
  long: [],
  invalid: ['', '\uD800'],
};

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
