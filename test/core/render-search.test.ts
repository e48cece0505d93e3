import type { APIButtonComponent } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { choiceLimitViolations, messageLimitViolations } from '../../src/core/check-limits.js';
import { titleChoices } from '../../src/core/choices.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import { searchableIndex } from '../helpers/search.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderArticles } from '../../src/core/render/articles.js';
import {
  parseSearchCustomId,
  renderSearch,
  SEARCH_QUERY_MAX,
  searchCustomId,
  searchQuery,
  searchResults,
} from '../../src/core/render/search.js';
import { codePointLength } from '../../src/core/text.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';

const SITE = 'https://blog.example';

/** The custom_id of a button to `page` of what `query` finds in `index` now. */
const idFor = (query: string, page: number, in_: ContentIndex): string =>
  searchCustomId({ query, results: searchResults(query, in_) }, page);

/** As long as an article's fields may be: a 200-character title of emoji and Markdown, a 500-character summary, a long address. */
function longArticle(i: number): Article {
  const title = `${'🚀'.repeat(10)} *Very* long title [${i}] ${'with_many_words '.repeat(12)}`.slice(0, 200);
  return {
    slug: `article-${i}`,
    title,
    summary: 'Lead with trust, feedback and growth. 🚀 '.repeat(13).slice(0, 500),
    tags: ['engineering leadership'],
    url: `${SITE}/blog/${'segment/'.repeat(50)}${i}`,
    date: `2024-01-${String(i + 1).padStart(2, '0')}`,
    sections: {},
    file: `content/${i}.md`,
  };
}

const index = searchableIndex(Array.from({ length: 23 }, (_, i) => longArticle(i)));

function buttons(payload: MessagePayload): APIButtonComponent[] {
  return (payload.components ?? []).flatMap((row) => row.components as APIButtonComponent[]);
}

function enabledId(payload: MessagePayload, label: string): string | undefined {
  const button = buttons(payload).find((b) => 'label' in b && b.label.includes(label) && b.disabled !== true);
  return button !== undefined && 'custom_id' in button ? button.custom_id : undefined;
}

