import type { Article } from './article.js';
import { foldAccents, signedNamesSpelled, wordsApart } from './article-search.js';
import type { TagEntry } from './content-index.js';
import { DISCORD_LIMITS as L } from './limits.js';
import type { Choice } from './payload.js';
import { tagKey } from './tags.js';
import { truncatePlain } from './text.js';

/**
 * Articles whose title or slug contains what was typed from the start of a word; at most `limit`.
 * Titles starting with it come first, and among each, those where it ends on a whole word ("number
 * 1" finds "… number 1 about" before "… number 19"), the title that is all of it first. Case and
 * accents do not matter, anything but letters and digits only separates words (`engineering-lead`
 * finds "Engineering Leadership", `node js` "Node.js"), and words typed together match words apart
 * (`nodejs`); a word is never matched from its middle, so "b indented" does not find "Tab indented".
 * Text in a script written without spaces (Chinese, Japanese, Thai) is split into its words as search
 * splits it: `导师` and `导` find "寻找导师". `C#`, `C++`, `F#` and `.NET` are words of their own, as
 * the search reads them: `C#` finds "C# generics", not "Career ladders".
 * Text of no letter or digit (an emoji) is looked for as written.
 */
export function matchingArticles(
  articles: readonly Article[],
  typed: string,
  limit: number = L.autocompleteChoices,
): Article[] {
  const query = titleKey(typed);
  if (query === '') {
    const written = typed.trim().toLowerCase();
    return written === ''
      ? articles.slice(0, limit)
      : articles.filter((article) => article.title.toLowerCase().includes(written)).slice(0, limit);
  }
  // 0: the whole title; 1: its first words; 2: its start; 3: words inside; 4: the start of a word
  // inside; 5: each word typed starts one of its words, apart or in another order (`growing staff`).
  const ranks: Article[][] = [[], [], [], [], [], []];
  const typedWords = query.split(' ');
  for (const article of articles) {
    const keys = keysOf(article);
    const rank =
      matchRank(keys.title, query) ??
      matchRank(keys.slug, query, 3) ??
      (typedWords.length > 1 && startsWords(keys.title, typedWords) ? 5 : undefined);
    if (rank !== undefined) ranks[rank]?.push(article);
    // Full of whole titles: nothing later can come before them.
    if ((ranks[0]?.length ?? 0) >= limit) break;
  }
  return ranks.flat().slice(0, limit);
}

/**
 * How `query` is in `title` (both as {@link titleKey} makes them), as {@link matchingArticles} ranks
 * it, no better than `from`; undefined when it is not.
 */
function matchRank(title: string, query: string, from = 0): number | undefined {
  const padded = ` ${title} `;
  const rank =
    title === query
      ? 0
      : padded.startsWith(` ${query} `)
        ? 1
        : title.startsWith(query)
          ? 2
          : padded.includes(` ${query} `)
            ? 3
            : padded.includes(` ${query}`) || fromWordStart(title, query.replaceAll(' ', ''))
              ? 4
              : undefined;
  return rank === undefined ? undefined : Math.max(from, rank);
}

/** Whether each of `typed` starts a word of `key` (words apart by one space, as titleKey makes them). */
function startsWords(key: string, typed: readonly string[]): boolean {
  const words = key.split(' ');
  return typed.every((start) => words.some((word) => word.startsWith(start)));
}

/** Whether `compact` (no spaces) is the title's words written together from the start of one of them. */
function fromWordStart(title: string, compact: string): boolean {
  const together = title.replaceAll(' ', '');
  let at = 0;
  for (const word of title.split(' ')) {
    if (together.startsWith(compact, at)) return true;
    at += word.length;
  }
  return false;
}

/**
 * A title as {@link matchingArticles} compares it: lowercase, no accents, its words (letters and
 * digits) apart by one space, those of a script written without spaces as search finds them
 * (`寻找导师`: `寻找 导师`, so that `导师` is a word of it), `C#`, `C++`, `F#` and `.NET` words of their
 * own as there (`csharp`: typed, `C#` is not a lone "c" that every title with a c-word would match).
 */
function titleKey(text: string): string {
  return foldAccents(wordsApart(signedNamesSpelled(text)))
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Each article's title and slug keys, made once: every keystroke of an autocomplete walks all the
 * articles, and splitting a title into words (a dictionary's work in Chinese) is the costly part.
 * Articles are never changed in place, so a key stays right for its article.
 */
const articleKeys = new WeakMap<Article, { readonly title: string; readonly slug: string }>();

function keysOf(article: Article): { readonly title: string; readonly slug: string } {
  let found = articleKeys.get(article);
  if (found === undefined) {
    found = { title: titleKey(article.title), slug: titleKey(article.slug) };
    articleKeys.set(article, found);
  }
  return found;
}

/**
 * The articles whose titles start with what was typed, as {@link matchingArticles} compares them
 * (case, accents and signs aside): a title being typed whole, operators and all (`Why NOT Skip`).
 */
export function titlesStartingWith(
  articles: readonly Article[],
  typed: string,
  limit: number = L.autocompleteChoices,
): Article[] {
  const start = titleKey(typed);
  if (start === '') return [];
  const found: Article[] = [];
  for (const article of articles) {
    const title = keysOf(article).title;
    if (title.startsWith(start)) found.push(article);
    if (found.length >= limit) break;
  }
  return found;
}

export function articleChoices(articles: readonly Article[], typed: string): Choice[] {
  return matchingArticles(articles, typed).map((article) => ({
    name: truncatePlain(article.title, L.choiceName),
    value: article.slug,
  }));
}

/**
 * Tags containing what was typed, with their article counts, most used first; then those whose words
 * each word typed starts (`eng lead` finds "engineering leadership").
 */
export function tagChoices(tags: readonly TagEntry[], typed: string): Choice[] {
  const query = tagKey(typed);
  const typedWords = titleKey(typed).split(' ');
  const containing = tags.filter((tag) => tag.key.includes(query));
  const byWords =
    typedWords.length > 1 && containing.length < L.autocompleteChoices
      ? tags.filter((tag) => !tag.key.includes(query) && startsWords(titleKey(tag.label), typedWords))
      : [];
  return [...containing, ...byWords].slice(0, L.autocompleteChoices).map((tag) => ({
    name: truncatePlain(
      `${tag.label} (${tag.articles.length} article${tag.articles.length === 1 ? '' : 's'})`,
      L.choiceName,
    ),
    value: tag.label,
  }));
}

/**
 * Articles as choices whose value is the title itself, cut to `maxValue` code points, for an
 * option that searches: picking one searches that title.
 */
export function titleChoices(articles: readonly Article[], maxValue: number): Choice[] {
  return articles.slice(0, L.autocompleteChoices).map((article) => ({
    name: truncatePlain(article.title, L.choiceName),
    value: truncatePlain(article.title, Math.min(maxValue, L.choiceValue)),
  }));
}
