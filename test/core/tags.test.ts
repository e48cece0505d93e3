import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/parse-article.js';
import { closestTags, tagKey } from '../../src/core/tags.js';
import { cpuMs } from './growth.js';

describe('tag matching', () => {
  it('GIVEN different case, spaces, hyphens and underscores THEN the tags are the same', () => {
    const key = tagKey('engineering leadership');
    for (const spelling of [
      'Engineering-Leadership',
      'ENGINEERING_LEADERSHIP',
      ' engineering  leadership ',
      'engineeringleadership',
    ]) {
      expect(tagKey(spelling)).toBe(key);
    }
  });

  it('GIVEN a hashtag (#management, as people type a tag) THEN its # is no part of it; a # alone or after a name is', () => {
    expect(tagKey('#management')).toBe(tagKey('Management'));
    expect(tagKey('# Engineering-Leadership')).toBe(tagKey('engineering leadership'));
    expect(tagKey('C#')).not.toBe(tagKey('C'));
    expect(tagKey('#')).toBe('#');
  });

  it('GIVEN different words THEN the tags differ', () => {
    expect(tagKey('engineering')).not.toBe(tagKey('engineering leadership'));
  });
});

describe('tagKey', () => {
  it('GIVEN invisible characters (a zero-width space, a joiner) THEN they do not count', () => {
    expect(tagKey('zero\u200bwidth')).toBe(tagKey('Zero-Width'));
    expect(tagKey('\u2060career\u00ad')).toBe('career');
  });

  it('GIVEN an emoji THEN it is its own key', () => {
    expect(tagKey('🚀')).toBe('🚀');
    expect(tagKey('🚀 launch')).toBe('🚀launch');
  });

  it('GIVEN an emoji with or without its variation selector THEN it is one tag', () => {
    // `❤️` as a phone's keyboard writes it (U+2764 U+FE0F), `❤` as a desktop's, `❤︎` as text.
    expect(tagKey('\u2764\uFE0F')).toBe(tagKey('\u2764'));
    expect(tagKey('\u2764\uFE0E')).toBe(tagKey('\u2764'));
    expect(tagKey('I \u2764\uFE0F code')).toBe(tagKey('i-\u2764-code'));
    expect(tagKey('\u2764')).not.toBe(tagKey('\u2665'));
  });
});

