import type { ItemRef } from './content-index.js';
import { fnv1a, FNV_OFFSET } from './fnv1a.js';

/**
 * A server's walk through all tips: a shuffled order (given by `seed`) and the tips already
 * posted in this cycle. Stored, so the walk survives restarts. Tips added to the content join the
 * current cycle; tips removed are skipped; when every current tip is posted a new cycle starts.
 */
export interface Rotation {
  readonly seed: number;
  readonly posted: readonly string[];
}

/** FNV-1a: a cheap, stable hash that orders the tips differently for each seed. */
function rank(seed: number, id: string): number {
  return fnv1a(id, FNV_OFFSET ^ seed) >>> 0;
}

/** The next tip of the rotation, and the rotation to save once it is posted. */
export function nextInRotation(
  tips: readonly ItemRef[],
  rotation: Rotation,
): { tip: ItemRef; after: Rotation } | undefined {
  if (tips.length === 0) return undefined;
  let current = rotation;
  let posted = new Set(current.posted);
  let best = pick(tips, current.seed, posted);
  if (best === undefined) {
    // Every tip of the content has been posted: a new cycle, in a new order.
    current = { seed: (current.seed + 0x9e3779b9) >>> 0, posted: [] };
    posted = new Set();
    best = pick(tips, current.seed, posted);
  }
  if (best === undefined) return undefined;
  // Ids of removed tips are dropped, so that the record stays as small as the content.
  const ids = new Set(tips.map((tip) => tip.id));
  return {
    tip: best,
    after: { seed: current.seed, posted: [...current.posted.filter((id) => ids.has(id)), best.id] },
  };
}

function pick(tips: readonly ItemRef[], seed: number, posted: ReadonlySet<string>): ItemRef | undefined {
  let best: ItemRef | undefined;
  let bestRank = Infinity;
  for (const tip of tips) {
    if (posted.has(tip.id)) continue;
    const r = rank(seed, tip.id);
    if (r < bestRank) {
      best = tip;
      bestRank = r;
    }
  }
  return best;
}

export function newRotation(random: () => number): Rotation {
  return { seed: Math.floor(random() * 2 ** 32) >>> 0, posted: [] };
}
