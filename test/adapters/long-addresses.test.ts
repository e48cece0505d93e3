import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';
import { DEFAULT_ARTICLE_URL, unlinkedNotes } from '../../src/core/article-url.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { encodedLength } from '../../src/core/urls.js';
import { articleSource, validFront } from '../helpers/articles.js';

const SITE = 'https://blog.example';
/** QA's address: 247 characters as written, 2,167 once encoded (`記` is `%E8%A8%98`), 2,187 on SITE. */
const QA_PATH = `/blog/${'記事'.repeat(120)}/`;
const BODY = '## Tips\n\n- **Ask early:** a question costs less than a week lost.';

/** Every address a payload carries: embed, author and link button. */
function urlsOf(payload: MessagePayload): string[] {
  const embeds = (payload.embeds ?? []).flatMap((embed) => [embed.url, embed.author?.url]);
  const buttons = (payload.components ?? []).flatMap((row) =>
    row.components.map((component) => ('url' in component ? component.url : undefined)),
  );
  return [...embeds, ...buttons].filter((url) => url !== undefined);
}

let dir: string;
const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
const rel = (name: string) => join(dir, name);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'long-addresses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an address too long for Discord once encoded', () => {
  it('GIVEN the QA post: a url of 240 CJK characters THEN content:check has a problem at its line, and no reply carries it', async () => {
    put('long.md', articleSource(validFront({ url: QA_PATH }), BODY));
    put('short.md', articleSource(validFront({ slug: 'short' }), BODY));
    const { problems, index } = await loadContent(dir, SITE);
    // validFront writes title, tags, layout and summary first: url is on line 6.
    expect(problems).toEqual([
      {
        file: rel('long.md'),
        line: 6,
        field: 'url',
        message: 'the address is 2187 characters once encoded; Discord takes at most 512: shorten it',
      },
    ]);
    expect(index.articles.map((article) => article.slug)).toEqual(['short']);
    for (const { what, payload, violations } of renderedMessages(index, defaultBlogLinks(SITE))) {
      expect(violations, what).toEqual([]);
      expect(urlsOf(payload).join(' '), what).not.toContain('%E8%A8%98');
    }
  });

  it('GIVEN it as a permalink, and without SITE_URL THEN the path alone is measured, at the permalink line', async () => {
    put('long.md', articleSource(validFront({ permalink: QA_PATH }), BODY));
    const { problems, index } = await loadContent(dir, undefined);
    expect(problems).toEqual([
      {
        file: rel('long.md'),
        line: 6,
        field: 'permalink',
        message:
          'its path alone (SITE_URL goes before it) is 2167 characters once encoded; Discord takes at most 512: shorten it',
      },
    ]);
    expect(index.articles).toEqual([]);
  });

  it('GIVEN a written address that fits once encoded THEN the post is linked everywhere (so the check above can pass)', async () => {
    // 6 + 50 × 9 + 1 characters of path after the site's 20: 477.
    put('fits.md', articleSource(validFront({ url: `/blog/${'記'.repeat(50)}/` }), BODY));
    const { problems, index } = await loadContent(dir, SITE);
    expect(problems).toEqual([]);
    const tip = [...renderedMessages(index, defaultBlogLinks(SITE))].find(({ what }) =>
      what.includes(' /tip '),
    );
    const url = index.articles[0]?.url ?? '';
    expect(encodedLength(url)).toBe(477);
    expect(tip?.payload && urlsOf(tip.payload)).toEqual([url, url, url]);
  });

  it('GIVEN a slug ARTICLE_URL makes an address too long of THEN the post is valid and shown unlinked, and content:check lists it with what to do', async () => {
    put('made.md', articleSource(validFront({ slug: '記事'.repeat(60) }), BODY));
    put('short.md', articleSource(validFront({ slug: 'short' }), BODY));
    const { problems, index } = await loadContent(dir, SITE);
    expect(problems).toEqual([]);
    expect(index.articles.map((article) => article.slug).sort()).toHaveLength(2);
    const rendered = [...renderedMessages(index, defaultBlogLinks(SITE))];
    const made = rendered.filter(({ what }) => what.startsWith(rel('made.md')));
    // Its /tips page (both scopes) and its tip: each goes out, unlinked.
    expect(made).toHaveLength(3);
    for (const { what, payload, violations } of made) {
      expect(violations, what).toEqual([]);
      expect(urlsOf(payload), what).toEqual([]);
    }
    // The other keeps its link: only the long one is left out.
    const short = rendered.find(({ what }) => what.startsWith(`${rel('short.md')} /tip `));
    expect(short?.payload && urlsOf(short.payload)).toEqual(Array(3).fill(`${SITE}/blog/short`));
    const length = 'https://blog.example/blog/'.length + 120 * 9;
    expect(unlinkedNotes(index.articles, DEFAULT_ARTICLE_URL, SITE)).toEqual([
      `1 article(s) without an address, not linked: ARTICLE_URL /blog/:slug makes each one over 512 characters once encoded, more than Discord takes for a link (shorten what fills :slug, where a letter of another script takes up to 9, or give each a shorter url):`,
      `  ${rel('made.md')} (${length} characters)`,
    ]);
  });
});

describe('the limit check', () => {
  it('GIVEN embed, author, footer icon and image urls over 2,048 characters, and a link button over 512 THEN names each', () => {
    const long = `${SITE}/${'a'.repeat(2048)}`;
    const payload: MessagePayload = {
      embeds: [
        {
          title: 'T',
          url: long,
          author: { name: 'A', url: long },
          footer: { text: 'F', icon_url: long },
          image: { url: long },
          thumbnail: { url: `${SITE}/ok.png` },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Link,
              label: 'Read',
              url: `${SITE}/${'記'.repeat(60)}`,
            },
          ],
        },
      ],
    };
    expect(messageLimitViolations(payload)).toEqual([
      'embed 0 url has 2069 > 2048 characters once encoded',
      'embed 0 author url has 2069 > 2048 characters once encoded',
      'embed 0 footer icon_url has 2069 > 2048 characters once encoded',
      'embed 0 image url has 2069 > 2048 characters once encoded',
      'button url has 561 > 512 characters once encoded',
    ]);
  });
});
