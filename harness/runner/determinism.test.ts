/** The same seed gives the same session, byte for byte: the history digest of two sessions is equal. */
import { fuzz, type FuzzOptions } from './fuzz';

function options(seed: number): FuzzOptions {
  const started = performance.now();
  return { seed, preset: 'default', engines: ['memory', 'sqlite', 'leveldb'], runs: 3, elapsedMs: () => performance.now() - started };
}

test('two sessions of one seed print the same history digest; another seed prints another', async () => {
  const a = await fuzz(options(20261125));
  const b = await fuzz(options(20261125));
  const c = await fuzz({ ...options(20261126), runs: 1 });
  expect(a.divergences).toEqual([]);
  expect(a.runs).toBe(3);
  expect(a.ops).toBeGreaterThan(0);
  expect(b.historyDigest).toBe(a.historyDigest);
  expect(b.ops).toBe(a.ops);
  // The largest store is part of the run, so it replays too.
  expect(a.largestStore.records).toBeGreaterThan(0);
  expect(b.largestStore).toEqual(a.largestStore);
  expect(c.historyDigest).not.toBe(a.historyDigest);
}, 180_000);
