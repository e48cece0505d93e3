import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/article.js';
import { printable } from '../../src/core/printable.js';

describe('printable', () => {
  it('GIVEN controls and direction overrides THEN each is written as JavaScript writes it; tabs and other text stay', () => {
    expect(printable('a\nb\rc\u001b[2Jd\u0000\u007f')).toBe('a\\nb\\rc\\u001b[2Jd\\u0000\\u007f');
    expect(printable('exe.\u202egpj \u2066x\u2069 \u200f')).toBe('exe.\\u202egpj \\u2066x\\u2069 \\u200f');
    expect(printable('\ttab, ünïcödé, 寻找导师, 🚀')).toBe('\ttab, ünïcödé, 寻找导师, 🚀');
    // Written once: what it gives is printable already.
    expect(printable(printable('a\nb'))).toBe('a\\nb');
  });

  it('GIVEN a problem in a file named with a newline THEN its line is one line', () => {
    expect(formatProblem({ file: 'content/bad\nname.md', line: 3, field: 'tags', message: 'x' })).toBe(
      'content/bad\\nname.md:3: tags: x',
    );
  });
});
