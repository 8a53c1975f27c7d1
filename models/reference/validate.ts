/**
 * The model's own argument checks (SPEC §1 and §4, docs/api.md), written apart from the engines' validation so that
 * a mistake there shows up as a divergence. Every failure is an `INVALID_ARGUMENT` StorageError.
 */
import { StorageError } from '../contract/errors';
import {
  SYNC_TYPES,
  type AnyMessage,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceId,
  type ResourceType,
  type SyncType,
} from '../types';

const MAX_ID_BYTES = 1024;
const MAX_PAGE_SIZE = 10_000;
/** In a `u` regex a surrogate range matches only surrogates that are not part of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Builds the INVALID_ARGUMENT error every check throws. */
export function invalid(message: string): StorageError {
  return new StorageError('INVALID_ARGUMENT', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Returns `value` when it is a string without lone surrogates. */
export function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(`${what} is not a string`);
  if (LONE_SURROGATE.test(value)) throw invalid(`${what} holds a lone surrogate`);
  return value;
}

/** Returns `value` when it is a valid id: non-empty text of at most 1024 UTF-8 bytes, without U+0000. */
export function id(value: unknown, what: string): string {
  const s = text(value, what);
  if (s === '') throw invalid(`${what} is empty`);
  if (s.includes('\u0000')) throw invalid(`${what} holds U+0000`);
  if (Buffer.byteLength(s, 'utf8') > MAX_ID_BYTES) throw invalid(`${what} is over ${MAX_ID_BYTES} bytes`);
  return s;
}

/** Returns `value` when it is a valid resource type id: a valid id without `:`. */
export function typeId(value: unknown, what: string): string {
  const s = id(value, what);
  if (s.includes(':')) throw invalid(`${what} holds ':'`);
  return s;
}

/** Returns the identity part of a valid ResourceId (batonResource never takes part in a match). */
export function resourceId(value: unknown, what: string): ResourceId {
  if (!isObject(value)) throw invalid(`${what} is not a ResourceId`);
  return { resourceType: typeId(value['resourceType'], `${what}.resourceType`), resource: id(value['resource'], `${what}.resource`) };
}

/** Returns `value` when it is one of the five sync types. */
export function syncType(value: unknown): SyncType {
  const found = SYNC_TYPES.find((t) => t === value);
  if (found === undefined) throw invalid(`unknown sync type ${String(value)}`);
  return found;
}

/** Returns the page size to use: `fallback` for 0 or absent; an integer in 1..10,000 otherwise. */
export function pageSize(value: unknown, fallback: number): number {
  if (value === undefined || value === 0) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw invalid(`page size ${String(value)} is not an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  return value;
}

/** Returns the sync id a request names, or undefined when it names none (absent or `''`). */
export function optionalSyncId(value: unknown): string | undefined {
  return value === undefined || value === '' ? undefined : text(value, 'syncId');
}

/** Returns `value` as a list. */
export function list<T>(value: unknown, what: string): readonly T[] {
  if (!Array.isArray(value)) throw invalid(`${what} is not a list`);
  return value as readonly T[];
}

function optionalText(value: unknown, what: string): void {
  if (value !== undefined) text(value, what);
}

function annotations(value: unknown, what: string): void {
  if (value === undefined) return;
  list<AnyMessage>(value, what).forEach((a, i) => {
    if (!isObject(a)) throw invalid(`${what}[${i}] is not an Any`);
    text(a.typeUrl, `${what}[${i}].typeUrl`);
    if (!(a.value instanceof Uint8Array)) throw invalid(`${what}[${i}].value is not bytes`);
  });
}

/** Checks a resource type: its id and its text fields. */
export function checkResourceType(rt: ResourceType, what: string): void {
  if (!isObject(rt)) throw invalid(`${what} is not an object`);
  typeId(rt.id, `${what}.id`);
  optionalText(rt.displayName, `${what}.displayName`);
  optionalText(rt.description, `${what}.description`);
  annotations(rt.annotations, `${what}.annotations`);
}

/** Checks a resource: its id, its parent id when present, and its text fields. */
export function checkResource(r: Resource, what: string): void {
  if (!isObject(r)) throw invalid(`${what} is not an object`);
  resourceId(r.id, `${what}.id`);
  if (r.parentResourceId !== undefined) resourceId(r.parentResourceId, `${what}.parentResourceId`);
  optionalText(r.displayName, `${what}.displayName`);
  optionalText(r.description, `${what}.description`);
  annotations(r.annotations, `${what}.annotations`);
  if (r.externalId !== undefined) {
    if (!isObject(r.externalId)) throw invalid(`${what}.externalId is not an object`);
    optionalText(r.externalId.id, `${what}.externalId.id`);
    optionalText(r.externalId.link, `${what}.externalId.link`);
    optionalText(r.externalId.description, `${what}.externalId.description`);
  }
}

/** Checks an entitlement: its id, its resource, its text fields and the types it is grantable to. */
export function checkEntitlement(e: Entitlement, what: string): void {
  if (!isObject(e)) throw invalid(`${what} is not an object`);
  id(e.id, `${what}.id`);
  checkResource(e.resource, `${what}.resource`);
  optionalText(e.displayName, `${what}.displayName`);
  optionalText(e.description, `${what}.description`);
  optionalText(e.slug, `${what}.slug`);
  annotations(e.annotations, `${what}.annotations`);
  if (e.grantableTo !== undefined) {
    list<ResourceType>(e.grantableTo, `${what}.grantableTo`).forEach((rt, i) => checkResourceType(rt, `${what}.grantableTo[${i}]`));
  }
}

/** Checks a grant: its id, its entitlement, its principal and its text fields. */
export function checkGrant(g: Grant, what: string): void {
  if (!isObject(g)) throw invalid(`${what} is not an object`);
  id(g.id, `${what}.id`);
  checkEntitlement(g.entitlement, `${what}.entitlement`);
  checkResource(g.principal, `${what}.principal`);
  annotations(g.annotations, `${what}.annotations`);
  if (g.sources !== undefined) {
    if (!isObject(g.sources)) throw invalid(`${what}.sources is not an object`);
    const ids = g.sources.sources ?? [];
    list<string>(ids, `${what}.sources.sources`).forEach((s, i) => text(s, `${what}.sources.sources[${i}]`));
  }
}
