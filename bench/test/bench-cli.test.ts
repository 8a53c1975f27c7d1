import { cliWith } from '../../harness/cli/test/cli-kit';
import { BENCH_VERBS } from '../verbs';

const cli = cliWith(BENCH_VERBS);

describe('c1z-parity bench: option errors exit 2 before any work', () => {
  it.each([
    [['--scale', 'huge'], /--scale takes tiny, small, medium, large/],
    [['--only', 'put-grants,nope'], /unknown workload "nope"/],
    [['--engines', 'sqlite,postgres'], /--engines takes sqlite, leveldb or both/],
    [['--reps', '0'], /--reps must be a whole number >= 1/],
  ])('bench %j', async (args, message) => {
    const run = await cli('bench', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('lists the verb and its options in the help', async () => {
    const run = await cli('bench', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--scale <name>/);
    expect(run.stdout).toMatch(/--cpu-prof-dir <dir>/);
  });
});
