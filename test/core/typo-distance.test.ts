import { describe, expect, it } from 'vitest';
import { typoDistance } from '../../src/core/typo-distance.js';

describe('typoDistance', () => {
  it('GIVEN two neighbouring letters swapped THEN one typo, where Levenshtein counts two', () => {
    expect(typoDistance('sklils', 'skills')).toBe(1);
    expect(typoDistance('mentro', 'mentor')).toBe(1);
    expect(typoDistance('ab', 'ba')).toBe(1);
    expect(typoDistance('feedbakc', 'feedback')).toBe(1);
  });

  it('GIVEN letters left out, added or changed THEN one typo each', () => {
    expect(typoDistance('skills', 'skills')).toBe(0);
    expect(typoDistance('skils', 'skills')).toBe(1);
    expect(typoDistance('skillls', 'skills')).toBe(1);
    expect(typoDistance('skolls', 'skills')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('abc', '')).toBe(3);
  });

  it('GIVEN a swap and an edit of the swapped letters THEN not one typo: optimal string alignment, not unrestricted Damerau', () => {
    // Unrestricted Damerau-Levenshtein makes this 2 (swap, then insert between); OSA edits no letter twice.
    expect(typoDistance('ca', 'abc')).toBe(3);
    expect(typoDistance('abcd', 'badc')).toBe(2);
  });

  it('GIVEN emoji THEN each is one letter, swapped or changed', () => {
    expect(typoDistance('🚀🎉', '🎉🚀')).toBe(1);
    expect(typoDistance('a🚀', 'a🎉')).toBe(1);
  });

  it('GIVEN a bound THEN the distance when within it, else one more than it', () => {
    expect(typoDistance('sklils', 'skills', 1)).toBe(1);
    expect(typoDistance('mentoring', 'marketing', 1)).toBe(2);
    expect(typoDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(typoDistance('abcdefgh', 'hgfedcba', 0)).toBe(1);
    // Six letters changed, and the middle two swapped.
    expect(typoDistance('abcdefgh', 'hgfedcba')).toBe(7);
    expect(typoDistance('abcdefgh', 'ijklmnop', 9)).toBe(8);
  });

  it('GIVEN many random words THEN the textbook table’s distance, with or without a bound', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const word = () =>
      Array.from({ length: Math.floor(random() * 7) }, () => 'abc'[Math.floor(random() * 3)]).join('');
    for (let i = 0; i < 3000; i++) {
      const [a, b] = [word(), word()];
      const expected = textbook(a, b);
      expect(typoDistance(a, b), `${a} ${b}`).toBe(expected);
      for (const max of [0, 1, 2])
        expect(typoDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(expected, max + 1));
    }
  });
});

/** Optimal string alignment as textbooks write it: the whole table. */
function textbook(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] ?? [];
      row[j] = Math.min(
        (d[i - 1]?.[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (d[i - 1]?.[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, (d[i - 2]?.[j - 2] ?? 0) + 1);
    }
  return d[a.length]?.[b.length] ?? 0;
}
