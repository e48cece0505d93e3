import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** The Motivations section's text of an article with `body` as that section. */
function motivationsText(body: string): string {
  return mustParse(articleSource(validFront(), `## Motivations\n\n${body}`)).sections.motivations?.text ?? '';
}

describe('a mailto: link, which Discord does not link', () => {
  it('GIVEN a mailto: link THEN its text and, after it, the address to write to', () => {
    expect(motivationsText('Questions? [Write to me](mailto:me@example.com).')).toBe(
      'Questions? Write to me (me@example.com).',
    );
    // The query (a subject) is no address; an encoded one is decoded.
    expect(
      motivationsText(
        '[Ask](mailto:ana%40example.com?subject=Hi%20there) or **[Bo](MAILTO:bo@example.com)**',
      ),
    ).toBe('Ask (ana@example.com) or **Bo (bo@example.com)**');
  });

  it('GIVEN a link whose text is its address, or no text THEN the address once', () => {
    expect(motivationsText('Mail [me@example.com](mailto:me@example.com) or <you@example.com>.')).toBe(
      'Mail me@example.com or you@example.com.',
    );
    expect(motivationsText('Mail [Me@Example.com](mailto:me@example.com) or <mailto:you@example.com>.')).toBe(
      'Mail Me@Example.com or you@example.com.',
    );
    expect(motivationsText('Mail [](mailto:me@example.com) today.')).toBe('Mail me@example.com today.');
  });

  it('GIVEN an address holding Discord markup or underscores THEN escaped as other text', () => {
    expect(motivationsText('[Mail](mailto:a||b@example.com) or [this](mailto:<@123>@example.com)')).toBe(
      'Mail (a\\|\\|b@example.com) or this (\\<@123>@example.com)',
    );
    expect(motivationsText('[Mail](mailto:__init__@example.com)')).toBe(
      'Mail (\\_\\_init\\_\\_@example.com)',
    );
  });

  it('GIVEN a link of another scheme, or a mailto: without an address THEN only its text, as before', () => {
    expect(
      motivationsText('[Call](tel:+123456) or [chat](irc://irc.example/x) or [mail](mailto:?subject=x).'),
    ).toBe('Call or chat or mail.');
  });
});
