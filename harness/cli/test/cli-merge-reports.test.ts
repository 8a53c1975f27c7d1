/** `merge-reports`: shard reports (found in artifact-like folders) merge into one report in every format. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../../cli/test/cli-kit';
import { writeReport, type RunReport } from '../../report';

function shard(k: number, diverged: boolean): RunReport {
  return {
    runId: `fuzz-20261125-000000-seed9-shard${k}`,
    seed: 9,
    preset: 'default',
    ...(diverged ? { path: '4:0' } : {}),
    engines: ['memory', 'sqlite', 'leveldb'],
    versions: { node: '20.20.2' },
    ops: diverged ? ['startNewSync', 'listGrants'] : [],
    histories: diverged ? { memory: ['#0 startNewSync => "s0001"'], sqlite: ['#0 startNewSync => "s0001"'] } : {},
    divergences: diverged
      ? [{ code: 'result-mismatch', opIndex: 1, op: 'listGrants', engines: ['memory', 'sqlite'], expected: { items: [1] }, actual: { items: [] } }]
      : [],
    stats: { runs: 10 + k, ops: 100 * k, seconds: 2, opsPerSecond: 50 * k, largestStore: [0, 500, 70_000, 900][k] ?? 0, largestStoreRun: 4 * k },
    repro: diverged ? `npx c1z-parity repro --seed 77 --path 4:0 --preset default` : `npx c1z-parity fuzz --seed 9 --runs ${10 + k} --shard ${k}/3`,
    historyDigest: `digest${k}`,
  };
}

test('three shards merge into one report: stats summed, the divergence kept, JUnit with one suite per shard', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-merge-'));
  try {
    // Artifacts download as folders above the report folders.
    for (const k of [1, 2, 3]) await writeReport(path.join(root, `reports-shard-${k}`, shard(k, k === 2).runId), shard(k, k === 2));
    const out = path.join(root, 'merged');
    const dirs = [1, 2, 3].map((k) => path.join(root, `reports-shard-${k}`));
    const r = await cli('merge-reports', ...dirs, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('merged 3 reports: 36 runs, 600 ops, 1 divergences');
    expect(r.stdout).toContain('repro: npx c1z-parity repro --seed 77 --path 4:0 --preset default');
    const merged = JSON.parse(await fs.readFile(path.join(out, 'report.json'), 'utf8')) as RunReport;
    expect(merged).toMatchObject({ runId: 'merged-3-reports', seed: '9', preset: 'default', path: '4:0', ops: ['startNewSync', 'listGrants'] });
    // The largest store is the largest of any shard's, with that shard's run index.
    expect(merged.stats).toMatchObject({ runs: 36, ops: 600, seconds: 6, largestStore: 70_000, largestStoreRun: 8 });
    expect(merged.divergences).toHaveLength(1);
    const text = await fs.readFile(path.join(out, 'report.txt'), 'utf8');
    expect(text).toContain('largest store: 70000 records (run 8)');
    expect(text.trimEnd().split('\n').pop()).toBe('npx c1z-parity repro --seed 77 --path 4:0 --preset default');
    const junit = await fs.readFile(path.join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(3);
    expect(junit).toContain('<testsuites name="c1z-parity" tests="3" failures="1"');
    expect(await fs.readFile(path.join(out, 'report.html'), 'utf8')).toContain('<html');
    // Merging again into a folder it reads from does not count the merged report as an input.
    const again = await cli('merge-reports', root, '--out', out);
    expect(again.stdout).toContain('merged 3 reports');
    // Healthy shards merge with exit 0; a folder without reports is bad usage.
    const healthy = await cli('merge-reports', dirs[0] as string, dirs[2] as string, '--out', path.join(root, 'healthy'));
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain('merged 2 reports: 24 runs, 400 ops, 0 divergences');
    const empty = path.join(root, 'empty');
    await fs.mkdir(empty);
    expect((await cli('merge-reports', empty, '--out', path.join(root, 'x'))).code).toBe(2);
    await fs.writeFile(path.join(empty, 'report.json'), '{"runId": 1}');
    const bad = await cli('merge-reports', empty, '--out', path.join(root, 'x'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a report ("runId" missing or wrong)');
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});
