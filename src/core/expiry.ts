/**
 * Hugo's `expiryDate`: a post is not published from that instant on. A parse keeps the instant
 * (`Article.expires`) and the index's builder gives the time, as a parse is cached whatever the time.
 */
export function splitExpired<T extends { readonly expires?: string | undefined }>(
  articles: readonly T[],
  now: number,
): {
  /** The articles still published, in their order. */
  readonly live: readonly T[];
  readonly expired: readonly T[];
  /** The soonest expiry still to come (ms since the epoch): when `live` next changes. */
  readonly next: number | undefined;
} {
  const expired = new Set<T>();
  let next: number | undefined;
  for (const article of articles) {
    if (article.expires === undefined) continue;
    const at = Date.parse(article.expires);
    if (at <= now) expired.add(article);
    else if (next === undefined || at < next) next = at;
  }
  // Most blogs have no expired post: the same list.
  if (expired.size === 0) return { live: articles, expired: [], next };
  return { live: articles.filter((article) => !expired.has(article)), expired: [...expired], next };
}
