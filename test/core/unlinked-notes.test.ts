import { describe, expect, it } from 'vitest';
import { sharedAddressNotes, siteUrlNote, unlinkedNotes } from '../../src/core/article-url.js';
import { buildIndex } from '../../src/core/content-index.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource } from '../helpers/articles.js';

/** An article as parsed without SITE_URL, under `articleUrl`. */
function parsed(file: string, front: Record<string, unknown>, articleUrl?: string, siteUrl?: string) {
  const result = parseArticle({
    file,
    source: articleSource({ title: 'T', tags: ['a'], ...front }, 'Text.'),
    ...(articleUrl === undefined ? {} : { articleUrl }),
    ...(siteUrl === undefined ? {} : { siteUrl }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

describe('what content:check says of posts left unlinked without SITE_URL', () => {
  it('GIVEN a post with its own url and no SITE_URL under a dated ARTICLE_URL THEN it is not told to get a date; SITE_URL is named once for all', () => {
    const dated = '/:year/:slug/';
    const articles = [
      parsed('content/own.md', { url: '/blog/own/' }, dated),
      parsed('content/permalinked.md', { permalink: '/p/' }, dated),
      parsed('content/undated.md', {}, dated),
      parsed('content/2024-01-05-dated.md', {}, dated),
    ];
    expect(articles.map((article) => article.url)).toEqual([undefined, undefined, undefined, undefined]);
    expect(unlinkedNotes(articles, dated)).toEqual([
      expect.stringMatching(/^1 article\(s\) .* needs a date they have not/),
      '  content/undated.md',
    ]);
    expect(siteUrlNote(articles, undefined)).toEqual([
      "4 article(s) not linked: SITE_URL is unset, so an address on the site (/blog/x) makes no link. Set SITE_URL to the blog's address (https://…) to link them.",
    ]);
    expect(siteUrlNote(articles, 'https://blog.example')).toEqual([]);
    // An address of another host needs no SITE_URL.
    expect(
      siteUrlNote([parsed('content/away.md', { url: 'https://elsewhere.example/a' }, dated)], undefined),
    ).toEqual([]);
  });
});

describe('what content:check says of posts the address pattern put at one address', () => {
  it('GIVEN two posts of one slug on different days under the default ARTICLE_URL THEN both are kept, and the note names both with their one address', () => {
    const site = 'https://blog.example';
    const { index } = buildIndex([
      parsed('2022-12-31-year-in-review.md', {}, undefined, site),
      parsed('2023-12-31-year-in-review.md', {}, undefined, site),
      parsed('other.md', {}, undefined, site),
      // Their own address, the same as the pattern's: a problem of the file where the index finds it, not this note's.
      parsed('own.md', { url: '/blog/own/' }, undefined, site),
    ]);
    expect(index.articles.map((article) => article.url)).toEqual([
      'https://blog.example/blog/year-in-review',
      'https://blog.example/blog/year-in-review',
      'https://blog.example/blog/other',
      'https://blog.example/blog/own/',
    ]);
    expect(sharedAddressNotes(index.articles)).toEqual([
      expect.stringMatching(/^2 article\(s\) share an address the address pattern made, .*set ARTICLE_URL/),
      // In the index's order: newest first.
      '  2023-12-31-year-in-review.md: https://blog.example/blog/year-in-review',
      '  2022-12-31-year-in-review.md: https://blog.example/blog/year-in-review',
    ]);
    expect(sharedAddressNotes(index.articles.slice(1))).toEqual([]);
  });
});
