/** Test helpers of the SQLite engine: fixtures copied to temp dirs, a settable clock, counted ids, record builders. */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EngineOptions, Page } from '../../../models/contract/api';
import { compressC1z, decompressC1z } from '../../c1z/container';
import type { Entitlement, Grant, Micros, Resource, ResourceType } from '../../../models/types';
import { SqliteEngine } from '../sqlite-engine';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The path of a shared, read-only c1z fixture. */
export function fixturePath(name: string): string {
  return path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', name);
}

/** A fresh temp dir. */
export function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'sqlite-engine-test-'));
}

/** Copies a fixture into `dir` (fixtures are never opened in place) and returns the copy's path. */
export async function copyFixture(name: string, dir: string): Promise<string> {
  const target = path.join(dir, name);
  await fs.copyFile(fixturePath(name), target);
  return target;
}

/** A settable clock and counted sync ids. */
export interface TestOptions extends EngineOptions {
  now: Micros;
}

/** Engine options with a clock that tests move by hand and sync ids `s1`, `s2`, ... */
export function testOptions(now: Micros = 1_700_000_000_000_000): TestOptions {
  let n = 0;
  const options: TestOptions = {
    now,
    clock: () => options.now,
    newSyncId: () => `s${++n}`,
  };
  return options;
}

/** Opens a SQLite engine at `location`. */
export function openEngine(location: string, options: EngineOptions): Promise<SqliteEngine> {
  return SqliteEngine.open(location, options);
}

/** Drains every page of a list. */
export async function drain<T>(list: (pageToken: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let token = '';
  do {
    const page = await list(token);
    items.push(...page.items);
    token = page.nextPageToken;
    if (token !== '') expect(page.items.length).toBeGreaterThan(0);
  } while (token !== '');
  return items;
}

/** Runs the sqlite3 CLI on the database inside a c1z (decompressed with the zstd CLI) and returns its output. */
export function sqliteCli(c1zPath: string, sql: string, dir: string): string {
  const dbPath = path.join(dir, `cli-${path.basename(c1zPath)}.db`);
  execFileSync('sh', ['-c', 'tail -c +6 "$1" | zstd -d -q -f -o "$2"', 'sh', c1zPath, dbPath]);
  return execFileSync('sqlite3', [dbPath, sql], { encoding: 'utf8' });
}

/** A resource type. */
export function rt(id: string): ResourceType {
  return { id, displayName: id.toUpperCase() };
}

/** A resource `type/id`, with an optional parent. */
export function res(type: string, id: string, parent?: [string, string]): Resource {
  const base = { id: { resourceType: type, resource: id }, displayName: id };
  return parent === undefined ? base : { ...base, parentResourceId: { resourceType: parent[0], resource: parent[1] } };
}

/** An entitlement `id` on resource `type/resource`. */
export function ent(id: string, type: string, resource: string): Entitlement {
  return { id, resource: res(type, resource), displayName: id };
}

/** A grant `id` of entitlement `entId` (on `entType/entRes`) to principal `pType/pId`. */
export function grant(id: string, entId: string, entType: string, entRes: string, pType: string, pId: string): Grant {
  return { id, entitlement: ent(entId, entType, entRes), principal: res(pType, pId) };
}

/** Edits the database inside a c1z in place with raw SQL (to plant foreign rows or damage). */
export async function editC1z(file: string, dir: string, edit: (db: Database.Database) => void): Promise<void> {
  const dbPath = path.join(dir, `edit-${path.basename(file)}.db`);
  await fs.rm(dbPath, { force: true });
  await decompressC1z(file, dbPath);
  const db = new Database(dbPath);
  try {
    edit(db);
  } finally {
    db.close();
  }
  await fs.rm(file);
  await compressC1z(dbPath, file);
  await fs.rm(dbPath);
}

/** Collects an async iterable of byte chunks into one array. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
