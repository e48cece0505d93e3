import { describe, expect, it } from 'vitest';
import { linkLabel } from '../../src/core/markdown.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

describe('a link’s label, where Discord shows a backslash as written', () => {
  it('GIVEN links in a tip whose labels hold Markdown characters THEN the labels are sent unescaped (QA 30)', () => {
    const article = mustParse(
      articleSource(
        validFront(),
        [
          '## Tips',
          '',
          '- **Read more:** See [SBI (model)](https://en.wikipedia.org/wiki/SBI), [snake_case *tips*](https://x.example/a)',
          '  and [the \\[Updated\\] guide](https://x.example/b).',
        ].join('\n'),
      ),
    );
    const text = article.sections.tips?.items[0]?.text ?? '';
    expect(text).toContain('[SBI (model)](https://en.wikipedia.org/wiki/SBI)');
    expect(text).toContain('[snake_case *tips*](https://x.example/a)');
    expect(text).toContain('[the [Updated] guide](https://x.example/b)');
    expect(text).not.toMatch(/\[[^\]]*\\/);
  });

  it('GIVEN brackets without their pair, and Discord’s own markup THEN look-alikes and a zero-width space keep the link one link and the markup text', () => {
    expect(linkLabel('a [b] c')).toBe('a [b] c');
    expect(linkLabel('x] [y [z')).toBe('x］ ［y ［z');
    expect(linkLabel('||spoiler|| <@123456789012345678> <t:1700000000:R>')).toBe(
      '|\u200B|spoiler|\u200B| <\u200B@123456789012345678> <\u200Bt:1700000000:R>',
    );
  });
});
