import { describe, expect, it } from 'vitest';
import { unescapeInline } from '../../src/core/text.js';
import { quote } from '../../src/discord/options.js';

/** What Discord shows of a quote: its text between the marks, escapes read. */
const shown = (quoted: string) => unescapeInline(quoted.slice(1, -1));

describe('quote', () => {
  it('GIVEN runs of 4 or more *, _, ~, | or backticks THEN every mark is escaped, and the text reads back as typed', () => {
    expect(quote('****x****')).toBe('“\\*\\*\\*\\*x\\*\\*\\*\\*”');
    for (const typed of ['****x****', '`````x', '____a____', '~~~~s~~~~', '||||p||||', 'a\\*b', '[x](y)']) {
      // Each mark escaped alone: none is left bare to open a span.
      expect(quote(typed).replace(/\\[\s\S]/g, '')).not.toMatch(/[*_`~|[\]\\]/);
      expect(shown(quote(typed))).toBe(typed);
    }
  });

  it('GIVEN a mention, a long text or several lines THEN one short line that pings nobody', () => {
    expect(quote('@everyone')).toBe('“@\u200beveryone”');
    expect(quote('a\nb')).toBe('“a b”');
    expect(shown(quote('x'.repeat(100)))).toBe(`${'x'.repeat(79)}…`);
  });
});
