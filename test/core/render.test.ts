import type { APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { listStamp } from '../../src/core/list-stamp.js';
import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../../src/core/article.js';
import { choiceLimitViolations, messageLimitViolations } from '../../src/core/check-limits.js';
import { articleChoices, tagChoices, titleChoices } from '../../src/core/choices.js';
import { buildIndex, type ContentIndex } from '../../src/core/content-index.js';
import { navigationRow } from '../../src/core/navigation.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { parseArticlesCustomId, renderArticles } from '../../src/core/render/articles.js';
import { parseSectionCustomId, renderSectionView } from '../../src/core/render/section.js';
import { renderTip } from '../../src/core/render/tip.js';
import { articleSource, mustParse, validFront, words } from '../helpers/articles.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';

const BLOG = defaultBlogLinks('https://blog.example');

/** Deterministic filler prose: words of varied length, sentences, and some emoji. */
function prose(words: number, seed = 1): string {
  const vocabulary = [
    'lead',
    'engineering',
    'team',
    'feedback',
    'trust',
    'a',
    'mentor',
    'growth',
    '🚀',
    'responsibility',
    'ship',
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(vocabulary[(i * 7 + seed) % vocabulary.length] ?? 'x');
    if (i % 13 === 12) out.push(`${out.pop() ?? ''}.`);
  }
  return out.join(' ');
}

const LONG_SLUG = 'a'.repeat(30) + '-' + 'b'.repeat(33);

function longIndex(): ContentIndex {
  const tips = Array.from(
    { length: 60 },
    (_, i) => `- **Tip number ${i} ${'with a long name '.repeat(8)}:** ${prose(260, i)}`,
  ).join('\n');
  const body = `## Motivations\n\n${[1, 2, 3, 4].map((n) => prose(700, n)).join('\n\n')}\n\n## Skills\n\n- ${prose(2500)}\n\n## Tips\n\n${prose(120)}\n\n${tips}`;
  const articles = Array.from({ length: 23 }, (_, i) =>
    mustParse(
      articleSource(
        validFront({
          slug: i === 0 ? LONG_SLUG : `article-${i}`,
          title: `${'🚀'.repeat(10)} ${'Very long title '.repeat(12)} ${i}`.slice(0, 200),
          summary: prose(80, i).slice(0, 500),
          tags: ['engineering leadership', `tag ${'x'.repeat(40)}`],
          url: `/blog/${'segment/'.repeat(50)}${i}`,
          date: `2024-01-${String(i + 1).padStart(2, '0')}`,
        }),
        body,
      ),
      `content/${i}.md`,
    ),
  );
  return buildIndex(articles).index;
}

function fieldsOf(payload: MessagePayload): NonNullable<APIEmbed['fields']> {
  return payload.embeds?.[0]?.fields ?? [];
}

function buttonIds(payload: MessagePayload): { previous?: string; next?: string } {
  const ids: { previous?: string; next?: string } = {};
  for (const row of payload.components ?? []) {
    for (const c of row.components as readonly APIButtonComponent[]) {
      if ('custom_id' in c && c.disabled !== true) {
        if (c.label?.startsWith('Next') === true) ids.next = c.custom_id;
        if (c.label?.startsWith('◀') === true) ids.previous = c.custom_id;
      }
    }
  }
  return ids;
}

describe('rendering long content', () => {
  const index = longIndex();

  it('GIVEN the limit checker THEN it finds what Discord would reject (so the checks below can fail)', () => {
    const tooLong = {
      embeds: [
        {
          title: 'x'.repeat(257),
          description: 'y'.repeat(4097),
          fields: [{ name: '', value: 'z'.repeat(1025) }],
        },
      ],
    };
    expect(messageLimitViolations(tooLong).length).toBeGreaterThanOrEqual(4);
    expect(
      choiceLimitViolations(Array.from({ length: 26 }, () => ({ name: 'n'.repeat(101), value: 'v' }))).length,
    ).toBe(27);
  });

  it('GIVEN 23 long articles THEN every page of every reply the bot can give fits every Discord limit', () => {
    let count = 0;
    for (const { what, violations } of renderedMessages(index, BLOG)) {
      expect(violations, what).toEqual([]);
      count++;
    }
    expect(count).toBeGreaterThan(23 * 3);
  });

  it.each(['tips', 'skills', 'motivations'] as SectionKind[])(
    'GIVEN a long %s section THEN paging with Next shows every word of it once, in order, never cut mid-word',
    (kind) => {
      const article = index.articles[0];
      if (article === undefined) throw new Error('no article');
      const section = article.sections[kind];
      if (section === undefined) throw new Error('no section');
      let payload = renderSectionView({ kind, scope: 'one', article, page: 0 }, index);
      const seen: string[] = [];
      for (let guard = 0; guard < 100; guard++) {
        expect(messageLimitViolations(payload)).toEqual([]);
        const embed = payload.embeds?.[0];
        if (embed?.description !== undefined) seen.push(embed.description);
        for (const field of fieldsOf(payload)) seen.push(field.value);
        const next = buttonIds(payload).next;
        if (next === undefined) break;
        const view = parseSectionCustomId(kind, next, index);
        if (view === undefined) throw new Error(`next button ${next} did not parse`);
        payload = renderSectionView(view, index);
      }
      const expected = [section.text, ...section.items.map((item) => item.text)]
        .join(' ')
        .split(/\s+/)
        .filter(Boolean);
      expect(seen.join(' ').split(/\s+/)).toEqual(expected);
    },
  );

  it('GIVEN paging through all articles THEN Next then Previous come back to the start, and ids fit 100 characters', () => {
    const first = index.withSection('tips')[0];
    if (first === undefined) throw new Error('no article');
    let payload = renderSectionView({ kind: 'tips', scope: 'all', article: first, page: 0 }, index);
    const trail: string[] = [];
    for (let step = 0; step < 5; step++) {
      const next = buttonIds(payload).next;
      if (next === undefined) throw new Error('ended early');
      expect(next.length).toBeLessThanOrEqual(100);
      trail.push(next);
      const view = parseSectionCustomId('tips', next, index);
      if (view === undefined) throw new Error('bad id');
      payload = renderSectionView(view, index);
    }
    for (let step = 0; step < 5; step++) {
      const previous = buttonIds(payload).previous;
      if (previous === undefined) throw new Error('no previous');
      const view = parseSectionCustomId('tips', previous, index);
      if (view === undefined) throw new Error('bad id');
      payload = renderSectionView(view, index);
    }
    expect(payload.embeds?.[0]?.footer?.text).toMatch(/^Article 1 of 23 · page 1\//);
    expect(buttonIds(payload).previous).toBeUndefined();
  });

  it('GIVEN an id for a page or article that no longer exists THEN it does not parse (the button has expired)', () => {
    expect(parseSectionCustomId('tips', 'tips:all:gone:0', index)).toBeUndefined();
    expect(parseSectionCustomId('tips', `tips:all:${LONG_SLUG}:999`, index)).toBeUndefined();
    expect(parseSectionCustomId('tips', 'skills:all:article-1:0', index)).toBeUndefined();
    expect(parseArticlesCustomId('articles:0:nosuchtag', index)).toBeUndefined();
    expect(parseArticlesCustomId(`articles:99:${listStamp(index.articles)}:`, index)).toBeUndefined();
    expect(parseArticlesCustomId(`articles:1:${listStamp(index.articles)}:`, index)?.page).toBe(1);
    // Sent before an article was added or removed (another list now), or before ids had a stamp.
    expect(parseArticlesCustomId(`articles:1:${listStamp(index.articles.slice(1))}:`, index)).toBeUndefined();
    expect(parseArticlesCustomId('articles:1:', index)).toBeUndefined();
  });

  it('GIVEN 23 articles with a tag THEN the list pages through all of them, newest first, with the tag page link', () => {
    const tag = index.tag('Engineering-Leadership');
    let payload = renderArticles({ tag, page: 0 }, index, BLOG);
    expect(payload.embeds?.[0]?.url).toBe('https://blog.example/blog?tag=engineering%20leadership');
    const listed: string[] = [];
    for (let guard = 0; guard < 50; guard++) {
      expect(messageLimitViolations(payload)).toEqual([]);
      listed.push(
        ...(payload.embeds?.[0]?.description?.match(/\(https:\/\/blog\.example\/blog\/[^)]*\)/g) ?? []),
      );
      const next = buttonIds(payload).next;
      if (next === undefined) break;
      const view = parseArticlesCustomId(next, index);
      if (view === undefined) throw new Error('bad id');
      payload = renderArticles(view, index, BLOG);
    }
    expect(listed).toHaveLength(23);
    expect(listed[0]).toMatch(/\/22\)$/);
  });

  it('GIVEN a title with Markdown characters and an address with parentheses THEN the link stays one link, its label unescaped (Discord shows a backslash there as written)', () => {
    const listed = (title: string): string => {
      const article = mustParse(
        articleSource(validFront({ title, url: '/blog/lead_(role)' }), '## Tips\n\n- x'),
      );
      const payload = renderArticles({ tag: undefined, page: 0 }, buildIndex([article]).index, BLOG);
      return payload.embeds?.[0]?.description?.split('\n')[0] ?? '';
    };
    const url = 'https://blog.example/blog/lead_%28role%29';
    // A `*` is its look-alike: a `**` in the label would close the bold around the link.
    expect(listed('Leads [and] *managers*')).toBe(`**[Leads [and] ∗managers∗](${url})**`);
    expect(listed('Snake_case Feedback: the [Updated] Guide')).toBe(
      `**[Snake_case Feedback: the [Updated] Guide](${url})**`,
    );
    // A bracket without its pair would end the label or keep the link from forming.
    expect(listed('A] b [c [d] e [f')).toBe(`**[A］ b ［c [d] e ［f](${url})**`);
    // Discord's own markup shows as text, as elsewhere (where it is escaped).
    expect(listed('Hide ||this|| from <@123456789012345678>')).toBe(
      `**[Hide |\u200B|this|\u200B| from <\u200B@123456789012345678>](${url})**`,
    );
  });

  it("GIVEN a tag only categories name, on Hugo's tag pages THEN its list's button opens the blog, and says so; a tag's says see them", () => {
    const links = { siteUrl: 'https://blog.example', blog: '/posts/', tag: '/tags/:tagslug/' };
    const { index } = buildIndex([
      mustParse(articleSource(validFront({ tags: ['go'], categories: ['career'] }), '## Tips\n\n- x')),
    ]);
    const button = (key: string) =>
      (renderArticles({ tag: index.tag(key), page: 0 }, index, links).components?.[0]?.components ?? []).find(
        (component) => 'url' in component,
      );
    expect(button('career')).toMatchObject({ label: 'Open the blog', url: 'https://blog.example/posts/' });
    expect(button('go')).toMatchObject({
      label: 'See them on the blog',
      url: 'https://blog.example/tags/go/',
    });
  });

  it('GIVEN a tip of 20,000 characters THEN the reply fits and points to the article for the rest', () => {
    const article = mustParse(
      articleSource(validFront(), `## Tips\n\n- **Huge:** ${prose(3500)}`),
      'content/huge.md',
      'https://blog.example',
    );
    const { index: one } = buildIndex([article]);
    const tip = one.items('tips')[0];
    if (tip === undefined) throw new Error('no tip');
    const payload = renderTip(tip);
    expect(messageLimitViolations(payload)).toEqual([]);
    expect(fieldsOf(payload).at(-1)?.value).toMatch(/Read on in the article/);
  });

  it('GIVEN items with links, bold and code past a field THEN every field and page has whole Markdown and fits', () => {
    const words = (n: number) =>
      Array.from({ length: n }, (_, i) => ['lead', 'team', 'trust'][i % 3]).join(' ');
    const code = Array.from({ length: 80 }, (_, i) => `    print("line ${i} of the program")`).join('\n');
    const body = [
      '## Tips',
      '',
      `- **Linked:** ${words(180)} [a link with many words inside it](https://example.com/x) and **bold** ${words(40)}`,
      `- **Coded:** Run this:`,
      '',
      '  ```python',
      code.replace(/^/gm, '  '),
      '  ```',
    ].join('\n');
    const summary = `${words(85)} [a link with several words inside](https://example.com/s) and **bold text** after.`;
    const article = mustParse(
      articleSource(validFront({ summary }), body),
      'content/spans.md',
      'https://blog.example',
    );
    expect(article.summary).toMatch(/^lead team trust[a-z ]*…$/);
    const { index: one } = buildIndex([article]);
    const section = article.sections.tips;
    if (section === undefined) throw new Error('no tips');
    const shown: string[] = [];
    for (let page = 0; page < 10; page++) {
      const view = parseSectionCustomId('tips', `tips:one:${article.slug}:${page}`, one);
      if (view === undefined) break;
      const payload = renderSectionView(view, one);
      expect(messageLimitViolations(payload)).toEqual([]);
      shown.push(...fieldsOf(payload).map((field) => field.value));
    }
    for (const tip of one.items('tips')) {
      const payload = renderTip(tip);
      expect(messageLimitViolations(payload)).toEqual([]);
      shown.push(payload.embeds?.[0]?.description ?? '', ...fieldsOf(payload).map((field) => field.value));
    }
    expect(shown.length).toBeGreaterThan(4);
    for (const value of shown) {
      expect(value.split('**').length % 2, value).toBe(1);
      expect(value.split('[').length, value).toBe(value.split('](').length);
      const fences = value.match(/^```/gm) ?? [];
      expect(fences.length % 2, value).toBe(0);
      if (value.includes('print(')) expect(value).toMatch(/(^|\n)```python\n[^`]*\n```$/);
    }
    expect(
      shown.some((value) => value.includes('[a link with many words inside it](https://example.com/x)')),
    ).toBe(true);
  });

  it('GIVEN autocomplete over long titles and tags THEN at most 25 choices with names of at most 100 characters', () => {
    expect(choiceLimitViolations(articleChoices(index.articles, ''))).toEqual([]);
    expect(articleChoices(index.articles, '').length).toBe(23);
    expect(choiceLimitViolations(tagChoices(index.tags, ''))).toEqual([]);
    expect(articleChoices(index.articles, 'article-7').map((c) => c.value)).toEqual(['article-7']);
  });

  it('GIVEN typed text THEN titles and slugs containing it from a word start match, starting titles first; never from within a word', () => {
    const titled = (title: string, slug: string) =>
      mustParse(articleSource(validFront({ title, slug }), '## Tips\n\n- x'));
    const articles = [
      titled('A Indented in Tab', 'tab-indented'),
      titled('B Indented', 'b-indented'),
      titled('Leading Engineering Teams', 'leading'),
      titled('Engineering Leadership', 'eng-lead'),
    ];
    const values = (typed: string) => articleChoices(articles, typed).map((choice) => choice.value);
    expect(values('B Indented')).toEqual(['b-indented']);
    expect(values('indented')).toEqual(['tab-indented', 'b-indented']);
    // The words as written first; then a title whose words they start in another order.
    expect(values('engineering-lead')).toEqual(['eng-lead', 'leading']);
    expect(values('ENGINEERING')).toEqual(['eng-lead', 'leading']);
    expect(values('i-')).toEqual(['tab-indented', 'b-indented']);
    expect(values('ndented')).toEqual([]);
    const punctuated = [titled('Why (not) Node.js?', 'why')];
    expect(articleChoices(punctuated, 'node js').map((choice) => choice.value)).toEqual(['why']);
    expect(articleChoices(punctuated, 'not').map((choice) => choice.value)).toEqual(['why']);
  });
});

describe('numbered items', () => {
  it('GIVEN ordered tips from 3, with one left out, and numbered sub-headings THEN fields keep the numbers the article shows; a lone tip is its name', () => {
    const body = [
      '## Tips',
      '',
      '3. **Ask:** for feedback.',
      '4. <Video id="x" />',
      '5. Listen first.',
      '',
      '### 6. Read widely',
      '',
      'Books and blogs.',
      '',
      '### 7. Be patient',
    ].join('\n');
    const article = mustParse(articleSource(validFront(), body), 'content/numbered.mdx');
    const { index } = buildIndex([article]);
    const fields = fieldsOf(renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index));
    expect(fields.map((field) => [field.name, field.value])).toEqual([
      ['3. Ask', 'for feedback.'],
      ['Tip 5', 'Listen first.'],
      ['6. Read widely', 'Books and blogs.'],
      ['Tip 7', 'Be patient'],
    ]);
    // Alone, the number of a list it is not shown in would be a stray `3.`: a named tip is its name.
    const shown = index.items('tips').map((tip) => {
      const embed = renderTip(tip).embeds?.[0];
      return [embed?.title, embed?.description];
    });
    expect(shown).toEqual([
      ['Ask', 'for feedback.'],
      ['Tip 5', 'Listen first.'],
      ['Read widely', 'Books and blogs.'],
      ['Tip 7', 'Be patient'],
    ]);
  });
});

