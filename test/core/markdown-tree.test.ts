import type { Nodes, Root } from 'mdast';
import markdownIt from 'markdown-it';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import {
  DISCORD_MARKDOWN,
  parseMarkdown,
  plainText,
  showsNothing,
  toDiscordMarkdown,
  writeDiscordMarkdown,
} from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import { stripMdx } from '../../src/core/mdx.js';
import { resolveUrl } from '../../src/core/urls.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { seededRandom } from '../helpers/random.js';
import { cpuMs, growth, LINEAR } from './growth.js';

/** The tree without positions, to compare shapes. */
function shape(root: Root): unknown {
  return JSON.parse(JSON.stringify(root, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

const write = (source: string): string => toMarkdown(markdownTree(source), DISCORD_MARKDOWN);

describe('markdownTree', () => {
  it('GIVEN inline markup THEN gives mdast phrasing, soft line breaks inside the text', () => {
    expect(shape(markdownTree('**Name:** a *b* `c`\nd  \ne [f](/g "t") ![alt *x*](i.png) <b>h</b>'))).toEqual(
      {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'strong', children: [{ type: 'text', value: 'Name:' }] },
              { type: 'text', value: ' a ' },
              { type: 'emphasis', children: [{ type: 'text', value: 'b' }] },
              { type: 'text', value: ' ' },
              { type: 'inlineCode', value: 'c' },
              { type: 'text', value: '\nd' },
              { type: 'break' },
              { type: 'text', value: 'e ' },
              { type: 'link', url: '/g', title: 't', children: [{ type: 'text', value: 'f' }] },
              { type: 'text', value: ' ' },
              { type: 'image', url: 'i.png', title: null, alt: 'alt x' },
              { type: 'text', value: ' ' },
              { type: 'strong', children: [{ type: 'text', value: 'h' }] },
            ],
          },
        ],
      },
    );
  });

  it('GIVEN blocks THEN gives headings, lists with their start, code with its language, quotes, HTML and rules', () => {
    const source = [
      '## Tips',
      '',
      '3. one',
      '4. two',
      '',
      '```ts title="x"',
      'const a = 1;',
      '```',
      '',
      '    indented',
      '',
      '> quoted',
      '',
      '<div>',
      'html',
      '</div>',
      '',
      '---',
    ].join('\n');
    const { children } = markdownTree(source);
    expect(children.map((node) => [node.type, node.position?.start.line])).toEqual([
      ['heading', 1],
      ['list', 3],
      ['code', 6],
      ['code', 10],
      ['blockquote', 12],
      ['html', 14],
      ['thematicBreak', 18],
    ]);
    expect(children[0]).toMatchObject({ depth: 2 });
    expect(children[1]).toMatchObject({ ordered: true, start: 3, spread: false });
    expect(children[2]).toMatchObject({ lang: 'ts', meta: 'title="x"', value: 'const a = 1;' });
    expect(children[3]).toMatchObject({ lang: null, meta: null, value: 'indented' });
    expect(children[5]).toMatchObject({ value: '<div>\nhtml\n</div>' });
  });

  it('GIVEN an MDX text THEN indented lines are prose, not code', () => {
    expect(markdownTree('<Tabs>\n\n    text in a tab\n\n</Tabs>', { mdx: true }).children[1]).toMatchObject({
      type: 'paragraph',
    });
  });

  it('GIVEN an MDX text THEN a list, heading, quote or fence indented four columns or more is that block, as MDX reads it', () => {
    const mdxWrite = (source: string): string =>
      toMarkdown(markdownTree(source, { mdx: true }), DISCORD_MARKDOWN);
    // What a component (`<Tabs>`, `<Tab>`) leaves once stripMdx took its tags out: read as if not indented.
    const blocks = [
      'Here:\n- first\n- second',
      '1. one\n   - nested\n2. two',
      '- a\n\n  more of a\n- b',
      '### Sub\n> quoted\n```js\nx\n```\nafter',
      'Title\n---\n\n***',
    ];
    for (const block of blocks) {
      for (const indent of ['    ', '\t', '        ']) {
        const indented = block.replace(/^/gm, indent);
        expect(mdxWrite(indented)).toBe(mdxWrite(block));
      }
    }
    expect(mdxWrite('    Here:\n    - first\n    - second')).toBe('Here:\n\n- first\n- second\n');
    // Not in Markdown, where they are indented code.
    expect(markdownTree('    - first\n    - second').children).toMatchObject([{ type: 'code' }]);
  });

  it('GIVEN lists THEN spread is where a blank line separates items or an item’s blocks, as micromark sets it', () => {
    expect(write('- a\n- b\n\n  c\n- d')).toBe('- a\n- b\n\n  c\n- d\n');
    expect(write('- a\n\n- b')).toBe('- a\n\n- b\n');
    expect(write('* foo\n  * bar\n\n  baz')).toBe('- foo\n\n  - bar\n\n  baz\n');
    expect(write('1. a\n2. b')).toBe('1. a\n2. b\n');
  });

  it('GIVEN reference links THEN they are links to their definition, which is not shown', () => {
    expect(write('See [the post][p] and [Home].\n\n[p]: https://x.example/p "Title"\n[home]: /')).toBe(
      'See [the post](https://x.example/p "Title") and [Home](/).\n',
    );
  });

  it('GIVEN footnotes and abbreviations (kramdown, goldmark) THEN references are numbered markers, notes kept on the root as one line, abbreviations left out', () => {
    const source = [
      'Managers need support.[^study] Write HTML^[an inline note] less.',
      '',
      '- It matters.[^sleep]',
      '',
      '[^study]: Gallup, 2019.',
      '[^sleep]: See *Walker*.',
      '',
      '    More of the note.',
      '',
      '*[HTML]: Hyper Text Markup Language',
      '',
      'After.',
    ].join('\n');
    expect(write(source)).toBe('Managers need support.¹ Write HTML² less.\n\n- It matters.³\n\nAfter.\n');
    const notes = Object.entries(markdownTree(source).data?.footnotes ?? {});
    expect(notes.map(([label, note]) => [label, plainText({ type: 'paragraph', children: note })])).toEqual([
      ['1', 'Gallup, 2019.'],
      ['2', 'an inline note'],
      ['3', 'See Walker. More of the note.'],
    ]);
    // Written without markers (a summary), the references leave nothing.
    const tree = markdownTree(source);
    expect(toDiscordMarkdown(tree.children, undefined, { markers: false })).toBe(
      'Managers need support. Write HTML less.\n\n- It matters.\n\nAfter.',
    );
  });

  it('GIVEN many abbreviation definitions in a row THEN they are no crowded paragraph: their marks are not counted', () => {
    const definitions = Array.from({ length: 200 }, (_, i) => `*[AB${i}]: Thing ${i}`);
    const parsed = parseMarkdown(['Intro.', '', ...definitions].join('\n'));
    expect(parsed.ok).toBe(true);
    // A paragraph as crowded is still refused, and lines only like definitions do not split it.
    expect(parseMarkdown(`Intro ${'*a* '.repeat(80)}`).ok).toBe(false);
    expect(parseMarkdown(`Intro ${'*a* '.repeat(40)}\n*[a]:\n${'*b* '.repeat(40)}`).ok).toBe(false);
  });

  it('GIVEN MDX paragraphs apart only by lines of tags THEN each counts its own marks', () => {
    const callout = (mark: string) => `<Callout>\n${`*${mark}* `.repeat(35)}\n</Callout>`;
    expect(parseMarkdown(stripMdx(`${callout('a')}\n${callout('b')}`), { mdx: true }).ok).toBe(true);
  });

  it('GIVEN hard line breaks and <br> THEN plain line breaks, as Discord shows them, without spaces around', () => {
    const root = markdownTree('one  \ntwo\\\nthree <br> four<br/>five');
    expect(toDiscordMarkdown(root.children, undefined)).toBe('one\ntwo\nthree\nfour\nfive');
    // At a new line's start, what would make a list is escaped.
    expect(toDiscordMarkdown(markdownTree('a<br>- b').children, undefined)).toBe('a\n\\- b');
    // Next to a line ending, at either end, or inside emphasis, nothing of it shows as an entity.
    const written = (source: string) => toDiscordMarkdown(markdownTree(source).children, undefined);
    expect(written('Roses are red,<br>\nviolets are blue.')).toBe('Roses are red,\nviolets are blue.');
    expect(written('a\n<br>\nb')).toBe('a\nb');
    expect(written('- a<br>\n- b')).toBe('- a\n- b');
    expect(written('**a<br>** b')).toBe('**a** b');
    expect(written('one\t\ntwo')).toBe('one two');
    expect(written('[a <b>x</b>\n<br>](https://x.example/)')).toBe('[a **x**](https://x.example/)');
  });

  it('GIVEN inline HTML of block elements THEN a space where each tag stood, one at most, none at the ends; inline tags leave nothing', () => {
    const written = (source: string) => toDiscordMarkdown(markdownTree(source).children, undefined);
    expect(written('Do: <ol><li>Plan</li><li>Do</li><li>Check</li></ol>')).toBe('Do: Plan Do Check');
    expect(written('Steps: <ol><li>Plan</li> <li>Do</li></ol>')).toBe('Steps: Plan Do');
    expect(written('See <details><summary>Why</summary>Because it helps.</details>')).toBe(
      'See Why Because it helps.',
    );
    expect(written('Ideas:<p>First idea.</p><p>Second idea.</p>')).toBe('Ideas: First idea. Second idea.');
    expect(written('**Cells:** <table><tr><td>Alpha</td><td>Beta</td></tr></table>')).toBe(
      '**Cells:** Alpha Beta',
    );
    expect(written('A<div>**B**</div>C')).toBe('A **B** C');
    expect(written('- **Steps:** <ol><li>Plan</li><LI>Do</LI></ol>\n- b')).toBe('- **Steps:** Plan Do\n- b');
    expect(written('a<p><br>b')).toBe('a\nb');
    // Inline elements' tags, and comments, join the text around them (those Markdown can say, as it,
    // set apart from a word as in an HTML block).
    expect(written('un<em>believ</em>able <span>x</span>y<!-- c -->z <kbd>K</kbd><sup>th</sup>')).toBe(
      'un *believ* able xyz `K`th',
    );
    // What is left out between spaces leaves one, and none before punctuation.
    expect(written('a <!-- c --> b <img src="x.png"> c <span></span>. d <!-- e -->, f\t<!-- g -->\th')).toBe(
      'a b c. d, f\th',
    );
    // An element's text that opens with punctuation keeps the space before it.
    expect(
      written('I love <strong>.NET</strong>, use <code>.env</code> files; press <kbd>?</kbd> for help'),
    ).toBe('I love **.NET**, use `.env` files; press `?` for help');
    expect(written('I love <span>.NET</span>, <u>.env</u>')).toBe('I love .NET, .env');
    // A script's or style's text is code the page never shows.
    expect(written('a <script>alert(1)</script>b <style>.x { color: red }</style>c <SCRIPT type="x">d')).toBe(
      'a b c d',
    );
    // A heading, a link's text.
    expect(written('## One<hr>Two')).toBe('## One Two');
    expect(written('[a<p>b](https://x.example/)')).toBe('[a b](https://x.example/)');
  });

  it('GIVEN links to addresses that are no web pages THEN their text stays, without the address', () => {
    expect(
      toDiscordMarkdown(markdownTree('[x](javascript:alert(1)) and ![y](data:x)').children, undefined),
    ).toBe('x and y');
  });

  it('GIVEN an image inside a link (a badge) THEN its alt text, or "image", is the link\'s text: no link in a link', () => {
    const written = (source: string) =>
      toDiscordMarkdown(markdownTree(source).children, 'https://ex.com/blog/links');
    expect(written('[![badge](b.svg)](https://ci)')).toBe('[badge](https://ci)');
    expect(written('[![](b.svg) build](https://ci)')).toBe('[image build](https://ci)');
    expect(written('[**![badge](b.svg)** ok](https://ci)')).toBe('[**badge** ok](https://ci)');
    // A link that cannot be followed keeps only its text, where the image can be a link again.
    expect(written('[![badge](b.svg)](javascript:x)')).toBe('[badge](https://ex.com/blog/links/b.svg)');
  });

  it('GIVEN addresses THEN they are kept as written, not percent-encoded', () => {
    expect(markdownTree('[a](/caf%C3%A9?q=ä) <https://x.example/ä>').children[0]).toMatchObject({
      children: [
        { type: 'link', url: '/caf%C3%A9?q=ä' },
        { type: 'text', value: ' ' },
        {
          type: 'link',
          url: 'https://x.example/ä',
          children: [{ type: 'text', value: 'https://x.example/ä' }],
        },
      ],
    });
  });

  it('GIVEN a paragraph of 32,000 lines, or 100,000 blanks before a line ending THEN the tree costs about what reading it costs markdown-it', () => {
    // Trimmed at each line ending, the paragraph's text grown so far took time that grew with the
    // square of its lines (17 s for 80,000), and a run of blanks with the square of its length.
    const md = markdownIt('commonmark');
    // CPU time, which other processes on the machine do not add to.
    const best = (run: () => unknown): number => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const start = cpuMs();
        run();
        fastest = Math.min(fastest, cpuMs() - start);
      }
      return fastest;
    };
    for (const source of ['a \t\n'.repeat(32_000), `a${' '.repeat(100_000)}x\nb`]) {
      const parse = best(() => md.parse(source, {}));
      // Far from the square's seconds, and far enough from markdown-it's time for a loaded machine.
      expect(best(() => markdownTree(source))).toBeLessThan(10 * parse + 100);
    }
    expect(markdownTree('a \t\nb\t\t\n*c* \t\nd').children).toMatchObject([
      {
        type: 'paragraph',
        children: [{ value: 'a\nb\n' }, { type: 'emphasis' }, { type: 'text', value: '\nd' }],
      },
    ]);
  });

  it('GIVEN MDX with a list indented 66 columns in a component, or a list nested 32 deep under it THEN reads them: indentation is no level', () => {
    const indented = `${' '.repeat(66)}- **One:** first`;
    expect(parseMarkdown(indented, { mdx: true })).toMatchObject({
      ok: true,
      root: { children: [{ type: 'list' }] },
    });
    const nested = Array.from({ length: 32 }, (_, i) => `${' '.repeat(40 + 2 * i)}- level ${i}`).join('\n');
    expect(parseMarkdown(nested, { mdx: true }).ok).toBe(true);
    expect(parseMarkdown(`${nested}\n${' '.repeat(104)}- level 32`, { mdx: true })).toMatchObject({
      ok: false,
      line: 33,
    });
  });

  it('GIVEN a paragraph of script and style tags never closed THEN reading it grows linearly', () => {
    const input = (size: number): string => 'a <style><script>'.repeat(Math.ceil(size / 17)).slice(0, size);
    expect(growth((text) => toDiscordMarkdown(markdownTree(text).children, undefined), input)).toBeLessThan(
      LINEAR,
    );
  });

  it('GIVEN nesting as deep as parseMarkdown lets through THEN nothing after it is lost', () => {
    const deep = Array.from({ length: 32 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const parsed = parseMarkdown(`${deep}\n\nafter`);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.root.children.at(-1)).toMatchObject({ type: 'paragraph' });
  });
});

