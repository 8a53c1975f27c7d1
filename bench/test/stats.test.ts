import { alternatingOrder, median, perSecond, ratio, summarize } from '../stats';

describe('bench stats', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });

  it('does not reorder the caller’s list', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('summarises samples as median, min and max', () => {
    expect(summarize([10, 30, 20, 40, 50])).toEqual({ median: 30, min: 10, max: 50 });
  });

  it('gives the ratio of two medians, and none without a positive denominator', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, undefined)).toBeUndefined();
    expect(ratio(10, 0)).toBeUndefined();
  });

  it('computes rates and alternates the engine order', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(500, 0)).toBe(0);
    expect(alternatingOrder(['sqlite', 'leveldb'], 0)).toEqual(['sqlite', 'leveldb']);
    expect(alternatingOrder(['sqlite', 'leveldb'], 1)).toEqual(['leveldb', 'sqlite']);
    expect(alternatingOrder(['sqlite', 'leveldb'], 2)).toEqual(['sqlite', 'leveldb']);
  });
});
