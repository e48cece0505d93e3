/**
 * What an `ARTICLE_URL` may say, apart from the parser that fills it in (src/core/parse-article.ts),
 * so that checking the setting does not load the Markdown parser.
 */

/** Where an article without `url` or `permalink` lives on the blog, relative to SITE_URL. */
export const DEFAULT_ARTICLE_URL = '/blog/:slug';

/**
 * The tokens an `ARTICLE_URL` may have (filled by fillArticleUrl), as Jekyll and Hugo name them;
 * `:filepath` is Eleventy's default address, which no token of theirs makes.
 */
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
  'filepath',
] as const;

/**
 * Jekyll's permalink styles (https://jekyllrb.com/docs/permalinks/#built-in-formats), by name: what
 * `permalink: pretty` in `_config.yml` stands for. `ordinal` and `weekdate` have tokens the bot does
 * not fill (`:y_day`, `:week`, `:short_day`), so they are refused as any such pattern is.
 */
export const JEKYLL_PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/**
 * An `ARTICLE_URL` as written: the pattern of a Jekyll permalink style when it names one (as Jekyll
 * reads it: the name alone, in lowercase), else the value itself.
 */
export function expandArticleUrl(value: string): string {
  return Object.hasOwn(JEKYLL_PERMALINK_STYLES, value) ? (JEKYLL_PERMALINK_STYLES[value] ?? value) : value;
}

/** The name of the Jekyll permalink style whose pattern `pattern` is, if it is one. */
export function jekyllPermalinkStyle(pattern: string): string | undefined {
  return Object.keys(JEKYLL_PERMALINK_STYLES).find((name) => JEKYLL_PERMALINK_STYLES[name] === pattern);
}

const DATE_TOKEN = /:(year|short_year|month|i_month|day|i_day)\b/;

/** Whether `pattern` has a date in it: an undated post then has no address (no link beats a wrong one). */
export function articleUrlNeedsDate(pattern: string): boolean {
  return DATE_TOKEN.test(pattern);
}

/**
 * For `content:check`: the posts that got no address because `pattern` needs a date they have not,
 * said once with what to do, then each file. Not a problem (the post is valid and the bot shows it,
 * unlinked), but a link the author would expect is missing, so it is said rather than left silent.
 */
export function undatedNotes(
  articles: readonly { readonly file: string; readonly url?: string; readonly date?: string }[],
  pattern: string,
): string[] {
  if (!articleUrlNeedsDate(pattern)) return [];
  const files = articles
    .filter((article) => article.url === undefined && article.date === undefined)
    .map((article) => article.file);
  if (files.length === 0) return [];
  return [
    `${files.length} article(s) without an address, not linked: ARTICLE_URL ${pattern} needs a date they have not (give each a date, a YYYY-MM-DD- file name or a url):`,
    ...files.map((file) => `  ${file}`),
  ];
}

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
