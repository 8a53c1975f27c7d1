/** Corpus cases on disk: save and load round trip, deterministic names, one save per case, and clear errors. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Divergence } from '../../../engines/compare';
import { formatOps, parseOps } from '../../ops';
import { CorpusError, caseName, listCases, loadCase, saveCase, type CaseMeta } from '..';

const divergence: Divergence = {
  code: 'result-mismatch',
  opIndex: 2,
  op: 'listGrantsForPrincipal user/u1',
  engines: ['memory', 'leveldb'],
  expected: { items: [{ id: 'g1' }, { id: 'g2' }] },
  actual: { items: [{ id: 'g1' }] },
};

const meta: Omit<CaseMeta, 'name'> = {
  why: 'found by fuzz',
  expect: 'diverges',
  engines: ['memory', 'leveldb'],
  seed: 12345,
  path: '3:1:0',
  preset: 'default',
  versions: { node: '20.20.2' },
  divergence,
  date: '2026-11-25T12:00:00.000Z',
};

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-corpus-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

test('a saved case loads back with the same ops and meta, under a name derived from its divergence', async () => {
  const ops = parseOps('startNewSync\nputGrants [g1 ent=[e1 res=group/g1] principal=user/"u 1"]\nlistGrantsForPrincipal user/"u 1"\n');
  const saved = await saveCase(root, { ops, meta });
  expect(saved.created).toBe(true);
  expect(saved.name).toBe(caseName(divergence, formatOps(ops)));
  expect(saved.name).toMatch(/^result-mismatch-listGrantsForPrincipal-[0-9a-f]{8}$/);
  const loaded = await loadCase(saved.dir);
  expect(loaded.ops).toEqual(ops);
  expect(loaded.meta).toEqual({ name: saved.name, ...meta });
  const text = await fs.readFile(path.join(saved.dir, 'ops'), 'utf8');
  expect(text.split('\n')[0]).toBe(`# c1z-parity corpus case ${saved.name}`);
  expect(text).toContain(formatOps(ops));
  // The same case again is not written twice.
  expect(await saveCase(root, { ops, meta: { ...meta, date: 'later' } })).toEqual({ dir: saved.dir, name: saved.name, created: false });
  expect((await loadCase(saved.dir)).meta.date).toBe(meta.date);
  expect(await listCases(root)).toEqual([saved.dir]);
});

test('names differ with the ops and stay put across saves', () => {
  const a = caseName(divergence, 'startNewSync\n');
  expect(caseName(divergence, 'startNewSync\n')).toBe(a);
  expect(caseName(divergence, 'startSync\n')).not.toBe(a);
  expect(caseName({ ...divergence, op: 'endSync [snapshot]' }, 'x')).toMatch(/^result-mismatch-snapshot-/);
});

test('a case without a divergence needs a name; bad names and bad meta are CorpusErrors naming the field', async () => {
  const ops = parseOps('startSync\n');
  await expect(saveCase(root, { ops, meta: { ...meta, divergence: null, expect: 'pass' } })).rejects.toThrow(CorpusError);
  await expect(saveCase(root, { ops, meta, name: '../escape' })).rejects.toThrow(/case name/);
  const saved = await saveCase(root, { ops, meta: { ...meta, divergence: null, expect: 'pass' }, name: 'spec-start' });
  const metaFile = path.join(saved.dir, 'meta.json');
  const data = JSON.parse(await fs.readFile(metaFile, 'utf8')) as Record<string, unknown>;
  await fs.writeFile(metaFile, JSON.stringify({ ...data, expect: 'maybe' }));
  await expect(loadCase(saved.dir)).rejects.toThrow(/"expect" must be "pass" or "diverges"/);
  await fs.writeFile(metaFile, JSON.stringify({ ...data, engines: ['memory', 'oracle'] }));
  await expect(loadCase(saved.dir)).rejects.toThrow(/"engines"/);
  await fs.writeFile(metaFile, '{ not json');
  await expect(loadCase(saved.dir)).rejects.toThrow(CorpusError);
  await fs.writeFile(path.join(saved.dir, 'ops'), 'startSync\nnoSuchOp\n');
  await expect(loadCase(saved.dir)).rejects.toThrow(/line 2/);
  await expect(loadCase(path.join(root, 'absent'))).rejects.toMatchObject({ missing: true });
  await expect(listCases(path.join(root, 'absent'))).rejects.toThrow(/no such corpus folder/);
});
