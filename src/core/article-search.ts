import MiniSearch, {
  type AsPlainObject,
  type Options,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';
import type { Article } from './article.js';
import { compareNewestFirst } from './newest-first.js';

/** The indexed fields and their weights: a word in the title counts most, section text least. */
const BOOST = { title: 5, tags: 3, summary: 2, text: 1 } as const;
type Field = keyof typeof BOOST;

/**
 * Link targets and bare addresses are left out: nobody searches for them, and every address
 * would add terms to the index. A target ends at the next space or parenthesis, so that a text
 * full of `](` without `)` (code is kept as written) is still read in linear time.
 */
const ADDRESSES = /\]\([^()\s]*\)|<?https?:\/\/[^\s>)]*>?/g;
/** Anything but letters and digits separates words (Markdown marks too). */
const SEPARATORS = /[^\p{L}\p{N}]+/u;
/**
 * English words too common to tell articles apart, left out of the index: a third of an article's
 * words (so of the indexing time) and a fifth of the index's entries. Words that are also names
 * ("it", "us", "can", "will", "may") stay.
 */
const STOP_WORDS = new Set(
  (
    'a about all also am an and any are as at be been but by could did do does for from had has have he her ' +
    'him his how i if in into is its just me more most my no not of on or our out she should so some such ' +
    'than that the their them then there these they this those through to too very was we were what when ' +
    'where which while who why with would you your'
  ).split(' '),
);

/**
 * A term of four letters or more also finds the words it starts ("lead" finds "leadership"). Shorter
 * ones would each expand to hundreds of words ("pro…") and take a search of 10,000 articles from
 * milliseconds to a quarter of a second.
 */
const prefix = (term: string): boolean => term.length >= 4;
/** Typos allowed in a term: none up to three letters, one up to seven, then two. */
const typos = (term: string): number | false => (term.length < 4 ? false : term.length < 8 ? 1 : 2);

const MATCHING = { boost: BOOST, prefix, fuzzy: typos } satisfies SearchOptions;
/** Autocomplete looks at titles only, few words, so the word being typed can be a prefix from its first letter. */
const COMPLETING = {
  fields: ['title'],
  combineWith: 'AND',
  prefix: (term, i, terms) => i === terms.length - 1 || prefix(term),
  fuzzy: typos,
} satisfies SearchOptions;
/** For suggestions after a search found nothing: titles sharing a word, with twice the typos allowed. */
const LOOSE = {
  fields: ['title'],
  combineWith: 'OR',
  prefix,
  fuzzy: (term) => (term.length < 4 ? 1 : term.length < 8 ? 2 : 4),
} satisfies SearchOptions;

/** How many searches' results are kept for paging. */
const RECENT_SEARCHES = 16;

const OPTIONS: Options<Article> = {
  fields: Object.keys(BOOST),
  idField: 'slug',
  storeFields: [],
  extractField: (article, field) => (field === 'slug' ? article.slug : fieldText(article, field as Field)),
  tokenize: searchTerms,
  // searchTerms has done it all.
  processTerm: (term) => term,
  searchOptions: MATCHING,
};

/** An entry of a restored index whose article changed since: the next sync replaces it. */
const STALE = Symbol('stale');

/** An index kept between starts (see {@link ArticleSearch.snapshot}). */
export interface SearchSnapshot {
  readonly index: AsPlainObject;
  /** The version of the article each slug was indexed from; empty when unknown. */
  readonly versions: Readonly<Record<string, string>>;
}

function fieldText(article: Article, field: Field): string {
  switch (field) {
    case 'title':
    case 'summary':
      return article[field];
    case 'tags':
      return article.tags.join(' ');
    case 'text':
      // Headings are left out: they name the section kind ("Tips"), which every article shares.
      return Object.values(article.sections)
        .flatMap((section) => [
          section.text,
          ...section.items.flatMap((item) => [item.name ?? '', item.text]),
        ])
        .join('\n');
  }
}

/**
 * The terms of a text, as indexed and as searched: case and accents do not matter ("Équipe" and
 * "equipe" are one term). The whole text is normalised at once, which is several times faster than
 * term by term. An empty list means there is nothing to search for.
 */
