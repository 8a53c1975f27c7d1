/**
 * Checks LevelDB's write-ahead logs (`*.log`) before LevelDB opens the store. Opening replays the log into a table
 * and deletes it, and classic-level opens without `paranoid_checks`, so a record whose checksum fails would be dropped
 * without a word: the writes it held would be gone for good. Here every record's masked CRC-32C is checked; only the
 * last record of a file may be cut short or garbled (a write torn by a crash, which LevelDB rightly ignores).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32c, maskCrc } from './crc32c';
import type { TableDamage } from './table-check';

const BLOCK = 32 * 1024;
const HEADER = 7;
const LOG_FILE = /^\d+\.log$/;

/** Checks one log file's bytes; returns undefined when sound, else what is wrong. */
export function checkLogBytes(log: Uint8Array): string | undefined {
  let pos = 0;
  while (pos < log.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < HEADER) {
      pos += left; // a block's trailer: too small for a header, filled with zeros
      continue;
    }
    if (pos + HEADER > log.length) return undefined; // a header torn at the end of the file
    const length = (log[pos + 4] as number) | ((log[pos + 5] as number) << 8);
    const type = log[pos + 6] as number;
    if (type === 0 && length === 0) {
      pos += left; // zeros written ahead of the data: the rest of the block holds nothing
      continue;
    }
    const end = pos + HEADER + length;
    if (end > log.length) return undefined; // a record torn at the end of the file
    if (length > left - HEADER) return `record at ${pos}: length ${length} runs past its block`;
    const stored = ((log[pos] as number) | ((log[pos + 1] as number) << 8) | ((log[pos + 2] as number) << 16) | ((log[pos + 3] as number) << 24)) >>> 0;
    if (maskCrc(crc32c(log, pos + 6, end)) !== stored) {
      // The last record may be garbage left by a crash mid-write; anything after it means it was not the last.
      const rest = log.subarray(end);
      if (rest.every((b) => b === 0)) return undefined;
      return `record at ${pos}: checksum mismatch`;
    }
    if (type < 1 || type > 4) return `record at ${pos}: unknown record type ${type}`;
    pos = end;
  }
  return undefined;
}

/** Checks every write-ahead log in a LevelDB directory (none when the directory does not exist). */
export async function checkLogs(dir: string): Promise<TableDamage[]> {
  const names = await fs.readdir(dir).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'ENOENT') return [];
    throw err;
  });
  const damage: TableDamage[] = [];
  for (const name of names.filter((n) => LOG_FILE.test(n)).sort()) {
    const message = checkLogBytes(await fs.readFile(path.join(dir, name)));
    if (message !== undefined) damage.push({ file: name, message });
  }
  return damage;
}
