/** The reducer on pure predicates (no engine runs): op removal, id renaming, batch and argument shrinking. */
import { formatOps, parseOps, type Op } from '../../ops';
import { reduceOps } from '../reduce';

/** True when some putGrants lists a grant that a later deleteGrant names (whatever the id). */
async function putThenDelete(ops: readonly Op[]): Promise<boolean> {
  const put = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'putGrants' && 'items' in op.source) for (const g of op.source.items) put.add(g.id);
    if (op.kind === 'deleteGrant' && op.id !== 'g7' && put.has(op.id)) return true;
  }
  return false;
}

/** Fifty ops: the two that matter (odd ids) among filler, with a decoy delete before the put. */
function fiftyOps(): Op[] {
  const filler = (i: number) =>
    [
      `putGrants [g${i} ent=[e${i} res=group/g1] principal=user/u${i}]`,
      `getGrant g${i}`,
      'clock step 1000',
      `listGrantsForPrincipal user/u${i} size=2`,
      'deleteGrant g7',
    ][i % 5] as string;
  const lines = Array.from({ length: 47 }, (_, i) => filler(i));
  lines.splice(10, 0, 'deleteGrant "grant \\u{1F600} one"');
  lines.splice(20, 0, 'putGrants [g3 ent=[member res=group/g1] principal=user/u1] ["grant \\u{1F600} one" ent=["ent:very:long" res=user/"u1 "] principal=user/"u1 "] ifNewer');
  lines.splice(40, 0, 'deleteGrant "grant \\u{1F600} one"');
  return parseOps(lines.join('\n'));
}

test('two ops that matter among fifty reduce to exactly those two, with short ids', async () => {
  const ops = fiftyOps();
  expect(ops).toHaveLength(50);
  let checks = 0;
  const reduced = await reduceOps(ops, putThenDelete, { onDone: (s) => (checks = s.checks) });
  expect(formatOps(reduced)).toBe('putGrants [g1 ent=[e1 res=user/r1] principal=user/r1]\ndeleteGrant g1\n');
  expect(checks).toBeLessThan(200);
  // Deterministic: the same input reduces to the same text.
  expect(formatOps(await reduceOps(ops, putThenDelete))).toBe(formatOps(reduced));
});

test('ids whose exact text the divergence needs keep it; the others are renamed', async () => {
  const ops = parseOps('putGrants [g1 ent=[member res=group/"g 1"] principal=user/"u\\u0001"]\nlistGrants\n');
  const needsOddPrincipal = async (c: readonly Op[]) =>
    c.some((op) => op.kind === 'putGrants' && 'items' in op.source && op.source.items.some((g) => g.principal.id.resource === 'u\u0001'));
  const reduced = await reduceOps(ops, needsOddPrincipal);
  expect(formatOps(reduced)).toBe('putGrants [g1 ent=[member res=group/r1] principal=user/"u\\u0001"]\n');
});

test('invalid ids are never renamed', async () => {
  const ops = parseOps('deleteGrant ""\ngetGrant "a\\u0000"\n');
  const reduced = await reduceOps(ops, async (c) => c.length === 2);
  expect(formatOps(reduced)).toBe('deleteGrant ""\ngetGrant "a\\u0000"\n');
});

test('a seeded batch shrinks, is expanded into items, and loses every item but the one needed', async () => {
  const ops = parseOps('startNewSync\nputGrants @batch(seed=5,n=400,pool=unique)\nendSync\n');
  const needsBg3 = async (c: readonly Op[]) =>
    c.some((op) => op.kind === 'putGrants' && ('batch' in op.source ? op.source.batch.n > 3 : op.source.items.some((g) => g.id === 'bg3')));
  const reduced = await reduceOps(ops, needsBg3);
  expect(reduced).toHaveLength(1);
  const text = formatOps(reduced);
  expect(text).toMatch(/^putGrants \[bg3 ent=\[\S+ res=\S+\] principal=\S+\]\n$/);
});

test('optional arguments the divergence does not need are left out', async () => {
  const ops = parseOps('listGrants resource=group/g1 sync=s0001 size=2 token=foreign\ncheckpointSync @text(seed=1,size=5000)\n');
  const needsForeignToken = async (c: readonly Op[]) => c.some((op) => op.kind === 'listGrants' && op.pageToken !== undefined && 'symbol' in op.pageToken);
  expect(formatOps(await reduceOps(ops, needsForeignToken))).toBe('listGrants token=foreign\n');
  const needsCheckpoint = async (c: readonly Op[]) => c.some((op) => op.kind === 'checkpointSync');
  expect(formatOps(await reduceOps(ops, needsCheckpoint))).toBe('checkpointSync t\n');
});

test('sequences that do not diverge, and a spent budget, leave the ops as they are', async () => {
  const ops = fiftyOps();
  expect(await reduceOps(ops, async () => false)).toEqual(ops);
  let t = 0;
  const reduced = await reduceOps(ops, putThenDelete, { maxMs: 10, now: () => (t += 5) });
  expect(reduced.length).toBeGreaterThan(2);
  expect(await putThenDelete(reduced)).toBe(true);
});

test('a candidate still running when the budget runs out is stopped there, so a reduction ends on time', async () => {
  // A fake clock that moves 10 ms per op the candidate runs; without the stop a candidate would never end.
  let clock = 0;
  const endless = async (_ops: readonly Op[], stopNow?: () => boolean): Promise<boolean> => {
    for (;;) {
      if (stopNow?.() === true) return false;
      clock += 10;
      await Promise.resolve();
    }
  };
  const ops = fiftyOps();
  const reduced = await reduceOps(ops, endless, { maxMs: 1_000, now: () => clock });
  expect(formatOps(reduced)).toBe(formatOps(ops));
  expect(clock).toBeLessThanOrEqual(1_010);
});
