import { searchTerms } from './article-search.js';

/** A word of a query, or words it quotes, as search terms. */
export interface QueryPart {
  /** Never empty: a part of only very common words is left out. */
  readonly terms: readonly string[];
  /** Typed in quotes: its terms one after another, exactly (no typos, no longer words). */
  readonly quoted: boolean;
}

/**
 * A query as people type one into a web search: `"one on one"` (straight or curly quotes) for words
 * one after another, `-java` or `NOT java` for what articles must not hold, `OR` between two words
 * for either of them; `AND` says nothing more than the space. The operators count in capitals only
 * ("or" and "not" are common words, left out).
 */
export interface SearchQuery {
  /**
   * What articles hold: each clause, one of its parts (more than one when typed with OR between). A
   * word written with signs (`node.js`) is a clause per term, as a word among others; a part of an OR.
   */
  readonly clauses: readonly (readonly QueryPart[])[];
  /** What they must not hold. */
  readonly excluded: readonly QueryPart[];
  /**
   * The words looked for as typed, common ones too (not the operators, quotes, nor what is left out):
   * for matches of whole titles.
   */
  readonly looked: string;
}

/** Whether a part is one word, which may have typos and start longer words (not quoted). */
export const isWord = (part: QueryPart): boolean => !part.quoted && part.terms.length === 1;

/** Quotes, straight, curly or low (German `„…“`): any of them opens and closes. */
const QUOTES = '"“”„';
/**
 * A token: a minus (hyphen or the minus sign), then either text in quotes (to the end when not
 * closed) or a run of other characters. The minus excludes only at the start or after a space.
 */
const TOKEN = new RegExp(`([-−]?)(?:[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|([^\\s${QUOTES}]+))`, 'gu');

interface Token {
  readonly part: QueryPart | undefined;
  readonly text: string;
  readonly negated: boolean;
  readonly operator: 'AND' | 'OR' | 'NOT' | undefined;
}

/**
 * The query's words, phrases and operators (see {@link SearchQuery}); with `operators` false, only its
 * words, each a clause (a title picked from the autocomplete, `Why NOT -20%`, is no expression).
 */
export function readQuery(query: string, operators = true): SearchQuery {
  if (!operators) {
    const clauses = searchTerms(query).map((term) => [{ terms: [term], quoted: false }]);
    return { clauses, excluded: [], looked: query };
  }
  // Full-width quotes, minus and capitals (`＂`, `－`, `ＯＲ`) are the ASCII ones.
  const text = query.normalize('NFKC');
  const groups: QueryPart[][] = [];
  const excluded: QueryPart[] = [];
  const looked: string[] = [];
  let last: QueryPart[] | undefined;
  let or = false;
  let not = false;
  for (const token of tokens(text)) {
    if (token.operator !== undefined) {
      // OR joins the parts beside it; AND is the space; NOT excludes the next part.
      or = token.operator === 'OR' && last !== undefined;
      not = token.operator === 'NOT';
      continue;
    }
    const negated = token.negated || not;
    const joined = or;
    or = false;
    not = false;
    if (!negated) looked.push(token.text);
    if (token.part === undefined) continue;
    if (negated) {
      excluded.push(token.part);
      last = undefined;
    } else {
      if (joined && last !== undefined) last.push(token.part);
      else groups.push((last = [token.part]));
    }
  }
  // A word written with signs (`node.js`, `4.4.1`) alone is its terms, each a word; in an OR, a phrase.
  const clauses = groups.flatMap((group) => {
    const [part] = group;
    return group.length === 1 && part !== undefined && !part.quoted
      ? part.terms.map((term) => [{ terms: [term], quoted: false }])
      : [group];
  });
  return { clauses, excluded, looked: looked.join(' ') };
}

function* tokens(text: string): Generator<Token> {
  for (const match of text.matchAll(TOKEN)) {
    const [, minus = '', quoted, plain] = match;
    const before = text[match.index - 1];
    const negated = minus !== '' && (before === undefined || /\s/u.test(before));
    // A minus that excludes nothing (inside a word, `a"b"-c`) is read as punctuation.
    const typed = quoted ?? plain ?? '';
    if (!negated && quoted === undefined && minus === '' && /^(?:AND|OR|NOT)$/.test(typed)) {
      yield { part: undefined, text: typed, negated, operator: typed as Token['operator'] };
      continue;
    }
    const terms = searchTerms(typed);
    yield {
      part: terms.length === 0 ? undefined : { terms, quoted: quoted !== undefined },
      text: typed,
      negated,
      operator: undefined,
    };
  }
}
