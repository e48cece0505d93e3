import { hugoPathName, jekyllSlug } from './article-url.js';
import type { TagEntry } from './content-index.js';
import { kept } from './kept.js';
import { resolveUrl } from './urls.js';

/**
 * Where the blog lists its posts, and a tag's posts (BLOG_URL and TAG_URL): paths on SITE_URL or
 * http(s) addresses. Generators put tag pages in different places (Hugo `/tags/<tag>/`, Eleventy and
 * Jekyll only where a theme or plugin makes them), so the bot is told rather than guessing.
 */
export interface BlogLinks {
  readonly siteUrl: string | undefined;
  /** BLOG_URL (default `/blog`). */
  readonly blog: string;
  /** TAG_URL with `:tag`, `:tagslug` or `:tagslugify`; undefined (`TAG_URL=none`): the blog has no tag pages. */
  readonly tag: string | undefined;
  /** Which of them were left unset (their defaults above): a generator's site gives its own (see siteBlogLinks). */
  readonly unset?: { readonly blog: boolean; readonly tag: boolean };
}

export const DEFAULT_BLOG_URL = '/blog';
export const DEFAULT_TAG_URL = '/blog?tag=:tag';
/**
 * The tokens of TAG_URL: the tag as first written; as Hugo makes a term's path (`:tagslug`, its
 * urlize: `C++` → `c++`); as Jekyll's slugify does, which jekyll-archives uses (`:tagslugify`: `c`).
 */
export const TAG_URL_TOKENS = ['tag', 'tagslug', 'tagslugify'] as const;
const TOKEN = /:([a-z]+)/gi;

/** The blog's links with the default pages, on `siteUrl`. */
export function defaultBlogLinks(siteUrl: string | undefined): BlogLinks {
  return { siteUrl, blog: DEFAULT_BLOG_URL, tag: DEFAULT_TAG_URL };
}

/** The tokens of a TAG_URL pattern that are not {@link TAG_URL_TOKENS}, with their colon. */
export function unknownTagUrlTokens(pattern: string): string[] {
  // A port (`:8080`) is no token; a scheme's colon is followed by `//`.
  return [...pattern.matchAll(TOKEN)]
    .map((match) => match[1] ?? '')
    .filter((token) => !(TAG_URL_TOKENS as readonly string[]).includes(token.toLowerCase()))
    .map((token) => `:${token}`);
}

/** Addresses made by blogUrl, by links and tag label: `/articles` asks for the same few again and again. */
const madeUrls = new WeakMap<BlogLinks, (label: string | undefined) => string | undefined>();
/** At most this many tags' addresses kept per links (a blog's tags, mostly). */
const MADE_URLS_MAX = 1024;

/**
 * The address of the blog's page for `tag`, or of the blog itself (no tag, no tag pages, or a tag
 * only categories name, which the tag pages do not list: Hugo's `/tags/x/` has no page for it).
 */
export function blogUrl(links: BlogLinks, tag?: TagEntry): string | undefined {
  let made = madeUrls.get(links);
  if (made === undefined) {
    made = kept((label: string | undefined) => makeBlogUrl(links, label), MADE_URLS_MAX);
    madeUrls.set(links, made);
  }
  return made(tag?.categoryOnly === true ? undefined : tag?.label);
}

function makeBlogUrl(links: BlogLinks, label: string | undefined): string | undefined {
  if (label === undefined || links.tag === undefined) return resolveUrl(links.blog, links.siteUrl);
  // A tag the rule leaves nothing of (`!!!`) has no page of its own: `/tags//` would be none.
  if ([...links.tag.matchAll(TOKEN)].some(([, name = '']) => tagToken(name.toLowerCase(), label) === ''))
    return resolveUrl(links.blog, links.siteUrl);
  const path = links.tag.replace(
    TOKEN,
    (token, name: string) => tagToken(name.toLowerCase(), label) ?? token,
  );
  return resolveUrl(path, links.siteUrl);
}

/** A TAG_URL token filled with the tag, or undefined for what is no token of ours. */
function tagToken(name: string, label: string): string | undefined {
  switch (name) {
    case 'tag':
      return encodeURIComponent(label);
    // Hugo's rule keeps a `/` (`CI/CD` is at /tags/ci/cd/) and escapes the rest itself.
    case 'tagslug':
      return hugoPathName(label);
    case 'tagslugify':
      return encodeURIComponent(jekyllSlug(label));
    default:
      return undefined;
  }
}
