import { TomlError } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/parse-article.js';
import { parseTomlData } from '../../src/core/toml-data.js';
import { growth } from './growth.js';

describe('parseTomlData: a day that does not exist is given as written', () => {
  it('GIVEN dates whose day does not exist (which a JS Date rolls over) THEN the text as written, at any depth', () => {
    expect(
      parseTomlData(
        'date = 2023-02-30T10:00:00Z\npublishDate = 2023-04-31\nx = [2023-02-29, 2023-06-31 10:00]\n[cascade]\nexpiryDate = 2023-02-30T10:00:00+05:00',
      ),
    ).toEqual({
      date: '2023-02-30T10:00:00Z',
      publishDate: '2023-04-31',
      x: ['2023-02-29', '2023-06-31 10:00'],
      cascade: { expiryDate: '2023-02-30T10:00:00+05:00' },
    });
  });

  it('GIVEN the same text in strings, comments and keys, and real days THEN they are read as before', () => {
    expect(
      parseTomlData(
        'title = "on 2023-02-30"\nt = \'2023-02-31\'\nm = """\n2023-04-31\n"""\nd = 2024-02-29 # not 2023-02-29\n2023-02-30 = 1\n[2023-02-31]\nday = 2023-03-01',
      ),
    ).toEqual({
      title: 'on 2023-02-30',
      t: '2023-02-31',
      m: '2023-04-31\n',
      d: '2024-02-29',
      '2023-02-30': 1,
      '2023-02-31': { day: '2023-03-01' },
    });
  });

  it('GIVEN more days that do not exist than any post has THEN the eleventh is refused as TOML at its line', () => {
    const text = Array.from({ length: 12 }, (_, i) => `d${i} = 2023-02-30`).join('\n');
    const thrown: unknown = (() => {
      try {
        return parseTomlData(text);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(TomlError);
    expect(thrown).toMatchObject({
      line: 11,
      message: expect.stringMatching(/: d10 = 2023-02-30: expected a real day\n/) as string,
    });
  });

  it('GIVEN a megabyte of days that do not exist in a comment, in strings or as values THEN time grows with the size only', () => {
    const days = (size: number): string => '2023-02-30 '.repeat(size / 11);
    const inputs = [
      (size: number) => `# ${days(size)}\nd = 2023-02-30\n`,
      (size: number) => `s = "${days(size)}"\nt = '${days(size)}'\nd = 2023-02-30\n`,
      (size: number) => `a = [${days(size).trim().replaceAll(' ', ', ')}]\n`,
    ];
    const read = (text: string): unknown => {
      try {
        return parseTomlData(text);
      } catch (error) {
        return error;
      }
    };
    for (const input of inputs) expect(growth(read, input)).toBeLessThan(8);
  });
});

describe('TOML front matter: a day that does not exist is refused as in YAML', () => {
  it.each([
    ['date = 2023-02-30T10:00:00Z', 'date'],
    ['date = 2023-04-31', 'date'],
    ['expiryDate = 2023-02-30', 'expiryDate'],
  ])('GIVEN %s THEN a problem at its line, as YAML says it', (line, field) => {
    const result = parseArticle({
      file: 'content/hugo.md',
      source: `+++\ntitle = "T"\n${line}\n+++\n## Tips\n- x\n`,
      siteUrl: undefined,
    });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'content/hugo.md',
        line: 3,
        field,
        message: expect.stringMatching(/^expected a real day written as YYYY-MM-DD/) as string,
      },
    ]);
  });
});
