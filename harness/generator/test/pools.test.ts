import { checkId, checkSyncType, checkText, checkTypeId } from '../../../models/contract/validate';
import {
  ASSET_IDS,
  CONTENT_TYPES,
  DESTINATIONS,
  ENTITLEMENT_IDS,
  GRANT_IDS,
  RESOURCE_IDS,
  SYNC_TYPE_NAMES,
  TYPE_IDS,
  type IdPool,
} from '../pools';
import { MAX_ASSET_BYTES, PRESETS } from '..';

function accepts(check: (v: string) => unknown, v: string): boolean {
  try {
    check(v);
    return true;
  } catch {
    return false;
  }
}

const valid = (pool: IdPool) => [...pool.core, ...pool.near, ...pool.long];

describe('id pools', () => {
  test.each([
    ['types', TYPE_IDS, (v: string) => checkTypeId(v, 'id')],
    ['resources', RESOURCE_IDS, (v: string) => checkId(v, 'id')],
    ['entitlements', ENTITLEMENT_IDS, (v: string) => checkId(v, 'id')],
    ['grants', GRANT_IDS, (v: string) => checkId(v, 'id')],
    ['assets', ASSET_IDS, (v: string) => checkId(v, 'id')],
    ['sync types', SYNC_TYPE_NAMES, checkSyncType],
  ] as const)('%s: core, near and long ids are valid, invalid ones are not', (_name, pool, check) => {
    expect(valid(pool).filter((v) => !accepts(check, v))).toEqual([]);
    expect(pool.invalid.filter((v) => accepts(check, v))).toEqual([]);
  });

  test('the near misses of DESIGN are there', () => {
    expect(RESOURCE_IDS.core).toContain('u1');
    expect(RESOURCE_IDS.near).toContain('u10');
    expect(TYPE_IDS.core).toContain('user');
    expect(TYPE_IDS.near).toEqual(expect.arrayContaining(['users', 'a', 'a\u0001', '\u{1F600}']));
  });

  test('long ids sit exactly at 1024 UTF-8 bytes', () => {
    for (const id of RESOURCE_IDS.long) expect(Buffer.byteLength(id, 'utf8')).toBe(1024);
  });

  test('destinations and content types are well-formed text, with one empty (invalid) value each', () => {
    for (const pool of [DESTINATIONS, CONTENT_TYPES]) {
      expect(valid(pool).every((v) => v !== '' && accepts((x) => checkText(x, 'v'), v))).toBe(true);
      expect(pool.invalid).toEqual(['']);
    }
  });

  test('asset sizes straddle the limit the runner opens engines with', () => {
    const sizes = PRESETS['assets']?.values.assetSizes ?? [];
    expect(MAX_ASSET_BYTES).toBe(4096);
    expect(sizes).toEqual(expect.arrayContaining([0, MAX_ASSET_BYTES - 1, MAX_ASSET_BYTES, MAX_ASSET_BYTES + 1]));
  });
});
