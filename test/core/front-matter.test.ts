import { describe, expect, it } from 'vitest';
import { dayOf, frontMatterSchema, instantOf, readFrontMatter } from '../../src/core/front-matter.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { growth, LINEAR } from './growth.js';

const dataOf = (front: string): unknown => {
  const block = readFrontMatter(`---\n${front}\n---\nBody.\n`);
  if (!block.ok) throw new Error(`${block.line}: ${block.message}`);
  return block.data;
};

describe('readFrontMatter: YAML as Jekyll reads it', () => {
  it('GIVEN a key written twice THEN the last value is kept, as Jekyll keeps it', () => {
    expect(dataOf('title: First\ndate: 2024-01-01\ntitle: Second')).toEqual({
      title: 'Second',
      date: '2024-01-01',
    });
    const result = parseArticle({
      file: 'content/dupkey.md',
      source: '---\ntitle: First\ntags: [a]\ntitle: Second\n---\n## Tips\n- x\n',
      siteUrl: undefined,
    });
    expect(result.ok && result.article.title).toBe('Second');
  });

  it("GIVEN merge keys (<<: *base, a list of them) THEN their fields are merged, the mapping's own winning", () => {
    expect(dataOf('base: &base\n  title: Merged\n  tags: [merge]\n<<: *base\ndate: 2024-01-01')).toEqual({
      base: { title: 'Merged', tags: ['merge'] },
      title: 'Merged',
      tags: ['merge'],
      date: '2024-01-01',
    });
    expect(
      dataOf('a: &a { title: A, summary: S }\nb: &b { title: B, url: /b }\n<<: [*a, *b]\ntitle: Own'),
    ).toMatchObject({ title: 'Own', summary: 'S', url: '/b' });
    // Still data, never code: a merged value is as plain as any other.
    expect(dataOf('base: &base { __proto__: { polluted: yes } }\n<<: *base')).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('GIVEN merges of merges that would copy billions of keys THEN it is refused as invalid YAML', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join(', ');
    const lines = [`a0: &a0 { ${keys} }`];
    for (let i = 1; i <= 9; i++)
      lines.push(`a${i}: &a${i} { <<: [${Array.from({ length: 100 }, () => `*a${i - 1}`).join(', ')}] }`);
    const block = readFrontMatter(`---\n${lines.join('\n')}\n---\nBody.\n`);
    expect(block).toMatchObject({ ok: false, line: 3 });
    expect(!block.ok && block.message).toMatch(/^invalid YAML in front matter: merge keys exceeded/);
  });
});

describe('readFrontMatter: a hostile line', () => {
  it('GIVEN a line of 400,000 "x[" before a "[" never closed THEN the open bracket is found in one pass, and named at its line', () => {
    const block = readFrontMatter(`---\ntitle: T\nsummary: x${'x['.repeat(400_000)}\ntags: [a\n---\nBody.\n`);
    expect(block).toMatchObject({
      ok: false,
      line: 4,
      message: 'invalid YAML in front matter: "[" is never closed: end it with "]"',
    });
  });
});

describe('readFrontMatter: TOML too deep to walk', () => {
  it('GIVEN TOML dotted keys 5,000 deep THEN a problem, not a stack run out while its dates are read', () => {
    const block = readFrontMatter(`+++\ntitle = "T"\ncascade.${'a.'.repeat(5_000)}b = 1\n+++\nBody.\n`);
    expect(block).toMatchObject({
      ok: false,
      message: 'front matter nested more than 64 levels deep: flatten it',
    });
  });

  it.each([
    ['lists', `x = ${'['.repeat(1_200)}${']'.repeat(1_200)}`],
    ['inline tables', `x = ${'{a = '.repeat(1_200)}1${'}'.repeat(1_200)}`],
  ])(
    "GIVEN %s 1,200 deep on one line (past smol-toml's own bound) THEN the same problem, at that line",
    (_, deep) => {
      const block = readFrontMatter(`+++\ntitle = "T"\n${deep}\nv = 1.5\n+++\nBody.\n`);
      expect(block).toEqual({
        ok: false,
        line: 3,
        message: 'front matter nested more than 64 levels deep: flatten it',
      });
    },
  );
});

describe('problems that quote the file', () => {
  it('GIVEN thousands of keys that are no section kind THEN the first few are named, and how many more', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join(', ');
    const result = parseArticle({
      file: 'a.md',
      source: `---\ntitle: T\nsections: {${keys}}\n---\n\n## Tips\n\n- x\n`,
    });
    expect(!result.ok && result.problems).toEqual([
      {
        file: 'a.md',
        line: 3,
        field: 'sections',
        message:
          '"k0", "k1", "k2", "k3", "k4" and 4995 more: no section kind; the kinds are motivations, skills, tips, like { tips: Advice }',
      },
    ]);
  });

  it('GIVEN a value to quote a megabyte long, or terminal escapes in a key THEN the problem is one short printable line', () => {
    const long = parseArticle({ file: 'a.md', source: `---\ntitle: a: ${'b:'.repeat(100_000)}\n---\nx\n` });
    const escaped = parseArticle({
      file: 'a.md',
      source: '---\ntitle: T\nsections: {"\\e[2J": tips}\n---\nx\n',
    });
    for (const result of [long, escaped]) {
      expect(result.ok).toBe(false);
      for (const problem of result.ok ? [] : result.problems) {
        expect(problem.message.length).toBeLessThanOrEqual(300);
        expect(problem.message).not.toMatch(/[^\P{Cc}\t]/u);
      }
    }
    expect(!long.ok && long.problems[0]?.message).toMatch(
      /^invalid YAML in front matter: a value holding ": " must be in quotes: title: "a: b:b:b.*…$/,
    );
  });
});

