import { TomlError } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/parse-article.js';
import { MAX_DATA_DEPTH, DataShapeError } from '../../src/core/data-shape.js';
import { deepestTomlLine, parseTomlData } from '../../src/core/toml-data.js';
import { growth, LINEAR } from './growth.js';

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
    for (const input of inputs) expect(growth(read, input)).toBeLessThan(LINEAR);
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

describe('deepestTomlLine: the line that nests deepest, by the levels the data has', () => {
  const lineOf = (...lines: string[]): number => deepestTomlLine(lines.join('\n'));

  it("GIVEN dots in numbers, dates and quoted text THEN they are no levels; a key's dots are", () => {
    expect(lineOf('x = 1.5', 'a = [1]')).toBe(2);
    expect(lineOf('d = 1979-05-27T07:32:00.999', 'e = 1e3', 'a = {}')).toBe(3);
    expect(lineOf('a = [1.5, 2.5, 3.5, 4.5]', 'b = [[1]]')).toBe(2);
    expect(lineOf('"a.b.c.d" = 1', "t = 'x.y.z'", 'k.v = 1')).toBe(3);
    expect(lineOf('x = 1.5 # a.b.c.d', 'k.v = 1')).toBe(2);
  });

  it('GIVEN an escaped quote, or a string over several lines THEN the dots and brackets in it are no levels', () => {
    expect(lineOf('t = "say \\"a.b.c.d\\" [[["', 'k.v = 1')).toBe(2);
    expect(lineOf('m = """', 'version 1.2.3.4 [[[', 'ends here:""""', 'k.v = 1')).toBe(4);
    expect(lineOf("m = '''", '# a.b.c {{{', "'''", 'k.v = 1')).toBe(4);
  });

  it("GIVEN the dotted keys of an inline table THEN each key's dots count from the table, not added up", () => {
    expect(lineOf('a = {b.c = 1, d.e = 2, f.g = 3, h.i = 4}', 'x = [[[1]]]')).toBe(2);
    expect(lineOf('x = [[[1]]]', 'a = {b = {c.d.e = 1}}')).toBe(2);
  });

  it('GIVEN table headers THEN the lines below one are as deep as it and more', () => {
    expect(lineOf('[a.b.c]', 'x = [[1]]', '[d]', 'y = [1]')).toBe(2);
    expect(lineOf('x = [[1]]', '[[a.b]]', 'y = 1')).toBe(2);
    expect(lineOf('x = [[1]]', '[[a.b.c]]', 'y = 1')).toBe(2);
    expect(lineOf('x = [[1]]', '[[a.b.c]]', 'y = [1]')).toBe(3);
  });

  it('GIVEN a list over several lines THEN its lines are as deep as their brackets', () => {
    expect(lineOf('a = [', '  [1.5, 2.5],', '  [[3]],', ']', 'b = 1')).toBe(3);
  });
});

describe('parseTomlData: data nested too deep for smol-toml is refused as too deep, as other data is', () => {
  const thrown = (text: string): unknown => {
    try {
      return parseTomlData(text);
    } catch (error) {
      return error;
    }
  };

  it.each([
    ['lists', `x = ${'['.repeat(1_200)}${']'.repeat(1_200)}`],
    ['inline tables', `x = ${'{a = '.repeat(1_200)}1${'}'.repeat(1_200)}`],
  ])('GIVEN %s a thousand levels deep on one line THEN a DataShapeError, at that line', (_, deep) => {
    const text = `title = "A blog"\n${deep}\nv = 1.5\n`;
    expect(thrown(text)).toBeInstanceOf(DataShapeError);
    expect(thrown(text)).toMatchObject({ problem: 'deep' });
    expect(deepestTomlLine(text)).toBe(2);
  });

  it('GIVEN 64 levels below the data THEN read; 65, in brackets or in a table above them, too deep', () => {
    const lists = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(parseTomlData(`x = ${lists(MAX_DATA_DEPTH)}`)).toHaveProperty('x');
    expect(thrown(`x = ${lists(MAX_DATA_DEPTH + 1)}`)).toMatchObject({ problem: 'deep' });
    expect(thrown(`[t]\nx = ${lists(MAX_DATA_DEPTH)}`)).toMatchObject({ problem: 'deep' });
  });
});
