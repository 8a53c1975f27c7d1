import { LatencyHistogram } from '../latency-histogram';

describe('LatencyHistogram', () => {
  test('percentiles fall within one bucket (about 9%) of the exact ones', () => {
    const h = new LatencyHistogram();
    // 1..1000 ms, once each: exact p50 = 500, p95 = 950, p99 = 990.
    for (let i = 1; i <= 1000; i++) h.record(i);
    const s = h.summary();
    expect(s.count).toBe(1000);
    expect(s.totalMs).toBe(500_500);
    expect(s.minMs).toBe(1);
    expect(s.maxMs).toBe(1000);
    for (const [got, exact] of [
      [s.p50Ms, 500],
      [s.p95Ms, 950],
      [s.p99Ms, 990],
    ] as const) {
      expect(got).toBeGreaterThanOrEqual(exact);
      expect(got).toBeLessThanOrEqual(exact * 1.1);
    }
  });

  test('a skewed distribution shows its tail', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 990; i++) h.record(0.05);
    for (let i = 0; i < 10; i++) h.record(700);
    const s = h.summary();
    expect(s.p50Ms).toBeLessThan(0.06);
    expect(s.p95Ms).toBeLessThan(0.06);
    expect(s.p99Ms).toBeLessThan(0.06);
    expect(s.maxMs).toBe(700);
    h.record(700);
    expect(h.summary().p99Ms).toBeGreaterThan(600);
  });

  test('empty, zero and merged histograms', () => {
    const empty = new LatencyHistogram();
    expect(empty.summary()).toEqual({ count: 0, totalMs: 0, minMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });
    const a = new LatencyHistogram();
    a.record(0);
    a.record(-1);
    expect(a.summary().maxMs).toBe(0);
    const b = new LatencyHistogram();
    b.record(10);
    a.merge(b);
    expect(a.summary()).toMatchObject({ count: 3, totalMs: 10, minMs: 0, maxMs: 10 });
    expect(a.percentile(1)).toBe(10);
  });
});
