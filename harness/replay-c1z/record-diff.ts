/**
 * Finds the records behind a digest disagreement without handing two big lists to a diff: a first pass digests each
 * engine's answer per identity bucket (1,024 buckets by a hash of the identity), a second pass collects only the
 * records of the first differing buckets, and those few are compared by identity.
 */
import type { Engine, Stored } from '../../models/contract/api';
import { compareTwo, identityOf, invariantDivergence, normalizeOutcome, type Divergence, type OpContext } from '../../engines/compare';
import { hashStored, hashText, ListDigest } from './record-digest';
import type { ReaderQuery } from './reader-query';
import { streamDrain } from './stream-drain';

const BUCKETS = 1024;
/** Buckets whose records are collected, and a bound on the records collected per engine. */
const MAX_BUCKETS = 3;
const MAX_RECORDS = 20_000;

/** A named engine. */
export interface NamedEngine {
  readonly name: string;
  readonly engine: Engine;
}

async function bucketDigests(e: NamedEngine, query: ReaderQuery): Promise<string[]> {
  const digests = Array.from({ length: BUCKETS }, () => new ListDigest());
  await streamDrain(e.engine, query, (item) => {
    (digests[hashText(identityOf(item)) % BUCKETS] as ListDigest).add(hashStored(query.kind, item));
  });
  return digests.map((d) => d.text());
}

async function collect(e: NamedEngine, query: ReaderQuery, buckets: ReadonlySet<number>): Promise<Stored<unknown>[]> {
  const items: Stored<unknown>[] = [];
  await streamDrain(e.engine, query, (item) => {
    if (items.length < MAX_RECORDS && buckets.has(hashText(identityOf(item)) % BUCKETS)) items.push(item);
  });
  return items;
}

/** The divergence between `expected` and `actual` on `query`, naming the records that differ. */
export async function diffRecords(ctx: OpContext, query: ReaderQuery, expected: NamedEngine, actual: NamedEngine): Promise<Divergence> {
  const [a, b] = [await bucketDigests(expected, query), await bucketDigests(actual, query)];
  const differing = new Set(a.flatMap((d, i) => (d === b[i] ? [] : [i])).slice(0, MAX_BUCKETS));
  const ok = (items: Stored<unknown>[]): ReturnType<typeof normalizeOutcome> => normalizeOutcome(query.method, { ok: true, value: { items, nextPageToken: '' } });
  if (differing.size > 0) {
    const left = ok(await collect(expected, query, differing));
    const right = ok(await collect(actual, query, differing));
    const found = compareTwo(ctx, { engine: expected.name, value: left }, { engine: actual.name, value: right });
    if (found !== undefined) return found;
  }
  // The answers differ as wholes but not record by record: the same records listed a different number of times.
  return { ...invariantDivergence(ctx, actual.name, 'digest', 'the drained answers differ, but no record differs by identity (a record listed twice?)'), engines: [expected.name, actual.name], code: 'result-mismatch' };
}
