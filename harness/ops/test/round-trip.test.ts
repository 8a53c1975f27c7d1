import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { formatOps, makeOp, parseOps, type Op } from '..';
import { opsArbitrary, wildVocab } from '../../generator';
import { BATCH_POOLS } from '../items';

/** Ops whose numbers range over every safe integer the text allows (the presets only draw a few). */
const wildNumberOp: fc.Arbitrary<Op> = fc.oneof(
  fc
    .tuple(fc.constantFrom('step' as const, 'set' as const), fc.maxSafeInteger())
    .map(([mode, micros]) => makeOp<Op>({ kind: 'clock', mode, micros })),
  fc.maxSafeInteger().map((pageSize) => makeOp<Op>({ kind: 'listSyncRuns', pageSize })),
  fc.maxSafeInteger().map((keep) => makeOp<Op>({ kind: 'cleanup', keep })),
  fc.oneof(fc.double(), fc.string()).map((keep) => makeOp<Op>({ kind: 'cleanup', keep })),
  fc
    .record({ seed: fc.maxSafeInteger(), n: fc.maxSafeNat(), pool: fc.constantFrom(...BATCH_POOLS), poison: fc.boolean() })
    .map((batch) => makeOp<Op>({ kind: 'putGrants', source: { batch }, ifNewer: true })),
  fc
    .tuple(fc.maxSafeInteger(), fc.maxSafeNat())
    .map(([seed, size]) => makeOp<Op>({ kind: 'putAsset', id: 'a', contentType: 't', data: { seed, size } })),
  fc
    .uint8Array({ maxLength: 40 })
    .map((bytes) => makeOp<Op>({ kind: 'putAsset', id: 'a', contentType: 't', data: { hex: Buffer.from(bytes).toString('hex') } })),
  fc
    .tuple(fc.maxSafeInteger(), fc.maxSafeNat())
    .map(([seed, size]) => makeOp<Op>({ kind: 'checkpointSync', token: { seed, size } })),
  fc
    .array(fc.maxSafeInteger(), { maxLength: 4 })
    .map((traits) => makeOp<Op>({ kind: 'putResourceTypes', source: { items: [{ id: 't', traits }] }, ifNewer: false })),
);

/** Strict deep equality (prototypes and undefined keys count), with jest's diff when it fails. */
function expectRoundTrip(ops: readonly Op[]): void {
  const back = parseOps(formatOps(ops));
  if (!isDeepStrictEqual(back, ops)) {
    expect(back).toEqual(ops);
    throw new Error('ops differ after the round trip (prototypes or undefined keys)');
  }
}

describe('op text round trip (property)', () => {
  test('parseOps(formatOps(ops)) equals ops for generated ops with arbitrary strings', () => {
    const ops = opsArbitrary('default', { vocab: wildVocab(), maxOps: 20 });
    fc.assert(
      fc.property(ops, (generated) => {
        expectRoundTrip(generated);
      }),
      { numRuns: 1000, seed: 20260101 },
    );
  });

  test('every preset round trips with its own pools', () => {
    for (const preset of ['default', 'lifecycle-heavy', 'paging', 'cleanup', 'big-batches', 'assets']) {
      fc.assert(
        fc.property(opsArbitrary(preset), (generated) => {
          expectRoundTrip(generated);
        }),
        { numRuns: 100, seed: 7 },
      );
    }
  });

  test('numbers round trip over the whole safe range', () => {
    fc.assert(
      fc.property(fc.array(wildNumberOp, { maxLength: 10 }), (generated) => {
        expectRoundTrip(generated);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
