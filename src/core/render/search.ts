import type { Article } from '../article.js';
import { searchTerms } from '../article-search.js';
import { matchingArticles } from '../choices.js';
import type { ContentIndex } from '../content-index.js';
import { showsNothing } from '../invisible.js';
import { readQuery, type QueryPart, type SearchQuery } from '../search-query.js';
import type { MessagePayload } from '../payload.js';
import { plainLine } from '../text.js';
import { blogUrl, type BlogLinks } from '../blog-links.js';
import { articlePageCount, renderArticleList } from './articles.js';
import { listStamp } from '../list-stamp.js';

const PREFIX = 'search';

/**
 * The longest query, in code points. The paging buttons carry it in their custom_id
 * (`search:<page>:<stamp>:<query>`, at most 100), which leaves room for a page number of up to 6
 * digits: a million pages.
 */
export const SEARCH_QUERY_MAX = 80;

/** What was typed, as it is searched and carried by the buttons: one plain line, cut to the maximum. */
export function searchQuery(typed: string): string {
  return Array.from(plainLine(typed)).slice(0, SEARCH_QUERY_MAX).join('');
}

/** One page of the articles matching a query. */
export interface SearchView {
  readonly query: string;
  /** Best first, as `ContentIndex.search` orders them. */
  readonly results: readonly Article[];
  readonly page: number;
}

/**
 * `search:<page>:<stamp>:<query>`, the stamp of the results paged (see listStamp); the query goes
 * last because it may hold ":".
 */
export function searchCustomId(view: Pick<SearchView, 'query' | 'results'>, page: number): string {
  return `${PREFIX}:${page}:${listStamp(view.results)}:${view.query}`;
}

/**
 * The page a button shows, searched again in the current content; undefined when the button no
 * longer leads anywhere: the query finds other articles, or in another order, than when the message
 * was sent (see listStamp), or fewer pages, or nothing.
 */
export function parseSearchCustomId(customId: string, index: ContentIndex): SearchView | undefined {
  const match = /^search:(\d+):([^:]*):(.+)$/s.exec(customId);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  const query = searchQuery(match[3]);
  const page = Number(match[1]);
  const results = searchResults(query, index);
  return page < articlePageCount(results) && match[2] === listStamp(results)
    ? { query, results, page }
    : undefined;
}

/** Whether a query has no letter nor digit (an emoji): found as a tag and in titles, not by words. */
export function isSymbolQuery(query: string): boolean {
  return !/[\p{L}\p{N}]/u.test(query);
}

/**
 * Whether the query is an article's title, as the autocomplete's choices give them: its post is found,
 * its capitals and signs (`Why NOT Skip Retros`, `-20%`) read as words, not as operators.
 */
export function isTitleOf(query: string, index: ContentIndex): boolean {
  return index.find(query)?.title.toLowerCase() === query.trim().toLowerCase();
}

/**
 * A query as it is searched, read once per answer (the command's checks and its results, a button's
 * page): its operators, whether it is a title, the symbol it looks for with words left out.
 */
export interface SearchRead extends SearchQuery {
  /** It is an article's title, picked as it is (see isTitleOf): searched as its words. */
  readonly title: boolean;
  /**
   * The symbol (an emoji) it looks for when it also says what to leave out (`🚀 -java`): its words are
   * only those; undefined for any other query (nor for a title picked as it is).
   */
  readonly symbol: string | undefined;
}

/** The query read once, for {@link searchResults} and the command's checks. */
export function readSearch(query: string, index: ContentIndex): SearchRead {
  const read = readQuery(query);
  const title = isTitleOf(query, index);
  const looked = read.looked.trim();
  const alone = read.clauses.length === 0 && read.excluded.length > 0 && !title;
  const symbol = alone && !showsNothing(looked) && isSymbolQuery(looked) ? looked : undefined;
  return { ...read, title, symbol };
}

/**
 * The articles a query finds, best first: by its words; a query without a letter or digit (an emoji)
 * by the tag it is and the titles holding it as written, as the other commands find them, without
 * those holding the words it leaves out (`🚀 -java`). One of very common words only (`how to`) finds
 * nothing: every title has them. `read` is the query's, when already read.
 */
