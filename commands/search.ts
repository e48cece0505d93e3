import { SlashCommandBuilder } from '@discordjs/builders';
import { searchTerms } from '../src/core/article-search.js';
import { matchingArticles, titleChoices, titlesStartingWith } from '../src/core/choices.js';
import type { Article } from '../src/core/article.js';
import type { ContentIndex } from '../src/core/content-index.js';
import { DISCORD_LIMITS as L } from '../src/core/limits.js';
import { tagNames } from '../src/core/render/articles.js';
import {
  holdsOperators,
  isSymbolQuery,
  leftOutMatches,
  parseSearchCustomId,
  readSearch,
  renderSearch,
  SEARCH_QUERY_MAX,
  searchQuery,
  searchResults,
  symbolResults,
  type SearchRead,
} from '../src/core/render/search.js';
import { showsNothing, withoutInvisible } from '../src/core/invisible.js';
import { readQuery } from '../src/core/search-query.js';
import { closestTags } from '../src/core/tags.js';
import { UserFacingError, type Command } from '../src/discord/command.js';
import { focusedText, PRIVATE_OPTION, quote } from '../src/discord/options.js';
import { replyOptions, updateOptions } from '../src/discord/reply.js';

/** How to search, with a word of this blog for example. */
function how(content: ContentIndex): string {
  const example = blogWord(content);
  const e = example === undefined ? '' : `, e.g. \`/search query:${example}\``;
  return `Type a word or two from a title, a tag or an article${e}.`;
}

/**
 * A word of this blog, to show a search with: of its most used tag, else of its newest title; not one
 * of the words `avoid` (those a query leaves out: an example must find something).
 */
function blogWord(content: ContentIndex, avoid: ReadonlySet<string> = new Set()): string | undefined {
  return exampleWord(
    (function* () {
      for (const { label } of content.tags) yield label;
      for (const { title } of content.articles) yield title;
    })(),
    avoid,
  );
}

/** The first word of `texts` that can be searched for: a blog's are read only up to it. */
function exampleWord(texts: Iterable<string>, avoid: ReadonlySet<string>): string | undefined {
  for (const text of texts)
    for (const word of text.split(/\s+/)) {
      if (!/^[\p{L}\p{N}]{3,30}$/u.test(word)) continue;
      const terms = searchTerms(word);
      if (terms.length > 0 && !terms.some((term) => avoid.has(term))) return word;
    }
  return undefined;
}

/**
 * Why nothing matched, naming what comes closest: tags and titles, none when none is close (then
 * where to find the tags).
 */
function noMatch(query: string, content: ContentIndex, read: SearchRead): UserFacingError {
  // What was looked for, not the operators nor what is left out (`-java`); not a tag whose posts all
  // hold what is left out, which would find nothing either.
  const left = content.search.holding(read.excluded);
  const tags = closestTags(
    read.looked,
    content.tags
      .filter(({ articles }) => articles.some((article) => !left.has(article)))
      .map(({ label }) => label),
  );
  const titles = content.search.closest(query, 3).map((article) => quote(article.title));
  const hints = [
    ...(titles.length > 0 ? [`Closest titles: ${titles.join(', ')}.`] : []),
    ...(tags.length > 0 ? [`Closest tags: ${tagNames(tags)} (see /articles).`] : []),
  ];
  const other =
    tags.length > 0 || content.tags.length === 0
      ? 'Try other words, or fewer.'
      : 'Try other words, or fewer, or pick a tag in `/articles tag:`.';
  return new UserFacingError([`No article matches ${quote(query)}.`, ...hints, other].join(' '));
}

/**
 * Why a query found nothing when the words it leaves out are why: how many posts it finds without
 * them, and which of those words they hold (`kubernetes -java`: the one kubernetes post holds java).
 */
function allLeftOut(
  looked: string,
  { articles, held }: NonNullable<ReturnType<typeof leftOutMatches>>,
): UserFacingError {
  const one = articles.length === 1;
  const words = held.map(({ words }) => words);
  const typed = held.map(({ typed }) => typed);
  const holds = one ? 'it holds' : words.length === 1 ? 'they hold' : 'each holds';
  return new UserFacingError(
    `${articles.length} article${one ? '' : 's'} match${one ? 'es' : ''} ${quote(looked)}, but ${holds} ` +
      `${listed(words, 'or')}, which you left out: remove ${listed(typed, 'and')} to see ${one ? 'it' : 'them'}.`,
  );
}

/**
 * The first `count` articles of `lists`, in order, once each, that `keep` keeps: walked only as far as
 * needed (the autocomplete's first keystroke on a blog of 10,000 posts takes the newest 25).
 */
function firstKept(
  lists: readonly (readonly Article[])[],
  keep: (article: Article) => boolean,
  count: number,
): Article[] {
  const kept = new Set<Article>();
  for (const list of lists)
    for (const article of list) {
      if (kept.size === count) return [...kept];
      if (keep(article)) kept.add(article);
    }
  return [...kept];
}

