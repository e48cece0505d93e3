import { describe, expect, it } from 'vitest';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { choiceLimitViolations, messageLimitViolations } from '../../src/core/check-limits.js';
import { articleChoices, tagChoices, titleChoices } from '../../src/core/choices.js';
import { DISCORD_LIMITS as L } from '../../src/core/limits.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { renderArticles, tagNames } from '../../src/core/render/articles.js';
import { renderSearch, SEARCH_QUERY_MAX } from '../../src/core/render/search.js';
import { closestTags } from '../../src/core/tags.js';
import { codePointLength } from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { searchableIndex } from '../helpers/search.js';

const BLOG = defaultBlogLinks('https://blog.example');

/** A tag of 50 characters, most of them Markdown's marks: each is escaped where it is shown, doubling it. */
const longTag = (i: number): string => `t${i}_`.padEnd(50, '*_');

/** 150 tags written, of which the first 100 are read. */
const TAGS = Array.from({ length: 150 }, (_, i) => longTag(i));

/** A title of 300 characters, Markdown's marks in each word, read cut to 200. */
const TITLE = '__Why__ *does* [it] `matter` '.repeat(11);

/**
 * Seven articles sharing every tag, kept and searched as the bot keeps them: each tag's list takes
 * two pages, so its buttons carry the tag's key.
 */
const index = searchableIndex(
  Array.from({ length: 7 }, (_, i) =>
    mustParse(
      articleSource(
        validFront({ title: `${i} ${TITLE}`, tags: TAGS, summary: 'S'.repeat(500) }),
        `## Tips\n\n- **${'A tip named at length '.repeat(10)}:** Do it.\n\n## Skills\n\n- One.\n\n## Motivations\n\nWhy.`,
      ),
      `content/${i}.md`,
    ),
  ),
);

describe('an article with 100 tags of 50 characters and a 200-character title', () => {
  it('GIVEN the articles THEN each has its first 100 tags and a title cut to 200 characters (what the checks below are about)', () => {
    for (const article of index.articles) {
      expect(article.tags).toEqual(TAGS.slice(0, 100));
      expect(codePointLength(article.title)).toBeGreaterThan(190);
      expect(codePointLength(article.title)).toBeLessThanOrEqual(200);
    }
    expect(index.tags).toHaveLength(100);
  });

  it('GIVEN every reply the bot can render (sections, tips, /articles for each tag) THEN each fits every Discord limit', () => {
    let tagPages = 0;
    for (const { what, violations } of renderedMessages(index, BLOG)) {
      expect(violations, what).toEqual([]);
      if (what.startsWith('/articles t')) tagPages++;
    }
    // Every tag's list was rendered, both of its pages.
    expect(tagPages).toBe(200);
    const tagged = renderArticles({ tag: index.tags[99], page: 1 }, index, BLOG);
    expect(messageLimitViolations(tagged)).toEqual([]);
  });

  it('GIVEN a search finding all of them THEN each page fits every Discord limit', () => {
    const results = index.search.search('matter');
    expect(results).toHaveLength(7);
    for (const page of [0, 1]) {
      const payload = renderSearch({ query: 'matter', results, page }, BLOG);
      expect(messageLimitViolations(payload), `page ${page + 1}`).toEqual([]);
    }
  });

  it('GIVEN autocomplete over titles and tags THEN every choice fits (names and values at most 100)', () => {
    for (const typed of ['', 'why', '3 why does', 't1', 't99', longTag(42)]) {
      expect(choiceLimitViolations(articleChoices(index.articles, typed)), typed).toEqual([]);
      expect(choiceLimitViolations(tagChoices(index.tags, typed)), typed).toEqual([]);
    }
    expect(tagChoices(index.tags, '')).toHaveLength(L.autocompleteChoices);
    expect(choiceLimitViolations(titleChoices(index.articles, SEARCH_QUERY_MAX))).toEqual([]);
  });

  it('GIVEN a tag typed that is none THEN the closest named in an answer of at most 2000 characters', () => {
    const close = closestTags(
      't4_*',
      index.tags.map((tag) => tag.label),
    );
    expect(close.length).toBeGreaterThan(0);
    expect(codePointLength(`No articles are tagged “t4_*”. Did you mean ${tagNames(close)}?`)).toBeLessThan(
      L.messageContent,
    );
  });
});
