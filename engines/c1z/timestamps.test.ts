import fc from 'fast-check';
import { StorageError } from '../../models/contract/errors';
import { formatC1zTime, parseC1zTime } from './timestamps';

function expectCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(StorageError);
  expect((caught as StorageError).code).toBe(code);
}

describe('parseC1zTime', () => {
  it('reads the timestamps the Go SDK writes, as UTC microseconds', () => {
    expect(parseC1zTime('2025-12-17 16:31:25.065473')).toBe(Date.UTC(2025, 11, 17, 16, 31, 25) * 1000 + 65_473);
    expect(parseC1zTime('2025-12-17 16:31:25.27273')).toBe(Date.UTC(2025, 11, 17, 16, 31, 25) * 1000 + 272_730);
    expect(parseC1zTime('2026-03-03 09:45:13')).toBe(Date.UTC(2026, 2, 3, 9, 45, 13) * 1000);
    expect(parseC1zTime('1970-01-01 00:00:00')).toBe(0);
  });

  it('truncates nine fractional digits to six, never rounding', () => {
    expect(parseC1zTime('2025-12-17 16:31:25.065473999')).toBe(parseC1zTime('2025-12-17 16:31:25.065473'));
    expect(parseC1zTime('1969-12-31 23:59:59.999999999')).toBe(-1);
    expect(parseC1zTime('2000-01-01 00:00:00.0000009')).toBe(Date.UTC(2000, 0, 1) * 1000);
  });

  it("accepts a 'T' separator and a trailing 'Z' or '+00:00'", () => {
    const expected = parseC1zTime('2025-12-17 16:31:25.5');
    expect(parseC1zTime('2025-12-17T16:31:25.5')).toBe(expected);
    expect(parseC1zTime('2025-12-17T16:31:25.500Z')).toBe(expected);
    expect(parseC1zTime('2025-12-17 16:31:25.5+00:00')).toBe(expected);
  });

  it('handles times before 1970 and leap days', () => {
    expect(parseC1zTime('1969-12-31 23:59:59')).toBe(-1_000_000);
    expect(parseC1zTime('1900-03-01 00:00:00')).toBe(Date.UTC(1900, 2, 1) * 1000);
    expect(parseC1zTime('2000-02-29 12:00:00')).toBe(Date.UTC(2000, 1, 29, 12) * 1000);
  });

  it.each([
    '',
    'garbage',
    '2025-12-17',
    '2025-12-17 16:31',
    '2025-12-17 16:31:25.',
    '2025-12-17 16:31:25.1234567890',
    '2025-12-17 16:31:25+01:00',
    '2025-12-17 16:31:25z',
    ' 2025-12-17 16:31:25',
    '2025-13-01 00:00:00',
    '2025-00-01 00:00:00',
    '2025-02-29 00:00:00',
    '1900-02-29 00:00:00',
    '2025-04-31 00:00:00',
    '2025-12-17 24:00:00',
    '2025-12-17 23:60:00',
    '2025-12-17 23:59:60',
    '0000-01-01 00:00:00',
    '25-12-17 16:31:25',
    '２025-12-17 16:31:25',
  ])('rejects %j as CORRUPTION', (text) => {
    expectCode(() => parseC1zTime(text), 'CORRUPTION');
  });

  it('rejects dates whose microseconds are not exact in a double as CORRUPTION', () => {
    expectCode(() => parseC1zTime('0001-01-01 00:00:00'), 'CORRUPTION');
    expectCode(() => parseC1zTime('9999-12-31 23:59:59.999999'), 'CORRUPTION');
    expect(formatC1zTime(parseC1zTime(formatC1zTime(Number.MAX_SAFE_INTEGER)))).toBe(formatC1zTime(Number.MAX_SAFE_INTEGER));
  });
});

describe('formatC1zTime', () => {
  it('writes UTC with up to six digits and trims trailing zeros', () => {
    const base = Date.UTC(2025, 11, 17, 16, 31, 25) * 1000;
    expect(formatC1zTime(base + 65_473)).toBe('2025-12-17 16:31:25.065473');
    expect(formatC1zTime(base + 272_730)).toBe('2025-12-17 16:31:25.27273');
    expect(formatC1zTime(base + 500_000)).toBe('2025-12-17 16:31:25.5');
    expect(formatC1zTime(base)).toBe('2025-12-17 16:31:25');
    expect(formatC1zTime(base + 1)).toBe('2025-12-17 16:31:25.000001');
  });

  it('writes times before 1970', () => {
    expect(formatC1zTime(-1)).toBe('1969-12-31 23:59:59.999999');
    expect(formatC1zTime(-1_000_000)).toBe('1969-12-31 23:59:59');
    expect(formatC1zTime(-999_999)).toBe('1969-12-31 23:59:59.000001');
  });

  it('writes the edges of the safe-integer range', () => {
    expect(formatC1zTime(Number.MAX_SAFE_INTEGER)).toBe('2255-06-05 23:47:34.740991');
    expect(formatC1zTime(Number.MIN_SAFE_INTEGER)).toBe('1684-07-28 00:12:25.259009');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects %p', (value) => {
    expectCode(() => formatC1zTime(value), 'INVALID_ARGUMENT');
  });

  it('agrees with Date on the second and round-trips through parse over the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (micros) => {
        const text = formatC1zTime(micros);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{0,5}[1-9])?$/);
        expect(parseC1zTime(text)).toBe(micros);
        const wholeSeconds = micros - (((micros % 1_000_000) + 1_000_000) % 1_000_000);
        const iso = new Date(wholeSeconds / 1000).toISOString();
        expect(text.slice(0, 19)).toBe(iso.slice(0, 19).replace('T', ' '));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips text with any number of fraction digits up to nine, truncated to six', () => {
    const date = fc.integer({ min: Date.UTC(1700, 0, 1) / 1000, max: Date.UTC(2250, 0, 1) / 1000 });
    fc.assert(
      fc.property(date, fc.stringMatching(/^\d{0,9}$/), (seconds, digits) => {
        const whole = formatC1zTime(seconds * 1_000_000);
        const text = digits === '' ? whole : `${whole}.${digits}`;
        const micros = parseC1zTime(text);
        expect(micros).toBe(seconds * 1_000_000 + Number(digits.padEnd(6, '0').slice(0, 6)));
      }),
      { numRuns: 1000 },
    );
  });
});
