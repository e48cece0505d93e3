import { describe, expect, it } from 'vitest';
import { buildIndex, publishedIndex } from '../../src/core/content-index.js';
import { splitPublished } from '../../src/core/publication.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { searchableIndex, stored } from '../helpers/search.js';

const make = (
  slug: string,
  extra: Record<string, unknown> = {},
  body = '## Tips\n\n- **A:** one\n- **B:** two',
) =>
  mustParse(
    articleSource(validFront({ slug, title: `Title ${slug}`, ...extra }), body),
    `content/${slug}.md`,
  );

describe('buildIndex', () => {
  it('GIVEN dated and undated articles THEN lists them newest first, undated last', () => {
    const { index } = buildIndex([
      make('old', { date: '2020-01-01' }),
      make('none'),
      make('new', { date: '2024-01-01' }),
    ]);
    expect(index.articles.map((a) => a.slug)).toEqual(['new', 'old', 'none']);
  });

  it('GIVEN two posts of one day with their times (Jekyll, Hugo) THEN the later comes first, whatever their titles', () => {
    const at = (slug: string, instant: string) => ({
      ...make(slug, { date: '2016-05-18' }),
      publishes: instant,
    });
    const { index } = buildIndex([
      at('a-morning', '2016-05-18T17:50:37.000Z'),
      at('b-evening', '2016-05-19T04:35:27.000Z'),
      make('c-untimed', { date: '2016-05-18' }),
    ]);
    expect(index.articles.map((a) => a.slug)).toEqual(['b-evening', 'a-morning', 'c-untimed']);
  });

  it('GIVEN two files with one slug THEN keeps the first and reports the second with both paths', () => {
    const first = make('same', { url: '/blog/same' });
    const second = mustParse(
      articleSource(validFront({ slug: 'same', url: '/blog/same' }), '## Tips\n\n- x'),
      'content/z/other.md',
    );
    const { index, problems } = buildIndex([first, second]);
    expect(index.articles).toEqual([first]);
    // Line 6, its slug field: title, tags, layout and summary come first.
    expect(problems).toEqual([
      {
        file: 'content/z/other.md',
        line: 6,
        field: 'slug',
        message:
          '"same" is already used by content/same.md, at the same address (https://blog.example/blog/same): give this post a slug of its own',
      },
    ]);
  });

  it('GIVEN two long slugs alike in their first 64 characters THEN both are articles, the second keyed apart, by file name or slug field', () => {
    const long = 'what-i-learned-in-ten-years-of-engineering-leadership-a-long-series-part';
    const named = (file: string, extra: Record<string, unknown> = {}) =>
      mustParse(articleSource(validFront({ date: '2024-01-03', ...extra }), '## Tips\n\n- x'), file);
    for (const [one, two] of [
      [named(`content/${long}-one.md`), named(`content/${long}-two.md`)],
      [named('content/a.md', { slug: `${long}-one` }), named('content/b.md', { slug: `${long}-two` })],
    ] as const) {
      expect(one.slug).toBe(two.slug);
      const { index, problems } = buildIndex([one, two]);
      expect(problems).toEqual([]);
      // The second's key is made from the first's with its day, cut to fit.
      const rows = index.articles
        .map((a) => [a.file, a.slug, a.url])
        .sort(([a = ''], [b = '']) => a.localeCompare(b));
      expect(rows).toEqual([
        [one.file, one.slug, `https://blog.example/blog/${long}-one`],
        [
          two.file,
          'what-i-learned-in-ten-years-of-engineering-leadership-2024-01-03',
          `https://blog.example/blog/${long}-two`,
        ],
      ]);
    }
    // The same long slug on one day is one page still.
    const again = named('content/c.md', { slug: `${long}-one` });
    expect(buildIndex([named('content/a.md', { slug: `${long}-one` }), again]).problems).toHaveLength(1);
  });

  it('GIVEN a later file whose name makes a slug another has THEN it is reported at line 1, naming the file that keeps it', () => {
    const first = make('same', { url: '/blog/same' });
    const second = mustParse(
      articleSource(validFront({ url: '/blog/same' }), '## Tips\n\n- x'),
      'content/z/same.md',
    );
    expect(buildIndex([first, second]).problems).toEqual([
      {
        file: 'content/z/same.md',
        line: 1,
        field: 'slug',
        message:
          '"same" is already used by content/same.md, at the same address (https://blog.example/blog/same): give this post a slug of its own',
      },
    ]);
  });

  it('GIVEN two posts of different slugs at one address THEN the later is reported where its address comes from', () => {
    const first = make('first', { url: '/blog/one/' });
    // Its own `url` (or `permalink`, as written): reported at that line, line 6.
    const own = mustParse(
      articleSource(validFront({ Permalink: '/blog/one/' }), '## Tips\n\n- x'),
      'content/own.md',
    );
    // Hugo's `:slug` (the slug, else the title) gives both one address: reported at the slug, which
    // the file's name made.
    const titled = (file: string) =>
      parseArticle({
        file,
        source: articleSource(validFront({ title: 'Same title' }), '## Tips\n\n- x'),
        siteUrl: 'https://blog.example',
        articleUrl: '/:sections/:slug/',
        contentPath: file.replace('content/', 'posts/'),
      });
    const [a, b] = [titled('content/a.md'), titled('content/b.md')].map((result) =>
      result.ok ? result.article : undefined,
    );
    if (a === undefined || b === undefined) throw new Error('expected articles');
    const { index, problems } = buildIndex([first, own, a, b]);
    expect(index.articles.map((article) => article.file).sort()).toEqual([
      'content/a.md',
      'content/first.md',
    ]);
    expect(problems).toEqual([
      {
        file: 'content/own.md',
        line: 6,
        field: 'Permalink',
        message:
          'https://blog.example/blog/one/ is already the address of content/first.md: give this post a Permalink of its own',
      },
      {
        file: 'content/b.md',
        line: 1,
        field: 'slug',
        message:
          'https://blog.example/posts/same-title/ is already the address of content/a.md: give this post a slug of its own',
      },
    ]);
    // Under the default ARTICLE_URL (a guess), nothing is reported: each post's slug is its own.
    expect(buildIndex([make('x'), make('y')]).problems).toEqual([]);
  });

  describe('articles that share a slug but are published apart', () => {
    /** A post as a blog has it: no slug of its own, its address made from ARTICLE_URL. */
    const post = (
      file: string,
      articleUrl: string,
      front: Record<string, unknown> = {},
      contentPath?: string,
    ) => {
      const result = parseArticle({
        file,
        source: articleSource({ title: file, ...front }, '## Tips\n\n- **A:** one'),
        siteUrl: 'https://blog.example',
        articleUrl,
        contentPath,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.article;
    };
    const jekyll = '/:year/:month/:day/:title.html';

    it('GIVEN the same slug on different days THEN all are kept: the first keeps it, the others have it with their date', () => {
      const posts = ['2022', '2023', '2024'].map((year) =>
        post(`_posts/${year}-12-31-year-in-review.md`, jekyll),
      );
      const { index, problems } = buildIndex(posts);
      expect(problems).toEqual([]);
      expect(index.articles.map((article) => [article.slug, article.url])).toEqual([
        ['year-in-review-2024-12-31', 'https://blog.example/2024/12/31/year-in-review.html'],
        ['year-in-review-2023-12-31', 'https://blog.example/2023/12/31/year-in-review.html'],
        ['year-in-review', 'https://blog.example/2022/12/31/year-in-review.html'],
      ]);
      expect(index.bySlug('year-in-review-2023-12-31')?.file).toBe('_posts/2023-12-31-year-in-review.md');
      expect(index.find('year-in-review-2024-12-31')?.file).toBe('_posts/2024-12-31-year-in-review.md');
      // Their items are named by the new slug.
      expect(index.items('tips').map((ref) => ref.id)).toEqual([
        'year-in-review-2024-12-31/tips/0',
        'year-in-review-2023-12-31/tips/0',
        'year-in-review/tips/0',
      ]);
      expect(index.item('year-in-review-2023-12-31/tips/0')?.item.name).toBe('A');
    });

    it('GIVEN the same slug on different days at one address of an ARTICLE_URL set THEN the later file is reported, with or without SITE_URL; under the default (a guess) both are kept', () => {
      const years = (siteUrl: string | undefined, articleUrl?: string) =>
        buildIndex(
          ['2022', '2023'].map((year) => {
            const file = `content/${year}-12-31-year-in-review.md`;
            const source = articleSource({ title: year }, '## Tips\n\n- x');
            const result = parseArticle({ file, source, siteUrl, articleUrl });
            if (!result.ok) throw new Error(JSON.stringify(result.problems));
            return result.article;
          }),
        );
      const clash = (siteUrl: string | undefined) => ({
        file: 'content/2023-12-31-year-in-review.md',
        line: 1,
        field: 'slug',
        message: `"year-in-review" is already used by content/2022-12-31-year-in-review.md, at the same address (${siteUrl ?? ''}/posts/year-in-review): give this post a slug of its own`,
      });
      for (const siteUrl of [undefined, 'https://blog.example']) {
        const { index, problems } = years(siteUrl, '/posts/:slug');
        expect(problems).toEqual([clash(siteUrl)]);
        expect(index.articles.map((article) => article.title)).toEqual(['2022']);
        // Under a dated address, or the default one (which may not be the blog's), both are pages:
        // the later one has the slug with its date.
        for (const articleUrl of ['/:year/:slug/', undefined]) {
          const kept = years(siteUrl, articleUrl);
          expect(kept.problems).toEqual([]);
          expect(kept.index.articles.map((article) => article.slug)).toEqual([
            'year-in-review-2023-12-31',
            'year-in-review',
          ]);
        }
      }
    });

    it('GIVEN the same slug on the same day in two folders under /:filepath/ THEN both are kept, with or without SITE_URL', () => {
      for (const siteUrl of [undefined, 'https://blog.example']) {
        const { index, problems } = buildIndex(
          ['a', 'b'].map((folder) => {
            const file = `content/${folder}/review.md`;
            const source = articleSource({ title: folder, date: '2024-01-01' }, '## Tips\n\n- x');
            const result = parseArticle({
              file,
              source,
              siteUrl,
              articleUrl: '/:filepath/',
              contentPath: `${folder}/review.md`,
            });
            if (!result.ok) throw new Error(JSON.stringify(result.problems));
            return result.article;
          }),
        );
        expect(problems).toEqual([]);
        // Of one day, the later path first (see newest-first.ts).
        expect(index.articles.map((article) => [article.slug, article.title])).toEqual([
          ['review-2024-01-01', 'b'],
          ['review', 'a'],
        ]);
      }
    });

    it("GIVEN Hugo's posts/2023/review.md and posts/2024/review.md THEN both, at their addresses; a date taken, or none, gives -2, -3", () => {
      const hugo = (path: string, front: Record<string, unknown> = {}) =>
        post(`content/${path}`, '/:sections/:slugorfilename/', front, path);
      const { index, problems } = buildIndex([
        hugo('posts/2023/review.md', { date: '2023-01-01' }),
        hugo('posts/2024/review.md', { date: '2024-01-01' }),
        hugo('posts/2025/review.md', { date: '2024-01-01' }),
        hugo('posts/undated/review.md'),
        // Its own slug is taken by none, and kept: made ones step over it.
        hugo('posts/review-2.md'),
      ]);
      expect(problems).toEqual([]);
      expect(
        index.articles.map((article) => [article.slug, article.url?.replace('https://blog.example', '')]),
      ).toEqual([
        ['review-3', '/posts/2025/review/'],
        ['review-2024-01-01', '/posts/2024/review/'],
        ['review', '/posts/2023/review/'],
        ['review-2', '/posts/review-2/'],
        ['review-4', '/posts/undated/review/'],
      ]);
    });

    it('GIVEN thousands of posts with one slug at different addresses THEN each gets a slug of its own', () => {
      const readmes = Array.from({ length: 3000 }, (_, i) =>
        post(`content/d${i}/README.md`, '/:sections/:slugorfilename/', {}, `d${i}/README.md`),
      );
      const { index, problems } = buildIndex(readmes);
      expect(problems).toEqual([]);
      expect(new Set(index.articles.map((article) => article.slug)).size).toBe(3000);
      expect(index.articles.map((article) => article.slug)).toContain('readme-3000');
    });

    it('GIVEN a long slug THEN the one made stays within 64 characters', () => {
      const name = 'a-very-long-title-about-engineering-management-and-other-things-too';
      const { index } = buildIndex([
        post(`_posts/2023-01-01-${name}.md`, jekyll),
        post(`_posts/2024-01-01-${name}.md`, jekyll),
      ]);
      expect(index.articles.map((article) => article.slug)).toEqual([
        'a-very-long-title-about-engineering-management-and-ot-2024-01-01',
        'a-very-long-title-about-engineering-management-and-other-things',
      ]);
      expect(index.articles.every((article) => article.slug.length <= 64)).toBe(true);
    });

    it('GIVEN articles kept on disk under a made slug THEN their sections are read and they are found', () => {
      const index = searchableIndex([
        post('_posts/2023-12-31-year-in-review.md', jekyll, { title: 'Looking back' }),
        post('_posts/2024-12-31-year-in-review.md', jekyll, { title: 'Looking back again' }),
      ]);
      const renamed = index.bySlug('year-in-review-2024-12-31');
      expect(renamed?.sections.tips?.items[0]?.text).toBe('one');
      expect(
        index.search
          .search('looking')
          .map((article) => article.slug)
          .sort(),
      ).toEqual(['year-in-review', 'year-in-review-2024-12-31']);
    });
  });

  it('GIVEN tags spelled differently THEN groups them under the most used spelling, the oldest on a tie', () => {
    const a = make('a', { tags: ['Engineering Leadership'], date: '2024-01-02' });
    const b = make('b', { tags: ['engineering-leadership', 'hiring'], date: '2024-01-01' });
    const tie = buildIndex([a, b]).index;
    expect(tie.tag('ENGINEERING_LEADERSHIP')?.label).toBe('engineering-leadership');
    const { index } = buildIndex([a, b, make('c', { tags: ['Engineering Leadership'], date: '2023-01-01' })]);
    const entry = index.tag('ENGINEERING_LEADERSHIP');
    expect(entry?.label).toBe('Engineering Leadership');
    expect(entry?.articles.map((article) => article.slug)).toEqual(['a', 'b', 'c']);
    expect(index.tags.map((t) => [t.label, t.articles.length])).toEqual([
      ['Engineering Leadership', 3],
      ['hiring', 1],
    ]);
    expect(index.tag('unknown')).toBeUndefined();
  });

  it('GIVEN a term some posts tag and others only categorize, and one only categories name THEN only that one is categoryOnly', () => {
    const a = make('a', { tags: ['Leadership'], categories: ['Career', 'news'], date: '2024-01-02' });
    const b = make('b', { tags: [], categories: ['leadership', 'News'], date: '2024-01-01' });
    expect(a.categoryTags).toEqual(['Career', 'news']);
    expect(b.categoryTags).toEqual(['leadership', 'News']);
    expect(make('c', { tags: ['x'] }).categoryTags).toBeUndefined();
    const { index } = buildIndex([a, b]);
    // (On a tie, the oldest post's spelling.)
    expect(index.tags.map((t) => [t.label, t.categoryOnly ?? false])).toEqual([
      ['leadership', false],
      ['News', true],
      ['Career', true],
    ]);
  });

  it('GIVEN a blog whose posts name only categories, no tags THEN none is categoryOnly: TAG_URL is set for them', () => {
    const { index } = buildIndex([
      make('a', { tags: [], categories: ['career'] }),
      make('b', { tags: [], categories: ['news'] }),
    ]);
    expect(index.tags.map((t) => t.categoryOnly ?? false)).toEqual([false, false]);
  });

  it('GIVEN a tag written with an emoji variation selector THEN the tag without it finds it, shown as written', () => {
    const { index } = buildIndex([
      make('phone', { tags: ['\u2764\uFE0F'] }),
      make('tablet', { tags: ['\u2764\uFE0F'] }),
      make('desktop', { tags: ['\u2764'] }),
    ]);
    const entry = index.tag('\u2764');
    expect(entry?.label).toBe('\u2764\uFE0F');
    expect(entry?.articles.map((a) => a.slug).sort()).toEqual(['desktop', 'phone', 'tablet']);
    expect(index.tags).toHaveLength(1);
  });

  it('GIVEN sections THEN indexes the articles having each and all their items', () => {
    const { index } = buildIndex([make('a', { date: '2024-01-01' }), make('b', {}, '## Skills\n\n- s')]);
    expect(index.withSection('tips').map((a) => a.slug)).toEqual(['a']);
    expect(index.withSection('motivations')).toEqual([]);
    expect(index.items('tips').map((ref) => ref.id)).toEqual(['a/tips/0', 'a/tips/1']);
    expect(index.items('skills')[0]?.item.text).toBe('s');
    expect(index.item('a/tips/1')?.item.name).toBe('B');
    expect(index.item('gone/tips/0')).toBeUndefined();
  });

  it('GIVEN a slug or a title in any case THEN find returns the article', () => {
    const { index } = buildIndex([make('my-post')]);
    expect(index.find('my-post')?.slug).toBe('my-post');
    expect(index.find('  title MY-POST ')?.slug).toBe('my-post');
    expect(index.find('nope')).toBeUndefined();
  });

  it('GIVEN articles THEN searches exactly the ones kept, an article without sections too', () => {
    const bare = { ...make('bare'), title: 'Salary talks', sections: {} };
    const index = searchableIndex([
      make('a', { title: 'Salary bands' }),
      bare,
      make('a', { title: 'Salary duplicate' }),
    ]);
    expect(
      index.search
        .search('salary')
        .map((a) => a.slug)
        .sort(),
    ).toEqual(['a', 'bare']);
    expect(index.search.search('duplicate')).toEqual([]);
    // Without a search (content:check), nothing is found.
    expect(buildIndex([make('a', { title: 'Salary bands' })]).index.search.search('salary')).toEqual([]);
  });

  it('GIVEN articles kept on disk THEN their items are listed from the outline, and read only when used', () => {
    const { articles } = stored([make('a'), make('b', {}, '## Skills\n\n- **S:** one')]);
    let reads = 0;
    const counted = articles.map(
      (article) =>
        Object.create(article, {
          sections: {
            get: () => {
              reads++;
              return article.sections;
            },
          },
        }) as typeof article,
    );
    const { index } = buildIndex(counted);
    expect(index.withSection('skills').map((a) => a.slug)).toEqual(['b']);
    const tips = index.items('tips');
    expect(tips.map((ref) => ref.id)).toEqual(['a/tips/0', 'a/tips/1']);
    expect(index.item('b/skills/0')?.id).toBe('b/skills/0');
    expect(reads).toBe(0);
    expect(tips[1]?.item).toMatchObject({ name: 'B', text: 'two' });
    expect(reads).toBe(1);
  });
});

describe('splitPublished', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');
  /** A post with the instants a parse keeps (as a Hugo page's or a Jekyll post's). */
  const timed = (slug: string, instants: { publishes?: string; expires?: string }) => ({
    ...make(slug),
    ...instants,
  });

  it("GIVEN posts with Hugo's expiryDate THEN those past it now are left out, in order, and the soonest to come is when to look again", () => {
    const kept = make('kept');
    const past = make('past', { expiryDate: '2024-06-01T11:59:59Z' });
    const atNow = make('at-now', { expiryDate: '2024-06-01T14:00:00+02:00' });
    const later = make('later', { expiryDate: '2024-07-01' });
    const soon = make('soon', { expiryDate: '2024-06-02' });
    const { live, expired, next } = splitPublished([kept, past, later, atNow, soon], now);
    expect(live.map((a) => a.slug)).toEqual(['kept', 'later', 'soon']);
    expect(expired.map((a) => a.slug)).toEqual(['past', 'at-now']);
    expect(next).toBe(Date.parse('2024-06-02T00:00:00Z'));
    // What is kept is indexed as any post; an expired one takes no slug from another.
    expect(buildIndex(live).index.bySlug('past')).toBeUndefined();
    // The same posts later: the time alone decides, the articles are the same.
    expect(splitPublished([kept, past, later, atNow, soon], Date.parse('2024-06-15')).live).toEqual([
      kept,
      later,
    ]);
  });

  it('GIVEN posts not published yet THEN they are left out until their instant, which is when to look again if soonest', () => {
    const kept = make('kept');
    const out = timed('out', { publishes: '2024-06-01T11:00:00.000Z' });
    const atNow = timed('at-now', { publishes: '2024-06-01T12:00:00.000Z' });
    const tomorrow = timed('tomorrow', { publishes: '2024-06-02T00:00:00.000Z' });
    const nextYear = timed('next-year', {
      publishes: '2025-01-01T00:00:00.000Z',
      expires: '2025-02-01T00:00:00.000Z',
    });
    const expiring = timed('expiring', { expires: '2024-06-03T00:00:00.000Z' });
    const articles = [kept, tomorrow, out, atNow, nextYear, expiring];
    const { live, upcoming, expired, next } = splitPublished(articles, now);
    expect(live).toEqual([kept, out, atNow, expiring]);
    expect(upcoming).toEqual([tomorrow, nextYear]);
    expect(expired).toEqual([]);
    // The soonest of both kinds of change.
    expect(next).toBe(Date.parse('2024-06-02T00:00:00Z'));
    const after = splitPublished(articles, Date.parse('2024-06-02T00:00:00Z'));
    expect([after.live, after.next]).toEqual([
      [kept, tomorrow, out, atNow, expiring],
      Date.parse('2024-06-03T00:00:00Z'),
    ]);
    // Out and gone: expired, not upcoming.
    const gone = splitPublished(articles, Date.parse('2025-03-01'));
    expect([gone.upcoming, gone.expired]).toEqual([[], [nextYear, expiring]]);
  });

  it("GIVEN a site that builds future or expired posts (Hugo's buildFuture, buildExpired; Jekyll's future) THEN those are published, and not waited for", () => {
    const upcoming = timed('upcoming', { publishes: '2024-07-01T00:00:00.000Z' });
    const expired = timed('expired', { expires: '2024-05-01T00:00:00.000Z' });
    const both = [upcoming, expired];
    expect(splitPublished(both, now, { future: true, expired: false })).toEqual({
      live: [upcoming],
      expired: [expired],
      upcoming: [],
      next: undefined,
    });
    expect(splitPublished(both, now, { future: false, expired: true })).toEqual({
      live: [expired],
      expired: [],
      upcoming: [upcoming],
      next: Date.parse('2024-07-01'),
    });
    expect(splitPublished(both, now, { future: true, expired: true }).live).toBe(both);
  });

  it('GIVEN no post expired or to come THEN the very same list, and no time to look again', () => {
    const articles = [make('a'), make('b')];
    expect(splitPublished(articles, now)).toEqual({
      live: articles,
      expired: [],
      upcoming: [],
      next: undefined,
    });
    expect(splitPublished(articles, now).live).toBe(articles);
  });
});

describe('publishedIndex', () => {
  it("GIVEN a post's translation in the bot's language not published yet THEN no other language stands in for it", () => {
    const post = (file: string, publishes: string) => ({
      ...mustParse(articleSource(validFront({ title: 'Review' }), 'Text.'), file),
      publishes,
    });
    const en = post('content/review.en.md', '2030-01-01T00:00:00.000Z');
    const fr = post('content/review.fr.md', '2020-01-01T00:00:00.000Z');
    const now = Date.parse('2026-01-01T00:00:00Z');
    const before = publishedIndex([en, fr], { language: 'en', now });
    expect(before.index.articles).toEqual([]);
    expect(before.upcoming).toEqual([en]);
    expect(before.next).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(publishedIndex([en, fr], { language: 'fr', now }).index.articles).toEqual([fr]);
    expect(
      publishedIndex([en, fr], { language: 'en', now: Date.parse('2031-01-01T00:00:00Z') }).index.articles,
    ).toEqual([en]);
  });
});
