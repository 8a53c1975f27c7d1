/**
 * Compares N engines' normalised outcomes of one op against the first engine's (the reference). Errors compare by
 * code; record lists compare as sets by identity, and only the differing records are kept in the divergence (so a
 * later diff never sees two large lists); page tokens are never compared.
 */
import type { Json } from './canonical-json';
import type { Divergence, OpContext } from './divergence';
import { sameJson } from './equal';
import { isNormalizedError, ORDERED_LISTS } from './normalize';

/** One engine's normalised outcome of an op. */
export interface EngineOutcome {
  readonly engine: string;
  readonly value: Json;
}

/** How many identities a divergence's detail names per category before it abbreviates. */
const DETAIL_IDS = 10;

type Item = { readonly id: string } & { readonly [key: string]: Json };

interface ListValue {
  readonly items: readonly Item[];
  readonly next: string;
}

function isList(value: Json): value is Json & ListValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { items?: unknown }).items) &&
    typeof (value as { next?: unknown }).next === 'string'
  );
}

function byId(a: Item, b: Item): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function idsText(label: string, ids: readonly string[]): string {
  const shown = ids.slice(0, DETAIL_IDS).map((id) => JSON.stringify(id));
  const more = ids.length > DETAIL_IDS ? `, ... (${ids.length - DETAIL_IDS} more)` : '';
  return `${label} ${ids.length}${ids.length > 0 ? ` [${shown.join(', ')}${more}]` : ''}`;
}

function indexById(items: readonly Item[]): { map: Map<string, Item>; dupes: string[] } {
  const map = new Map<string, Item>();
  const dupes: string[] = [];
  for (const item of items) {
    if (map.has(item.id)) dupes.push(item.id);
    else map.set(item.id, item);
  }
  return { map, dupes };
}

function compareLists(ctx: OpContext, engines: readonly [string, string], a: ListValue, b: ListValue): Divergence | undefined {
  const left = indexById(a.items);
  const right = indexById(b.items);
  const missing: Item[] = [];
  const changed: [Item, Item][] = [];
  for (const [id, item] of left.map) {
    const other = right.map.get(id);
    if (other === undefined) missing.push(item);
    else if (!sameJson(item, other)) changed.push([item, other]);
  }
  const extra = [...right.map].filter(([id]) => !left.map.has(id)).map(([, item]) => item);
  const base = { opIndex: ctx.opIndex, op: ctx.op, engines };
  if (missing.length + extra.length + changed.length + left.dupes.length + right.dupes.length > 0) {
    const detail = [
      idsText('missing', missing.map((i) => i.id)),
      idsText('extra', extra.map((i) => i.id)),
      idsText('changed', changed.map(([i]) => i.id)),
    ];
    if (left.dupes.length + right.dupes.length > 0) {
      detail.push(idsText('duplicated', [...left.dupes, ...right.dupes]));
    }
    return {
      ...base,
      code: 'result-mismatch',
      expected: [...missing, ...changed.map(([x]) => x)].sort(byId),
      actual: [...extra, ...changed.map(([, y]) => y)].sort(byId),
      detail: detail.join('; '),
    };
  }
  if (ORDERED_LISTS.has(ctx.method)) {
    const x = a.items.map((i) => i.id);
    const y = b.items.map((i) => i.id);
    if (x.join('\u0000') !== y.join('\u0000')) {
      return { ...base, code: 'result-mismatch', expected: x, actual: y, detail: 'same records in a different order' };
    }
  }
  return undefined;
}

/** Compares two normalised outcomes of the op `ctx`; undefined when they agree. */
export function compareTwo(ctx: OpContext, expected: EngineOutcome, actual: EngineOutcome): Divergence | undefined {
  const engines: readonly [string, string] = [expected.engine, actual.engine];
  const a = expected.value;
  const b = actual.value;
  const base = { opIndex: ctx.opIndex, op: ctx.op, engines };
  if (isNormalizedError(a) || isNormalizedError(b)) {
    if (isNormalizedError(a) && isNormalizedError(b) && a.error === b.error) return undefined;
    const say = (v: Json): string => (isNormalizedError(v) ? v.error : 'a result');
    return { ...base, code: 'error-mismatch', expected: a, actual: b, detail: `${say(a)} vs ${say(b)}` };
  }
  if (isList(a) && isList(b)) {
    // Only complete lists are comparable: single pages of different engines legitimately hold different records.
    if (a.next !== 'last' || b.next !== 'last') return undefined;
    return compareLists(ctx, engines, a, b);
  }
  if (sameJson(a, b)) return undefined;
  return { ...base, code: 'result-mismatch', expected: a, actual: b };
}

/** Compares every engine's outcome with the first one's; one divergence per engine that differs. */
export function compareOutcomes(ctx: OpContext, outcomes: readonly EngineOutcome[]): Divergence[] {
  const [first, ...rest] = outcomes;
  if (first === undefined) return [];
  const found: Divergence[] = [];
  for (const other of rest) {
    const d = compareTwo(ctx, first, other);
    if (d !== undefined) found.push(d);
  }
  return found;
}
