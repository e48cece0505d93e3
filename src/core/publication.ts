/**
 * What the site builds of the posts its generator would leave out now: those dated in the future
 * (Hugo's `buildFuture`, Jekyll's `future`) and those past their expiry (Hugo's `buildExpired`).
 */
export interface SiteBuilds {
  readonly future: boolean;
  readonly expired: boolean;
}

/** Hugo's and Jekyll's defaults: neither. */
export const DEFAULT_BUILDS: SiteBuilds = { future: false, expired: false };

/**
 * The posts published at `now` (ms since the epoch), as the blog's generator leaves the others out:
 * one from its publish instant (`Article.publishes`, a post dated in the future, see there) on, until
 * its expiry (Hugo's `expiryDate`, `Article.expires`), each unless the site `builds` them anyway. A
 * parse keeps the instants and the index's builder gives the time, as a parse is cached whatever the time.
 */
export function splitPublished<
  T extends { readonly publishes?: string | undefined; readonly expires?: string | undefined },
>(
  articles: readonly T[],
  now: number,
  builds: SiteBuilds = DEFAULT_BUILDS,
): {
  /** The articles published now, in their order. */
  readonly live: readonly T[];
  /** Past their expiry. */
  readonly expired: readonly T[];
  /** Not published yet: dated in the future (and not expired). */
  readonly upcoming: readonly T[];
  /** The soonest publish instant or expiry still to come (ms since the epoch): when `live` next changes. */
  readonly next: number | undefined;
} {
  const expired: T[] = [];
  const upcoming: T[] = [];
  let next: number | undefined;
  const later = (at: number): void => {
    if (next === undefined || at < next) next = at;
  };
  for (const article of articles) {
    const expires = builds.expired || article.expires === undefined ? undefined : Date.parse(article.expires);
    const publishes =
      builds.future || article.publishes === undefined ? undefined : Date.parse(article.publishes);
    if (expires !== undefined && expires <= now) {
      expired.push(article);
      continue;
    }
    if (expires !== undefined) later(expires);
    if (publishes !== undefined && publishes > now) {
      upcoming.push(article);
      later(publishes);
    }
  }
  // Most blogs have no such post: the same list.
  if (expired.length === 0 && upcoming.length === 0) return { live: articles, expired, upcoming, next };
  const out = new Set([...expired, ...upcoming]);
  return { live: articles.filter((article) => !out.has(article)), expired, upcoming, next };
}
