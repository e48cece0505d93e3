import { describe, expect, it } from 'vitest';
import { readAdmonitions, stripAdmonitions } from '../../src/core/admonitions.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

describe('stripAdmonitions', () => {
  it('GIVEN a pair of marker lines THEN they go, a title becomes a bold line, and the text between stays as written', () => {
    const source = [
      ':::tip Ask early',
      'Text *here*.',
      '',
      '- a list',
      ':::',
      ':::note[In brackets]{#id}',
      'x',
      ':::',
    ];
    expect(stripAdmonitions(source.join('\n')).split('\n')).toEqual([
      '**Ask early**  ',
      'Text *here*.',
      '',
      '- a list',
      '',
      '**In brackets**  ',
      'x',
      '',
    ]);
    // Untitled, a kind the page titles is titled by it; another word (VitePress's `code-group`) is not.
    expect(stripAdmonitions(':::warning\r\ntext\r\n:::\r\n')).toBe('**Warning**  \r\ntext\r\n\r\n');
    expect(stripAdmonitions('::: code-group\ntext\n:::\n')).toBe('\ntext\n\n');
    // VitePress writes a space after the colons.
    expect(stripAdmonitions('::: tip Heads up\ntext\n:::\n')).toBe('**Heads up**  \ntext\n\n');
    // A title already bold stays so, not `****Heads up****`.
    expect(stripAdmonitions(':::tip **Heads up**\ntext\n:::')).toBe('**Heads up**  \ntext\n');
  });

  it('GIVEN nested pairs THEN each closing line closes the innermost, which it must be at least as long as', () => {
    const source = ['::::info Outer', '  :::danger', '  inner', '  :::', 'after', '::::'];
    expect(stripAdmonitions(source.join('\n')).split('\n')).toEqual([
      '**Outer**  ',
      '  **Danger**  ',
      '  inner',
      '',
      'after',
      '',
    ]);
    // Three colons cannot close four: the opening stays, and so does the closing line.
    expect(stripAdmonitions('::::tip\ntext\n:::')).toBe('::::tip\ntext\n:::');
  });

  it('GIVEN marker-like lines without their pair, with more on them, or in code THEN they stay as written', () => {
    const source = [
      ':::',
      'A line :::tip',
      '::: tip spaced',
      ':::tip!',
      '```',
      ':::note',
      '```',
      ':::caution',
      '`:::`',
    ];
    expect(stripAdmonitions(source.join('\n'))).toBe(source.join('\n'));
    // In Markdown, four spaces after a blank line are code.
    const indented = ':::tip\ntext\n\n    :::\n';
    expect(stripAdmonitions(indented, { indentedCode: true })).toBe(indented);
    expect(stripAdmonitions(indented)).toBe('**Tip**  \ntext\n\n\n');
  });

  it('GIVEN titled pairs THEN the lines their titles are on are told, from 1, in order', () => {
    const source = [
      'Intro',
      '::::info Outer',
      ':::tip[Inner]',
      'x',
      ':::',
      ':::note',
      'y',
      ':::',
      '::::',
      ':::tip Open',
    ];
    expect(readAdmonitions(source.join('\n'))).toEqual({
      text: stripAdmonitions(source.join('\n')),
      titleLines: [2, 3, 6],
      // The outer pair only, which holds the others; the open one is no pair.
      boxes: [{ from: 2, to: 9, titled: true, kind: 'info' }],
    });
    expect(readAdmonitions('no markers').titleLines).toEqual([]);
  });

  it('GIVEN a megabyte of marker lines, paired or not THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => ':::tip Title\n'.repeat(size / 13),
      (size: number) => ':::a\n:::\n'.repeat(size / 9),
      (size: number) => `:::tip${' '.repeat(size)}[\n:::`,
      (size: number) => `:::tip[{${'a'.repeat(size)}\n:::`,
    ];
    for (const input of inputs) expect(growth((text) => stripAdmonitions(text), input)).toBeLessThan(LINEAR);
  });
});

