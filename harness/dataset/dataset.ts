/**
 * The benchmark's synthetic directory: users, groups, roles (each under an app) and apps, with group memberships,
 * role assignments and app permissions granted many-to-many, mostly to users and some to groups. Everything is a
 * pure function of (grant count, seed): record `i` is computed from `i`, so any range of grants can be produced
 * lazily, in any order, without holding the dataset in memory.
 */
import type { Entitlement, Grant, Resource, ResourceId, ResourceType } from '../../models/types';
import { mix, unit } from './hash';

/** The sizes of one dataset. */
export interface DatasetShape {
  readonly seed: number;
  readonly grants: number;
  readonly users: number;
  readonly groups: number;
  readonly roles: number;
  readonly apps: number;
  /** Grants whose principal is a user (the rest go to groups). */
  readonly userGrants: number;
  readonly grantsPerUser: number;
  readonly entitlements: number;
}

const GRANTS_PER_USER = 10;
const APP_PERMISSIONS = ['read', 'write', 'admin'] as const;

/** The dataset holding `grants` grants: about 5% to groups, the rest ten per user. */
export function shapeFor(grants: number, seed = 20260101): DatasetShape {
  const groups = Math.max(10, Math.round(grants / 200));
  const roles = Math.max(5, Math.round(grants / 1000));
  const apps = Math.max(2, Math.round(grants / 5000));
  const groupTargets = roles + apps * APP_PERMISSIONS.length;
  const groupGrants = Math.min(Math.floor(grants * 0.05), groups * groupTargets);
  const userGrants = grants - groupGrants;
  return {
    seed,
    grants,
    users: Math.max(1, Math.ceil(userGrants / GRANTS_PER_USER)),
    groups,
    roles,
    apps,
    userGrants,
    grantsPerUser: GRANTS_PER_USER,
    entitlements: groups + roles + apps * APP_PERMISSIONS.length,
  };
}

/** The four resource types. */
export function resourceTypes(): ResourceType[] {
  return [
    { id: 'user', displayName: 'User', traits: [1] },
    { id: 'group', displayName: 'Group', traits: [2] },
    { id: 'role', displayName: 'Role', traits: [3] },
    { id: 'app', displayName: 'Application', traits: [4] },
  ];
}

const userId = (n: number): ResourceId => ({ resourceType: 'user', resource: `u${n}` });
const groupId = (n: number): ResourceId => ({ resourceType: 'group', resource: `g${n}` });
const roleId = (n: number): ResourceId => ({ resourceType: 'role', resource: `r${n}` });
const appId = (n: number): ResourceId => ({ resourceType: 'app', resource: `a${n}` });

/** The number of resources of a shape. */
export function resourceCount(s: DatasetShape): number {
  return s.users + s.groups + s.roles + s.apps;
}

/** Resource `i` of the shape: users first, then groups, roles (each under an app) and apps. */
export function resourceAt(s: DatasetShape, i: number): Resource {
  if (i < s.users) {
    const profile = mix(s.seed, i) % 4 === 0 ? { description: `Contractor ${i} (external)` } : {};
    return { id: userId(i), displayName: `User ${i}`, ...profile, externalId: { id: `ext-u-${i}` } };
  }
  let n = i - s.users;
  if (n < s.groups) return { id: groupId(n), displayName: `Group ${n}`, description: `Team ${n % 97}` };
  n -= s.groups;
  if (n < s.roles) return { id: roleId(n), displayName: `Role ${n}`, parentResourceId: appId(n % s.apps) };
  n -= s.roles;
  return { id: appId(n), displayName: `App ${n}` };
}

/** The resource an entitlement of index `e` belongs to, its slug and its purpose. */
function entitlementParts(s: DatasetShape, e: number): { resource: ResourceId; slug: string; purpose: number } {
  if (e < s.groups) return { resource: groupId(e), slug: 'member', purpose: 1 };
  let n = e - s.groups;
  if (n < s.roles) return { resource: roleId(n), slug: 'assigned', purpose: 1 };
  n -= s.roles;
  const app = Math.floor(n / APP_PERMISSIONS.length);
  return { resource: appId(app), slug: APP_PERMISSIONS[n % APP_PERMISSIONS.length] as string, purpose: 2 };
}

/** The id of entitlement `e` (`type:resource:slug`, as connectors build them). */
export function entitlementIdAt(s: DatasetShape, e: number): string {
  const p = entitlementParts(s, e);
  return `${p.resource.resourceType}:${p.resource.resource}:${p.slug}`;
}

