import type Database from 'better-sqlite3';
import type { Article } from '../core/article.js';
import {
  SEARCH_FIELDS,
  SEARCH_WEIGHTS,
  isPrefix,
  looseTypos,
  typos,
  wordsOf,
  type ArticleSearch,
} from '../core/article-search.js';
import { kept } from '../core/kept.js';
import { isWord, readQuery, type QueryPart } from '../core/search-query.js';
import { compareNewestFirst } from '../core/newest-first.js';
import { typoDistance } from '../core/typo-distance.js';

/** How many searches' results are kept for paging (a button press each). */
const RECENT_SEARCHES = 16;
/** How many terms' readings as words written together are kept (see #readingsOf). */
const KEPT_READINGS = 256;
/** At most this many words stand for one word with typos: the closest, then the most used. */
const SIMILAR_TERMS = 8;

/** The queries a search runs, prepared once per database (see {@link prepareSearch}). */
export interface SearchStatements {
  readonly anywhere: Database.Statement;
  readonly inTitles: Database.Statement;
  /** In titles, then ` NOT (…)` anywhere (see #excluding): the second parameter. */
  readonly inTitlesExcept: Database.Statement;
  /** The rows whose tags, and whose summary, match. */
  readonly inTags: Database.Statement;
  readonly inSummaries: Database.Statement;
  /** Every word, with the number of rows it is in. */
  readonly terms: Database.Statement;
  /** The words of titles. */
  readonly titleTerms: Database.Statement;
  /** Whether a word is indexed. */
  readonly known: Database.Statement;
}

export function prepareSearch(db: Database.Database): SearchStatements {
  const match = (where: string): Database.Statement =>
    db.prepare(
      `SELECT rowid AS id, bm25(words, ${SEARCH_FIELDS.map((name) => SEARCH_WEIGHTS[name]).join(', ')}) AS score
       FROM words WHERE ${where}`,
    );
  return {
    anywhere: match('words MATCH ?'),
    // The column filter goes in the expression, so that a user's words can never name a column.
    inTitles: match("words MATCH '{title} : (' || ? || ')'"),
    // What is left out goes after the column filter: an article holding it anywhere is left out.
    inTitlesExcept: match("words MATCH '{title} : (' || ? || ')' || ?"),
    inTags: db.prepare("SELECT rowid AS id FROM words WHERE words MATCH '{tags} : (' || ? || ')'"),
    inSummaries: db.prepare("SELECT rowid AS id FROM words WHERE words MATCH '{summary} : (' || ? || ')'"),
    terms: db.prepare('SELECT term, doc FROM words_terms WHERE term >= ? AND term < ?'),
    titleTerms: db.prepare(
      "SELECT term, doc FROM words_in_columns WHERE col = 'title' AND term >= ? AND term < ?",
    ),
    known: db.prepare('SELECT 1 FROM words_terms WHERE term = ?').pluck(),
  };
}

interface Word {
  /** The word as typed (already a search term). */
  readonly term: string;
  /** It may start longer words. */
  readonly prefix: boolean;
  /** Typos allowed. */
  readonly typos: number;
  /** Typos allowed in the start of a longer word it stands for (`mentr`: "mentoring"); none by default. */
  readonly startTypos?: number;
}

/**
 * One index's full-text search, on the content store's FTS5 table (see ContentStore): ranked by
 * BM25 with the fields' weights. The table holds every stored text, including older versions of a
 * file: only the rows of this index's articles are results, so an answer never mixes two versions.
 * Typos are matched through the table's list of words: a typed word stands for itself, the words
 * it starts, and the words within its typos that start with the same letter (a first letter is
 * rarely the one mistyped, and this keeps the list to scan short).
 */
export class SqliteSearch implements ArticleSearch {
  readonly #statements: SearchStatements;
  readonly #listed: readonly Article[];
  #byId: Map<number, Article> | undefined;
  readonly #recent = new Map<string, readonly Article[]>();
  /**
   * The indexed words a term may be written together from (see wordsOf), kept: a search asks for
   * each word's three or four times, and a long word's pieces are thousands of lookups. Made anew
   * when the store's texts change (see #forgetDropped).
   */
  #readingsOf = this.#keptReadings();
  /** Which drop of the store's texts the results kept in #recent were found after (see ContentStore.keep). */
  readonly #dropped: () => number;
  #recentAfter: number;

