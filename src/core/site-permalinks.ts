import {
  articleUrlNamesPost,
  expandArticleUrl,
  JEKYLL_PERMALINK_STYLES,
  unknownArticleUrlTokens,
} from './article-url.js';

/*
 * The addresses a site's own configuration gives its posts: Hugo's `permalinks`, by top-level
 * section, and Jekyll's `permalink`, for every post. The generator publishes each post there, so the
 * bot links it there too, whatever ARTICLE_URL says (which serves the posts they leave out).
 */

/** A pattern of the site's configuration, as written there, and how the bot takes it. */
export type SitePermalink =
  | { readonly pattern: string }
  /** One the bot cannot fill (Hugo's `:monthname`, `:06`…): its posts take ARTICLE_URL, or get no link. */
  | { readonly written: string; readonly unfilled: string };

export interface SitePermalinks {
  /** Hugo's, by section (its folder's name, lowercased, as Hugo's configuration keys are). */
  readonly hugo?: ReadonlyMap<string, SitePermalink>;
  /** Jekyll's. */
  readonly jekyll?: SitePermalink;
  /**
   * The generator whose site it is (Hugo's, or Jekyll's with a `_config.yml`): its own default
   * address serves the posts that neither the configuration nor ARTICLE_URL place.
   */
  readonly generator?: 'hugo' | 'jekyll';
  /** Hugo's `uglyURLs = true`: its default addresses end in `.html`. */
  readonly ugly?: boolean;
}

export const NO_PERMALINKS: SitePermalinks = {};

/**
 * Where each generator publishes a post its configuration gives no address: Hugo at the file's path
 * in its content (a `slug` its last part), Jekyll in its `date` style.
 */
export const GENERATOR_DEFAULTS = {
  hugo: '/:sections/:slugorfilename/',
  hugoUgly: '/:sections/:slugorfilename.html',
  jekyll: JEKYLL_PERMALINK_STYLES['date'] ?? '',
} as const;

/**
 * Hugo's `permalinks` setting: the pattern of each section's pages, from `[permalinks.page]`, or else
 * (the older form) the texts directly under `[permalinks]`. Its keys in any case. `section`, `term`
 * and `taxonomy` patterns are for list pages, which are no articles.
 */
export function hugoPermalinks(value: unknown): ReadonlyMap<string, SitePermalink> {
  const permalinks = new Map<string, SitePermalink>();
  if (!isFields(value)) return permalinks;
  const page = Object.entries(value).find(([key]) => key.toLowerCase() === 'page')?.[1];
  const patterns = isFields(page) ? page : value;
  for (const [section, pattern] of Object.entries(patterns)) {
    if (typeof pattern !== 'string' || pattern.trim() === '') continue;
    permalinks.set(section.toLowerCase(), sitePermalink(pattern.trim()));
  }
  return permalinks;
}

/** Jekyll's `permalink` setting (a style's name, `pretty`, or a pattern), if it sets one. */
export function jekyllPermalink(value: unknown): SitePermalink | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return sitePermalink(expandArticleUrl(value.trim()), value.trim());
}

/** `pattern` (`written` so, a style's name) as the bot takes it: filled, or why not. */
function sitePermalink(pattern: string, written = pattern): SitePermalink {
  const unknown = unknownArticleUrlTokens(pattern);
  if (unknown.length > 0)
    return { written, unfilled: `the bot does not fill ${[...new Set(unknown)].join(', ')}` };
  // Filled, it would put several posts at one address.
  if (!articleUrlNamesPost(pattern))
    return { written, unfilled: 'it names no post (no :slug, :title, :filename…)' };
  return { pattern };
}

/**
 * The pattern the site's configuration gives the post at `hugoPath` (its path in Hugo's content:
 * the first folder is its section), or in a Jekyll site any post; undefined when it gives none.
 */
export function sitePermalinkOf(
  permalinks: SitePermalinks,
  hugoPath: string | undefined,
): SitePermalink | undefined {
  if (permalinks.jekyll !== undefined) return permalinks.jekyll;
  if (permalinks.hugo === undefined || hugoPath === undefined) return undefined;
  const parts = hugoPath.split('/');
  // A page at the top of the content folder is in no section.
  if (parts.length < 2) return undefined;
  return permalinks.hugo.get((parts[0] ?? '').toLowerCase());
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
