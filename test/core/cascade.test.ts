import { describe, expect, it } from 'vitest';
import { hugoPagePath, MAX_CASCADES, MAX_TARGET_PATH, mergeCascades } from '../../src/core/cascade.js';
import { cascadesOf } from '../../src/core/cascade-read.js';

describe('cascadesOf', () => {
  it('GIVEN a cascade map THEN one cascade to every page, its keys in lower case, the target and a nested cascade dropped', () => {
    expect(
      cascadesOf({ title: 'Snippets', cascade: { Build: { render: 'never' }, cascade: { x: 1 } } }),
    ).toEqual({
      ok: true,
      cascades: [{ values: { build: { render: 'never' } } }],
      skipped: 0,
    });
  });

  it('GIVEN a list of cascades THEN each keeps its target path (target or the older _target); one targeting a kind, language or environment is skipped', () => {
    const read = cascadesOf({
      cascade: [
        { draft: true, _target: { path: '/drafts/**' } },
        { headless: true, target: { path: '{/a,/a/**}', kind: '' } },
        { tags: ['x'] },
        { draft: false, target: { path: '/b/**', kind: 'page' } },
        { draft: false, target: { environment: 'production' } },
      ],
    });
    expect(read).toEqual({
      ok: true,
      cascades: [
        { values: { draft: true }, path: '/drafts/**' },
        { values: { headless: true }, path: '{/a,/a/**}' },
        { values: { tags: ['x'] } },
      ],
      skipped: 2,
    });
  });

  it('GIVEN no cascade, or an empty one THEN none; GIVEN a cascade that is a value or a list of values THEN a problem', () => {
    expect(cascadesOf({ title: 'Posts' })).toEqual({ ok: true, cascades: [], skipped: 0 });
    expect(cascadesOf(null)).toEqual({ ok: true, cascades: [], skipped: 0 });
    expect(cascadesOf({ cascade: null })).toEqual({ ok: true, cascades: [], skipped: 0 });
    expect(cascadesOf({ cascade: 'never' })).toMatchObject({ ok: false });
    expect(cascadesOf({ cascade: [{ draft: true }, 3] })).toMatchObject({ ok: false });
  });

  it('GIVEN 20,000 cascades (one hostile _index.md) THEN the first 100 are read and the rest named as a problem; 50 pages merge against those only', () => {
    const cascade = Array.from({ length: 20_000 }, (_, i) => ({ target: { path: `/p${i}/**` }, x: i }));
    const read = cascadesOf({ cascade });
    expect(read).toMatchObject({
      ok: true,
      problems: [`at most ${MAX_CASCADES} cascades are read: the 19900 after them are left out`],
    });
    if (!read.ok) return;
    expect(read.cascades).toHaveLength(MAX_CASCADES);
    const merged = Array.from({ length: 50 }, (_, i) => mergeCascades([read.cascades], `/p${i}/page`));
    expect(merged.map((values) => values?.['x'])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(mergeCascades([read.cascades], '/p100/page')).toBeUndefined();
  });

  it('GIVEN a target path longer than the bound THEN that cascade is left out and named; the others are read', () => {
    const read = cascadesOf({
      cascade: [{ draft: true, target: { path: `/${'a'.repeat(MAX_TARGET_PATH)}` } }, { tags: ['x'] }],
    });
    expect(read).toEqual({
      ok: true,
      cascades: [{ values: { tags: ['x'] } }],
      skipped: 0,
      problems: [`a target path is at most ${MAX_TARGET_PATH} characters: one cascade left out`],
    });
  });

  it("GIVEN a cascaded field the page's front matter could not hold THEN it is named once, here, and left out; the other fields pass down", () => {
    const read = cascadesOf({
      cascade: {
        Date: 'soon',
        unpublishDate: 3.5,
        draft: false,
        publishDate: '2024-02-02',
        permalink: false,
      },
    });
    expect(read).toMatchObject({
      ok: true,
      cascades: [{ values: { draft: false, publishdate: '2024-02-02', permalink: false } }],
    });
    expect(read.ok && read.problems?.map((problem) => problem.split(':')[0])).toEqual([
      'Date',
      'unpublishDate',
    ]);
    expect(read.ok && read.problems?.[0]).toMatch(/\(not passed down\)$/);
    expect(read.ok && read.problems?.[1]).toMatch(/^unpublishDate: 3\.5 is no whole number of seconds/);
  });

  it('GIVEN a cascaded date written as a whole number THEN it passes down as Unix seconds, as Hugo reads it; one past the year 9999 is named', () => {
    const read = cascadesOf({ cascade: { date: 1704448800, expiryDate: 1e15 } });
    expect(read).toMatchObject({ ok: true, cascades: [{ values: { date: 1704448800 } }] });
    expect(read.ok && read.problems).toEqual([
      'expiryDate: 1000000000000000 is past the year 9999 as Unix seconds: write the day, like "2024-01-05" (not passed down)',
    ]);
  });
});

describe('mergeCascades', () => {
  const top = [{ values: { draft: true, tags: ['top'] } }];
  const near = [{ values: { draft: false } }];

  it('GIVEN cascades from the top folder down THEN a nearer one overrides a farther one key by key', () => {
    expect(mergeCascades([top, near], '/a/b/page')).toEqual({ draft: false, tags: ['top'] });
    expect(mergeCascades([], '/a/page')).toBeUndefined();
  });

  it("GIVEN targets THEN only the cascades whose path glob matches the page's path apply, the first to match setting a key", () => {
    const level = [
      { values: { draft: true }, path: '{/articles,/articles/**}' },
      { values: { draft: false, tags: ['all'] } },
    ];
    expect(mergeCascades([level], '/articles/one')).toEqual({ draft: true, tags: ['all'] });
    expect(mergeCascades([level], '/tutorials/one')).toEqual({ draft: false, tags: ['all'] });
    // `*` stays within a folder, as in Hugo's globs.
    expect(mergeCascades([[{ values: { draft: true }, path: '/a/*' }]], '/a/b/c')).toBeUndefined();
    // A glob that is not one matches nothing rather than failing.
    expect(mergeCascades([[{ values: { draft: true }, path: '[' }]], '/a')).toBeUndefined();
  });
});

describe('hugoPagePath', () => {
  it("GIVEN a page's path in Hugo's content THEN Hugo's logical path: lower case, spaces made hyphens, without extension, language or a bundle's index", () => {
    expect(hugoPagePath('posts/My-Post.md')).toBe('/posts/my-post');
    expect(hugoPagePath('posts/post.fr.md')).toBe('/posts/post');
    expect(hugoPagePath('posts/trip/index.md')).toBe('/posts/trip');
    expect(hugoPagePath('about.markdown')).toBe('/about');
    // Hugo makes spaces hyphens: a target `/posts/my-post` reaches `My Post.md`.
    expect(hugoPagePath('posts/My Post.fr.md')).toBe('/posts/my-post');
    expect(hugoPagePath('my posts/a b/index.md')).toBe('/my-posts/a-b');
  });
});