/** Entitlement `e`: groups' membership, roles' assignment, then three permissions per app. */
export function entitlementAt(s: DatasetShape, e: number): Entitlement {
  const p = entitlementParts(s, e);
  return {
    resource: { id: p.resource, displayName: `${p.resource.resourceType} ${p.resource.resource}` },
    id: entitlementIdAt(s, e),
    displayName: `${p.resource.resource} ${p.slug}`,
    description: `${p.slug} of ${p.resource.resourceType} ${p.resource.resource}`,
    grantableTo: [{ id: 'user', traits: [1] }],
    purpose: p.purpose,
    slug: p.slug,
  };
}

/** The resource id of entitlement `e` (a filter value of listGrants and listEntitlements). */
export function entitlementResourceAt(s: DatasetShape, e: number): ResourceId {
  return entitlementParts(s, e).resource;
}

/** Numbers below `n` coprime to it (up to 16), so a user's stride through the entitlements never repeats one. */
function strides(n: number): number[] {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const out: number[] = [];
  for (let k = 1; k < n && out.length < 16; k++) if (gcd(k, n) === 1) out.push(k);
  return out.length > 0 ? out : [1];
}

const strideCache = new Map<number, number[]>();

/** Which entitlement and principal grant `i` links (unique per grant index). */
export function grantLink(s: DatasetShape, i: number): { entitlement: number; principal: ResourceId } {
  if (i < s.userGrants) {
    const user = Math.floor(i / s.grantsPerUser);
    const j = i % s.grantsPerUser;
    let st = strideCache.get(s.entitlements);
    if (st === undefined) {
      st = strides(s.entitlements);
      strideCache.set(s.entitlements, st);
    }
    // A skewed start (squared uniform) makes low-numbered groups big and the rest small, as in real directories.
    const start = Math.floor(unit(s.seed, user, 1) ** 2 * s.entitlements);
    const stride = st[mix(s.seed ^ 0x5bd1e995, user) % st.length] as number;
    return { entitlement: (start + j * stride) % s.entitlements, principal: userId(user) };
  }
  const k = i - s.userGrants;
  const group = k % s.groups;
  const nth = Math.floor(k / s.groups);
  const targets = s.entitlements - s.groups;
  return { entitlement: s.groups + ((group + nth) % targets), principal: groupId(group) };
}

/** Grant `i` of the shape. */
export function grantAt(s: DatasetShape, i: number): Grant {
  const link = grantLink(s, i);
  const ent = entitlementParts(s, link.entitlement);
  const entitlementId = entitlementIdAt(s, link.entitlement);
  const p = link.principal;
  const grant: Grant = {
    entitlement: { resource: { id: ent.resource }, id: entitlementId },
    principal: { id: p, displayName: `${p.resourceType} ${p.resource}` },
    id: `${entitlementId}:${p.resourceType}:${p.resource}`,
  };
  // Grants inherited through a group carry their source, as expanded grants do.
  return mix(s.seed, i) % 10 === 0 ? { ...grant, sources: { sources: [`group:g${mix(s.seed, i + 1) % s.groups}:member`] } } : grant;
}

/** The grants with indices in [from, to), in slices of at most `size`. */
export function* grantSlices(s: DatasetShape, from: number, to: number, size: number): Generator<Grant[]> {
  for (let at = from; at < to; at += size) {
    const end = Math.min(to, at + size);
    const slice: Grant[] = [];
    for (let i = at; i < end; i++) slice.push(grantAt(s, i));
    yield slice;
  }
}

/** The resources in slices of at most `size`. */
export function* resourceSlices(s: DatasetShape, size: number): Generator<Resource[]> {
  const total = resourceCount(s);
  for (let at = 0; at < total; at += size) {
    const slice: Resource[] = [];
    for (let i = at; i < Math.min(total, at + size); i++) slice.push(resourceAt(s, i));
    yield slice;
  }
}

/** Every entitlement of the shape. */
export function allEntitlements(s: DatasetShape): Entitlement[] {
  return Array.from({ length: s.entitlements }, (_, e) => entitlementAt(s, e));
}

/** Records of a sync holding `grants` grants and everything else of the shape. */
export function syncRecordCount(s: DatasetShape, grants: number): number {
  return resourceTypes().length + resourceCount(s) + s.entitlements + grants;
}