describe('/search rendering', () => {
  it('GIVEN the longest query over 23 long articles THEN every page fits Discord’s limits and Next walks through all of them in order', () => {
    // 80 code points (149 UTF-16 units): math letters that search as a plain "mmm…", which no article has.
    const query = searchQuery(`long title ${'𝓂'.repeat(100)}`);
    expect(codePointLength(query)).toBe(SEARCH_QUERY_MAX);
    const results = index.search.search(query);
    expect(results).toHaveLength(23);

    let payload = renderSearch({ query, results, page: 0 }, defaultBlogLinks(SITE));
    const listed: string[] = [];
    let pages = 1;
    for (; pages < 50; pages++) {
      expect(messageLimitViolations(payload)).toEqual([]);
      for (const button of buttons(payload))
        if ('custom_id' in button) expect(codePointLength(button.custom_id)).toBeLessThanOrEqual(100);
      listed.push(...(payload.embeds?.[0]?.description?.match(/\/segment\/(\d+)\)/g) ?? []));
      const next = enabledId(payload, 'Next');
      if (next === undefined) break;
      const view = parseSearchCustomId(next, index);
      if (view === undefined) throw new Error(`next button ${next} did not parse`);
      expect(view.query).toBe(query);
      payload = renderSearch(view, defaultBlogLinks(SITE));
    }
    // Equal scores: newest first, as /articles lists them; several pages, each at most 4,096 characters.
    expect(listed).toEqual(results.map((article) => `/segment/${article.slug.slice(8)})`));
    expect(listed[0]).toBe('/segment/22)');
    expect(pages).toBeGreaterThan(23 / 5);
    expect(payload.embeds?.[0]?.footer?.text).toBe(`Page ${pages}/${pages} · 23 articles`);
    expect(enabledId(payload, 'Previous')).toBe(idFor(query, pages - 2, index));
  });

  it('GIVEN the longest query and a page number of six digits THEN the custom_id fits 100 characters', () => {
    const query = searchQuery('🚀'.repeat(200));
    expect(codePointLength(searchCustomId({ query, results: [] }, 999_999))).toBeLessThanOrEqual(100);
  });

  it('GIVEN results THEN they are rendered as /articles renders a list: linked titles with date and summary, a link to the blog', () => {
    const one = searchableIndex([longArticle(3)]);
    const results = one.search.search('growth');
    const payload = renderSearch({ query: 'growth', results, page: 0 }, defaultBlogLinks(SITE));
    const list = renderArticles({ tag: undefined, page: 0 }, one, defaultBlogLinks(SITE));
    expect(payload.embeds?.[0]?.description).toBe(list.embeds?.[0]?.description);
    expect(payload.embeds?.[0]).toMatchObject({
      title: 'Articles matching “growth”',
      url: `${SITE}/blog`,
      footer: { text: '1 article' },
    });
    expect(buttons(payload)).toEqual([
      expect.objectContaining({ label: 'Open the blog', url: `${SITE}/blog` }),
    ]);
  });

  it('GIVEN a query with Markdown marks THEN the title shows it as typed, escaped: an embed title reads Markdown', () => {
    const payload = renderSearch({ query: '__init__ *args*', results: [], page: 0 }, defaultBlogLinks(SITE));
    expect(payload.embeds?.[0]?.title).toBe('Articles matching “\\_\\_init\\_\\_ \\*args\\*”');
  });

  it('GIVEN a button whose page or query no longer leads anywhere THEN it does not parse (the buttons have expired)', () => {
    expect(parseSearchCustomId(idFor('long title', 4, index), index)).toBeDefined();
    expect(parseSearchCustomId(idFor('long title', 99, index), index)).toBeUndefined();
    expect(parseSearchCustomId(idFor('xylophone', 0, index), index)).toBeUndefined();
    expect(parseSearchCustomId('search:none:next', index)).toBeUndefined();
    expect(parseSearchCustomId('search:0:', index)).toBeUndefined();
    expect(parseSearchCustomId('articles:0:long', index)).toBeUndefined();
    // The results changed since the message was sent (a newer article found first): the page would
    // skip one, so the buttons expire; content whose results are the same keeps them.
    const sent = idFor('long title', 1, index);
    const grown = searchableIndex(Array.from({ length: 24 }, (_, i) => longArticle(i)));
    expect(parseSearchCustomId(sent, grown)).toBeUndefined();
    const same = searchableIndex(Array.from({ length: 23 }, (_, i) => longArticle(i)));
    expect(parseSearchCustomId(sent, same)?.page).toBe(1);
    // An id sent before the stamp was part of it: expired, not misread.
    expect(parseSearchCustomId('search:1:long title', index)).toBeUndefined();
  });

  it('GIVEN a query of no word (an emoji) THEN the articles tagged it and those whose title holds it, and its buttons page through them', () => {
    const emoji = searchableIndex([
      { ...longArticle(1), slug: 'tagged', title: 'Launch day', tags: ['🚀'] },
      { ...longArticle(2), slug: 'titled', title: 'Ship it 🚀 fast', tags: ['shipping'] },
      { ...longArticle(3), slug: 'other', title: 'The art and craft of quiet weeks', tags: ['calm'] },
    ]);
    expect(searchResults('🚀', emoji).map((article) => article.slug)).toEqual(['tagged', 'titled']);
    expect(parseSearchCustomId(idFor('🚀', 0, emoji), emoji)?.results.map((a) => a.slug)).toEqual([
      'tagged',
      'titled',
    ]);
    expect(searchResults('🎉', emoji)).toEqual([]);
    // Very common words only: nothing to search for, not every title holding "the".
    expect(searchResults('the and', emoji)).toEqual([]);
  });

  it('GIVEN an emoji and words to leave out (`🚀 -shipping`) THEN the articles with the emoji, without those holding the words anywhere', () => {
    const emoji = searchableIndex([
      { ...longArticle(1), slug: 'tagged', title: 'Launch day', tags: ['🚀'] },
      { ...longArticle(2), slug: 'titled', title: 'Ship it 🚀 fast', tags: ['shipping'] },
      { ...longArticle(3), slug: 'other', title: 'The art and craft of quiet weeks', tags: ['calm'] },
    ]);
    const found = (query: string) => searchResults(query, emoji).map((article) => article.slug);
    expect(found('🚀 -shipping')).toEqual(['tagged']);
    expect(found('-launch 🚀')).toEqual(['titled']);
    expect(found('🚀 -"launch day"')).toEqual(['titled']);
    expect(found('🚀 NOT fast')).toEqual(['tagged']);
    // Exactly the word, as the search leaves it out: `-fas` keeps "fast".
    expect(found('🚀 -fas')).toEqual(['tagged', 'titled']);
    expect(found('🚀 -javascript')).toEqual(['tagged', 'titled']);
    // Every 🚀 article's summary holds "trust".
    expect(found('🚀 -trust')).toEqual([]);
    expect(parseSearchCustomId(idFor('🚀 -shipping', 0, emoji), emoji)?.results.map((a) => a.slug)).toEqual([
      'tagged',
    ]);
    // Only what to leave out is still no search.
    expect(found('-shipping')).toEqual([]);
  });

  it('GIVEN an emoji and a word left out written together (`🚀 -nodejs`) THEN the posts writing it in two parts ("Node.js") are left out too, as the search leaves them out', () => {
    const emoji = searchableIndex([
      { ...longArticle(1), slug: 'node', title: 'Leading a Node.js team 🚀', tags: ['node'] },
      { ...longArticle(2), slug: 'tagged', title: 'Launch day', tags: ['🚀'] },
      { ...longArticle(3), slug: 'java', title: 'Java 🚀 fast', tags: ['java'] },
    ]);
    const found = (query: string) => searchResults(query, emoji).map((article) => article.slug);
    expect(emoji.search.search('leading -nodejs')).toEqual([]);
    expect(found('🚀 -nodejs')).toEqual(['tagged', 'java']);
    expect(found('🚀 -node.js')).toEqual(['tagged', 'java']);
    expect(found('🚀 -nodejs -java')).toEqual(['tagged']);
    expect(parseSearchCustomId(idFor('🚀 -nodejs', 0, emoji), emoji)?.results.map((a) => a.slug)).toEqual([
      'tagged',
      'java',
    ]);
  });

  it('GIVEN what a user typed THEN the query is one plain line of at most 80 code points', () => {
    expect(searchQuery('  lead\n\u202Eteams\t ')).toBe('lead teams');
    expect(searchQuery('x'.repeat(500))).toBe('x'.repeat(SEARCH_QUERY_MAX));
  });

  it('GIVEN long titles THEN the title choices fit: at most 25, names of 100 and values of 80 characters at most', () => {
    const choices = titleChoices(index.articles, SEARCH_QUERY_MAX);
    expect(choices).toHaveLength(23);
    expect(choiceLimitViolations(choices)).toEqual([]);
    for (const choice of choices) expect(codePointLength(choice.value)).toBeLessThanOrEqual(SEARCH_QUERY_MAX);
    // Picking a choice searches its (cut) title, which finds that article first.
    const picked = choices[5]?.value ?? '';
    expect(index.search.search(searchQuery(picked))[0]).toBe(index.articles[5]);
  });

  it('GIVEN a title with operators in it picked from the choices THEN it finds its post, its capitals and signs read as words', () => {
    const titled = searchableIndex([
      { ...longArticle(1), slug: 'not', title: 'Why You Should NOT Skip Retros', tags: ['retros'] },
      { ...longArticle(2), slug: 'minus', title: '-20% meetings: OR how to say no', tags: ['meetings'] },
      { ...longArticle(3), slug: 'retros', title: 'Retros that people skip', tags: ['retros'] },
    ]);
    for (const article of titled.articles) {
      const [picked] = titleChoices([article], SEARCH_QUERY_MAX);
      expect(searchResults(searchQuery(picked?.value ?? ''), titled)[0]).toBe(article);
      expect(parseSearchCustomId(idFor(picked?.value ?? '', 0, titled), titled)?.results[0]).toBe(article);
    }
    // Typed, not a title, the operators count.
    expect(searchResults('retros NOT skip', titled)).toEqual([]);
    expect(
      searchResults('retros skip', titled)
        .map((article) => article.slug)
        .sort(),
    ).toEqual(['not', 'retros']);
  });
});
