/**
 * CI gate, part 1: every case of corpus/ replays on its engines and must do what its meta.json expects: `pass`
 * (curated scenarios and fixed bugs: no divergence) or `diverges` (a saved bug not fixed yet, which fails the build
 * until it is fixed and flipped to `pass`, see corpus/README.md). A failure prints the case's full text report.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCase, replayCase } from '../harness/corpus';
import { renderText } from '../harness/report';

const CORPUS = path.join(__dirname, '..', 'corpus');
const CASES = readdirSync(CORPUS)
  .filter((name) => statSync(path.join(CORPUS, name)).isDirectory())
  .sort();

test('the corpus holds the curated scenarios', () => {
  expect(CASES.filter((name) => name.startsWith('spec-')).length).toBeGreaterThanOrEqual(12);
});

test.each(CASES.filter((name) => name.startsWith('spec-')))('curated case %s states an expected result for every op', async (name) => {
  const c = await loadCase(path.join(CORPUS, name));
  expect(c.ops.filter((_, i) => c.expected[i] === undefined).length).toBe(0);
});

describe.each(CASES)('corpus case %s', (name) => {
  test('does what its meta.json expects', async () => {
    const c = await loadCase(path.join(CORPUS, name));
    const replay = await replayCase(c);
    if (replay.matches) {
      if (replay.outcome === 'diverges') {
        // A known bug, saved by fuzz and not fixed yet: the build stays red until it is fixed.
        throw new Error(`corpus case ${name} still diverges (expect "diverges": a saved bug that is not fixed yet)\n\n${renderText(replay.report)}`);
      }
      return;
    }
    if (replay.outcome === 'pass') {
      throw new Error(`corpus case ${name} no longer diverges: if its bug is fixed, set "expect": "pass" in ${path.join(c.dir, 'meta.json')}`);
    }
    throw new Error(`corpus case ${name} diverges but should pass\n\n${renderText(replay.report)}`);
  });
});