describe('admonitions in posts', () => {
  const body = [
    '## Tips',
    '',
    ':::tip Before you start',
    'Read the **whole** list.',
    ':::',
    '',
    '- One',
    '',
    ':::warning',
    '',
    '- Two',
    '',
    ':::',
  ].join('\n');

  it.each(['content/a.md', 'content/a.mdx'])(
    'GIVEN admonitions in a section of %s THEN no marker shows: the title is a bold line, the text a lead-in, the list items items',
    (file) => {
      const tips = mustParse(articleSource(validFront(), body), file).sections.tips;
      expect(tips?.text).toBe('**Before you start**\nRead the **whole** list.');
      // The warning's title between the items, where it is written.
      expect(tips?.interludes).toEqual([{ after: 0, text: '**Warning**' }]);
      expect(tips?.items.map(({ text, line }) => ({ text, line }))).toEqual([
        { text: 'One', line: 14 },
        { text: 'Two', line: 18 },
      ]);
    },
  );

  it('GIVEN an admonition first in a post without a summary THEN its text is the summary, without markers', () => {
    const front = validFront();
    delete front.summary;
    const article = mustParse(
      articleSource(front, ':::info\nThe post in short.\n:::\n\n## Tips\n\n- One'),
      'content/a.mdx',
    );
    expect(article.summary).toBe('The post in short.');
  });

  describe('and the summary of a post without one', () => {
    const front = validFront();
    delete front.summary;
    const summary = (body: string, file = 'content/a.md') =>
      mustParse(articleSource(front, body), file).summary;

    it('GIVEN a callout list before the tips and a titled admonition in them THEN the summary is the first paragraph outside the sections, else the list, never the title', () => {
      const body = [
        "import { Callout } from 'nextra/components'",
        '',
        '<Callout type="info">',
        '- Short on time? Read the tips.',
        '</Callout>',
        '',
        '## Tips',
        '',
        ':::tip Pro tip',
        '',
        'Ask early.',
        '',
        ':::',
        '',
        '- One',
      ];
      expect(summary(body.join('\n'), 'content/a.mdx')).toBe('- Short on time? Read the tips.');
      expect(
        summary([...body, '', '## Closing', '', 'Thanks for reading.'].join('\n'), 'content/a.mdx'),
      ).toBe('Thanks for reading.');
    });

    it("GIVEN an admonition's title first THEN it is no summary: the admonition's text or the next paragraph is", () => {
      expect(summary(':::note Heads up\n\nThe post in short.\n\n:::\n\n## Tips\n\n- One')).toBe(
        'The post in short.',
      );
      expect(summary(':::note[Heads up]\nThe post in short.\n:::\n\n## Tips\n\n- One')).toBe(
        'The post in short.',
      );
      expect(summary(':::note **Heads up**\n:::\n\nIntro.\n\n## Tips\n\n- One')).toBe('Intro.');
      // Bold written as such is the author's text.
      expect(summary('**Bold intro**\n\n## Tips\n\n- One')).toBe('**Bold intro**');
    });
  });
});