  constructor(statements: SearchStatements, articles: readonly Article[], dropped: () => number = () => 0) {
    this.#statements = statements;
    this.#listed = articles;
    this.#dropped = dropped;
    this.#recentAfter = dropped();
  }

  /** The index's articles by their row, made at the first search: every edit makes a new search. */
  get #articles(): Map<number, Article> {
    if (this.#byId !== undefined) return this.#byId;
    const byId = new Map<number, Article>();
    const slugs = new Set<string>();
    for (const article of this.#listed) {
      if (slugs.has(article.slug)) continue;
      slugs.add(article.slug);
      const id = (article as { id?: unknown }).id;
      if (typeof id === 'number') byId.set(id, article);
    }
    this.#byId = byId;
    return byId;
  }

  search(
    query: string,
    {
      operators = true,
      excluding = true,
    }: { readonly operators?: boolean; readonly excluding?: boolean } = {},
  ): readonly Article[] {
    this.#forgetDropped();
    // The same text read as words only, or with nothing left out, is another search: kept apart.
    const key = `${operators ? '' : '\0'}${excluding ? '' : '\u0001'}${query}`;
    const cached = this.#recent.get(key);
    if (cached !== undefined) return cached;
    const { clauses, excluded } = readQuery(query, operators);
    const not = excluding ? this.#excluding(excluded) : '';
    // Each clause's alternatives: a word as typed, or within its typos; a quoted part exactly.
    const all = (typed: (term: string) => number, combine: 'AND' | 'OR'): string =>
      `(${unique(clauses.map((parts) => this.#clause(parts, typed))).join(` ${combine} `)})${not}`;
    // Plain words (no quotes, no OR) one after another, as typed, first (`4.4.1`, `code review`);
    // then all the clauses anywhere, exactly, then with typos; any of them only when no article has
    // them all. Nothing when only what to leave out was typed: that is no search.
    const written = clauses.every((parts) => parts.length === 1 && parts.every(isWord))
      ? clauses.flatMap((parts) => parts.flatMap((part) => part.terms))
      : [];
    let results =
      clauses.length === 0 || this.#articles.size === 0
        ? []
        : this.#union([
            written.length > 1 ? this.#ranked(`(${phrases(written).join(' OR ')})${not}`) : [],
            this.#ranked(all(() => 0, 'AND')),
            this.#ranked(all(typos, 'AND')),
          ]);
    if (results.length === 0 && clauses.length > 1) results = this.#ranked(all(typos, 'OR'));
    if (this.#recent.size >= RECENT_SEARCHES) this.#recent.delete(this.#recent.keys().next().value ?? '');
    this.#recent.set(key, results);
    return results;
  }

  complete(query: string, limit: number): readonly Article[] {
    this.#forgetDropped();
    const { clauses, excluded } = readQuery(query);
    if (clauses.length === 0 || this.#articles.size === 0) return [];
    // The clauses as the search reads them (an OR for either side), in titles; the last word, being
    // typed, a prefix from its first letter. What is left out is left out wherever it is, as there.
    const typing = clauses.at(-1)?.at(-1);
    const groups = clauses.map((parts) => this.#clause(parts, typos, { field: 'title', typing }));
    const found = this.#ranked(`(${unique(groups).join(' AND ')})`, 'title', this.#excluding(excluded));
    return found.slice(0, limit);
  }

  closest(query: string, limit: number): readonly Article[] {
    this.#forgetDropped();
    const { clauses, excluded } = readQuery(query);
    const terms = lookedFor(clauses);
    // Not a post holding what the query leaves out: `kubernetes -java` names no java post.
    const not = this.#excluding(excluded);
    // Titles with a word it starts first (from three letters: a few suggestions, not results to list),
    // then those with a word it starts with a typo, as a tag is (see closestTags); then those within
    // more typos, which are often unrelated ("notes" for `nodejx`).
    const starting = (term: string) => ({ term, prefix: term.length >= 3, typos: 0 });
    const tiers = [
      terms.map(starting),
      terms.map((term) => ({ ...starting(term), startTypos: isPrefix(term) ? typos(term) : 0 })),
      terms.map((term) => ({ ...starting(term), prefix: isPrefix(term), typos: looseTypos(term) })),
    ];
    const found = new Set<Article>();
    for (const words of tiers) {
      if (found.size >= limit) break;
      for (const article of this.#match(words, 'OR', 'title', not)) found.add(article);
    }
    return [...found].slice(0, limit);
  }

  holding(excluded: readonly QueryPart[]): ReadonlySet<Article> {
    this.#forgetDropped();
    if (excluded.length === 0 || this.#articles.size === 0) return new Set();
    // Unranked: only which articles, so none of #ranked's queries per field.
    const rows = this.#statements.anywhere.all(this.#anyOf(excluded)) as { id: number }[];
    return new Set(rows.flatMap((row) => this.#articles.get(row.id) ?? []));
  }

  /**
   * Texts of older versions dropped since: the words a typo stands for, those a word typed together
   * is read as, and the ranking, may differ.
   */
  #forgetDropped(): void {
    if (this.#dropped() === this.#recentAfter) return;
    this.#recent.clear();
    this.#readingsOf = this.#keptReadings();
    this.#recentAfter = this.#dropped();
  }

  #keptReadings(): (term: string) => string[][] {
    return kept(
      (term: string) => wordsOf(term, (piece) => this.#statements.known.get(piece) !== undefined),
      KEPT_READINGS,
    );
  }

  /**
   * The articles matching the words (all of them, or any), best first, newest first on a tie; not
   * those holding what `not` leaves out (see #excluding).
   */
  #match(words: readonly Word[], combine: 'AND' | 'OR', field?: 'title', not = ''): Article[] {
    if (words.length === 0 || this.#articles.size === 0) return [];
    const groups = words.map((word) => `(${this.#alternatives(word, field).join(' OR ')})`);
    return this.#ranked(`(${groups.join(` ${combine} `)})`, field, not);
  }

  /**
   * The FTS5 expressions a word stands for: itself (and the words it starts), its readings as words
   * written together, and the words within its typos. Terms hold only letters, marks and digits (see
   * searchTerms), so a user's text is always inside quotes, never FTS5's syntax.
   */
  #alternatives(word: Word, field?: 'title'): string[] {
    return [
      `"${word.term}"${word.prefix ? '*' : ''}`,
      // `nodejs` for "Node.js", indexed as two words; `endtoend` for "End-to-End", as "end end".
      ...this.#readingsOf(word.term).map((words) => `"${words.join(' ')}"`),
      ...this.#similar(word, field).map((term) => `"${term}"`),
    ];
  }

  /**
   * A clause of a query (see readQuery): any of its parts, a word with `typed` typos allowed; the
   * word being `typing` (autocomplete's last) a prefix from its first letter, in the `field`'s words.
   */
  #clause(
    parts: readonly QueryPart[],
    typed: (term: string) => number,
    { field, typing }: { readonly field?: 'title'; readonly typing?: QueryPart | undefined } = {},
  ): string {
    const alternatives = parts.flatMap((part) => {
      const [term] = part.terms;
      if (isWord(part) && term !== undefined)
        return this.#alternatives(
          { term, prefix: part === typing || isPrefix(term), typos: typed(term) },
          field,
        );
      // A phrase being typed (`"one te`) ends in a prefix too.
      return phrases(part.terms).map((phrase) => (part === typing ? `${phrase} *` : phrase));
    });
    return `(${alternatives.join(' OR ')})`;
  }

  /**
   * What a query leaves out, after its expression: ` NOT (…)`, each excluded word exactly (`-java`
   * keeps "JavaScript") or read as words written together, a quoted one as its phrase; '' for none.
   */
  #excluding(excluded: readonly QueryPart[]): string {
    return excluded.length === 0 ? '' : ` NOT ${this.#anyOf(excluded)}`;
  }

  /**
   * The FTS5 expression for any of the parts, as a query leaves them out: a word exactly or read as
   * words written together, a quoted part as its phrase.
   */
  #anyOf(parts: readonly QueryPart[]): string {
    const alternatives = parts.flatMap((part) => {
      const [term] = part.terms;
      return isWord(part) && term !== undefined
        ? [`"${term}"`, ...this.#readingsOf(term).map((words) => `"${words.join(' ')}"`)]
        : phrases(part.terms);
    });
    return `(${alternatives.join(' OR ')})`;
  }

  /**
   * The articles an FTS5 query finds, best first, newest first on a tie. Anywhere, those it finds in
   * their title come first, then in their tags, then in their summary: BM25 weighs a match by the
   * length of the whole post, so a long post's title would otherwise count less than a word in a
   * short one's text. In titles, `not` (see #excluding) leaves out what holds it anywhere.
   */
  #ranked(query: string, field?: 'title', not = ''): Article[] {
    const { anywhere, inTitles, inTitlesExcept, inTags, inSummaries } = this.#statements;
    const rows = (
      field !== 'title'
        ? anywhere.all(`${query}${not}`)
        : not === ''
          ? inTitles.all(query)
          : inTitlesExcept.all(query, not)
    ) as { id: number; score: number }[];
    const fields =
      field === 'title' || rows.length < 2
        ? []
        : [inTitles, inTags, inSummaries].map(
            (statement) => new Set((statement.all(query) as { id: number }[]).map((row) => row.id)),
          );
    const tier = (id: number): number => {
      const at = fields.findIndex((ids) => ids.has(id));
      return at < 0 ? fields.length : at;
    };
    return rows
      .flatMap((row) => {
        const article = this.#articles.get(row.id);
        // BM25 is lower for better matches. Ten significant digits: scores that differ only by
        // rounding are equal, and go newest first.
        return article === undefined
          ? []
          : [{ article, tier: tier(row.id), score: Number(row.score.toPrecision(10)) }];
      })
      .sort((a, b) => a.tier - b.tier || a.score - b.score || compareNewestFirst(a.article, b.article))
      .map(({ article }) => article);
  }

  /**
   * Indexed words within the word's typos (or starting within its start typos), starting with its
   * first letter: the closest first.
   */
  #similar(word: Word, field: 'title' | undefined): string[] {
    if (word.typos === 0 && (word.startTypos ?? 0) === 0) return [];
    const first = String.fromCodePoint(word.term.codePointAt(0) ?? 0);
    const statement = field === 'title' ? this.#statements.titleTerms : this.#statements.terms;
    const rows = statement.all(first, `${first}\u{10FFFF}`) as { term: string; doc: number }[];
    const length = word.term.length;
    const startTypos = word.startTypos ?? 0;
    return rows
      .flatMap(({ term, doc }) => {
        if (term === word.term) return [];
        const whole =
          Math.abs(term.length - length) > word.typos ? Infinity : typoDistance(term, word.term, word.typos);
        const typed = Math.min(
          whole <= word.typos ? whole : Infinity,
          typosAtStart(term, word.term, startTypos),
        );
        return typed === Infinity ? [] : [{ term, typed, doc }];
      })
      .sort((a, b) => a.typed - b.typed || b.doc - a.doc)
      .slice(0, SIMILAR_TERMS)
      .map(({ term }) => term);
  }

  /** The lists' articles, each once, in order. */
  #union(lists: readonly Article[][]): Article[] {
    return [...new Set(lists.flat())];
  }
}

