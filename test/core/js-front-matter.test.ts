import { afterEach, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/core/front-matter.js';
import { readJsFrontMatter } from '../../src/core/js-front-matter.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { mustParse } from '../helpers/articles.js';

const BODY = '## Tips\n- Ask for feedback early.\n';

function parsed(source: string, file = 'content/blog/post.md') {
  return parseArticle({ file, source, siteUrl: 'https://blog.example', eleventy: true });
}

function problemsOf(source: string) {
  const result = parsed(source);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

/** The data a `---js` block gives, or its problem. */
function dataOf(source: string): unknown {
  const block = readFrontMatter(source);
  return block.ok ? block.data : { line: block.line, message: block.message };
}

const TITLE_IS_CODE =
  'front matter: title: its value is JavaScript, which the bot never runs; write it as a literal (text in quotes, like "How to ask for a raise")';

describe("Eleventy's `---js` front matter is read as data", () => {
  it("GIVEN eleventy-base-blog's fifthpost.md, a draft THEN it is no article and no problem", () => {
    // 11ty/eleventy-base-blog content/blog/fifthpost.md, as written.
    const fifth =
      '---js\nconst title = "This is a fifth post";\nconst date = "2023-01-23";\nconst draft = true;\n---\nThis is a draft post\n';
    expect(parsed(fifth, 'content/blog/fifthpost.md')).toEqual({
      ok: false,
      problems: [],
      unpublished: true,
    });
  });

  it("GIVEN eleventy-base-blog's about.md THEN its navigation object is read as data", () => {
    const about = '---js\nconst eleventyNavigation = {\n\tkey: "About",\n\torder: 3\n};\n---\n# About\n';
    expect(dataOf(about)).toEqual({ eleventyNavigation: { key: 'About', order: 3 } });
  });

  it('GIVEN a published post with a title, a date and a tags array THEN it is an article with those values', () => {
    const article = mustParse(
      `---js\nconst title = "How to ask for a raise";\nconst date = "2024-01-05";\nlet tags = ["career", 'pay'];\nvar summary = \`Plan the talk.\`;\n---\n${BODY}`,
      'content/blog/raise.md',
    );
    expect(article).toMatchObject({
      title: 'How to ask for a raise',
      date: '2024-01-05',
      tags: ['career', 'pay'],
      summary: 'Plan the talk.',
    });
  });

  it('GIVEN the older object-literal form THEN its keys are read, its functions left out', () => {
    const source = `---js\n{\n  title: "Feedback",\n  "date": \`2023-03-01\`,\n  tags: ["career"],\n  shout(text) { return text.toUpperCase(); },\n  upper: (text) => text.toUpperCase(),\n}\n---\n${BODY}`;
    expect(dataOf(source)).toEqual({ title: 'Feedback', date: '2023-03-01', tags: ['career'] });
    expect(mustParse(source)).toMatchObject({ title: 'Feedback', date: '2023-03-01', tags: ['career'] });
  });

  it('GIVEN the object form ended by a `;` and comments THEN it is read, as Eleventy reads it', () => {
    for (const end of [';', '; // the post', ' /* c */ ;\n// d', ' // c'])
      expect(dataOf(`---js\n{ title: "x" }${end}\n---\n`), end).toEqual({ title: 'x' });
  });

  it('GIVEN the object form with anything more than one object literal THEN not valid JavaScript, at its line', () => {
    const notValid = (line: number) => ({
      line,
      message: `front matter: "---js" block is not valid JavaScript at line ${line}: Unexpected token`,
    });
    for (const [rest, line] of [
      [') + (1', 2],
      ['\n+ 1', 3],
      ['\n.title', 3],
      [', 1', 2],
      [';\n;', 3],
      ['\n\n{ b: 1 }', 4],
      ['()', 2],
    ] as const)
      expect(dataOf(`---js\n{ title: "x" }${rest}\n---\n`), rest).toEqual(notValid(line));
  });

  it('GIVEN functions, classes and code the bot does not read THEN they are left out quietly', () => {
    const source = `---js\nconst title = "T";\nfunction slugify(text) { return text; }\nconst upper = (text) => text.toUpperCase();\nclass Helper {}\nconst eleventyComputed = { permalink: (data) => data.page.fileSlug };\nconst layout = someLayout;\n---\n${BODY}`;
    expect(dataOf(source)).toEqual({ title: 'T' });
  });

  it('GIVEN literals of every kind THEN each is read as written', () => {
    const source =
      '---js\nexport const text = "a";\nconst count = -3;\nconst on = false;\nconst none = null;\n' +
      'const day = new Date("2023-01-23");\nconst nested = { list: [1, { "quoted key": `b` }], 7: "seven" };\n---\n';
    expect(dataOf(source)).toEqual({
      text: 'a',
      count: -3,
      on: false,
      none: null,
      day: '2023-01-23',
      nested: { list: [1, { 'quoted key': 'b' }], 7: 'seven' },
    });
  });

  it('GIVEN a later top-level assignment THEN the last value written is read', () => {
    expect(dataOf('---js\nlet title = "a";\ntitle = "b";\n---\n')).toEqual({ title: 'b' });
    expect(problemsOf(`---js\nlet title = "a";\ntitle = make();\n---\n${BODY}`)).toEqual([
      { file: 'content/blog/post.md', line: 3, message: TITLE_IS_CODE },
    ]);
  });
});

describe('a `---js` field the bot reads that is code', () => {
  it.each([
    ['a call', 'const title = makeTitle();'],
    ['a name', 'const title = site.title;'],
    ['a template with ${}', 'const title = `Post ${n}`;'],
    ['a function', 'function title() { return "T"; }'],
    ['a destructuring', 'const { title } = data;'],
  ])('GIVEN %s THEN the problem names the field at its line and says what to write', (_, code) => {
    expect(problemsOf(`---js\nconst date = "2024-01-05";\n${code}\n---\n${BODY}`)).toEqual([
      { file: 'content/blog/post.md', line: 3, message: TITLE_IS_CODE },
    ]);
  });

  it('GIVEN a draft, unlisted, a date and tags that are code THEN the first one is named, with the literal to write', () => {
    expect(problemsOf(`---js\nconst title = "T";\nconst draft = isDraft();\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 3,
        message:
          'front matter: draft: its value is JavaScript, which the bot never runs; write it as a literal (true or false)',
      },
    ]);
    // Whether the post is listed, as draft says whether it is published.
    expect(problemsOf(`---js\nconst title = "T";\nconst unlisted = hidden();\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 3,
        message:
          'front matter: unlisted: its value is JavaScript, which the bot never runs; write it as a literal (true or false)',
      },
    ]);
    expect(problemsOf(`---js\n{\n  title: "T",\n  date: new Date(),\n}\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 4,
        message:
          'front matter: date: its value is JavaScript, which the bot never runs; write it as a literal (a day in quotes, like "2024-01-05")',
      },
    ]);
    expect(problemsOf(`---js\nconst tags = ["a", ...more];\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 2,
        message:
          'front matter: tags: its value is JavaScript, which the bot never runs; write it as a literal (a list of texts in quotes, like ["career", "advice"])',
      },
    ]);
  });

  it("GIVEN a literal field the schema refuses THEN the problem is at its declaration's line, not a nested key's", () => {
    expect(
      problemsOf(`---js\n{\n  seo: {\n    date: "soon",\n  },\n  date: "2024-02-30",\n}\n---\n${BODY}`),
    ).toEqual([
      {
        file: 'content/blog/post.md',
        line: 6,
        field: 'date',
        message: expect.stringMatching(/^expected a real day/) as string,
      },
    ]);
    expect(
      problemsOf(`---js\nconst tags = ["ok"],\n  slug = "${'x'.repeat(100_000)}";\n---\n${BODY}`),
    ).toEqual([{ file: 'content/blog/post.md', line: 3, field: 'slug', message: 'at most 200 characters' }]);
  });
});

