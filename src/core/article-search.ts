import type { Article } from './article.js';
import type { QueryPart } from './search-query.js';
import { withoutPageRefs } from './page-refs.js';

/**
 * Full-text search over one index's articles: titles, tags, summaries and their whole text. The engine
 * is an adapter's (SQLite's FTS5, see src/adapters/sqlite-search.ts); what counts as a word, how
 * fields weigh and how many typos a word may have are decided here.
 */
export interface ArticleSearch {
  /**
   * Every article matching `query`, best first, newest first among equal scores: those matching
   * every word of it or, when none does, those matching any; its quotes, `-word`, `OR` and `NOT`
   * read as a web search reads them (see readQuery), unless `operators` is false (a title picked from
   * the autocomplete is searched as its words). None for a query of only words to leave out. With
   * `excluding` false, what it leaves out is not left out: what it would find but for them.
   */
  search(
    query: string,
    options?: { readonly operators?: boolean; readonly excluding?: boolean },
  ): readonly Article[];
  /** The articles whose titles best match what was typed so far, for autocomplete: at most `limit`. */
  complete(query: string, limit: number): readonly Article[];
  /**
   * Articles whose titles come close to `query`, for when {@link ArticleSearch.search} finds nothing:
   * not those holding what it leaves out (`-java`).
   */
  closest(query: string, limit: number): readonly Article[];
  /**
   * The articles holding any of the parts a query leaves out, as {@link ArticleSearch.search} leaves
   * them out: a word exactly or read as words written together (`nodejs`: "Node.js"), a quoted part as
   * its phrase. For what it cannot search by words (`🚀 -java`).
   */
  holding(excluded: readonly QueryPart[]): ReadonlySet<Article>;
}

/** Makes the search over an index's articles (of two with one slug, the first is the one indexed). */
export type SearchFactory = (articles: readonly Article[]) => ArticleSearch;

/** For an index that is never searched (`content:check`). */
export const NO_SEARCH: ArticleSearch = {
  search: () => [],
  complete: () => [],
  closest: () => [],
  holding: () => new Set(),
};

/** The indexed fields and their weights: a word in the title counts most, the post's text least. */
export const SEARCH_WEIGHTS = { title: 5, tags: 3, summary: 2, text: 1 } as const;
export type SearchField = keyof typeof SEARCH_WEIGHTS;
export const SEARCH_FIELDS = Object.keys(SEARCH_WEIGHTS) as SearchField[];

/**
 * A term of four letters or more also finds the words it starts ("lead" finds "leadership"). Shorter
 * ones would each expand to hundreds of words ("pro…").
 */
export const isPrefix = (term: string): boolean => term.length >= 4;
/** A number, or a word with digits (`2024`, `gen1`): no typo is forgiven in it. */
const hasDigit = (term: string): boolean => /\d/.test(term);
/**
 * Typos allowed in a term: none up to three letters, one up to seven, then two; none in a number or
 * a word with digits (`2024` is not `2023`, `gen1` not `gen0`).
 */
export const typos = (term: string): number =>
  term.length < 4 || hasDigit(term) ? 0 : term.length < 8 ? 1 : 2;
/** For suggestions after a search found nothing: twice the typos, and one in short words; none in numbers. */
export const looseTypos = (term: string): number =>
  hasDigit(term) ? 0 : term.length < 4 ? 1 : term.length < 8 ? 2 : 4;

/** Most words a term typed together is read as (`stepbystep`: "step by step"). */
export const MOST_PARTS = 5;
/** Most readings of one term looked for: each is a phrase in the search's query. */
export const MOST_READINGS = 16;

/**
 * The ways a term may be words written together, for a search to look for them one after the other
 * too (`nodejs`: "node js", so "Node.js" and "node-js", which are split where the punctuation is;
 * `stepbystep`: "step step", as "Step-by-Step" is indexed without its stop word), as titles are
 * matched when picked (see matchingArticles). Each piece is a word `known` holds (the index's) or a
 * stop word, left out; a reading keeps at least two words, of at most {@link MOST_PARTS} pieces, and
 * at most {@link MOST_READINGS} are given. `known` is asked about each piece once, and a position
 * that cannot be read to the end is tried once per pieces left: at most n² pieces, whatever the term.
 */
