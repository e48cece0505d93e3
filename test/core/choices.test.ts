import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { matchingArticles, tagChoices } from '../../src/core/choices.js';
import type { TagEntry } from '../../src/core/content-index.js';

const titled = (title: string, slug: string): Article => ({
  slug,
  title,
  summary: '',
  tags: [],
  file: `content/${slug}.md`,
  sections: {},
});

const slugs = (articles: readonly Article[]) => articles.map((article) => article.slug);

describe('matchingArticles ranks what was typed', () => {
  // Newest first, as the index lists them: "number 19" down to "number 1".
  const numbered = Array.from({ length: 30 }, (_, i) =>
    titled(`Paging article number ${30 - i} about growth`, `n${30 - i}`),
  );

  it('GIVEN typed text ending on a whole word THEN the title where it does comes before those where it starts a longer word', () => {
    expect(slugs(matchingArticles(numbered, 'paging article number 1', 5))).toEqual([
      'n1',
      'n19',
      'n18',
      'n17',
      'n16',
    ]);
  });

  it('GIVEN the whole title typed THEN that article comes first, even past the limit of others starting with it', () => {
    const many = [
      ...Array.from({ length: 30 }, (_, i) => titled(`Feedback ${i} and more`, `f${i}`)),
      titled('Feedback', 'exact'),
    ];
    expect(slugs(matchingArticles(many, 'feedback', 3))).toEqual(['exact', 'f0', 'f1']);
  });

  it('GIVEN text inside titles THEN titles starting with it come first, then whole words inside, then word starts', () => {
    const articles = [
      titled('On leadership', 'inside-start'),
      titled('On lead roles', 'inside-whole'),
      titled('Leadership basics', 'start'),
      titled('Lead first', 'start-whole'),
    ];
    expect(slugs(matchingArticles(articles, 'lead'))).toEqual([
      'start-whole',
      'start',
      'inside-whole',
      'inside-start',
    ]);
    expect(slugs(matchingArticles(articles, 'ead'))).toEqual([]);
  });

  it('GIVEN accents left out, words typed together, or no letter at all THEN matches as a reader means it', () => {
    const articles = [
      titled('Émigré engineers', 'emigre'),
      titled('Why (not) Node.js?', 'node'),
      titled('🚀 Launch tips', 'launch'),
      titled('A Indented in Tab', 'tab-indented'),
    ];
    expect(slugs(matchingArticles(articles, 'emigre'))).toEqual(['emigre']);
    expect(slugs(matchingArticles(articles, 'ÉMIGRÉ'))).toEqual(['emigre']);
    expect(slugs(matchingArticles(articles, 'nodejs'))).toEqual(['node']);
    expect(slugs(matchingArticles(articles, 'notnode'))).toEqual(['node']);
    expect(slugs(matchingArticles(articles, 'odejs'))).toEqual([]);
    expect(slugs(matchingArticles(articles, 'b indented'))).toEqual([]);
    expect(slugs(matchingArticles(articles, '🚀'))).toEqual(['launch']);
    const emoji = [titled('I ❤️ Node', 'heart'), titled('Summer ☀️', 'sun')];
    expect(slugs(matchingArticles(emoji, '❤️'))).toEqual(['heart']);
    expect(slugs(matchingArticles(articles, '...'))).toEqual([]);
    expect(slugs(matchingArticles(articles, '   '))).toHaveLength(4);
  });

  it('GIVEN titles in scripts written without spaces THEN a word inside is found from its start, as search splits them', () => {
    const articles = [
      titled('寻找导师', 'mentor'),
      titled('日本語の記事を書く', 'japanese'),
      titled('การหาพี่เลี้ยง', 'thai'),
      titled('Node.js 入门指南', 'node'),
    ];
    for (const typed of ['导师', '导', '寻找', '寻找导', '寻找导师', '寻找 导师'])
      expect(slugs(matchingArticles(articles, typed)), typed).toEqual(['mentor']);
    expect(slugs(matchingArticles(articles, '记事'))).toEqual([]);
    expect(slugs(matchingArticles(articles, '師'))).toEqual([]);
    expect(slugs(matchingArticles(articles, '記事'))).toEqual(['japanese']);
    expect(slugs(matchingArticles(articles, 'พี่เลี้ยง'))).toEqual(['thai']);
    expect(slugs(matchingArticles(articles, '指南'))).toEqual(['node']);
    // The whole title typed still comes first.
    const both = [titled('导师的建议', 'advice'), titled('导师', 'exact')];
    expect(slugs(matchingArticles(both, '导师'))).toEqual(['exact', 'advice']);
  });
});

