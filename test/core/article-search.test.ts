import MiniSearch from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article, Section, SectionKind } from '../../src/core/article.js';
import { ArticleSearch, searchTerms } from '../../src/core/article-search.js';
import { growth } from './growth.js';

/** An article as the parser makes one; `tips` become one section of named items. */
function article(
  slug: string,
  fields: Partial<Omit<Article, 'sections'>> & { tips?: string[]; lead?: string } = {},
): Article {
  const { tips, lead, ...rest } = fields;
  const sections: Partial<Record<SectionKind, Section>> =
    tips === undefined && lead === undefined
      ? {}
      : {
          tips: {
            kind: 'tips',
            heading: 'Tips',
            text: lead ?? '',
            items: (tips ?? []).map((text, i) => ({ name: `Idea ${i}`, text, line: i + 10 })),
            line: 8,
          },
        };
  return {
    slug,
    title: `Article ${slug}`,
    summary: 'Something about careers.',
    tags: ['careers'],
    file: `content/${slug}.md`,
    sections,
    ...rest,
  };
}

function searchOver(articles: Article[]): ArticleSearch {
  const search = new ArticleSearch();
  search.sync(articles);
  return search;
}

const slugs = (articles: readonly Article[]) => articles.map((a) => a.slug);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ArticleSearch ranking', () => {
  it('GIVEN a word in one article’s title and another’s tips THEN the title match comes first, whatever the dates', () => {
    const search = searchOver([
      article('in-tips', { date: '2024-05-01', tips: ['Practice delegation every week.'] }),
      article('in-title', { date: '2020-01-01', title: 'The art of delegation' }),
    ]);
    expect(slugs(search.search('delegation'))).toEqual(['in-title', 'in-tips']);
  });

  it('GIVEN a word in the title, the tags, the summary or the section text THEN they rank in that order', () => {
    const search = searchOver([
      article('text', { lead: 'Onboarding new hires.' }),
      article('summary', { summary: 'Onboarding new hires.' }),
      article('tags', { tags: ['onboarding', 'hires'] }),
      article('title', { title: 'Onboarding new hires' }),
    ]);
    expect(slugs(search.search('onboarding'))).toEqual(['title', 'tags', 'summary', 'text']);
  });

  it('GIVEN equal scores THEN newest first, undated last', () => {
    const search = searchOver([
      article('old', { date: '2021-01-01', tips: ['Mentor someone.'] }),
      article('undated', { tips: ['Mentor someone.'] }),
      article('new', { date: '2024-01-01', tips: ['Mentor someone.'] }),
    ]);
    expect(slugs(search.search('mentor'))).toEqual(['new', 'old', 'undated']);
  });

  it('GIVEN the beginning of a word (four letters or more) THEN finds the words it starts', () => {
    const search = searchOver([article('a', { tips: ['Find a mentorship program.'] })]);
    expect(slugs(search.search('mentor'))).toEqual(['a']);
    expect(slugs(search.search('ment'))).toEqual(['a']);
    // Shorter is a word of its own: "pro" does not list every article with a word in "pro…".
    expect(search.search('pro')).toEqual([]);
    expect(search.search('men')).toEqual([]);
  });

  it('GIVEN a typo THEN still finds the word: one in up to seven letters, two in longer words', () => {
    const search = searchOver([
      article('a', { tips: ['Good management needs feedback.'] }),
      article('b', { tips: ['Ship small.'] }),
    ]);
    expect(slugs(search.search('managment'))).toEqual(['a']);
    expect(slugs(search.search('feedbakc'))).toEqual(['a']);
    expect(slugs(search.search('shup'))).toEqual(['b']);
    expect(search.search('mgmt')).toEqual([]);
  });

  it('GIVEN accents and capitals in the query or the text THEN neither matters', () => {
    const search = searchOver([
      article('fr', { title: 'Diriger une Équipe', tags: ['Café'] }),
      article('en', { tips: ['Build a resume that stands out.'] }),
    ]);
    expect(slugs(search.search('equipe'))).toEqual(['fr']);
    expect(slugs(search.search('ÉQUIPE'))).toEqual(['fr']);
    expect(slugs(search.search('cafe'))).toEqual(['fr']);
    expect(slugs(search.search('Résumé'))).toEqual(['en']);
  });

  it('GIVEN several words THEN the articles having them all, or when none has, those having any', () => {
    const search = searchOver([
      article('both', { date: '2020-01-01', tips: ['Delegation frees time for hiring.'] }),
      article('one', { date: '2024-01-01', tips: ['Delegation is hard.'] }),
    ]);
    expect(slugs(search.search('delegation hiring'))).toEqual(['both']);
    expect(slugs(search.search('delegation xylophone'))).toEqual(['one', 'both']);
  });

  it('GIVEN item names, lead-in text and summaries THEN all are searched; links’ addresses and headings are not', () => {
    const search = searchOver([
      article('a', {
        summary: 'About [our guide](https://example.com/kubernetes) to careers.',
        lead: 'Read this first.',
        tips: ['See <https://example.com/terraform> for more.'],
      }),
    ]);
    expect(slugs(search.search('guide'))).toEqual(['a']);
    expect(slugs(search.search('first'))).toEqual(['a']);
    expect(slugs(search.search('idea'))).toEqual(['a']);
    expect(search.search('kubernetes')).toEqual([]);
    expect(search.search('terraform')).toEqual([]);
    expect(search.search('tips')).toEqual([]);
  });

  it('GIVEN an article with no section at all THEN its title, tags and summary are searched', () => {
    const search = searchOver([article('bare', { title: 'Salary negotiation', tags: ['pay'] })]);
    expect(slugs(search.search('negotiation'))).toEqual(['bare']);
    expect(slugs(search.search('pay'))).toEqual(['bare']);
  });

  it('GIVEN only very common words or punctuation THEN there is nothing to search for', () => {
    expect(searchTerms('The and of')).toEqual([]);
    expect(searchTerms('?! …')).toEqual([]);
    expect(searchTerms('How to LEAD an équipe')).toEqual(['lead', 'equipe']);
    expect(searchOver([article('a', { title: 'The team' })]).search('the')).toEqual([]);
  });
});