export function wordsOf(term: string, known: (piece: string) => boolean): string[][] {
  const letters = Array.from(term);
  if (letters.length < 4) return [];
  const n = letters.length;
  // What each piece is: each asked about once.
  const kinds = new Map<string, 'word' | 'stop' | 'none'>();
  const kind = (piece: string) => {
    let found = kinds.get(piece);
    if (found === undefined) {
      found = STOP_WORDS.has(piece) ? 'stop' : known(piece) ? 'word' : 'none';
      kinds.set(piece, found);
    }
    return found;
  };
  const readings = new Map<string, string[]>();
  // The states (position, pieces so far, words so far up to two) from which the rest cannot be read:
  // each is tried once, so a hostile term costs n² pieces at most.
  const dead = new Set<number>();
  const read = (start: number, words: string[], pieces: number): boolean => {
    if (start === n) {
      if (words.length < 2) return false;
      readings.set(words.join(' '), words);
      return true;
    }
    const state = (start * (MOST_PARTS + 1) + pieces) * 3 + Math.min(words.length, 2);
    if (pieces === MOST_PARTS || dead.has(state)) return false;
    let any = false;
    // Longest pieces first: the readings of fewest words come before a blog's many short ones (`c`,
    // `go`, `js`) could fill the readings kept.
    for (let end = n; end > start && readings.size < MOST_READINGS; end--) {
      const piece = letters.slice(start, end).join('');
      // The whole term is not a reading of it.
      const found = pieces === 0 && end === n ? 'none' : kind(piece);
      if (found === 'none') continue;
      if (read(end, found === 'word' ? [...words, piece] : words, pieces + 1)) any = true;
    }
    if (!any) dead.add(state);
    return any;
  };
  read(0, [], 0);
  return [...readings.values()];
}

/**
 * Link targets and bare addresses are left out: nobody searches for them, and every address
 * would add terms to the index. A target ends at the next space or parenthesis, so that a text
 * full of `](` without `)` (code is kept as written) is still read in linear time.
 */
const ADDRESSES = /\]\([^()\s]*\)|<?https?:\/\/[^\s>)]*>?/g;
/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): a run
 * of them is many words, which only a dictionary tells apart.
 */
const UNSPACED_SCRIPTS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'u');
/**
 * Names written with signs that separate words (`C#`, `C++`, `F#`, `.NET`), which would all be a lone
 * "c" or "net": read as words of their own (`csharp`, `cplusplus`, `fsharp`, `dotnet`), the same in a
 * post and in a query, whatever their case. Found by this plain pattern, a few microseconds over 5 KB
 * (lookbehinds in it made it as slow as the split), then kept only where they stand as a word (see
 * {@link spelled}).
 */
const SIGNED_NAMES = /[cf][#♯]|c\+\+|\.net/gi;
/** A letter that goes on the word beside it: not of a script without spaces (`C#で` is "C#" and "で"). */
const JOINED = `(?![${UNSPACED_SCRIPTS}])[\\p{L}\\p{M}]`;
/**
 * A letter or digit just before an index, or a letter or one more sign just after it: a name there is
 * part of a longer word (sticky: read at `lastIndex`).
 */
const WORD_BEFORE = new RegExp(`(?<=${JOINED}|\\p{N})`, 'uy');
const WORD_AFTER = new RegExp(`(?=${JOINED}|[#♯+])`, 'uy');
/** The names written before `.NET`, as words of their own. */
const DOTNET_NAME = new RegExp(`(?<=(?<!${JOINED}|\\p{N})(?:asp|vb|ado|ml))`, 'iuy');

/**
 * The word a name found by {@link SIGNED_NAMES} is read as, apart from what is around it, where it
 * stands as a word: not in `abc#`, `#c` or `c++x`, but with a version after it (`C++20`: "cplusplus
 * 20"); `.NET` after a space or a sign, or in ASP.NET, VB.NET, ADO.NET and ML.NET (a domain,
 * `php.net`, stays "php net"). Elsewhere the name as it is.
 */
function spelled(name: string, at: number, text: string): string {
  const first = name[0]?.toLowerCase();
  const alone =
    (!matchesAt(WORD_BEFORE, text, at) || (first === '.' && matchesAt(DOTNET_NAME, text, at))) &&
    !matchesAt(WORD_AFTER, text, at + name.length);
  if (!alone) return name;
  const word =
    first === '.' ? 'dotnet' : name.endsWith('+') ? 'cplusplus' : first === 'f' ? 'fsharp' : 'csharp';
  return ` ${word} `;
}

/** Whether a sticky pattern matches at `at` in `text` (its lookbehinds read the text before). */
function matchesAt(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

/** Anything but letters, their marks and digits separates words (Markdown marks too). */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;
/** Letters whose marks are accents that searchers leave out ("equipe" for "Équipe"). */
const ACCENTED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
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
 * The text of a field, before {@link searchTerms}. A parse gives the post's whole text instead of
 * `text` (ParseResult's searchText); this one, its sections', serves articles made otherwise.
 */
export function fieldText(article: Article, field: SearchField): string {
  switch (field) {
    case 'title':
      return article.title;
    case 'summary':
      // A link to another post by its file is searched by its text, not by the path it names.
      return withoutPageRefs(article.summary);
    case 'tags':
      return article.tags.join(' ');
    case 'text':
      // Headings are left out: they name the section kind ("Tips"), which every article shares.
      return Object.values(article.sections)
        .flatMap((section) => [
          section.text,
          ...section.items.flatMap((item) => [item.name ?? '', item.text]),
          ...(section.interludes ?? []).map((interlude) => interlude.text),
        ])
        .join('\n');
  }
}

/**
 * The text in compatibility form (full-width letters as ASCII) without the accents of Latin, Greek
 * and Cyrillic letters ("Équipe": "Equipe"); other scripts' marks are part of their letters
 * (Devanagari's vowels, Japanese voicing), and stay.
 */
export function foldAccents(text: string): string {
  return (
    text
      .normalize('NFKD')
      // An emoji's presentation selectors and a keycap's frame say nothing to search for.
      .replace(/[\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}]/gu, '')
      .replace(/\p{M}+/gu, (marks: string, at: number, all: string) =>
        ACCENTED.test(all[at - 1] ?? '') ? '' : marks,
      )
  );
}

/**
 * ICU's word breaks (dictionaries for the scripts above), the same whatever the machine's locale;
 * made at the first such text, as its data costs memory a blog in English never needs.
 */
let words: Intl.Segmenter | undefined;

/**
 * The text with its words apart: a run of a script written without spaces split into its words as
 * {@link searchTerms} splits it (`寻找导师`: `寻找 导师 `); other text as it is.
 */
export function wordsApart(text: string): string {
  return UNSPACED.test(text) ? spaceWords(text) : text;
}

/**
 * Longest text given to the segmenter at once. Its iteration slows down sharply past some tens of
 * thousands of characters (V8 with ICU: 40,000 in 0.2 s, 80,000 in a minute), and a post may be a
 * megabyte; in pieces of this size it reads about a thousand characters a millisecond.
 */
const SEGMENT_CHUNK = 4096;

/** The text with a space between every two words, as ICU finds them (`日本語の記事`: `日本語 の 記事`). */
function spaceWords(text: string): string {
  let spaced = '';
  words ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start);
    for (const { segment, isWordLike } of words.segment(text.slice(start, end)))
      spaced += isWordLike === true ? `${segment} ` : ' ';
    start = end;
  }
  return spaced;
}

