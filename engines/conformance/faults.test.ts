/** The fault table is well formed, and engines refuse fault names they do not have before opening anything. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineFactory, EngineOptions } from '../../models/contract/api';
import { isStorageError } from '../../models/contract/errors';
import { FAULTS, activeFaults, faultSpec } from '../base/faults';
import { leveldbFactory } from '../leveldb';
import { sqliteFactory } from '../sqlite';

const options = (faults: readonly string[]): EngineOptions => ({ clock: () => 1_700_000_000_000_000, newSyncId: () => 's1', faults });

async function openCode(factory: EngineFactory, location: string, faults: readonly string[]): Promise<string> {
  try {
    const engine = await factory.open(location, options(faults));
    await engine.close();
    return 'ok';
  } catch (err) {
    return isStorageError(err) ? err.code : `not a StorageError: ${String(err)}`;
  }
}

describe('the fault table', () => {
  test('has at least 14 faults with unique names, a known engine and an appendix class of SPEC', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
    for (const f of FAULTS) {
      expect(['sqlite', 'leveldb', 'any']).toContain(f.engine);
      expect(f.appendix).toBeGreaterThanOrEqual(0);
      expect(f.appendix).toBeLessThanOrEqual(14);
      expect(f.description.length).toBeGreaterThan(10);
      expect(faultSpec(f.name)).toBe(f);
    }
  });

  test('names no fault active when none or an empty list is given', () => {
    expect(activeFaults(undefined, 'sqlite')).toBeUndefined();
    expect(activeFaults([], 'leveldb')).toBeUndefined();
    expect([...(activeFaults(['default-target-oldest', 'principal-prefix-leak'], 'leveldb') ?? [])]).toEqual(['default-target-oldest', 'principal-prefix-leak']);
  });
});

describe('opening with faults', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faults-test-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test.each([
    ['sqlite', sqliteFactory],
    ['leveldb', leveldbFactory],
  ] as const)('%s: an unknown fault or one of another engine is INVALID_ARGUMENT, and nothing is created', async (name, factory) => {
    const other = name === 'sqlite' ? 'principal-prefix-leak' : 'ifnewer-tie-written';
    for (const faults of [['no-such-fault'], [other], ['default-target-oldest', '']]) {
      const location = factory.locationIn(dir, `bad-${faults.length}-${faults[0] ?? ''}`);
      expect(await openCode(factory, location, faults)).toBe('INVALID_ARGUMENT');
      await expect(fs.stat(location)).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });

  test.each([
    ['sqlite', sqliteFactory],
    ['leveldb', leveldbFactory],
  ] as const)('%s: opens with its own faults and with the abstract engine ones', async (name, factory) => {
    const own = FAULTS.filter((f) => f.engine === name || f.engine === 'any').map((f) => f.name);
    expect(await openCode(factory, factory.locationIn(dir, 'good'), own)).toBe('ok');
  });
});
