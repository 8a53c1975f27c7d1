/** Test doubles for the tee: an engine wrapper that overrides chosen methods, and record builders. */
import type { Engine, EngineOptions } from '../../../models/contract/api';
import type { Grant } from '../../../models/types';

/** Wraps `engine` under another name, replacing the methods in `overrides` (which may call the original). */
export function wrapEngine(engine: Engine, name: string, overrides: Partial<Record<keyof Engine, unknown>>): Engine {
  return new Proxy(engine, {
    get(target, prop, receiver) {
      if (prop === 'name') return name;
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Engine];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A grant of entitlement `e1` on group `g1` to user `principal`. */
export function grant(id: string, principal = 'u1'): Grant {
  return {
    id,
    entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } },
    principal: { id: { resourceType: 'user', resource: principal } },
  };
}

/** A standing clock and a sequential sync id source, counting clock reads and ids handed out. */
export function testOptions(start = 1_700_000_000_000_000): EngineOptions & { reads: () => number; set: (t: number) => void } {
  let now = start;
  let reads = 0;
  let n = 0;
  return {
    clock: () => {
      reads += 1;
      return now;
    },
    newSyncId: () => `s${++n}`,
    reads: () => reads,
    set: (t: number) => {
      now = t;
    },
  };
}

/** Reads an async byte stream into one buffer. */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
