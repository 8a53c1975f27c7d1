/** The store verbs on the real fixtures: stats, syncs, verify, import, export, and every bad input's exit code. */
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compress } from 'zstd-napi';
import { cli, fixture } from './cli-kit';

const SYNC = '36zfOAoWMxQdISbixanQCRBiX7E';
const COUNTS = { syncId: SYNC, resourceTypes: 4, resources: 1221, entitlements: 342, grants: 2909, assets: 0, resourcesByType: { group: 21, project: 100, role: 100, user: 1000 } };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-parity-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('stats --json of the fixture reports its counts', async () => {
  const r = await cli('stats', fixture('small-unexpanded.c1z'), '--sync', SYNC, '--json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(COUNTS);
});

test('stats with no resolvable sync says so in one line, lists the syncs and exits 2', async () => {
  const r = await cli('stats', fixture('small-unexpanded.c1z'));
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]).toMatch(/no sync resolves .*pass --sync/);
  expect(r.stderr).toContain(SYNC);
});

test('syncs lists the sync runs', async () => {
  const r = await cli('syncs', fixture('sync-in-progress.c1z'), '--json');
  expect(r.code).toBe(0);
  const runs = JSON.parse(r.stdout) as { id: string; type: string; endedAt: unknown }[];
  expect(runs).toEqual([expect.objectContaining({ id: '3ARefY5G8eOytquwYgm41Nq07IZ', type: 'full', endedAt: null })]);
});

test('import into LevelDB, verify, and export back keep the counts', async () => {
  const ld = path.join(dir, 'imported.leveldb');
  const out = path.join(dir, 'exported.c1z');
  expect((await cli('import', fixture('small-unexpanded.c1z'), '--engine', 'leveldb', '--out', ld)).code).toBe(0);
  expect(JSON.parse((await cli('stats', ld, '--sync', SYNC, '--json')).stdout)).toEqual(COUNTS);
  const verified = await cli('verify', ld, '--json');
  expect(verified.code).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
  expect((await cli('export', ld, '--out', out)).code).toBe(0);
  expect(JSON.parse((await cli('stats', out, '--sync', SYNC, '--json')).stdout)).toEqual(COUNTS);
  expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('C1ZF\0');
  // --out must be new: a second export refuses with exit 2 and writes nothing.
  const again = await cli('export', ld, '--out', out);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/already exists/);
});

describe('bad inputs give exit 2 and one line on stderr, never a stack trace', () => {
  const cases: [string, () => Promise<Buffer | null>, RegExp][] = [
    ['a missing file', async () => null, /IO: .*no such file/],
    ['a truncated file', async () => (await readFile(fixture('small-unexpanded.c1z'))).subarray(0, 1000), /CORRUPTION/],
    ['a wrong magic', async () => Buffer.concat([Buffer.from('XXXXX'), (await readFile(fixture('sync-in-progress.c1z'))).subarray(5)]), /CORRUPTION: .*magic/],
    ['a zstd stream of garbage', async () => Buffer.concat([Buffer.from('C1ZF\0', 'latin1'), Buffer.from('garbage that is not zstd at all')]), /CORRUPTION/],
    ['a payload that is not SQLite', async () => Buffer.concat([Buffer.from('C1ZF\0', 'latin1'), compress(Buffer.from('not a database '.repeat(100)))]), /CORRUPTION/],
  ];
  test.each(cases)('%s', async (name, make, message) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.c1z`);
    const bytes = await make();
    if (bytes !== null) await writeFile(file, bytes);
    const r = await cli('stats', file, '--sync', SYNC);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  test('a file past the decode limit', async () => {
    const r = await cli('stats', fixture('small-unexpanded.c1z'), '--sync', SYNC, '--max-decoded-bytes', '100000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CORRUPTION/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('bad usage', async () => {
    expect((await cli('stats')).code).toBe(2);
    expect((await cli('fuzz', '--runs', 'many')).code).toBe(2);
    expect((await cli('fuzz', '--engines', 'oracle')).code).toBe(2);
    expect((await cli('no-such-verb')).code).toBe(2);
    expect((await cli('stats', dir)).stderr).toMatch(/not a LevelDB store/);
  });
});
