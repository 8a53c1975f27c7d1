/**
 * Dropping whole syncs: a case names syncs by the ids the runner hands out in order (`s0005`), so a sync before the
 * ones that matter cannot go by removing ops alone, since every later id would then name another sync. This pass
 * removes one sync (the op that creates it through its `endSync`, or that op alone) and renames every later sync id
 * the other ops name one step down, so that `generateSyncDiff s0005 s0006` after four unrelated syncs can end as
 * `generateSyncDiff s0001 s0002`. Which op creates which sync is counted from the ops (every `startNewSync`,
 * `startSync` and `generateSyncDiff` one); when a count is off (a resume, a refused start), the candidate merely fails.
 */
import { makeOp, type Op, type OpKind } from '../ops';
import { ASCII_SYNC_ID_ALPHABET, nthSyncId } from '../runner/sync-ids';
import type { Tester } from './tester';

const CREATES: ReadonlySet<OpKind> = new Set<OpKind>(['startNewSync', 'startSync', 'generateSyncDiff']);

/** The fields that name a sync, by op kind (explicit read targets, parents, diff sides, views, clones). */
function syncFields(op: Op): readonly string[] {
  switch (op.kind) {
    case 'startNewSync':
      return ['parentSyncId'];
    case 'generateSyncDiff':
      return ['baseSyncId', 'appliedSyncId'];
    case 'setCurrentSync':
    case 'viewSync':
    case 'getSync':
      return ['id'];
    default:
      return 'syncId' in op ? ['syncId'] : [];
  }
}

/** The op with every sync id it names passed through `f` (the op itself when nothing changes). */
export function mapSyncIds(op: Op, f: (id: string) => string): Op {
  const record = op as unknown as Readonly<Record<string, unknown>>;
  const changed: Record<string, string> = {};
  for (const field of syncFields(op)) {
    const id = record[field];
    if (typeof id === 'string' && f(id) !== id) changed[field] = f(id);
  }
  return Object.keys(changed).length === 0 ? op : makeOp({ ...record, ...changed } as unknown as Op);
}

/** The alphabet every sync of `ops` is named with, or undefined when ids are queued or the alphabet changes midway. */
function syncAlphabet(ops: readonly Op[]): string | undefined {
  let alphabet = ASCII_SYNC_ID_ALPHABET;
  let created = false;
  for (const op of ops) {
    if (op.kind === 'nextSyncId' || (op.kind === 'syncIds' && created)) return undefined;
    if (op.kind === 'syncIds') alphabet = op.alphabet;
    if (CREATES.has(op.kind)) created = true;
  }
  return alphabet;
}

/** The ops without the `n`-th sync (1-based), later sync ids renamed one step down; undefined when there is none. */
export function withoutSync(ops: readonly Op[], n: number, alphabet: string): Op[] | undefined {
  const creators = ops.flatMap((op, i) => (CREATES.has(op.kind) ? [i] : []));
  const start = creators[n - 1];
  if (start === undefined) return undefined;
  const end = ops.findIndex((op, i) => i > start && op.kind === 'endSync');
  const next = creators[n] ?? ops.length;
  // A started sync goes with its body and its endSync; a diff (or a sync never ended before the next) goes alone.
  const last = ops[start]?.kind !== 'generateSyncDiff' && end >= 0 && end < next ? end : start;
  const numbers = new Map(Array.from({ length: creators.length + 16 }, (_, k) => [nthSyncId(k + 1, alphabet), k + 1]));
  const rename = (id: string): string => {
    const k = numbers.get(id);
    return k !== undefined && k > n ? nthSyncId(k - 1, alphabet) : id;
  };
  return [...ops.slice(0, start), ...ops.slice(last + 1)].map((op) => mapSyncIds(op, rename));
}

/** Removes every sync whose removal (with later ids renamed) keeps the divergence, from the last sync to the first. */
export async function dropSyncs(ops: readonly Op[], tester: Tester): Promise<readonly Op[]> {
  const alphabet = syncAlphabet(ops);
  if (alphabet === undefined) return ops;
  let current = ops;
  const count = current.filter((op) => CREATES.has(op.kind)).length;
  for (let n = count; n >= 1 && !tester.expired(); n--) {
    const candidate = withoutSync(current, n, alphabet);
    if (candidate !== undefined && (await tester.test(candidate))) current = candidate;
  }
  return current;
}
