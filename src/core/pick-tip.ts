import type { ItemRef } from './content-index.js';

/**
 * A random tip that is not `lastId` (the tip shown last in the channel), unless it is the only one.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function pickTip(
  tips: readonly ItemRef[],
  lastId: string | undefined,
  random: () => number,
): ItemRef | undefined {
  const candidates = tips.length > 1 ? tips.filter((tip) => tip.id !== lastId) : tips;
  return candidates[Math.floor(random() * candidates.length)];
}