describe('GitHub alerts and Obsidian callouts', () => {
  it('GIVEN alerts of any kind THEN the marker is a bold title (the kind, or the title written after it) and the text is no longer quoted', () => {
    const source = [
      '> [!TIP]',
      '> Ask for feedback early.',
      '>',
      '> - a list',
      '',
      '> [!WARNING] Mind the gap',
      '>text',
      '',
      '> [!faq]- Folded away',
      '> body',
      '',
      '>[!important]+',
      '> x',
      '',
      '> [!note] **Heads up**',
      '> y',
    ];
    expect(readAdmonitions(source.join('\n'))).toEqual({
      text: [
        '**Tip**  ',
        'Ask for feedback early.',
        '',
        '- a list',
        '',
        '**Mind the gap**  ',
        'text',
        '',
        '**Folded away**  ',
        'body',
        '',
        '**Important**  ',
        'x',
        '',
        '**Heads up**  ',
        'y',
      ].join('\n'),
      titleLines: [1, 6, 9, 12, 15],
      boxes: [
        { from: 1, to: 4, titled: false, kind: 'tip' },
        { from: 6, to: 7, titled: true, kind: 'warning' },
        { from: 9, to: 10, titled: true, kind: 'faq' },
        { from: 12, to: 13, titled: false, kind: 'important' },
        { from: 15, to: 16, titled: true, kind: 'note' },
      ],
    });
    expect(stripAdmonitions('> [!CAUTION]\r\n> text\r\n\r\nafter')).toBe(
      '**Caution**  \r\ntext\r\n\r\nafter',
    );
  });

  it('GIVEN an alert in a list item or in another quote THEN only its own quote goes, the item and the outer quote stay', () => {
    const item = ['- **Ask:** for help.', '', '  > [!TIP] Early', '  > Before it is late.', '- Next'];
    expect(stripAdmonitions(item.join('\n')).split('\n')).toEqual([
      '- **Ask:** for help.',
      '',
      '  **Early**  ',
      '  Before it is late.',
      '- Next',
    ]);
    expect(stripAdmonitions('- > [!NOTE]\n  > text')).toBe('- **Note**  \n  text');
    expect(stripAdmonitions('> Quoted:\n>\n> > [!NOTE]\n> > text\n> more')).toBe(
      '> Quoted:\n>\n> **Note**  \n> text\n> more',
    );
  });

  it('GIVEN an alert in a list item or in another quote, or a pair that shows no title THEN no box of the post', () => {
    expect(readAdmonitions('- > [!NOTE] Title\n  > text').boxes).toEqual([]);
    expect(readAdmonitions('> Quoted:\n>\n> > [!NOTE]\n> > text').boxes).toEqual([]);
    expect(readAdmonitions('::: code-group\ntext\n:::').boxes).toEqual([]);
    expect(readAdmonitions('> [!TIP]\n> a\n\n::: tip\nb\n:::').boxes).toEqual([
      { from: 1, to: 2, titled: false, kind: 'tip' },
      { from: 4, to: 6, titled: false, kind: 'tip' },
    ]);
  });

  it("GIVEN a quote with Chirpy's prompt or Minimal Mistakes' notice class on the line after it THEN a box of that kind, unquoted, without a title", () => {
    const source = [
      'Intro',
      '',
      '> **Ask early.** Often.',
      '> ## Why',
      '{: .prompt-tip }',
      '',
      '> A notice.',
      '{: .notice--Warning}',
      '',
      '>Plain',
      '{: .notice }',
      '',
      '> Just a quote.',
      '',
      '> Quoted',
      '> > nested',
      '{: .prompt-danger}',
      '',
      '> Not this class',
      '{: .prompt-tipping }',
    ].join('\n');
    const read = readAdmonitions(source);
    expect(read.text.split('\n')).toEqual([
      'Intro',
      '',
      '**Ask early.** Often.',
      '**Why**  ',
      '{: .prompt-tip }',
      '',
      'A notice.',
      '{: .notice--Warning}',
      '',
      'Plain',
      '{: .notice }',
      '',
      '> Just a quote.',
      '',
      'Quoted',
      '> nested',
      '{: .prompt-danger}',
      '',
      '> Not this class',
      '{: .prompt-tipping }',
    ]);
    expect(read.titleLines).toEqual([]);
    expect(read.boxes).toEqual([
      { from: 3, to: 4, titled: false, kind: 'tip' },
      { from: 7, to: 7, titled: false, kind: 'warning' },
      { from: 10, to: 10, titled: false, kind: 'note' },
      { from: 15, to: 16, titled: false, kind: 'danger' },
    ]);
    // In a list item or in code: as written.
    expect(readAdmonitions('- > in a list\n  {: .prompt-tip }').boxes).toEqual([]);
    expect(readAdmonitions('```\n> x\n{: .prompt-tip }\n```').boxes).toEqual([]);
  });

  it('GIVEN a quote ending THEN so does the alert: a blank line or a line without its `>` is not unquoted', () => {
    expect(stripAdmonitions('> [!TIP]\n> a\n\n> a quote')).toBe('**Tip**  \na\n\n> a quote');
    expect(stripAdmonitions('> [!TIP]\n> a\nlazy\n> b')).toBe('**Tip**  \na\nlazy\n> b');
    // Code in the alert is its text, unquoted with it.
    expect(stripAdmonitions('> [!TIP]\n> ```\n> > [!NOTE]\n> ```')).toBe('**Tip**  \n```\n> [!NOTE]\n```');
  });

  it('GIVEN alert markers in code, not first in their quote, or not alone in their brackets THEN they stay as written', () => {
    const source = [
      '```',
      '> [!TIP]',
      '> text',
      '```',
      '',
      '`> [!TIP]`',
      '',
      '> A quote',
      '> [!TIP]',
      '',
      '> [!TIP]x',
      '> [!] x',
      '> [!a b]',
      'Text [!TIP] here',
    ].join('\n');
    expect(readAdmonitions(source)).toEqual({ text: source, titleLines: [], boxes: [] });
    const indented = 'Text\n\n    > [!TIP]\n    > x\n';
    expect(stripAdmonitions(indented, { indentedCode: true })).toBe(indented);
    expect(stripAdmonitions(indented)).toBe('Text\n\n    **Tip**  \n    x\n');
  });

  it('GIVEN a megabyte of quote marks and alert markers THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '> [!TIP]\n'.repeat(size / 9),
      (size: number) => `> [!TIP]\n${'> '.repeat(size / 2)}`,
      (size: number) => `${'> '.repeat(size / 2)}x [!TIP]`,
      (size: number) => `${'- '.repeat(size / 2)}> [!TIP]${' '.repeat(size)}a`,
      (size: number) => `> [!TIP]${' '.repeat(size)}\n> x`,
    ];
    for (const input of inputs) expect(growth((text) => stripAdmonitions(text), input)).toBeLessThan(LINEAR);
  });

  describe('in posts', () => {
    const front = validFront();
    delete front.summary;

    it.each(['content/a.md', 'content/a.mdx'])(
      'GIVEN an alert first in %s without a summary THEN its text is the summary, without marker or title',
      (file) => {
        const article = mustParse(
          articleSource(front, '> [!TIP]\n> Ask for feedback early.\n\nIntro.\n\n## Tips\n\n- One'),
          file,
        );
        expect(article.summary).toBe('Ask for feedback early.');
      },
    );

    it('GIVEN an alert in a tips list item and in the section text THEN no marker shows', () => {
      const body = [
        '## Tips',
        '',
        '> [!NOTE]',
        '> Read them all.',
        '',
        '- **Ask:** for help.',
        '',
        '  > [!WARNING] Mind the gap',
        '  > Not too late.',
        '- Two',
      ].join('\n');
      const tips = mustParse(articleSource(validFront(), body)).sections.tips;
      expect(tips?.text).toBe('**Note**\nRead them all.');
      expect(tips?.items.map(({ name, text }) => ({ name, text }))).toEqual([
        { name: 'Ask', text: 'for help.\n\n**Mind the gap**\nNot too late.' },
        { name: undefined, text: 'Two' },
      ]);
    });
  });
});
