/**
 * Simplifying op arguments: leaving out each optional argument (a page size, a token, a filter, a named sync, the
 * `ifNewer` flag) and turning a seeded big sync token into a short literal, one at a time, whenever the divergence
 * persists.
 */
import { makeOp, type Op } from '../ops';
import { OP_LAYOUTS } from '../ops/kinds';
import type { Tester } from './tester';

/** The simpler variants of one op, each differing from it in one argument. */
function variants(op: Op): Op[] {
  const record = op as unknown as Readonly<Record<string, unknown>>;
  const layout = OP_LAYOUTS[op.kind];
  const out: Op[] = [];
  for (const f of layout.fields) {
    if (f.optional === true && record[f.field] !== undefined) out.push(makeOp({ ...record, [f.field]: undefined } as unknown as Op));
  }
  for (const flag of layout.flags ?? []) {
    if (record[flag.field] === true) out.push(makeOp({ ...record, [flag.field]: false } as unknown as Op));
  }
  if (op.kind === 'checkpointSync' && 'seed' in op.token) out.push(makeOp({ ...op, token: { text: 't' } }));
  return out;
}

/** Tries every simpler variant of every op, keeping each that still diverges. */
export async function simplifyArgs(ops: readonly Op[], tester: Tester): Promise<readonly Op[]> {
  let current = ops;
  for (let i = 0; i < current.length && !tester.expired(); i++) {
    let changed = true;
    while (changed && !tester.expired()) {
      changed = false;
      for (const v of variants(current[i] as Op)) {
        const candidate = current.map((o, j) => (j === i ? v : o));
        if (await tester.test(candidate)) {
          current = candidate;
          changed = true;
          break;
        }
      }
    }
  }
  return current;
}