/**
 * The fewest typos between `typed` and the start of `term` (as long as it, give or take `allowed`
 * letters) when at most `allowed`; Infinity otherwise.
 */
function typosAtStart(term: string, typed: string, allowed: number): number {
  let fewest = Infinity;
  const last = Math.min(term.length, typed.length + allowed);
  for (let end = typed.length - allowed; allowed > 0 && end <= last; end++) {
    const found = typoDistance(term.slice(0, end), typed, allowed);
    if (found <= allowed) fewest = Math.min(fewest, found);
  }
  return fewest;
}

function unique(terms: readonly string[]): string[] {
  return [...new Set(terms)];
}

/** The words a query looks for (not those it leaves out), each once. */
function lookedFor(clauses: readonly (readonly QueryPart[])[]): string[] {
  return unique(clauses.flatMap((parts) => parts.flatMap((part) => part.terms)));
}

/**
 * FTS5 phrases of the terms one after another (terms hold no quote), or of two of them written
 * together (`node.js` finds "nodejs", as `nodejs` finds "Node.js").
 */
function phrases(terms: readonly string[]): string[] {
  return [terms, ...terms.slice(1).map((_, i) => joinedAt(terms, i))].map((words) => `"${words.join(' ')}"`);
}

/** The terms with the one at `i` and the next written as one word. */
function joinedAt(terms: readonly string[], i: number): string[] {
  return [...terms.slice(0, i), `${terms[i] ?? ''}${terms[i + 1] ?? ''}`, ...terms.slice(i + 2)];
}
