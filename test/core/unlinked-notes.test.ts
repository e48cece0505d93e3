import { describe, expect, it } from 'vitest';
import { siteUrlNote, unlinkedNotes } from '../../src/core/article-url.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource } from '../helpers/articles.js';

/** An article as parsed without SITE_URL, under `articleUrl`. */
function parsed(file: string, front: Record<string, unknown>, articleUrl: string) {
  const result = parseArticle({
    file,
    source: articleSource({ title: 'T', tags: ['a'], ...front }, 'Text.'),
    articleUrl,
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
