import { dropMemoryStore, memoryFactory } from '../../../models/reference';
import { EngineMetrics } from '../engine-metrics';
import { withMetrics } from '../with-metrics';
import { FakeTimer, grant, testOptions } from './helpers';
import { parseExposition } from './parse-exposition';

describe('Prometheus exposition', () => {
  afterEach(() => dropMemoryStore('prom-test'));

  test('prom-client output parses back and agrees with the snapshot', async () => {
    const metrics = new EngineMetrics();
    const timer = new FakeTimer();
    const inner = await memoryFactory.open('prom-test', testOptions());
    const engine = withMetrics(inner, { metrics, now: timer.now, label: 'memory "quoted"\\x' });
    await engine.startNewSync();
    timer.ms += 3; // the clock moves between calls only: every call lasts 0 ms
    await engine.putGrants([grant('g1'), grant('g2')]);
    await engine.putGrants([grant('g3')]);
    await expect(engine.getGrant('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.listGrants();
    metrics.setFigures('memory "quoted"\\x', { engine: 'model', figures: [{ name: 'records', help: 'records held', value: 3 }, { name: 'bytes', help: 'bytes per kind', value: 12.5, labels: { kind: 'grant' } }] });
    await engine.close();

    const families = parseExposition(await metrics.prometheus());
    const calls = families.get('c1z_engine_calls_total')!;
    expect(calls.type).toBe('counter');
    const label = 'memory "quoted"\\x';
    const callsOf = (method: string, outcome: string): number | undefined =>
      calls.samples.find((s) => s.labels['engine'] === label && s.labels['method'] === method && s.labels['outcome'] === outcome)?.value;
    expect(callsOf('putGrants', 'ok')).toBe(2);
    expect(callsOf('getGrant', 'NOT_FOUND')).toBe(1);
    expect(callsOf('close', 'ok')).toBe(1);
    const total = calls.samples.reduce((n, s) => n + s.value, 0);
    expect(total).toBe(metrics.snapshot().engines[label]!.calls);

    const duration = families.get('c1z_engine_call_duration_seconds')!;
    expect(duration.type).toBe('histogram');
    const putCount = duration.samples.find((s) => s.name.endsWith('_count') && s.labels['method'] === 'putGrants');
    expect(putCount?.value).toBe(2);

    const written = families.get('c1z_engine_rows_written_total')!;
    expect(written.samples).toEqual([{ name: 'c1z_engine_rows_written_total', labels: { engine: label, method: 'putGrants' }, value: 3 }]);
    expect(families.get('c1z_engine_rows_read_total')!.samples[0]).toMatchObject({ labels: { method: 'listGrants' }, value: 3 });

    expect(families.get('c1z_model_records')!.samples).toEqual([{ name: 'c1z_model_records', labels: { engine: label }, value: 3 }]);
    expect(families.get('c1z_model_bytes')).toMatchObject({ type: 'gauge', help: 'bytes per kind', samples: [{ labels: { engine: label, kind: 'grant' }, value: 12.5 }] });
  });

  test('durations land in the right buckets, with sum and count', async () => {
    const metrics = new EngineMetrics();
    const timer = new FakeTimer();
    const inner = await memoryFactory.open('prom-test', testOptions());
    const slow = new Proxy(inner, {
      get(target, prop) {
        const v: unknown = Reflect.get(target, prop, target);
        if (prop === 'stats') return async () => ((timer.ms += 40), target.stats());
        if (prop === 'getSync') return async (id: string) => ((timer.ms += 0.3), target.getSync(id));
        return typeof v === 'function' ? (v as () => unknown).bind(target) : v;
      },
    });
    const engine = withMetrics(slow, { metrics, now: timer.now });
    for (let i = 0; i < 4; i++) await engine.stats();
    await expect(engine.getSync('x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const h = parseExposition(await metrics.prometheus()).get('c1z_engine_call_duration_seconds')!;
    const at = (method: string, le: string): number | undefined => h.samples.find((s) => s.labels['method'] === method && s.labels['le'] === le)?.value;
    expect([at('stats', '0.025'), at('stats', '0.05'), at('stats', '+Inf')]).toEqual([0, 4, 4]);
    expect([at('getSync', '0.00025'), at('getSync', '0.0005'), at('getSync', '+Inf')]).toEqual([0, 1, 1]);
    const sum = h.samples.find((s) => s.name.endsWith('_sum') && s.labels['method'] === 'stats')!;
    expect(sum.value).toBeCloseTo(0.16, 9);
    expect(h.samples.find((s) => s.name.endsWith('_count') && s.labels['method'] === 'getSync')).toMatchObject({ labels: { outcome: 'NOT_FOUND' }, value: 1 });
    await engine.close();
  });

  test('the reader rejects what is not the format', () => {
    expect(() => parseExposition('# TYPE a counter\na{x="1} 1\n')).toThrow(/bad labels|bad sample/);
    expect(() => parseExposition('# TYPE a counter\nb 1\n')).toThrow(/outside its family/);
    expect(() => parseExposition('# TYPE a counter\na one\n')).toThrow(/bad/);
    expect(() => parseExposition('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n')).toThrow(/cumulative/);
    expect(() => parseExposition('# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\n')).toThrow(/\+Inf/);
  });
});
