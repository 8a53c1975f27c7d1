import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine, EngineFactory } from '../../../models/contract/api';
import { StorageError } from '../../../models/contract/errors';
import { leveldbFactory } from '../../leveldb';
import { sqliteFactory } from '../../sqlite';
import { teeFactory } from '../../tee';
import { asRawStore, copySyncs } from '../../base/transfer';
import { dropMemoryStore, memoryFactory } from '../../../models/reference';
import { EngineMetrics } from '../engine-metrics';
import { withMetrics } from '../with-metrics';
import { FakeTimer, grant, testOptions } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'c1z-metrics-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(factory: EngineFactory, name: string): Promise<Engine> {
  const location = factory.locationIn(dir, name);
  dropMemoryStore(location);
  return factory.open(location, testOptions());
}

/** The same short sequence on any engine: a sync with three grants, reads, a missing get and a write with no sync. */
async function exercise(engine: Engine): Promise<string[]> {
  const seen: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      const v = await fn();
      seen.push(`${what} ok ${JSON.stringify(v === undefined ? null : v).length}`);
    } catch (err) {
      seen.push(`${what} ${(err as StorageError).code}`);
    }
  };
  await attempt('put without sync', () => engine.putGrants([grant('g0')]));
  await attempt('start', () => engine.startNewSync());
  await attempt('put', () => engine.putGrants([grant('g1'), grant('g2', 'u2'), grant('g3', 'u3')]));
  await attempt('end', () => engine.endSync());
  await attempt('list', () => engine.listGrants({ pageSize: 2 }));
  await attempt('get', () => engine.getGrant('g2'));
  await attempt('get missing', () => engine.getGrant('nope'));
  await attempt('bad page size', () => engine.listGrants({ pageSize: -1 }));
  return seen;
}

describe('withMetrics', () => {
  test.each([
    ['memory', memoryFactory],
    ['sqlite', sqliteFactory],
    ['leveldb', leveldbFactory],
  ] as const)('%s: results unchanged; calls counted by method and outcome; rows and latencies kept', async (name, factory) => {
    const plain = await open(factory, 'plain');
    const expected = await exercise(plain);
    await plain.close();

    const metrics = new EngineMetrics();
    const timer = new FakeTimer();
    const inner = await open(factory, 'measured');
    const engine = withMetrics(inner, { metrics, now: timer.now });
    expect(engine.name).toBe(name);
    expect(engine.supports).toBe(inner.supports);
    expect(engine.dirty).toBe(false);
    expect(await exercise(engine)).toEqual(expected);
    expect(engine.dirty).toBe(true);
    await engine.close();
    expect(engine.closed).toBe(true);
    await expect(engine.close()).rejects.toMatchObject({ code: 'CLOSED' });

    const e = metrics.snapshot().engines[name]!;
    expect(e.methods['putGrants']).toMatchObject({ calls: 2, outcomes: { FAILED_PRECONDITION: 1, ok: 1 }, rowsWritten: 3 });
    expect(e.methods['listGrants']).toMatchObject({ calls: 2, outcomes: { INVALID_ARGUMENT: 1, ok: 1 }, rowsRead: 2 });
    expect(e.methods['getGrant']).toMatchObject({ calls: 2, outcomes: { NOT_FOUND: 1, ok: 1 }, rowsRead: 1 });
    expect(e.methods['close']).toMatchObject({ calls: 2, outcomes: { CLOSED: 1, ok: 1 } });
    expect(e.calls).toBe(10);
    expect(e.errors).toBe(4);
    expect(e.latency.count).toBe(10);
  });

  test('latencies come from the injected timer, per method', async () => {
    const metrics = new EngineMetrics();
    const timer = new FakeTimer();
    const inner = await open(memoryFactory, 'timed');
    // A stand-in engine whose stats take 40 ms and whose getSync takes 2 ms of the fake timer.
    const slowish = new Proxy(inner, {
      get(target, prop) {
        const v: unknown = Reflect.get(target, prop, target);
        if (prop === 'stats') return async () => ((timer.ms += 40), target.stats());
        if (prop === 'getSync') return async (id: string) => ((timer.ms += 2), target.getSync(id));
        return typeof v === 'function' ? (v as () => unknown).bind(target) : v;
      },
    });
    const engine = withMetrics(slowish, { metrics, now: timer.now, label: 'mem#1' });
    for (let i = 0; i < 4; i++) await engine.stats();
    await expect(engine.getSync('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const e = metrics.snapshot().engines['mem#1']!;
    expect(e.methods['stats']!.latency).toMatchObject({ count: 4, totalMs: 160, minMs: 40, maxMs: 40 });
    expect(e.methods['getSync']!.latency).toMatchObject({ count: 1, totalMs: 2 });
    expect(e.latency).toMatchObject({ count: 5, maxMs: 40, minMs: 2, totalMs: 162 });
    await engine.close();
  });

  test('bulk access passes through and is measured; an engine without it stays without it', async () => {
    const metrics = new EngineMetrics();
    const src = withMetrics(await open(sqliteFactory, 'src'), { metrics, label: 'src' });
    await src.startNewSync();
    await src.putGrants([grant('g1'), grant('g2')]);
    await src.putAsset('a1', 'text/plain', Buffer.from('hi'));
    await src.endSync();
    const dst = withMetrics(await open(leveldbFactory, 'dst'), { metrics, label: 'dst' });
    const copied = await copySyncs(asRawStore(src), asRawStore(dst));
    expect(copied).toEqual({ syncs: 1, records: 3 });
    const snap = metrics.snapshot().engines;
    expect(snap['src']!.methods['rawRecords']).toMatchObject({ calls: 1, rowsRead: 3, outcomes: { ok: 1 } });
    expect(snap['dst']!.methods['rawLoadSync']).toMatchObject({ calls: 1, rowsWritten: 3, outcomes: { ok: 1 } });
    await expect(asRawStore(dst).rawLoadSync((await dst.listSyncRuns()).items[0]!, (async function* () {})())).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(metrics.snapshot().engines['dst']!.methods['rawLoadSync']!.outcomes).toEqual({ INVALID_ARGUMENT: 1, ok: 1 });
    await src.close();
    await dst.close();

    const bare = { name: 'bare' } as unknown as Engine;
    expect(() => asRawStore(withMetrics(bare, { metrics }))).toThrow(/no bulk access/);
  });

  test('a tee is measured like any engine, and its members report their figures', async () => {
    const metrics = new EngineMetrics();
    const tee = await teeFactory([sqliteFactory, leveldbFactory], () => undefined).open(path.join(dir, 'tee'), testOptions());
    const engine = withMetrics(tee, { metrics });
    await engine.startNewSync();
    await engine.putGrants([grant('g1')]);
    await engine.endSync();
    expect((await engine.listGrants()).items).toHaveLength(1);
    await metrics.collectFigures('tee', engine);
    await engine.close();
    const snap = metrics.snapshot().engines;
    expect(snap['tee']).toMatchObject({ calls: 5, errors: 0, rowsRead: 1, rowsWritten: 1 });
    expect(snap['tee/sqlite#0']!.figures!.engine).toBe('sqlite');
    expect(snap['tee/leveldb#1']!.figures!.engine).toBe('leveldb');
  });

  test('without a collector or a slow log the engine itself is returned', async () => {
    const engine = await open(memoryFactory, 'off');
    expect(withMetrics(engine, {})).toBe(engine);
    await engine.close();
  });
});
