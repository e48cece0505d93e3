import { describe, expect, it } from 'vitest';
import type { ItemRef } from '../../src/core/content-index.js';
import { pickTip } from '../../src/core/pick-tip.js';

const tips = ['a', 'b', 'c', 'd'].map((id, position) => ({ id, position }) as unknown as ItemRef);

/** A seeded generator, so that the test is repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pickTip', () => {
  it('GIVEN no tips THEN nothing; GIVEN one tip THEN that tip even if it was the last', () => {
    expect(pickTip([], undefined, Math.random)).toBeUndefined();
    expect(pickTip([tips[0] as ItemRef], 'a', Math.random)?.id).toBe('a');
  });

  it('GIVEN the draw hits the last tip THEN another one is picked', () => {
    expect(pickTip(tips, 'a', () => 0)?.id).not.toBe('a');
  });

  it('GIVEN many draws THEN never the last tip, and the others equally often', () => {
    const random = mulberry32(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const id = pickTip(tips, 'b', random)?.id ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.has('b')).toBe(false);
    for (const id of ['a', 'c', 'd']) expect(Math.abs((counts.get(id) ?? 0) - 10_000)).toBeLessThan(500);
  });
});