export function searchResults(
  query: string,
  index: ContentIndex,
  read: SearchRead = readSearch(query, index),
): readonly Article[] {
  if (read.symbol !== undefined) {
    const left = index.search.holding(read.excluded);
    return symbolResults(read.symbol, index).filter((article) => !left.has(article));
  }
  if (searchTerms(query).length > 0) return index.search.search(query, { operators: !read.title });
  return isSymbolQuery(query) ? symbolResults(query, index) : [];
}

/** What a query leaves out, as typed: a minus or NOT, then a word or quoted words (see readQuery). */
const LEFT_OUT = /(?<=^|\s)(?:[-−]|NOT\s+)(["“”„][^"“”„]*["“”„]?|[^\s"“”„]+)/gu;

/** A part a query leaves out, as the user typed it (`-C#`, `NOT java`), and its words (`C#`). */
export interface LeftOutPart {
  readonly part: QueryPart;
  readonly typed: string;
  readonly words: string;
}

/**
 * Why a query that leaves words out found nothing, when they are why: what it finds without them
 * (each holding one of them, or it would have been found), and the parts left out those hold, as
 * typed. Undefined when it leaves nothing out, or finds nothing without what it leaves out either.
 */
export function leftOutMatches(
  query: string,
  index: ContentIndex,
  read: SearchRead = readSearch(query, index),
): { readonly articles: readonly Article[]; readonly held: readonly LeftOutPart[] } | undefined {
  if (read.excluded.length === 0 || read.title) return undefined;
  const articles =
    read.symbol !== undefined
      ? symbolResults(read.symbol, index)
      : searchTerms(query).length > 0
        ? index.search.search(query, { excluding: false })
        : [];
  if (articles.length === 0) return undefined;
  const parts = leftOutParts(query, read.excluded);
  const held = parts.filter(({ part }) => {
    const holding = index.search.holding([part]);
    return articles.some((article) => holding.has(article));
  });
  return held.length === 0 ? undefined : { articles, held };
}

/**
 * The parts a query leaves out with what was typed for each; by their terms when the typed ones cannot
 * be told apart (a part of only very common words, `-the`, is no part: it is skipped as readQuery skips it).
 */
function leftOutParts(query: string, excluded: readonly QueryPart[]): LeftOutPart[] {
  const typed = [...query.normalize('NFKC').matchAll(LEFT_OUT)].filter(
    ([, words = '']) => searchTerms(words).length > 0,
  );
  return excluded.map((part, at) => {
    const [whole, words] = typed.length === excluded.length ? (typed[at] ?? []) : [];
    if (whole !== undefined && words !== undefined) return { part, typed: whole, words };
    const text = part.quoted ? `"${part.terms.join(' ')}"` : part.terms.join(' ');
    return { part, typed: `-${text}`, words: text };
  });
}

/** What a query reads as an operator: a minus starting a word, NOT, OR or AND alone, a quote. */
const OPERATORS = /(?<=^|\s)[-−]\S*|(?<=^|\s)(?:NOT|OR|AND)(?=\s|$)|["“”„]/gu;

/**
 * Whether a title holds, as typed (case aside), every operator typed (`-20%`, `NOT`): then what was
 * typed may be that title being typed whole, its operators text; otherwise they are operators
 * (`career -ladders` leaves "Career ladders" out).
 */
export function holdsOperators(title: string, typed: string): boolean {
  const text = title.normalize('NFKC').toLowerCase();
  return [...typed.normalize('NFKC').matchAll(OPERATORS)].every(([operator]) =>
    text.includes(operator.toLowerCase()),
  );
}

/** The articles tagged with a symbol, then those whose title holds it as written. */
export function symbolResults(symbol: string, index: ContentIndex): Article[] {
  const tagged = index.tag(symbol)?.articles ?? [];
  return [...new Set([...tagged, ...matchingArticles(index.articles, symbol, index.articles.length)])];
}

/** The articles matching a query, best first, one page of them, like /articles lists them. */
export function renderSearch(view: SearchView, links: BlogLinks): MessagePayload {
  return renderArticleList({
    title: `Articles matching “${view.query}”`,
    articles: view.results,
    page: view.page,
    pageId: (page) => searchCustomId(view, page),
    prefix: PREFIX,
    link: { label: 'Open the blog', url: blogUrl(links) },
  });
}
