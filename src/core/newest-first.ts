import type { Article } from './article.js';

/**
 * Orders articles newest first; undated ones after dated ones, alphabetically. Two of one day go by
 * their time when the blog gives one (Hugo's and Jekyll's instant of publication), those
 * with a time first, then by title.
 */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  // Timed before untimed, so that the order holds whatever the mix.
  if (a.publishes !== b.publishes) {
    if (a.publishes === undefined) return 1;
    if (b.publishes === undefined) return -1;
    return a.publishes < b.publishes ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}
