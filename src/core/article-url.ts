/**
 * What an `ARTICLE_URL` may say, and Hugo's and Jekyll's rules for a name in a path (TAG_URL's
 * tokens follow them too), apart from the parser that fills it in (src/core/parse-article.ts), so
 * that checking the settings does not load the Markdown parser.
 */

import type { Article } from './article.js';
import { DISCORD_LIMITS } from './limits.js';
import { encodedLength } from './urls.js';

/** Where an article without `url` or `permalink` lives on the blog, relative to SITE_URL. */
export const DEFAULT_ARTICLE_URL = '/blog/:slug';

/**
 * The tokens that are Jekyll's: what fills a Jekyll post's own front-matter `permalink` (Jekyll::URL
 * fills it as it fills the `_config.yml` one). Any other `:word` there stays as written.
 */
export const JEKYLL_URL_TOKENS = [
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
] as const;

/**
 * The tokens an `ARTICLE_URL` may have (filled by fillArticleUrl), as Jekyll and Hugo name them;
 * `:filepath` is Eleventy's default address, which no token of theirs makes.
 */
export const ARTICLE_URL_TOKENS = [
  ...JEKYLL_URL_TOKENS,
  'section',
  'sections',
  'filename',
  'contentbasename',
  'slugorfilename',
  'slugorcontentbasename',
  'filepath',
] as const;

/**
 * The tokens that name the post itself: one that comes out empty (a Hugo post with neither slug nor
 * title under `:slug`) leaves the post no address, as the rest would be its section's page.
 * `:filepath` is not one: empty, it is a top `index.md`, which Eleventy does write there.
 */
export const ARTICLE_NAME_TOKENS = [
  'slug',
  'title',
  'filename',
  'contentbasename',
  'slugorfilename',
  'slugorcontentbasename',
] as const satisfies readonly (typeof ARTICLE_URL_TOKENS)[number][];

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

const NAME_TOKEN = new RegExp(`:(${ARTICLE_NAME_TOKENS.join('|')})\\b`, 'g');
/** The tokens filled with a post's text (not its date's digits): what makes its address long. */
const TEXT_TOKEN = new RegExp(
  `:(${ARTICLE_URL_TOKENS.filter((token) => !DATE_TOKEN.test(`:${token}`) && token !== 'output_ext').join('|')})\\b`,
  'g',
);

/**
 * Whether `pattern` tells posts apart: it names the post (`:slug`, `:title`, …) or its file
 * (`:filepath`). Without, posts of one day (or all, `/blog/`) would be at one address.
 */
export function articleUrlNamesPost(pattern: string): boolean {
  return new RegExp(`:(${[...ARTICLE_NAME_TOKENS, 'filepath'].join('|')})\\b`).test(pattern);
}

/**
 * For `content:check`: the posts that got no address, by why, each said once with what to do, then
 * each file: `pattern` needs a date they have not, or a token naming the post came out empty for
 * them (told only when the others' addresses resolve: with SITE_URL, or a full address), or it made
 * one Discord refuses, too long once encoded (see sendableUrl). Not a problem (the post is valid
 * and the bot shows it, unlinked), but a link the author would expect is missing, so it is said
 * rather than left silent. (A `url` or `permalink` too long is a problem of the post: see parseSource.)
 */
