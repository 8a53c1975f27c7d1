/**
 * SPEC §7: a damaged LevelDB store never reads as a smaller healthy one. Real damage made here: bytes flipped at
 * several offsets of a table file, a truncated table file; each must fail with CORRUPTION, never list fewer records.
 */
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expectCode } from '../../conformance/expect-code';
import { crc32c, maskCrc } from '../crc32c';
import { checkTables, TABLE_FILE } from '../table-check';
import { drain, grant, rid, Sandbox } from './helpers';

const GRANTS = 3000;
const PAGE_SIZES = [0, 7, 100, 1000, 10_000];

let box: Sandbox;
beforeEach(async () => {
  box = await Sandbox.create();
});
afterEach(async () => {
  await box.cleanup();
});

/** A store of GRANTS grants in one finished sync, compacted into table files; returns its largest table. */
async function tableStore(): Promise<{ location: string; table: string; syncId: string }> {
  const engine = await box.open();
  const syncId = await engine.startNewSync();
  const grants = Array.from({ length: GRANTS }, (_, i) => grant(`g${i}`, `e${i % 50}`, rid('group', `r${i % 50}`), rid('user', `u${i}`)));
  await engine.putGrants(grants);
  await engine.endSync();
  await engine.compact();
  await engine.close();
  const location = box.location();
  const tables = (await readdir(location)).filter((n) => TABLE_FILE.test(n));
  const sizes = await Promise.all(tables.map(async (n) => [(await stat(path.join(location, n))).size, n] as const));
  const largest = sizes.sort((a, b) => b[0] - a[0])[0];
  if (largest === undefined) throw new Error('no table file written');
  return { location, table: path.join(location, largest[1]), syncId };
}

async function flipByte(file: string, at: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[at] = (bytes[at] as number) ^ 0x5a;
  await writeFile(file, bytes);
}

test('CRC-32C matches the standard check value, masked as LevelDB masks it', () => {
  expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  expect(maskCrc(0)).toBe(0xa282ead8);
});

test('a sound store has sound tables and lists every grant at every page size', async () => {
  const { location, syncId } = await tableStore();
  expect(await checkTables(location)).toEqual([]);
  const engine = await box.open();
  for (const pageSize of PAGE_SIZES) {
    expect(await drain((pageToken) => engine.listGrants({ syncId, pageSize, pageToken }))).toHaveLength(GRANTS);
  }
});

describe.each([0.1, 0.35, 0.5, 0.8, 0.97])('a byte flipped at %f of the largest table file', (fraction) => {
  test('is CORRUPTION on open, so every read fails instead of listing fewer grants', async () => {
    const { table } = await tableStore();
    const size = (await stat(table)).size;
    await flipByte(table, Math.floor(size * fraction));
    const damage = await checkTables(path.dirname(table));
    expect(damage.map((d) => d.file)).toEqual([path.basename(table)]);
    const err = await expectCode(box.open(), 'CORRUPTION');
    expect(err.message).toContain(path.basename(table));
  });
});

test('a flipped byte in the footer and in the last byte are CORRUPTION', async () => {
  const { table } = await tableStore();
  const size = (await stat(table)).size;
  await flipByte(table, size - 1);
  await expectCode(box.open(), 'CORRUPTION');
  await flipByte(table, size - 1);
  await flipByte(table, size - 40);
  await expectCode(box.open(), 'CORRUPTION');
});

test.each([0.5, 0.99])('a table file truncated to %f of its size is CORRUPTION, not IO', async (fraction) => {
  const { table } = await tableStore();
  await truncate(table, Math.floor((await stat(table)).size * fraction));
  await expectCode(box.open(), 'CORRUPTION');
});

test('a flip in the index block\'s stored checksum alone is damage (LevelDB itself would read the block as it is)', async () => {
  const { location, table } = await tableStore();
  const bytes = await readFile(table);
  // The index block is the last block before the 48-byte footer: its 4-byte checksum ends right there.
  const footer = bytes.length - 48;
  bytes[footer - 1] = (bytes[footer - 1] as number) ^ 0x01;
  await writeFile(table, bytes);
  expect((await checkTables(location)).map((d) => d.message)).toEqual([expect.stringMatching(/^index block at \d+: checksum mismatch$/)]);
});

describe('the write-ahead log', () => {
  /** A store whose grants are still only in its log (no compaction); returns the log file. */
  async function logStore(): Promise<string> {
    const engine = await box.open();
    await engine.startNewSync();
    for (let b = 0; b < 4; b++) {
      await engine.putGrants(Array.from({ length: 250 }, (_, i) => grant(`g${b}-${i}`, 'e', rid('group', 'r'), rid('user', `u${b}-${i}`))));
    }
    await engine.endSync();
    await engine.close();
    const logs = (await readdir(box.location())).filter((n) => /^\d+\.log$/.test(n));
    const sized = await Promise.all(logs.map(async (n) => ({ n, size: (await stat(path.join(box.location(), n))).size })));
    const largest = sized.sort((a, b) => b.size - a.size)[0];
    if (largest === undefined || largest.size < 10_000) throw new Error('the grants are not in a log');
    return path.join(box.location(), largest.n);
  }

  test('a byte flipped inside a log record is CORRUPTION, and the log is left for repair', async () => {
    const log = await logStore();
    const size = (await stat(log)).size;
    await flipByte(log, Math.floor(size / 3));
    const err = await expectCode(box.open(), 'CORRUPTION');
    expect(err.message).toContain(path.basename(log));
    expect((await stat(log)).size).toBe(size);
  });

  test('a log cut short at its end (a write torn by a crash) still opens', async () => {
    const log = await logStore();
    await truncate(log, (await stat(log)).size - 3);
    const engine = await box.open();
    expect((await engine.listSyncRuns()).items).toHaveLength(1);
  });
});

test('verify on an open store reports a table damaged since it opened', async () => {
  const { table } = await tableStore();
  const engine = await box.open();
  expect((await engine.verify()).ok).toBe(true);
  await flipByte(table, Math.floor((await stat(table)).size / 2));
  const report = await engine.verify();
  expect(report.ok).toBe(false);
  expect(report.problems).toContainEqual({ kind: 'damaged-table', syncId: '', detail: expect.stringContaining(path.basename(table)) });
});
