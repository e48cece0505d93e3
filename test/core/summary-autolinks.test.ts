import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** The summary /articles shows, and the Motivations section's text, of a post whose both are `text`. */
function shown(field: string, text: string): { summary: string; section: string } {
  const front = Object.fromEntries(Object.entries(validFront()).filter(([key]) => key !== 'summary'));
  const source = articleSource({ ...front, [field]: text }, `## Motivations\n\n${text}`);
  const article = mustParse(source);
  return { summary: article.summary, section: article.sections.motivations?.text ?? '' };
}

describe('an autolink in a summary', () => {
  it('GIVEN a mailto: or email autolink THEN the address alone, as a section shows it', () => {
    for (const field of ['summary', 'description', 'excerpt']) {
      expect(shown(field, 'Write to <mailto:me@example.com> today.')).toEqual({
        summary: 'Write to me@example.com today.',
        section: 'Write to me@example.com today.',
      });
      expect(shown(field, 'Write to <me@example.com> today.').summary).toBe('Write to me@example.com today.');
    }
  });

  it('GIVEN a web autolink THEN a link, as in a section, not its escaped brackets', () => {
    const { summary, section } = shown('summary', 'Read <https://x.example/a> first.');
    expect(summary).toBe('Read <https://x.example/a> first.');
    expect(summary).toBe(section);
  });

  it('GIVEN a link whose address is in brackets (with a space) THEN the link, as in a section (README audit)', () => {
    const { summary, section } = shown(
      'summary',
      'A [you](<https://example.org/ab>) and [me](<https://example.org/a b>).',
    );
    expect(summary).toBe('A [you](https://example.org/ab) and [me](https://example.org/a%20b).');
    expect(summary).toBe(section);
    // Not a link's address: escaped as before.
    expect(shown('summary', 'See (<b>) and [x] (<c>).').summary).toBe('See (\\<b>) and \\[x] (\\<c>).');
  });

  it('GIVEN a `<` that opens no autolink, or one in code THEN shown as written, as before', () => {
    expect(shown('summary', 'If a <b and <x:y z> then').summary).toBe('If a \\<b and \\<x:y z> then');
    expect(shown('summary', 'Type `<me@example.com>` here.').summary).toBe('Type `<me@example.com>` here.');
    // Escaped by the author: shown as written.
    expect(shown('summary', 'Not \\<me@example.com> a link.').summary).toBe('Not \\<me@example.com> a link.');
  });
});