describe('frontMatterSchema: an empty optional field is none', () => {
  it('GIVEN each optional field empty (YAML\'s null, "" or blanks) THEN it is absent, as the generators read it', () => {
    for (const blank of [null, '', '  '])
      for (const field of [
        'title',
        'slug',
        'url',
        'permalink',
        'summary',
        'description',
        'excerpt',
        'date',
        'expirydate',
        'publishdate',
        'sections',
      ]) {
        const read = frontMatterSchema.safeParse({ [field]: blank });
        expect(read.success && read.data, `${field}: ${String(blank)}`).toEqual({ tags: [] });
      }
  });

  it('GIVEN a value that is there but wrong THEN its own message, not "empty"', () => {
    const read = frontMatterSchema.safeParse({ description: ['a'], slug: '--', title: { a: 1 } });
    expect(
      read.success ? [] : read.error.issues.map(({ path, message }) => [path.join('.'), message]),
    ).toEqual([
      ['title', 'expected a title (text)'],
      ['slug', 'a slug needs at least one letter or digit'],
      ['description', 'expected a description (text)'],
    ]);
  });
});

describe('dayOf and instantOf: the days blogs write', () => {
  it('GIVEN a day with an English month name, in the orders blogs write it THEN that day, at its start in UTC', () => {
    for (const [written, day] of [
      ['Jul 08 2022', '2022-07-08'],
      ['July 8, 2022', '2022-07-08'],
      ['Jul 8, 2022', '2022-07-08'],
      ['8 July 2022', '2022-07-08'],
      ['08 jul 2022', '2022-07-08'],
      ['May 1 2024', '2024-05-01'],
    ] as const) {
      expect(dayOf(written), written).toBe(day);
      expect(instantOf(written), written).toBe(`${day}T00:00:00.000Z`);
    }
  });

  it('GIVEN a month name with a day that does not exist, or other text THEN no day (no Date.parse leniency)', () => {
    for (const written of [
      'Feb 30 2024',
      'Jun 31, 2024',
      'Jul 0 2022',
      'Jul 08 2022 noon',
      'Mon Jul 08 2022',
      'Julyy 8 2022',
      'Ju 8 2022',
      'July 8 2022.',
      '8, July 2022',
      'July 2022',
    ]) {
      expect(dayOf(written), written).toBeUndefined();
      expect(instantOf(written), written).toBeUndefined();
    }
  });

  // Astro's blog starter reads pubDate with z.coerce.date(): JavaScript's Date, which reads these.
  it('GIVEN a day with slashes, or a named day then a time THEN that day, the time in the site zone', () => {
    for (const [written, day, instant] of [
      ['2024/03/15', '2024-03-15', '2024-03-15T04:00:00.000Z'],
      ['2024/3/5 10:00', '2024-03-05', '2024-03-05T15:00:00.000Z'],
      ['2024/03/15T10:00:00Z', '2024-03-15', '2024-03-15T10:00:00.000Z'],
      ['March 3, 2024 10:00', '2024-03-03', '2024-03-03T15:00:00.000Z'],
      ['Jul 08 2022 9:05:07', '2022-07-08', '2022-07-08T13:05:07.000Z'],
      ['March 3, 2024, 10:00 PM', '2024-03-03', '2024-03-04T03:00:00.000Z'],
      ['March 3, 2024 12:30am', '2024-03-03', '2024-03-03T05:30:00.000Z'],
    ] as const) {
      expect(dayOf(written), written).toBe(day);
      expect(instantOf(written, 'America/New_York'), written).toBe(instant);
    }
    // A day in an order that is a guess (03/15 or 15/03), or that does not exist: none.
    for (const written of [
      '03/15/2024',
      '15/03/2024',
      '2024/02/30',
      '2024/03/15 noon',
      'Feb 30 2024 10:00',
      'March 3, 2024 13:00 PM',
    ])
      expect([dayOf(written), instantOf(written)], written).toEqual([undefined, undefined]);
  });

  it("GIVEN a feed's date (RFC 2822, as a WordPress import writes it) or Go's with its zone's name THEN the day written and the instant, as Hugo reads them", () => {
    for (const [written, day, instant] of [
      ['Fri, 05 Jan 2024 10:00:00 +0000', '2024-01-05', '2024-01-05T10:00:00.000Z'],
      ['5 January 2024 23:30 -0500', '2024-01-05', '2024-01-06T04:30:00.000Z'],
      ['Fri, 05 Jan 2024 10:00:00 GMT', '2024-01-05', '2024-01-05T10:00:00.000Z'],
      ['2024-01-05 10:00:00 +0000 UTC', '2024-01-05', '2024-01-05T10:00:00.000Z'],
      ['2024-01-05 10:00:00.5 -0700 MST', '2024-01-05', '2024-01-05T17:00:00.500Z'],
      // A zone without a name, as Go writes it (São Paulo's).
      ['2024-01-05 22:00:00 -0300 -03', '2024-01-05', '2024-01-06T01:00:00.000Z'],
    ] as const) {
      expect(dayOf(written), written).toBe(day);
      // The offset written, not the site's zone.
      expect(instantOf(written, 'Asia/Tokyo'), written).toBe(instant);
    }
    // A zone's name alone is no one zone; a day that does not exist is none.
    for (const written of ['Fri, 05 Jan 2024 10:00:00 EST', 'Sat, 31 Feb 2024 10:00:00 +0000'])
      expect([dayOf(written), instantOf(written)], written).toEqual([undefined, undefined]);
  });

  it("GIVEN a real day then text that is no time (Jekyll reads it with Ruby's Time.parse) THEN the day, but no instant", () => {
    expect(dayOf('2023-01-29 18:30:22 2023 -0800')).toBe('2023-01-29');
    expect(dayOf('2023-01-29Tnoon')).toBe('2023-01-29');
    expect(instantOf('2023-01-29 18:30:22 2023 -0800')).toBeUndefined();
    // Not a day: nothing opens it, or it does not exist, or no space or T before the text.
    for (const written of ['2023-02-29 18:30', '2023-01-29x', '2023-01-29 ', 'on 2023-01-29 at noon'])
      expect(dayOf(written), written).toBeUndefined();
  });
});