describe('numbers written in bold', () => {
  it('GIVEN tips as paragraphs opening with `**3.**` and `**4. Name.**` THEN /tips and /tip show the number once, not as a name', () => {
    const body = '## Tips\n\n**3.** Do the thing.\n\n**4. Ask questions.** Then listen.';
    const article = mustParse(articleSource(validFront(), body));
    const { index } = buildIndex([article]);
    const fields = fieldsOf(renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index));
    expect(fields.map((field) => [field.name, field.value])).toEqual([
      ['Tip 3', 'Do the thing.'],
      ['4. Ask questions', 'Then listen.'],
    ]);
    expect(index.items('tips').map((tip) => renderTip(tip).embeds?.[0]?.title)).toEqual([
      'Tip 3',
      'Ask questions',
    ]);
  });
});

describe('item names longer than Discord shows', () => {
  // Numbered words, to see each once and in order; escaped in the Markdown, `*args*` is the name's own.
  const name = (count: number) =>
    `\\*args\\* ${Array.from({ length: count }, (_, i) => `word${i}`).join(' ')} and \\*kwargs\\*`;
  const plain = (count: number) => name(count).replace(/\\\\/g, '');

  it('GIVEN a name past a field name THEN /tips cuts it at a word and opens the text with the rest, in bold, every word once, within every limit', () => {
    const body = `## Tips\n\n3. **${name(60)}:** The text.\n4. **${name(300)}:** ${'More text. '.repeat(90)}`;
    const article = mustParse(articleSource(validFront(), body));
    const { index } = buildIndex([article]);
    for (const { what, violations } of renderedMessages(index, BLOG)) expect(violations, what).toEqual([]);
    const fields = fieldsOf(renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index));
    const [first] = fields;
    expect(first?.name).toMatch(/^3\. \\\*args\\\* word0 word1 .* word\d+…$/);
    expect(first?.name.length).toBeLessThanOrEqual(256 - ' (continued)'.length);
    expect(first?.value).toMatch(/^\*\*…word\d+ .* word59 and \\\*kwargs\\\*\*\*\nThe text\.$/);
    expect(words(`${first?.name ?? ''} ${first?.value ?? ''}`)).toEqual(words(`3. ${plain(60)} The text.`));
    // A rest longer than a field's value goes on in the next fields, as a long text does.
    expect(fields.map((field) => field.name.endsWith('(continued)'))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    const shown = fields.slice(1).map((field) => field.value);
    expect(words(`${fields[1]?.name ?? ''} ${shown.join(' ')}`)).toEqual(
      words(`4. ${plain(300)} ${'More text. '.repeat(90)}`),
    );
  });

  it('GIVEN a name past an embed title THEN /tip cuts it and opens its description with the rest', () => {
    const article = mustParse(articleSource(validFront(), `## Tips\n\n- **${name(60)}:** The text.`));
    const [tip] = buildIndex([article]).index.items('tips');
    const embed = tip === undefined ? undefined : renderTip(tip).embeds?.[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.title).toMatch(/…$/);
    expect(embed?.description).toMatch(/^\*\*….* and \\\*kwargs\\\*\*\*\nThe text\.$/);
    expect(words(`${embed?.title ?? ''} ${embed?.description ?? ''}`)).toEqual(
      words(`${plain(60)} The text.`),
    );
  });

  it('GIVEN a name that fits THEN the text is as written, with nothing before it', () => {
    const article = mustParse(articleSource(validFront(), `## Tips\n\n3. **${name(20)}:** The text.`));
    const { index } = buildIndex([article]);
    const [field] = fieldsOf(renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index));
    expect(field?.value).toBe('The text.');
  });
});