describe('the text handler of DISCORD_MARKDOWN', () => {
  it('GIVEN texts of every character that Markdown uses, next to other nodes THEN writes them as the library does', () => {
    const next = seededRandom(7);
    // Mostly letters and spaces, so that many texts take the handler's short way and some only just miss it.
    const plain = Array.from('aZé ');
    const marks = Array.from('9.,:;!?#*_-+=~<>()[]{}&\\`\'"|/\t\n1');
    const from = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length) % items.length] as T;
    const pick = (): string => from(next() < 0.75 ? plain : marks);
    const textOf = (): string => Array.from({ length: 1 + Math.floor(next() * 8) }, pick).join('');
    const neighbours: (() => Nodes)[] = [
      () => ({ type: 'strong', children: [{ type: 'text', value: textOf() }] }),
      // A label's text is written as it is (see linkLabel), not by this handler's rules.
      () => ({ type: 'link', url: '/x', children: [{ type: 'inlineCode', value: textOf() }] }),
      () => ({ type: 'inlineCode', value: 'c' }),
      () => ({ type: 'break' }),
      () => ({
        type: 'link',
        url: 'https://x.example',
        children: [{ type: 'text', value: 'https://x.example' }],
      }),
    ];
    // The library's own text handler, with the other handlers as they are.
    const library = {
      ...DISCORD_MARKDOWN,
      handlers: { ...DISCORD_MARKDOWN.handlers, text: defaultHandlers.text },
    };
    for (let i = 0; i < 5000; i++) {
      const phrasing = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, j) =>
        j % 2 === 0 ? { type: 'text', value: textOf() } : from(neighbours)(),
      );
      const wrap = Math.floor(next() * 3);
      const root = {
        type: 'root',
        children: [
          wrap === 0
            ? { type: 'paragraph', children: phrasing }
            : wrap === 1
              ? { type: 'heading', depth: 2, children: phrasing }
              : {
                  type: 'list',
                  children: [{ type: 'listItem', children: [{ type: 'paragraph', children: phrasing }] }],
                },
        ],
      } as Root;
      expect(toMarkdown(root, DISCORD_MARKDOWN), JSON.stringify(root)).toBe(toMarkdown(root, library));
    }
  });

  it('GIVEN paragraphs of plain text THEN writeDiscordMarkdown writes them without toMarkdown exactly as toMarkdown does', () => {
    const next = seededRandom(11);
    const letters = Array.from('aZéж ');
    const others = Array.from('9.,:!?#*_-~<>[]&\\`|@\t\n');
    const from = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length) % items.length] as T;
    const textOf = (): string =>
      next() < 0.05
        ? from(['a <@123> b', 'a || b', 'spoiler||', 'a </tips:1> b'])
        : Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
            from(next() < 0.85 ? letters : others),
          ).join('');
    // The same options, another object: writeDiscordMarkdown's short way is only for DISCORD_MARKDOWN itself.
    const library = { ...DISCORD_MARKDOWN };
    let short = 0;
    for (let i = 0; i < 5000; i++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
        type: 'paragraph',
        children: Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
          next() < 0.97
            ? { type: 'text', value: textOf() }
            : { type: 'strong', children: [{ type: 'text', value: 'b' }] },
        ),
      }));
      const root = { type: 'root', children: paragraphs } as Root;
      const written = writeDiscordMarkdown(root);
      expect(written, JSON.stringify(root)).toBe(writeDiscordMarkdown(root, library));
      if (/^\p{L}/u.test(written) && !written.includes('**')) short++;
    }
    // Enough of the trees took the short way for the comparison to say something.
    expect(short).toBeGreaterThan(500);
  });
});

