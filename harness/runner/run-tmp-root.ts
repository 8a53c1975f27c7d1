/**
 * Where fuzz runs make their throwaway stores by default: tmpfs (/dev/shm) when it is there and writable, since every
 * run creates, saves and removes several stores and LevelDB fsyncs its manifest on create; the OS temp dir when the
 * user chose one (TMPDIR) or there is no tmpfs.
 */
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import { sweepWorkingCopiesOnce } from '../../engines/leftovers/stale';

/** The tmpfs every Linux system mounts for shared memory. */
const SHM = '/dev/shm';

/** True when `dir` is a directory this process can create files in. */
function writableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

let chosen: string | undefined;

/** Picks the default temp root once per process: the OS temp dir when TMPDIR is set, else /dev/shm if usable. */
function pickRoot(): string {
  if (chosen === undefined) chosen = process.env['TMPDIR'] === undefined && writableDir(SHM) ? SHM : os.tmpdir();
  return chosen;
}

/**
 * The default temp root of fuzz runs, after sweeping it once for what killed processes left there (the SQLite engine
 * sweeps the OS temp dir on its first open; a root of its own needs its own sweep).
 */
export async function defaultRunTmpRoot(): Promise<string> {
  const root = pickRoot();
  await sweepWorkingCopiesOnce(root);
  return root;
}
