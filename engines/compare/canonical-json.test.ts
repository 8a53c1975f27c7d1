import { canonicalJson, toJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, whatever the insertion order', () => {
    const a = { b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('sorts integer-like keys as strings, not in JS object order', () => {
    expect(canonicalJson({ '9': 1, '10': 2, a: 3 })).toBe('{"10":2,"9":1,"a":3}');
  });

  it('drops undefined fields, prints bytes as hex and keeps __proto__ as data', () => {
    const value = JSON.parse('{"__proto__": 1}') as object;
    expect(canonicalJson({ x: undefined, y: new Uint8Array([0, 255]), p: value })).toBe('{"p":{"__proto__":1},"y":"00ff"}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, NaN])).toBe('[null,"NaN"]');
  });

  it('indents when asked and stays parseable', () => {
    const text = canonicalJson({ b: [1, 2], a: {} }, 2);
    expect(text).toBe('{\n  "a": {},\n  "b": [\n    1,\n    2\n  ]\n}');
    expect(JSON.parse(text)).toEqual({ a: {}, b: [1, 2] });
  });

  it('converts Maps, Sets and cycles to plain data', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(toJson(new Map([['k', new Set([1])]]))).toEqual({ k: [1] });
    expect(toJson(cyclic)).toEqual({ self: '[cycle]' });
  });
});