describe('resolveUrl', () => {
  it('GIVEN an absolute address with spaces (written in angle brackets) THEN they are encoded, so the link holds', () => {
    expect(resolveUrl('https://a.example/with space', undefined)).toBe('https://a.example/with%20space');
    expect(
      toDiscordMarkdown(markdownTree('[angle](<https://a.example/with space>)').children, undefined),
    ).toBe('[angle](https://a.example/with%20space)');
    expect(resolveUrl('https://a.example/x?q=1#f', undefined)).toBe('https://a.example/x?q=1#f');
  });

  it('GIVEN a protocol-relative address THEN it names another host, with the scheme of SITE_URL', () => {
    expect(resolveUrl('//cdn.other/y', 'https://example.com')).toBe('https://cdn.other/y');
    expect(resolveUrl('//cdn.other/y?q=1#f', 'http://example.com/blog/')).toBe('http://cdn.other/y?q=1#f');
    expect(resolveUrl('//cdn.other/y', undefined)).toBe('https://cdn.other/y');
    expect(resolveUrl('//[::1]:8080/y', undefined)).toBe('https://[::1]:8080/y');
    expect(toDiscordMarkdown(markdownTree('[x](//cdn.other/y)').children, 'https://example.com')).toBe(
      '[x](https://cdn.other/y)',
    );
  });

  it('GIVEN a protocol-relative address without a valid host THEN nothing to follow: the link keeps its text', () => {
    for (const url of ['//', '///x.com/y', '//-bad/y', '//localhost/y', '//a..b/y', '//a b/y'])
      expect(resolveUrl(url, 'https://example.com')).toBeUndefined();
    expect(toDiscordMarkdown(markdownTree('[x](///x.com/y) z').children, 'https://example.com')).toBe('x z');
  });

  it('GIVEN site paths and page-relative addresses THEN they are still resolved against SITE_URL', () => {
    expect(resolveUrl('/blog/x', 'https://example.com/sub/')).toBe('https://example.com/sub/blog/x');
    expect(resolveUrl('x.png', 'https://example.com/sub')).toBe('https://example.com/sub/x.png');
  });
});

