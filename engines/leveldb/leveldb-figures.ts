/**
 * LevelDB's own figures, as classic-level exposes them: the `leveldb.stats` compaction table (time and bytes read
 * and written by compactions, per level), the table files of each level with their exact sizes
 * (`leveldb.sstables`), the memory in use, the approximate size of each keyspace, and the directory on disk.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../leveldb/db';
import { Kind, range } from '../leveldb/layout';
import type { EngineFigures, Figure } from '../base/figures';

const MIB = 1024 * 1024;

/** One row of the `leveldb.stats` compaction table. */
export interface CompactionRow {
  readonly level: number;
  readonly files: number;
  readonly sizeMb: number;
  readonly seconds: number;
  readonly readMb: number;
  readonly writeMb: number;
}

/** Parses the rows of the `leveldb.stats` table (`Level Files Size(MB) Time(sec) Read(MB) Write(MB)`). */
export function parseLeveldbStats(text: string): CompactionRow[] {
  const rows: CompactionRow[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*$/.exec(line);
    if (!m) continue;
    const [level, files, sizeMb, seconds, readMb, writeMb] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    rows.push({ level, files, sizeMb, seconds, readMb, writeMb });
  }
  return rows;
}

/** Exact bytes and file counts per level from `leveldb.sstables` (lines ` <file>:<bytes>[...]` under `--- level N ---`). */
export function parseSstables(text: string): Map<number, { files: number; bytes: number }> {
  const levels = new Map<number, { files: number; bytes: number }>();
  let level = -1;
  for (const line of text.split('\n')) {
    const header = /^--- level (\d+) ---$/.exec(line.trim());
    if (header) {
      level = Number(header[1]);
      levels.set(level, { files: 0, bytes: 0 });
      continue;
    }
    const file = /^\s*\d+:(\d+)\[/.exec(line);
    const entry = levels.get(level);
    if (file && entry) levels.set(level, { files: entry.files + 1, bytes: entry.bytes + Number(file[1]) });
  }
  return levels;
}

/** The bytes of the files in a directory (LevelDB keeps no subdirectories). */
function directoryBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) total += stat.size;
  }
  return total;
}

/** The figures of an open classic-level store. */
export async function leveldbFigures(db: Db): Promise<EngineFigures> {
  const stats = db.getProperty('leveldb.stats');
  const figures: Figure[] = [
    { name: 'memory_bytes', help: 'memory in use by the memtables and caches (leveldb.approximate-memory-usage)', value: Number(db.getProperty('leveldb.approximate-memory-usage')) },
    { name: 'disk_bytes', help: 'the files of the store directory', value: directoryBytes(db.location) },
  ];
  for (const [level, { files, bytes }] of parseSstables(db.getProperty('leveldb.sstables'))) {
    const labels = { level: String(level) };
    figures.push({ name: 'level_files', help: 'table files at one level (leveldb.sstables)', value: files, labels });
    figures.push({ name: 'level_bytes', help: 'bytes of the table files at one level (leveldb.sstables)', value: bytes, labels });
  }
  for (const row of parseLeveldbStats(stats)) {
    const labels = { level: String(row.level) };
    figures.push({ name: 'compaction_seconds', help: 'time spent compacting into one level (leveldb.stats)', value: row.seconds, labels });
    figures.push({ name: 'compaction_read_bytes', help: 'bytes compactions read at one level (leveldb.stats, MiB precision)', value: row.readMb * MIB, labels });
    figures.push({ name: 'compaction_written_bytes', help: 'bytes compactions wrote at one level (leveldb.stats, MiB precision)', value: row.writeMb * MIB, labels });
  }
  // Table files only: what is still in the memtable counts as zero until it is flushed.
  for (const [keyspace, kind] of Object.entries(Kind)) {
    const r = range(kind);
    const bytes = await db.approximateSize(r.gte, r.lt);
    figures.push({ name: 'approximate_bytes', help: 'approximate bytes of one keyspace in table files (approximateSize)', value: bytes, labels: { keyspace } });
  }
  return { engine: 'leveldb', figures, text: { 'leveldb.stats': stats } };
}