describe('numbered and unnumbered items together', () => {
  it('GIVEN a list numbered 3 and 5 and then unnumbered items THEN an unnamed item takes the next number after the highest shown, in /tips and /tip alike', () => {
    const body = [
      '## Tips',
      '',
      '3. **Start at three:** the third.',
      '4. <div class="spacer"></div>',
      '5. Keep going.',
      '',
      '## Tips',
      '',
      '- **Second list:** continues.',
      '- Unnamed after them.',
      '- **Bold name:** named.',
      '- Unnamed again.',
    ].join('\n');
    const article = mustParse(articleSource(validFront(), body));
    const { index } = buildIndex([article]);
    const fields = fieldsOf(renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index));
    expect(fields.map((field) => field.name)).toEqual([
      '3. Start at three',
      'Tip 5',
      'Second list',
      'Tip 7',
      'Bold name',
      'Tip 9',
    ]);
    expect(index.items('tips').map((tip) => renderTip(tip).embeds?.[0]?.title)).toEqual([
      'Start at three',
      'Tip 5',
      'Second list',
      'Tip 7',
      'Bold name',
      'Tip 9',
    ]);
  });
});

describe('Markdown as Discord reads it', () => {
  it("GIVEN strikethrough opening an item, a named item's text or a lead-in THEN it is sent as written, not as `\\~~`", () => {
    const body = [
      '## Tips',
      '',
      '~~Lead-in struck~~ then text.',
      '',
      '- **A:** ~~old~~ new.',
      '- ~~struck first~~ unnamed item.',
      '- **D:** ~~~ three tildes.',
      '- **H:** # not a heading.',
      // After a hard break, a line of its own in the message; a soft one would be a space.
      '- **S:** text\\',
      '  -# small text line',
    ].join('\n');
    const article = mustParse(articleSource(validFront(), body));
    const { index } = buildIndex([article]);
    const payload = renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index);
    expect(payload.embeds?.[0]?.description).toBe('~~Lead-in struck~~ then text.');
    expect(fieldsOf(payload).map((field) => field.value)).toEqual([
      '~~old~~ new.',
      '~~struck first~~ unnamed item.',
      // Without a pair, escaped one by one: after `\~`, `~~` would strike on to the next `~~`.
      '\\~\\~\\~ three tildes.',
      '\\# not a heading.',
      'text\n\\-# small text line',
    ]);
    const tips = index.items('tips').map((tip) => renderTip(tip).embeds?.[0]?.description);
    expect(tips[1]).toBe('~~struck first~~ unnamed item.');
  });

  it('GIVEN a summary with a heading, subtext, quote and list lines THEN /articles shows them as text under the title', () => {
    const summary = '# Big heading in summary\n-# small\n> quote\n- list\n1. step with **bold**';
    const article = mustParse(articleSource(validFront({ summary }), '## Tips\n\n- **Ask:** questions.'));
    const payload = renderArticles({ tag: undefined, page: 0 }, buildIndex([article]).index, BLOG);
    expect(payload.embeds?.[0]?.description).toBe(
      '**[An article](https://blog.example/blog/a)**\n' +
        '\\# Big heading in summary\n\\-# small\n\\> quote\n\\- list\n1\\. step with **bold**',
    );
  });

  it('GIVEN no summary and a list before <!-- truncate --> THEN /articles shows its paragraphs and items as lines of text', () => {
    const front = validFront();
    delete front.summary;
    const body =
      'New features:\n\n- `objectWrap`\n- TS config\n\n1. One\n\nSee each section.\n\n<!-- truncate -->\n\n## Tips\n\n- x';
    const payload = renderArticles(
      { tag: undefined, page: 0 },
      buildIndex([mustParse(articleSource(front, body))]).index,
      BLOG,
    );
    expect(payload.embeds?.[0]?.description).toBe(
      '**[An article](https://blog.example/blog/a)**\n' +
        'New features:\n\\- `objectWrap`\n\\- TS config\n1\\. One\nSee each section.',
    );
  });

  it('GIVEN a post without summary or text paragraph THEN its entry is the title line alone, with no empty line under it', () => {
    const front = validFront({ title: 'Bare', date: '2024-01-02' });
    delete front.summary;
    const bare = mustParse(articleSource(front, '## Tips\n\n- **Ask:** questions.'), 'content/bare.md');
    const other = mustParse(
      articleSource(
        validFront({ slug: 'other', url: '/blog/other', date: '2024-01-01' }),
        '## Tips\n\n- Listen.',
      ),
      'content/other.md',
    );
    expect(bare.summary).toBe('');
    const payload = renderArticles({ tag: undefined, page: 0 }, buildIndex([bare, other]).index, BLOG);
    expect(payload.embeds?.[0]?.description).toBe(
      '**[Bare](https://blog.example/blog/bare)** · 2024-01-02\n\n' +
        '**[An article](https://blog.example/blog/other)** · 2024-01-01\nWhat it says.',
    );
  });
});