describe('closestTags', () => {
  const known = ['engineering leadership', 'career growth', 'hiring', 'management'];

  it('GIVEN an emoji typed without the variation selector its tag has THEN suggests that tag', () => {
    expect(closestTags('\u2764', ['\u2764\uFE0F open source', 'hiring'])).toEqual([
      '\u2764\uFE0F open source',
    ]);
    expect(closestTags('\u2764\uFE0F open', ['\u2764 open source'])).toEqual(['\u2764 open source']);
  });

  it('GIVEN a typo THEN suggests the tag it is close to', () => {
    expect(closestTags('enginering leadersip', known)).toEqual(['engineering leadership']);
    expect(closestTags('hirng', known)).toEqual(['hiring']);
  });

  it('GIVEN two neighbouring letters swapped THEN one typo: the tag, or the tag whose word starts so', () => {
    // Five letters allow one typo: Levenshtein's distance counts a swap as two.
    expect(closestTags('agiel', ['agile', 'hiring'])).toEqual(['agile']);
    expect(closestTags('mnet', ['mentorship', 'hiring'])).toEqual(['mentorship']);
  });

  it('GIVEN part of a tag THEN suggests the tags containing it', () => {
    expect(closestTags('leadership', known)).toEqual(['engineering leadership']);
  });

  it('GIVEN one letter THEN only the tags starting with it, not every tag that holds it', () => {
    expect(closestTags('e', known)).toEqual(['engineering leadership']);
    expect(closestTags('h', known)).toEqual(['hiring']);
    expect(closestTags('x', known)).toEqual([]);
  });

  it('GIVEN nothing close THEN suggests nothing', () => {
    expect(closestTags('kubernetes', known)).toEqual([]);
  });

  describe('GIVEN the tags of a blog', () => {
    // Most used first, as the index lists them.
    const blog = [
      'career',
      'engineering leadership',
      '__init__',
      '@here',
      '*star*',
      'mentorship',
      '导师',
      'go',
    ];

    it('GIVEN the start of a tag with a typo THEN that tag, not the most used ones', () => {
      expect(closestTags('mentr', blog)).toEqual(['mentorship']);
      expect(closestTags('leadrship', blog)).toEqual(['engineering leadership']);
      expect(closestTags('careers', blog)).toEqual(['career']);
    });

    it('GIVEN nothing like any tag THEN none, not unrelated ones', () => {
      for (const typed of ['zzzzqqq', 'nope', '🚀', 'ia', 'mongodb'])
        expect(closestTags(typed, blog), typed).toEqual([]);
    });

    it('GIVEN a tag written as part of it THEN that tag; part of a tag in any script THEN the tags holding it', () => {
      expect(closestTags('mentorship program', blog)).toEqual(['mentorship']);
      expect(closestTags('init', blog)).toEqual(['__init__']);
      expect(closestTags('导', blog)).toEqual(['导师']);
    });

    it('GIVEN several close THEN those starting with it, then holding it, then fewer typos first, the most used on a tie', () => {
      expect(closestTags('e', blog)).toEqual(['engineering leadership']);
      expect(closestTags('star', ['stars', 'superstar', 'stair', 'start'])).toEqual([
        'stars',
        'start',
        'superstar',
      ]);
      expect(closestTags('managment', ['management', 'manager', 'mentorship'])).toEqual([
        'management',
        'manager',
      ]);
    });
  });
});

describe('closestTags on a large blog', () => {
  /**
   * How many times more CPU `run` takes than `base`, each at its best of seven runs, taken in turns
   * after a warm-up so that a busy spell of the machine slows both alike.
   */
  const costRatio = (run: () => unknown, base: () => unknown): number => {
    for (let i = 0; i < 3; i++) {
      run();
      base();
    }
    const fastest = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let i = 0; i < 7; i++)
      for (const [index, each] of [run, base].entries()) {
        const start = cpuMs();
        each();
        fastest[index] = Math.min(fastest[index] ?? 0, cpuMs() - start);
      }
    const [runs = 0, bases = 0] = fastest;
    return runs / Math.max(1, bases);
  };

  it('GIVEN 5,000 tags that each hold every letter typed, none close THEN about the work of a two-letter query, not a typo search of every tag', () => {
    // Each tag is the alphabet's 26 letters as words, in its own order: no letter count rules one out.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const known = Array.from({ length: 5000 }, (_, i) =>
      Array.from(letters, (_, j) => letters[(i + j * 7) % 26]).join(' '),
    );
    const typed = letters.slice(0, 25);
    expect(closestTags(typed, known)).toEqual([]);
    // CPU time, compared with the same tags' work for `zz` (no typo allowed), so that the machine's
    // speed and load cancel out: searching every tag from each word's start made it about 15.
    const ratio = costRatio(
      () => closestTags(typed, known),
      () => closestTags('zz', known),
    );
    expect(ratio).toBeLessThan(5);
  });
});

