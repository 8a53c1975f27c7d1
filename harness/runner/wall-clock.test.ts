/**
 * `--time` is wall-clock time: runs start while the budget lasts (checked before each run), a run still going when
 * it runs out is abandoned (checked before each op; neither counted nor digested), and the runs a timed session
 * completed replay exactly with `--runs N` (the same digest).
 */
import { fuzz, type FuzzOptions } from './fuzz';

const base = { seed: 424242, preset: 'default', engines: ['memory', 'sqlite'] } as const;

test('a time budget stops starting runs once the wall clock passes it, and --runs N replays the same digest', async () => {
  // A fake wall clock that moves 400 ms per run: runs start at 0, 400 and 800 ms, not at 1200 ms.
  let runsDone = 0;
  const timed: FuzzOptions = { ...base, engines: [...base.engines], timeMs: 1000, elapsedMs: () => runsDone * 400, onProgress: (p) => (runsDone = p.runs) };
  const a = await fuzz(timed);
  expect(a.runs).toBe(3);
  const started = performance.now();
  const b = await fuzz({ ...base, engines: [...base.engines], runs: a.runs, elapsedMs: () => performance.now() - started });
  expect(b.runs).toBe(3);
  expect(b.historyDigest).toBe(a.historyDigest);
  expect(b.ops).toBe(a.ops);
}, 120_000);

test('a real one-second budget ends soon after one second', async () => {
  const started = performance.now();
  const r = await fuzz({ ...base, engines: [...base.engines], timeMs: 1000, elapsedMs: () => performance.now() - started });
  expect(r.runs).toBeGreaterThanOrEqual(1);
  expect(r.elapsedMs).toBeGreaterThanOrEqual(1000);
  // The last run started before the budget ran out; runs are short (at most a few seconds on a loaded machine).
  expect(r.elapsedMs).toBeLessThan(30_000);
}, 120_000);

test('a run still going when the budget runs out is abandoned, and --runs N replays the runs completed', async () => {
  // A fake wall clock that moves 1 ms every time it is read (about once per op): the budget runs out inside a run.
  let tick = 0;
  const a = await fuzz({ ...base, engines: [...base.engines], timeMs: 150, elapsedMs: () => tick++ });
  expect(a.abandonedRun).toBe(a.runs);
  const started = performance.now();
  const b = await fuzz({ ...base, engines: [...base.engines], runs: a.runs, elapsedMs: () => performance.now() - started });
  expect(b.historyDigest).toBe(a.historyDigest);
  expect(b.ops).toBe(a.ops);
}, 120_000);
