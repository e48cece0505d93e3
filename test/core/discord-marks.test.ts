import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { buildIndex } from '../../src/core/content-index.js';
import { escapeLoneStrikes, linkLabel, toDiscordMarkdown } from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import { renderArticles } from '../../src/core/render/articles.js';
import {
  codePointLength,
  discordLines,
  splitText,
  truncateMarkdown,
  truncatePlain,
} from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const BLOG = defaultBlogLinks('https://blog.example');

const written = (source: string): string => toDiscordMarkdown(markdownTree(source).children, undefined);

/** The texts of a tips section's items, as an article's list gives them. */
function itemTexts(items: readonly string[]): string[] {
  const article = mustParse(articleSource(validFront(), ['## Tips', '', ...items].join('\n')));
  return article.sections.tips?.items.map((item) => item.text) ?? [];
}

/** Articles a day apart (the first the oldest), each with its title and summary, as /articles lists them. */
function listed(posts: readonly { title: string; summary: string }[]): string {
  const articles: Article[] = posts.map(({ title, summary }, i) =>
    mustParse(
      articleSource(validFront({ title, summary, date: `2024-01-0${i + 1}` }), '## Tips\n\n- x'),
      `content/p${i}.md`,
    ),
  );
  return (
    renderArticles({ tag: undefined, page: 0 }, buildIndex(articles).index, BLOG).embeds?.[0]?.description ??
    ''
  );
}

/** Two tildes side by side, which Discord pairs as strikethrough marks whatever is around them. */
const LIVE_STRIKE = /~~/g;

describe('bold inside italics', () => {
  it('GIVEN bold opening or closing an italic phrase THEN it is written `**`, not `__` (Discord underline)', () => {
    expect(itemTexts(['- ***bold** rest*', '- *rest **bold***'])).toEqual([
      '***bold** rest*',
      '*rest **bold***',
    ]);
    expect(written('***a** b **c***')).toBe('***a** b **c***');
    expect(written('_a **b** c_ and __init__')).toBe('*a **b** c* and **init**');
  });
});

describe('a strikethrough mark without its pair', () => {
  it('GIVEN `~~` in text with no `~~` after it THEN escaped tilde by tilde; pairs stay strikethrough', () => {
    expect(itemTexts(['- ~~Old', '- a ~~ b', '- ~~x~~ y', '- ~~a~~ then ~~b'])).toEqual([
      '\\~\\~Old',
      'a \\~\\~ b',
      '\\~~x~~ y',
      '\\~~a~~ then \\~\\~b',
    ]);
    expect(written('a ~~~ b')).toBe('a \\~\\~\\~ b');
  });

  it('GIVEN marks as Discord pairs them THEN only those it leaves open are escaped, code and addresses as written', () => {
    // The next `~~` closes, at least a character on, not one before `_`.
    expect(escapeLoneStrikes('a ~~ b ~~c~~')).toBe('a ~~ b ~~c\\~\\~');
    expect(escapeLoneStrikes('~~a~~~~')).toBe('~~a~~\\~\\~');
    expect(escapeLoneStrikes('a ~~~~')).toBe('a \\~\\~\\~\\~');
    expect(escapeLoneStrikes('~~a ~~_b')).toBe('\\~\\~a \\~\\~_b');
    // CommonMark's escape at a line's start, which discordLines drops, escapes the first tilde only.
    expect(escapeLoneStrikes('\\~~Old')).toBe('\\~\\~Old');
    expect(escapeLoneStrikes('\\~~old~~')).toBe('\\~~old~~');
    const kept = '`~~` [a](https://x.example/~~a) <https://x.example/~~b> https://x.example/~~c \\~\\~';
    expect(escapeLoneStrikes(kept)).toBe(kept);
    expect(escapeLoneStrikes(escapeLoneStrikes('~~a~~ ~~b'))).toBe('~~a~~ \\~\\~b');
  });

  it('GIVEN escaped tildes at a line start THEN discordLines keeps their escapes; the one CommonMark wrote before a pair still goes', () => {
    expect(discordLines('\\~\\~Old\n- \\~\\~\\~ x')).toBe('\\~\\~Old\n- \\~\\~\\~ x');
    expect(discordLines('\\~~old~~ new.')).toBe('~~old~~ new.');
  });

  it('GIVEN summaries with `~~` open in one entry and `~~` in the next THEN /articles strikes nothing across entries', () => {
    const description = listed([
      { title: 'Post 0', summary: 'new~~ price' },
      { title: 'Post 1', summary: '~~Old' },
      { title: 'Post 2', summary: '~~was~~ is' },
    ]);
    expect(description).toBe(
      '**[Post 2](https://blog.example/blog/p2)** · 2024-01-03\n~~was~~ is\n\n' +
        '**[Post 1](https://blog.example/blog/p1)** · 2024-01-02\n\\~\\~Old\n\n' +
        '**[Post 0](https://blog.example/blog/p0)** · 2024-01-01\nnew\\~\\~ price',
    );
  });

  it('GIVEN a summary cut inside its strikethrough THEN the mark left open is escaped in /articles', () => {
    const summary = `~~${'word '.repeat(120)}~~ done`;
    expect(truncateMarkdown(summary, 500).match(LIVE_STRIKE)).toHaveLength(1);
    const description = listed([{ title: 'Post 0', summary }]);
    expect(description).toMatch(/\n\\~\\~word word/);
    expect(description.match(LIVE_STRIKE)).toBeNull();
  });
});

