import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from '../../base/figures';
import { hasFigures } from '../../base/figures';
import { leveldbFactory } from '../../leveldb';
import { parseLeveldbStats, parseSstables } from '../../leveldb/leveldb-figures';
import { sqliteFactory } from '../../sqlite';
import { asRawStore, copySyncs } from '../../base/transfer';
import { fixturePath, testOptions } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-figures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function figure(figures: readonly Figure[], name: string, labels?: Record<string, string>): number | undefined {
  return figures.find((f) => f.name === name && (labels === undefined || JSON.stringify(f.labels) === JSON.stringify(labels)))?.value;
}

test('SQLite figures of a fixture: pages, freelist, cache, per-table pages, file sizes; LevelDB figures after import and compaction', async () => {
  const c1z = path.join(dir, 'small.c1z');
  await copyFile(fixturePath('small-unexpanded.c1z'), c1z);
  const sqlite = await sqliteFactory.open(c1z, testOptions());
  expect(hasFigures(sqlite)).toBe(true);
  if (!hasFigures(sqlite)) return;
  const s = await sqlite.engineFigures();
  expect(s.engine).toBe('sqlite');
  const pageCount = figure(s.figures, 'page_count')!;
  const pageSize = figure(s.figures, 'page_size_bytes')!;
  expect(pageCount).toBeGreaterThan(10);
  expect(figure(s.figures, 'database_bytes')).toBe(pageCount * pageSize);
  expect(figure(s.figures, 'working_copy_bytes')).toBe(pageCount * pageSize);
  expect(figure(s.figures, 'c1z_bytes')).toBe(200_133);
  expect(figure(s.figures, 'freelist_count')).toBeGreaterThanOrEqual(0);
  expect(figure(s.figures, 'cache_size_kib')).toBeGreaterThan(0);
  expect(figure(s.figures, 'table_pages', { table: 'v1_grants' })).toBeGreaterThan(1);
  const tablePages = s.figures.filter((f) => f.name === 'table_pages').reduce((n, f) => n + f.value, 0);
  // dbstat counts every page in use: all but the freelist (and the lock-byte page, absent in small files).
  expect(tablePages).toBe(pageCount - figure(s.figures, 'freelist_count')!);

  const location = path.join(dir, 'small.leveldb');
  const leveldb = await leveldbFactory.open(location, testOptions());
  expect(await copySyncs(asRawStore(sqlite), asRawStore(leveldb))).toMatchObject({ syncs: 1 });
  await sqlite.close();
  await leveldb.compact();
  if (!hasFigures(leveldb)) throw new Error('leveldb has no figures');
  const l = await leveldb.engineFigures();
  expect(l.engine).toBe('leveldb');
  const levelBytes = l.figures.filter((f) => f.name === 'level_bytes').reduce((n, f) => n + f.value, 0);
  expect(levelBytes).toBeGreaterThan(100_000);
  expect(figure(l.figures, 'disk_bytes')).toBeGreaterThanOrEqual(levelBytes);
  expect(figure(l.figures, 'approximate_bytes', { keyspace: 'grant' })).toBeGreaterThan(0);
  expect(figure(l.figures, 'approximate_bytes', { keyspace: 'grantByPrincipal' })).toBeGreaterThan(0);
  expect(figure(l.figures, 'memory_bytes')).toBeGreaterThan(0);
  expect(l.text?.['leveldb.stats']).toMatch(/Compactions/);
  expect(l.figures.some((f) => f.name === 'compaction_seconds')).toBe(true);
  await leveldb.close();
  await expect(leveldb.engineFigures()).rejects.toMatchObject({ code: 'CLOSED' });
});

test('the LevelDB property parsers read the tables classic-level prints', () => {
  const stats = '                               Compactions\nLevel  Files Size(MB) Time(sec) Read(MB) Write(MB)\n--------------------------------------------------\n  0        2        0         0        0         0\n  2        1        1         0        0         1\n';
  expect(parseLeveldbStats(stats)).toEqual([
    { level: 0, files: 2, sizeMb: 0, seconds: 0, readMb: 0, writeMb: 0 },
    { level: 2, files: 1, sizeMb: 1, seconds: 0, readMb: 0, writeMb: 1 },
  ]);
  const sst = "--- level 0 ---\n 7:1000['a' @ 1 : 1 .. 'b' @ 2 : 1]\n 8:24['c' @ 3 : 1 .. 'c' @ 3 : 1]\n--- level 1 ---\n--- level 2 ---\n 5:674619['k0' @ 1 : 1 .. 'k9999' @ 10000 : 1]\n";
  expect([...parseSstables(sst)]).toEqual([
    [0, { files: 2, bytes: 1024 }],
    [1, { files: 0, bytes: 0 }],
    [2, { files: 1, bytes: 674_619 }],
  ]);
});
