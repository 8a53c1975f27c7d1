/** The run shape of the default swarm: its share over many seeds, a pure function of the seed, and what each shape draws. */
import fc from 'fast-check';
import { drawRunShape, opsArbitrary, PRESETS, RESUME_WINDOW_MICROS, RUN_SHAPE_PCT, shapedPreset, swarmConfig, type RunShape } from '..';
import { formatOps, type Op } from '../../ops';
import { runSeed } from '../../runner/run-seed';

const DEFAULT = PRESETS['default'];
if (DEFAULT === undefined) throw new Error('no default preset');
const SEEDS = Array.from({ length: 2000 }, (_, i) => runSeed(1, i));
const W = RESUME_WINDOW_MICROS;

function firstValue(seed: number): Op[] {
  return fc.sample(opsArbitrary('default', { swarmSeed: seed }), { seed, numRuns: 1 })[0] ?? [];
}

function seedsOf(shape: RunShape, count: number): number[] {
  return SEEDS.filter((s) => drawRunShape(s) === shape).slice(0, count);
}

describe('drawRunShape', () => {
  test('the shares over 2,000 run seeds are near 50, 32 and 18 percent', () => {
    const counts: Record<string, number> = {};
    for (const s of SEEDS) counts[drawRunShape(s)] = (counts[drawRunShape(s)] ?? 0) + 1;
    for (const shape of Object.keys(RUN_SHAPE_PCT) as RunShape[]) {
      expect(Math.abs((counts[shape] ?? 0) / SEEDS.length - RUN_SHAPE_PCT[shape] / 100)).toBeLessThan(0.04);
    }
    expect(Object.values(RUN_SHAPE_PCT).reduce((a, b) => a + b, 0)).toBe(100);
  });

  test('is a pure function of the seed, and so are the shaped configuration and ops', () => {
    for (const s of SEEDS.slice(0, 50)) {
      expect(drawRunShape(s)).toBe(drawRunShape(s));
      expect(JSON.stringify(swarmConfig(DEFAULT, s))).toBe(JSON.stringify(swarmConfig(DEFAULT, s)));
    }
    for (const s of [...seedsOf('lifecycle', 3), ...seedsOf('resume', 3)]) expect(formatOps(firstValue(s))).toBe(formatOps(firstValue(s)));
  });

  test('only the default swarm shapes its runs; a named bias and a classic run keep the preset the swarm drew', () => {
    for (const s of SEEDS.slice(0, 100)) {
      expect(swarmConfig(DEFAULT, s).shape).toBe(drawRunShape(s));
      expect(swarmConfig(PRESETS['cleanup'] ?? DEFAULT, s).shape).toBe('classic');
    }
    expect(shapedPreset('classic', DEFAULT, 1)).toBe(DEFAULT);
    for (const s of seedsOf('classic', 20)) expect(swarmConfig(DEFAULT, s).preset.segment.minSegments).toBeUndefined();
  });
});

describe('lifecycle runs', () => {
  const seeds = seedsOf('lifecycle', 60);

  test('start at least minSegments syncs, keep their bodies to sync contents, and clone only what they read back', () => {
    let whole = 0;
    for (const s of seeds) {
      const { preset } = swarmConfig(DEFAULT, s);
      const min = preset.segment.minSegments ?? 1;
      expect(min).toBeGreaterThanOrEqual(3);
      expect(preset.segment.interludePct).toBeGreaterThanOrEqual(80);
      expect(preset.weights.viewSync + preset.weights.cleanup + preset.weights.generateSyncDiff + preset.weights.cloneSync).toBe(0);
      const ops = firstValue(s);
      const openers = ops.filter((op) => op.kind === 'startNewSync' || op.kind === 'startSync' || op.kind === 'setCurrentSync');
      if (preset.segment.openPct === 100) expect(openers.length).toBeGreaterThanOrEqual(min);
      // Every clone is read back, unless the run's length cut the interlude short.
      const cut = ops.length >= preset.maxOps ? ops.length - 2 * preset.segment.maxInterlude : ops.length;
      ops.forEach((op, i) => {
        if (op.kind === 'cloneSync' && i < cut) expect(ops.slice(i).some((o) => o.kind === 'readClone' && o.destination === op.destination)).toBe(true);
      });
      if (ops.some((op) => ['viewSync', 'cleanup', 'generateSyncDiff', 'cloneSync'].includes(op.kind))) whole += 1;
    }
    expect(whole / seeds.length).toBeGreaterThan(0.8);
  });
});

describe('resume runs', () => {
  const seeds = seedsOf('resume', 60);

  test('step or set the clock to within a microsecond of the resume window, and leave syncs unfinished', () => {
    const edge = (micros: number) => [W - 1, W, W + 1].includes(micros);
    for (const s of seeds) {
      const { values, segment } = swarmConfig(DEFAULT, s).preset;
      expect(values.clockSteps.some(edge)).toBe(true);
      expect(segment.endPct).toBeLessThanOrEqual(35);
      expect(segment.abandonPct).toBeGreaterThanOrEqual(60);
    }
    const stepped = seeds.filter((s) => firstValue(s).some((op) => op.kind === 'clock' && op.mode === 'step' && edge(op.micros)));
    expect(stepped.length / seeds.length).toBeGreaterThan(0.5);
  });
});
