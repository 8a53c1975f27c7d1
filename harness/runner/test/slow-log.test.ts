import type { Engine } from '../../../models/contract/api';
import { dropMemoryStore, memoryFactory } from '../../../models/reference';
import { parseOps } from '../../../harness/ops';
import { runOps } from '../../../harness/runner/run-ops';
import { EngineMetrics } from '../../../engines/metrics/engine-metrics';
import { metricsWrapper } from '../../../engines/metrics/metrics-wrapper';
import { createSlowLogger } from '../../../engines/metrics/slow-log';
import { withMetrics } from '../../../engines/metrics/with-metrics';
import { FakeTimer, grant, LineSink, testOptions } from '../../../engines/metrics/test/helpers';

/** Makes the named methods of `engine` take `ms` more of `timer`'s time (or of real time, with `real`). */
function delayed(engine: Engine, methods: readonly string[], ms: number, timer?: FakeTimer): Engine {
  return new Proxy(engine, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      const fn = (v as (...a: unknown[]) => Promise<unknown>).bind(target);
      if (typeof prop !== 'string' || !methods.includes(prop)) return fn;
      return async (...args: unknown[]) => {
        if (timer) timer.ms += ms;
        else await new Promise((resolve) => setTimeout(resolve, ms));
        return fn(...args);
      };
    },
  });
}

describe('slow-operation log', () => {
  afterEach(() => dropMemoryStore('slow-test'));

  test('a call over the threshold is one line with method, summarised args, sync, rows and ms; a fast one is not logged', async () => {
    const sink = new LineSink();
    const timer = new FakeTimer();
    const inner = await memoryFactory.open('slow-test', testOptions());
    const engine = withMetrics(delayed(inner, ['listGrantsForEntitlement', 'putGrants'], 600, timer), {
      slowLog: { logger: createSlowLogger(sink, { timestamp: false }) },
      now: timer.now,
      label: 'memory',
    });
    const syncId = await engine.startNewSync();
    const big = Array.from({ length: 50 }, (_, i) => grant(`g${i}`, `u${i}`));
    await engine.putGrants(big, { ifNewer: true });
    await engine.endSync();
    await engine.getGrant('g1'); // fast: not logged
    const page = await engine.listGrantsForEntitlement({ entitlementId: 'e1', principalResourceTypeIds: ['user'], pageSize: 20, syncId });
    expect(page.items).toHaveLength(20);
    await expect(engine.listGrantsForEntitlement({ entitlementId: '', pageSize: 5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    const lines = sink.json();
    expect(lines).toEqual([
      {
        level: 40,
        name: 'c1z-parity',
        msg: 'slow call',
        engine: 'memory',
        method: 'putGrants',
        args: { items: 50, ids: ['g0', 'g1', 'g2'], ifNewer: true },
        sync: syncId,
        rowsRead: 0,
        rowsWritten: 50,
        outcome: 'ok',
        ms: 600,
      },
      {
        level: 40,
        name: 'c1z-parity',
        msg: 'slow call',
        engine: 'memory',
        method: 'listGrantsForEntitlement',
        args: { syncId, entitlementId: 'e1', principalResourceTypeIds: ['user'], pageSize: 20 },
        sync: syncId,
        rowsRead: 20,
        rowsWritten: 0,
        outcome: 'ok',
        ms: 600,
      },
      {
        level: 40,
        name: 'c1z-parity',
        msg: 'slow call',
        engine: 'memory',
        method: 'listGrantsForEntitlement',
        args: { entitlementId: '', pageSize: 5 },
        sync: 'default',
        rowsRead: 0,
        rowsWritten: 0,
        outcome: 'INVALID_ARGUMENT',
        ms: 600,
      },
    ]);
    // Never whole records: no principal or entitlement of a grant appears.
    expect(sink.lines.join('\n')).not.toMatch(/principal"|resourceType|"u1"/);
    await engine.close();
  });

  test('the threshold is inclusive and configurable; long ids and tokens are cut', async () => {
    const sink = new LineSink();
    const timer = new FakeTimer();
    const inner = await memoryFactory.open('slow-test', testOptions());
    const engine = withMetrics(delayed(inner, ['checkpointSync', 'getGrant'], 50, timer), {
      slowLog: { logger: createSlowLogger(sink, { timestamp: false }), thresholdMs: 50 },
      now: timer.now,
    });
    await engine.startNewSync();
    await engine.checkpointSync('x'.repeat(100_000));
    await expect(engine.getGrant('y'.repeat(1000))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [checkpoint, get] = sink.json();
    expect(checkpoint).toMatchObject({ method: 'checkpointSync', args: { tokenChars: 100_000 }, sync: 's1', ms: 50 });
    expect(String((get!['args'] as { id: string }).id)).toMatch(/^y{120}…\(1000 chars\)$/);
    expect(sink.lines.every((l) => l.length < 600)).toBe(true);
    await engine.close();
  });

  test('in a run, the metrics hook logs the engine made slow on purpose, and only its slow calls', async () => {
    const sink = new LineSink();
    const metrics = new EngineMetrics();
    const ops = parseOps(['startNewSync', 'putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u2]', 'endSync', 'listGrants'].join('\n'));
    const result = await runOps(ops, {
      engines: ['memory', 'sqlite'],
      // Real time this once: the sqlite engine's putGrants waits 300 ms before running.
      wrap: (name, engine) => (name === 'sqlite' ? delayed(engine, ['putGrants'], 300) : engine),
      metrics: metricsWrapper(metrics, { logger: createSlowLogger(sink), thresholdMs: 250 }),
    });
    expect(result.divergences).toEqual([]);
    const lines = sink.json();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'slow call', engine: 'sqlite', method: 'putGrants', args: { items: 2, ids: ['g1', 'g2'] }, rowsWritten: 2, outcome: 'ok' });
    expect(lines[0]!['sync']).toMatch(/\S/);
    expect(lines[0]!['ms']).toBeGreaterThanOrEqual(250);
    expect(typeof lines[0]!['time']).toBe('string');
    const snap = metrics.snapshot().engines;
    expect(snap['sqlite']!.methods['putGrants']!.latency.maxMs).toBeGreaterThanOrEqual(250);
    expect(snap['memory']!.methods['putGrants']!.latency.maxMs).toBeLessThan(250);
  });
});