/** `a`, `a or b`, `a, b or c`, each quoted. */
function listed(texts: readonly string[], join: 'and' | 'or'): string {
  const quoted = texts.map((text) => quote(text));
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${join} ${quoted.at(-1)}`;
}

/**
 * Why a query without a letter or digit (an emoji) found nothing: it is searched as a tag and in
 * titles (see searchResults), so that is what is said, with the closest tags.
 */
function noSymbolMatch(query: string, content: ContentIndex): UserFacingError {
  const tags = closestTags(
    query,
    content.tags.map(({ label }) => label),
  );
  const hint = tags.length > 0 ? ` Closest tags: ${tagNames(tags)} (see /articles).` : '';
  return new UserFacingError(
    `No article is tagged ${quote(query)} or has it in its title.${hint} ${how(content)}`,
  );
}

/** `/search query: [private:]`: the articles matching some words, best first, paged. */
export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Find articles by words in their titles, tags, summaries and text')
    .addStringOption((option) =>
      option
        .setName('query')
        .setDescription('Words to look for (start typing to see matching titles)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(SEARCH_QUERY_MAX),
    )
    .addBooleanOption((option) =>
      option
        .setName(PRIVATE_OPTION)
        .setDescription('Show the results only to you (default: visible to the channel)'),
    ),

  async execute(interaction, { content, blog }) {
    const query = searchQuery(interaction.options.getString('query') ?? '');
    // Only invisible characters (a zero-width space) are nothing typed, not a symbol to look for.
    if (showsNothing(query)) throw new UserFacingError(`What should I look for? ${how(content)}`);
    // Only what to leave out (`-java`) would be every other article: not a search. A symbol with it
    // (`🚀 -java`) is one: the articles with the symbol, without the word.
    const read = readSearch(query, content);
    const { clauses, excluded, looked, symbol } = read;
    if (clauses.length === 0 && excluded.length > 0 && symbol === undefined && !read.title) {
      const example = blogWord(content, new Set(excluded.flatMap(({ terms }) => terms)));
      const e =
        example === undefined || query.includes('`') ? '' : `, e.g. \`/search query:${example} ${query}\``;
      // `how -java`: what it looks for are very common words, left out, not nothing typed.
      const says =
        looked.trim() === ''
          ? 'only says what to leave out (words after - or NOT)'
          : 'has only very common words to look for (they are left out) and words to leave out (after - or NOT)';
      throw new UserFacingError(`${quote(query)} ${says}: add a word to look for${e}.`);
    }
    const results = searchResults(query, content, read);
    // Nothing with the symbol at all is said as for the symbol alone; some, all left out, as no match.
    if (results.length === 0 && symbol !== undefined && symbolResults(symbol, content).length === 0)
      throw noSymbolMatch(symbol, content);
    if (results.length === 0 && searchTerms(query).length === 0)
      throw isSymbolQuery(query)
        ? noSymbolMatch(query, content)
        : new UserFacingError(
            `${quote(query)} has no word I can search for (very common words are left out). ${how(content)}`,
          );
    if (results.length === 0) {
      // Found but for the words left out: those are what to change, not the words looked for.
      const leftOut = leftOutMatches(query, content, read);
      if (leftOut !== undefined) throw allLeftOut(symbol ?? looked.trim(), leftOut);
      throw noMatch(query, content, read);
    }
    await interaction.reply(
      replyOptions(
        renderSearch({ query, results, page: 0 }, blog),
        interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
      ),
    );
  },

  async autocomplete(interaction, { content }) {
    const typed = searchQuery(focusedText(interaction));
    const { clauses, excluded, looked } = readQuery(typed);
    // A title being typed whole, operators and all (`Why NOT Skip`), first: picked, it finds its post.
    // Only one that holds those operators as typed: otherwise they are operators (`career -ladders`).
    const titled =
      excluded.length > 0 || looked !== typed.trim()
        ? titlesStartingWith(content.articles, typed).filter((article) =>
            holdsOperators(article.title, typed),
          )
        : [];
    // No word looked for yet: those with the symbol or the common words typed (`🚀`, tagged with it or
    // in their title; `Why`), then the newest titles, to show what there is, but those holding what is left out (`-java`).
    // Titles with what was typed, from the start of a word, first (the whole title, then its start),
    // unless some words are left out, which only the search reads; then the full-text search's, which
    // forgive typos.
    const left = clauses.length === 0 ? content.search.holding(excluded) : new Set<Article>();
    const symbol = looked.trim();
    // Not a lone `-` or `"`, being typed before a word. Only very common words (`Why`, `How to`),
    // which the search leaves out: the titles with them, from the start of a word, as /tips offers.
    const first =
      clauses.length === 0 && /[^\p{P}\s]/u.test(withoutInvisible(symbol))
        ? isSymbolQuery(symbol)
          ? symbolResults(symbol, content)
          : matchingArticles(content.articles, symbol, L.autocompleteChoices)
        : [];
    const found =
      clauses.length === 0
        ? firstKept([first, content.articles], (article) => !left.has(article), L.autocompleteChoices)
        : [
            ...(excluded.length > 0 ? [] : matchingArticles(content.articles, looked, L.autocompleteChoices)),
            ...content.search.complete(typed, L.autocompleteChoices),
          ];
    const articles = [...new Set([...titled, ...found])].slice(0, L.autocompleteChoices);
    await interaction.respond(titleChoices(articles, SEARCH_QUERY_MAX));
  },

  async button(interaction, { content, blog }) {
    const view = parseSearchCustomId(interaction.customId, content);
    if (view === undefined)
      throw new UserFacingError('These buttons have expired (the articles changed). Run /search again.');
    await interaction.update(updateOptions(renderSearch(view, blog)));
  },
} satisfies Command;