describe('tags as the site generator reads them', () => {
  const tagsOf = (tags: string, eleventy: boolean) => {
    const result = parseArticle({
      file: 'posts/2024-01-05-a.md',
      source: `---\ntitle: A\ntags: ${tags}\n---\n\nText.\n`,
      eleventy,
    });
    return result.ok ? result.article.tags : result.problems;
  };

  it('GIVEN a text tags outside an Eleventy site THEN split on spaces, or on commas when it has one, as Jekyll does', () => {
    expect(tagsOf('engineering leadership', false)).toEqual(['engineering', 'leadership']);
    expect(tagsOf('engineering leadership, career', false)).toEqual(['engineering leadership', 'career']);
  });

  it('GIVEN a text tags in an Eleventy site THEN one tag, as Eleventy keeps it; a list is read as anywhere', () => {
    expect(tagsOf('career', true)).toEqual(['career']);
    expect(tagsOf('"my tag"', true)).toEqual(['my tag']);
    expect(tagsOf('engineering leadership, career', true)).toEqual(['engineering leadership, career']);
    expect(tagsOf('[career, my tag]', true)).toEqual(['career', 'my tag']);
    expect(tagsOf('2024', true)).toEqual(['2024']);
  });

  it('GIVEN a text tags or categories in a Hugo site THEN one term each, as Hugo keeps a text; a list is read as anywhere', () => {
    const hugoTags = (front: string) => {
      const result = parseArticle({
        file: 'posts/a.md',
        source: `+++\ntitle = "A"\n${front}\n+++\n\nText.\n`,
        hugo: true,
      });
      return result.ok ? result.article.tags : result.problems;
    };
    expect(hugoTags('tags = "career advice"')).toEqual(['career advice']);
    expect(hugoTags('categories = "engineering management"')).toEqual(['engineering management']);
    expect(hugoTags('tags = "a, b"\ncategories = ["c d", "e"]')).toEqual(['a, b', 'c d', 'e']);
    expect(hugoTags('tags = ["career", "my tag"]')).toEqual(['career', 'my tag']);
    // Outside Hugo (and Eleventy), the same text is split as Jekyll splits it.
    expect(tagsOf('"career advice"', false)).toEqual(['career', 'advice']);
  });

  it("GIVEN an Eleventy site's collection tags (posts, post, all, nav) THEN they are no topics: left out there, kept elsewhere", () => {
    expect(tagsOf('[posts, Career, post, all, nav]', true)).toEqual(['Career']);
    expect(tagsOf('posts', true)).toEqual([]);
    expect(tagsOf('[posts, career]', false)).toEqual(['posts', 'career']);
  });

  it('GIVEN a bad text tag in an Eleventy site THEN left out, and noted by its field, as any tag', () => {
    const result = parseArticle({
      file: 'posts/2024-01-05-a.md',
      source: `---\ntitle: A\ntags: "!!!"\n---\n\nText.\n`,
      eleventy: true,
    });
    expect(result.ok && result.article.tags).toEqual([]);
    expect(result.ok && result.article.leftOutTags).toEqual([
      {
        file: 'posts/2024-01-05-a.md',
        line: 3,
        field: 'tags',
        message: 'the 1st tag needs at least one letter, digit or emoji',
      },
    ]);
  });

  it("GIVEN a _posts file without front matter THEN Jekyll's static file, but in an Eleventy or Hugo site a page, with no Jekyll rule", () => {
    const source = {
      file: 'src/_posts/2024-01-05-a.md',
      contentPath: '_posts/2024-01-05-a.md',
      source: 'Text.\n',
    };
    expect(parseArticle(source)).toEqual({ ok: false, problems: [], unpublished: true, staticFile: true });
    expect(parseArticle({ ...source, eleventy: true })).toMatchObject({
      ok: true,
      article: { title: 'A', date: '2024-01-05', tags: [] },
    });
    // In a Hugo site, a page as Hugo publishes it (titled from its name), with no Jekyll category
    // from the folder above `_posts`.
    const nested = {
      ...source,
      file: 'content/tech/_posts/2024-01-05-a.md',
      contentPath: 'tech/_posts/2024-01-05-a.md',
    };
    const address = (hugo: boolean) => {
      const result = parseArticle({
        ...nested,
        hugo,
        source: '---\ntitle: A\n---\nText.\n',
        articleUrl: '/:categories/:slug/',
      });
      return result.ok ? result.article.address : undefined;
    };
    expect([address(false), address(true)]).toEqual(['/tech/a/', '/a/']);
    const bare = parseArticle({ ...nested, hugo: true });
    expect(bare.ok && bare.article.title).toBe('A');
  });
});
