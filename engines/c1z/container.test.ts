import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CCtx, CParameter, EndDirective } from 'zstd-napi/binding';
import { decompress as zstdDecompress } from 'zstd-napi';
import { StorageError } from '../../models/contract/errors';
import { assertSqliteHeader, C1Z_MAGIC, compressC1z, decompressC1z, isC1zFile } from './container';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixture = (name: string): string => path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', name);
const FIXTURES = ['small-unexpanded.c1z', 'sync-in-progress.c1z'];
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-container-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Compresses `payload` into one zstd frame with explicit parameters, streamed so no content size is declared. */
function zstdFrame(payload: Buffer, params: { windowLog?: number; checksum?: boolean } = {}): Buffer {
  const cctx = new CCtx();
  if (params.windowLog !== undefined) cctx.setParameter(CParameter.windowLog, params.windowLog);
  cctx.setParameter(CParameter.checksumFlag, params.checksum === false ? 0 : 1);
  const out = Buffer.alloc(payload.length + 1024);
  const [, first] = cctx.compressStream2(out, payload, EndDirective.continue);
  const [remaining, last] = cctx.compressStream2(out.subarray(first), Buffer.alloc(0), EndDirective.end);
  expect(remaining).toBe(0);
  return out.subarray(0, first + last);
}

async function writeC1z(name: string, ...parts: Buffer[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, Buffer.concat(parts));
  return file;
}

async function expectFailure(promise: Promise<unknown>, code: string, message?: RegExp): Promise<StorageError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  const storageError = err as StorageError;
  expect(storageError.code).toBe(code);
  if (message !== undefined) expect(storageError.message).toMatch(message);
  return storageError;
}

/** Decodes `c1zPath` expecting `code`, and checks that neither the output nor any temp file is left behind. */
async function expectRejected(c1zPath: string, code: string, message?: RegExp, limits = {}): Promise<StorageError> {
  const before = (await fs.readdir(dir)).sort();
  const dbPath = path.join(dir, 'out.db');
  const err = await expectFailure(decompressC1z(c1zPath, dbPath, limits), code, message);
  expect((await fs.readdir(dir)).sort()).toEqual(before);
  return err;
}

const sqlitePayload = (size: number): Buffer => {
  const payload = Buffer.alloc(size, 0x2a);
  SQLITE_HEADER.copy(payload);
  return payload;
};

describe('decompressC1z and compressC1z', () => {
  it.each(FIXTURES)('round-trips %s to identical database bytes', async (name) => {
    const firstDb = path.join(dir, 'first.db');
    await decompressC1z(fixture(name), firstDb);
    await assertSqliteHeader(firstDb);
    const original = await fs.readFile(fixture(name));
    const firstBytes = await fs.readFile(firstDb);
    expect(firstBytes.equals(zstdDecompress(original.subarray(C1Z_MAGIC.length)))).toBe(true);

    const c1z = path.join(dir, 'again.c1z');
    await compressC1z(firstDb, c1z);
    expect(await isC1zFile(c1z)).toBe(true);
    const secondDb = path.join(dir, 'second.db');
    await decompressC1z(c1z, secondDb);
    expect((await fs.readFile(secondDb)).equals(firstBytes)).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(['again.c1z', 'first.db', 'second.db']);
  });

  it('replaces an existing target atomically and keeps it when compression fails', async () => {
    const c1z = path.join(dir, 'store.c1z');
    await fs.writeFile(c1z, 'old contents');
    await expectFailure(compressC1z(path.join(dir, 'missing.db'), c1z), 'IO', /does not exist/);
    expect(await fs.readFile(c1z, 'utf8')).toBe('old contents');
    expect(await fs.readdir(dir)).toEqual(['store.c1z']);

    const db = path.join(dir, 'in.db');
    await fs.writeFile(db, sqlitePayload(3 << 20));
    await compressC1z(db, c1z);
    const out = path.join(dir, 'out.db');
    await decompressC1z(c1z, out);
    expect((await fs.readFile(out)).equals(await fs.readFile(db))).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(['in.db', 'out.db', 'store.c1z']);
  });

  it('decodes several frames and skips skippable frames', async () => {
    const payload = sqlitePayload(300_000);
    const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3]);
    const file = await writeC1z(
      'multi.c1z',
      C1Z_MAGIC,
      skippable,
      zstdFrame(payload.subarray(0, 100_000)),
      zstdFrame(payload.subarray(100_000)),
    );
    await decompressC1z(file, path.join(dir, 'out.db'));
    expect((await fs.readFile(path.join(dir, 'out.db'))).equals(payload)).toBe(true);
  });

  it('reports a compression input that is missing as IO and a missing output directory as IO', async () => {
    await expectFailure(compressC1z(path.join(dir, 'nope.db'), path.join(dir, 'x.c1z')), 'IO', /does not exist/);
    const db = path.join(dir, 'in.db');
    await fs.writeFile(db, sqlitePayload(100));
    await expectFailure(compressC1z(db, path.join(dir, 'no-such-dir', 'x.c1z')), 'IO');
  });
});