describe('names written with signs (C#, C++, F#, .NET)', () => {
  const articles = [
    titled('Career ladders', 'career'),
    titled('C# generics in practice', 'csharp'),
    titled('Why C++ still matters', 'cplusplus'),
    titled('Clean code', 'clean'),
    titled('F# for the curious', 'fsharp'),
    titled('Moving to ASP.NET Core', 'aspnet'),
    titled('A C primer', 'c'),
  ];

  it('GIVEN C#, C++, F# or .NET typed THEN only the titles holding that name, not every title with a word starting with c, f or net', () => {
    expect(slugs(matchingArticles(articles, 'C#'))).toEqual(['csharp']);
    expect(slugs(matchingArticles(articles, 'c#'))).toEqual(['csharp']);
    expect(slugs(matchingArticles(articles, 'Ｃ＃'))).toEqual(['csharp']);
    expect(slugs(matchingArticles(articles, 'C# gen'))).toEqual(['csharp']);
    expect(slugs(matchingArticles(articles, 'C++'))).toEqual(['cplusplus']);
    expect(slugs(matchingArticles(articles, 'f#'))).toEqual(['fsharp']);
    expect(slugs(matchingArticles(articles, '.NET'))).toEqual(['aspnet']);
    expect(slugs(matchingArticles(articles, 'asp.net core'))).toEqual(['aspnet']);
  });

  it('GIVEN a plain c typed THEN every title with a word starting with it, the names too; a lone c first where it is a whole word', () => {
    expect(slugs(matchingArticles(articles, 'c')).sort()).toEqual(
      ['c', 'career', 'clean', 'cplusplus', 'csharp', 'aspnet', 'fsharp'].sort(),
    );
    expect(slugs(matchingArticles(articles, 'a c'))[0]).toBe('c');
  });
});

describe('words typed apart or in another order', () => {
  it('GIVEN each typed word starting a word of a title THEN the title is found, after those holding the words together', () => {
    const articles = [
      titled('Growing into a staff engineer', 'growing'),
      titled('Staff growing pains', 'pains'),
      titled('Growing teams', 'teams'),
      titled('On growing staff engineers', 'together'),
    ];
    expect(slugs(matchingArticles(articles, 'growing staff'))).toEqual(['together', 'growing', 'pains']);
    expect(slugs(matchingArticles(articles, 'grow staf'))).toEqual(['growing', 'pains', 'together']);
    // A word matched from its middle still finds nothing.
    expect(slugs(matchingArticles(articles, 'rowing staff'))).toEqual([]);
  });

  it('GIVEN words typed that each start a word of a tag THEN the tag is offered after those containing the text', () => {
    const entry = (label: string, key: string, count: number): TagEntry => ({
      label,
      key,
      articles: Array.from({ length: count }, () => titled('x', 'x')),
    });
    const tags = [
      entry('engineering leadership', 'engineeringleadership', 3),
      entry('englead', 'englead', 1),
      entry('leadership', 'leadership', 2),
    ];
    expect(tagChoices(tags, 'eng lead').map((choice) => choice.value)).toEqual([
      'englead',
      'engineering leadership',
    ]);
    expect(tagChoices(tags, 'lead eng').map((choice) => choice.value)).toEqual(['engineering leadership']);
  });
});
