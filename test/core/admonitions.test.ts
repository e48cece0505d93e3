import { describe, expect, it } from 'vitest';
import { stripAdmonitions } from '../../src/core/admonitions.js';
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
});
