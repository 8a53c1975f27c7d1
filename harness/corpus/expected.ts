/**
 * Expected results of a corpus case: an op line of its `ops` file may be followed by `=> <result>`, the canonical
 * text the histories print for that op's result. A replay checks the model's history against them (so that the
 * engines and the model agreeing on a wrong answer still fails), and `repro --update-expected` writes them.
 */
import type { Divergence } from '../../engines/compare';
import { EXPECTED_PREFIX, expectationOf, formatOp, parseOp, type Op } from '../ops';

/** The engine whose history expected results are checked against: the model, else the case's first engine. */
export function expectedResultsEngine(histories: Readonly<Record<string, readonly string[]>>, engines: readonly string[]): string | undefined {
  if (histories['memory'] !== undefined) return 'memory';
  return engines.find((e) => histories[e] !== undefined);
}

/** The result part of history line `line` of op `opIndex` (`#<i> <op text> => <result>`). */
export function historyResult(line: string, opIndex: number, op: Op): string {
  const prefix = `#${opIndex} ${formatOp(op)} => `;
  if (line.startsWith(prefix)) return line.slice(prefix.length);
  const at = line.indexOf(' => ');
  return at < 0 ? line : line.slice(at + 4);
}

/**
 * A result text in ASCII: every UTF-16 unit from U+007F up written as a JSON `\uXXXX` escape (such characters only
 * occur inside JSON strings, so the JSON is the same), as op text keeps ids ASCII so no editor can change them.
 */
export function asciiResult(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function asJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A divergence for every op whose expected result differs from what `engine`'s history shows (only ops that ran
 * are checked: a run stops at the first divergence between engines, which is reported on its own).
 */
export function expectedResultDivergences(
  ops: readonly Op[],
  expected: readonly (string | undefined)[],
  histories: Readonly<Record<string, readonly string[]>>,
  engine: string,
): Divergence[] {
  const history = histories[engine] ?? [];
  const found: Divergence[] = [];
  for (const [i, want] of expected.entries()) {
    const op = ops[i];
    const line = history[i];
    if (want === undefined || op === undefined || line === undefined) continue;
    const got = asciiResult(historyResult(line, i, op));
    if (got === asciiResult(want)) continue;
    const text = formatOp(op);
    found.push({
      code: 'expected-result',
      opIndex: i,
      op: text,
      engines: ['ops file', engine],
      expected: asJson(want),
      actual: asJson(got),
      detail: `#${i} ${text}: the ops file expects ${want}, ${engine} returned ${got}`,
    });
  }
  return found;
}

/**
 * The ops file `text` with every op line followed by `=> <result>` from `results` (the op's index in the file's op
 * order), old result lines dropped; comments, blank lines and the ops themselves are kept as they are.
 */
export function withExpectedResults(text: string, results: readonly (string | undefined)[]): string {
  const out: string[] = [];
  let opIndex = 0;
  for (const line of text.split('\n')) {
    if (expectationOf(line) !== undefined) continue;
    out.push(line);
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    parseOp(line);
    const result = results[opIndex];
    opIndex += 1;
    if (result !== undefined) out.push(`${EXPECTED_PREFIX}${asciiResult(result)}`);
  }
  return out.join('\n');
}
