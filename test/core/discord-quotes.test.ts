import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

describe('a quote of several paragraphs, as Discord reads quotes', () => {
  it('GIVEN a blank `>` line between a quote’s paragraphs THEN it is sent as `> `, so the quote goes on (QA 30)', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        [
          '## Tips',
          '',
          '- **Quote the principle:** I keep this one on my desk:',
          '',
          '  > Feedback is a gift.',
          '  >',
          '  > — every manager, ever',
          '',
          '## Motivations',
          '',
          '> One.',
          '>',
          '> > Two, nested.',
          '> >',
          '> > Three.',
        ].join('\n'),
      ),
    );
    expect(article.sections.tips?.items[0]?.text).toBe(
      'I keep this one on my desk:\n\n> Feedback is a gift.\n> \n> — every manager, ever',
    );
    const motivations = article.sections.motivations?.text ?? '';
    // No line is a bare `>`, which Discord would show as text.
    expect(motivations.split('\n').filter((line) => /^[> ]*>$/.test(line))).toEqual([]);
    expect(motivations).toContain('> One.\n> \n');
  });
});
