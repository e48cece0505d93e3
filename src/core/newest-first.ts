import type { Article } from './article.js';

/** Orders articles newest first; undated ones after dated ones, alphabetically. */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}
