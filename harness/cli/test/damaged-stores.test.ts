/**
 * SPEC §7 from the command line: a damaged store (a LevelDB table with a flipped byte or cut short, a c1z without a
 * table or a column) is never listed short with exit 0. `list` and `stats` fail with one CORRUPTION line (exit 2) at
 * every page size; `verify` reports the damage as a problem (exit 1).
 */
import { copyFile, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { editC1z } from '../../../engines/sqlite/test/helpers';
import { TABLE_FILE } from '../../../engines/leveldb/table-check';
import { cli, fixture, type CliRun } from './cli-kit';

const SYNC = '36zfOAoWMxQdISbixanQCRBiX7E';
/** `undefined`: the engine's default page size. */
const PAGE_SIZES = [undefined, '10', '100', '10000'];

function listGrants(store: string, pageSize: string | undefined): Promise<CliRun> {
  return cli('list', 'grants', store, '--sync', SYNC, ...(pageSize === undefined ? [] : ['--page-size', pageSize]));
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-damage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The small fixture imported into LevelDB and compacted into table files; returns the store and its largest table. */
async function leveldbStore(): Promise<{ store: string; table: string }> {
  const store = path.join(dir, 'store');
  expect((await cli('import', fixture('small-unexpanded.c1z'), '--engine', 'leveldb', '--out', store)).code).toBe(0);
  expect((await cli('compact', store)).code).toBe(0);
  const tables = (await readdir(store)).filter((n) => TABLE_FILE.test(n));
  const sized = await Promise.all(tables.map(async (n) => ({ n, size: (await stat(path.join(store, n))).size })));
  const largest = sized.sort((a, b) => b.size - a.size)[0];
  if (largest === undefined) throw new Error('no table file');
  return { store, table: path.join(store, largest.n) };
}

/** Every way the CLI reads the store fails loudly; verify reports a problem. */
async function expectDamageReported(store: string): Promise<void> {
  for (const pageSize of PAGE_SIZES) {
    const r = await listGrants(store, pageSize);
    expect({ pageSize, code: r.code, stderr: r.stderr }).toEqual({ pageSize, code: 2, stderr: expect.stringMatching(/^c1z-parity: CORRUPTION: .+\n$/) });
    expect(r.stdout).toBe('');
  }
  const stats = await cli('stats', store, '--sync', SYNC);
  expect(stats.code).toBe(2);
  expect(stats.stderr).toMatch(/^c1z-parity: CORRUPTION: /);
  const verify = await cli('verify', store);
  expect(verify.code).toBe(1);
  expect(verify.stdout).toMatch(/^PROBLEMS: .*\nproblem unreadable-store /);
  const json = JSON.parse((await cli('verify', store, '--json')).stdout) as { ok: boolean; problems: { kind: string }[] };
  expect(json.ok).toBe(false);
  expect(json.problems.map((p) => p.kind)).toEqual(['unreadable-store']);
}

test('the sound LevelDB import lists all 2909 grants at every page size and verifies', async () => {
  const { store } = await leveldbStore();
  for (const pageSize of PAGE_SIZES) {
    const r = await listGrants(store, pageSize);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2909);
  }
  expect((await cli('verify', store)).code).toBe(0);
});

test.each([0.2, 0.5, 0.9])('a LevelDB table with a byte flipped at %f of it is reported, never listed short', async (fraction) => {
  const { store, table } = await leveldbStore();
  const bytes = await readFile(table);
  const at = Math.floor(bytes.length * fraction);
  bytes[at] = (bytes[at] as number) ^ 0xff;
  await writeFile(table, bytes);
  await expectDamageReported(store);
});

test('a truncated LevelDB table is CORRUPTION, not IO', async () => {
  const { store, table } = await leveldbStore();
  await truncate(table, Math.floor((await stat(table)).size / 2));
  await expectDamageReported(store);
});

test.each([
  ['a dropped table', 'DROP TABLE v1_grants'],
  ['a dropped column', 'DROP INDEX idx_grants_principal_id_v1; DROP INDEX idx_grants_entitlement_id_principal_id_v1; ALTER TABLE v1_grants DROP COLUMN principal_resource_id'],
])('a c1z with %s is reported, never read as an empty store', async (_what, sql) => {
  const file = path.join(dir, 'damaged.c1z');
  await copyFile(fixture('small-unexpanded.c1z'), file);
  await editC1z(file, dir, (db) => db.exec(sql));
  await expectDamageReported(file);
});
