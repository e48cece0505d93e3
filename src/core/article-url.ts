/**
 * What an `ARTICLE_URL` may say, apart from the parser that fills it in (src/core/parse-article.ts),
 * so that checking the setting does not load the Markdown parser.
 */

/** Where an article without `url` or `permalink` lives on the blog, relative to SITE_URL. */
export const DEFAULT_ARTICLE_URL = '/blog/:slug';

/** The tokens an `ARTICLE_URL` may have (filled by fillArticleUrl), as Jekyll and Hugo name them. */
export const ARTICLE_URL_TOKENS = [
  'slug',
  'title',
  'year',
  'short_year',
  'month',
  'i_month',
  'day',
  'i_day',
  'categories',
  'slugified_categories',
  'output_ext',
  'section',
  'sections',
  'filename',
  'contentbasename',
  'slugorfilename',
  'slugorcontentbasename',
] as const;

/** What reads as a token: a colon and a word, with Hugo's `[1:]` after it (not followed here). */
const ANY_TOKEN = /:(\w+)(\[[^\]]*\])?/g;

/**
 * The tokens of `pattern` that fillArticleUrl (src/core/parse-article.ts) does not fill, as written (`:foo`,
 * `:sections[1:]`): they would be left in every address. The host and port of a full address are
 * not looked at.
 */
export function unknownArticleUrlTokens(pattern: string): string[] {
  const path = pattern.replace(/^https?:\/\/[^/]*/i, '');
  const known = new Set<string>(ARTICLE_URL_TOKENS);
  return [...path.matchAll(ANY_TOKEN)]
    .filter(([, name = '', slice]) => slice !== undefined || !known.has(name))
    .map(([written]) => written);
}
