/**
 * Shrinking the records of puts: a seeded `@batch` first gets a smaller `n`, then (when small enough) is expanded
 * into explicit items; listed items are dropped chunk by chunk; and the fields that no filter or identity reads
 * (names, descriptions, annotations, ...) are stripped, whenever the divergence persists.
 */
import { expandBatch } from '../generator';
import { makeOp, type Op } from '../ops';
import type { PutRecordsOp } from '../ops/put-ops';
import { removeChunks } from './remove-chunks';
import type { Tester } from './tester';

/** A batch stays expanded into explicit items only when at most this many remain after dropping (more read worse). */
export const MAX_EXPANDED_ITEMS = 50;

/** Batches larger than this are not expanded at all (their items would be tried one chunk at a time). */
export const MAX_BATCH_TO_EXPAND = 2000;

/** Item fields that neither identity nor any filter reads. */
const EXTRA_FIELDS: ReadonlySet<string> = new Set([
  'displayName',
  'description',
  'annotations',
  'traits',
  'sourcedExternally',
  'externalId',
  'creationSource',
  'batonResource',
  'grantableTo',
  'purpose',
  'slug',
  'sources',
]);

/** Fields holding nested records, stripped recursively. */
const NESTED: ReadonlySet<string> = new Set(['entitlement', 'resource', 'principal']);

function isPut(op: Op): op is PutRecordsOp {
  return op.kind === 'putResourceTypes' || op.kind === 'putResources' || op.kind === 'putEntitlements' || op.kind === 'putGrants';
}

function withOp(ops: readonly Op[], index: number, op: Op): Op[] {
  return ops.map((o, i) => (i === index ? op : o));
}

function withSource(op: PutRecordsOp, source: PutRecordsOp['source']): Op {
  return makeOp({ ...op, source } as Op);
}

/** A copy of an item without its extra fields, nested records included. */
function stripExtras(item: object): object {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (EXTRA_FIELDS.has(k)) continue;
    out[k] = NESTED.has(k) && typeof v === 'object' && v !== null ? stripExtras(v) : v;
  }
  return out;
}

/**
 * Halves the `n` of a batch while the divergence persists; then expands it into items and drops items, keeping the
 * expansion only when few items remain (halving changes a `wide` batch's ids, so expanding often goes further).
 */
async function shrinkBatch(ops: readonly Op[], index: number, tester: Tester): Promise<readonly Op[]> {
  let current = ops;
  for (;;) {
    const op = current[index] as PutRecordsOp;
    if (!('batch' in op.source) || op.source.batch.n <= 1 || tester.expired()) break;
    const half = withOp(current, index, withSource(op, { batch: { ...op.source.batch, n: Math.floor(op.source.batch.n / 2) } }));
    if (!(await tester.test(half))) break;
    current = half;
  }
  const op = current[index] as PutRecordsOp;
  if (!('batch' in op.source) || op.source.batch.n > MAX_BATCH_TO_EXPAND) return current;
  const expanded = withOp(current, index, withSource(op, { items: expandBatch(op.kind, op.source.batch) } as PutRecordsOp['source']));
  if (!(await tester.test(expanded))) return current;
  const dropped = await dropItems(expanded, index, tester);
  const left = dropped[index] as PutRecordsOp;
  return 'items' in left.source && left.source.items.length <= MAX_EXPANDED_ITEMS ? dropped : current;
}

/** Drops the items of one listed put chunk by chunk. */
async function dropItems(ops: readonly Op[], index: number, tester: Tester): Promise<readonly Op[]> {
  const op = ops[index] as PutRecordsOp;
  if (!('items' in op.source) || op.source.items.length <= 1) return ops;
  const candidate = (items: readonly object[]) => withOp(ops, index, withSource(op, { items } as PutRecordsOp['source']));
  const kept = await removeChunks<object>(op.source.items, (items) => (items.length === 0 ? Promise.resolve(false) : tester.test(candidate(items))), () => tester.expired());
  return kept.length < op.source.items.length ? candidate(kept) : ops;
}

/** Strips the extra fields of every item of one listed put at once. */
async function stripItems(ops: readonly Op[], index: number, tester: Tester): Promise<readonly Op[]> {
  const op = ops[index] as PutRecordsOp;
  if (!('items' in op.source)) return ops;
  const stripped = withOp(ops, index, withSource(op, { items: op.source.items.map(stripExtras) } as PutRecordsOp['source']));
  return (await tester.test(stripped)) ? stripped : ops;
}

/** Shrinks every put's records while the divergence persists. */
export async function simplifyItems(ops: readonly Op[], tester: Tester): Promise<readonly Op[]> {
  let current = ops;
  for (let i = 0; i < current.length && !tester.expired(); i++) {
    if (!isPut(current[i] as Op)) continue;
    current = await shrinkBatch(current, i, tester);
    current = await dropItems(current, i, tester);
    current = await stripItems(current, i, tester);
  }
  return current;
}
