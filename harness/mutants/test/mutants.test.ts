/** Planning faults onto engines, the mutants table, and one real (fast) fault found and reduced deterministically. */
import { FAULTS } from '../../../engines/base/faults';
import { PRESETS } from '../../generator';
import { runSeed } from '../../runner/run-seed';
import { discover, isBigRun } from '../discover';
import { ALL_FAULTS, ANY_FAULT_ENGINE, MAX_REDUCED_OPS, mutantPassed, planFault, renderMutantTable, runMutant, type MutantResult } from '..';

describe('planFault', () => {
  test('puts a fault into its own engine only, the model first and healthy', () => {
    expect(planFault('principal-prefix-leak')).toMatchObject({ engines: ['memory', 'leveldb'], faults: { leveldb: ['principal-prefix-leak'] } });
    expect(planFault('default-target-oldest')).toMatchObject({ engines: ['memory', ANY_FAULT_ENGINE], faults: { [ANY_FAULT_ENGINE]: ['default-target-oldest'] } });
    expect(planFault('default-target-oldest', ['memory', 'sqlite', 'leveldb']).faults).toEqual({
      sqlite: ['default-target-oldest'],
      leveldb: ['default-target-oldest'],
    });
    expect(planFault('ifnewer-tie-written', ['memory', 'sqlite', 'leveldb']).faults).toEqual({ sqlite: ['ifnewer-tie-written'] });
  });

  test('refuses unknown faults, engines without the fault, and a list with no healthy engine', () => {
    expect(() => planFault('no-such-fault')).toThrow(/unknown fault/);
    expect(() => planFault('ifnewer-tie-written', ['memory', 'leveldb'])).toThrow(/not among/);
    expect(() => planFault('default-target-oldest', ['sqlite'])).toThrow(/healthy engine/);
  });

  test('every fault plans with the defaults, and no narrow preset is left for the self-test', () => {
    expect(ALL_FAULTS.length).toBeGreaterThanOrEqual(31);
    expect(ALL_FAULTS).toHaveLength(FAULTS.length);
    for (const f of FAULTS) expect(planFault(f.name).engines[0]).toBe('memory');
    expect(Object.keys(PRESETS).filter((name) => name.startsWith('mutants-'))).toEqual([]);
  });
});

const result = (over: Partial<MutantResult>): MutantResult => ({
  fault: 'f',
  engine: 'sqlite',
  appendix: 4,
  preset: 'default',
  found: true,
  seconds: 3.25,
  reduceSeconds: 1,
  runs: 2,
  opsRun: 40,
  foundOps: 20,
  reducedOps: 2,
  ...over,
});

describe('the table', () => {
  test('passes a fault found in time with a small case, and nothing else', () => {
    expect(mutantPassed(result({}), 60_000)).toBe(true);
    expect(mutantPassed(result({ found: false }), 60_000)).toBe(false);
    expect(mutantPassed(result({ seconds: 61 }), 60_000)).toBe(false);
    expect(mutantPassed(result({ reducedOps: MAX_REDUCED_OPS + 1 }), 60_000)).toBe(false);
  });

  test('renders one aligned row per fault and a tally', () => {
    const text = renderMutantTable([result({ fault: 'a-fault' }), result({ fault: 'b', found: false, appendix: 0, reducedOps: undefined as never })], 60_000);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\| fault +\| engine \| appendix \| found \| find s \| reduce s \| runs \| found ops \| reduced ops \|$/);
    expect(lines[2]).toMatch(/^\| a-fault \| sqlite \| 4 +\| yes +\| 3\.3 +\| 1\.0 +\| 2 +\| 20 +\| 2 +\|$/);
    expect(lines[3]).toMatch(/^\| b +\| sqlite \| - +\| NO +\|/);
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    expect(lines[4]).toBe('1/2 faults found within 60s with a reduced case of at most 12 ops');
    expect(lines[5]).toBe('median seconds to find 3.3, median reduced ops 2, median seconds to reduce 1.0 (faults found)');
  });
});

test('a fault is found in the run a second session finds it in, and reduced to a small case', async () => {
  const plan = planFault('delete-missing-grant-error');
  const found = await runMutant(plan, { seed: 1, timeMs: 60_000 });
  expect(found).toMatchObject({ found: true, engine: 'sqlite', preset: 'default' });
  expect(found.reducedOps).toBeLessThanOrEqual(MAX_REDUCED_OPS);
  expect(found.ops?.some((op) => op.startsWith('deleteGrant '))).toBe(true);
  const again = await discover(1, 'default', { engines: plan.engines, faults: plan.faults }, { engines: plan.engines }, 60_000, () => 0);
  expect(again.found?.runSeed).toBe(found.runSeed);
  expect(again.found?.ops.length).toBe(found.foundOps);
}, 60_000);

test('discovery leaves out the big runs of the default swarm only (seed 1 has one at run 59)', () => {
  const seeds = Array.from({ length: 600 }, (_, i) => runSeed(1, i));
  expect(seeds.filter((s) => isBigRun('default', s)).map((s) => seeds.indexOf(s))).toEqual([59]);
  expect(seeds.some((s) => isBigRun('cleanup', s))).toBe(false);
});
