/**
 * Writes a file through a temp file beside it and a rename, so that a failure or a crash never leaves the target
 * half-written: the target is either the old file, or absent, or the complete new one.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { isStorageError } from '../../models/contract/errors';
import { killPoint } from '../leftovers/kill-point';
import { removeStaleTempFiles, tempFileName } from '../leftovers/stale';
import { errnoCode, ioError } from './file-io';

let sequence = 0;
const MAX_NAME_ATTEMPTS = 100;

async function createTemp(target: string): Promise<{ tempPath: string; handle: FileHandle }> {
  for (let attempt = 0; ; attempt += 1) {
    // The owner tag + counter keeps names unique without a random source and lets a later process tell a dead
    // owner's leftover (removed by removeStaleTempFiles) from a live one's; 'wx' guards against any collision.
    sequence += 1;
    const tempPath = tempFileName(target, sequence);
    try {
      return { tempPath, handle: await fs.open(tempPath, 'wx') };
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST' || attempt >= MAX_NAME_ATTEMPTS) throw ioError(`cannot create a temp file for ${target}`, err);
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; some platforms cannot open a directory, which only loses that guarantee.
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/** Fills a temp file beside `target` with `fill`, then renames it into place; `durable` fsyncs before the rename. */
export async function writeAtomically(
  target: string,
  fill: (handle: FileHandle, tempPath: string) => Promise<void>,
  options: { durable: boolean },
): Promise<void> {
  await removeStaleTempFiles(target);
  const { tempPath, handle } = await createTemp(target);
  let open = true;
  try {
    await fill(handle, tempPath);
    if (options.durable) await handle.sync();
    killPoint('atomic-write-filled');
    open = false;
    await handle.close();
    await fs.rename(tempPath, target);
  } catch (err) {
    if (open) await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw isStorageError(err) ? err : ioError(`cannot write ${target}`, err);
  }
  if (options.durable) await syncDirectory(path.dirname(target));
}
