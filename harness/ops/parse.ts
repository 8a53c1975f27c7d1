/** Reads op text back into ops; every error names the line (and column) where the text went wrong. */
import { isOpKind, OP_LAYOUTS } from './kinds';
import { makeOp } from './make-op';
import { Cursor } from './text/cursor';
import { parseFields } from './text/fields';
import { OpSyntaxError, tokenize } from './text/lexer';
import type { Op } from './types';

/** What starts a line that states the expected result of the op line above it. */
export const EXPECTED_PREFIX = '=> ';

/** Op text that cannot be parsed: the message names the 1-based line and column. */
export class OpParseError extends Error {
  override readonly name = 'OpParseError';

  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    readonly text: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}: ${text.length > 120 ? `${text.slice(0, 120)}...` : text}`);
  }
}

/** Parses one line into an op, or undefined for a blank or comment-only line; throws OpSyntaxError. */
function parseLine(line: string): Op | undefined {
  const tokens = tokenize(line);
  const cur = new Cursor(tokens, line.length);
  if (cur.atEnd()) return undefined;
  const head = cur.next('an op kind');
  const kind = head.value;
  if (head.type !== 'word' || !isOpKind(kind)) return cur.fail('unknown op kind', head);
  const op = parseFields(OP_LAYOUTS[kind], cur, () => cur.atEnd(), { kind });
  return makeOp(op as unknown as Op);
}

/** Parses one op line (`lineNumber` is used in errors); throws OpParseError on bad or empty input. */
export function parseOp(line: string, lineNumber = 1): Op {
  let op: Op | undefined;
  try {
    op = parseLine(line);
  } catch (err) {
    if (err instanceof OpSyntaxError) throw new OpParseError(lineNumber, err.column, err.message, line);
    throw err;
  }
  if (op === undefined) throw new OpParseError(lineNumber, 1, 'expected an op, found an empty line', line);
  return op;
}

/** The expected result a line `=> <result>` states, or undefined when the line is no such line. */
export function expectationOf(line: string): string | undefined {
  const trimmed = line.trim();
  return trimmed.startsWith(EXPECTED_PREFIX.trim()) ? trimmed.slice(EXPECTED_PREFIX.trim().length).trim() : undefined;
}

/** Op text with expected results: the ops, and per op the text of its `=> <result>` line (undefined when none). */
export interface OpsWithExpected {
  readonly ops: Op[];
  readonly expected: (string | undefined)[];
}

/**
 * Parses op text, one op per line, each op optionally followed by a line `=> <result>` (its expected result, the
 * canonical text histories print); blank lines and `#` comments are skipped.
 */
export function parseOpsWithExpected(text: string): OpsWithExpected {
  const ops: Op[] = [];
  const expected: (string | undefined)[] = [];
  let lastWasOp = false;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const result = expectationOf(line);
    if (result !== undefined) {
      if (!lastWasOp) throw new OpParseError(i + 1, 1, 'an expected result "=> ..." must follow its op line', line);
      if (result === '') throw new OpParseError(i + 1, 1, 'an expected result "=> ..." must state a result', line);
      expected[ops.length - 1] = result;
      lastWasOp = false;
      continue;
    }
    try {
      const op = parseLine(line);
      if (op !== undefined) {
        ops.push(op);
        expected.push(undefined);
        lastWasOp = true;
      }
    } catch (err) {
      if (err instanceof OpSyntaxError) throw new OpParseError(i + 1, err.column, err.message, line);
      throw err;
    }
  }
  return { ops, expected };
}

/** Parses op text, one op per line; blank lines, `#` comments and expected results (`=> ...`) are skipped. */
export function parseOps(text: string): Op[] {
  return parseOpsWithExpected(text).ops;
}
