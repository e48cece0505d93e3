import { describe, expect, it } from 'vitest';
import { kept } from '../../src/core/kept.js';

describe('kept', () => {
  it('GIVEN a key asked again THEN made once; past the bound THEN all are dropped and made again', () => {
    const made: string[] = [];
    const length = kept((key: string) => {
      made.push(key);
      return key.length;
    }, 2);
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(made).toEqual(['a', 'bb']);
    // A third key: the two kept are dropped, so the first is made again.
    expect([length('ccc'), length('a')]).toEqual([3, 1]);
    expect(made).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('GIVEN a result of undefined THEN it is kept too', () => {
    let calls = 0;
    const nothing = kept((key: string) => {
      expect(key).toBe('x');
      calls++;
      return undefined;
    }, 10);
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });
});