describe('author text in embed titles and field names, which Discord reads as Markdown', () => {
  const title = 'Why __init__ matters: *args*, ~~x~~ and `code`';
  const shown = 'Why \\_\\_init\\_\\_ matters: \\*args\\*, \\~\\~x\\~\\~ and \\`code\\`';
  // The names escaped in the Markdown are plain text in the article, as its title is.
  const body =
    '## Tips\n\n- **\\_\\_init\\_\\_ first:** set fields.\n- **Use \\*args\\* wisely:** sparingly.';

  it('GIVEN such a title and item names THEN /tips escapes them in the title and the field names', () => {
    const article = mustParse(articleSource(validFront({ title }), body));
    expect(article.sections.tips?.items.map((item) => item.name)).toEqual([
      '__init__ first',
      'Use *args* wisely',
    ]);
    const { index } = buildIndex([article]);
    const embed = renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index).embeds?.[0];
    expect(embed?.title).toBe(`Tips · ${shown}`);
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      '\\_\\_init\\_\\_ first',
      'Use \\*args\\* wisely',
    ]);
  });

  it('GIVEN such a tip THEN /tip escapes its name in the title, and the author line, which Discord shows as written, keeps the title as is', () => {
    const article = mustParse(articleSource(validFront({ title }), body));
    const [tip] = buildIndex([article]).index.items('tips');
    const embed = tip === undefined ? undefined : renderTip(tip).embeds?.[0];
    expect(embed?.title).toBe('\\_\\_init\\_\\_ first');
    expect(embed?.author?.name).toBe(`From “${title}”`);
  });

  it('GIVEN a tag with Markdown marks THEN /articles escapes it in the title', () => {
    const article = mustParse(articleSource(validFront({ title, tags: ['__init__'] }), body));
    const index = buildIndex([article]).index;
    const payload = renderArticles({ tag: index.tag('__init__'), page: 0 }, index, BLOG);
    expect(payload.embeds?.[0]?.title).toBe('Articles tagged “\\_\\_init\\_\\_”');
  });

  it('GIVEN a 200-character title that escaped passes 256 THEN the section title is cut at a word within 256, its escapes whole', () => {
    const long = `${'__init__ '.repeat(21)}${'x'.repeat(11)}`;
    expect(long).toHaveLength(200);
    const article = mustParse(articleSource(validFront({ title: long }), body));
    const { index } = buildIndex([article]);
    const embedTitle =
      renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index).embeds?.[0]?.title ?? '';
    expect(embedTitle.length).toBeLessThanOrEqual(256);
    // `Tips · ` then 19 words (13 code points each, escaped) fit before the ellipsis; a 20th would not.
    expect(embedTitle).toBe(`Tips · ${'\\_\\_init\\_\\_ '.repeat(18)}\\_\\_init\\_\\_…`);
  });
});

