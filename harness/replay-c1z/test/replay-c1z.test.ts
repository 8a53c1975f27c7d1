import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { compressC1z, decompressC1z } from '../../../engines/c1z/container';
import { writeSynthC1z } from '../../dataset/synth';
import { cli, fixture } from '../../cli/test/cli-kit';
import { replayC1z } from '../replay';

const clock = (): number => 1_800_000_000_000_000;

describe('replay-c1z (streaming)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'replay-c1z-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['small-unexpanded.c1z', 'sync-in-progress.c1z'])('passes on the fixture %s', async (name) => {
    const r = await cli('replay-c1z', fixture(name));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 1 syncs, \d+ records, \d+ reads agree on memory, sqlite, leveldb/m);
  }, 120_000);

  it('compares chunk by chunk: a sync cut into parts still agrees, and every record is loaded once', async () => {
    const file = path.join(dir, 'chunks.c1z');
    await writeSynthC1z(file, { grants: 1500, syncs: 2, seed: 5 });
    const whole = await replayC1z(file, { engines: ['memory', 'sqlite', 'leveldb'], clock });
    const parts = await replayC1z(file, { engines: ['memory', 'sqlite', 'leveldb'], clock, chunkRecords: 700 });
    expect(whole.divergences).toEqual([]);
    expect(parts.divergences).toEqual([]);
    expect(parts.records).toBe(whole.records);
    expect(parts.histories['sqlite']?.some((l) => l.includes(' part 3 '))).toBe(true);
  }, 120_000);

  it('names the differing records when an engine answers a reader wrongly', async () => {
    const file = path.join(dir, 'fault.c1z');
    await writeSynthC1z(file, { grants: 1000, syncs: 1, seed: 2 });
    const r = await replayC1z(file, { engines: ['memory', 'sqlite'], clock, faults: { sqlite: ['grants-for-type-by-principal'] } });
    const d = r.divergences.find((x) => x.op.includes('listGrantsForResourceType'));
    expect(d).toBeDefined();
    expect(d?.engines).toEqual(['memory', 'sqlite']);
    // Only the differing records, not the whole answers.
    expect(JSON.stringify(d?.actual).length + JSON.stringify(d?.expected).length).toBeLessThan(200_000);
  }, 120_000);

  it('reports a filter column that disagrees with the data as a finding about the file (exit 1)', async () => {
    const good = path.join(dir, 'good.c1z');
    await writeSynthC1z(good, { grants: 300, syncs: 1, seed: 3 });
    const dbPath = path.join(dir, 'bad.db');
    await decompressC1z(good, dbPath);
    const db = new Database(dbPath);
    const row = db.prepare('SELECT external_id, principal_resource_id FROM v1_grants ORDER BY id LIMIT 1 OFFSET 17').get() as { external_id: string; principal_resource_id: string };
    db.prepare("UPDATE v1_grants SET principal_resource_id = 'u999999' WHERE external_id = ?").run(row.external_id);
    db.close();
    const bad = path.join(dir, 'bad.c1z');
    await compressC1z(dbPath, bad);
    const r = await cli('replay-c1z', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`finding: v1_grants row external_id=${JSON.stringify(row.external_id)}`);
    expect(r.stdout).toContain(`column principal_resource_id = "u999999" but the data says ${JSON.stringify(row.principal_resource_id)}`);
    expect(r.stdout).toMatch(/file: 1 of \d+ rows of .* have filter columns that disagree with their data/);
    const json = await cli('replay-c1z', bad, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ columnFindings: 1, findings: [{ table: 'v1_grants', column: 'principal_resource_id', columnValue: 'u999999' }] });
  }, 120_000);

  it('refuses a missing file with one line', async () => {
    const r = await cli('replay-c1z', path.join(dir, 'nothing.c1z'));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