describe('readFrontMatter: what a reader refuses is said with what to do, at its line', () => {
  it('GIVEN TOML with a quote never closed THEN says so, not "control characters", and "invalid TOML" once', () => {
    for (const source of [
      '+++\ntitle = "Hugo TOML 3\ndate = 2023-01-01\n+++\nText.\n',
      "+++\ntitle = 'T\n+++\nText.\n",
    ])
      expect(readFrontMatter(source)).toEqual({
        ok: false,
        line: 2,
        message: 'invalid TOML in front matter: a text in quotes is never closed: end it with its quote',
      });
    const other = readFrontMatter('+++\ntitle = "T"\ntags = ["a"\n+++\nText.\n');
    expect(other).toMatchObject({ ok: false, line: 3 });
    expect(!other.ok && other.message).toMatch(/^invalid TOML in front matter: (?!Invalid TOML)/);
  });

  it('GIVEN a TOML array or inline table never closed THEN says so at the line it opens, not the next key', () => {
    const source =
      '+++\ntitle = "T"\ntags = ["career", "staff engineer"\ndate = 2024-01-01\nslug = "t"\n+++\nText.\n';
    expect(readFrontMatter(source)).toEqual({
      ok: false,
      line: 3,
      message: 'invalid TOML in front matter: "[" is never closed: end it with "]"',
    });
    expect(
      readFrontMatter('+++\ntitle = "T"\nextra = { a = 1\ndate = 2024-01-01\n+++\nText.\n'),
    ).toMatchObject({
      line: 3,
      message: 'invalid TOML in front matter: "{" is never closed: end it with "}"',
    });
    // Closed over several lines, and brackets in quotes or a comment: no such problem.
    expect(readFrontMatter('+++\ntags = [\n  "a [b",\n  "c", # ]\n]\n+++\nText.\n')).toMatchObject({
      ok: true,
    });
  });

  it('GIVEN TOML with True or a number written oddly THEN the hint fits, or there is none', () => {
    expect(readFrontMatter('+++\ndraft = True\n+++\nText.\n')).toMatchObject({
      message:
        "invalid TOML in front matter: invalid value (TOML's true and false are written in lower case)",
    });
    expect(readFrontMatter('+++\nweight = .5\n+++\nText.\n')).toMatchObject({
      message: 'invalid TOML in front matter: invalid value',
    });
  });

  it('GIVEN TOML text without quotes THEN says that text needs them', () => {
    expect(readFrontMatter('+++\ntitle = My post\n+++\nText.\n')).toEqual({
      ok: false,
      line: 2,
      message:
        'invalid TOML in front matter: invalid value (a text needs quotes in TOML, like title = "My post")',
    });
  });

  it("GIVEN a NUL byte on the YAML block's second line THEN the problem is at that line", () => {
    expect(readFrontMatter('---\ntitle: T\nsummary: a\0b\n---\nText.\n')).toMatchObject({
      ok: false,
      line: 3,
      message: 'invalid YAML in front matter: null byte is not allowed in input',
    });
  });

  it('GIVEN a !!js/ tag as a list item with no value THEN the problem is at its line, and names its list', () => {
    for (const list of ['tags:\n  - a\n  # b\n  - !!js/undefined', 'tags:\n- a\n- !!js/undefined'])
      expect(readFrontMatter(`---\ntitle: T\n${list}\n---\nText.\n`)).toEqual({
        ok: false,
        line: list.split('\n').length + 2,
        message:
          'front matter: tags: its value is JavaScript (!!js/undefined), which the bot never runs; write it as a list of texts in quotes, like ["career", "advice"]',
      });
  });

  it('GIVEN a !!js/ tag after a key of thousands of spaces THEN the key is cut to 40 characters, and time grows with the size only', () => {
    const line = (spaces: number): string => `k${' '.repeat(spaces)}x: !!js/undefined ""`;
    const read = readFrontMatter(`---\n${line(80_000)}\n---\nText.\n`);
    expect(read).toEqual({
      ok: false,
      line: 2,
      message: `front matter: k${' '.repeat(39)}…: its value is JavaScript (!!js/undefined), which the bot never runs; write it as text, a number, a list or a map`,
    });
    const inputs = [
      (size: number) => `---\n${line(size)}\n---\nText.\n`,
      (size: number) => `---\n- ${' '.repeat(size)}x: !!js/function "f"\n---\nText.\n`,
      (size: number) => `---\ntags:\n${'  -\n'.repeat(size / 4)}  - !!js/undefined\n---\nText.\n`,
    ];
    for (const input of inputs) expect(growth((text) => readFrontMatter(text), input)).toBeLessThan(LINEAR);
  });
});

