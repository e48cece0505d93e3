import { describe, expect, it } from 'vitest';
import { longNameNotes } from '../../src/core/render/section.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

describe('content:check notes on item names longer than Discord shows', () => {
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

  it('GIVEN an item named past a field name THEN one note at its line names the file, the section and what to do', () => {
    const body = `## Tips\n\n- **Short:** fits.\n- **${long}:** text.\n\n## Skills\n\n### ${long}\n\nText.`;
    const article = mustParse(articleSource(validFront(), body));
    expect(longNameNotes(article)).toEqual([
      `content/a.md:11: tips: the item's name (${long.length} characters) is longer than /tips shows as a name (244, its number and Markdown escapes counted): shown cut, the rest opening its text; shorten the name to show it whole`,
      `content/a.md:15: skills: the item's name (${long.length} characters) is longer than /skills shows as a name (244, its number and Markdown escapes counted): shown cut, the rest opening its text; shorten the name to show it whole`,
    ]);
  });

  it('GIVEN names that fit, however many escapes or a number they add THEN no note; past it with them THEN a note', () => {
    const fits = 'x'.repeat(242);
    const article = (name: string) => mustParse(articleSource(validFront(), `## Tips\n\n${name}`));
    expect(longNameNotes(article(`- **${fits}:** text.`))).toEqual([]);
    // `3. ` before it passes the room; so do escapes (`\|` for each `|`): 180 characters shown as 270.
    expect(longNameNotes(article(`3. **${fits}:** text.`))).toHaveLength(1);
    expect(longNameNotes(article(`- **${'a|'.repeat(90)}:** text.`))).toHaveLength(1);
  });
});
