import { describe, expect, it } from 'vitest';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const write = (markdown: string) => toDiscordMarkdown(markdownTree(markdown).children, undefined);

describe('<sup> and <sub> in a message', () => {
  it('GIVEN digits and signs in <sup> or <sub> THEN they are written small, as the page shows them', () => {
    expect(write('E = mc<sup>2</sup> and H<sub>2</sub>O')).toBe('E = mc² and H₂O');
    expect(write('x<SUP>-1</SUP>, 10<sup>(n+1)</sup>')).toBe('x⁻¹, 10⁽ⁿ⁺¹⁾');
    expect(write('**E = mc<sup>2</sup>**')).toBe('**E = mc²**');
  });

  it('GIVEN other text in them, or none THEN the text stays as written, the tags left out as any', () => {
    expect(write('the 4<sup>th</sup> time')).toBe('the 4th time');
    expect(write('a<sup></sup>b')).toBe('ab');
  });

  it('GIVEN a tip holding a power THEN the tip says it', () => {
    const article = mustParse(
      articleSource(validFront(), '## Tips\n\n- **Scale:** growth is n<sup>2</sup> in links.'),
    );
    expect(article.sections.tips?.items[0]?.text).toBe('growth is n² in links.');
  });
});
