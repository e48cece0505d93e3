import { describe, expect, it } from 'vitest';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { buildIndex } from '../../src/core/content-index.js';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderedMessages } from '../../src/core/render/all.js';
import {
  codePointLength,
  escapeInline,
  truncateInline,
  truncateMarkdown,
  unescapeInline,
} from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const written = (source: string) => toDiscordMarkdown(markdownTree(source).children, undefined);

/** Discord markup not escaped: a spoiler mark, a mention, an emoji, a command or a timestamp. */
const LIVE_MARKUP = /(?<!\\)\|\||(?<!\\)<(?:@|#\d|a?:\w+:\d|\/\w+:\d|t:\d)/;

/** Every text of a message Discord reads Markdown in, code spans left out. */
function textsOf(payload: MessagePayload): string[] {
  const texts = [payload.content ?? ''];
  for (const embed of payload.embeds ?? []) {
    texts.push(embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts.map((text) => text.replace(/`[^`]*`/g, ''));
}

describe("Discord's own markup written in an article", () => {
  it('GIVEN spoiler marks, mentions, emoji, commands and timestamps in text THEN escaped, shown as the blog shows them', () => {
    expect(written('cmd1 || cmd2 || cmd3')).toBe('cmd1 \\|\\| cmd2 \\|\\| cmd3');
    expect(written('Ask <@123456789012345678> or <@!1> in <#123456789012345678>, <@&123>.')).toBe(
      'Ask \\<@123456789012345678> or \\<@!1> in \\<#123456789012345678>, \\<@&123>.',
    );
    expect(written('<:party:123> <a:x:123> </cmd:123> </schedule set:1> <t:1700000000:R> <t:1>')).toBe(
      '\\<:party:123> \\<a:x:123> \\</cmd:123> \\</schedule set:1> \\<t:1700000000:R> \\<t:1>',
    );
    expect(written('**a || b** and *<@1>*')).toBe('**a \\|\\| b** and *\\<@1>*');
    expect(written('a|||b, x | y, a<b, <3, a \\|| b')).toBe('a\\|\\|\\|b, x | y, a\\<b, <3, a \\|\\| b');
  });

  it('GIVEN the markup in code, or in an address THEN as written: Discord shows it so', () => {
    expect(written('`a || b <@1>` then\n\n```\n<:x:1> || y\n```')).toBe(
      '`a || b <@1>` then\n\n```\n<:x:1> || y\n```',
    );
    expect(written('[a](https://x.example/?q=a||b)')).toBe('[a](https://x.example/?q=a%7C%7Cb)');
    expect(written('<https://x.example/a>')).toBe('<https://x.example/a>');
  });

  it('GIVEN a title or name THEN its markup escaped, counted in its length, undone as written', () => {
    expect(escapeInline('Ask <@123> ||now|| <:party:1>')).toBe('Ask \\<@123> \\|\\|now\\|\\| \\<:party:1>');
    expect(unescapeInline(escapeInline('a\\<@1> <@2> ||x|| <b>'))).toBe('a\\<@1> <@2> ||x|| <b>');
    const cut = truncateInline('<@123> '.repeat(20), 30);
    expect(codePointLength(cut)).toBeLessThanOrEqual(30);
    expect(cut).toMatch(/^(?:\\<@123> )+\\<@123>…$/);
  });

  it('GIVEN a summary cut where its spans lose their markup THEN the escapes stay', () => {
    const source = written(`**Ask <@123> || ${'word '.repeat(80).trim()}**`);
    const cut = truncateMarkdown(source, 60);
    expect(cut.startsWith('Ask \\<@123> \\|\\| word')).toBe(true);
    expect(codePointLength(cut)).toBeLessThanOrEqual(60);
  });

  it('GIVEN articles full of the markup THEN every reply shows it escaped and fits every Discord limit', () => {
    const markup = '<@123456789012345678> || <:party:123456789012345678> || ';
    const tips = Array.from(
      { length: 8 },
      (_, i) => `- **Tip ${i} ${markup.repeat(3)}:** ${markup.repeat(40)}`,
    );
    const articles = [0, 1].map((i) =>
      mustParse(
        articleSource(
          validFront({
            slug: `a-${i}`,
            title: markup.repeat(8).slice(0, 190),
            summary: markup.repeat(9).slice(0, 490),
            tags: ['markup'],
          }),
          `## Skills\n\n${markup.repeat(120)}\n\n## Tips\n\n${tips.join('\n')}`,
        ),
        `content/${i}.md`,
      ),
    );
    const index = buildIndex(articles).index;
    let count = 0;
    for (const { what, payload, violations } of renderedMessages(
      index,
      defaultBlogLinks('https://blog.example'),
    )) {
      expect(violations, what).toEqual([]);
      for (const text of textsOf(payload)) expect(text, what).not.toMatch(LIVE_MARKUP);
      count++;
    }
    expect(count).toBeGreaterThan(4);
  });
});
