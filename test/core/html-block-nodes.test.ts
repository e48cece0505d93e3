import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { HTML_BLOCK_BUDGET } from '../../src/core/html-block-nodes.js';
import { MAX_NESTING, parseMarkdown, toDiscordMarkdown } from '../../src/core/markdown.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource, mustParse } from '../helpers/articles.js';

/** Front matter without a summary: the post's first paragraph is its summary. */
const FRONT = { title: 'An article', tags: ['testing'], layout: 'post' };

/** The tree of Markdown that must parse. */
function tree(source: string, options: { mdx?: boolean; rawHtml?: boolean } = {}): Root {
  const parsed = parseMarkdown(source, options);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
}

/** The top-level nodes' types. */
function types(root: Root): string[] {
  return root.children.map((node) => node.type);
}

/** The nodes as a message shows them. */
function shown(nodes: readonly RootContent[]): string {
  return toDiscordMarkdown(nodes, 'https://blog.example');
}

const WORDPRESS = [
  '<p>This is <b>bold</b> and a <a href="https://x.example/">link</a>.</p>',
  '',
  '## Tips',
  '',
  '<ul>',
  '<li>First tip in <strong>HTML</strong></li>',
  '<li>Second tip, see <a href="/blog/other/">the other post</a></li>',
  '</ul>',
].join('\n');

describe('HTML blocks read as Markdown', () => {
  it('GIVEN a post written in HTML blocks THEN its <p> is the summary, its <li> are tips, links kept with their address', () => {
    const article = mustParse(articleSource(FRONT, WORDPRESS));
    expect(article.summary).toBe('This is **bold** and a [link](https://x.example/).');
    // The front matter's 3 lines, its 2 fences and a blank line come first: `<ul>` is on line 11.
    expect(article.sections.tips?.items).toEqual([
      { text: 'First tip in **HTML**', line: 12 },
      { text: 'Second tip, see [the other post](https://blog.example/blog/other/)', line: 13 },
    ]);
  });

  it('GIVEN a link around a block in a Markdown post (<a href><div>…</div></a>) THEN it keeps its address', () => {
    const article = mustParse(
      articleSource(
        FRONT,
        'Intro.\n\n## Tips\n\n<ul>\n<li><a href="/guide"><div>Read the guide</div></a> first.</li>\n</ul>',
      ),
    );
    expect(article.sections.tips?.items.map((item) => item.text)).toEqual([
      '[Read the guide](https://blog.example/guide)\n\nfirst.',
    ]);
  });

  it('GIVEN an <h2> naming a section and an <ol> of named items THEN they are the section and its items, each at its line', () => {
    const body = [
      '<h2>Skills</h2>',
      '<ol>',
      '  <li><b>Listening:</b> hear <em>them</em> out</li>',
      '  <li>Writing <code>code</code></li>',
      '</ol>',
      '<p>Practice both.</p>',
    ].join('\n');
    const skills = mustParse(articleSource(FRONT, body)).sections.skills;
    expect(skills?.heading).toBe('Skills');
    expect(skills?.line).toBe(7);
    expect(skills?.items).toEqual([
      { name: 'Listening', text: 'hear *them* out', line: 9, number: 1 },
      { text: 'Writing `code`', line: 10, number: 2 },
    ]);
    expect(skills?.interludes).toEqual([{ after: 1, text: 'Practice both.' }]);
  });

  it('GIVEN quotes, code, images, line breaks and a table in HTML THEN each is what its Markdown is', () => {
    const root = tree(
      [
        '<blockquote><p>Quoted <i>words</i></p></blockquote>',
        '<pre><code class="language-js">let a = 1;\nlet b = 2;</code></pre>',
        '<p>See <img src="/chart.png" alt="the chart"><br>next line</p>',
        '<table><tr><th>Tool</th><th>Use</th></tr><tr><td>git</td><td><b>history</b></td></tr></table>',
      ].join('\n'),
    );
    expect(types(root)).toEqual(['blockquote', 'code', 'paragraph', 'paragraph']);
    expect(shown(root.children)).toBe(
      [
        '> Quoted *words*',
        '',
        '```js\nlet a = 1;\nlet b = 2;\n```',
        '',
        'See [the chart](https://blog.example/chart.png)\nnext line',
        '',
        'Tool | Use\ngit | **history**',
      ].join('\n'),
    );
  });

  it('GIVEN <script> and <style> THEN their text never shows; a block of only them, or of nothing, stays left out', () => {
    const root = tree(
      '<div><script>alert("x")</script><style>p{}</style><p>Shown</p></div>\n\n<script>\ntrack();\n</script>\n\n<div class="clear"></div>',
    );
    expect(types(root)).toEqual(['paragraph', 'html', 'html']);
    expect(shown(root.children)).toBe('Shown');
    const article = mustParse(articleSource(FRONT, '<script>track();</script>\n\n<p>The lead.</p>'));
    expect(article.summary).toBe('The lead.');
  });

  it('GIVEN HTML comments THEN they stay HTML: <!--more--> still ends the summary, a line per paragraph', () => {
    expect(types(tree('<!--more-->'))).toEqual(['html']);
    expect(types(tree('<!-- a\nb -->'))).toEqual(['html']);
    const body = '<p>First.</p>\n\n<p>Second.</p>\n\n<!--more-->\n\n<p>After.</p>';
    expect(mustParse(articleSource(FRONT, body)).summary).toBe('First.\nSecond.');
  });

  it('GIVEN a block whose tag says markdown="1", an MDX post, or rawHtml THEN the HTML is left as it is', () => {
    expect(types(tree('<div markdown="1">\n<p>Kept raw</p>\n</div>'))).toEqual(['html']);
    expect(types(tree('<div class="note" markdown=block><p>x</p></div>'))).toEqual(['html']);
    expect(types(tree('<p>Component text</p>', { mdx: true }))).toEqual(['html']);
    expect(types(tree('<p>Text</p>', { rawHtml: true }))).toEqual(['html']);
    // A Jekyll post's own markdown="1" blocks still hold Markdown.
    const jekyll = mustParse(
      articleSource(FRONT, '<div class="notice" markdown="1">\n\n## Tips\n\n- **Ask:** early\n\n</div>'),
      '_posts/2024-01-06-a.md',
    );
    expect(jekyll.sections.tips?.items).toEqual([{ name: 'Ask', text: 'early', line: 11 }]);
  });

  it('GIVEN an HTML block in a list item or a quote THEN it is read there too', () => {
    const root = tree('- Plain item\n- <p>An <em>HTML</em> item</p>\n\n> <p>Quoted</p>');
    expect(shown(root.children)).toBe('- Plain item\n- An *HTML* item\n\n> Quoted');
  });

  it('GIVEN an HTML block THEN its nodes have its lines: its first line and, inside it, their own', () => {
    const root = tree('Intro\n\n<div>\n<p>One</p>\n\n<p>Two</p>\n</div>\n\n<p>Three</p>');
    // CommonMark ends an HTML block at a blank line: `<p>Two</p>` and `</div>` are one block of their own.
    expect(root.children.map((node) => [node.type, node.position?.start.line])).toEqual([
      ['paragraph', 1],
      ['paragraph', 4],
      ['paragraph', 6],
      ['paragraph', 9],
    ]);
  });
});

