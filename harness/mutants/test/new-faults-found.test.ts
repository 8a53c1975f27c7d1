/**
 * The faults added for the swarm (issue 10) are found by the default swarm alone, with no per-fault preset: the
 * first diverging run of seed 1 is found and reduced to a small case (the two found within a few runs; `mutants`
 * measures every fault, see the README).
 */
import { MAX_REDUCED_OPS, planFault, runMutant } from '..';

const QUICK: readonly string[] = ['sync-index-little-endian', 'stats-ignores-view'];

test.each(QUICK)('%s is found by the default swarm and reduced to a small case', async (fault) => {
  const result = await runMutant(planFault(fault), { seed: 1, timeMs: 60_000, reduceMs: 20_000 });
  expect(result).toMatchObject({ found: true, preset: 'default' });
  expect(result.reducedOps).toBeLessThanOrEqual(MAX_REDUCED_OPS);
}, 120_000);
