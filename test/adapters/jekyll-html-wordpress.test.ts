import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';
import { formatProblem } from '../../src/core/article.js';

/*
 * Jekyll posts written in HTML as jekyll-import writes a WordPress blog's: bare text without <p>,
 * tags left open, Gutenberg's block comments, [caption] shortcodes, long posts.
 */

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'jekyll-wordpress-'));
  mkdirSync(join(site, '_posts'));
  writeFileSync(join(site, '_config.yml'), 'title: x\n');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const load = async (body: string) => {
  writeFileSync(join(site, '_posts', '2015-04-06-x.html'), `---\nlayout: post\ntitle: T\n---\n${body}`);
  const { index, problems } = await loadContent(site, 'https://blog.example');
  return { article: index.articles[0], problems: problems.map(formatProblem) };
};

describe('Jekyll posts imported from WordPress, in HTML', () => {
  it('GIVEN bare text before <!--more--> (no <p>) THEN it is the summary, not what follows the divider', async () => {
    const { article } = await load(
      'Lead text isn&#8217;t wrapped.<br />\nSecond line.\n\n<!--more-->\n\n<p>Rest.</p>\n',
    );
    expect(article?.summary).toBe('Lead text isn’t wrapped. Second line.');
    const { article: short } = await load('Lead text.\n<!--more-->\nMore text.\n');
    expect(short?.summary).toBe('Lead text.');
  });

  it('GIVEN a <b> or <a> left open before the tips THEN the tips are a list all the same, on their lines', async () => {
    for (const open of ['<b>', '<strong>', '<em>', '<a href="/x">']) {
      const { article, problems } = await load(
        `<p>Intro with ${open}bold\n<h2>Tips</h2>\n<ul>\n<li><strong>A:</strong> b</li>\n<li><strong>C:</strong> d</li>\n</ul>\n`,
      );
      expect(problems).toEqual([]);
      expect(article?.sections.tips?.items.map((item) => [item.name, item.line])).toEqual([
        ['A', 8],
        ['C', 9],
      ]);
    }
  });

  it("GIVEN a Gutenberg post whose block comments make it longer than 64 KB, or a long post's 120 KB THEN it is read", async () => {
    const gutenberg = Array.from(
      { length: 450 },
      (_, i) =>
        `<!-- wp:paragraph {"className":"has-text-align-left is-style-default","fontSize":"medium"} -->\n<p>Paragraph ${i} text, a sentence of words.</p>\n<!-- /wp:paragraph -->\n\n`,
    ).join('');
    const read = await load(gutenberg);
    expect(read.problems).toEqual([]);
    expect(read.article?.summary).toContain('Paragraph 0');
    const long = await load(`<p>${'A long sentence of the post. '.repeat(4_000)}</p>\n<p>End.</p>\n`);
    expect(long.problems).toEqual([]);
    expect(long.article?.title).toBe('T');
  });

  it('GIVEN a [caption] shortcode around an image THEN its tags are left out, the image and caption kept', async () => {
    const { article } = await load(
      '[caption id="attachment_42" align="aligncenter" width="300"]<img src="http://example.com/a.jpg" alt="desk" width="300" height="200" /> My desk[/caption]\n\n<p>Real intro.</p>\n\n<h2>Tips</h2>\n<ul><li>[gallery ids="1,2"]Keep a tidy desk.</li></ul>\n',
    );
    expect(article?.summary).not.toContain('caption');
    expect(article?.summary).toContain('My desk');
    expect(article?.sections.tips?.items.map((item) => item.text)).toEqual(['Keep a tidy desk.']);
  });
});