describe('plainText', () => {
  it('GIVEN a heading with an HTML comment or inline tags THEN its text without the HTML', () => {
    const [heading] = markdownTree('## Tips <!-- c --> for <kbd>you</kbd>').children;
    expect(plainText(heading)).toBe('Tips  for you');
  });

  it('GIVEN a section heading with an HTML comment THEN it still names its section', () => {
    const body = ['## Tips <!-- c -->', '', '- **First:** do this.', '- **Second:** do that.'].join('\n');
    const article = mustParse(articleSource(validFront(), body));
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual(['First', 'Second']);
  });
});

describe('links and emphasis around nothing', () => {
  const written = (source: string, siteUrl?: string) =>
    toDiscordMarkdown(markdownTree(source).children, siteUrl);

  it('GIVEN a link without text THEN its address is its text, written as `<url>` (Discord shows `[](url)` raw)', () => {
    expect(written('See [](http://x) and [ ](https://a.example/b?c=d).')).toBe(
      'See <http://x> and <https://a.example/b?c=d>.',
    );
    expect(written('See [](/guide).', 'https://blog.example')).toBe('See <https://blog.example/guide>.');
    expect(written('**[](http://x)**')).toBe('**<http://x>**');
  });

  it('GIVEN a link without text that points nowhere, or emphasis around only HTML THEN nothing of it is written', () => {
    // One space of those on either side stays, as around any HTML left out.
    expect(written('See [](/guide) now.')).toBe('See now.');
    expect(written('a **<b></b>** b')).toBe('a b');
  });

  it('GIVEN nodes of only marks, rules, empty code or empty links THEN they show nothing; text, code or an image shows', () => {
    const nothing = (source: string) => showsNothing(markdownTree(source).children);
    for (const source of ['****', '__ __', '~~~~', '*__*', '**', '\\', '` `', '[](http://x)', '<!-- c -->'])
      expect(nothing(source), source).toBe(true);
    for (const source of ['a', '`x`', '![a](x.png)', '[x](http://x)', '**-**'])
      expect(nothing(source), source).toBe(false);
  });
});

