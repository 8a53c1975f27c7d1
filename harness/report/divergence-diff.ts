/**
 * The unified diff of a divergence's two sides, over canonical pretty JSON. The comparison already kept only the
 * differing records, so the diff never sees two large lists (STACK: `diff` is quadratic on them).
 */
import { createTwoFilesPatch } from 'diff';
import { canonicalJson, type Divergence } from '../../engines/compare';

/** The expected and actual sides of a divergence as canonical pretty JSON, one trailing newline each. */
export function divergenceSides(d: Divergence): { expected: string; actual: string } {
  return { expected: `${canonicalJson(d.expected, 2)}\n`, actual: `${canonicalJson(d.actual, 2)}\n` };
}

/** Beyond this many edits a diff is abandoned: sides that differ everywhere are shown whole instead (STACK). */
export const MAX_DIFF_EDITS = 500;

/** The first `max` lines of a text, with a note of how many were left out. */
function head(text: string, max = 400): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.length <= max ? lines.join('\n') : [...lines.slice(0, max), `... (${lines.length - max} more lines)`].join('\n');
}

/** A unified diff (`---`/`+++` headers naming the engines, then hunks) of the divergence's two sides. */
export function divergenceDiff(d: Divergence): string {
  const { expected, actual } = divergenceSides(d);
  const from = `${d.engines[0]} (expected)`;
  const to = `${d.engines[1]} (actual)`;
  const patch = createTwoFilesPatch(from, to, expected, actual, undefined, undefined, { context: 3, maxEditLength: MAX_DIFF_EDITS });
  if (patch === undefined) {
    return [`--- ${from}`, `+++ ${to}`, '(the sides differ too much for a diff; both follow, each cut at 400 lines)', head(expected), '=== actual', head(actual)].join('\n');
  }
  // The first line is a row of '=' that createTwoFilesPatch prints before the headers; it carries nothing.
  return patch.replace(/^=+\n/, '').replace(/\n$/, '');
}

/** The one-line title of a divergence: code, op index, op text and the two engines. */
export function divergenceTitle(d: Divergence): string {
  return `${d.code} at #${d.opIndex} ${d.op} [${d.engines[0]} vs ${d.engines[1]}]`;
}
