import { describe, expect, it } from 'vitest';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { buildIndex } from '../../src/core/content-index.js';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { markdownTree } from '../../src/core/markdown-tree.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { codePointLength, truncateMarkdown } from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const ZWSP = '\u200b';

/** Discord's code block (simple-markdown's rule): ``` only, ending at the first ``` inside. */
const DISCORD_CODE_BLOCK = /```(?:([a-z0-9_+\-.#]+?)\n)?\n*([^\n][^]*?)\n*```/iy;

/** The code blocks Discord reads in a message: language and code, each from a ``` to the first ``` after it. */
function discordCodeBlocks(message: string): { lang?: string; code: string; end: number }[] {
  const blocks: { lang?: string; code: string; end: number }[] = [];
  for (let at = message.indexOf('```'); at >= 0; at = message.indexOf('```', at)) {
    DISCORD_CODE_BLOCK.lastIndex = at;
    const found = DISCORD_CODE_BLOCK.exec(message);
    if (found === null) throw new Error(`a \`\`\` Discord shows as text at ${at}: ${message}`);
    at = DISCORD_CODE_BLOCK.lastIndex;
    blocks.push({ ...(found[1] === undefined ? {} : { lang: found[1] }), code: found[2] ?? '', end: at });
  }
  return blocks;
}

const written = (source: string) => toDiscordMarkdown(markdownTree(source).children, undefined);

/** The Skills section's text of an article with `body` as that section. */
function skillsText(body: string): string {
  return mustParse(articleSource(validFront(), `## Skills\n\n${body}`)).sections.skills?.text ?? '';
}

const TUTORIAL = '````md\nWrite code so:\n\n```js\nlet x = 1;\n```\n````';

