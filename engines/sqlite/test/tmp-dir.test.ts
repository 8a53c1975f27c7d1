/**
 * The `tmpDir` option: the working copy, and a clone's scratch copy, are made in the folder named, not in the OS temp
 * dir, and nothing of them is left there once the store is closed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WORKING_COPY_PREFIX } from '../../leftovers/stale';
import { openEngine, rt, tempDir, testOptions } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The working-copy folders in `folder`. */
async function workingCopies(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((name) => name.startsWith(WORKING_COPY_PREFIX));
}

test('the working copy lives in tmpDir while the store is open, and is gone after close', async () => {
  const scratch = path.join(dir, 'scratch');
  await fs.mkdir(scratch);
  const location = path.join(dir, 'store.c1z');
  const engine = await openEngine(location, { ...testOptions(), tmpDir: scratch });
  expect(await workingCopies(scratch)).toHaveLength(1);
  await engine.startNewSync();
  await engine.putResourceTypes([rt('user')]);
  await engine.endSync();
  await engine.close();
  expect(await workingCopies(scratch)).toEqual([]);

  const again = await openEngine(location, { ...testOptions(), tmpDir: scratch });
  expect(await workingCopies(scratch)).toHaveLength(1);
  expect((await again.listResourceTypes()).items.map((s) => s.record.id)).toEqual(['user']);
  await again.close();
  expect(await workingCopies(scratch)).toEqual([]);
});

test('a tmpDir that does not exist fails the open with IO', async () => {
  await expect(openEngine(path.join(dir, 'store.c1z'), { ...testOptions(), tmpDir: path.join(dir, 'missing') })).rejects.toMatchObject({ code: 'IO' });
});
