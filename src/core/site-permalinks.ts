import {
  articleUrlNamesPost,
  expandArticleUrl,
  JEKYLL_PERMALINK_STYLES,
  unknownArticleUrlTokens,
} from './article-url.js';
import { languageCode, splitLanguage } from './content-language.js';

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
  /** Jekyll's: its `collections.posts.permalink`, else its `permalink`. */
  readonly jekyll?: SitePermalink;
  /**
   * Jekyll's front matter `defaults` for posts, in the configuration's order: a `permalink` there is
   * the post's own, before {@link jekyll} (the Chirpy theme sets its posts' addresses so).
   */
  readonly jekyllDefaults?: readonly JekyllDefault[];
  /** Where the content folder is in the Jekyll site (`_posts`, or '' at its root): what scope paths start from. */
  readonly jekyllPrefix?: string;
  /**
   * Jekyll's `collections_dir` (`my_collections`), at the site's folder: the folder its `_posts` are in,
   * which is no part of their paths, as Jekyll counts them (see jekyllSitePath).
   */
  readonly jekyllCollectionsDir?: string;
  /**
   * The generator whose site it is (Hugo's, or Jekyll's with a `_config.yml`): its own default
   * address serves the posts that neither the configuration nor ARTICLE_URL place.
   */
  readonly generator?: 'hugo' | 'jekyll';
  /** Hugo's `uglyURLs = true`: its default addresses end in `.html`. */
  readonly ugly?: boolean;
  /**
   * Hugo's `[frontmatter] date` with `:filename` (`[":filename", ":default"]`, as a site moved from
   * Jekyll sets it): a post dated by its file name (`2024-01-05-first-steps.md`) and without a `slug`
   * has the name after the date as its slug; `first` when the name's date comes before the front matter's.
   */
  readonly fileNameDates?: 'first' | 'last';
  /**
   * In a Hugo site with `permalinks`, its folders below a section's own (from the top of its content,
   * `posts/tutorials`) that hold an `_index.md`, sorted: the nested sections, which alone Hugo's
   * `:sections` counts in a permalink (see {@link hugoPermalinkSections}).
   */
  readonly hugoSections?: readonly string[];
  /**
   * In a Hugo site with a content folder per language, the language whose folder is read when Hugo
   * puts its pages under its own folder (`fr`: `/fr/posts/x/`): a language other than the default,
   * or any with `defaultContentLanguageInSubdir = true`. Hugo's own addresses start with it.
   */
  readonly languagePrefix?: string;
  /**
   * In a Hugo site of several languages whose translations are named by file (`post.fr.md`), no
   * folder per language: its languages (see content-loader.ts's HugoLanguages), by which a page's
   * name says its language and Hugo the folder it puts the page under (see {@link translationFolder}).
   */
  readonly translations?: {
    readonly languages: readonly string[];
    readonly defaultLanguage: string;
    readonly inSubdir: boolean;
    /**
     * Where the site's languages have hosts of their own (Hugo's multihost: `[languages.fr] baseURL`),
     * the language read, whose pages are at the top of SITE_URL, and each language's host: a page
     * in another language is at the top of its own (see {@link translationHost}), under no folder.
     */
    readonly hosts?: { readonly read: string; readonly urls: Readonly<Record<string, string>> };
  };
}

/**
 * The language folder Hugo puts the page of `file` under in a site whose translations are named by
 * file: the language its name carries, when the site has it (`post.fr.md`: `fr`; `socket.io.md` in a
 * site without `io` is in the default language), unless it is the default language, whose pages are
 * at the top but with `defaultContentLanguageInSubdir`. Undefined: at the top.
 */
export function translationFolder(
  translations: SitePermalinks['translations'],
  file: string,
): string | undefined {
  if (translations === undefined || translations.hosts !== undefined) return undefined;
  const { languages, defaultLanguage, inSubdir } = translations;
  const { language } = splitLanguage(file, languages);
  const isDefault = language === undefined || language === languageCode(defaultLanguage);
  if (isDefault) return inSubdir ? defaultLanguage : undefined;
  // Its folder as the configuration writes the language (`pt_br`), as Hugo names it.
  return languages.find((one) => languageCode(one) === language);
}

/**
 * In a site whose languages have hosts of their own (see SitePermalinks.translations), the host of the
 * page of `file` when its name says another language than the one read (`seul.md`, not translated,
 * read in English, is at the French host's `/posts/seul/`); undefined for the language read's own.
 */
