/**
 * `c1.connector.v2.GrantSources`: `map<string, GrantSource> sources = 1`, GrantSource being empty. Each map entry is
 * a message {1: key, 2: value}; like Go, an entry always carries both, and entries go in key order (UTF-8 bytes).
 */
import type { GrantSources } from '../types';
import type { ProtoReader } from './reader';
import { compareUtf8 } from './utf8';
import type { ProtoWriter } from './writer';

function sortedKeys(keys: readonly string[]): string[] {
  const sorted = [...keys].sort(compareUtf8);
  let n = 0;
  for (const k of sorted) if (n === 0 || sorted[n - 1] !== k) sorted[n++] = k;
  sorted.length = n;
  return sorted;
}

/** Writes the entries of a grant's sources: sorted, duplicates written once. */
export function writeGrantSources(w: ProtoWriter, gs: GrantSources): void {
  for (const key of sortedKeys(gs.sources)) {
    const start = w.begin(0x0a);
    w.string(0x0a, key, 'GrantSources.sources');
    w.uint32(0x12);
    w.uint32(0);
    w.endLength(start);
  }
}

function readEntryKey(r: ProtoReader): string {
  const outer = r.enter('GrantSources.sources');
  let key = '';
  while (r.pos < r.end) {
    const tag = r.tag('GrantSources.sources entry');
    if (tag === 0x0a) key = r.string('GrantSources.sources key');
    else r.skip('GrantSources.sources entry', tag);
  }
  r.leave(outer);
  return key;
}

/** Reads a length-delimited GrantSources on top of `prev` (map entries accumulate) as sorted, distinct keys. */
export function readGrantSources(r: ProtoReader, prev: GrantSources | undefined): GrantSources {
  const outer = r.enter('Grant.sources');
  const keys = prev === undefined ? [] : [...prev.sources];
  while (r.pos < r.end) {
    const tag = r.tag('GrantSources');
    if (tag === 0x0a) keys.push(readEntryKey(r));
    else r.skip('GrantSources', tag);
  }
  r.leave(outer);
  return { sources: sortedKeys(keys) };
}