describe('plain text cut to a limit', () => {
  // Longer than a choice's name and a button's label; read as Markdown, `_…_` is emphasis past either limit.
  const title =
    '_Private fields, `Array<T>` and *Map<K, V>* in __init__.py: why the 2x speed-up of snake_case names breaks in Python_ 3';
  const kept =
    '_Private fields, `Array<T>` and *Map<K, V>* in __init__.py: why the 2x speed-up of snake_case';

  it('GIVEN a title with *, _, backticks and <T> THEN the choice name and value keep every character', () => {
    const article = mustParse(articleSource(validFront({ title }), 'Body.'));
    expect(article.title).toBe(title);
    const [choice] = articleChoices([article], '');
    expect(choice?.name).toBe(`${kept}…`);
    const [search] = titleChoices([article], 100);
    expect(search).toEqual({ name: `${kept}…`, value: `${kept}…` });
  });

  it('GIVEN such a title as a button label THEN the label keeps every character', () => {
    const [row] = navigationRow('x', undefined, { label: title, url: 'https://blog.example/a' });
    const [button] = (row?.components ?? []) as APIButtonComponent[];
    expect(button !== undefined && 'label' in button ? button.label : undefined).toBe(
      '_Private fields, `Array<T>` and *Map<K, V>* in __init__.py: why the 2x…',
    );
  });
});

