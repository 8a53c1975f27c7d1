/**
 * Checks LevelDB table files (`*.ldb`, `*.sst`) the way LevelDB would with `verify_checksums`, which classic-level
 * never turns on: without it a damaged block is skipped by iterators or parsed as garbage, and a list comes back
 * shorter with no error. Each file's footer, index and every block it points to are read and their masked CRC-32C
 * compared; a file too short for its footer, a wrong magic number or a block outside the file is damage too.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32c, maskCrc } from './crc32c';
import { snappyDecompress } from './snappy';

/** One damaged table file. */
export interface TableDamage {
  readonly file: string;
  readonly message: string;
}

const FOOTER = 48;
const TRAILER = 5;
const MAGIC_LOW = 0x8b80fb57;
const MAGIC_HIGH = 0xdb477524;

/** Table file names; LevelDB writes `.ldb`, older versions wrote `.sst`. */
export const TABLE_FILE = /^\d+\.(ldb|sst)$/;

interface Handle {
  readonly offset: number;
  readonly size: number;
}

class Damage extends Error {}

/** Reads a varint64 (as a safe integer) at `pos`; returns the value and the position after it. */
function varint(buf: Uint8Array, pos: number, end: number): [number, number] {
  let value = 0;
  for (let shift = 0; shift <= 49; shift += 7) {
    if (pos >= end) throw new Damage('truncated varint');
    const b = buf[pos++] as number;
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, pos];
  }
  throw new Damage('varint too long');
}

function handleAt(buf: Uint8Array, pos: number, end: number): [Handle, number] {
  const [offset, p1] = varint(buf, pos, end);
  const [size, p2] = varint(buf, p1, end);
  return [{ offset, size }, p2];
}

/** Checks one block's trailer; returns its contents, decompressed when `decode` (only the index blocks are read). */
function readBlock(file: Uint8Array, h: Handle, what: string, decode = true): Uint8Array {
  const end = h.offset + h.size;
  if (end + TRAILER > file.length - FOOTER) {
    throw new Damage(`${what} block at ${h.offset} (${h.size} bytes) runs past the end of the file`);
  }
  const type = file[end] as number;
  const stored = (file[end + 1] as number) | ((file[end + 2] as number) << 8) | ((file[end + 3] as number) << 16) | ((file[end + 4] as number) << 24);
  if (maskCrc(crc32c(file, h.offset, end + 1)) !== stored >>> 0) throw new Damage(`${what} block at ${h.offset}: checksum mismatch`);
  const contents = file.subarray(h.offset, end);
  if (type !== 0 && type !== 1) throw new Damage(`${what} block at ${h.offset}: unknown block type ${type}`);
  if (type === 0 || !decode) return contents;
  try {
    return snappyDecompress(contents);
  } catch (err) {
    throw new Damage(`${what} block at ${h.offset}: ${(err as Error).message}`);
  }
}

/** The values of a block's entries (keys are prefix-compressed and not needed here, so they are only skipped). */
function blockValues(block: Uint8Array, what: string): Uint8Array[] {
  if (block.length < 4) throw new Damage(`${what} block too short`);
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const restarts = view.getUint32(block.length - 4, true);
  const limit = block.length - 4 - restarts * 4;
  if (restarts === 0 || limit < 0) throw new Damage(`${what} block: bad restart array`);
  const out: Uint8Array[] = [];
  let lastKeyLength = 0;
  for (let pos = 0; pos < limit; ) {
    const [shared, p1] = varint(block, pos, limit);
    const [unshared, p2] = varint(block, p1, limit);
    const [valueLength, p3] = varint(block, p2, limit);
    if (shared > lastKeyLength || p3 + unshared + valueLength > limit) throw new Damage(`${what} block: bad entry at ${pos}`);
    out.push(block.subarray(p3 + unshared, p3 + unshared + valueLength));
    lastKeyLength = shared + unshared;
    pos = p3 + unshared + valueLength;
  }
  return out;
}

/** Checks one table file's bytes; returns undefined when sound, else what is wrong. */
export function checkTableBytes(file: Uint8Array): string | undefined {
  try {
    if (file.length < FOOTER) throw new Damage(`${file.length} bytes, too short for a table`);
    const footerAt = file.length - FOOTER;
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    if (view.getUint32(file.length - 8, true) !== MAGIC_LOW || view.getUint32(file.length - 4, true) !== MAGIC_HIGH) {
      throw new Damage('bad magic number (truncated or not a table)');
    }
    const [metaindex, p] = handleAt(file, footerAt, file.length - 8);
    const [index] = handleAt(file, p, file.length - 8);
    const handles: [Handle, string][] = [];
    for (const value of blockValues(readBlock(file, index, 'index'), 'index')) handles.push([handleAt(value, 0, value.length)[0], 'data']);
    for (const value of blockValues(readBlock(file, metaindex, 'metaindex'), 'metaindex')) handles.push([handleAt(value, 0, value.length)[0], 'filter']);
    let expected = 0;
    for (const [h, what] of handles) {
      readBlock(file, h, what, false);
      // Data blocks are written back to back from the start of the file: a gap would be bytes no index reaches.
      if (what === 'data') {
        if (h.offset !== expected) throw new Damage(`data block at ${h.offset}, expected at ${expected}`);
        expected = h.offset + h.size + TRAILER;
      }
    }
    return undefined;
  } catch (err) {
    if (err instanceof Damage) return err.message;
    throw err;
  }
}

/** Checks every table file in a LevelDB directory (or only `names`); a file that vanished meanwhile is skipped. */
export async function checkTables(dir: string, names?: readonly string[]): Promise<TableDamage[]> {
  const files = names ?? (await fs.readdir(dir)).filter((n) => TABLE_FILE.test(n)).sort();
  const damage: TableDamage[] = [];
  for (const name of files) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(dir, name));
    } catch (err) {
      // Compaction removes tables it merged; a file gone is not a damaged one.
      if ((err as { code?: unknown }).code === 'ENOENT') continue;
      throw err;
    }
    const message = checkTableBytes(bytes);
    if (message !== undefined) damage.push({ file: name, message });
  }
  return damage;
}

/**
 * The table files of the store's current version, from LevelDB's `leveldb.sstables` property: on an open store a
 * compaction may be writing a new table right now (no footer yet), which is not damage, so only installed tables are
 * checked there. Each is named `.ldb` or, written by an older LevelDB, `.sst`; a name not on disk is skipped.
 */
export async function liveTableNames(dir: string, sstables: string): Promise<string[]> {
  const numbers = new Set<number>();
  for (const m of sstables.matchAll(/^\s*(\d+):\d+\[/gm)) numbers.add(Number(m[1]));
  const onDisk = (await fs.readdir(dir)).filter((n) => TABLE_FILE.test(n));
  return onDisk.filter((n) => numbers.has(Number(n.slice(0, n.indexOf('.'))))).sort();
}
