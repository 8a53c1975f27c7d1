/**
 * A sync full of near-miss ids (u1/u10, user/users, us+eru1 vs user+u1, a/a\u0001, astral characters) and the
 * plain predicates that say which records each filter of SPEC §4 must return.
 */
import type { Entitlement, Grant, Resource, ResourceId } from '../../models/types';
import { ent, grant, res, rid, rt } from './records';

const SMILE = '\u{1F600}';

/** Resource type ids in use, and near misses that match nothing. */
export const TYPE_IDS = ['user', 'users', 'us', 'a', 'a\u0001', 'group', SMILE, `${SMILE}\u0001`];
/** Type ids no record uses, each a prefix or extension of one that is used. */
export const MISSING_TYPE_IDS = ['use', 'u', 'userx', 'grou', 'groups', 'a\u0001\u0001', '\uD83D\uDE01'];

const u1 = res('user', 'u1');
const u10 = res('user', 'u10');
const usersU1 = res('users', 'u1');
const usEru1 = res('us', 'eru1');
const ax = res('a', 'x');
const a1x = res('a\u0001', 'x');
const aSohX = res('a', '\u0001x');
const g1 = res('group', 'g1');
const g10 = res('group', 'g10');
const smileX = res(SMILE, `x${SMILE}`);
const smilePlainX = res(SMILE, 'x');

/** The resources of the filter sync. */
export const FILTER_RESOURCES: readonly Resource[] = [
  u1,
  u10,
  usersU1,
  usEru1,
  ax,
  a1x,
  aSohX,
  g1,
  g10,
  smileX,
  smilePlainX,
  res('user', 'u1\u0001'),
  res('user', `u1${SMILE}`),
  res('user', 'u2', { parent: rid('group', 'g1') }),
  res('user', 'u3', { parent: rid('group', 'g10') }),
  res('user', 'u4', { parent: rid('users', 'u1') }),
  res('user', 'u5', { parent: rid('user', 'u1') }),
  res('users', 'u6', { parent: rid('user', 'u10') }),
  res('a', 'y', { parent: rid('a', '\u0001x') }),
  res('a\u0001', 'y', { parent: rid('a\u0001', 'x') }),
  res(SMILE, 'y', { parent: rid('us', 'eru1') }),
];

const e1 = ent('e1', u1);
const e10 = ent('e10', u10);
const e2 = ent('e2', usersU1);
const e3 = ent('e3', g1);
const e4 = ent('e4', g10);
const e5 = ent('e5', ax);
const e6 = ent('e6', a1x);
const e7 = ent('e7', smileX);
const e8 = ent('e8', usEru1);
const e9 = ent('e9', aSohX);
const e1soh = ent('e1\u0001', u1);

/** The entitlements of the filter sync. */
export const FILTER_ENTITLEMENTS: readonly Entitlement[] = [e1, e10, e2, e3, e4, e5, e6, e7, e8, e9, e1soh];

/** The grants of the filter sync. */
export const FILTER_GRANTS: readonly Grant[] = [
  grant('g1', e1, u1),
  grant('g2', e1, u10),
  grant('g3', e1, usersU1),
  grant('g4', e1, g1),
  grant('g5', e10, u1),
  grant('g6', e2, u1),
  grant('g7', e3, u10),
  grant('g8', e4, g1),
  grant('g9', e5, a1x),
  grant('g10', e6, ax),
  grant('g11', e7, smilePlainX),
  grant('g12', e8, usEru1),
  grant('g13', e9, aSohX),
  grant('g14', e1soh, u1),
  grant('g15', e1, usEru1),
  grant('g16', e3, smileX),
];

/** The whole filter sync. */
export const FILTER_CONTENT = {
  resourceTypes: TYPE_IDS.map((t) => rt(t)),
  resources: FILTER_RESOURCES,
  entitlements: FILTER_ENTITLEMENTS,
  grants: FILTER_GRANTS,
};

/** Every resource id a filter is tried with: all in use, parents, and ids that exist under another type only. */
export const RESOURCE_IDS: readonly ResourceId[] = [
  ...FILTER_RESOURCES.map((r) => r.id),
  rid('user', 'u'),
  rid('user', 'u100'),
  rid('users', 'u10'),
  rid('group', 'g'),
  rid('a', 'x\u0001'),
  rid('user', 'eru1'),
  rid('us', 'eru'),
];

/** Every entitlement id a filter is tried with. */
export const ENTITLEMENT_IDS = [...FILTER_ENTITLEMENTS.map((e) => e.id), 'e', 'e100', 'e1\u0001\u0001'];

/** Whether two resource ids are the same identity. */
export function sameId(a: ResourceId | undefined, b: ResourceId): boolean {
  return a !== undefined && a.resourceType === b.resourceType && a.resource === b.resource;
}
