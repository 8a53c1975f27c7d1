/**
 * Checks the paths a verb will write before it does any work, so that every writer treats a bad path the same way:
 * an empty path, an existing destination, a missing or non-folder parent, or a place the file system refuses is a
 * one-line sentence and exit 2, and no missing folder is ever created on the user's behalf.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CliError } from './io';

/** What an errno code means, in words. */
function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'the file system does not allow creating it there';
    default:
      return typeof code === 'string' ? code : String(err);
  }
}

/** Refuses an empty path, and a path whose parent folder is missing or is not a folder. */
async function checkParent(out: string, flag: string): Promise<void> {
  if (out === '') throw new CliError(`${flag} is empty; give the path of the new file or folder`);
  const parent = path.dirname(path.resolve(out));
  let isDir: boolean;
  try {
    isDir = (await fs.stat(parent)).isDirectory();
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') throw new CliError(`cannot write ${out}: the folder ${parent} does not exist (create it first)`);
    throw new CliError(`cannot write ${out}: cannot reach the folder ${parent} (${reason(err)})`);
  }
  if (!isDir) throw new CliError(`cannot write ${out}: ${parent} is not a folder`);
}

/** Checks that `out` is a path where a new file (`file`) or store directory (`directory`) can be created. */
export async function checkNewOutput(out: string, flag: string, kind: 'file' | 'directory'): Promise<void> {
  await checkParent(out, flag);
  const exists = await fs.lstat(out).then(
    () => true,
    () => false,
  );
  if (exists) throw new CliError(`${out} already exists; choose a new ${flag}`);
  // Creating and removing it is the one check that every file system answers truthfully (/proc, read-only mounts).
  try {
    if (kind === 'directory') {
      await fs.mkdir(out);
      await fs.rmdir(out);
    } else {
      await (await fs.open(out, 'wx')).close();
      await fs.unlink(out);
    }
  } catch (err) {
    throw new CliError(`cannot create ${out}: ${reason(err)}`);
  }
}

/** Checks a folder that a verb writes into: it exists as a writable folder, or it can be created in its parent. */
export async function checkOutputFolder(dir: string, flag: string): Promise<void> {
  if (dir === '') throw new CliError(`${flag} is empty; give a folder`);
  const stat = await fs.stat(dir).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new CliError(`cannot use ${flag} ${dir}: ${reason(err)}`);
  });
  if (stat === undefined) {
    await checkParent(dir, flag);
    return;
  }
  if (!stat.isDirectory()) throw new CliError(`cannot use ${flag} ${dir}: it is a file, not a folder`);
  try {
    await fs.access(dir, fs.constants.W_OK);
  } catch (err) {
    throw new CliError(`cannot write in ${flag} ${dir}: ${reason(err)}`);
  }
}
