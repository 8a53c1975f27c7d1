/** Test helpers of the LevelDB engine: temp stores with an injected clock and ids, and record builders. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Engine, EngineOptions, Page } from '../../../models/contract/api';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../../models/types';
import { leveldbFactory } from '..';

/** A temp directory, a clock that moves only when told, and sequential sync ids. */
export class Sandbox {
  now = 1_700_000_000_000_000;
  private n = 0;
  /** Ids handed out before the sequential ones. */
  readonly queued: string[] = [];
  readonly engines: Engine[] = [];

  private constructor(readonly dir: string) {}

  /** Creates a sandbox in a fresh temp directory. */
  static async create(): Promise<Sandbox> {
    return new Sandbox(await mkdtemp(path.join(os.tmpdir(), 'c1z-leveldb-')));
  }

  /** Options with this sandbox's clock and ids. */
  get options(): EngineOptions {
    return { clock: () => this.now, newSyncId: () => this.queued.shift() ?? `s${String(++this.n).padStart(3, '0')}` };
  }

  /** A location in the sandbox. */
  location(name = 'store'): string {
    return leveldbFactory.locationIn(this.dir, name);
  }

  /** Opens the store `name`; it is closed at cleanup. */
  async open(name = 'store'): Promise<Engine> {
    const engine = await leveldbFactory.open(this.location(name), this.options);
    this.engines.push(engine);
    return engine;
  }

  /** Closes every engine still open and removes the directory. */
  async cleanup(): Promise<void> {
    for (const e of this.engines) if (!e.closed) await e.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A ResourceId. */
export function rid(resourceType: string, resource: string): ResourceId {
  return { resourceType, resource };
}

/** A resource type. */
export function rt(id: string): ResourceType {
  return { id, displayName: `type ${id}` };
}

/** A resource, optionally with a parent. */
export function res(type: string, id: string, parent?: ResourceId): Resource {
  return parent === undefined ? { id: rid(type, id), displayName: id } : { id: rid(type, id), parentResourceId: parent, displayName: id };
}

/** An entitlement on a resource. */
export function ent(id: string, resource: ResourceId): Entitlement {
  return { id, resource: { id: resource }, displayName: id };
}

/** A grant of an entitlement (on `resource`) to a principal. */
export function grant(id: string, entitlementId: string, resource: ResourceId, principal: ResourceId): Grant {
  return { id, entitlement: ent(entitlementId, resource), principal: { id: principal } };
}

/** Drains every page of a list call with the given page size. */
export async function drain<T>(list: (token: string) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let token = '';
  do {
    const page = await list(token);
    if (page.nextPageToken !== '') expect(page.items.length).toBeGreaterThan(0);
    all.push(...page.items);
    token = page.nextPageToken;
  } while (token !== '');
  return all;
}
