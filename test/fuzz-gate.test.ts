/**
 * CI gate, part 2: a fixed-seed fuzz budget on every preset and all three engines. The runs are a pure function of
 * the seed, so a red build replays exactly with the repro line at the end of the printed report. Sized (see
 * RUNS) to take about three minutes on a 2-core machine beside the rest of the suite (193 s in a fresh clone's CI;
 * the default preset's 30 runs include three long runs, 4, 14 and 25); `npm test` as a whole stays under ten.
 */
import { PRESETS } from '../harness/generator';
import { renderText } from '../harness/report';
import { DEFAULT_ENGINES } from '../engines/registry/engine-registry';
import { fuzz } from '../harness/runner/fuzz';
import { sessionReport } from '../harness/runner/session-report';

/** The gate's session seed: fixed, so CI runs the same sequences every time. */
const SEED = 20261125;

/**
 * Runs per general preset (the mutants-* presets belong to `c1z-parity mutants`); a big-batches run costs about
 * four times as much as the others.
 */
const RUNS: Readonly<Record<string, number>> = { default: 30, 'lifecycle-heavy': 30, paging: 30, cleanup: 30, 'big-batches': 10, assets: 30 };

test('every gated preset exists', () => {
  for (const preset of Object.keys(RUNS)) expect(PRESETS).toHaveProperty([preset]);
});

describe.each(Object.keys(RUNS))('fuzz gate, preset %s', (preset) => {
  test(`seed ${SEED}: no divergence on ${DEFAULT_ENGINES.join(', ')}`, async () => {
    const started = performance.now();
    const engines = [...DEFAULT_ENGINES];
    const result = await fuzz({ seed: SEED, preset, engines, runs: RUNS[preset] ?? 10, elapsedMs: () => performance.now() - started, shrinkMs: 60_000 });
    if (result.failure !== undefined) {
      const report = sessionReport({ runId: `fuzz-gate-${preset}`, seed: SEED, preset, engines }, result);
      throw new Error(`fuzz gate: preset ${preset} diverged\n\n${renderText(report)}`);
    }
    expect(result.runs).toBe(RUNS[preset]);
  }, 600_000);
});
