/**
 * Argument validation of SPEC §1 and §4, in one place: the abstract engine calls these before any hook runs, so
 * engines cannot disagree on what is valid. Every failure is an `INVALID_ARGUMENT` StorageError.
 */
import { DEFAULTS } from './api';
import { StorageError } from './errors';
import type { AnyMessage, Entitlement, Grant, Resource, ResourceId, ResourceType } from '../types';
import { SYNC_TYPES, type SyncType } from '../types';

const encoder = new TextEncoder();

function invalid(message: string): StorageError {
  return new StorageError('INVALID_ARGUMENT', message);
}

/** Throws unless `value` is a string of well-formed UTF-16 (no lone surrogates). */
export function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(`${what} must be a string`);
  if (!value.isWellFormed()) throw invalid(`${what} contains a lone surrogate`);
  return value;
}

/** Throws unless `value` is a valid id: non-empty, at most 1024 UTF-8 bytes, no U+0000, no lone surrogates. */
export function checkId(value: unknown, what: string): string {
  const id = checkText(value, what);
  if (id.length === 0) throw invalid(`${what} must not be empty`);
  if (id.includes('\u0000')) throw invalid(`${what} must not contain U+0000`);
  // A UTF-16 string of n units encodes to at most 3n UTF-8 bytes, so only long ids need the exact count.
  if (id.length * 3 > DEFAULTS.maxIdBytes && encoder.encode(id).length > DEFAULTS.maxIdBytes) {
    throw invalid(`${what} is longer than ${DEFAULTS.maxIdBytes} UTF-8 bytes`);
  }
  return id;
}

/** Throws unless `value` is a valid resource type id: a valid id without `:`. */
export function checkTypeId(value: unknown, what: string): string {
  const id = checkId(value, what);
  if (id.includes(':')) throw invalid(`${what} must not contain ':'`);
  return id;
}

/** Throws unless `value` is a ResourceId with a valid type id and resource id. */
export function checkResourceId(value: unknown, what: string): ResourceId {
  if (typeof value !== 'object' || value === null) throw invalid(`${what} must be a ResourceId`);
  const rid = value as ResourceId;
  checkTypeId(rid.resourceType, `${what}.resourceType`);
  checkId(rid.resource, `${what}.resource`);
  return rid;
}

/** Throws unless `value` is a known sync type. */
export function checkSyncType(value: unknown): SyncType {
  if (typeof value !== 'string' || !(SYNC_TYPES as readonly string[]).includes(value)) {
    throw invalid(`sync type must be one of ${SYNC_TYPES.join(', ')}`);
  }
  return value as SyncType;
}

/** Returns the effective page size: the default for 0 or absent; throws outside 0..10,000 or for a non-integer. */
export function checkPageSize(value: unknown, defaultSize: number): number {
  if (value === undefined || value === 0) return defaultSize;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > DEFAULTS.maxPageSize) {
    throw invalid(`page size must be an integer from 0 to ${DEFAULTS.maxPageSize}`);
  }
  return value;
}

/**
 * Returns the `keep` of cleanup: the default when absent or 0 or less (the Go SDK's ResolveCleanupSyncLimit); a value
 * that is not an integer (a fraction, NaN, Infinity, a string) is INVALID_ARGUMENT.
 */
export function checkCleanupKeep(value: unknown, defaultKeep: number): number {
  if (value === undefined) return defaultKeep;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid('keep must be an integer');
  return value <= 0 ? defaultKeep : value;
}

/** Returns the page token (`''` when absent); throws for a non-string. */
export function checkPageToken(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid('page token must be a string');
  return value;
}

/** Returns a sync id named by a request, or undefined when absent or `''` (meaning: resolve by SPEC §3). */
export function checkOptionalSyncId(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  return checkText(value, 'syncId');
}

function checkOptionalText(value: unknown, what: string): void {
  if (value !== undefined) checkText(value, what);
}

