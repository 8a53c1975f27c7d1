/**
 * Bad paths and arguments on the command line: each gets one sentence on stderr and exit 2, never "internal error",
 * a hang or a stack trace; every writer refuses a missing parent folder the same way and creates nothing.
 */
import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli, fixture } from './cli-kit';

const asRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-bad-paths-'));
  await writeFile(path.join(dir, 'afile'), 'x');
  await mkdir(path.join(dir, 'adir'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI and checks it failed with exit 2 and one sentence matching `message`. */
async function expectRefused(args: string[], message: RegExp): Promise<void> {
  const r = await cli(...args);
  expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: expect.stringMatching(message) });
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

const small = (): string => fixture('sync-in-progress.c1z');

describe('writers refuse bad destinations before any work', () => {
  test.each([
    ['import into leveldb', (out: string) => ['import', small(), '--engine', 'leveldb', '--out', out]],
    ['import into sqlite', (out: string) => ['import', small(), '--engine', 'sqlite', '--out', out]],
    ['export', (out: string) => ['export', small(), '--out', out]],
  ])('%s', async (_verb, args) => {
    await expectRefused(args(''), /^c1z-parity: --out is empty; give the path of the new file or folder\n$/);
    await expectRefused(args('/proc/c1z-parity-x'), /^c1z-parity: cannot create \/proc\/c1z-parity-x: /);
    const missing = path.join(dir, 'missing', 'parent', 'out');
    await expectRefused(args(missing), /^c1z-parity: cannot write .*: the folder .*missing\/parent does not exist \(create it first\)\n$/);
    await expect(access(path.join(dir, 'missing'))).rejects.toThrow();
    await expectRefused(args(path.join(dir, 'afile', 'out')), /^c1z-parity: cannot write .*: .*afile is not a folder\n$/);
    await expectRefused(args(path.join(dir, 'afile')), /already exists; choose a new --out\n$/);
    await expectRefused(args(path.join(dir, 'adir')), /already exists; choose a new --out\n$/);
    expect((await readdir(dir)).sort()).toEqual(['adir', 'afile']);
    expect(await readdir(path.join(dir, 'adir'))).toEqual([]);
  });

  test('fuzz --report-dir, merge-reports --out and reduce --out refuse a missing parent folder', async () => {
    const missing = path.join(dir, 'missing', 'reports');
    await expectRefused(['fuzz', '--runs', '1', '--report-dir', missing], /^c1z-parity: cannot write .*: the folder .*missing does not exist/);
    await expectRefused(['fuzz', '--runs', '1', '--report-dir', path.join(dir, 'afile')], /it is a file, not a folder\n$/);
    await expectRefused(['fuzz', '--runs', '1', '--report-dir', ''], /--report-dir is empty/);
    await expectRefused(['merge-reports', path.join(dir, 'adir'), '--out', missing], /the folder .*missing does not exist/);
    await expectRefused(['reduce', path.join(dir, 'adir'), '--out', missing], /the folder .*missing does not exist/);
    await expect(access(path.join(dir, 'missing'))).rejects.toThrow();
  });
});

describe('readers say what is wrong with the store path', () => {
  test.each([
    [[''], /^c1z-parity: INVALID_ARGUMENT: the store path is empty\n$/],
    [['/proc/c1z-parity-x'], /no such file or directory\n$/],
    [['DIR/nothing-here'], /no such file or directory\n$/],
    [['DIR/afile/x'], /a part of the path is a file, not a folder\n$/],
    [['DIR/adir'], /a directory that is not a LevelDB store\n$/],
    [['DIR/afile'], /not a c1z file/],
  ])('stats, list and import of %j', async ([store], message) => {
    const location = (store as string).replace('DIR', dir);
    await expectRefused(['stats', location], message);
    await expectRefused(['list', 'grants', location], message);
    await expectRefused(['import', location, '--out', path.join(dir, 'out')], message);
  });

  (asRoot ? test.skip : test)('an unreadable c1z is refused with exit 2', async () => {
    const file = path.join(dir, 'locked.c1z');
    await writeFile(file, 'x', { mode: 0o000 });
    await expectRefused(['stats', file], /permission denied|EACCES/);
  });
});

test('--version prints the package version', async () => {
  const r = await cli('--version');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`${(await import('../../../package.json')).version}\n`);
});
