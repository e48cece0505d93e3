import type { Article } from '../article.js';
import type { ContentIndex, TagEntry } from '../content-index.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { navigationRow } from '../navigation.js';
import { EMBED_COLOR, type MessagePayload } from '../payload.js';
import { codePointLength, truncate } from '../text.js';
import { resolveUrl } from '../urls.js';

/** Articles per page: enough to scan, few enough to read. */
const PER_PAGE = 5;

/** Address of the blog's page for a tag (`SITE_URL/blog?tag=…`), or of the blog itself. */
export function blogUrl(siteUrl: string | undefined, tag?: TagEntry): string | undefined {
  const path = tag === undefined ? '/blog' : `/blog?tag=${encodeURIComponent(tag.label)}`;
  return resolveUrl(path, siteUrl);
}

/** One entry: the title linked to the article, the date, and the summary. */
function entry(article: Article): string {
  const title = article.title.replace(/([[\]\\*_~`|])/g, '\\$1');
  // Encoded parentheses keep an address like `/a_(b)` from ending the masked link early.
  const url = article.url?.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const heading = url === undefined ? `**${title}**` : `**[${title}](${url})**`;
  return `${heading}${article.date === undefined ? '' : ` · ${article.date}`}\n${article.summary}`;
}

const pageCache = new WeakMap<readonly Article[], string[]>();

/** Descriptions, one per page: at most PER_PAGE entries and 4096 characters each. */
export function articlePages(articles: readonly Article[]): readonly string[] {
  const cached = pageCache.get(articles);
  if (cached !== undefined) return cached;
  const pages: string[] = [];
  let current: string[] = [];
  for (const article of articles) {
    // A summary is at most 500 characters and a title 200, so one entry always fits a page.
    const text = truncate(entry(article), L.embedDescription);
    const joined = [...current, text].join('\n\n');
    if (current.length >= PER_PAGE || codePointLength(joined) > L.embedDescription) {
      pages.push(current.join('\n\n'));
      current = [];
    }
    current.push(text);
  }
  if (current.length > 0) pages.push(current.join('\n\n'));
  pageCache.set(articles, pages);
  return pages;
}

export interface ArticlesView {
  /** undefined lists every article. */
  readonly tag: TagEntry | undefined;
  readonly page: number;
}

/** `articles:<page>:<tag key>`; the key goes last because it may hold ":". */
export function articlesCustomId(view: ArticlesView): string {
  return `articles:${view.page}:${view.tag?.key ?? ''}`;
}

export function parseArticlesCustomId(customId: string, index: ContentIndex): ArticlesView | undefined {
  const match = /^articles:(\d+):(.*)$/s.exec(customId);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const tag = match[2] === '' ? undefined : index.tag(match[2]);
  if (match[2] !== '' && tag === undefined) return undefined;
  const page = Number(match[1]);
  const pages = articlePages(tag?.articles ?? index.articles);
  return page < pages.length ? { tag, page } : undefined;
}

/** The list of articles (with a tag, or all), newest first, one page of it. */
export function renderArticles(
  view: ArticlesView,
  index: ContentIndex,
  siteUrl: string | undefined,
): MessagePayload {
  const articles = view.tag?.articles ?? index.articles;
  const pages = articlePages(articles);
  const page = Math.min(view.page, pages.length - 1);
  const link = blogUrl(siteUrl, view.tag);
  const count = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
  const title = view.tag === undefined ? 'All articles' : `Articles tagged “${view.tag.label}”`;
  return {
    embeds: [
      {
        title: truncate(title, L.embedTitle),
        color: EMBED_COLOR,
        ...(link === undefined ? {} : { url: link }),
        description: pages[page] ?? '',
        footer: { text: pages.length > 1 ? `Page ${page + 1}/${pages.length} · ${count}` : count },
      },
    ],
    components: navigationRow(
      'articles',
      {
        previous: page > 0 ? articlesCustomId({ tag: view.tag, page: page - 1 }) : undefined,
        next: page < pages.length - 1 ? articlesCustomId({ tag: view.tag, page: page + 1 }) : undefined,
      },
      { label: view.tag === undefined ? 'Open the blog' : 'See them on the blog', url: link },
    ),
  };
}
