/** `reduce <case-dir>`: a noisy diverging case shrinks to the ops that matter, with short ids; a passing one exits 1. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reduceCase } from '../../cli/commands/reduce';
import { cli } from '../../cli/test/cli-kit';
import { formatOps, parseOps } from '../../ops';
import { runOps } from '../../runner/run-ops';
import { loadCase, saveCase } from '../../corpus';
import { captureIo } from './capture-io';
import { dropLastGrantOf, NOISY_DIVERGING_OPS } from '../../corpus/test/broken-reader';

const wrap = dropLastGrantOf('leveldb');
const engines = ['memory', 'leveldb'] as const;

test('a twelve-op case reduces to its three ops, written to --out with its meta', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-reduce-'));
  try {
    const ops = parseOps(NOISY_DIVERGING_OPS);
    const divergence = (await runOps(ops, { engines, wrap })).divergences[0] ?? null;
    const meta = { engines, seed: 7, path: '1:2', preset: 'default', versions: {}, date: 'then', why: 'found', expect: 'diverges' as const, divergence };
    const saved = await saveCase(root, { ops, meta });
    const out = path.join(root, 'reduced-case');
    const { io, stdout } = captureIo();
    expect(await reduceCase(io, saved.dir, { out, maxMs: 60_000, wrap })).toBe(0);
    expect(stdout()).toMatch(/^reduced result-mismatch-listGrantsForPrincipal-\w+: 12 -> 3 ops in [\d.]+s \(\d+ replays\)\n/);
    const reduced = await loadCase(out);
    expect(formatOps(reduced.ops)).toBe(
      'startNewSync\nputGrants [g1 ent=[e1 res=group/g1] principal=user/u1] [g2 ent=[e1 res=group/g1] principal=user/u1]\nlistGrantsForPrincipal user/u1\n',
    );
    expect(reduced.meta).toMatchObject({ name: 'reduced-case', seed: 7, path: '1:2', expect: 'diverges', why: 'found (reduced from 12 ops)' });
    expect(reduced.meta.divergence?.op).toBe('listGrantsForPrincipal user/u1');
    // Without the broken engine there is nothing to reduce.
    const r = await cli('reduce', out, '--time', '10s');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('does not diverge');
    expect((await cli('reduce', out, '--time', 'soon')).code).toBe(2);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}, 60_000);
