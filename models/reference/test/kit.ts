/** Test helpers for the model's unit tests: a hand-driven clock, counted sync ids, fresh stores and small records. */
import type { EngineOptions } from '../../contract/api';
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../types';
import { dropMemoryStore, memoryFactory, type MemoryEngine } from '../index';

/** A clock the test moves by hand, and the sync ids handed out so far. */
export interface Harness {
  now: number;
  readonly ids: string[];
  readonly options: EngineOptions;
  open(location?: string): Promise<MemoryEngine>;
  /** Drops every store this harness opened. */
  cleanup(): void;
}

let counter = 0;

/** A fresh harness; each open() without a location uses a new registry name. */
export function harness(extra: Partial<EngineOptions> = {}): Harness {
  const locations: string[] = [];
  let next = 0;
  const h: Harness = {
    now: 1_000_000,
    ids: [],
    options: {
      clock: () => h.now,
      newSyncId: () => {
        next += 1;
        const id = `s${next}`;
        h.ids.push(id);
        return id;
      },
      ...extra,
    },
    async open(location?: string) {
      counter += 1;
      const where = location ?? `model-test-${counter}`;
      locations.push(where);
      return (await memoryFactory.open(where, h.options)) as MemoryEngine;
    },
    cleanup() {
      for (const where of locations) dropMemoryStore(where);
    },
  };
  return h;
}

/** A ResourceId. */
export function rid(resourceType: string, resource: string): ResourceId {
  return { resourceType, resource };
}

/** A resource type with an optional display name. */
export function rt(id: string, displayName?: string): ResourceType {
  return displayName === undefined ? { id } : { id, displayName };
}

/** A resource, with a parent when given. */
export function res(type: string, id: string, parent?: ResourceId, displayName?: string): Resource {
  const r: { id: ResourceId; parentResourceId?: ResourceId; displayName?: string } = { id: rid(type, id) };
  if (parent !== undefined) r.parentResourceId = parent;
  if (displayName !== undefined) r.displayName = displayName;
  return r;
}

/** An entitlement of a resource. */
export function ent(id: string, resource: ResourceId): Entitlement {
  return { id, resource: { id: resource } };
}

/** A grant of entitlement `entId` (on `resource`) to `principal`. */
export function grant(id: string, entId: string, resource: ResourceId, principal: ResourceId, displayName?: string): Grant {
  const principalRecord: Resource = displayName === undefined ? { id: principal } : { id: principal, displayName };
  return { id, entitlement: ent(entId, resource), principal: principalRecord };
}

/** The error code a promise rejects with, or 'ok'. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? `non-storage: ${String(err)}`;
  }
}

/** Drains every page of a list, returning the items and the number of pages. */
export async function drain<T>(
  list: (pageToken: string) => Promise<{ items: readonly T[]; nextPageToken: string }>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token = '';
  let pages = 0;
  do {
    const page = await list(token);
    pages += 1;
    if (page.nextPageToken !== '' && page.items.length === 0) throw new Error('a page that is not the last is empty');
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token !== '' && pages < 100_000);
  return { items, pages };
}
