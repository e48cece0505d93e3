import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/adapters/heap.js';

const youngMb = (): number =>
  (getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.physical_space_size ?? 0) /
  2 ** 20;

describe('collectGarbage', () => {
  it("gives back the young generation's pages that a load grew, which a full collection keeps", async () => {
    // Survivors allocated fast, as a content load does, grow the young generation to its largest.
    let kept: object[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      kept.push({ i, text: `article ${i}` });
      if (kept.length > 300_000) kept = [];
    }
    kept = [];
    const grown = youngMb();
    expect(grown).toBeGreaterThan(4);
    const { how } = await collectGarbage();
    expect(how).toBe('low-memory');
    expect(youngMb()).toBeLessThan(grown / 2);
  });
});
