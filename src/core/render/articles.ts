import type { Article } from '../article.js';
import { blogUrl, type BlogLinks } from '../blog-links.js';
import type { ContentIndex, TagEntry } from '../content-index.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { listStamp } from '../list-stamp.js';
import { navigationRow, type LinkButton } from '../navigation.js';
import { EMBED_COLOR, type MessagePayload } from '../payload.js';
import {
  codePointLength,
  escapeBlockStarts,
  escapeInline,
  truncateInline,
  truncateMarkdown,
} from '../text.js';
import { escapeLoneStrikes, linkLabel } from '../markdown.js';
import { sendableUrl } from '../urls.js';

/** Articles per page: enough to scan, few enough to read. */
const PER_PAGE = 5;

/** Tags named in a message, each in bold and shown as written (`__init__` too). */
export function tagNames(labels: readonly string[]): string {
  return labels.map((label) => `**${escapeInline(label)}**`).join(', ');
}

/**
 * One entry: the title linked to the article, the date, and the summary (if any) under them, its
 * lines text: a heading or quote there would break up the list. Nothing left open in it may run on
 * into the next entries: the summary, cut short, may have lost a strikethrough's closing `~~`.
 */
function entry(article: Article): string {
  // Encoded parentheses keep an address like `/a_(b)` from ending the masked link early.
  const url = sendableUrl(article.url)?.replace(/\(/g, '%28').replace(/\)/g, '%29');
  const heading =
    url === undefined ? `**${escapeInline(article.title)}**` : `**[${linkLabel(article.title)}](${url})**`;
  const date = article.date === undefined ? '' : ` · ${article.date}`;
  const summary = article.summary.trim();
  return summary === ''
    ? heading + date
    : `${heading}${date}\n${escapeBlockStarts(escapeLoneStrikes(summary))}`;
}

/** Each article's entry length, so that paging a long list (all articles, a search) renders only one page. */
const entryLengths = new WeakMap<Article, number>();
/** Where each page starts in a list. */
const startsCache = new WeakMap<readonly Article[], readonly number[]>();

// A summary is at most 500 characters and a title 200, so one entry always fits a page.
const entryText = (article: Article): string => truncateMarkdown(entry(article), L.embedDescription);

function entryLength(article: Article): number {
  let length = entryLengths.get(article);
  if (length === undefined) {
    length = codePointLength(entryText(article));
    entryLengths.set(article, length);
  }
  return length;
}

/** The index in `articles` of each page's first entry: at most PER_PAGE entries and 4096 characters a page. */
function pageStarts(articles: readonly Article[]): readonly number[] {
  const cached = startsCache.get(articles);
  if (cached !== undefined) return cached;
  const starts: number[] = [];
  let count = 0;
  let length = 0;
  articles.forEach((article, i) => {
    const added = entryLength(article);
    if (count > 0 && count < PER_PAGE && length + 2 + added <= L.embedDescription) {
      count += 1;
      length += 2 + added;
    } else {
      starts.push(i);
      count = 1;
      length = added;
    }
  });
  startsCache.set(articles, starts);
  return starts;
}

/** How many pages the list of `articles` takes. */
export function articlePageCount(articles: readonly Article[]): number {
  return pageStarts(articles).length;
}

/** Pages already rendered, per list: a page is asked for again and again (the newest, page 1). */
const pageTexts = new WeakMap<readonly Article[], Map<number, string>>();

/** One page's description: its entries, separated by blank lines. */
function articlePage(articles: readonly Article[], page: number): string {
  let rendered = pageTexts.get(articles);
  if (rendered === undefined) {
    rendered = new Map();
    pageTexts.set(articles, rendered);
  }
  let text = rendered.get(page);
  if (text === undefined) {
    const starts = pageStarts(articles);
    text = articles
      .slice(starts[page], starts[page + 1])
      .map(entryText)
      .join('\n\n');
    rendered.set(page, text);
  }
  return text;
}

