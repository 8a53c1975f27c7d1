import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MetricsSnapshot } from '../../../engines/metrics';
import { parseExposition } from '../../../engines/metrics/test/parse-exposition';
import { cli, fixture } from '../test/cli-kit';
import { FIXTURE_SYNC, fixtureCopy } from './test/maintenance-stores';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-metrics-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('fuzz --metrics prints the per-engine table, writes metrics files, and changes no history', async () => {
  const reports = path.join(dir, 'reports');
  const measured = await cli('fuzz', '--runs', '3', '--seed', '11', '--metrics', '--report-dir', reports, '--no-save');
  expect(measured.code).toBe(0);
  const lines = measured.stdout.split('\n');
  const at = lines.indexOf('METRICS');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toMatch(/^engine\s+calls\s+errors\s+rows read\s+rows written\s+p50 ms\s+p95 ms\s+p99 ms\s+max ms\s+total ms$/);
  const rows = lines.slice(at + 2, at + 5).map((l) => l.split(/\s+/));
  expect(rows.map((r) => r[0])).toEqual(['memory', 'sqlite', 'leveldb']);
  // The engines run in lockstep: the same calls, errors and rows on each.
  expect(new Set(rows.map((r) => r.slice(1, 5).join(' '))).size).toBe(1);
  expect(Number(rows[0]![1])).toBeGreaterThan(20);
  expect(lines[at + 6]).toMatch(/^method\s+calls\s+memory p95\s+memory total ms\s+sqlite p95/);

  const [runDir] = await readdir(reports);
  const files = await readdir(path.join(reports, runDir!));
  expect(files).toEqual(expect.arrayContaining(['metrics.json', 'metrics.prom', 'metrics.txt', 'report.json']));
  const snapshot = JSON.parse(await readFile(path.join(reports, runDir!, 'metrics.json'), 'utf8')) as MetricsSnapshot;
  const families = parseExposition(await readFile(path.join(reports, runDir!, 'metrics.prom'), 'utf8'));
  for (const engine of ['memory', 'sqlite', 'leveldb']) {
    const calls = families.get('c1z_engine_calls_total')!.samples.filter((s) => s.labels['engine'] === engine).reduce((n, s) => n + s.value, 0);
    expect(calls).toBe(snapshot.engines[engine]!.calls);
  }

  const plain = await cli('fuzz', '--runs', '3', '--seed', '11', '--report-dir', reports, '--no-save', '--json');
  const digest = (JSON.parse(plain.stdout) as { historyDigest: string }).historyDigest;
  expect(measured.stdout).toContain(`historyDigest ${digest}`);
  expect(plain.stdout).not.toContain('"metrics"');
}, 60_000);

test('replay-c1z --metrics json puts per-engine loads and reads into the JSON summary', async () => {
  const r = await cli('replay-c1z', fixture('sync-in-progress.c1z'), '--engines', 'sqlite,leveldb', '--metrics', '--json');
  expect(r.code).toBe(0);
  const summary = JSON.parse(r.stdout) as { divergences: number; records: number; metrics: MetricsSnapshot };
  expect(summary.divergences).toBe(0);
  for (const engine of ['sqlite', 'leveldb']) {
    const e = summary.metrics.engines[engine]!;
    expect(e.methods['rawLoadSync']).toMatchObject({ calls: 1, rowsWritten: summary.records, outcomes: { ok: 1 } });
    expect(e.methods['listResources']!.rowsRead).toBeGreaterThan(0);
    expect(e.latency.p99Ms).toBeGreaterThanOrEqual(e.latency.p50Ms);
  }
});

test('stats --metrics shows the store’s own figures; prom output parses', async () => {
  const sync = FIXTURE_SYNC['small-unexpanded.c1z'] as string;
  for (const engine of ['sqlite', 'leveldb'] as const) {
    const store = await fixtureCopy('small-unexpanded.c1z', engine, dir);
    const json = JSON.parse((await cli('stats', store, '--sync', sync, '--json', '--metrics')).stdout) as { grants: number; metrics: MetricsSnapshot };
    expect(json.grants).toBe(2909);
    const e = json.metrics.engines[engine]!;
    expect(e.methods['stats']).toMatchObject({ calls: 1, outcomes: { ok: 1 } });
    expect(e.figures?.engine).toBe(engine);
    const table = await cli('stats', store, '--sync', sync, '--metrics');
    expect(table.stdout).toContain('ENGINE FIGURES');
    expect(table.stdout).toMatch(engine === 'sqlite' ? /page_count\s+\d+/ : /level_bytes\{level=\d\}\s+\d+/);
    const prom = await cli('stats', store, '--sync', sync, '--metrics', 'prom');
    const families = parseExposition(prom.stdout.slice(prom.stdout.indexOf('# HELP')));
    expect(families.get(engine === 'sqlite' ? 'c1z_sqlite_page_count' : 'c1z_leveldb_disk_bytes')!.samples[0]!.value).toBeGreaterThan(0);
  }
  expect(await cli('stats', fixture('sync-in-progress.c1z'), '--metrics', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('--metrics takes table, json or prom') as unknown });
});
