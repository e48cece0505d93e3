import { describe, expect, it } from 'vitest';
import { openMarkdownBlocks } from '../../src/core/markdown-blocks.js';
import { parseArticle } from '../../src/core/parse-article.js';

const notice = [
  'Intro.',
  '',
  '<div class="notice--info" markdown="1">',
  '## Tips',
  '',
  '- **Ask:** first.',
  '<DIV>',
  'inner',
  '</DIV>',
  '</div>',
  '',
  '```html',
  '<div markdown="1">',
  '</div>',
  '```',
].join('\n');

describe('kramdown\'s markdown="1" HTML blocks', () => {
  it('GIVEN a block tag saying markdown="1" (or block) alone on its line THEN its line and its closing tag\'s are blank; nested ones of its name and code are kept', () => {
    expect(openMarkdownBlocks(notice).split('\n')).toEqual([
      'Intro.',
      '',
      '',
      '## Tips',
      '',
      '- **Ask:** first.',
      '<DIV>',
      'inner',
      '</DIV>',
      '',
      '',
      '```html',
      '<div markdown="1">',
      '</div>',
      '```',
    ]);
    expect(openMarkdownBlocks("<section markdown='block'>\nx\n</section>")).toBe('\nx\n');
    // Another value, or the tag with text on its line: as written.
    for (const text of [
      '<div markdown="0">\nx\n</div>',
      '<div markdown="1">x</div>',
      '<div data-markdown="1">\nx\n</div>',
    ])
      expect(openMarkdownBlocks(text)).toBe(text);
  });

  it('GIVEN a Jekyll post with such a notice around its tips THEN they are its tips, at their lines; elsewhere the block stays HTML, as CommonMark reads it', () => {
    const source = `---\ntitle: T\nsummary: S\n---\n${notice}\n`;
    const tips = (file: string) => {
      const result = parseArticle({ file, contentPath: file, source, siteUrl: 'https://blog.example' });
      return result.ok ? result.article.sections.tips?.items : result.problems;
    };
    expect(tips('_posts/2024-01-05-x.md')).toEqual([{ name: 'Ask', text: 'first.', line: 10 }]);
    expect(tips('posts/x.md')).toBeUndefined();
  });
});