describe('task lists', () => {
  it('GIVEN task list items THEN each is checked or not, its box shown as ⬜ or ✅ in place of its brackets', () => {
    const tree = markdownTree('- [ ] not done\n- [x] done\n- [X] **bold**\n\n1. [ ]\n   wrapped');
    expect(shape(tree)).toMatchObject({
      children: [
        {
          type: 'list',
          children: [
            {
              type: 'listItem',
              checked: false,
              children: [{ children: [{ type: 'text', value: '⬜ not done' }] }],
            },
            {
              type: 'listItem',
              checked: true,
              children: [{ children: [{ type: 'text', value: '✅ done' }] }],
            },
            {
              type: 'listItem',
              checked: true,
              // The box goes in the bold that opens the item, which stays its name.
              children: [{ children: [{ type: 'strong', children: [{ type: 'text', value: '✅ bold' }] }] }],
            },
          ],
        },
        { type: 'list', children: [{ type: 'listItem', checked: false }] },
      ],
    });
    expect(write('- [ ] not done\n- [x] **bold** done\n- [ ] ***both*** `code`')).toBe(
      '- ⬜ not done\n- **✅ bold** done\n- ***⬜ both*** `code`\n',
    );
    expect(write('- [x] `code`')).toBe('- ✅ `code`\n');
    expect(write('Steps:\n\n1. [ ]\n   wrapped')).toBe('Steps:\n\n1. ⬜ wrapped\n');
    expect(markdownTree('- [x] done', { mdx: true }).children[0]).toMatchObject({
      children: [{ checked: true }],
    });
  });

  it('GIVEN boxes that open no task (escaped, empty, a link, not first, not in a list, in code) THEN they stay as written', () => {
    const source = [
      '- \\[ ] escaped',
      '- [ ]',
      '- [x]',
      '- [x][] link',
      '- text [ ] later',
      '- [y] other',
      '- [ ]no space',
      '',
      '[ ] not in a list',
      '',
      '```',
      '- [ ] code',
      '```',
      '',
      '[x]: https://x.example',
    ].join('\n');
    const tree = markdownTree(source);
    expect(JSON.stringify(tree)).not.toMatch(/[⬜✅]|"checked":(true|false)/);
    expect(write('- `[ ]` code span\n- [x](https://x.example) link')).toBe(
      '- `[ ]` code span\n- [x](https://x.example) link\n',
    );
  });

  it('GIVEN a task list in a post THEN its items, and lists in their text, show the boxes', () => {
    const body = [
      '## Tips',
      '',
      '- [ ] Ask for feedback early.',
      '- [x] **Mentor:** find one.',
      '- [ ] Reading: one book a month.',
      // Most of the list named, a phrase before a colon names too (see the rule's own test).
      '- [x] Feedback: ask early.',
      '- Steps:',
      '  - [x] one',
      '  - [ ] two',
    ].join('\n');
    const article = mustParse(articleSource(validFront(), body));
    expect(article.sections.tips?.items.map(({ name, text }) => ({ name, text }))).toEqual([
      { name: undefined, text: '⬜ Ask for feedback early.' },
      { name: '✅ Mentor', text: 'find one.' },
      { name: '⬜ Reading', text: 'one book a month.' },
      { name: '✅ Feedback', text: 'ask early.' },
      { name: undefined, text: 'Steps:\n\n- ✅ one\n- ⬜ two' },
    ]);
  });
});