export function translationHost(
  translations: SitePermalinks['translations'],
  file: string,
): string | undefined {
  if (translations?.hosts === undefined) return undefined;
  const { languages, defaultLanguage, hosts } = translations;
  const language = splitLanguage(file, languages).language ?? languageCode(defaultLanguage);
  if (language === languageCode(hosts.read)) return undefined;
  return Object.entries(hosts.urls).find(([code]) => languageCode(code) === language)?.[1];
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
 * Where Hugo publishes the pages of a `permalinks` pattern, as a pattern: Hugo drops a last `/` of the
 * filled pattern, then writes a folder with an `index.html`, linked with a `/` after it (`/:year/:title`
 * at `/2024/x/`), whatever its last name (`/:title.html` at `/x.html/`); with `uglyURLs = true`, a
 * file, `.html` after its last name (`/:year/:title/` at `/2024/x.html`).
 */
export function hugoPublishedPattern(pattern: string, ugly: boolean): string {
  const cleaned = pattern.replace(/\/+$/, '');
  return ugly ? `${cleaned}.html` : `${cleaned}/`;
}

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

/** An entry of Jekyll's `defaults` that may apply to posts: its scope, and the permalink it gives, if any. */
export interface JekyllDefault {
  /** The scope's `path`, without slashes around it: '' for the whole site. May hold `*` (a glob). */
  readonly path: string;
  /** Whether the scope names a type (`posts`): between two paths alike, it takes precedence. */
  readonly typed: boolean;
  readonly permalink?: SitePermalink;
  /**
   * The other values it gives that the bot reads as Jekyll does ({@link JEKYLL_DEFAULT_FIELDS}), keys
   * in lower case: a post takes them as its front matter's, unless it sets them (see jekyllDefaultValues).
   */
  readonly values?: Readonly<Record<string, unknown>>;
}

/**
 * The fields of Jekyll's `defaults` given to posts as their own front matter's: those the bot reads
 * and Jekyll means alike (`published: false` leaves a folder's posts out; `categories` are in
 * `:categories`), and the bot's own `sections`. Any other (`layout`, `author`, `comments`) is the theme's.
 */
const JEKYLL_DEFAULT_FIELDS = new Set([
  'title',
  'slug',
  'date',
  'published',
  'tags',
  // Jekyll's singular `tag`, read in place of `tags` once the defaults and the post's own are merged.
  'tag',
  'categories',
  'category',
  'summary',
  'description',
  'excerpt',
  'excerpt_separator',
  // The bot's own: which headings name its sections, for a site written in another language.
  'sections',
]);

/**
 * Jekyll's `defaults` that may apply to posts: a scope without a type or of type `posts` (those of
 * pages, drafts and other collections are no posts'). Kept with or without a permalink, as each one
 * that applies decides whether the next takes precedence (see jekyllDefaultPermalink).
 */
export function jekyllDefaults(value: unknown): JekyllDefault[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): JekyllDefault[] => {
    if (!isFields(entry) || !isFields(entry['values'])) return [];
    const scope = isFields(entry['scope']) ? entry['scope'] : {};
    const type = scope['type'];
    // Jekyll reads the old singular `post` as `posts`.
    if (type !== undefined && type !== null && type !== 'posts' && type !== 'post') return [];
    const path = typeof scope['path'] === 'string' ? scope['path'].trim().replace(/^\/+|\/+$/g, '') : '';
    const written = entry['values']['permalink'];
    const permalink = typeof written === 'string' ? written.trim() : '';
    const values = Object.entries(entry['values'])
      .map(([key, value]) => [key.toLowerCase(), value] as const)
      .filter(([key]) => JEKYLL_DEFAULT_FIELDS.has(key));
    return [
      {
        path,
        typed: type !== undefined && type !== null,
        ...(permalink === '' ? {} : { permalink: sitePermalink(expandArticleUrl(permalink), permalink) }),
        ...(values.length === 0 ? {} : { values: Object.fromEntries(values) }),
      },
    ];
  });
}

/**
 * The permalink Jekyll's `defaults` give the post at `sitePath` (its path in the site, `_posts/x.md`),
 * merged as Jekyll merges them: a scope whose path is longer, or as long and with a type, takes
 * precedence over the ones before it; else the ones before keep what they set.
 */
export function jekyllDefaultPermalink(
  defaults: readonly JekyllDefault[],
  sitePath: string,
): JekyllDefault | undefined {
  let chosen: JekyllDefault | undefined;
  let before: JekyllDefault | undefined;
  for (const entry of defaults) {
    if (!appliesTo(entry.path, sitePath)) continue;
    if (precedes(entry, before)) {
      if (entry.permalink !== undefined) chosen = entry;
      before = entry;
    } else if (chosen === undefined && entry.permalink !== undefined) chosen = entry;
  }
  return chosen;
}

/**
 * The values Jekyll's `defaults` give the post at `sitePath` (see {@link JekyllDefault.values}),
 * merged as Jekyll merges them (see jekyllDefaultPermalink); undefined when they give none.
 */
export function jekyllDefaultValues(
  defaults: readonly JekyllDefault[],
  sitePath: string,
): Readonly<Record<string, unknown>> | undefined {
  let merged: Record<string, unknown> | undefined;
  let before: JekyllDefault | undefined;
  for (const entry of defaults) {
    if (!appliesTo(entry.path, sitePath)) continue;
    const values = entry.values ?? {};
    if (precedes(entry, before)) {
      merged = { ...merged, ...values };
      before = entry;
    } else merged = { ...values, ...merged };
  }
  return merged === undefined || Object.keys(merged).length === 0 ? undefined : merged;
}

