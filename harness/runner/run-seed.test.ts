import { parseShard, runSeed, shardRunIndex } from './run-seed';

test('run seeds are deterministic, distinct per index and in fast-check range', () => {
  const seeds = Array.from({ length: 1000 }, (_, i) => runSeed(42, i));
  expect(seeds).toEqual(Array.from({ length: 1000 }, (_, i) => runSeed(42, i)));
  expect(new Set(seeds).size).toBe(1000);
  for (const s of seeds) expect(s >= 0 && s <= 0x7fffffff && Number.isInteger(s)).toBe(true);
  expect(runSeed(43, 0)).not.toBe(runSeed(42, 0));
});

test('shards partition the run indices without overlap', () => {
  const n = 4;
  const seen = new Set<number>();
  for (let k = 1; k <= n; k += 1) for (let j = 0; j < 25; j += 1) seen.add(shardRunIndex({ k, n }, j));
  expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  expect(parseShard('3/16')).toEqual({ k: 3, n: 16 });
  for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2', '']) expect(() => parseShard(bad)).toThrow(/--shard/);
});
