/**
 * From a fuzz failure to a corpus case: a session on a deliberately broken engine fails, the failure is reduced and
 * saved, and the saved case replays alone: diverging with the broken engine, passing on healthy ones.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fuzz } from '../../runner/fuzz';
import { loadCase, replayCase, saveFailure } from '..';
import { dropLastGrantOf } from './broken-reader';

test('a failing session is reduced, saved as a case, and the case replays without the generator', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-save-failure-'));
  try {
    const wrap = dropLastGrantOf('leveldb');
    const engines = ['memory', 'leveldb'] as const;
    const started = performance.now();
    const result = await fuzz({ seed: 4, preset: 'default', engines, runs: 30, maxOps: 20, wrap, elapsedMs: () => performance.now() - started, shrinkMs: 3_000 });
    const failure = result.failure;
    if (failure === undefined) throw new Error('the broken engine was not found');
    const saved = await saveFailure(failure, { corpusDir: root, preset: 'default', engines, maxOps: 20, wrap, reduceMs: 15_000, date: '2026-11-25T00:00:00.000Z' });
    expect(saved.created).toBe(true);
    expect(saved.ops.length).toBeLessThanOrEqual(saved.shrunkOps);
    const c = await loadCase(saved.dir);
    expect(c.meta).toMatchObject({ expect: 'diverges', seed: failure.runSeed, path: failure.path, preset: 'default', engines: ['memory', 'leveldb'], maxOps: 20 });
    expect(c.meta.divergence?.op).toMatch(/listGrantsForPrincipal/);
    expect(c.ops).toEqual(saved.ops);
    const broken = await replayCase(c, { wrap });
    expect(broken.outcome).toBe('diverges');
    expect(broken.matches).toBe(true);
    const healthy = await replayCase(c);
    expect(healthy.outcome).toBe('pass');
    expect(healthy.matches).toBe(false);
    expect(healthy.report.repro).toBe(`npx c1z-parity repro ${saved.dir}`);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}, 120_000);