describe('decompressC1z rejects bad input without leaving output', () => {
  it('a missing file is IO saying it does not exist', async () => {
    const err = await expectRejected(path.join(dir, 'missing.c1z'), 'IO', /does not exist/);
    expect(err.cause).toBeDefined();
  });

  it('a directory is IO', async () => {
    await fs.mkdir(path.join(dir, 'sub.c1z'));
    await expectRejected(path.join(dir, 'sub.c1z'), 'IO');
  });

  it('a missing output directory is IO', async () => {
    await expectFailure(decompressC1z(fixture('sync-in-progress.c1z'), path.join(dir, 'none', 'out.db')), 'IO');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a file shorter than the magic', Buffer.from('C1Z')],
  ])('%s is CORRUPTION', async (_label, bytes) => {
    await expectRejected(await writeC1z('short.c1z', bytes), 'CORRUPTION', /shorter than the magic/);
  });

  it('a wrong magic is CORRUPTION', async () => {
    const payload = zstdFrame(sqlitePayload(1000));
    await expectRejected(await writeC1z('bad.c1z', Buffer.from('C1ZX\0'), payload), 'CORRUPTION', /wrong magic/);
    await expectRejected(await writeC1z('raw.zst', payload), 'CORRUPTION', /wrong magic/);
  });

  it('only the magic is CORRUPTION', async () => {
    await expectRejected(await writeC1z('magic.c1z', C1Z_MAGIC), 'CORRUPTION', /no zstd frame/);
  });

  it.each([
    ['cut in half', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['missing its last byte', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['cut inside the frame header', (b: Buffer) => b.subarray(0, C1Z_MAGIC.length + 5)],
  ])('a truncated stream (%s) is CORRUPTION', async (_label, cut) => {
    const original = await fs.readFile(fixture('small-unexpanded.c1z'));
    await expectRejected(await writeC1z('cut.c1z', cut(original)), 'CORRUPTION', /truncated/);
  });

  it('a stream of garbage is CORRUPTION', async () => {
    let state = 12345;
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i += 1) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      garbage[i] = state >>> 24;
    }
    await expectRejected(await writeC1z('garbage.c1z', C1Z_MAGIC, garbage), 'CORRUPTION', /not a zstd frame/);
    // Garbage behind a genuine frame magic reaches the native decoder.
    const zstdMagic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x68]);
    const err = await expectRejected(await writeC1z('framed.c1z', C1Z_MAGIC, zstdMagic, garbage), 'CORRUPTION', /corrupt/);
    expect(err.cause).toHaveProperty('message', expect.stringMatching(/./));
  });

  it('a zstd frame with corrupt content is CORRUPTION with the native error as cause', async () => {
    const original = Buffer.from(await fs.readFile(fixture('small-unexpanded.c1z')));
    for (let i = 1000; i < 1100; i += 1) original[i] = 0xff - (original[i] ?? 0);
    const err = await expectRejected(await writeC1z('flipped.c1z', original), 'CORRUPTION', /corrupt/);
    expect(err.cause).toHaveProperty('message', expect.stringMatching(/./));
  });

  it('trailing garbage after a valid frame is CORRUPTION', async () => {
    const original = await fs.readFile(fixture('sync-in-progress.c1z'));
    await expectRejected(await writeC1z('tail.c1z', original, Buffer.from('trailing!')), 'CORRUPTION');
  });

  it('a valid zstd stream whose payload is not SQLite is CORRUPTION', async () => {
    const notSqlite = Buffer.from('PK\u0003\u0004 this is a zip file, not a database '.repeat(100));
    await expectRejected(await writeC1z('zip.c1z', C1Z_MAGIC, zstdFrame(notSqlite)), 'CORRUPTION', /not a SQLite/);
    await expectRejected(await writeC1z('tiny.c1z', C1Z_MAGIC, zstdFrame(Buffer.from('SQLite'))), 'CORRUPTION', /not a SQLite/);
    await expectRejected(await writeC1z('empty.c1z', C1Z_MAGIC, zstdFrame(Buffer.alloc(0))), 'CORRUPTION', /not a SQLite/);
  });

  it('a file that decodes past maxDecodedBytes is CORRUPTION', async () => {
    // The Go SDK's frames declare no content size: the limit is found while streaming.
    await expectRejected(fixture('small-unexpanded.c1z'), 'CORRUPTION', /limit of 1000000 bytes/, { maxDecodedBytes: 1_000_000 });
    const db = path.join(dir, 'in.db');
    await fs.writeFile(db, sqlitePayload(2_000_000));
    const c1z = path.join(dir, 'declared.c1z');
    await compressC1z(db, c1z);
    await fs.rm(db);
    // Ours declare it: refused from the header before decoding.
    await expectRejected(c1z, 'CORRUPTION', /declares 2000000 decoded bytes/, { maxDecodedBytes: 1_999_999 });
    await decompressC1z(c1z, path.join(dir, 'ok.db'), { maxDecodedBytes: 2_000_000 });
  });

  it('a frame whose window exceeds maxWindowBytes is CORRUPTION', async () => {
    const payload = sqlitePayload(10_000);
    const huge = await writeC1z('huge-window.c1z', C1Z_MAGIC, zstdFrame(payload, { windowLog: 28 }));
    await expectRejected(huge, 'CORRUPTION', /window of 268435456 bytes, past the limit of 134217728/);
    await decompressC1z(huge, path.join(dir, 'allowed.db'), { maxWindowBytes: 1 << 28 });
    await fs.rm(path.join(dir, 'allowed.db'));

    const atLimit = await writeC1z('at-limit.c1z', C1Z_MAGIC, zstdFrame(payload, { windowLog: 27 }));
    await decompressC1z(atLimit, path.join(dir, 'ok.db'));
    await fs.rm(path.join(dir, 'ok.db'));
    // Limits that are not powers of two are exact too.
    await expectRejected(atLimit, 'CORRUPTION', /window/, { maxWindowBytes: (1 << 27) - 1 });
  });

  it('non-positive or fractional limits are INVALID_ARGUMENT', async () => {
    await expectRejected(fixture('sync-in-progress.c1z'), 'INVALID_ARGUMENT', undefined, { maxDecodedBytes: 0 });
    await expectRejected(fixture('sync-in-progress.c1z'), 'INVALID_ARGUMENT', undefined, { maxWindowBytes: 1.5 });
  });
});

describe('isC1zFile and assertSqliteHeader', () => {
  it('tells c1z files from everything else', async () => {
    expect(await isC1zFile(fixture('small-unexpanded.c1z'))).toBe(true);
    expect(await isC1zFile(path.join(dir, 'missing.c1z'))).toBe(false);
    expect(await isC1zFile(dir)).toBe(false);
    expect(await isC1zFile(await writeC1z('short', Buffer.from('C1ZF')))).toBe(false);
    expect(await isC1zFile(await writeC1z('db', SQLITE_HEADER))).toBe(false);
  });

  it('accepts a SQLite header and rejects anything else', async () => {
    await assertSqliteHeader(await writeC1z('good.db', sqlitePayload(100)));
    await expectFailure(assertSqliteHeader(await writeC1z('bad.db', Buffer.from('SQLite format 2\0'))), 'CORRUPTION');
    await expectFailure(assertSqliteHeader(await writeC1z('short.db', Buffer.from('SQLite'))), 'CORRUPTION');
    await expectFailure(assertSqliteHeader(path.join(dir, 'missing.db')), 'IO');
  });
});
