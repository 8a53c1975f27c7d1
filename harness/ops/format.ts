/** Op text: one canonical line per op, which `parseOp` reads back to an equal op. */
import { OP_LAYOUTS } from './kinds';
import { EXPECTED_PREFIX } from './parse';
import { formatFields } from './text/fields';
import type { Op } from './types';

/** Formats one op as its canonical line, e.g. `putGrants [g1 ent=[e1 res=group/g1] principal=user/u1] ifNewer`. */
export function formatOp(op: Op): string {
  const args = formatFields(OP_LAYOUTS[op.kind], op as unknown as Readonly<Record<string, unknown>>);
  return args === '' ? op.kind : `${op.kind} ${args}`;
}

/** Formats ops one per line, each followed by its expected result as a line `=> <result>` when it has one. */
export function formatOpsWithExpected(ops: readonly Op[], expected: readonly (string | undefined)[]): string {
  return ops.map((op, i) => `${formatOp(op)}\n${expected[i] === undefined ? '' : `${EXPECTED_PREFIX}${expected[i]}\n`}`).join('');
}

/** Formats ops one per line, each line ending with a newline. */
export function formatOps(ops: readonly Op[]): string {
  return ops.map((op) => `${formatOp(op)}\n`).join('');
}