describe('hostile `---js` front matter is never run and never fatal', () => {
  const global = globalThis as { ran?: unknown; polluted?: unknown };
  afterEach(() => {
    delete global.ran;
  });

  it('GIVEN statements that would run code THEN nothing runs and they are no data', () => {
    // Run, `process.exit` would end this test's process.
    const source = `---js\nglobalThis.ran = true;\nprocess.exit(1);\nrequire("node:fs").rmSync("/", { recursive: true });\nconst title = "T";\n---\n${BODY}`;
    expect(dataOf(source)).toEqual({ title: 'T' });
    expect(problemsOf(`---js\nconst title = (globalThis.ran = true, "T");\n---\n${BODY}`)).toEqual([
      { file: 'content/blog/post.md', line: 2, message: TITLE_IS_CODE },
    ]);
    expect(global.ran).toBeUndefined();
  });

  it('GIVEN a syntax error THEN the problem names its line', () => {
    expect(problemsOf(`---js\nconst title = "T";\nconst date = ;\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 3,
        message: 'front matter: "---js" block is not valid JavaScript at line 3: Unexpected token',
      },
    ]);
    expect(problemsOf(`---javascript\n{ title: "T", date: }\n---\n${BODY}`)).toMatchObject([
      {
        line: 2,
        message: expect.stringMatching(/^front matter: "---javascript" block is not valid/) as string,
      },
    ]);
  });

  it('GIVEN arrays nested thousands deep, or just past what data needs THEN "nested too deeply" at their line', () => {
    for (const depth of [100, 100_000])
      expect(
        problemsOf(
          `---js\nconst title = "T";\nconst x = ${'['.repeat(depth)}${']'.repeat(depth)};\n---\n${BODY}`,
        ),
      ).toEqual([{ file: 'content/blog/post.md', line: 3, message: 'front matter nested too deeply' }]);
    // Nested by signs, `- - -1`, as YAML's list markers are.
    expect(
      dataOf(`---js\nconst title = "T";\nconst x =\n${'- '.repeat(100_000)}1;\nconst y = [\n1];\n---\n`),
    ).toEqual({
      line: 4,
      message: 'front matter nested too deeply',
    });
    expect(JSON.stringify(dataOf(`---js\nconst x = ${'['.repeat(20)}${']'.repeat(20)};\n---\n`))).toBe(
      `{"x":${'['.repeat(20)}${']'.repeat(20)}}`,
    );
  });

  it('GIVEN __proto__ and constructor keys THEN no prototype changes: they are skipped or kept as plain keys', () => {
    const source =
      '---js\nvar __proto__ = { polluted: 1 };\nconst constructor = "c";\n' +
      'const nested = { __proto__: { polluted: 1 }, constructor: { prototype: 1 } };\n' +
      'const quoted = { "__proto__": { polluted: 1 } };\n---\n';
    const data = dataOf(source) as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data['nested'])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data['quoted'])).toBe(Object.prototype);
    expect(data).toEqual({ constructor: 'c', nested: { constructor: { prototype: 1 } }, quoted: {} });
    expect(global.polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('GIVEN a block of 1,000 declarations THEN each is read; one of 1,001 lines is refused as too long', () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, i) => `const k${i} = ${i};`).join('\n');
    const data = dataOf(`---js\n${lines(1000)}\n---\n`) as Record<string, unknown>;
    expect(Object.keys(data)).toHaveLength(1000);
    expect(problemsOf(`---js\n${lines(1001)}\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 1,
        message: 'front matter: longer than 1000 lines; is its closing "---" line missing?',
      },
    ]);
  });

  it('GIVEN a block declaring more than 10,000 names THEN it is refused at line 1, unparsed; 9,000 are read', () => {
    const names = (count: number) =>
      `var ${Array.from({ length: count }, (_, i) => `n${i} = ${i}`).join(', ')};`;
    expect(problemsOf(`---js\nconst title = "T";\n${names(10_000)}\n---\n${BODY}`)).toEqual([
      {
        file: 'content/blog/post.md',
        line: 1,
        message:
          'front matter: "---js" block declares or lists more than 10,000 values; keep the post\'s data in it, and the rest in the site\'s data files',
      },
    ]);
    // Classes on one line have no comma or semicolon between them: their braces count.
    expect(dataOf(`---js\n${'class A {}'.repeat(10_001)}\n---\n`)).toMatchObject({
      line: 1,
      message: expect.stringContaining('more than 10,000 values') as string,
    });
    const data = dataOf(`---js\nconst title = "T";\n${names(9000)}\n---\n`) as Record<string, unknown>;
    expect([Object.keys(data).length, data['n8999']]).toEqual([9001, 8999]);
  });

  it('GIVEN "---coffee" THEN it is still refused as no data format', () => {
    expect(problemsOf(`---coffee\ntitle: "T"\n---\n${BODY}`)).toMatchObject([
      {
        line: 1,
        message: expect.stringMatching(/^front matter: "---coffee" is not a data format/) as string,
      },
    ]);
  });
});

describe('readJsFrontMatter', () => {
  it('GIVEN a field the caller does not read that is code THEN it is left out without a problem', () => {
    expect(readJsFrontMatter('\nconst title = make();\nconst n = 1;\n', 'js', () => undefined)).toEqual({
      ok: true,
      data: { n: 1 },
      keyLines: new Map([['n', 3]]),
    });
  });
});
