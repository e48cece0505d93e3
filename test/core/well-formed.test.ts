import { describe, expect, it } from 'vitest';
import { blogUrl } from '../../src/core/blog-links.js';
import { buildIndex } from '../../src/core/content-index.js';
import { readDataFile } from '../../src/core/eleventy-data.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { mayEscapeSurrogates, wellFormedData, wellFormedText } from '../../src/core/well-formed.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

describe('text no character stands for (a lone half of a surrogate pair, written as an escape)', () => {
  it('GIVEN lone halves THEN each is U+FFFD; a whole pair is kept', () => {
    expect(wellFormedText('a\uDC00b\uD800')).toBe('a\uFFFDb\uFFFD');
    expect(wellFormedText('\uD83D\uDE00')).toBe('😀');
  });

  it('GIVEN data whose lists and mappings share themselves (YAML aliases) THEN every text and key is mended, each once', () => {
    const shared: unknown[] = ['x\uDC00'];
    shared.push(shared);
    const data = { ['k\uD800']: 'v', list: shared, again: shared };
    wellFormedData(data);
    expect(Object.keys(data)).toEqual(['list', 'again', 'k\uFFFD']);
    expect(shared[0]).toBe('x\uFFFD');
  });

  it('GIVEN front matter that escapes one (YAML, JSON) THEN the article shows U+FFFD in its place, and its tag has a page', () => {
    expect(mayEscapeSurrogates('title: "\\udc00"')).toBe(true);
    const article = mustParse(
      articleSource(
        validFront({ title: `Tip ${'\uDC00'.repeat(3)}`, tags: ['ok\uDC00'] }),
        '## Tips\n\n- One.',
      ),
    );
    expect(article.title).toBe('Tip \uFFFD\uFFFD\uFFFD');
    expect(article.tags).toEqual(['ok\uFFFD']);
    const json = parseArticle({
      file: 'content/b.md',
      source: '---json\n{"title": "J\\ud800", "tags": ["t"], "summary": "S\\udfff"}\n---\n\nText.\n',
      siteUrl: 'https://blog.example',
    });
    expect(json.ok && [json.article.title, json.article.summary]).toEqual(['J\uFFFD', 'S\uFFFD']);
    const tag = buildIndex([article]).index.tag('ok\uFFFD');
    expect(tag).toBeDefined();
    // encodeURIComponent throws on a lone half: the tag page's address is made.
    expect(blogUrl({ siteUrl: 'https://blog.example', blog: '/blog', tag: '/tags/:tag' }, tag)).toBe(
      'https://blog.example/tags/ok%EF%BF%BD',
    );
  });

  it('GIVEN TOML front matter or an Eleventy data file that escapes one THEN no lone half is read', () => {
    const toml = parseArticle({
      file: 'content/c.md',
      source: '+++\ntitle = "T\\uDC00"\nsummary = "S"\n+++\n\nText.\n',
      siteUrl: 'https://blog.example',
    });
    // TOML allows no such escape: refused at its line.
    expect(toml).toEqual({
      ok: false,
      problems: [
        { file: 'content/c.md', line: 2, message: 'invalid TOML in front matter: invalid unicode escape' },
      ],
    });
    const data = readDataFile('{"tags": ["a\\udc00"], "permalink": "/p/\\ud800/"}');
    expect(data).toEqual({ ok: true, fields: { tags: ['a\uFFFD'], permalink: '/p/\uFFFD/' }, problems: [] });
  });
});
