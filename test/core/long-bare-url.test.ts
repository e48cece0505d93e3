import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { buildIndex } from '../../src/core/content-index.js';
import { renderSectionView } from '../../src/core/render/section.js';
import { splitText } from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** An address of `length` characters on x.example. */
const address = (length: number) => `https://x.example/${'a'.repeat(length - 18)}`;

/** The embed of the first page of /tips for an article whose Tips section is `body`. */
function tipsEmbed(body: string): APIEmbed {
  const article = mustParse(articleSource(validFront(), `## Tips\n\n${body}`));
  const index = buildIndex([article]).index;
  const payload = renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index);
  expect(messageLimitViolations(payload)).toEqual([]);
  const embed = payload.embeds?.[0];
  if (embed === undefined) throw new Error('no embed');
  return embed;
}

describe('a bare address longer than an embed field', () => {
  const url = address(1500);

  it('GIVEN it as an autolink, a link whose text it is, or plain text THEN its host and …, never split across fields', () => {
    for (const written of [`<${url}>`, `[${url}](${url})`, url]) {
      const embed = tipsEmbed(`- **Read:** Start here. See ${written} for more.`);
      expect(embed.fields).toEqual([{ name: 'Read', value: 'Start here. See x.example/… for more.' }]);
    }
  });

  it('GIVEN it in parentheses THEN they stay around what is shown', () => {
    const embed = tipsEmbed(`- **Read:** The guide (${url}).`);
    expect(embed.fields?.[0]?.value).toBe('The guide (x.example/…).');
  });

  it('GIVEN a long item with it THEN no field holds a piece of it', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const embed = tipsEmbed(`- **Read:** ${words} <${url}> ${words}`);
    const values = (embed.fields ?? []).map((field) => field.value);
    expect(values.length).toBeGreaterThan(1);
    expect(values.filter((value) => value.includes('aaaa'))).toEqual([]);
    expect(values.join(' ')).toContain('word299 x.example/… word0');
  });

  it('GIVEN a link whose text is not its address THEN its text, as before', () => {
    expect(tipsEmbed(`- **Read:** See [the guide](${url}).`).fields?.[0]?.value).toBe('See the guide.');
  });

  it('GIVEN an address that fits a field THEN kept whole, linked, in its field', () => {
    // With the words around it, more than a field holds: the fields are split outside it.
    const fits = address(1015);
    const values = (tipsEmbed(`- **Read:** See <${fits}> now.`).fields ?? []).map((field) => field.value);
    expect(values.filter((value) => value.includes(`<${fits}>`))).toHaveLength(1);
  });

  it('GIVEN one longer than a description in the prose THEN shortened there too', () => {
    const long = address(5000);
    expect(splitText(`Read ${long} first.`, 4096)).toEqual(['Read x.example/… first.']);
    expect(splitText(`Read <${long}> first.`, 4096)).toEqual(['Read x.example/… first.']);
  });
});