describe('titles and item names without spaces cut to a limit', () => {
  it('GIVEN a long Chinese title, a long item name in Chinese and one of emoji sequences THEN /tips cuts each inside its text, keeping every emoji whole', () => {
    const heading = 'Practical advice for engineers who are becoming leaders';
    const coder = '👩\u200D💻';
    const body = `## ${heading}\n\n3. **${'长'.repeat(250)}:** y\n4. **x${coder.repeat(100)}:** z`;
    const article = mustParse(
      articleSource(validFront({ title: '学习'.repeat(100), sections: { tips: heading } }), body),
    );
    const { index } = buildIndex([article]);
    const embed = renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index).embeds?.[0];
    // Cut at their last space, they were `Practical … leaders ·…`, `3.…` and `4.…`.
    expect(embed?.title).toBe(`${heading} · ${'学习'.repeat(98)}学…`);
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      `3. ${'长'.repeat(240)}…`,
      `4. x${coder.repeat(79)}…`,
    ]);
  });
});

describe('addresses in payloads, which Discord takes as RFC 3986 URIs', () => {
  /** ASCII, and only what a URI may hold: `format: "uri"` in Discord's spec. */
  const URI_CHARS = /^https:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

  it('GIVEN a url with other scripts and a `|` THEN the tip and tips messages link to it percent-encoded', () => {
    const url = 'https://example.com/blog/émigré/寻找导师|x';
    const article = mustParse(articleSource(validFront({ url }), '## Tips\n\n- **Ask:** for help.'));
    const { index } = buildIndex([article]);
    const [tip] = index.items('tips');
    const payloads = [
      ...(tip === undefined ? [] : [renderTip(tip)]),
      renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index),
    ];
    const encoded = 'https://example.com/blog/%C3%A9migr%C3%A9/%E5%AF%BB%E6%89%BE%E5%AF%BC%E5%B8%88%7Cx';
    for (const payload of payloads) {
      const embed = payload.embeds?.[0];
      const buttons = (payload.components ?? []).flatMap((row) => row.components as APIButtonComponent[]);
      const urls = [embed?.url, embed?.author?.url, ...buttons.map((b) => ('url' in b ? b.url : undefined))];
      const sent = urls.filter((sentUrl) => sentUrl !== undefined);
      expect(sent.length).toBeGreaterThan(0);
      for (const sentUrl of sent) {
        expect(sentUrl).toBe(encoded);
        expect(sentUrl).toMatch(URI_CHARS);
      }
      expect(messageLimitViolations(payload)).toEqual([]);
    }
  });
});

