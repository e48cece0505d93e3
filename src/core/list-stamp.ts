import type { Article } from './article.js';
import { fnv1a, FNV_OFFSET } from './fnv1a.js';

/**
 * A short mark of a list of articles as it is paged through: their slugs, in order. A paging button
 * carries the mark of its list, and leads nowhere once the list is another (an article added,
 * removed or moved since the message was sent), rather than to a page that silently skips or
 * repeats some. An edit that keeps every article in its place keeps the buttons working.
 */
export function listStamp(articles: readonly Pick<Article, 'slug'>[]): string {
  let stamp = stamps.get(articles);
  if (stamp === undefined) {
    let hash = FNV_OFFSET;
    for (const { slug } of articles) hash = fnv1a(`${slug}\n`, hash);
    stamp = (hash >>> 0).toString(36).padStart(STAMP_LENGTH, '0').slice(-STAMP_LENGTH);
    stamps.set(articles, stamp);
  }
  return stamp;
}

/** How many characters a stamp has: 36^5, 60 million marks, in a few of a custom_id's 100. */
const STAMP_LENGTH = 5;

/** Each list's stamp: an index's lists stay the same arrays until the content changes. */
const stamps = new WeakMap<readonly Pick<Article, 'slug'>[], string>();