describe("an author's escaped tildes", () => {
  it('GIVEN `\\~\\~` (or `&#126;`) beside a tilde THEN a zero-width space keeps them apart: Discord strikes nothing', () => {
    expect(
      itemTexts(['- Write \\~\\~ for two tildes, \\~\\~ again.', '- \\~\\~done\\~\\~ and ~~real~~']),
    ).toEqual([
      'Write ~\u200B~ for two tildes, ~\u200B~ again.',
      // CommonMark's escape at a line's start (`~~~` opens code), which discordLines drops.
      '\\~\u200B~done~\u200B~ and ~~real~~',
    ]);
    // One escaped beside one as written, three, an entity; a lone escaped tilde stays as it is.
    expect(written('a ~\\~ b \\~~ c \\~\\~\\~ d &#126;&#126; e \\~5')).toBe(
      'a ~\u200B~ b ~\u200B~ c ~\u200B~\u200B~ d ~\u200B~ e ~5',
    );
    expect(written('[a \\~\\~ b](https://x.example/a)')).toBe('[a ~\u200B~ b](https://x.example/a)');
  });

  it('GIVEN escaped tildes in a summary and in a tip split over fields THEN no `~~` is left to pair', () => {
    expect(listed([{ title: 'Post 0', summary: 'Use \\~\\~ for tildes, ~~not~~ this.' }])).toBe(
      '**[Post 0](https://blog.example/blog/p0)** · 2024-01-01\nUse ~\u200B~ for tildes, ~~not~~ this.',
    );
    const long = `- ${'word \\~\\~ '.repeat(150)}end`;
    const article = mustParse(articleSource(validFront(), `## Tips\n\n${long}`));
    const fields = splitText(article.sections.tips?.items[0]?.text ?? '', 1024, { balanced: true });
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields) expect(field.match(LIVE_STRIKE)).toBeNull();
  });
});

describe('underscores that Discord would read as underline', () => {
  it('GIVEN `__` in text, in a word or escaped by the author THEN escaped underscore by underscore; addresses and code as written', () => {
    expect(
      itemTexts(['- Call word__init__word or x\\_\\_y\\_\\_z, snake_case stays.', '- a __ b __ c']),
    ).toEqual(['Call word\\_\\_init\\_\\_word or x\\_\\_y\\_\\_z, snake_case stays.', 'a \\_\\_ b \\_\\_ c']);
    expect(written('https://x.example/a__b and `c__d` and __bold__ and a\\\\__b')).toBe(
      'https://x.example/a__b and `c__d` and **bold** and a\\\\\\_\\_b',
    );
  });
});

describe('Markdown marks in a link label', () => {
  it('GIVEN `*`, `__` and `~~` as text THEN look-alikes and zero-width spaces: Discord shows a backslash there', () => {
    expect(linkLabel('C** pointers')).toBe('C∗∗ pointers');
    expect(linkLabel('a__b ~~c~~ ___')).toBe('a_\u200B_b ~\u200B~c~\u200B~ _\u200B_\u200B_');
    expect(itemTexts(['- [C** pointers](https://x.example/a) and [a~~b *c*](https://x.example/b)'])).toEqual([
      '[C∗∗ pointers](https://x.example/a) and [a~\u200B~b *c*](https://x.example/b)',
    ]);
  });

  it('GIVEN titles with `**` THEN /articles keeps each title one bold link, nothing left to pair with the next', () => {
    const description = listed([
      { title: 'C** pointers', summary: 'x' },
      { title: 'Why **not** skip retros', summary: 'y' },
    ]);
    expect(description).toBe(
      '**[Why ∗∗not∗∗ skip retros](https://blog.example/blog/p1)** · 2024-01-02\ny\n\n' +
        '**[C∗∗ pointers](https://blog.example/blog/p0)** · 2024-01-01\nx',
    );
  });
});

describe('a strikethrough split into chunks', () => {
  it('GIVEN a struck item longer than a field THEN each chunk closes its `~~` and the next opens it again', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const chunks = splitText(`- ~~${words.join(' ')}~~`, 1024, { balanced: true });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(codePointLength(chunk)).toBeLessThanOrEqual(1024);
      expect(chunk).toMatch(/^- ~~w\d+(?: w\d+)*~~$/);
    }
    expect(chunks.flatMap((chunk) => chunk.slice(4, -2).split(' '))).toEqual(words);
  });

  it('GIVEN `~~` without a pair in a long text THEN it is written as it was, opening nothing', () => {
    const chunks = splitText(`a ~~ b ${'word '.repeat(300)}`, 1024);
    expect(chunks[0]).toMatch(/^a ~~ b word/);
    expect(chunks.join(' ').match(LIVE_STRIKE)).toHaveLength(1);
  });
});

describe('lone UTF-16 surrogates', () => {
  it('GIVEN a low surrogate without its high half THEN it counts as a character, as Discord counts it', () => {
    expect(codePointLength('\uDC00\uDC00\uDC00')).toBe(3);
    expect(codePointLength('\uD800\uD83D\uDE80\uDC00')).toBe(3);
    expect(codePointLength('🚀a')).toBe(2);
  });

  it('GIVEN text of lone surrogates past the room THEN it is cut within it', () => {
    const cut = truncatePlain('\uDC00'.repeat(10), 5);
    expect(codePointLength(cut)).toBe(5);
    expect(cut).toBe(`${'\uDC00'.repeat(4)}…`);
    expect(codePointLength(truncateMarkdown(`a ${'\uDC00'.repeat(100)}`, 20))).toBeLessThanOrEqual(20);
  });
});
