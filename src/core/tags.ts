import { distance } from 'fastest-levenshtein';

/** Tags match ignoring case, spaces, hyphens and underscores: "engineering leadership" = "Engineering-Leadership". */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_]+/gu, '');
}

/**
 * The known tags closest to what was typed, best first, at most `limit`: those starting with it, then
 * those holding it (or whose words it holds), then those it is a few typos from, whole or from the
 * start of one of their words (`mentr`: "mentorship", `leadrship`: "engineering leadership"); among
 * equals, in the order given (most used first). A typo is allowed in every three letters typed (in
 * every three of the longer, for a whole tag). None when none is close: an unrelated tag is noise.
 */
export function closestTags(query: string, known: readonly string[], limit = 3): string[] {
  const key = tagKey(query);
  if (key === '') return [];
  const typed = Array.from(key);
  const typedWords = ` ${tagWords(query).join(' ')} `;
  const scored = known.flatMap((tag, order) => {
    const words = tagWords(tag);
    const candidate = words.join('');
    if (candidate.startsWith(key)) return [{ tag, order, rank: 0, typos: 0 }];
    // Its words among those typed (`mentorship program`), but not its letters inside one ("go" in `mongodb`).
    if (candidate.includes(key) || typedWords.includes(` ${words.join(' ')} `))
      return [{ tag, order, rank: 1, typos: 0 }];
    const letters = Array.from(candidate);
    const whole = distance(key, candidate);
    let typos = whole <= Math.floor(Math.max(typed.length, letters.length) / 3) ? whole : Infinity;
    // From each word's start: the tag's text a few letters shorter or longer than what was typed.
    const allowed = Math.floor(typed.length / 3);
    let start = 0;
    for (const word of allowed > 0 ? words : []) {
      const longest = Math.min(typed.length + allowed, letters.length - start);
      for (let length = typed.length - allowed; length <= longest; length++) {
        const found = distance(key, letters.slice(start, start + length).join(''));
        if (found <= allowed) typos = Math.min(typos, found);
      }
      start += Array.from(word).length;
    }
    return typos === Infinity ? [] : [{ tag, order, rank: 2, typos }];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.typos - b.typos || a.order - b.order)
    .slice(0, limit)
    .map(({ tag }) => tag);
}

/** A tag's words as {@link tagKey} reads them: it is them written together. */
function tagWords(tag: string): string[] {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\-_]+/u)
    .filter((word) => word !== '');
}
