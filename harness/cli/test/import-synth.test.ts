import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sqliteFactory } from '../../../engines/sqlite';
import { asRawStore } from '../../../engines/base/transfer';
import { writeSynthC1z } from '../../dataset/synth';
import { cli } from './cli-kit';

/** Every sync run and record of a c1z as sorted text lines (bytes as hex). */
async function contents(file: string): Promise<string[]> {
  const store = asRawStore(await sqliteFactory.open(file, { clock: () => 0, newSyncId: () => 'x' }));
  try {
    const lines: string[] = [];
    for (const run of await store.rawSyncRuns()) {
      lines.push(`run ${JSON.stringify(run)}`);
      const records: string[] = [];
      for await (const r of store.rawRecords(run.id)) {
        records.push(`${run.id} ${r.kind} ${r.id} ${r.discoveredAt} ${r.contentType ?? ''} ${Buffer.from(r.data).toString('hex')}`);
      }
      lines.push(...records.sort());
    }
    return lines;
  } finally {
    await store.close();
  }
}

test('a synth file imported into LevelDB exports back to the same syncs and records', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-synth-'));
  try {
    const file = path.join(dir, 'synth.c1z');
    await writeSynthC1z(file, { grants: 800, syncs: 3, seed: 11 });
    const imported = await cli('import', file, '--engine', 'leveldb', '--out', path.join(dir, 'store'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported 3 syncs, \d+ records/);
    const exported = await cli('export', path.join(dir, 'store'), '--out', path.join(dir, 'back.c1z'));
    expect(exported.code).toBe(0);
    const [want, got] = [await contents(file), await contents(path.join(dir, 'back.c1z'))];
    expect(want.length).toBeGreaterThan(3 * 800);
    expect(got).toEqual(want);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