function checkAnnotations(list: readonly AnyMessage[] | undefined, what: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw invalid(`${what} must be a list`);
  for (const [i, a] of list.entries()) {
    if (typeof a !== 'object' || a === null) throw invalid(`${what}[${i}] must be an Any`);
    checkText(a.typeUrl, `${what}[${i}].typeUrl`);
    if (!(a.value instanceof Uint8Array)) throw invalid(`${what}[${i}].value must be bytes`);
  }
}

/** Throws unless a resource type is valid (id rules and well-formed text). */
export function checkResourceType(rt: ResourceType, what = 'resource type'): void {
  if (typeof rt !== 'object' || rt === null) throw invalid(`${what} must be an object`);
  checkTypeId(rt.id, `${what}.id`);
  checkOptionalText(rt.displayName, `${what}.displayName`);
  checkOptionalText(rt.description, `${what}.description`);
  checkAnnotations(rt.annotations, `${what}.annotations`);
}

/** Throws unless a resource is valid: its id, and its parent id when present. */
export function checkResource(r: Resource, what = 'resource'): void {
  if (typeof r !== 'object' || r === null) throw invalid(`${what} must be an object`);
  checkResourceId(r.id, `${what}.id`);
  if (r.parentResourceId !== undefined) checkResourceId(r.parentResourceId, `${what}.parentResourceId`);
  checkOptionalText(r.displayName, `${what}.displayName`);
  checkOptionalText(r.description, `${what}.description`);
  checkAnnotations(r.annotations, `${what}.annotations`);
  if (r.externalId !== undefined) {
    checkOptionalText(r.externalId.id, `${what}.externalId.id`);
    checkOptionalText(r.externalId.link, `${what}.externalId.link`);
    checkOptionalText(r.externalId.description, `${what}.externalId.description`);
  }
}

/** Throws unless an entitlement is valid: its id and its resource's id. */
export function checkEntitlement(e: Entitlement, what = 'entitlement'): void {
  if (typeof e !== 'object' || e === null) throw invalid(`${what} must be an object`);
  checkId(e.id, `${what}.id`);
  if (typeof e.resource !== 'object' || e.resource === null) throw invalid(`${what}.resource is required`);
  checkResource(e.resource, `${what}.resource`);
  checkOptionalText(e.displayName, `${what}.displayName`);
  checkOptionalText(e.description, `${what}.description`);
  checkOptionalText(e.slug, `${what}.slug`);
  checkAnnotations(e.annotations, `${what}.annotations`);
  const grantableTo = e.grantableTo === undefined ? [] : checkList<ResourceType>(e.grantableTo, `${what}.grantableTo`);
  for (const [i, rt] of grantableTo.entries()) checkResourceType(rt, `${what}.grantableTo[${i}]`);
}

/** Throws unless a grant is valid: its id, its entitlement (with resource) and its principal. */
export function checkGrant(g: Grant, what = 'grant'): void {
  if (typeof g !== 'object' || g === null) throw invalid(`${what} must be an object`);
  checkId(g.id, `${what}.id`);
  if (typeof g.entitlement !== 'object' || g.entitlement === null) throw invalid(`${what}.entitlement is required`);
  checkEntitlement(g.entitlement, `${what}.entitlement`);
  if (typeof g.principal !== 'object' || g.principal === null) throw invalid(`${what}.principal is required`);
  checkResource(g.principal, `${what}.principal`);
  checkAnnotations(g.annotations, `${what}.annotations`);
  if (g.sources !== undefined) {
    if (typeof g.sources !== 'object' || g.sources === null) throw invalid(`${what}.sources must be an object`);
    for (const s of checkList<string>(g.sources.sources, `${what}.sources.sources`)) checkText(s, `${what}.sources`);
  }
}

/** Throws unless `items` is an array; returns it. */
export function checkList<T>(items: unknown, what: string): readonly T[] {
  if (!Array.isArray(items)) throw invalid(`${what} must be a list`);
  return items as readonly T[];
}
