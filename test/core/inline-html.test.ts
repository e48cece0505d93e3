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

  it('GIVEN tags left open, crossed or empty THEN what they hold is kept and nothing after them is swallowed', () => {
    expect(written('<b>open and never closed. Then *more*.')).toBe('open and never closed. Then *more*.');
    expect(written('<b>x<i>y</b>z</i>')).toBe('**xy**z');
    expect(written('an icon <i class="fa fa-star"></i> here')).toBe('an icon here');
    // A pair never spans the edge of Markdown's own emphasis.
    expect(written('<b>a *b</b> c*')).toBe('a *b c*');
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
    const input = (size: number): string => {
      const unit = '<b>x <i>y ';
      return `${unit.repeat(size / unit.length / 2)}${'</i> z '.repeat(size / 14)}`;
    };
    expect(growth((text) => written(text), input)).toBeLessThan(LINEAR);
  });
});
