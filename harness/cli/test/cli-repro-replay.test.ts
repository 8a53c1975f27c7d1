/**
 * `repro <case-dir>` and `replay <corpus-dir>`: a case that diverges on a deliberately broken engine exits 1 and
 * prints the diff; on healthy engines it exits 0 and says how to mark it fixed; replay judges every case by its
 * `expect`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reproCase } from '../../cli/commands/repro';
import { replayCorpus } from '../../cli/commands/replay';
import { cli } from '../../cli/test/cli-kit';
import { parseOps } from '../../ops';
import { runOps } from '../../runner/run-ops';
import { saveCase } from '../../corpus';
import { captureIo } from './capture-io';
import { DIVERGING_OPS, dropLastGrantOf } from '../../corpus/test/broken-reader';

const wrap = dropLastGrantOf('leveldb');
const engines = ['memory', 'leveldb'] as const;
let root: string;
let found: string;
let spec: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-repro-'));
  const ops = parseOps(DIVERGING_OPS);
  const divergence = (await runOps(ops, { engines, wrap })).divergences[0] ?? null;
  const common = { engines, seed: null, path: null, preset: null, versions: {}, date: '2026-11-25T00:00:00.000Z' };
  found = (await saveCase(root, { ops, meta: { ...common, why: 'found with a broken reader', expect: 'diverges', divergence } })).dir;
  spec = (await saveCase(root, { ops, meta: { ...common, why: 'the same ops as a curated case', expect: 'pass', divergence: null }, name: 'spec-two-grants' })).dir;
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

test('repro of a case that diverges prints every op per engine and the diff, and exits 1', async () => {
  const { io, stdout } = captureIo();
  expect(await reproCase(io, found, { wrap })).toBe(1);
  const text = stdout();
  expect(text).toMatch(/^case result-mismatch-listGrantsForPrincipal-[0-9a-f]{8} \(expect diverges\): found with a broken reader\n/);
  expect(text).toContain('#2 listGrantsForPrincipal user/u1\n  memory ');
  expect(text).toContain('DIVERGENCE result-mismatch at #2 listGrantsForPrincipal user/u1 [memory vs leveldb]');
  expect(text).toContain('--- memory (expected)\n+++ leveldb (actual)');
});

test('repro of a case whose bug is gone exits 0 and says to flip expect; the CLI runs it in seconds', async () => {
  const started = performance.now();
  const r = await cli('repro', found);
  const ms = performance.now() - started;
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('no divergence: 3 ops agree on memory, leveldb');
  expect(r.stdout).toContain(`set "expect": "pass" in ${path.join(found, 'meta.json')}`);
  expect(ms).toBeLessThan(5000);
  expect((await cli('repro', spec, '--engines', 'memory,sqlite,leveldb')).code).toBe(0);
});

test('repro replays a case with the faults it was found with, through the CLI, and exits 1', async () => {
  const ops = parseOps('startNewSync\nputGrants [g1 ent=[e1 res=role/r1] principal=user/u1] [g2 ent=[e1 res=role/r1] principal=user/u10]\n');
  const meta = { engines: ['memory', 'leveldb'] as const, seed: null, path: null, preset: null, versions: {}, date: 'then', why: 'a mutant', expect: 'diverges' as const };
  const faults = { leveldb: ['principal-prefix-leak'] };
  const divergence = (await runOps(ops, { engines: meta.engines, faults })).divergences[0] ?? null;
  expect(divergence?.detail).toMatch(/listGrantsForPrincipal user\/u1: lists a record outside its filter/);
  const saved = await saveCase(root, { ops, meta: { ...meta, faults, divergence } });
  const r = await cli('repro', saved.dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('with injected faults: leveldb=principal-prefix-leak\n');
  expect(r.stdout).toContain('DIVERGENCE invariant at #2 end of run [snapshot] [leveldb vs leveldb]');
  await fs.rm(saved.dir, { recursive: true });
});

test('repro refuses a case folder with --seed, and a folder that is not a case', async () => {
  expect((await cli('repro', found, '--seed', '1')).code).toBe(2);
  const r = await cli('repro', path.join(root, 'absent'));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/absent.ops: missing/);
});

test('replay judges every case by its expect and exits 1 when one changed', async () => {
  const healthy = await cli('replay', root);
  expect(healthy.code).toBe(1);
  expect(healthy.stdout).toMatch(/^FAIL result-mismatch-listGrantsForPrincipal-\w+ {2}expect diverges, got pass/m);
  expect(healthy.stdout).toMatch(/^ok {3}spec-two-grants {2}expect pass, got pass/m);
  expect(healthy.stdout).toContain('2 cases: 1 as expected, 1 changed, 0 unreadable');
  const { io, stdout } = captureIo();
  expect(await replayCorpus(io, root, { wrap })).toBe(1);
  expect(stdout()).toMatch(/^ok {3}result-mismatch-listGrantsForPrincipal-\w+ {2}expect diverges, got diverges/m);
  expect(stdout()).toMatch(/^FAIL spec-two-grants {2}expect pass, got diverges/m);
  expect(stdout()).toContain('     --- memory (expected)');
  expect(stdout()).toContain(`     repro: npx c1z-parity repro ${spec}`);
  const metaFile = path.join(found, 'meta.json');
  const meta = JSON.parse(await fs.readFile(metaFile, 'utf8')) as Record<string, unknown>;
  await fs.writeFile(metaFile, JSON.stringify({ ...meta, expect: 'pass' }));
  expect((await cli('replay', root)).code).toBe(0);
  expect((await cli('replay', path.join(root, 'absent'))).code).toBe(2);
});
