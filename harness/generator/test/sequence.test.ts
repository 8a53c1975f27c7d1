import fc from 'fast-check';
import { formatOps, OP_KINDS, type Op, type OpKind } from '../../ops';
import { opsArbitrary, PRESETS } from '..';

const PRESET_NAMES = Object.keys(PRESETS);

function sample(preset: string, seed: number, numRuns: number, maxOps?: number): Op[][] {
  return fc.sample(opsArbitrary(preset, maxOps === undefined ? {} : { maxOps }), { seed, numRuns });
}

describe('opsArbitrary', () => {
  test('the six presets of DESIGN exist, besides the narrow ones of the mutants self-test', () => {
    const general = PRESET_NAMES.filter((name) => !name.startsWith('mutants-'));
    expect(general.sort()).toEqual(['assets', 'big-batches', 'cleanup', 'default', 'lifecycle-heavy', 'paging']);
  });

  test.each(PRESET_NAMES)('%s is deterministic for a seed', (preset) => {
    const once = sample(preset, 1234, 25).map(formatOps).join('---\n');
    const twice = sample(preset, 1234, 25).map(formatOps).join('---\n');
    expect(twice).toBe(once);
    expect(sample(preset, 1235, 25).map(formatOps).join('---\n')).not.toBe(once);
  });

  test.each(PRESET_NAMES)('%s draws every op kind it weighs', (preset) => {
    const seen = new Set<OpKind>();
    for (const ops of sample(preset, 99, 400)) for (const op of ops) seen.add(op.kind);
    const weighed = OP_KINDS.filter((k) => (PRESETS[preset]?.weights[k] ?? 0) > 0);
    expect(weighed.filter((k) => !seen.has(k))).toEqual([]);
  });

  test('zero-weight kinds only appear as segment openers, closers or the reopen after a close', () => {
    const preset = PRESETS['paging'];
    if (preset === undefined) throw new Error('no paging preset');
    const allowed = new Set<OpKind>(['startNewSync', 'startSync', 'setCurrentSync', 'endSync', 'reopen']);
    for (const ops of sample('paging', 5, 200)) {
      for (const op of ops) if (preset.weights[op.kind] === 0) expect(allowed).toContain(op.kind);
    }
  });

  test('maxOps bounds the length, and lengths vary', () => {
    const lengths = sample('default', 3, 200, 25).map((ops) => ops.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(25);
    expect(new Set(lengths).size).toBeGreaterThan(10);
  });

  test('unknown presets are refused with the known names', () => {
    expect(() => opsArbitrary('nope')).toThrow(/unknown preset "nope"; known: default/);
  });

  test('most runs start a sync first, and grants mostly follow entitlements', () => {
    const runs = sample('default', 11, 300).filter((ops) => ops.length > 0);
    const starts = runs.filter((ops) => ['startNewSync', 'startSync', 'setCurrentSync'].includes(ops[0]?.kind ?? ''));
    expect(starts.length / runs.length).toBeGreaterThan(0.7);
    const ends = runs.filter((ops) => ops.some((op) => op.kind === 'endSync'));
    expect(ends.length / runs.length).toBeGreaterThan(0.7);
    let ordered = 0;
    let pairs = 0;
    for (const ops of runs) {
      const firstEnt = ops.findIndex((op) => op.kind === 'putEntitlements');
      const firstGrant = ops.findIndex((op) => op.kind === 'putGrants');
      if (firstEnt >= 0 && firstGrant >= 0) {
        pairs++;
        if (firstEnt < firstGrant) ordered++;
      }
    }
    // Unordered, entitlements would come first about 8 times in 20 (their weight against grants).
    expect(ordered / pairs).toBeGreaterThan(0.5);
  });

  test('ops are deeply frozen plain objects', () => {
    for (const ops of sample('default', 8, 20)) {
      for (const op of ops) {
        expect(Object.isFrozen(op)).toBe(true);
        expect(Object.getPrototypeOf(op)).toBe(Object.prototype);
      }
    }
  });

  test('the big-batches preset draws batches of thousands, some poisoned', () => {
    const batches = sample('big-batches', 21, 100)
      .flat()
      .flatMap((op) => ('source' in op && 'batch' in op.source ? [op.source.batch] : []));
    expect(batches.some((b) => b.n >= 5000)).toBe(true);
    expect(batches.some((b) => b.poison)).toBe(true);
    expect(batches.some((b) => !b.poison)).toBe(true);
  });

  test('the lifecycle-heavy preset jumps the clock across the resume window', () => {
    const steps = new Set(
      sample('lifecycle-heavy', 4, 200)
        .flat()
        .flatMap((op) => (op.kind === 'clock' && op.mode === 'step' ? [op.micros] : [])),
    );
    const week = 7 * 24 * 3600 * 1_000_000;
    for (const s of [0, -1, week - 1, week, week + 1]) expect(steps).toContain(s);
  });

  test('shrinking reaches a minimal failing sequence', () => {
    const result = fc.check(
      fc.property(opsArbitrary('default'), (ops) => !ops.some((op) => op.kind === 'putGrants' && 'items' in op.source && op.source.items.length > 1)),
      { seed: 17, numRuns: 500 },
    );
    expect(result.failed).toBe(true);
    const minimal = result.counterexample?.[0] ?? [];
    expect(formatOps(minimal).trim().split('\n')).toHaveLength(1);
  });
});
