/**
 * Reads every protobuf `data` blob of the Go SDK fixture files, for the codec's tests and benchmark: the c1z is
 * decompressed into a temporary SQLite file that is deleted again before this returns.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decompress } from 'zstd-napi';

/** The Go SDK fixture files. */
export const FIXTURE_NAMES = ['small-unexpanded.c1z', 'sync-in-progress.c1z'] as const;

/** The record tables and the message each one's `data` column holds. */
export const RECORD_TABLES = {
  v1_resource_types: 'ResourceType',
  v1_resources: 'Resource',
  v1_entitlements: 'Entitlement',
  v1_grants: 'Grant',
} as const;

/** The name of a record table. */
export type RecordTable = keyof typeof RECORD_TABLES;

/** The blobs of one table of one fixture. */
export interface FixtureTable {
  readonly fixture: string;
  readonly table: RecordTable;
  readonly blobs: readonly Uint8Array[];
}

const MAGIC = Buffer.from('C1ZF\0', 'latin1');

function fixturesDir(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, '..', 'shared', 'fixtures', 'c1z');
      if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`fixtures not found above ${__dirname} or ${process.cwd()}`);
}

/** Returns the path of a fixture file. */
export function fixturePath(name: string): string {
  return path.join(fixturesDir(), name);
}

/** Decompresses a fixture into a temporary SQLite file, opens it read-only and hands it to `use`. */
export function withFixtureDb<T>(name: string, use: (db: Database.Database) => T): T {
  const file = readFileSync(fixturePath(name));
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${name}: not a c1z file`);
  const dir = mkdtempSync(path.join(tmpdir(), 'codec-fixture-'));
  try {
    const dbPath = path.join(dir, 'fixture.db');
    writeFileSync(dbPath, decompress(file.subarray(MAGIC.length)));
    const db = new Database(dbPath, { readonly: true });
    try {
      return use(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads every data blob of every record table of one fixture file. */
export function readFixtureTables(name: string): FixtureTable[] {
  return withFixtureDb(name, (db) =>
    (Object.keys(RECORD_TABLES) as RecordTable[]).map((table) => ({
      fixture: name,
      table,
      blobs: db
        .prepare(`SELECT data FROM ${table} ORDER BY id`)
        .pluck()
        .all()
        .map((b) => new Uint8Array(b as Buffer)),
    })),
  );
}
