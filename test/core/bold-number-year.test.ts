import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** The Tips section of a post whose Tips are `body`. */
const tipsSection = (body: string) =>
  mustParse(articleSource(validFront(), `## Tips\n\n${body}`)).sections.tips;

/** Its items as number, name and text. */
const numberedTips = (body: string) =>
  tipsSection(body)?.items.map(({ number, name, text }) => ({ number, name, text }));

describe('a year in bold or in a sub-heading', () => {
  it('GIVEN `**2024.** was a good year` THEN 2024 is no item number: one such paragraph is prose, two are items named by the year', () => {
    expect(tipsSection('**2024.** was a good year.')).toMatchObject({
      items: [],
      text: '**2024.** was a good year.',
    });
    expect(numberedTips('**2024.** was a good year.\n\n**2025.** was better.')).toEqual([
      { number: undefined, name: '2024', text: 'was a good year.' },
      { number: undefined, name: '2025', text: 'was better.' },
    ]);
    // A year alone before `)` does not open an item either.
    expect(tipsSection('**2024)** was a good year.\n\n**2025)** was better.')).toMatchObject({
      items: [],
      text: '**2024)** was a good year.\n\n**2025)** was better.',
    });
  });

  it("GIVEN a four-digit number opening a sub-heading or a list item's bold THEN it stays in the name", () => {
    expect(numberedTips('### 1999. The first site\n\nx\n\n### 3.\n\ny')).toEqual([
      { number: undefined, name: '1999. The first site', text: 'x' },
      { number: 3, name: undefined, text: 'y' },
    ]);
    expect(numberedTips('- **2024.** a good year.\n- **3.** x')).toEqual([
      // A full stop ends a name as it ends a bold paragraph's (`**Ask early.** …`).
      { number: undefined, name: '2024', text: 'a good year.' },
      { number: 3, name: undefined, text: 'x' },
    ]);
  });

  it('GIVEN numbers of up to three digits THEN they number items as before', () => {
    expect(numberedTips('**3.** Ask questions.\n\n**100.** Listen.\n\n**999. Rest.** Sleep.')).toEqual([
      { number: 3, name: undefined, text: 'Ask questions.' },
      { number: 100, name: undefined, text: 'Listen.' },
      { number: 999, name: 'Rest', text: 'Sleep.' },
    ]);
    expect(numberedTips('### 3.\n\nx\n\n### 42. Read widely\n\ny')).toEqual([
      { number: 3, name: undefined, text: 'x' },
      { number: 42, name: 'Read widely', text: 'y' },
    ]);
  });
});