export function unlinkedNotes(
  articles: readonly Pick<Article, 'file' | 'url' | 'date' | 'addressField'>[],
  pattern: string,
  siteUrl?: string,
  /** What set the pattern, as the notes name it. */
  setting = 'ARTICLE_URL',
): string[] {
  // A post with its own `url` or `permalink` takes no address from the pattern: unlinked, it is for
  // want of SITE_URL (see siteUrlNote), not of a date or name.
  const unlinked = articles.filter(
    (article) => article.url === undefined && article.addressField === undefined,
  );
  const needsDate = articleUrlNeedsDate(pattern);
  const undated = needsDate ? unlinked.filter((article) => article.date === undefined) : [];
  const names = [...new Set([...pattern.matchAll(NAME_TOKEN)].map(([written]) => written))];
  const unnamed =
    names.length > 0 && (siteUrl !== undefined || /^https?:\/\//i.test(pattern))
      ? unlinked.filter((article) => !(needsDate && article.date === undefined))
      : [];
  const tooLong = articles.flatMap(({ file, url }) => {
    const length = url === undefined ? 0 : encodedLength(url);
    return length > DISCORD_LIMITS.linkUrl ? [{ file, length }] : [];
  });
  const named = [...new Set([...pattern.matchAll(TEXT_TOKEN)].map(([written]) => written))];
  const list = (
    files: readonly { readonly file: string; readonly length?: number }[],
    why: string,
  ): string[] =>
    files.length === 0
      ? []
      : [
          `${files.length} article(s) without an address, not linked: ${setting} ${pattern} ${why}:`,
          ...files.map(
            ({ file, length }) => `  ${file}${length === undefined ? '' : ` (${length} characters)`}`,
          ),
        ];
  return [
    ...list(undated, 'needs a date they have not (give each a date, a YYYY-MM-DD- file name or a url)'),
    ...list(
      unnamed,
      `names each by ${names.join(', ')}, which came out empty for them, and would have linked the page above it (give each a slug or title with letters or digits, or a url)`,
    ),
    ...list(
      tooLong,
      `makes each one over ${DISCORD_LIMITS.linkUrl} characters once encoded, more than Discord takes for a link (shorten what fills ${named.length === 0 ? 'it' : named.join(', ')}, where a letter of another script takes up to 9, or give each a shorter url)`,
    ),
  ];
}

/**
 * For `content:check`: posts the address pattern put at one address (two posts of one slug on
 * different days, under the default `/blog/:slug`), which the index keeps apart: all but one link to
 * another post's page, so it is said, with what to do.
 */
export function sharedAddressNotes(
  articles: readonly Pick<Article, 'file' | 'url' | 'addressField'>[],
): string[] {
  const byUrl = new Map<string, string[]>();
  for (const { file, url, addressField } of articles) {
    if (url === undefined || addressField !== undefined) continue;
    const files = byUrl.get(url);
    if (files === undefined) byUrl.set(url, [file]);
    else files.push(file);
  }
  const shared = [...byUrl].filter(([, files]) => files.length > 1);
  if (shared.length === 0) return [];
  return [
    `${shared.reduce((sum, [, files]) => sum + files.length, 0)} article(s) share an address the address pattern made, so all but one link to another post's page: set ARTICLE_URL to the blog's own pattern (with the date in it, say), or give each its url:`,
    ...shared.flatMap(([url, files]) => files.map((file) => `  ${file}: ${url}`)),
  ];
}

/**
 * For `content:check`: the posts left unlinked because their address is a path on the site and
 * SITE_URL is unset, said once (the bot links none of them, nor the blog's pages).
 */
export function siteUrlNote(
  articles: readonly Pick<Article, 'url'>[],
  siteUrl: string | undefined,
): string[] {
  if (siteUrl !== undefined) return [];
  const unlinked = articles.filter((article) => article.url === undefined).length;
  return unlinked === 0
    ? []
    : [
        `${unlinked} article(s) not linked: SITE_URL is unset, so an address on the site (/blog/x) makes no link. Set SITE_URL to the blog's address (https://…) to link them.`,
      ];
}

/**
 * Where Hugo publishes a page whose front matter's `url` is the path `path` (`/2020/05/adrs`): with no
 * `.` in it, a folder with an `index.html`, linked with a `/` after it (`/2020/05/adrs/`), `uglyURLs`
 * or not; with one (`/old/post.html`), the file it names, as written.
 */
export function hugoUrlPath(path: string): string {
  return path.endsWith('/') || path.includes('.') ? path : `${path}/`;
}

/**
 * What Hugo keeps of a name in a path (helpers' paths.Sanitize): letters, marks, digits,
 * `./\_#+~-@`, and `%` before two hex digits (an escape written into the name).
 */
const HUGO_PATH_CHAR = /[\p{L}\p{M}\p{Nd}./\\_#+~@-]/u;
const HEX_PAIR = /^[0-9a-f]{2}$/i;
/** Go's unicode.IsSpace: the Unicode White_Space property. */
const SPACE = /\p{White_Space}/u;

/**
 * A name as Hugo makes it part of a path (its urlize: paths.Sanitize, then lowercased as Hugo does
 * but with `disablePathToLower`): what {@link HUGO_PATH_CHAR} keeps, a run of spaces between kept
 * characters one hyphen (none beside a `-`), anything else left out: `2024-01-05-My Post!` →
 * `2024-01-05-my-post`, `C# & C++` → `c#-c++`. Escaped for an address, but the `%XX` the name had:
 * `#` is `%23`, or a reader's browser would take the rest for a fragment and miss the page.
 */
export function hugoPathName(name: string): string {
  // Code points, as Go ranges over a string's runes: a mark is looked at on its own, as Hugo does.
  const chars = Array.from(name);
  let path = '';
  let hyphen = false;
  for (const [i, char] of chars.entries()) {
    const kept =
      HUGO_PATH_CHAR.test(char) || (char === '%' && HEX_PAIR.test(`${chars[i + 1]}${chars[i + 2]}`));
    if (kept) {
      if (hyphen && char !== '-') path += '-';
      hyphen = false;
      path += char;
    } else if (path !== '' && !path.endsWith('-') && SPACE.test(char)) {
      hyphen = true;
    }
  }
  // Every `%` kept starts an escape: encodeURI's `%25` before it is undone.
  return encodeURI(path.toLowerCase())
    .replace(/%25(?=[0-9a-f]{2})/gi, '%')
    .replace(/#/g, '%23');
}

/**
 * Jekyll's `Utils.slugify`: every run of anything but letters, marks and digits (and, in its
 * `pretty` mode, `._~!$&'()+,;=@`) one hyphen, one hyphen at either end dropped, lowercased but in
 * pretty mode, which `:title` asks `cased`: `Node.js Tips` → `node-js-tips`, or `Node.js-Tips`.
 */
export function jekyllSlug(name: string, { pretty = false } = {}): string {
  const slug = name.replace(pretty ? JEKYLL_PRETTY_RUN : JEKYLL_RUN, '-').replace(/^-|-$/g, '');
  return pretty ? slug : slug.toLowerCase();
}

const JEKYLL_RUN = /[^\p{M}\p{L}\p{Nd}]+/gu;
const JEKYLL_PRETTY_RUN = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

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
