/** Test helpers of the metrics module: engine options, records, a fake monotonic timer, a line-collecting stream. */
import path from 'node:path';
import type { EngineOptions } from '../../../models/contract/api';
import type { Grant } from '../../../models/types';

/** The repository root, from this file. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The path of a shared, read-only c1z fixture (copy it before opening). */
export function fixturePath(name: string): string {
  return path.join(repoRoot, '..', 'shared', 'fixtures', 'c1z', name);
}

/** Options with a standing clock and sequential sync ids. */
export function testOptions(): EngineOptions {
  let n = 0;
  return { clock: () => 1_767_225_600_000_000, newSyncId: () => `s${++n}` };
}

/** A grant of entitlement `e1` on group `g1` to user `principal`. */
export function grant(id: string, principal = 'u1'): Grant {
  return {
    id,
    entitlement: { id: 'e1', resource: { id: { resourceType: 'group', resource: 'g1' } } },
    principal: { id: { resourceType: 'user', resource: principal } },
  };
}

/** A monotonic timer that moves only when told (milliseconds). */
export class FakeTimer {
  ms = 0;
  readonly now = (): number => this.ms;
}

/** A writable sink that keeps every line written to it (pino writes one JSON line per call). */
export class LineSink {
  readonly lines: string[] = [];
  write(chunk: string): boolean {
    this.lines.push(...chunk.split('\n').filter((l) => l !== ''));
    return true;
  }
  /** The lines parsed as JSON objects. */
  json(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