describe('GitHub alerts and task lists in rendered messages', () => {
  const body = [
    '> [!IMPORTANT]',
    '> Read this first.',
    '',
    '## Tips',
    '',
    '> [!TIP]',
    '> Pick one.',
    '',
    '- [ ] **Ask:** for feedback early.',
    '',
    '  > [!WARNING] Mind the gap',
    `  > ${prose(200)}`,
    '- [x] Find a mentor.',
    '',
    '```md',
    '> [!NOTE]',
    '- [ ] as written',
    '```',
  ].join('\n');
  const front = validFront();
  delete front.summary;
  const article = mustParse(articleSource(front, body));
  const { index } = buildIndex([article]);

  it('GIVEN alerts and task items THEN the tip, the tips and the articles show titles and boxes, no marker, within the limits', () => {
    const tips = index.items('tips');
    const payloads = [
      ...tips.map((tip) => renderTip(tip)),
      renderSectionView({ kind: 'tips', scope: 'one', article, page: 0 }, index),
      renderArticles({ tag: undefined, page: 0 }, index, BLOG),
    ];
    // Outside the code block, which shows its lines as written.
    const shown = JSON.stringify(payloads).replace(/```md.*?```/g, '');
    expect(JSON.stringify(payloads)).toContain('```md');
    expect(shown).not.toMatch(/\[!|\\\\\[/);
    for (const payload of payloads) expect(messageLimitViolations(payload)).toEqual([]);
    expect(article.summary).toBe('Read this first.');
    const [ask, mentor] = article.sections.tips?.items ?? [];
    expect(ask?.name).toBe('⬜ Ask');
    expect(ask?.text).toMatch(/^for feedback early\.\n\n\*\*Mind the gap\*\*\n(?!>)/);
    expect(mentor?.text).toBe('✅ Find a mentor.');
    // In code, as written.
    expect(article.sections.tips?.text).toBe('**Tip**\nPick one.');
    expect(article.sections.tips?.interludes?.map(({ text }) => text)).toEqual([
      '```md\n> [!NOTE]\n- [ ] as written\n```',
    ]);
  });
});

describe('prose between and after the items of a section', () => {
  const body = [
    '## Skills',
    '',
    'Both roles need different things.',
    '',
    'Staff engineers need:',
    '',
    '- **Depth:** know the systems.',
    '- **Reach:** work across teams.',
    '',
    'Managers need:',
    '',
    '- **Care:** know the people.',
    '',
    'See also my post on one-on-ones.',
  ].join('\n');
  const article = mustParse(articleSource(validFront(), body));
  const { index } = buildIndex([article]);

  it('GIVEN prose between lists and after the last item THEN each shows where it is written, in a field without a name', () => {
    const skills = article.sections.skills;
    expect(skills?.text).toBe('Both roles need different things.\n\nStaff engineers need:');
    expect(skills?.interludes).toEqual([
      { after: 1, text: 'Managers need:' },
      { after: 2, text: 'See also my post on one-on-ones.' },
    ]);
    const payload = renderSectionView({ kind: 'skills', scope: 'one', article, page: 0 }, index);
    expect(payload.embeds?.[0]?.description).toBe(
      'Both roles need different things.\n\nStaff engineers need:',
    );
    expect(fieldsOf(payload).map(({ name, value }) => [name, value])).toEqual([
      ['Depth', 'know the systems.'],
      ['Reach', 'work across teams.'],
      ['\u200b', 'Managers need:'],
      ['Care', 'know the people.'],
      ['\u200b', 'See also my post on one-on-ones.'],
    ]);
    expect(messageLimitViolations(payload)).toEqual([]);
  });

  it('GIVEN prose leading into a list that starts on the next page THEN the prose goes to that page with it', () => {
    const many = [
      '## Skills',
      '',
      ...Array.from({ length: 24 }, (_, i) => `- **Skill ${i + 1}:** practise it.`),
      '',
      'Managers need:',
      '',
      '- **Care:** know the people.',
    ].join('\n');
    const paged = mustParse(articleSource(validFront(), many));
    const built = buildIndex([paged]).index;
    const page = (n: number) =>
      fieldsOf(renderSectionView({ kind: 'skills', scope: 'one', article: paged, page: n }, built)).map(
        ({ name }) => name,
      );
    expect(page(0)).toHaveLength(24);
    expect(page(0).at(-1)).toBe('Skill 24');
    expect(page(1)).toEqual(['\u200b', 'Care']);
  });

  it('GIVEN one of those items alone (/tip) THEN the prose around it is no part of it', () => {
    const shown = index.items('skills').map((ref) => JSON.stringify(renderTip(ref)));
    expect(shown.map((tip) => /know the systems|work across teams|know the people/.exec(tip)?.[0])).toEqual([
      'know the systems',
      'work across teams',
      'know the people',
    ]);
    for (const tip of shown) expect(tip).not.toMatch(/Managers need|See also/);
  });
});