/** Descriptions, one per page: at most PER_PAGE entries and 4096 characters each. */
export function articlePages(articles: readonly Article[]): readonly string[] {
  return pageStarts(articles).map((_, page) => articlePage(articles, page));
}

/** A list of articles as a message: one page of linked titles with their summaries, and paging buttons. */
export interface ArticleList {
  /** Plain text, shown as written (an embed's title reads Markdown: a tag `__init__` would be underlined). */
  readonly title: string;
  /** Newest first, or best match first. */
  readonly articles: readonly Article[];
  readonly page: number;
  /** The custom_id of the button that shows `page`. */
  readonly pageId: (page: number) => string;
  /** The custom_id prefix, which routes the buttons to their command. */
  readonly prefix: string;
  /** Where the title and the link button lead. */
  readonly link: LinkButton;
}

/** One page of a list of articles (an empty list shows an empty page). */
export function renderArticleList(list: ArticleList): MessagePayload {
  const { articles } = list;
  const pages = Math.max(1, articlePageCount(articles));
  const page = Math.min(Math.max(list.page, 0), pages - 1);
  const count = `${articles.length} article${articles.length === 1 ? '' : 's'}`;
  return {
    embeds: [
      {
        title: truncateInline(list.title, L.embedTitle),
        color: EMBED_COLOR,
        ...(list.link.url === undefined ? {} : { url: list.link.url }),
        description: articlePage(articles, page),
        footer: { text: pages > 1 ? `Page ${page + 1}/${pages} · ${count}` : count },
      },
    ],
    components: navigationRow(
      list.prefix,
      {
        previous: page > 0 ? list.pageId(page - 1) : undefined,
        next: page < pages - 1 ? list.pageId(page + 1) : undefined,
      },
      list.link,
    ),
  };
}

export interface ArticlesView {
  /** undefined lists every article. */
  readonly tag: TagEntry | undefined;
  readonly page: number;
}

/**
 * `articles:<page>:<stamp>:<tag>`: the stamp of the list paged (see listStamp), and the tag as spelled
 * (last: it may hold ":"). Not its key: NFKC makes one character up to 18 (a tag of 50 × U+FDFA has a
 * key of 750), past a custom_id's 100, while a tag has at most 50 (TAG_MAX in front-matter.ts). Any
 * spelling is read back to the same key, so the button leads to the tag after a reload too, whatever
 * its label then, as long as its list is the same.
 */
export function articlesCustomId(view: ArticlesView, index: ContentIndex): string {
  return `articles:${view.page}:${listStamp(view.tag?.articles ?? index.articles)}:${view.tag?.label ?? ''}`;
}

/** The page a button shows; undefined when its list is no longer the one it paged (see listStamp). */
export function parseArticlesCustomId(customId: string, index: ContentIndex): ArticlesView | undefined {
  const match = /^articles:(\d+):([^:]*):(.*)$/s.exec(customId);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  const tag = match[3] === '' ? undefined : index.tag(match[3]);
  if (match[3] !== '' && tag === undefined) return undefined;
  const articles = tag?.articles ?? index.articles;
  const page = Number(match[1]);
  return page < articlePageCount(articles) && match[2] === listStamp(articles) ? { tag, page } : undefined;
}

/** The list of articles (with a tag, or all), newest first, one page of it. */
export function renderArticles(view: ArticlesView, index: ContentIndex, links: BlogLinks): MessagePayload {
  const { tag } = view;
  // Without tag pages (or for a tag only categories name, which they do not list), the blog's own:
  // the list shows the tag's articles anyway.
  const tagPage = tag !== undefined && links.tag !== undefined && tag.categoryOnly !== true;
  return renderArticleList({
    title: tag === undefined ? 'All articles' : `Articles tagged “${tag.label}”`,
    articles: tag?.articles ?? index.articles,
    page: view.page,
    pageId: (page) => articlesCustomId({ tag, page }, index),
    prefix: 'articles',
    link: { label: tagPage ? 'See them on the blog' : 'Open the blog', url: blogUrl(links, tag) },
  });
}
