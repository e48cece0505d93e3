import type { ItemRef } from './content-index.js';

/**
 * A random tip that is not `lastId` (the tip shown last in the channel), unless it is the only one.
 * Every other tip is equally likely. Constant time: there may be tens of thousands of tips.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function pickTip(
  tips: readonly ItemRef[],
  lastId: string | undefined,
  random: () => number,
): ItemRef | undefined {
  const n = tips.length;
  const first = Math.floor(random() * n);
  if (n < 2 || tips[first]?.id !== lastId) return tips[first];
  // Drew the last one: move by 1 to n-1 places, uniformly, which lands uniformly on the others.
  return tips[(first + 1 + Math.floor(random() * (n - 1))) % n];
}