export function searchTerms(text: string): string[] {
  return text
    .replace(ADDRESSES, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((term) => term !== '' && !STOP_WORDS.has(term));
}

/**
 * The full-text index of the articles (MiniSearch): titles, tags, summaries and section text.
 * It stores no text, only terms and slugs: results map back to articles through `articles`.
 */
export class ArticleSearch {
  /** The indexed articles by slug; an article's identity says whether it changed since it was indexed. */
  readonly #articles = new Map<string, Article | typeof STALE>();
  readonly #index: MiniSearch<Article>;
  #revision = 0;

  constructor(index: MiniSearch<Article> = new MiniSearch<Article>(OPTIONS)) {
    this.#index = index;
  }

  /**
   * The index as plain data, with the version of each article it holds (as `version` tells it), to
   * be restored at the next start instead of indexing every article again.
   */
  snapshot(version: (article: Article) => string | undefined): SearchSnapshot {
    const versions: Record<string, string> = {};
    for (const [slug, article] of this.#articles)
      versions[slug] = article === STALE ? '' : (version(article) ?? '');
    return { index: this.#index.toJSON(), versions };
  }

  /**
   * The index of a snapshot, holding `articles` where their version is the one indexed: the next
   * {@link sync} indexes only the others again (and drops what the snapshot holds of them).
   */
  static restore(
    snapshot: SearchSnapshot,
    articles: readonly Article[],
    version: (article: Article) => string | undefined,
  ): ArticleSearch {
    const search = new ArticleSearch(MiniSearch.loadJS<Article>(snapshot.index, OPTIONS));
    const bySlug = new Map<string, Article>();
    for (const article of articles) if (!bySlug.has(article.slug)) bySlug.set(article.slug, article);
    for (const [slug, indexed] of Object.entries(snapshot.versions)) {
      const article = bySlug.get(slug);
      const same = article !== undefined && indexed !== '' && version(article) === indexed;
      search.#articles.set(slug, same ? article : STALE);
    }
    return search;
  }

  /**
   * The latest searches' results, so that paging through them (a button press each) does not
   * search again: a query matching all of 10,000 articles takes tens of milliseconds.
   */
  readonly #recent = new Map<string, readonly Article[]>();

  /** How many articles the index holds. */
  get size(): number {
    return this.#index.documentCount;
  }

  /**
   * Makes the index hold exactly `articles` (the first of two with one slug), re-indexing only
   * those that are new or not the same object as before. Discarded entries are vacuumed by
   * MiniSearch in the background once enough accumulate.
   */
  sync(articles: readonly Article[]): void {
    const next = new Map<string, Article>();
    for (const article of articles) if (!next.has(article.slug)) next.set(article.slug, article);
    let changed = false;
    for (const [slug, indexed] of this.#articles) {
      if (next.get(slug) === indexed) continue;
      this.#index.discard(slug);
      this.#articles.delete(slug);
      changed = true;
    }
    for (const [slug, article] of next) {
      if (this.#articles.has(slug)) continue;
      this.#index.add(article);
      this.#articles.set(slug, article);
      changed = true;
    }
    if (changed) {
      this.#recent.clear();
      this.#revision++;
    }
  }

  /** Counts the syncs that changed the index: equal revisions mean an equal index. */
  get revision(): number {
    return this.#revision;
  }

  /**
   * Every article matching `query`, best first, newest first among equal scores: those matching
   * every word of it or, when none does, those matching any.
   */
  search(query: string): readonly Article[] {
    const cached = this.#recent.get(query);
    if (cached !== undefined) return cached;
    const all = this.#index.search(query, { combineWith: 'AND' });
    const results = this.#ranked(all.length > 0 ? all : this.#index.search(query, { combineWith: 'OR' }));
    if (this.#recent.size >= RECENT_SEARCHES) this.#recent.delete(this.#recent.keys().next().value ?? '');
    this.#recent.set(query, results);
    return results;
  }

  /**
   * The articles whose titles best match what was typed so far, for autocomplete: at most `limit`,
   * best first. Titles only, so that the first letters typed cost little.
   */
  complete(query: string, limit: number): Article[] {
    return this.#ranked(this.#index.search(query, COMPLETING)).slice(0, limit);
  }

  /** Articles whose titles come close to `query`, for when {@link search} finds nothing. */
  closest(query: string, limit: number): Article[] {
    return this.#ranked(this.#index.search(query, LOOSE)).slice(0, limit);
  }

  #ranked(results: readonly SearchResult[]): Article[] {
    return results
      .flatMap((result) => {
        const article = this.#articles.get(result.id as string);
        // Ten significant digits: scores that differ only by rounding are equal, and go newest first.
        return article === undefined || article === STALE
          ? []
          : [{ article, score: Number(result.score.toPrecision(10)) }];
      })
      .sort((a, b) => b.score - a.score || compareNewestFirst(a.article, b.article))
      .map(({ article }) => article);
  }
}