describe('ArticleSearch.complete and closest', () => {
  it('GIVEN the first letters of a title word THEN completes with the best matching titles, at most the limit', () => {
    const search = searchOver([
      ...Array.from({ length: 30 }, (_, i) =>
        article(`m${i}`, { title: `Managing team ${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}` }),
      ),
      article('body-only', { tips: ['Managing is hard.'] }),
    ]);
    const completed = search.complete('m', 25);
    expect(completed).toHaveLength(25);
    expect(completed[0]?.slug).toBe('m29');
    expect(slugs(search.complete('team 3', 25))).toEqual(['m3']);
    expect(slugs(search.complete('managing', 25))).not.toContain('body-only');
  });

  it('GIVEN a query too far from every word for a search THEN closest names titles within more typos', () => {
    const search = searchOver([
      article('a', { title: 'Onboarding engineers' }),
      article('b', { title: 'Hiring' }),
    ]);
    expect(search.search('onbaordnig')).toEqual([]);
    expect(slugs(search.closest('onbaordnig', 3))).toEqual(['a']);
    expect(search.closest('xyzzy', 3)).toEqual([]);
  });
});

describe('ArticleSearch.sync', () => {
  it('GIVEN the same objects again THEN re-indexes nothing; a changed object, only that one; a removed one is gone', () => {
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    const discard = vi.spyOn(MiniSearch.prototype, 'discard');
    const word = (i: number) => (i === 3 ? 'Penguin' : i === 7 ? 'Walrus' : 'Common');
    const articles = Array.from({ length: 50 }, (_, i) => article(`a${i}`, { tips: [`${word(i)} advice.`] }));
    const search = new ArticleSearch();
    search.sync(articles);
    expect(add).toHaveBeenCalledTimes(50);
    expect(search.size).toBe(50);
    expect(slugs(search.search('walrus'))).toEqual(['a7']);
    expect(slugs(search.search('penguin'))).toEqual(['a3']);

    add.mockClear();
    search.sync([...articles]);
    expect(add).not.toHaveBeenCalled();
    expect(discard).not.toHaveBeenCalled();

    // Identity says what changed: a7 was edited, a10 read again with the same text.
    const edited = articles.map((a) =>
      a.slug === 'a7' ? article('a7', { tips: ['Rewritten: mentoring.'] }) : a.slug === 'a10' ? { ...a } : a,
    );
    search.sync(edited);
    expect(discard.mock.calls).toEqual([['a7'], ['a10']]);
    expect(add.mock.calls.map(([doc]) => (doc as Article).slug)).toEqual(['a7', 'a10']);
    expect(search.size).toBe(50);
    expect(search.search('walrus')).toEqual([]);
    expect(slugs(search.search('mentoring'))).toEqual(['a7']);
    expect(search.search('mentoring')[0]).toBe(edited[7]);

    add.mockClear();
    discard.mockClear();
    search.sync(edited.filter((a) => a.slug !== 'a3').concat(article('new', { title: 'Brand new' })));
    expect(discard.mock.calls).toEqual([['a3']]);
    expect(add.mock.calls.map(([doc]) => (doc as Article).slug)).toEqual(['new']);
    expect(search.size).toBe(50);
    expect(search.search('penguin')).toEqual([]);
    expect(slugs(search.search('brand'))).toEqual(['new']);

    search.sync([]);
    expect(search.size).toBe(0);
    expect(search.search('common')).toEqual([]);
  });

  it('GIVEN two articles with one slug THEN indexes the first', () => {
    const search = searchOver([article('same', { title: 'First' }), article('same', { title: 'Second' })]);
    expect(search.size).toBe(1);
    expect(slugs(search.search('first'))).toEqual(['same']);
    expect(search.search('second')).toEqual([]);
  });

  it('GIVEN a repeated query THEN returns the same results until the articles change', () => {
    const first = article('a', { title: 'Feedback' });
    const search = searchOver([first]);
    const results = search.search('feedback');
    expect(search.search('feedback')).toBe(results);
    search.sync([first]);
    expect(search.search('feedback')).toBe(results);
    search.sync([first, article('b', { title: 'More feedback' })]);
    expect(slugs(search.search('feedback'))).toEqual(['a', 'b']);
  });
});

