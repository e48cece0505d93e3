import { describe, expect, it } from 'vitest';
import { parseHtmlBody } from '../../src/core/html-body.js';

const divides = (comment: string): boolean => comment === '<!--more-->';

describe('parseHtmlBody', () => {
  it('GIVEN HTML with comments THEN its nodes on their lines, a divider kept between its parts, other comments left out', () => {
    const parsed = parseHtmlBody(
      '<!-- wp:x -->\n<p>One\n  *two*</p>\n<!--more-->\n\n<h2>Tips</h2>\n<ul>\n\n    <li>a</li>\n</ul>\n',
      { divides },
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const shape = parsed.root.children.map((node) => [node.type, node.position?.start.line]);
    expect(shape).toEqual([
      ['paragraph', 2],
      ['html', 4],
      ['heading', 6],
      ['list', 7],
    ]);
    const list = parsed.root.children[3];
    expect(list?.type === 'list' ? list.children[0]?.position?.start.line : undefined).toBe(9);
  });

  it('GIVEN a divider inside a paragraph, or thousands of them THEN the text is split there, quickly', () => {
    const parsed = parseHtmlBody('<p>Lead <!--more--> rest.</p>', { divides });
    // The parser closes the paragraph the divider splits; what follows it is read on its own.
    expect(parsed.ok && parsed.root.children.slice(0, 2).map((node) => node.type)).toEqual([
      'paragraph',
      'html',
    ]);
    const many = parseHtmlBody('<p>x</p><!--more-->\n'.repeat(20_000), { divides });
    // Past the blocks one post may have read so: said, not an empty post.
    expect(many).toMatchObject({ ok: false, line: 513 });
  });

  it('GIVEN only a script, or nothing THEN no problem and no text; a declaration is left out', () => {
    expect(parseHtmlBody('<script>x()</script>\n', { divides })).toMatchObject({ ok: true });
    expect(parseHtmlBody('', { divides })).toEqual({ ok: true, root: { type: 'root', children: [] } });
    const declared = parseHtmlBody('<!DOCTYPE html>\n<p>x</p>', { divides });
    expect(
      declared.ok && declared.root.children.map((node) => [node.type, node.position?.start.line]),
    ).toEqual([['paragraph', 2]]);
  });
});
