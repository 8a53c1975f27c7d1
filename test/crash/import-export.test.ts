/**
 * Kills `import` (c1z → LevelDB) and `export` (→ c1z) at several points with SIGKILL and checks what the next start
 * does with what was left (SPEC §6): a half-imported store is refused with the commands that resume or remove it and
 * is finished by `--resume`; a killed export leaves no target; no working copy or temp file survives the next start.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { manySyncs } from '../../harness/cli/commands/test/maintenance-stores';
import { cli } from '../../harness/cli/test/cli-kit';
import { cliChild, leftoversOf, tempFilesBeside } from './child';

jest.setTimeout(180_000);

describe('interrupted import and export', () => {
  let dir: string;
  let tmp: string;
  let source: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crash-transfer-'));
    tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    source = (await manySyncs(3, 'sqlite', dir)).location;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const syncsJson = async (store: string): Promise<string> => {
    const r = await cli('syncs', store, '--json');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it.each([
    ['between syncs', 'transfer-sync@2'],
    ['inside a sync', 'transfer-record@6000'],
  ])('a killed import (%s) is refused, then finished by --resume', async (_what, killAt) => {
    const out = path.join(dir, `import-${killAt.replace(/\W/g, '-')}`);
    const killed = await cliChild(['import', source, '--out', out], tmp, killAt);
    expect(killed.signal).toBe('SIGKILL');

    // Reads refuse the store (exit 2, one line); verify reports it as a problem of the store (exit 1, a report).
    for (const [verb, code, stream] of [['syncs', 2, 'stderr'], ['stats', 2, 'stderr'], ['verify', 1, 'stdout']] as const) {
      const refused = await cli(verb, out);
      expect(refused.code).toBe(code);
      expect(refused[stream]).toContain(`${out} is incomplete (an interrupted import of ${source})`);
      expect(refused[stream]).toContain(`--out ${out} --resume`);
      expect(refused[stream]).toContain(`c1z-parity discard ${out}`);
    }

    const resumed = await cliChild(['import', source, '--out', out, '--resume'], tmp);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const before = killAt.startsWith('transfer-sync') ? 2 : 1;
    expect(resumed.stdout).toContain(`imported ${3 - before} syncs`);
    expect(resumed.stdout).toContain(`resumed: ${before} syncs were in already`);
    expect(await syncsJson(out)).toBe(await syncsJson(source));
    expect((await cli('verify', out)).code).toBe(0);
    for (const id of ['full-1', 'full-2', 'full-3']) {
      expect((await cli('stats', out, '--sync', id, '--json')).stdout).toBe((await cli('stats', source, '--sync', id, '--json')).stdout);
    }
    // The killed run's working copy of the source went at the next start (the resume).
    expect(await leftoversOf(tmp, killed.pid)).toEqual([]);
  });

  it('discard removes a half-imported store and nothing else', async () => {
    const out = path.join(dir, 'import-discard');
    expect((await cliChild(['import', source, '--out', out], tmp, 'transfer-record@1')).signal).toBe('SIGKILL');
    const again = await cli('import', source, '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');

    const discarded = await cli('discard', out);
    expect(discarded.stdout).toBe(`removed ${out} (an interrupted import of ${source})\n`);
    expect((await cli('syncs', out)).stderr).toContain('no such file or directory');

    expect((await cli('import', source, '--out', out)).code).toBe(0);
    for (const store of [out, source]) {
      const refused = await cli('discard', store);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${store} is a complete store`);
    }
    expect(await syncsJson(out)).toBe(await syncsJson(source));
    const resumeComplete = await cli('import', source, '--out', out, '--resume');
    expect(resumeComplete.stderr).toContain('is a complete store; --resume only finishes an interrupted import');
  });

  it('a killed export leaves no target, and its working copies and temp file go at the next start', async () => {
    const leveldb = path.join(dir, 'export-src');
    expect((await cli('import', source, '--out', leveldb)).code).toBe(0);
    for (const killAt of ['transfer-sync@2', 'atomic-write-filled']) {
      const out = path.join(dir, `export-${killAt}.c1z`);
      const killed = await cliChild(['export', leveldb, '--out', out], tmp, killAt);
      expect(killed.signal).toBe('SIGKILL');
      expect((await cli('syncs', out)).stderr).toContain('no such file or directory');
      expect(await leftoversOf(tmp, killed.pid)).toHaveLength(1);
      expect(await tempFilesBeside(out)).toHaveLength(killAt === 'atomic-write-filled' ? 1 : 0);

      const next = await cliChild(['export', leveldb, '--out', out], tmp);
      expect(next.code).toBe(0);
      expect(await leftoversOf(tmp, killed.pid)).toEqual([]);
      expect(await tempFilesBeside(out)).toEqual([]);
      expect(await syncsJson(out)).toBe(await syncsJson(source));
    }
  });
});
