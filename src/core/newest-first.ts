import type { Article } from './article.js';

/**
 * Orders articles newest first; undated ones after dated ones, alphabetically. Two of one day go by
 * their instant, later first: of publication where the generator has one (Hugo's and Jekyll's),
 * else as dated (Eleventy, the bot's own folder, which sort by the full date); a date without a time
 * is that day's start. Two of one instant go as their blog lists them: Hugo's by title, the others by
 * file path, the last first (Jekyll and Eleventy sort such posts by path, and a blog lists them
 * newest first as it lists the days, reversed).
 */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  // With an instant before without, so that the order holds whatever the mix.
  const at = a.publishes ?? a.dated;
  const bt = b.publishes ?? b.dated;
  if (at !== bt) {
    if (at === undefined) return 1;
    if (bt === undefined) return -1;
    return at < bt ? 1 : -1;
  }
  // Hugo's after the others' (one order for any mix, though a blog is read from one generator).
  if (a.date !== undefined && a.hugo !== b.hugo) return a.hugo === true ? 1 : -1;
  // Compared as Eleventy and Jekyll compare paths: by UTF-16 code unit, not by locale.
  if (a.date !== undefined && a.hugo !== true && a.file !== b.file) return a.file < b.file ? 1 : -1;
  return a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}
