/**
 * SQLite's own figures from its pragmas and the `dbstat` table: pages in use and free, the page cache's size, the
 * pages and unused bytes of every table and index, and the sizes of the working copy and of the c1z on disk.
 */
import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { EngineFigures, Figure } from '../base/figures';

/** Past this many pages `dbstat` (which reads every page) is skipped, so that figures stay quick on huge stores. */
const DBSTAT_MAX_PAGES = 262_144;

/** Reads one integer pragma. */
function pragmaNumber(db: Database, name: string): number {
  const value = db.pragma(name, { simple: true });
  return typeof value === 'number' ? value : Number(value);
}

/** The size of a file, or undefined when it is not there. */
function fileBytes(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Pages and unused bytes of each table and index, from `dbstat`. */
function tableFigures(db: Database): Figure[] {
  const rows = db
    .prepare('SELECT name, COUNT(*) AS pages, SUM(pgsize) AS bytes, SUM(unused) AS unused FROM dbstat GROUP BY name ORDER BY name')
    .all() as { name: string; pages: number; bytes: number; unused: number }[];
  return rows.flatMap((r) => [
    { name: 'table_pages', help: 'pages of one table or index (dbstat)', value: r.pages, labels: { table: r.name } },
    { name: 'table_unused_bytes', help: 'unused bytes inside the pages of one table or index (dbstat)', value: r.unused, labels: { table: r.name } },
  ]);
}

/** The figures of a SQLite working copy at `dbPath` whose c1z lives at `c1zPath`. */
export function sqliteFigures(db: Database, dbPath: string, c1zPath: string): EngineFigures {
  const pageSize = pragmaNumber(db, 'page_size');
  const pageCount = pragmaNumber(db, 'page_count');
  const freelist = pragmaNumber(db, 'freelist_count');
  const cacheSize = pragmaNumber(db, 'cache_size');
  // A negative cache_size is in KiB, a positive one in pages (SQLite's convention).
  const cacheKib = cacheSize < 0 ? -cacheSize : (cacheSize * pageSize) / 1024;
  const figures: Figure[] = [
    { name: 'page_size_bytes', help: 'the database page size', value: pageSize },
    { name: 'page_count', help: 'pages in the database file (pragma page_count)', value: pageCount },
    { name: 'freelist_count', help: 'unused pages on the freelist (pragma freelist_count); VACUUM returns them', value: freelist },
    { name: 'database_bytes', help: 'page_count times page_size', value: pageCount * pageSize },
    { name: 'freelist_bytes', help: 'freelist_count times page_size', value: freelist * pageSize },
    { name: 'cache_size_kib', help: 'the page cache limit (pragma cache_size)', value: cacheKib },
    { name: 'cache_spill_pages', help: 'pages the cache may hold before spilling to the journal (pragma cache_spill)', value: pragmaNumber(db, 'cache_spill') },
  ];
  const workingCopy = fileBytes(dbPath);
  if (workingCopy !== undefined) figures.push({ name: 'working_copy_bytes', help: 'the decompressed working copy on disk', value: workingCopy });
  const c1z = fileBytes(c1zPath);
  if (c1z !== undefined) figures.push({ name: 'c1z_bytes', help: 'the compressed c1z file as last saved', value: c1z });
  if (pageCount <= DBSTAT_MAX_PAGES) figures.push(...tableFigures(db));
  return { engine: 'sqlite', figures };
}
