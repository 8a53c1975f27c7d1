/**
 * Expected results in a case's ops file (`=> <result>` under an op): a spec-* case whose expected result is edited
 * fails replay and repro, although every engine still agrees with the others; `repro --update-expected` writes the
 * model's results back, and the case passes again.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reproCase } from '../../cli/commands/repro';
import { replayCorpus } from '../../cli/commands/replay';
import { loadCase, replayCase } from '..';
import { captureIo } from '../../cli/test/capture-io';

const SOURCE = path.join(__dirname, '..', '..', '..', 'corpus', 'spec-stats-resource-type-keys');
/** The op line whose expected result the test edits, and the result SPEC §4 gives it. */
const OP = 'putResourceTypes [user] [group]\n=> null\nstats\n';
const RIGHT = '=> {"assets":0,"entitlements":0,"grants":0,"resourceTypes":2,"resources":3,"resourcesByType":{"group":0,"user":2}}';
const WRONG = '=> {"assets":0,"entitlements":0,"grants":0,"resourceTypes":2,"resources":3,"resourcesByType":{"group":0,"role":1,"user":2}}';

let root: string;
let dir: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'c1z-expected-'));
  dir = path.join(root, 'spec-stats-resource-type-keys');
  await fs.mkdir(dir);
  for (const file of ['ops', 'meta.json']) await fs.copyFile(path.join(SOURCE, file), path.join(dir, file));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function editExpected(from: string, to: string): Promise<void> {
  const file = path.join(dir, 'ops');
  const text = await fs.readFile(file, 'utf8');
  expect(text).toContain(`${OP}${from}\n`);
  await fs.writeFile(file, text.replace(`${OP}${from}\n`, `${OP}${to}\n`), 'utf8');
}

test('the curated case holds its expected results, written by hand from SPEC §4', async () => {
  const replay = await replayCase(await loadCase(dir));
  expect(replay.outcome).toBe('pass');
  expect(replay.case.expected.filter((e) => e !== undefined)).toHaveLength(replay.case.ops.length);
  expect(replay.case.expected[5]).toBe(RIGHT.slice(3));
});

test('an edited expected result fails the case although every engine agrees', async () => {
  await editExpected(RIGHT, WRONG);
  const replay = await replayCase(await loadCase(dir));
  expect(replay.result.divergences).toEqual([]);
  expect(replay.outcome).toBe('diverges');
  expect(replay.matches).toBe(false);
  expect(replay.expectedMismatches).toHaveLength(1);
  expect(replay.expectedMismatches[0]).toMatchObject({ code: 'expected-result', opIndex: 5, op: 'stats', engines: ['ops file', 'memory'] });

  const replayOut = captureIo();
  expect(await replayCorpus(replayOut.io, root)).toBe(1);
  expect(replayOut.stdout()).toContain('FAIL spec-stats-resource-type-keys  expect pass, got diverges');
  expect(replayOut.stdout()).toContain('expected-result at #5 stats [ops file vs memory]');
  expect(replayOut.stdout()).toContain('-    "role": 1,');

  const reproOut = captureIo();
  expect(await reproCase(reproOut.io, dir)).toBe(1);
  expect(reproOut.stdout()).toContain(`  expected  ${WRONG.slice(3)}  <- MISMATCH`);
  expect(reproOut.stdout()).toContain('EXPECTED RESULT MISMATCH expected-result at #5 stats [ops file vs memory]');
});

test('repro --update-expected writes the model results back, keeping comments, and the case passes again', async () => {
  await editExpected(RIGHT, WRONG);
  const before = await fs.readFile(path.join(dir, 'ops'), 'utf8');
  const { io, stdout } = captureIo();
  expect(await reproCase(io, dir, { updateExpected: true })).toBe(0);
  expect(stdout()).toContain('wrote 13 expected results (from memory)');
  const after = await fs.readFile(path.join(dir, 'ops'), 'utf8');
  expect(after).toBe(before.replace(WRONG, RIGHT));
  expect((await replayCase(await loadCase(dir))).outcome).toBe('pass');
});
