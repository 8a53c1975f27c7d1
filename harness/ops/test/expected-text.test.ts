import fc from 'fast-check';
import { canonicalJson, type Json } from '../../../engines/compare';
import { formatOps, formatOpsWithExpected, OpParseError, parseOps, parseOpsWithExpected } from '..';
import { opsArbitrary } from '../../generator';

const result: fc.Arbitrary<string | undefined> = fc.option(
  fc.jsonValue().map((v) => canonicalJson(v as Json)),
  { nil: undefined },
);

describe('op text with expected results', () => {
  it('round trips ops and their expected results (property)', () => {
    fc.assert(
      fc.property(
        opsArbitrary('default', { maxOps: 12 }).chain((ops) => fc.tuple(fc.constant(ops), fc.array(result, { minLength: ops.length, maxLength: ops.length }))),
        ([ops, expected]) => {
          const text = formatOpsWithExpected(ops, expected);
          expect(parseOpsWithExpected(text)).toEqual({ ops, expected });
          expect(parseOps(text)).toEqual(ops);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads cases without expectations as before, and comments between an op and its result', () => {
    const plain = 'startNewSync\n# a comment\nendSync\n';
    expect(parseOpsWithExpected(plain)).toEqual({ ops: parseOps(plain), expected: [undefined, undefined] });
    const text = 'startNewSync  # why\n# note\n=> "s0001"\n\nendSync\n  =>  null  \n';
    expect(parseOpsWithExpected(text).expected).toEqual(['"s0001"', 'null']);
    expect(formatOpsWithExpected(parseOps(text), [undefined, undefined])).toBe(formatOps(parseOps(text)));
  });

  it.each([
    ['=> null\nstartNewSync', 1],
    ['startNewSync\n=> "s0001"\n=> "s0001"', 3],
    ['startNewSync\n=>', 2],
  ])('refuses a misplaced or empty result line: %j', (text, line) => {
    expect(() => parseOpsWithExpected(text)).toThrow(OpParseError);
    try {
      parseOpsWithExpected(text);
    } catch (err) {
      expect((err as OpParseError).line).toBe(line);
    }
  });
});
