/**
 * Opening and cloning at bad locations, through the engine API: an empty location is INVALID_ARGUMENT; a missing parent
 * folder is IO for both engines (neither creates it); a path the file system refuses (/proc) is IO and never a hang.
 */
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EngineFactory, EngineOptions } from '../../models/contract/api';
import { expectCode } from './expect-code';
import { leveldbFactory } from '../leveldb';
import { sqliteFactory } from '../sqlite';

const FACTORIES: Record<'sqlite' | 'leveldb', EngineFactory> = { sqlite: sqliteFactory, leveldb: leveldbFactory };

function options(): EngineOptions {
  let n = 0;
  return { clock: () => 1_700_000_000_000_000, newSyncId: () => `s${++n}` };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'open-paths-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(Object.entries(FACTORIES))('%s', (_name, factory) => {
  test('an empty location is INVALID_ARGUMENT', async () => {
    await expectCode(factory.open('', options()), 'INVALID_ARGUMENT');
  });

  test('a location whose parent folder is missing is IO, and the folder is not created', async () => {
    const err = await expectCode(factory.open(path.join(dir, 'missing', 'store'), options()), 'IO');
    expect(err.message).toMatch(/missing/);
    await expect(access(path.join(dir, 'missing'))).rejects.toThrow();
  });

  test('a location under a file is IO', async () => {
    await writeFile(path.join(dir, 'afile'), 'x');
    await expectCode(factory.open(path.join(dir, 'afile', 'store'), options()), 'IO');
  });

  test('a clone destination whose parent folder is missing is IO before anything is copied', async () => {
    const engine = await factory.open(factory.locationIn(dir, 'src'), options());
    try {
      await engine.startNewSync();
      await engine.endSync();
      await expectCode(engine.cloneSync('', path.join(dir, 'missing', 'clone')), 'IO');
      await expect(access(path.join(dir, 'missing'))).rejects.toThrow();
    } finally {
      await engine.close();
    }
  });
});

test('a LevelDB store at a path the file system refuses to create is IO, not a hang', async () => {
  await expectCode(leveldbFactory.open('/proc/c1z-parity-store', options()), 'IO');
});
