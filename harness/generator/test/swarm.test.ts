/** Swarm configurations: a pure function of (preset, run seed), varied across seeds, reaching boundaries and non-ASCII ids. */
import fc from 'fast-check';
import { BOUNDARY_SIZES, opsArbitrary, PRESETS, swarmConfig } from '..';
import { formatOps, type Op } from '../../ops';
import { runSeed } from '../../runner/run-seed';
import { nthSyncId, SequentialSyncIds } from '../../runner/sync-ids';

const DEFAULT = PRESETS['default'];
if (DEFAULT === undefined) throw new Error('no default preset');
const SEEDS = Array.from({ length: 300 }, (_, i) => runSeed(1, i));

function firstValue(seed: number): Op[] {
  return fc.sample(opsArbitrary('default', { swarmSeed: seed }), { seed, numRuns: 1 })[0] ?? [];
}

describe('swarmConfig', () => {
  test('the same seed and run index give the same configuration and ops; other runs differ', () => {
    const seed = runSeed(7, 3);
    expect(JSON.stringify(swarmConfig(DEFAULT, seed))).toBe(JSON.stringify(swarmConfig(DEFAULT, runSeed(7, 3))));
    expect(formatOps(firstValue(seed))).toBe(formatOps(firstValue(seed)));
    const configs = new Set(SEEDS.slice(0, 50).map((s) => JSON.stringify(swarmConfig(DEFAULT, s))));
    expect(configs.size).toBe(50);
  });

  test('runs leave different op kinds out, and some name no sync in any read', () => {
    const configs = SEEDS.map((s) => swarmConfig(DEFAULT, s));
    expect(configs.every((c) => c.disabled.length > 0)).toBe(true);
    // Classic runs leave out a subset of every kind; shaped runs (run-shape.test.ts) choose among fewer kinds.
    const classic = configs.filter((c) => c.shape === 'classic');
    expect(new Set(classic.map((c) => c.disabled.join(','))).size).toBeGreaterThan(0.8 * classic.length);
    expect(new Set(configs.map((c) => c.disabled.join(','))).size).toBeGreaterThan(200);
    expect(configs.some((c) => c.disabled.includes('clock'))).toBe(true);
    expect(configs.some((c) => c.preset.values.explicitSyncPct === 0)).toBe(true);
  });

  test('batch sizes come from the boundary sizes, and every size class is drawn', () => {
    const drawn = new Set(SEEDS.flatMap((s) => swarmConfig(DEFAULT, s).preset.values.batchSizes));
    for (const n of drawn) expect(BOUNDARY_SIZES).toContain(n);
    for (const n of [1, 63, 64, 65, 99, 100, 101, 127, 128, 129, 255, 256, 257]) expect(drawn).toContain(n);
    expect([...drawn].some((n) => n >= 999)).toBe(true);
    const pages = new Set(SEEDS.flatMap((s) => swarmConfig(DEFAULT, s).preset.values.pageSizes));
    for (const n of [0, -1, 99, 100, 101, 9999, 10000, 10001]) expect(pages).toContain(n);
  });

  test('the sync-id source sometimes uses non-ASCII, astral and high-BMP letters, and its ids are valid ids', () => {
    const alphabets = SEEDS.map((s) => swarmConfig(DEFAULT, s).alphabets.syncIds);
    expect(alphabets.filter((a) => a === 's').length).toBeGreaterThan(100);
    const others = alphabets.filter((a) => a !== 's');
    expect(others.length).toBeGreaterThan(30);
    expect(others.some((a) => /[\u{10000}-\u{10FFFF}]/u.test(a))).toBe(true);
    expect(others.some((a) => /[\uE000-\uFFFD]/u.test(a))).toBe(true);
    for (const alphabet of new Set(others)) {
      const ids = new SequentialSyncIds();
      ids.useAlphabet(alphabet);
      for (let n = 1; n <= 6; n++) {
        const id = ids.next();
        expect(id).toBe(nthSyncId(n, alphabet));
        expect(id.includes('\u0000')).toBe(false);
        expect(id.isWellFormed()).toBe(true);
        expect(Buffer.byteLength(id, 'utf8')).toBeLessThanOrEqual(1024);
      }
    }
  });

  test('a run with another sync-id alphabet starts with its syncIds op and draws sync ids of that alphabet', () => {
    const seed = SEEDS.find((s) => swarmConfig(DEFAULT, s).alphabets.syncIds !== 's');
    if (seed === undefined) throw new Error('no seed with another alphabet');
    const alphabet = swarmConfig(DEFAULT, seed).alphabets.syncIds;
    const ops = firstValue(seed);
    expect(ops[0]).toEqual({ kind: 'syncIds', alphabet });
  });

  test('core ids of every slot are sometimes suffixed by non-ASCII characters', () => {
    const suffixes = new Set(SEEDS.flatMap((s) => swarmConfig(DEFAULT, s).alphabets.coreSuffixes));
    expect(suffixes).toContain('\u{1F600}');
    expect(suffixes).toContain('\uFFFD');
  });

  test('named presets keep their values as a bias and swarm only their kinds', () => {
    const paging = PRESETS['paging'];
    if (paging === undefined) throw new Error('no paging preset');
    const c = swarmConfig(paging, SEEDS[0] as number);
    expect(c.preset.values).toBe(paging.values);
    expect(Object.values(c.preset.weights).filter((w) => w > 0).length).toBeLessThan(Object.values(paging.weights).filter((w) => w > 0).length);
  });
});