/**
 * Whether a scope that applies takes precedence over the one that did before it, as Jekyll decides:
 * a longer path, or one as long with a type (or neither with one).
 */
function precedes(entry: JekyllDefault, before: JekyllDefault | undefined): boolean {
  if (before === undefined) return true;
  return entry.path.length !== before.path.length
    ? entry.path.length > before.path.length
    : entry.typed || !before.typed;
}

/**
 * Whether a scope's path applies to the post at `sitePath`, as Jekyll 4 tests it: the post's path
 * starts with it (`_posts/2024` applies to `_posts/2024-01-05-x.md` too); a path with `*` is a glob
 * of files and folders (`*` within a name, `**` across folders), one of which the post's path starts
 * with.
 */
function appliesTo(scope: string, sitePath: string): boolean {
  if (scope === '') return true;
  if (!scope.includes('*')) return sitePath.startsWith(scope);
  const glob = scope.split('/');
  const parts = sitePath.split('/');
  for (let end = parts.length; end > 0; end--) if (globMatches(glob, parts.slice(0, end))) return true;
  return false;
}

/**
 * Whether a path's names match a glob's: `**` any number of folders, `*` any part of one name. Each
 * pair of places in the two is tried once, so that many `**` take no longer than one.
 */
function globMatches(glob: readonly string[], names: readonly string[]): boolean {
  const tried = new Map<number, boolean>();
  const from = (g: number, n: number): boolean => {
    const key = g * (names.length + 1) + n;
    const known = tried.get(key);
    if (known !== undefined) return known;
    const part = glob[g];
    const name = names[n];
    const matches =
      part === undefined
        ? n === names.length
        : part === '**'
          ? from(g + 1, n) || (name !== undefined && from(g, n + 1))
          : name !== undefined && nameMatches(part, name) && from(g + 1, n + 1);
    tried.set(key, matches);
    return matches;
  };
  return from(0, 0);
}

/**
 * Whether a name matches a pattern whose `*` stand for any characters: the usual wildcard walk,
 * going back only to the last `*`, so that it takes at most the product of the two lengths.
 */
function nameMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let after = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      after = n;
    } else if (p < pattern.length && pattern[p] === name[n]) {
      p++;
      n++;
    } else if (star !== -1) {
      p = star + 1;
      n = ++after;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
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
 * the first folder is its section), or in a Jekyll site the post at `contentPath` (in the content
 * folder): its `defaults`' for it, else the site's; undefined when it gives none.
 */
export function sitePermalinkOf(
  permalinks: SitePermalinks,
  hugoPath: string | undefined,
  contentPath?: string,
): SitePermalink | undefined {
  const { jekyllDefaults: defaults, jekyllPrefix: prefix = '' } = permalinks;
  const scoped =
    defaults === undefined || contentPath === undefined
      ? undefined
      : jekyllDefaultPermalink(defaults, prefix === '' ? contentPath : `${prefix}/${contentPath}`);
  if (scoped?.permalink !== undefined) return scoped.permalink;
  if (permalinks.jekyll !== undefined) return permalinks.jekyll;
  if (permalinks.hugo === undefined || hugoPath === undefined) return undefined;
  const parts = hugoPath.split('/');
  // A page at the top of the content folder is in no section.
  if (parts.length < 2) return undefined;
  return permalinks.hugo.get((parts[0] ?? '').toLowerCase());
}

/**
 * Hugo's `:sections` in a permalink, for the page at `hugoPath` (its path in Hugo's content): the path
 * of the page's own section, the nearest folder above it that is one (its first folder, or one of
 * `nested`, which hold an `_index.md`). `posts/2024/x.md` is in `posts` when `posts/2024` has none,
 * as Hugo fills `:sections` with `.CurrentSection.SectionsPath`; Hugo's default addresses follow the
 * file's whole path instead.
 */
export function hugoPermalinkSections(hugoPath: string, nested: readonly string[]): readonly string[] {
  const folders = hugoPath.split('/').slice(0, -1);
  let depth = Math.min(folders.length, 1);
  for (let at = folders.length; at > 1; at--) {
    if (nested.includes(folders.slice(0, at).join('/'))) {
      depth = at;
      break;
    }
  }
  return folders.slice(0, depth);
}

/**
 * The path of a post in a Jekyll site from the folder at `contentPath` (in the content folder), as
 * Jekyll counts it: without the site's `collections_dir` (`my_collections/_posts/x.md` is
 * `_posts/x.md`), which gives its posts no categories and is not in the scopes of its `defaults`.
 */
export function jekyllSitePath(permalinks: SitePermalinks, contentPath: string): string {
  return withoutCollectionsDir(permalinks.jekyllCollectionsDir, contentPath);
}

/**
 * A path in a Jekyll site without its `collections_dir` (`folder`) before it, as Jekyll's
 * strip_collections_dir gives both posts' paths and `defaults` scopes' (`my_collections/_posts` is `_posts`).
 */
export function withoutCollectionsDir(folder: string | undefined, path: string): string {
  return folder !== undefined && folder !== '' && path.startsWith(`${folder}/`)
    ? path.slice(folder.length + 1)
    : path;
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
