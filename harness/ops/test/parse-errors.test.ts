import { OpParseError, parseOp, parseOps } from '..';

function errorOf(fn: () => unknown): OpParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OpParseError) return err;
    throw err;
  }
  throw new Error('expected an OpParseError');
}

describe('op text errors', () => {
  test.each([
    ['frobnicate', /unknown op kind/],
    ['getGrant', /expected a string, found end of line/],
    ['getGrant g1 extra', /unknown flag/],
    ['getGrant g1 color=red', /unknown key/],
    ['getGrant g1 sync=a sync=b', /repeated key/],
    ['getGrant "g1', /unterminated string/],
    ['getGrant "\\q"', /bad escape/],
    ['getGrant "\\u12"', /bad escape/],
    ['getGrant "\\u{110000}"', /bad escape/],
    ['getGrant g1!', /unexpected character/],
    ['listGrants size=1.5', /expected an integer/],
    ['listGrants size=01', /expected an integer/],
    ['listGrants size=99999999999999999', /out of range/],
    ['listGrants token=other', /expected malformed or foreign/],
    ['listGrants token=@foreign', /expected malformed or foreign/],
    ['getResource user', /expected '\/'/],
    ['getResource user/u1/maybe', /expected baton or nobaton/],
    ['putGrants [g1 ent=[e1 res=group/g1]]', /missing principal=/],
    ['putGrants [g1 ent=[e1 res=group/g1] principal=user/u1', /expected '\]'/],
    ['putAsset a1 type=x data=0xABC', /expected hex bytes/],
    ['putAsset a1 type=x', /missing data=/],
    ['putGrants @batch(seed=1,n=2,pool=huge)', /expected core or wide or unique/],
    ['putGrants @batch(n=2,seed=1,pool=core)', /expected seed=/],
    ['putGrants @batch(seed=1,n=-2,pool=core)', /must not be negative/],
    ['clock jump 5', /expected step or set/],
    ['cleanup keep=', /expected a number or a quoted string/],
    ['cleanup keep=1.50', /expected a number as JavaScript prints it/],
    ['putResourceTypes [user traits=(1 2]', /expected an integer/],
  ])('%s fails with %s', (line, message) => {
    const err = errorOf(() => parseOp(line));
    expect(err.message).toMatch(message);
    expect(err.line).toBe(1);
    expect(err.message).toContain(line.slice(0, 20));
  });

  test('parseOps names the line of the error', () => {
    const err = errorOf(() => parseOps('startSync\n# comment\n\nputGrants [g1\nendSync\n'));
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^line 4, column \d+: /);
  });

  test('the column points at the offending token', () => {
    const err = errorOf(() => parseOp('getGrant g1 color=red'));
    expect(err.column).toBe(13);
  });

  test('parseOp refuses an empty line', () => {
    expect(errorOf(() => parseOp('   # nothing')).message).toMatch(/empty line/);
  });
});
