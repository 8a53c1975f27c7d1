/**
 * Removal of what dead processes left: SQLite working copies and fuzz/replay work directories in the temp directory,
 * and `*.tmp` files beside a c1z.
 * Both carry their owner's tag in their name (owner.ts); only leftovers whose owner is surely gone are removed, so a
 * live process's working copy or half-written file is never touched. Best effort: a sweep never fails its caller.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OWNER_TAG_SOURCE, ownerIsGone, ownerOf, ownerTag } from './owner';

/** The start of every working-copy directory's name. */
export const WORKING_COPY_PREFIX = 'c1z-sqlite-';

/** The kinds of owned temp directories: SQLite working copies, fuzz run and replay-c1z work directories. */
const OWNED_DIR_KINDS = ['c1z-sqlite', 'c1z-parity-run', 'c1z-parity-replay'] as const;

const OWNED_DIR_NAME = new RegExp(`^(?:${OWNED_DIR_KINDS.join('|')})-${OWNER_TAG_SOURCE}-[A-Za-z0-9]{6}$`);

/** The mkdtemp prefix of this process's temp directories of one kind: `<tmpDir>/<kind>-<owner tag>-`. */
export function ownedDirPrefix(kind: (typeof OWNED_DIR_KINDS)[number], tmpDir: string = os.tmpdir()): string {
  return path.join(tmpDir, `${kind}-${ownerTag()}-`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The mkdtemp prefix of this process's working copies (in `tmpDir`, the system temp directory by default). */
export function workingCopyPrefix(tmpDir: string = os.tmpdir()): string {
  return ownedDirPrefix('c1z-sqlite', tmpDir);
}

/** The name of this process's `seq`th temp file for `target`: `<target>.<owner tag>.<seq>.tmp`. */
export function tempFileName(target: string, seq: number): string {
  return `${target}.${ownerTag()}.${seq}.tmp`;
}

/** Removes the entries of `dir` whose name matches `pattern` (groups host, pid, start) and whose owner is gone. */
async function removeGone(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (m === null || !ownerIsGone(ownerOf(m[1] as string, m[2] as string, m[3] as string))) continue;
    const full = path.join(dir, name);
    try {
      await fs.rm(full, { recursive: true, force: true });
      removed.push(full);
    } catch {
      // Another process may be removing it too, or it is not ours to remove: left for a later sweep.
    }
  }
  return removed;
}

/** Removes the temp files of dead processes beside `target` (what a killed save or export left). */
export function removeStaleTempFiles(target: string): Promise<string[]> {
  const base = path.basename(target);
  return removeGone(path.dirname(target), new RegExp(`^${escapeRegExp(base)}\\.${OWNER_TAG_SOURCE}\\.\\d+\\.tmp$`));
}

/** Removes the working copies and work directories of dead processes from `tmpDir` (the system temp directory by default). */
export function removeStaleWorkingCopies(tmpDir: string = os.tmpdir()): Promise<string[]> {
  return removeGone(tmpDir, OWNED_DIR_NAME);
}

const swept = new Map<string, Promise<string[]>>();

/** Sweeps the temp directory for dead working copies once per process (the first open of a c1z does it). */
export function sweepWorkingCopiesOnce(tmpDir: string = os.tmpdir()): Promise<string[]> {
  let done = swept.get(tmpDir);
  if (done === undefined) {
    done = removeStaleWorkingCopies(tmpDir);
    swept.set(tmpDir, done);
  }
  return done;
}
