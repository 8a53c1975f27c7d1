/** The `mutants` verb: usage errors exit 2 before any fuzzing; a fast fault is found, reduced and reported as JSON. */
import { cli } from '../../cli/test/cli-kit';

describe('c1z-parity mutants', () => {
  test.each([
    [['--faults', 'no-such-fault'], /unknown fault "no-such-fault"/],
    [['--faults', 'ifnewer-tie-written', '--engines', 'memory,leveldb'], /not among memory,leveldb/],
    [['--time-per-fault', 'soon'], /--time-per-fault takes a duration/],
    [['--seed', '-1'], /--seed/],
  ])('%j is a usage error', async (args, message) => {
    const r = await cli('mutants', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('finds one fault, reduces it and prints one JSON object with its repro command', async () => {
    const r = await cli('mutants', '--faults', 'missing-asset-corruption', '--seed', '3', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { command: string; failed: string[]; results: { fault: string; found: boolean; reducedOps: number; ops: string[] }[] };
    expect(out.failed).toEqual([]);
    expect(out.command).toBe('npx c1z-parity mutants --faults missing-asset-corruption --time-per-fault 60s --seed 3');
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ fault: 'missing-asset-corruption', found: true });
    expect(out.results[0]?.reducedOps).toBeLessThanOrEqual(12);
    expect(out.results[0]?.ops.some((op) => op.startsWith('getAsset '))).toBe(true);
  }, 60_000);
});