describe('front matter that would take gray-matter or the hints time with the square of its size', () => {
  it('GIVEN a block of thousands of lone \\r, U+2028 or blank lines before long spaces THEN refused at once with its line', () => {
    expect(readFrontMatter(`---\ntitle: T\n${'\r'.repeat(5000)}x\n---\nText\n`)).toMatchObject({
      ok: false,
      message: 'front matter: longer than 1000 lines; is its closing "---" line missing?',
    });
    expect(readFrontMatter(`---\ntitle: T\n${'\n'.repeat(900)}${' '.repeat(3000)}x\n---\nText\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'front matter: too many blank lines and spaces in a row; remove them',
    });
    // Windows line ends are one line each, and a few hundred blank lines are read.
    expect(readFrontMatter(`---\r\n${'a: 1\r\n'.repeat(990)}---\r\nText\n`)).toMatchObject({ ok: true });
    expect(readFrontMatter(`---\ntitle: T\n${'\n'.repeat(990)}---\nText\n`)).toMatchObject({
      ok: true,
      data: { title: 'T' },
    });
    const inputs = [
      (size: number) => `---\ntitle: T\n${'\r'.repeat(size)}x\n---\nText\n`,
      (size: number) => `---\ntitle: T\n${'\u2028'.repeat(size)}x\n---\nText\n`,
      (size: number) => `---\ntitle: T\n${'\n'.repeat(900)}${' '.repeat(size)}x\n---\nText\n`,
    ];
    for (const input of inputs) expect(growth((text) => readFrontMatter(text), input)).toBeLessThan(LINEAR);
  });

  it('GIVEN a value of thousands of ": " that YAML cannot read THEN the hint or the reason comes in time that grows with the size only', () => {
    expect(readFrontMatter('---\ntitle: a: b: c  \n---\nT\n')).toEqual({
      ok: false,
      line: 2,
      message: 'invalid YAML in front matter: a value holding ": " must be in quotes: title: "a: b: c"',
    });
    const inputs = [
      (size: number) => `---\ntitle: a: ${'b: '.repeat(size / 3)}\r x\n---\nT\n`,
      (size: number) => `---\ntitle: a: ${'b: '.repeat(size / 3)}\n---\nT\n`,
    ];
    for (const input of inputs) expect(growth((text) => readFrontMatter(text), input)).toBeLessThan(LINEAR);
  });
});

describe('a field of the wrong type is said with what to write', () => {
  /** The problems of an article whose front matter block (fences and all) is `front`. */
  const problemsOf = (front: string) => {
    const result = parseArticle({ file: 'content/a.md', source: `${front}\n## Tips\n- x\n` });
    // A post read without tags it cannot show: what is said of them.
    const said = result.ok ? (result.article.leftOutTags ?? []) : result.problems;
    return said.map(({ line, field, message }) => ({ line, field, message }));
  };

  it('GIVEN a long run of spaces after such a value (JSON) THEN the hint is found in time that grows with the size only', () => {
    const front = (size: number) => `{\n  "url": "/x",\n  "title": true${' '.repeat(size)}\n}`;
    expect(problemsOf(front(10))).toEqual([
      { line: 3, field: 'title', message: 'expected a title (text): write it in quotes, "title": "true"' },
    ]);
    expect(growth(problemsOf, front)).toBeLessThan(LINEAR);
  });

  it('GIVEN a text field the reader took for true, false or a number THEN it says to quote it, as written', () => {
    expect(problemsOf('---\ntitle: True\nslug: false # draft\nurl: 2024\n---')).toEqual([
      { line: 2, field: 'title', message: 'expected a title (text): write it in quotes, title: "True"' },
      { line: 3, field: 'slug', message: 'expected a slug (text): write it in quotes, slug: "false"' },
      {
        line: 4,
        field: 'url',
        message: 'expected the article address (text): write it in quotes, url: "2024"',
      },
    ]);
    expect(problemsOf('+++\ntitle = true\nsummary = false\n+++')).toEqual([
      { line: 2, field: 'title', message: 'expected a title (text): write it in quotes, title = "true"' },
      {
        line: 3,
        field: 'summary',
        message: 'expected a summary (text): write it in quotes, summary = "false"',
      },
    ]);
    expect(problemsOf('{\n  "title": "T",\n  "description": true,\n  "x": 1\n}')).toEqual([
      {
        line: 3,
        field: 'description',
        message: 'expected a description (text): write it in quotes, "description": "true"',
      },
    ]);
  });

  it('GIVEN a number of hundreds of digits where text is expected THEN it says to quote it, without quoting it back', () => {
    expect(problemsOf(`---\ntitle: T\nurl: ${'9'.repeat(400)}\n---`)).toEqual([
      { line: 3, field: 'url', message: 'expected the article address (text): write it in quotes' },
    ]);
  });

  it('GIVEN a tag the reader took for true or false THEN it says to quote it, in a list of lines or written [ ]', () => {
    expect(problemsOf('---\ntitle: T\ntags:\n  - ok\n  - TRUE\n---')).toEqual([
      { line: 5, field: 'tags', message: 'the 2nd tag must be text: write it in quotes, "TRUE"' },
    ]);
    expect(problemsOf('---\ntitle: T\ntags: [ok, false]\n---')).toEqual([
      { line: 3, field: 'tags', message: 'the 2nd tag must be text: write it in quotes, "false"' },
    ]);
    expect(problemsOf('---\ntitle: T\ntags: [true, false, yes]\n---')).toEqual([
      { line: 3, field: 'tags', message: 'each tag must be text (2 entries): write it in quotes' },
    ]);
  });

  it('GIVEN a list or map where text is expected, or a date of true THEN no quotes are offered', () => {
    expect(problemsOf('---\ntitle: [a]\ndate: true\n---')).toEqual([
      { line: 2, field: 'title', message: 'expected a title (text)' },
      {
        line: 3,
        field: 'date',
        message: expect.stringMatching(/^expected a real day written as YYYY-MM-DD/) as string,
      },
    ]);
  });

  it('GIVEN a date the reader took for a number THEN it says every form a date is written in, as for any other bad date', () => {
    const said =
      'expected a real day written as YYYY-MM-DD or YYYY/MM/DD (a time may follow), or like "Jul 8, 2022" or "8 July 2022"';
    expect(problemsOf('---\ntitle: T\ndate: 20240101\nexpiryDate: 20250101\n---')).toEqual([
      { line: 3, field: 'date', message: said },
      { line: 4, field: 'expiryDate', message: said },
    ]);
    expect(problemsOf('---\ntitle: T\ndate: 2024-13-01\n---')).toEqual([
      { line: 3, field: 'date', message: said },
    ]);
  });
});
