/**
 * SPEC §6 durability, tested with SIGKILL from outside: a LevelDB store shows every call that completed before the
 * kill (each call whole, none half); a c1z store shows the state of its last close and is never a broken file; the
 * killed process's working copy goes at the next start, while a live process's working copy is never removed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../models/contract/api';
import { removeStaleWorkingCopies } from '../../engines/leftovers/stale';
import { leveldbFactory } from '../../engines/leveldb';
import { sqliteFactory } from '../../engines/sqlite';
import { fixture } from '../../harness/cli/test/cli-kit';
import { BATCH, cliChild, finished, leftoversOf, startChild } from './child';

jest.setTimeout(120_000);

/** Resolves once the child has printed `line`. */
function printed(child: ChildProcess, line: string): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.split('\n').includes(line)) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before printing ${line}: ${seen.slice(-200)}`)));
  });
}

/** The batch numbers present in sync s1, checking that every batch is whole. */
async function batchesIn(engine: Engine): Promise<number[]> {
  const ids: string[] = [];
  let token = '';
  do {
    const page = await engine.listResourceTypes({ syncId: 's1', pageSize: 1000, pageToken: token });
    ids.push(...page.items.map((s) => s.record.id));
    token = page.nextPageToken;
  } while (token !== '');
  const counts = new Map<number, number>();
  for (const id of ids) {
    const n = Number(/^b(\d+)-/.exec(id)?.[1]);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  for (const c of counts.values()) expect(c).toBe(BATCH);
  return [...counts.keys()].sort((a, b) => a - b);
}

const options = { clock: () => 1_767_225_600_000_000, newSyncId: () => 'x' };

describe('durability after SIGKILL (SPEC §6)', () => {
  let dir: string;
  let tmp: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crash-durability-'));
    tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a LevelDB store shows every completed call', async () => {
    const location = path.join(dir, 'store.leveldb');
    const child = startChild('writer-child.ts', ['leveldb', location], tmp);
    const run = finished(child);
    await printed(child, 'done 40');
    child.kill('SIGKILL');
    expect((await run).signal).toBe('SIGKILL');

    const engine = await leveldbFactory.open(location, options);
    try {
      const batches = await batchesIn(engine);
      // Calls 1..40 completed before the kill; a few more may have completed before it landed, each one whole.
      expect(batches.length).toBeGreaterThanOrEqual(40);
      expect(batches).toEqual(Array.from({ length: batches.length }, (_, i) => i + 1));
      expect((await engine.verify()).ok).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('a c1z store shows the state of its last close, and the killed working copy goes at the next start', async () => {
    const location = path.join(dir, 'store.c1z');
    const child = startChild('writer-child.ts', ['sqlite', location], tmp);
    const run = finished(child);
    await printed(child, 'done 8');
    child.kill('SIGKILL');
    const killed = await run;
    expect(killed.signal).toBe('SIGKILL');
    expect(await leftoversOf(tmp, killed.pid)).toHaveLength(1);

    const next = await cliChild(['syncs', location, '--json'], tmp);
    expect(next.code).toBe(0);
    expect(await leftoversOf(tmp, killed.pid)).toEqual([]);
    const engine = await sqliteFactory.open(location, options);
    try {
      expect(await batchesIn(engine)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await engine.close();
    }
  });

  it("never removes a live process's working copy", async () => {
    const location = path.join(dir, 'held.c1z');
    await (await sqliteFactory.open(location, options)).close();
    const holder = startChild('writer-child.ts', ['hold', location], tmp);
    const run = finished(holder);
    await printed(holder, 'open');
    const [copy] = await leftoversOf(tmp, holder.pid as number);
    expect(copy).toBeDefined();

    // Another process starting (it sweeps), and a sweep from this one: the live copy stays.
    expect((await cliChild(['syncs', fixture('sync-in-progress.c1z')], tmp)).code).toBe(0);
    expect(await removeStaleWorkingCopies(tmp)).toEqual([]);
    expect((await stat(path.join(tmp, copy as string, 'store.db'))).isFile()).toBe(true);

    holder.kill('SIGKILL');
    await run;
    expect(await removeStaleWorkingCopies(tmp)).toEqual([path.join(tmp, copy as string)]);
  });
});
