/** Dropping whole syncs with the sync ids named after them renamed, on pure predicates (no engine runs). */
import { formatOps, parseOps, type Op } from '../../ops';
import { nthSyncId } from '../../runner/sync-ids';
import { mapSyncIds, withoutSync } from '../drop-syncs';
import { reduceOps } from '../reduce';

/**
 * True when a diff names two syncs that exist by then and each put grant g1, with different principals: a stand-in for
 * a diff that copies changed records. Syncs are numbered as the runner numbers them (every start creates one here).
 */
async function diffOfChangedGrant(ops: readonly Op[]): Promise<boolean> {
  const principals = new Map<string, string>();
  let created = 0;
  let current: string | undefined;
  for (const op of ops) {
    if (op.kind === 'startNewSync' || op.kind === 'generateSyncDiff') {
      created += 1;
      current = op.kind === 'startNewSync' ? nthSyncId(created) : current;
    }
    if (op.kind === 'endSync') current = undefined;
    if (op.kind === 'putGrants' && current !== undefined && 'items' in op.source) {
      for (const g of op.source.items) if (g.id === 'g1') principals.set(current, g.principal.id.resource);
    }
    if (op.kind === 'generateSyncDiff') {
      const [a, b] = [principals.get(op.baseSyncId), principals.get(op.appliedSyncId)];
      if (a !== undefined && b !== undefined && a !== b) return true;
    }
  }
  return false;
}

const SIX_SYNCS = `startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u1]
endSync
startNewSync
endSync
startNewSync
putGrants [g2 ent=[e1 res=group/g1] principal=user/u2]
endSync
startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u3]
endSync
viewSync s0004
startNewSync
putGrants [g1 ent=[e1 res=group/g1] principal=user/u4]
endSync
startNewSync
endSync
generateSyncDiff s0004 s0005
getSync s0006
`;

test('syncs before the ones a diff names go, and the diff then names s0001 and s0002', async () => {
  const ops = parseOps(SIX_SYNCS);
  expect(await diffOfChangedGrant(ops)).toBe(true);
  const reduced = await reduceOps(ops, diffOfChangedGrant);
  expect(formatOps(reduced)).toBe(
    [
      'startNewSync',
      'putGrants [g1 ent=[e1 res=group/g1] principal=user/u3]',
      'startNewSync',
      'putGrants [g1 ent=[e1 res=group/g1] principal=user/u4]',
      'generateSyncDiff s0001 s0002',
      '',
    ].join('\n'),
  );
});

test('withoutSync removes a sync from its start through its endSync and renames later ids one step down', () => {
  const ops = parseOps(SIX_SYNCS);
  const without2 = withoutSync(ops, 2, 's');
  expect(without2).toHaveLength(ops.length - 2);
  const text = formatOps(without2 ?? []);
  expect(text).toContain('viewSync s0003\n');
  expect(text).toContain('generateSyncDiff s0003 s0004\n');
  expect(text).toContain('getSync s0005\n');
  expect(withoutSync(ops, 8, 's')).toBeUndefined();
});

test('a diff is removed alone; ids of earlier syncs and near misses stay', () => {
  const ops = parseOps('startNewSync\nendSync\ngenerateSyncDiff s0001 s0001\nstartNewSync\nendSync\nviewSync s0003\ngetSync S0003\nviewSync s0001\n');
  expect(formatOps(withoutSync(ops, 2, 's') ?? [])).toBe('startNewSync\nendSync\nstartNewSync\nendSync\nviewSync s0002\ngetSync S0003\nviewSync s0001\n');
});

test('ids of another alphabet are renamed within it', () => {
  const alphabet = '\u{1F600}\uFFFD';
  const [one, two, three] = [1, 2, 3].map((n) => nthSyncId(n, alphabet));
  const op = parseOps(`generateSyncDiff "${two}" "${three}"`)[0] as Op;
  const renamed = mapSyncIds(op, (id) => (id === three ? (two as string) : id === two ? (one as string) : id));
  expect(renamed).toMatchObject({ baseSyncId: one, appliedSyncId: two });
  expect(withoutSync(parseOps(`syncIds "${alphabet}"\nstartNewSync\nendSync\nstartNewSync\nendSync\nviewSync "${two}"`), 1, alphabet)?.at(-1)).toMatchObject({ id: one });
});
