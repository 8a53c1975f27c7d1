import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ownerIsGone, ownerTag, processStart, thisOwner } from './owner';
import { ownedDirPrefix, removeStaleTempFiles, removeStaleWorkingCopies, tempFileName, WORKING_COPY_PREFIX } from './stale';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('leftovers of dead processes', () => {
  let dir: string;
  const me = thisOwner();
  const tag = (pid: number, start = processStart(pid) ?? '0', host = me.host): string => `${host}-${pid}-${start}`;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'stale-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('judges owners: this process and live ones stay, dead and reused pids go, other hosts stay', () => {
    expect(ownerTag()).toBe(tag(process.pid));
    expect(ownerIsGone(me)).toBe(false);
    const dead = deadPid();
    expect(ownerIsGone({ host: me.host, pid: dead, start: '1' })).toBe(true);
    expect(ownerIsGone({ host: `${me.host}x`, pid: dead, start: '1' })).toBe(false);
    expect(ownerIsGone({ host: me.host, pid: process.ppid, start: processStart(process.ppid) ?? '0' })).toBe(false);
    if (me.start !== '0') {
      // The same pid started at another time is an earlier process whose pid was reused.
      expect(ownerIsGone({ host: me.host, pid: process.pid, start: `${me.start}1` })).toBe(true);
      expect(ownerIsGone({ host: me.host, pid: process.ppid, start: '1' })).toBe(true);
    }
  });

  it('removes only the working copies whose owner is gone', async () => {
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => live.once('spawn', resolve));
      const livePid = live.pid as number;
      const names = {
        mine: `${WORKING_COPY_PREFIX}${tag(process.pid)}-aaaaaa`,
        live: `${WORKING_COPY_PREFIX}${tag(livePid)}-bbbbbb`,
        dead: `${WORKING_COPY_PREFIX}${tag(deadPid(), '7')}-cccccc`,
        elsewhere: `${WORKING_COPY_PREFIX}${tag(deadPid(), '7', 'otherhost')}-dddddd`,
        untagged: `${WORKING_COPY_PREFIX}eeeeee`,
        deadRun: `c1z-parity-run-${tag(deadPid(), '7')}-ffffff`,
        deadReplay: `c1z-parity-replay-${tag(deadPid(), '7')}-gggggg`,
        liveRun: path.basename(ownedDirPrefix('c1z-parity-run', dir)) + 'hhhhhh',
      };
      for (const name of Object.values(names)) {
        await mkdir(path.join(dir, name));
        await writeFile(path.join(dir, name, 'store.db'), 'x');
      }
      expect((await removeStaleWorkingCopies(dir)).sort()).toEqual([names.dead, names.deadReplay, names.deadRun].map((n) => path.join(dir, n)).sort());
      expect((await readdir(dir)).sort()).toEqual([names.elsewhere, names.live, names.liveRun, names.mine, names.untagged].sort());

      live.kill('SIGKILL');
      await new Promise((resolve) => live.once('exit', resolve));
      expect(await removeStaleWorkingCopies(dir)).toEqual([path.join(dir, names.live)]);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('removes the temp files of dead owners beside one target only', async () => {
    const target = path.join(dir, 'store.c1z');
    const dead = `${target}.${tag(deadPid(), '9')}.3.tmp`;
    const mine = tempFileName(target, 1);
    const other = `${path.join(dir, 'other.c1z')}.${tag(deadPid(), '9')}.1.tmp`;
    const legacy = `${target}.123-1.tmp`;
    for (const f of [target, dead, mine, other, legacy]) await writeFile(f, 'x');
    expect(await removeStaleTempFiles(target)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([mine, other, target, legacy].map((f) => path.basename(f)).sort());
    expect(await removeStaleTempFiles(path.join(dir, 'missing', 'x.c1z'))).toEqual([]);
  });
});
