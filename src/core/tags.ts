import { distance } from 'fastest-levenshtein';

/** Tags match ignoring case, spaces, hyphens and underscores: "engineering leadership" = "Engineering-Leadership". */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_]+/gu, '');
}

/**
 * The known tags closest to `query`, best first: those containing it or contained in it,
 * then those within a small edit distance.
 */
export function closestTags(query: string, known: readonly string[], limit = 3): string[] {
  const key = tagKey(query);
  const scored = known
    .map((tag) => {
      const candidate = tagKey(tag);
      const contains = key !== '' && (candidate.includes(key) || key.includes(candidate));
      return { tag, score: contains ? 0 : distance(key, candidate) };
    })
    .filter(({ tag, score }) => score <= Math.max(2, Math.floor(tagKey(tag).length / 3)))
    .sort((a, b) => a.score - b.score || a.tag.localeCompare(b.tag));
  return scored.slice(0, limit).map(({ tag }) => tag);
}
