import type { APIButtonComponent } from 'discord-api-types/v10';
import { listStamp } from '../../src/core/list-stamp.js';
import { describe, expect, it } from 'vitest';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import { buildIndex, type ContentIndex } from '../../src/core/content-index.js';
import { DISCORD_LIMITS as L } from '../../src/core/limits.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { parseArticlesCustomId, renderArticles } from '../../src/core/render/articles.js';
import { parseSectionCustomId, renderSectionView } from '../../src/core/render/section.js';
import { SLUG_MAX } from '../../src/core/slug.js';
import { tagKey } from '../../src/core/tags.js';
import { codePointLength } from '../../src/core/text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

const BLOG = defaultBlogLinks('https://blog.example');

/** U+FDFA: one character that NFKC makes 18 (15 once the key drops their spaces), the most any character becomes. */
const LIGATURE = '\uFDFA';

/** The longest tag there is (50 characters) with the longest key: 49 ligatures and a letter. */
const spelled = (letter: string): string => LIGATURE.repeat(49) + letter;

/** Seven articles (two pages of /articles) with the tag, spelled `tags[i]` in the i-th. */
function indexOf(tags: readonly string[]): ContentIndex {
  const articles = tags.map((tag, i) =>
    mustParse(
      articleSource(
        validFront({ title: `Article ${i}`, tags: [tag], date: `2024-01-0${i + 1}` }),
        '## Tips\n\n- One.',
      ),
      `content/${i}.md`,
    ),
  );
  return buildIndex(articles).index;
}

function buttonId(payload: MessagePayload, label: string): string | undefined {
  const button = (payload.components ?? [])
    .flatMap((row) => row.components as APIButtonComponent[])
    .find((b) => 'label' in b && b.label.includes(label) && b.disabled !== true);
  return button !== undefined && 'custom_id' in button ? button.custom_id : undefined;
}

describe('/articles buttons for a tag whose key is longer than a custom_id', () => {
  const index = indexOf(Array.from({ length: 7 }, () => spelled('A')));
  const tag = index.tag(spelled('A'));

  it('GIVEN a tag of 50 characters whose key has hundreds THEN the reply fits Discord, its buttons within 100 characters', () => {
    expect(tag?.key).toBe(tagKey(spelled('A')));
    expect(codePointLength(tag?.key ?? '')).toBeGreaterThan(700);
    for (const page of [0, 1]) {
      const payload = renderArticles({ tag, page }, index, BLOG);
      expect(messageLimitViolations(payload), `page ${page + 1}`).toEqual([]);
    }
    for (const { what, violations } of renderedMessages(index, BLOG)) expect(violations, what).toEqual([]);
  });

  it('GIVEN its Next and Previous buttons THEN they page through that tag’s list and back', () => {
    const first = renderArticles({ tag, page: 0 }, index, BLOG);
    const next = buttonId(first, 'Next');
    expect(next).toBeDefined();
    const view = parseArticlesCustomId(next ?? '', index);
    expect(view?.tag).toBe(tag);
    expect(view?.page).toBe(1);
    const second = renderArticles(view ?? { tag, page: 1 }, index, BLOG);
    expect(second.embeds?.[0]?.footer?.text).toBe('Page 2/2 · 7 articles');
    const back = parseArticlesCustomId(buttonId(second, 'Previous') ?? '', index);
    expect(back).toEqual({ tag, page: 0 });
  });

  it('GIVEN the content reloaded, the tag now spelled otherwise by most THEN a button sent before still leads to it', () => {
    const next = buttonId(renderArticles({ tag, page: 0 }, index, BLOG), 'Next') ?? '';
    const reloaded = indexOf([...Array.from({ length: 5 }, () => spelled('a')), spelled('A'), spelled('A')]);
    expect(reloaded.tag(spelled('a'))?.label).toBe(spelled('a'));
    const view = parseArticlesCustomId(next, reloaded);
    expect(view?.tag?.key).toBe(tag?.key);
    expect(view?.tag).toBe(reloaded.tags[0]);
    expect(view?.page).toBe(1);
  });

  it('GIVEN a button sent with the tag’s key THEN it still leads to the tag', () => {
    const short = indexOf(Array.from({ length: 7 }, () => 'Engineering Leadership'));
    const stamp = listStamp(short.tags[0]?.articles ?? []);
    expect(parseArticlesCustomId(`articles:1:${stamp}:engineeringleadership`, short)?.tag).toBe(
      short.tags[0],
    );
  });

  it('GIVEN the longest tag and a page number of 12 digits THEN the custom_id fits', () => {
    // The tag rides in the id as spelled: 50 characters at most, whatever its key.
    const id = buttonId(renderArticles({ tag, page: 0 }, index, BLOG), 'Next') ?? '';
    const longest = id.replace(/^articles:\d+:/, `articles:${'9'.repeat(12)}:`);
    expect(codePointLength(longest)).toBeLessThanOrEqual(L.customId);
  });
});

describe('section buttons (`motivations:all:<slug>:<page>`, the longest kind)', () => {
  /** Two articles with slugs of SLUG_MAX letters (as many code points), and motivations of several pages. */
  const index = buildIndex(
    ['я', 'ж'].map((letter, i) =>
      mustParse(
        articleSource(
          validFront({
            title: `Article ${i}`,
            slug: letter.repeat(SLUG_MAX + 10),
            date: `2024-01-0${i + 1}`,
          }),
          `## Motivations\n\n${Array.from({ length: 12 }, () => 'Why it matters. '.repeat(60)).join('\n\n')}`,
        ),
        `content/${i}.md`,
      ),
    ),
  ).index;

  it('GIVEN the longest slugs THEN every page fits, and an id with a page number of 12 digits would too', () => {
    const [newer, older] = index.withSection('motivations');
    expect(codePointLength(newer?.slug ?? '')).toBe(SLUG_MAX);
    for (const { what, violations } of renderedMessages(index, BLOG)) expect(violations, what).toEqual([]);
    const first = renderSectionView(
      { kind: 'motivations', scope: 'all', article: newer ?? fail(), page: 0 },
      index,
    );
    const next = buttonId(first, 'Next') ?? '';
    expect(parseSectionCustomId('motivations', next, index)?.page).toBe(1);
    expect(codePointLength(`motivations:all:${older?.slug ?? ''}:${'9'.repeat(12)}`)).toBeLessThanOrEqual(
      L.customId,
    );
  });
});

function fail(): never {
  throw new Error('expected an article');
}
