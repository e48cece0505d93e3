import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/content-index.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** A post of `date` titled `title`, in `file` (the bot's own folder: no instant of publication). */
const post = (file: string, title: string, date = '2024-03-01') =>
  mustParse(articleSource(validFront({ title, date }), '## Tips\n\n- **A:** one'), file);

const order = (...articles: ReturnType<typeof post>[]) =>
  buildIndex(articles).index.articles.map((article) => article.file);

describe('posts of one day without a time (Eleventy, the bot’s own folder)', () => {
  it('GIVEN two posts of one day THEN the later file path first, whatever their titles', () => {
    expect(order(post('posts/a-first.md', 'Zebra'), post('posts/b-second.md', 'Apple'))).toEqual([
      'posts/b-second.md',
      'posts/a-first.md',
    ]);
    expect(order(post('posts/b-second.md', 'Zebra'), post('posts/a-first.md', 'Apple'))).toEqual([
      'posts/b-second.md',
      'posts/a-first.md',
    ]);
  });

  it('GIVEN paths in folders and in two cases THEN compared as Eleventy compares them, by code unit', () => {
    // `B` sorts before `a` by code unit (Eleventy's `<`), after it in a locale's order.
    expect(
      order(post('posts/B.md', 'One'), post('posts/a.md', 'Two'), post('posts/2023/z.md', 'Three')),
    ).toEqual(['posts/a.md', 'posts/B.md', 'posts/2023/z.md']);
  });

  it('GIVEN posts of other days and undated ones THEN newest day first, undated last by title, as before', () => {
    const undatedB = mustParse(articleSource(validFront({ title: 'B' }), '## Tips\n\n- x'), 'a-b.md');
    const undatedA = mustParse(articleSource(validFront({ title: 'A' }), '## Tips\n\n- x'), 'z-a.md');
    expect(
      order(undatedB, post('a-old.md', 'Old', '2020-01-01'), undatedA, post('a-new.md', 'New', '2025-01-01')),
    ).toEqual(['a-new.md', 'a-old.md', 'z-a.md', 'a-b.md']);
  });

  it('GIVEN two posts of one instant (Hugo) THEN by title, as Hugo lists them', () => {
    const timed = (file: string, title: string) => ({
      ...post(file, title),
      publishes: '2024-03-01T00:00:00.000Z',
      hugo: true as const,
    });
    expect(order(timed('a.md', 'Zebra'), timed('b.md', 'Apple'))).toEqual(['b.md', 'a.md']);
  });
});

describe('posts of one day from two generators at once', () => {
  it('GIVEN Hugo posts and others of one instant THEN one order whatever the order they come in (Hugo’s after)', () => {
    const at = (file: string, title: string, hugo: boolean) => ({
      ...post(file, title),
      publishes: '2024-03-01T00:00:00.000Z',
      ...(hugo ? { hugo: true as const } : {}),
    });
    // By the old rules a cycle: Apple before Zebra (titles), Zebra before m.md, m.md before Apple (paths).
    const [apple, zebra, other] = [
      at('a.md', 'Apple', true),
      at('z.md', 'Zebra', true),
      at('m.md', 'Mango', false),
    ];
    const expected = ['m.md', 'a.md', 'z.md'];
    expect(order(apple, zebra, other)).toEqual(expected);
    expect(order(other, zebra, apple)).toEqual(expected);
    expect(order(zebra, apple, other)).toEqual(expected);
  });
});

describe('posts of one day with a time', () => {
  it('GIVEN two Eleventy posts of one day at two times THEN the later time first, whatever their paths', () => {
    const dated = (file: string, time: string) => ({
      ...post(file, file, '2024-11-01'),
      dated: `2024-11-01T${time}:00.000Z`,
    });
    expect(order(dated('posts/zz.md', '08:00'), dated('posts/aa.md', '20:00'))).toEqual([
      'posts/aa.md',
      'posts/zz.md',
    ]);
    // Of one instant (a day alone is its start), by path again, the later first.
    expect(order(dated('posts/a.md', '00:00'), dated('posts/b.md', '00:00'))).toEqual([
      'posts/b.md',
      'posts/a.md',
    ]);
  });

  it('GIVEN two Jekyll posts of one instant THEN the later file path first, as Jekyll sorts them, not by title', () => {
    const jekyll = (file: string, title: string, publishes = '2024-11-01T00:00:00.000Z') => ({
      ...post(file, title, '2024-11-01'),
      publishes,
    });
    expect(
      order(
        jekyll('_posts/2024-11-01-aaa.md', 'Apple'),
        jekyll('_posts/2024-11-01-mmm.md', 'Mango', '2024-11-01T10:00:00.000Z'),
        jekyll('_posts/2024-11-01-zzz.md', 'Zebra'),
      ),
    ).toEqual(['_posts/2024-11-01-mmm.md', '_posts/2024-11-01-zzz.md', '_posts/2024-11-01-aaa.md']);
  });
});