/**
 * Where the piece of `text` from `start` ends: after its last white space, which no word spans, or
 * else (a run of Chinese a piece long) at the limit, never between the two halves of a surrogate pair.
 */
function chunkEnd(text: string, start: number): number {
  const limit = start + SEGMENT_CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > limit - SEGMENT_CHUNK / 4; i--) if (/\s/.test(text[i - 1] ?? '')) return i;
  return /[\uDC00-\uDFFF]/.test(text[limit] ?? '') ? limit - 1 : limit;
}

/**
 * The terms of a text, as indexed and as searched: case, and accents on Latin, Greek and Cyrillic
 * letters, do not matter ("Équipe" and "equipe" are one term), nor compatibility forms (full-width
 * `ｔｅａｍ`, the ligature `ﬁ`); `C#`, `C++`, `F#` and `.NET` are terms of their own (see
 * SIGNED_NAMES), full-width too (`Ｃ＃`); a text in a script without spaces is split into its words
 * first. The whole text is normalised at once, which is several times faster than term by term. An
 * empty list means there is nothing to search for.
 */
export function searchTerms(text: string): string[] {
  // NFKC before the names are read: a CJK keyboard's `Ｃ＃` is `C#` (foldAccents' NFKD came too late).
  const compatible = ASCII.test(text) ? text : text.normalize('NFKC');
  const words = compatible.replace(ADDRESSES, ' ').replace(SIGNED_NAMES, spelled);
  // ASCII has no accents, no words without spaces, and its letters and digits are [a-z0-9]: the
  // same terms, found several times faster (most blogs are written so).
  const ascii = ASCII.test(words);
  return (ascii ? words : foldAccents(wordsApart(words)))
    .toLowerCase()
    .split(ascii ? ASCII_SEPARATORS : SEPARATORS)
    .filter((term) => term !== '' && !STOP_WORDS.has(term));
}

/**
 * The text with `C#`, `C++`, `F#` and `.NET` where they stand as words read as {@link searchTerms}
 * reads them (` csharp `), full-width ones too, the rest as it is: for titles matched as typed (see
 * matchingArticles), where `C#` is not a lone "c".
 */
export function signedNamesSpelled(text: string): string {
  return (ASCII.test(text) ? text : text.normalize('NFKC')).replace(SIGNED_NAMES, spelled);
}

// eslint-disable-next-line no-control-regex -- every ASCII character, controls too
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/;
