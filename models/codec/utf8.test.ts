import fc from 'fast-check';
import { CodecError } from './codec-error';
import { checkUtf8, compareUtf8, writeUtf8 } from './utf8';

const strict = new TextDecoder('utf-8', { fatal: true });

function isValid(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('utf8', () => {
  it('checkUtf8 accepts exactly what a fatal TextDecoder accepts', () => {
    const nearUtf8 = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5)),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(nearUtf8, (list) => {
        const bytes = new Uint8Array(list);
        let ok = true;
        try {
          checkUtf8(bytes, 0, bytes.length, 'x');
        } catch (err) {
          expect(err).toBeInstanceOf(CodecError);
          ok = false;
        }
        expect(ok).toBe(isValid(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('writeUtf8 writes what Buffer writes for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const buf = new Uint8Array(s.length * 3);
        const end = writeUtf8(buf, 0, s, 'x');
        expect(Buffer.from(buf.subarray(0, end)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compareUtf8 orders strings as their UTF-8 bytes', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\u007f', '\u0080', '\uffff', '\ue000', '😀', '\u{10ffff}', '') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
  });
});
