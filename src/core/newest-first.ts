import type { Article } from './article.js';

/**
 * Orders articles newest first; undated ones after dated ones, alphabetically. Two of one day go by
 * their instant of publication where the blog's generator has one (Hugo's and Jekyll's: a date
 * without a time is that day's start in UTC), later first, then by title; those without one (the
 * bot's own folder, Eleventy) after them, by file path, last first: Eleventy sorts a day's posts by
 * their path, and a blog lists them newest first as it lists the days, reversed.
 */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  // With an instant before without, so that the order holds whatever the mix.
  if (a.publishes !== b.publishes) {
    if (a.publishes === undefined) return 1;
    if (b.publishes === undefined) return -1;
    return a.publishes < b.publishes ? 1 : -1;
  }
  // Compared as Eleventy compares inputPaths: by UTF-16 code unit, not by locale.
  if (a.date !== undefined && a.publishes === undefined && a.file !== b.file) return a.file < b.file ? 1 : -1;
  return a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}