describe('a code block whose code holds a run of backticks', () => {
  it('GIVEN a ```` fence around a ``` fence THEN one ``` block that Discord reads whole, the inner fences broken by a zero-width space', () => {
    const text = skillsText(TUTORIAL);
    expect(text).toBe(`\`\`\`md\nWrite code so:\n\n\`\`${ZWSP}\`js\nlet x = 1;\n\`\`${ZWSP}\`\n\`\`\``);
    const blocks = discordCodeBlocks(text);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.end).toBe(text.length);
    expect(blocks[0]?.lang).toBe('md');
    expect(blocks[0]?.code.replaceAll(ZWSP, '')).toBe('Write code so:\n\n```js\nlet x = 1;\n```');
  });

  it('GIVEN a ~~~ fence holding ``` lines, or runs of four and five THEN a ``` fence, every run broken after each second backtick', () => {
    expect(skillsText('~~~\n```\ncode\n```\n~~~')).toBe(`\`\`\`\n\`\`${ZWSP}\`\ncode\n\`\`${ZWSP}\`\n\`\`\``);
    const runs = skillsText('~~~~\na ```` b ````` c\n~~~~');
    expect(runs).toBe(`\`\`\`\na \`\`${ZWSP}\`\` b \`\`${ZWSP}\`\`${ZWSP}\` c\n\`\`\``);
    expect(discordCodeBlocks(runs).map((block) => block.end)).toEqual([runs.length]);
  });

  it('GIVEN code with one or two backticks, or ending in one THEN as written: Discord reads it whole', () => {
    for (const code of ['a `` b', 'say `hi`', 'ends with`', 'ends with``', '``']) {
      const text = skillsText(`\`\`\`\n${code}\n\`\`\``);
      expect(text).toBe(`\`\`\`\n${code}\n\`\`\``);
      expect(discordCodeBlocks(text)).toEqual([{ code, end: text.length }]);
    }
  });

  it('GIVEN an info string Discord does not read as a language THEN only the language, or nothing, stays', () => {
    expect(skillsText('```js title="x.js"\nlet a;\n```')).toBe('```js\nlet a;\n```');
    expect(skillsText('```c++\nint a;\n```')).toBe('```c++\nint a;\n```');
    expect(skillsText('```c#\nvar a;\n```')).toBe('```c#\nvar a;\n```');
    // Lines to highlight (`js{1,3}`) or pandoc's `{.python}` would show as the code's first line:
    // the language they start with stays.
    expect(skillsText('```js{1,3}\nlet a;\n```')).toBe('```js\nlet a;\n```');
    expect(skillsText('```{.python}\nx = 1\n```')).toBe('```python\nx = 1\n```');
    expect(skillsText('```{#id}\nx = 1\n```')).toBe('```\nx = 1\n```');
  });

  it('GIVEN a code block without code THEN it is left out: Discord would show its fences as text', () => {
    expect(skillsText('Before.\n\n```js\n```\n\nAfter.')).toBe('Before.\n\nAfter.');
    expect(skillsText('Before.\n\n~~~\n   \n~~~\n\nAfter.')).toBe('Before.\n\nAfter.');
  });

  it('GIVEN code spans holding backticks THEN fenced with a run the code has not, never ```: Discord reads them so', () => {
    expect(skillsText('Use ``a`b`` and `` ``` `` here.')).toBe('Use ``a`b`` and ` ``` ` here.');
    // Single backticks and pairs both: a ``` fence would be a code block to Discord.
    const both = skillsText('Use ```a`b``c``` here.');
    expect(both).toBe(`Use \`\`a\`b\`${ZWSP}\`c\`\` here.`);
    expect(discordCodeBlocks(both)).toEqual([]);
  });

  it('GIVEN a long code block of ``` lines THEN every page of every reply closes each block where the code ends', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `step ${i}: \`\`\` then \`\` and \`\`\`\``);
    const article = mustParse(
      articleSource(
        validFront(),
        `## Skills\n\nBefore.\n\n\`\`\`\`md\n${lines.join('\n')}\n\`\`\`\`\n\nAfter.`,
      ),
    );
    const index = buildIndex([article]).index;
    const shown: string[] = [];
    for (const { what, payload, violations } of renderedMessages(
      index,
      defaultBlogLinks('https://blog.example'),
    )) {
      expect(violations, what).toEqual([]);
      // Each page once (shown alike in both scopes).
      if (!what.includes('/skills') || !what.endsWith('(one)')) continue;
      for (const text of textsOf(payload)) {
        for (const block of discordCodeBlocks(text)) {
          // Each ends at a fence line of its own, not at a run inside the code.
          expect(text.slice(block.end - 4, block.end + 1), what).toMatch(/^\n```(?:\n|$)/);
          shown.push(...block.code.replaceAll(ZWSP, '').split('\n'));
        }
      }
    }
    expect(shown).toEqual(lines);
  });

  it('GIVEN a long code block cut short THEN the cut closes it after the ellipsis, within the limit', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} \`\`\` x`);
    const text = skillsText(`Intro.\n\n\`\`\`\`\n${lines.join('\n')}\n\`\`\`\``);
    for (const max of [40, 41, 42, 43, 44, 45, 60, 500]) {
      const cut = truncateMarkdown(text, max);
      expect(codePointLength(cut)).toBeLessThanOrEqual(max);
      expect(cut).toMatch(/^Intro\.\n\n```\n[^]*…\n```$/);
      const blocks = discordCodeBlocks(cut);
      expect(blocks.map((block) => block.end)).toEqual([cut.length]);
      // Lines kept whole or cut, never a zero-width space cut from its backticks into a run.
      const kept = (blocks[0]?.code ?? '').replace(/…$/, '').split('\n');
      kept.forEach((line, i) => expect(lines[i]?.startsWith(line.replaceAll(ZWSP, ''))).toBe(true));
      expect(kept.join('\n')).not.toMatch(/```/);
    }
    // Cut on the fence's own line, the code is left out rather than opened.
    expect(truncateMarkdown(text, 14)).toBe('Intro.…');
  });

  it('GIVEN a code block in a list item or quote cut short THEN closed inside it', () => {
    const code = '``` more code\n'.repeat(20);
    const item = written(`Intro:\n\n- One\n\n  ~~~\n${code.replace(/^/gm, '  ')}  ~~~`);
    const cutItem = truncateMarkdown(item, 60);
    expect(cutItem).toMatch(/^Intro:\n\n- One\n\n {2}```\n {2}``\u200b` more [^]*…\n {2}```$/);
    expect(discordCodeBlocks(cutItem).map((block) => block.end)).toEqual([cutItem.length]);
    const quote = written(`> ~~~\n${code.replace(/^/gm, '> ')}> ~~~`);
    const cutQuote = truncateMarkdown(quote, 60);
    expect(cutQuote).toMatch(/^> ```\n> ``\u200b` more [^]*…\n> ```$/);
    expect(discordCodeBlocks(cutQuote).map((block) => block.end)).toEqual([cutQuote.length]);
  });
});

/** Every text of a message Discord reads Markdown in. */
function textsOf(payload: MessagePayload): string[] {
  const texts = [payload.content ?? ''];
  for (const embed of payload.embeds ?? []) {
    texts.push(embed.description ?? '');
    for (const field of embed.fields ?? []) texts.push(field.value);
  }
  return texts;
}
