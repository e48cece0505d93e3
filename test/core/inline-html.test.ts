import { describe, expect, it } from 'vitest';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

const SITE = 'https://blog.example';
const written = (source: string): string => toDiscordMarkdown(markdownTree(source).children, SITE);

describe('inline HTML in a Markdown text', () => {
  it('GIVEN a link written as an <a> tag (a new tab, a relative address, entities, any quoting) THEN it is a link', () => {
    expect(
      written('Read <a href="https://x.example/guide" target="_blank" rel="noopener">the guide</a>.'),
    ).toBe('Read [the guide](https://x.example/guide).');
    expect(written("See <A HREF='/about'>about me</A> and <a href=/now>now</a>.")).toBe(
      'See [about me](https://blog.example/about) and [now](https://blog.example/now).',
    );
    // As a Markdown link with the same address and title is written.
    expect(written('<a href="https://x.example/?a=1&amp;b=2" title="T">q</a>')).toBe(
      written('[q](https://x.example/?a=1&b=2 "T")'),
    );
  });

  it('GIVEN an <a> that goes nowhere a message can link (javascript:, an anchor without href) THEN its text only', () => {
    expect(
      written('<a href="javascript:alert(1)">click</a> and <a name="top"></a>top <a id="x">here</a>'),
    ).toBe('click and top here');
  });

  it('GIVEN bold, italic, struck-out and code elements THEN they show as their Markdown', () => {
    expect(written('<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <cite>c</cite>')).toBe(
      '**b** **s** *i* *e* *c*',
    );
    expect(written('Do <del>this</del> <s>that</s> <strike>it</strike> instead.')).toBe(
      'Do ~~this~~ ~~that~~ ~~it~~ instead.',
    );
    expect(written('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, run <code>npm *ci*</code>')).toBe(
      'Press `Ctrl`+`C`, run `npm ci`',
    );
  });

  it('GIVEN a quotation (<q>) THEN its text in quotation marks, single ones in another, as a browser shows it', () => {
    expect(written('She said <q>ship it, <Q>now</Q></q> and left.')).toBe(
      'She said “ship it, ‘now’” and left.',
    );
    expect(written('Ask <q>**what**</q>, not <q>why</q>.')).toBe('Ask “**what**”, not “why”.');
    // Empty, or without its closing tag, it shows nothing, as other tags so written.
    expect(written('An empty <q></q> pair, a lone <q>open tag.')).toBe('An empty pair, a lone open tag.');
    expect(written('Type <code><q>x</q></code>.')).toBe('Type `“x”`.');
    // In an HTML block, as in a paragraph.
    const block = mustParse(
      articleSource({ title: 'Quotes' }, '<p>She said <q>ship it, <q>now</q></q>.</p>'),
    );
    expect(block.summary).toBe('She said “ship it, ‘now’”.');
  });

  it('GIVEN tags left open, crossed or empty THEN what they hold is kept and nothing after them is swallowed', () => {
    expect(written('<b>open and never closed. Then *more*.')).toBe('open and never closed. Then *more*.');
    expect(written('<b>x<i>y</b>z</i>')).toBe('**xy** z');
    expect(written('an icon <i class="fa fa-star"></i> here')).toBe('an icon here');
    // A pair never spans the edge of Markdown's own emphasis.
    expect(written('<b>a *b</b> c*')).toBe('a *b c*');
  });

  it("GIVEN spaces at an element's edges, marks against a word, neighbours of one kind or nested THEN written as Discord shows them: no character references, no ****", () => {
    expect(written('<b>Note: </b>text')).toBe('**Note:** text');
    expect(written('a <em>b </em>c and a <b> </b> b')).toBe('a *b* c and a b');
    expect(written('x<b>[</b>y')).toBe('x **\\[** y');
    expect(written('<b>x</b><b>y</b> <s>a</s><del>b</del>')).toBe('**xy** ~~ab~~');
    expect(written(`${'<b>'.repeat(3)}deep${'</b>'.repeat(3)}`)).toBe('**deep**');
    expect(written('<code>x<br>y</code>')).toBe('`x y`');
    for (const text of ['<b>Note: </b>text', 'x<b> a </b>y', 'x<b>[</b>y'])
      expect(written(text)).not.toMatch(/&#x/);
  });

  it('GIVEN Markdown bold in an HTML bold, or bold in bold, italic in italic THEN one bold, one italic: no **** and no mark ending the outer one', () => {
    expect(written('<b>**Listen** first</b> then talk')).toBe('**Listen first** then talk');
    expect(written('<strong>Be __kind__</strong> always')).toBe('**Be kind** always');
    expect(written('**a **b** c** d and *a *b* c* d')).toBe('**a b c** d and *a b c* d');
    expect(written('<em>*so*</em> and <i>_it_</i>')).toBe('*so* and *it*');
    expect(written('<b>a <i>b **c**</i></b>')).toBe('**a _b c_**');
    // Code in bold keeps all it holds, a bold in it too.
    expect(written('<b>a <kbd>b <b>c</b> d</kbd> e</b> f')).toBe('**a `b c d` e** f');
    expect(written('<kbd>x <b>y <b>z</b></b></kbd>')).toBe('`x y z`');
  });
  it('GIVEN an <a> in a link, or a link in an <a> THEN one link: Discord shows no link in a link', () => {
    expect(written('[x <a href="https://y.example">y</a> z](https://x.example)')).toBe(
      '[x y z](https://x.example)',
    );
    expect(written('<a href="https://x.example">a [b](https://y.example) c</a>')).toBe(
      '[a b c](https://x.example)',
    );
    expect(written('<a href="https://x.example">a <a href="https://y.example">b</a> c</a>')).toBe(
      '[a b c](https://x.example)',
    );
  });

  it('GIVEN an item named in HTML tags with nothing after it THEN it is the problem the same item in Markdown is', () => {
    const problems = (item: string) => {
      const result = parseArticle({
        file: 'a.md',
        source: articleSource(validFront(), `## Tips\n\n${item}\n- b`),
      });
      return result.ok ? [] : result.problems.map(({ message }) => message);
    };
    expect(problems('- <strong>Listen:</strong>')).toEqual(problems('- **Listen:**'));
    expect(problems('- <strong>Listen:</strong>')).toHaveLength(1);
    expect(
      mustParse(articleSource(validFront(), '## Tips\n\n- <b>Ask:</b> early.')).sections.tips?.items[0],
    ).toMatchObject({ name: 'Ask', text: 'early.' });
  });

  it('GIVEN tags nested thousands deep, or thousands left open THEN it reads in linear time, nesting capped, text kept', () => {
    const deep = `${'<b>'.repeat(5000)}core${'</b>'.repeat(5000)}`;
    expect(written(deep)).toContain('core');
    // Forty levels of tags in a tip: no deeper than a post may be, so the post stays valid.
    const tip = `## Tips\n\n- ${'<b><i>'.repeat(20)}core${'</i></b>'.repeat(20)} here`;
    expect(mustParse(articleSource(validFront(), tip)).sections.tips?.items[0]).toMatchObject({
      name: 'core',
      text: 'here',
    });
    const input = (size: number): string => {
      const unit = '<b>x <i>y ';
      return `${unit.repeat(size / unit.length / 2)}${'</i> z '.repeat(size / 14)}`;
    };
    expect(growth((text) => written(text), input)).toBeLessThan(LINEAR);
  });
});
