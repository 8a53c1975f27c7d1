/**
 * Kills `cleanup` and `compact` at several points with SIGKILL (SPEC §6): a LevelDB store reopens with the
 * interrupted cleanup finished (the syncs it hid are gone, verify is clean) and the next cleanup reclaims the space even
 * though it finds nothing new to delete; a c1z keeps the state of its last close, byte for byte, and the killed run's
 * working copy and temp file go at the next start.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { manySyncs } from '../../harness/cli/commands/test/maintenance-stores';
import { cli } from '../../harness/cli/test/cli-kit';
import { cliChild, leftoversOf, tempFilesBeside } from './child';

jest.setTimeout(240_000);

async function sha(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function syncIds(store: string): Promise<string[]> {
  const r = await cli('syncs', store, '--json');
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id).sort();
}

async function statsOf(store: string, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  // One at a time: a LevelDB store admits one process (or open) at once.
  for (const id of ids) out.push((await cli('stats', store, '--sync', id, '--json')).stdout);
  return out;
}

async function cleanupJson(store: string): Promise<{ deleted: unknown[]; diskBytes: { before: number; after: number } }> {
  const r = await cli('cleanup', store, '--keep', '2', '--json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { deleted: unknown[]; diskBytes: { before: number; after: number } };
}

describe('interrupted cleanup and compact', () => {
  let dir: string;
  let tmp: string;
  let leveldb: string;
  let c1z: string;
  let cleanedBytes: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crash-maintenance-'));
    tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    leveldb = (await manySyncs(5, 'leveldb', dir)).location;
    c1z = path.join(dir, 'many-5.c1z');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('LevelDB: a reference cleanup deletes three syncs and reclaims their space', async () => {
    const ref = path.join(dir, 'ref.leveldb');
    await cp(leveldb, ref, { recursive: true });
    const r = await cleanupJson(ref);
    expect(r.deleted).toHaveLength(3);
    expect(r.diskBytes.after).toBeLessThan(r.diskBytes.before / 2);
    cleanedBytes = r.diskBytes.after;
  });

  it.each(['cleanup-hidden', 'cleanup-cleared', 'compact-start'])('LevelDB: cleanup killed at %s is finished by the next open and cleanup', async (killAt) => {
    const store = path.join(dir, `${killAt}.leveldb`);
    await cp(leveldb, store, { recursive: true });
    const killed = await cliChild(['cleanup', store, '--keep', '2'], tmp, killAt);
    expect(killed.signal).toBe('SIGKILL');

    expect(await syncIds(store)).toEqual(['full-4', 'full-5']);
    expect((await cli('verify', store)).code).toBe(0);
    const rerun = await cleanupJson(store);
    expect(rerun.deleted).toEqual([]);
    // Nothing new to delete, yet the space the killed run freed is reclaimed now, as much as by an uninterrupted one.
    expect(rerun.diskBytes.after).toBeLessThan(rerun.diskBytes.before / 2);
    expect(rerun.diskBytes.after).toBeLessThan(cleanedBytes * 1.05);
    expect(await statsOf(store, ['full-4', 'full-5'])).toEqual(await statsOf(leveldb, ['full-4', 'full-5']));
  });

  it.each(['compact-start', 'compact-start~40'])('LevelDB: compact killed at %s leaves every record, and the next compact completes', async (killAt) => {
    const store = path.join(dir, `compact-${killAt.replace(/\W/g, '-')}.leveldb`);
    await cp(leveldb, store, { recursive: true });
    const before = await statsOf(store, ['full-1', 'full-5']);
    const killed = await cliChild(['compact', store], tmp, killAt);
    expect(killed.signal).toBe('SIGKILL');
    expect(await syncIds(store)).toEqual(['full-1', 'full-2', 'full-3', 'full-4', 'full-5']);
    expect((await cli('verify', store)).code).toBe(0);
    expect(await statsOf(store, ['full-1', 'full-5'])).toEqual(before);
    expect((await cli('compact', store)).code).toBe(0);
  });

  it.each([
    // The first atomic write of a run is the working copy's own decompression; the second is the save.
    ['cleanup', 'working-copy-open'],
    ['cleanup', 'atomic-write-filled@2'],
    ['compact', 'atomic-write-filled@2'],
  ])('c1z: %s killed at %s keeps the last closed state and leaves nothing after the next start', async (verb, killAt) => {
    const store = path.join(dir, `${verb}-${killAt.replace(/\W/g, '-')}.c1z`);
    await cp(c1z, store);
    const hash = await sha(store);
    const killed = await cliChild([verb, store, ...(verb === 'cleanup' ? ['--keep', '2'] : [])], tmp, killAt);
    expect(killed.signal).toBe('SIGKILL');
    expect(await sha(store)).toBe(hash);
    expect(await leftoversOf(tmp, killed.pid)).toHaveLength(1);
    expect(await tempFilesBeside(store)).toHaveLength(killAt.startsWith('atomic-write-filled') ? 1 : 0);

    const next = await cliChild(['syncs', store], tmp);
    expect(next.code).toBe(0);
    expect(next.stdout.split('\n').filter((l) => l.startsWith('full-'))).toHaveLength(5);
    expect(await leftoversOf(tmp, killed.pid)).toEqual([]);
    expect(await tempFilesBeside(store)).toEqual([]);
    if (verb === 'cleanup') expect((await cleanupJson(store)).deleted).toHaveLength(3);
  });
});
