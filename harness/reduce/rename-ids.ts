/**
 * Renaming ids to short names: every odd id (long, non-ASCII, with spaces or quotes) becomes the next free short
 * name of its role (`t1`, `r1`, `e1`, `g1`, `a1`, `clone1`), consistently across all ops, whenever the divergence
 * persists. Plain ids (`user`, `u10`, `member`) stay: they already read well and near misses among them matter.
 * Invalid ids stay too: renaming one would turn an error case into a valid one.
 */
import { expandBatch } from '../generator';
import type { Op } from '../ops';
import { ID_ROLES, mapOpIds, type IdRole } from './id-roles';
import type { Tester } from './tester';

/** The prefix of the short names of each role. */
export const SHORT_PREFIX: Readonly<Record<IdRole, string>> = { type: 't', resource: 'r', entitlement: 'e', grant: 'g', asset: 'a', destination: 'clone' };

const PLAIN = /^[a-z][a-z0-9]{0,7}$/;

/** Tells whether an id is valid for its role by SPEC §1 (non-empty, at most 1024 UTF-8 bytes, no U+0000, ...). */
function isValidId(role: IdRole, id: string): boolean {
  if (id === '' || id.includes('\u0000') || !id.isWellFormed() || Buffer.byteLength(id, 'utf8') > 1024) return false;
  return role !== 'type' || !id.includes(':');
}

type IdsByRole = Map<IdRole, string[]>;

/** Every id of every role, in order of first appearance; with `batches`, the ids that seeded batches expand to too. */
function collectIds(ops: readonly Op[], batches: boolean): IdsByRole {
  const found = new Map<IdRole, Set<string>>(ID_ROLES.map((r) => [r, new Set<string>()]));
  const record = (role: IdRole, id: string) => {
    found.get(role)?.add(id);
    return id;
  };
  for (const op of ops) {
    mapOpIds(op, record);
    if (batches && 'source' in op && 'batch' in op.source) {
      for (const item of expandBatch(op.kind, op.source.batch)) mapOpIds({ kind: op.kind, source: { items: [item] }, ifNewer: false } as Op, record);
    }
  }
  return new Map([...found].map(([role, ids]) => [role, [...ids]]));
}

/** Renames `ids` (of `role`) in order to the first short names not otherwise in use. */
function shortNames(role: IdRole, ids: readonly string[], inUse: ReadonlySet<string>): Map<string, string> {
  const mapping = new Map<string, string>();
  let n = 0;
  for (const id of ids) {
    let name: string;
    do {
      n += 1;
      name = `${SHORT_PREFIX[role]}${n}`;
    } while (inUse.has(name));
    mapping.set(id, name);
  }
  return mapping;
}

/** The ops with the ids of `plan` renamed (role by role). */
function applyPlan(ops: readonly Op[], plan: ReadonlyMap<IdRole, ReadonlyMap<string, string>>): Op[] {
  return ops.map((op) => mapOpIds(op, (role, id) => plan.get(role)?.get(id) ?? id));
}

/** Renames odd ids to short names while `tester` says the divergence persists: all at once, else role by role, else id by id. */
export async function renameIds(ops: readonly Op[], tester: Tester): Promise<readonly Op[]> {
  const all = collectIds(ops, true);
  const odd = new Map(ID_ROLES.map((role) => [role, (collectIds(ops, false).get(role) ?? []).filter((id) => !PLAIN.test(id) && isValidId(role, id))]));
  const planFor = (role: IdRole, ids: readonly string[]) => {
    const renamed = new Set(ids);
    return shortNames(role, ids, new Set((all.get(role) ?? []).filter((id) => !renamed.has(id))));
  };
  const roles = ID_ROLES.filter((role) => (odd.get(role) ?? []).length > 0);
  if (roles.length === 0) return ops;
  const whole = applyPlan(ops, new Map(roles.map((role) => [role, planFor(role, odd.get(role) ?? [])])));
  if (await tester.test(whole)) return whole;
  let current = ops;
  for (const role of roles) {
    const ids = odd.get(role) ?? [];
    const byRole = applyPlan(current, new Map([[role, planFor(role, ids)]]));
    if (await tester.test(byRole)) {
      current = byRole;
      continue;
    }
    if (ids.length === 1) continue;
    for (const id of ids) {
      const taken = collectIds(current, true).get(role) ?? [];
      const name = shortNames(role, [id], new Set(taken));
      const one = applyPlan(current, new Map([[role, name]]));
      if (await tester.test(one)) current = one;
    }
  }
  return current;
}
