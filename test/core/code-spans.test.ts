import { describe, expect, it } from 'vitest';
import { withoutCodeSpans } from '../../src/core/outside-code.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

describe('code spans left out of a line before its marks are counted', () => {
  it('GIVEN runs of backticks THEN each pairs with the next run of its length, as CommonMark reads them', () => {
    expect(withoutCodeSpans('a `**` b')).toBe('a  b');
    expect(withoutCodeSpans('a ``x ` *y*`` b')).toBe('a  b');
    // A run with no partner of its length is text, and the runs after it still pair.
    expect(withoutCodeSpans('a ``` *b* `c` d')).toBe('a ``` *b*  d');
    expect(withoutCodeSpans('``a`b`` `c` ``')).toBe('  ``');
    expect(withoutCodeSpans('no code')).toBe('no code');
  });

  it('GIVEN a run of backticks a megabyte long, or a megabyte of lone backticks THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => `a *${'`'.repeat(size)}x`,
      (size: number) => `a *${'`a'.repeat(size / 2)}`,
      (size: number) => `${'`'.repeat(size / 2)}*${'``'.repeat(size / 4)}`,
    ];
    for (const input of inputs) expect(growth(withoutCodeSpans, input)).toBeLessThan(LINEAR);
  });

  it('GIVEN a tip whose marks are inside code spans THEN they are not counted, and the tip reads', () => {
    const item = `- Use \`${'*'.repeat(200)}\` and \`\`${'[_'.repeat(100)}\`\` here`;
    expect(mustParse(articleSource(validFront(), `## Tips\n\n${item}`)).sections.tips?.items).toHaveLength(1);
  });
});
