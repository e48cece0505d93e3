/**
 * How many typos apart two words are: the optimal string alignment distance, which counts a letter
 * left out, added or changed, and two neighbours swapped (`sklils`: "skills"), as one typo each.
 * Levenshtein's distance counts a swap as two, yet it is the most common slip on a keyboard.
 * Letters are code points, so an emoji is one. Past `max` it stops early and answers `max + 1`:
 * searches only want to know whether a word is within a few typos, and most words are far.
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  // What both start and end with costs nothing and changes no other cost: only the middles are compared.
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const n = endX - start;
  const m = endY - start;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  // Three rows of the table: the one before last (for swaps), the last, and this one.
  let beforeLast = new Array<number>(m + 1).fill(0);
  let last = Array.from({ length: m + 1 }, (_, j) => j);
  let row = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    const letter = x[start + i - 1];
    row[0] = i;
    let least = i;
    for (let j = 1; j <= m; j++) {
      const other = y[start + j - 1];
      let cost = Math.min(
        (last[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (last[j - 1] ?? 0) + (letter === other ? 0 : 1),
      );
      if (i > 1 && j > 1 && letter === y[start + j - 2] && x[start + i - 2] === other)
        cost = Math.min(cost, (beforeLast[j - 2] ?? 0) + 1);
      row[j] = cost;
      least = Math.min(least, cost);
    }
    // No cell of a row is below the smallest of the row before: past `max`, it stays past.
    if (least > max) return max + 1;
    [beforeLast, last, row] = [last, row, beforeLast];
  }
  const found = last[m] ?? 0;
  return found > max ? max + 1 : found;
}
