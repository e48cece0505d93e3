import { describe, expect, it } from 'vitest';
import { readAdmonitions, stripAdmonitions } from '../../src/core/admonitions.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth } from './growth.js';

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
      '**Ask early**',
      'Text *here*.',
      '',
      '- a list',
      '',
      '**In brackets**',
      'x',
      '',
    ]);
    expect(stripAdmonitions(':::warning\r\ntext\r\n:::\r\n')).toBe('\r\ntext\r\n\r\n');
    // VitePress writes a space after the colons.
    expect(stripAdmonitions('::: tip Heads up\ntext\n:::\n')).toBe('**Heads up**\ntext\n\n');
    // A title already bold stays so, not `****Heads up****`.
    expect(stripAdmonitions(':::tip **Heads up**\ntext\n:::')).toBe('**Heads up**\ntext\n');
  });

  it('GIVEN nested pairs THEN each closing line closes the innermost, which it must be at least as long as', () => {
    const source = ['::::info Outer', '  :::danger', '  inner', '  :::', 'after', '::::'];
    expect(stripAdmonitions(source.join('\n')).split('\n')).toEqual([
      '**Outer**',
      '',
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
    expect(stripAdmonitions(indented)).toBe('\ntext\n\n\n');
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
      titleLines: [2, 3],
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
    for (const input of inputs) expect(growth((text) => stripAdmonitions(text), input)).toBeLessThan(8);
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
