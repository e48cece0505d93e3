import { join, relative, sep } from 'node:path';
import type { Article } from '../core/article.js';
import type { BlogLinks } from '../core/blog-links.js';
import { mostCommon } from '../core/hugo-sections.js';

/** What the walk found the content folder to be: the generators whose pages the bot knows. */
export interface SiteKind {
  readonly jekyll: boolean;
  /** Hugo's content folder in the content folder (`''` for the folder itself), for a Hugo site. */
  readonly hugo?: string | undefined;
  /** Where the content folder is in Hugo's content, when inside it (`posts` for `content/posts`). */
  readonly hugoPrefix?: string | undefined;
}

/** The blog's links, with the pages its generator makes where BLOG_URL or TAG_URL is unset; and which. */
export interface SiteBlogLinks {
  readonly links: BlogLinks;
  /** The generator whose pages were taken, when one was: its name, and the section for Hugo. */
  readonly from?: { readonly generator: 'Hugo' | 'Jekyll'; readonly section?: string };
}

/**
 * The blog's links as the site's generator makes its pages, for the settings left unset (the bot's
 * own `/blog` and `/blog?tag=…` are pages none of them makes): Hugo lists a section's posts at its
 * name (the section most posts are in; the home page for posts in none) and a tag's at
 * `/tags/<tag>/` (its default taxonomy); Jekyll lists posts on its home page and makes no tag pages.
 * Eleventy's pages are its starter's, a guess: left to the settings.
 */
export function siteBlogLinks(
  links: BlogLinks,
  site: SiteKind,
  articles: readonly Article[],
  contentDir: string,
): SiteBlogLinks {
  const unset = links.unset;
  if (unset === undefined || (!unset.blog && !unset.tag)) return { links };
  if (site.hugo !== undefined) {
    const section = hugoSection(articles, links.siteUrl, join(contentDir, site.hugo), site.hugoPrefix);
    return {
      links: {
        ...links,
        ...(unset.blog ? { blog: section === undefined ? '/' : `/${section}/` } : {}),
        ...(unset.tag ? { tag: '/tags/:tagslug/' } : {}),
      },
      from: { generator: 'Hugo', ...(section === undefined ? {} : { section }) },
    };
  }
  if (site.jekyll)
    return {
      links: { ...links, ...(unset.blog ? { blog: '/' } : {}), ...(unset.tag ? { tag: undefined } : {}) },
      from: { generator: 'Jekyll' },
    };
  return { links };
}

/**
 * The Hugo section most of the articles are in: the first folder of the addresses on `siteUrl` that
 * most are in, counting only a folder their file is in too (`content/blog/x.md` at `/blog/x/`; not a
 * slug at the site's root, nor a year); else (posts at their permalinks' `/p/:slug/`) the folder
 * right inside `content` that holds most of their files.
 */
export function hugoSection(
  articles: readonly Article[],
  siteUrl: string | undefined,
  content: string,
  prefix = '',
): string | undefined {
  return (
    (siteUrl === undefined ? undefined : mostCommonSection(articles, siteUrl)) ??
    mostCommonFolder(articles, content, prefix)
  );
}

function mostCommonSection(articles: readonly Article[], siteUrl: string): string | undefined {
  const root = siteUrl.replace(/\/*$/, '/');
  return mostCommon(
    articles.map(({ url, file }) => {
      if (url?.startsWith(root) !== true) return undefined;
      const folder = /^([^/?#]+)\/[^/?#]/.exec(url.slice(root.length))?.[1];
      const folders = file.split(/[\\/]/).slice(0, -1);
      // A year's folder (`content/posts/2024/` under `/:year/…`) is no section: Hugo lists none there.
      return folder !== undefined && !/^\d+$/.test(folder) && folders.includes(folder) ? folder : undefined;
    }),
  );
}

/** `prefix`: where `content` is in Hugo's content (`posts` for `content/posts`): its sections start there. */
function mostCommonFolder(articles: readonly Article[], content: string, prefix: string): string | undefined {
  return mostCommon(
    articles.map(({ file }) => {
      const [folder, ...rest] = join(prefix, relative(content, file)).split(sep);
      return folder !== undefined && folder !== '..' && rest.length > 0 ? folder : undefined;
    }),
  );
}