describe('HTML blocks past the budget', () => {
  const timed = (source: string): { root: Root; ms: number } => {
    const start = performance.now();
    const root = tree(source);
    return { root, ms: performance.now() - start };
  };

  it('GIVEN a block longer than the budget THEN it stays left out, and blocks within it are read', () => {
    const huge = `<div>${'word '.repeat(HTML_BLOCK_BUDGET.characters / 5 + 1)}</div>`;
    const { root } = timed(`${huge}\n\n<p>Small</p>`);
    expect(types(root)).toEqual(['html', 'paragraph']);
  });

  it('GIVEN elements nested thousands deep, or past the depth THEN the block is left out, without a throw, quickly', () => {
    for (const deep of [
      `${'<div>'.repeat(20_000)}x`,
      `${'<div/>'.repeat(10_000)}x`,
      `${'<blockquote>'.repeat(HTML_BLOCK_BUDGET.depth + 1)}x`,
      `<div>${'<span>'.repeat(3000)}x`,
    ]) {
      const { root, ms } = timed(deep);
      expect(types(root)).toEqual(['html']);
      expect(ms).toBeLessThan(2000);
    }
    // Within the depth: read.
    expect(types(tree(`${'<div>'.repeat(40)}<p>x</p>${'</div>'.repeat(40)}`))).toEqual(['paragraph']);
  });

  it('GIVEN formatting tags left open for the parser to open again in every paragraph THEN left out, quickly', () => {
    const open = Array.from({ length: 16 }, (_, i) => `<b class="c${i}">`).join('');
    for (const source of [
      Array.from({ length: 2500 }, (_, i) => `<div><b a="${i}"></div>`).join('') + 'x',
      `<div>${open}</div>${'<div>x</div>'.repeat(4000)}`,
      `<div>${open}</div>${'<p>x'.repeat(4000)}`,
    ]) {
      const { root, ms } = timed(source);
      expect(types(root)).toEqual(['html']);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('GIVEN more elements or blocks than the budget THEN those past it are left out', () => {
    const many = `<div>${'<span>a</span>'.repeat(HTML_BLOCK_BUDGET.elements + 1)}</div>`;
    expect(types(timed(many).root)).toEqual(['html']);
    const blocks = Array.from({ length: HTML_BLOCK_BUDGET.blocks + 3 }, (_, i) => `<p>p${i}</p>`);
    const { root, ms } = timed(blocks.join('\n\n'));
    expect(types(root).filter((type) => type === 'paragraph')).toHaveLength(HTML_BLOCK_BUDGET.blocks);
    expect(types(root).slice(-3)).toEqual(['html', 'html', 'html']);
    expect(ms).toBeLessThan(5000);
  });

  it('GIVEN an HTML quote where the Markdown around it is nested nearly as deep as may be THEN it stays left out, the post read', () => {
    const quotes = '> '.repeat(MAX_NESTING - 1);
    const root = tree(`${quotes}<blockquote><blockquote><p>deep</p></blockquote></blockquote>`);
    let node: RootContent | undefined = root.children[0];
    while (node?.type === 'blockquote') node = node.children[0];
    expect(node?.type).toBe('html');
    const article = parseArticle({
      file: 'content/a.md',
      source: articleSource(FRONT, `## Tips\n\n- Tip\n\n${quotes}<blockquote><p>deep</p></blockquote>`),
      siteUrl: 'https://blog.example',
    });
    expect(article.ok).toBe(true);
  });

  it('GIVEN emphasis against a word, or beside emphasis of its kind THEN it is written so Discord shows it: no character reference, no `****`', () => {
    const summary = (html: string): string => mustParse(articleSource(FRONT, html)).summary;
    expect(summary('<p><strong>Note:</strong>Text, <em>(aside)</em>and <b>“quoted”</b>word.</p>')).toBe(
      '**Note:** Text, *(aside)* and **“quoted”** word.',
    );
    expect(summary('<p>a<b>😀</b>b and me<i><a href="https://x.example/">x</a></i></p>')).toBe(
      'a **😀** b and me *[x](https://x.example/)*',
    );
    expect(summary('<p><em>a</em><em>b</em> <b>x</b><b>y</b> <code>a</code><code>b</code></p>')).toBe(
      '*ab* **xy** `ab`',
    );
    expect(summary('<p><b>Note: </b>Text, <b> </b>then<i><b>Deep: </b></i>z; Plan<b>ahead</b>now</p>')).toBe(
      '**Note:** Text, then ***Deep:*** z; Plan **ahead** now',
    );
    // Bold in bold is one bold, italic in italic one italic, as in Markdown.
    expect(summary('<p><b><strong>Listen</strong> first</b> and <em><i>w</i> v</em></p>')).toBe(
      '**Listen first** and *w v*',
    );
    expect(summary('<p><b>a <b>b</b> c</b> and <b>a <i>b <b>c</b></i></b></p>')).toBe(
      '**a b c** and **a _b c_**',
    );
    // Emphasis in emphasis, an emoji, an image's alt text in a link: the writer would encode a letter.
    expect(
      summary(
        '<p>a<b>x<i>y</i></b>b, Go 😀<b>:</b> x <a href="https://e.example/"><img src="/x.png" alt="q"><i>.</i></a></p>',
      ),
    ).toBe('a **x _y_** b, Go 😀 **:** x [q *.*](https://e.example/)');
    expect(summary('<p>(<b>x</b>) “<i>y</i>”</p>')).toBe('(**x**) “*y*”');
  });

  it('GIVEN an HTML list that a blank line splits THEN it is read whole: every item is one', () => {
    const body = ['## Tips', '', '<ul>', '<li>a</li>', '', '<li>b</li>', '', '', '<li>c</li>', '</ul>'].join(
      '\n',
    );
    // The front matter takes 5 lines and a blank one: `<ul>` is on line 9.
    expect(mustParse(articleSource(FRONT, body)).sections.tips?.items).toEqual([
      { text: 'a', line: 10 },
      { text: 'b', line: 12 },
      { text: 'c', line: 15 },
    ]);
    // Markdown between blocks keeps them apart, as before: the `<div>`s show nothing.
    // A comment's tags open nothing, and a comment ends the run: the blocks after it are read apart.
    const comments = [
      '<!-- <ul> -->',
      '',
      '<p>Intro</p>',
      '',
      '<!-- close <div> -->',
      '',
      '## Tips',
      '',
      '<ul><li>a</li></ul>',
    ];
    const commented = mustParse(articleSource(FRONT, comments.join('\n')));
    expect(commented.summary).toBe('Intro');
    expect(commented.sections.tips?.items).toEqual([{ text: 'a', line: 15 }]);
    const apart = ['## Tips', '', '<div>', '', '- a', '', '</div>'].join('\n');
    expect(mustParse(articleSource(FRONT, apart)).sections.tips?.items).toEqual([{ text: 'a', line: 11 }]);
  });

  it('GIVEN what a page does not show, and lazy-loaded images THEN no text of it, and one link per image', () => {
    const body =
      '<p>See <img data-src="/a.png" alt="chart"><noscript><img src="/a.png" alt="chart"></noscript>' +
      ' <img alt="nowhere"><span hidden>hid</span><textarea>ta</textarea><select><option>o1</option></select><input value="v"> end</p>';
    expect(mustParse(articleSource(FRONT, body)).summary).toBe('See [chart](https://blog.example/a.png) end');
  });

  it('GIVEN a bold tip followed only by what is left out, or a pair emptied between two words THEN the tip stays, the words apart', () => {
    const body = [
      '## Tips',
      '',
      '- **Use git** (<img src="x.png">)',
      '- a(<img src="x.png">)b, f() as written',
    ].join('\n');
    expect(mustParse(articleSource(FRONT, body)).sections.tips?.items).toEqual([
      { text: '**Use git**', line: 9 },
      { text: 'a b, f() as written', line: 10 },
    ]);
  });
});
