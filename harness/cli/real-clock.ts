/**
 * The wall clock and random sync ids for CLI verbs that act on a user's real store. The harness and the engines never
 * use these: fuzz runs get a logical clock and a seeded id source.
 */
import { randomBytes } from 'node:crypto';
import type { EngineOptions } from '../../models/contract/api';

/** Microseconds since the Unix epoch from the wall clock. */
export function wallClockMicros(): number {
  // eslint-disable-next-line no-restricted-properties -- the CLI acts in real time on real stores (not a fuzz run).
  return Date.now() * 1000;
}

/** A random 27-character sync id, shaped like the KSUIDs of the Go SDK. */
export function randomSyncId(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from(randomBytes(27), (b) => alphabet[b % alphabet.length]).join('');
}

/** Engine options for a real store opened by the CLI. */
export function realEngineOptions(extra: Partial<EngineOptions> = {}): EngineOptions {
  return { clock: wallClockMicros, newSyncId: randomSyncId, ...extra };
}