describe('ArticleSearch.snapshot and restore', () => {
  it('GIVEN a snapshot through JSON THEN the restored index answers alike, and sync re-indexes only the articles whose version changed', () => {
    const alpha = article('alpha', { title: 'Delegation' });
    const beta = article('beta', { title: 'Hiring loops' });
    const gone = article('gone', { title: 'Retrospectives' });
    const version = (a: Article) => a.title;
    const original = searchOver([alpha, beta, gone]);
    const snapshot = JSON.parse(JSON.stringify(original.snapshot(version))) as ReturnType<
      ArticleSearch['snapshot']
    >;

    // The same text parsed again at the next start: new objects, same versions.
    const same = [alpha, beta, gone].map((a) => ({ ...a }));
    const restored = ArticleSearch.restore(snapshot, same, version);
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    restored.sync(same);
    expect(add).not.toHaveBeenCalled();
    expect(restored.revision).toBe(0);
    expect(restored.search('hiring')).toEqual([same[1]]);

    // One edited, one removed, one new.
    const edited = { ...beta, title: 'Onboarding' };
    const added = article('new', { title: 'Mentoring' });
    const next = ArticleSearch.restore(snapshot, [alpha, edited, added], version);
    next.sync([alpha, edited, added]);
    expect(add.mock.calls.map(([doc]) => (doc as Article).slug)).toEqual(['beta', 'new']);
    expect(next.revision).toBe(1);
    expect(next.size).toBe(3);
    expect(next.search('hiring')).toEqual([]);
    expect(next.search('retrospectives')).toEqual([]);
    expect(slugs(next.search('onboarding'))).toEqual(['beta']);
    expect(slugs(next.search('mentoring'))).toEqual(['new']);
    expect(slugs(next.search('delegation'))).toEqual(['alpha']);
  });
});

describe('searchTerms on hostile text', () => {
  it('GIVEN a megabyte of link openings that never close, or of addresses THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '](a'.repeat(size / 3),
      (size: number) => '[x](y '.repeat(size / 6),
      (size: number) => 'http://'.repeat(size / 7),
    ];
    for (const input of inputs) expect(growth((text) => searchTerms(text), input)).toBeLessThan(8);
  });
});
