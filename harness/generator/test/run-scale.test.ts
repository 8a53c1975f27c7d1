/**
 * Run scale: a pure function of the run's seed; a few runs long, a rare one big (growth syncs carry its store past
 * 10^5 records in the first half of the run); long runs keep the whole-store kinds; named presets are not scaled.
 */
import fc from 'fast-check';
import { makeOp } from '../../ops/make-op';
import type { Op } from '../../ops/types';
import { GROWTH_GRANTS, LONG_RUN_OPS, longRunWeights, runScale, withGrowth, BIG_RUNS_PERMILLE, LONG_RUNS_PERMILLE } from '../run-scale';
import { growthRecords } from '../growth';
import { PRESETS } from '../presets';
import { opsArbitrary } from '../sequence';

const SEEDS = Array.from({ length: 20_000 }, (_, i) => i * 7919 + 13);

test('the scale is a pure function of the seed', () => {
  for (const seed of SEEDS.slice(0, 200)) expect(runScale(seed)).toEqual(runScale(seed));
});

test('about 1% of runs are long and 0.2% big, every big run grows its store past 10^5 records', () => {
  const scales = SEEDS.map(runScale);
  const long = scales.filter((s) => s.kind !== 'short').length / SEEDS.length;
  const big = scales.filter((s) => s.kind === 'big');
  expect(long).toBeGreaterThan((LONG_RUNS_PERMILLE * 0.8) / 1000);
  expect(long).toBeLessThan((LONG_RUNS_PERMILLE * 1.2) / 1000);
  expect(big.length / SEEDS.length).toBeGreaterThan((BIG_RUNS_PERMILLE * 0.5) / 1000);
  expect(big.length / SEEDS.length).toBeLessThan((BIG_RUNS_PERMILLE * 1.7) / 1000);
  for (const s of scales.filter((x) => x.kind !== 'short')) expect(LONG_RUN_OPS).toContain(s.maxOps);
  for (const s of big) {
    expect(s.growth.length).toBeGreaterThanOrEqual(2);
    for (const g of s.growth) {
      expect(g.at).toBeGreaterThanOrEqual(0);
      expect(g.at).toBeLessThan(0.5);
    }
    const grants = s.growth.map((g) => g.ops.find((op) => op.kind === 'putGrants'));
    const records = grants.reduce((sum, op) => sum + growthRecords(op !== undefined && 'batch' in op.source ? op.source.batch.n : 0), 0);
    expect(records).toBeGreaterThan(100_000);
    for (const op of grants) expect(GROWTH_GRANTS).toContain(op !== undefined && 'batch' in op.source ? op.source.batch.n : 0);
  }
});

test('long runs keep every whole-store kind at 1/40 of the weight at least', () => {
  const weights = { ...PRESETS.default!.weights, reopen: 0, cleanup: 0, compact: 0, verify: 0 };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const scaled = longRunWeights(weights);
  for (const kind of ['reopen', 'cleanup', 'compact', 'verify', 'endSync', 'startNewSync'] as const) {
    expect(scaled[kind]).toBeGreaterThanOrEqual(Math.round(total / 40));
  }
});

test('growth syncs go in before the segment at their fraction of the run', () => {
  const seg = (i: number): Op[] => [makeOp({ kind: 'clock', mode: 'step', micros: i })];
  const growthOps = [makeOp({ kind: 'endSync' })];
  const out = withGrowth([seg(0), seg(1), seg(2), seg(3)], { kind: 'big', maxOps: 400, growth: [{ at: 0.25, ops: growthOps }, { at: 0.49, ops: growthOps }] });
  // Both land before segment 1 of 4 (floor(0.25 * 4) = floor(0.49 * 4) = 1), in their order.
  expect(out.map((s) => s[0]?.kind)).toEqual(['clock', 'endSync', 'endSync', 'clock', 'clock', 'clock']);
});

test('the default swarm draws long and big runs; a named preset never does', () => {
  const bigSeed = SEEDS.find((s) => runScale(s).kind === 'big')!;
  const longSeed = SEEDS.find((s) => runScale(s).kind === 'long')!;
  const [bigRun] = fc.sample(opsArbitrary('default', { swarmSeed: bigSeed }), { seed: bigSeed, numRuns: 1 });
  const batches = (bigRun ?? []).flatMap((op) => (op.kind === 'putGrants' && 'batch' in op.source ? [op.source.batch.n] : []));
  expect(batches.filter((n) => GROWTH_GRANTS.includes(n)).length).toBeGreaterThanOrEqual(1);
  expect((bigRun ?? []).length).toBeLessThanOrEqual(runScale(bigSeed).maxOps!);
  const [longRun] = fc.sample(opsArbitrary('default', { swarmSeed: longSeed }), { seed: longSeed, numRuns: 1 });
  expect((longRun ?? []).length).toBeGreaterThan(160);
  const named = Object.keys(PRESETS).find((p) => p !== 'default' && PRESETS[p]?.swarm !== 'full');
  if (named !== undefined) {
    const [run] = fc.sample(opsArbitrary(named, { swarmSeed: longSeed }), { seed: longSeed, numRuns: 1 });
    expect((run ?? []).length).toBeLessThanOrEqual(PRESETS[named]!.maxOps);
  }
});
