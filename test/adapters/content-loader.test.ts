import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';
import { formatProblem } from '../../src/core/article.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { CONTENT_DIR } from '../helpers/paths.js';

let dir: string;
const rel = (name: string) => relative(process.cwd(), join(dir, name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  const put = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), text);
  put('good.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- **A:** b'));
  put('nested/deeper/also-good.md', articleSource(validFront(), '## Skills\n\n- s'));
  put('bad-yaml.md', '---\ntitle: [unclosed\n---\n## Tips\n- x\n');
  put('missing.md', articleSource({ tags: ['a'] }, '## Tips\n\n- x'));
  put('no-sections.md', articleSource(validFront({ slug: 'no-sections' }), 'Just prose.'));
  put('zz-duplicate.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- x'));
  put('binary.md', Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  put('windows.md', articleSource(validFront(), '## Tips\r\n\r\n- **CRLF:** works').replace(/\n/g, '\r\n'));
  put('notes.txt', 'not an article');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadContent', () => {
  it('GIVEN the project content folder THEN loads it without problems, and every reply from it fits Discord', async () => {
    const loaded = await loadContent(CONTENT_DIR, 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.length).toBeGreaterThanOrEqual(1);
    for (const { what, violations } of renderedMessages(loaded.index, 'https://blog.example'))
      expect(violations, what).toEqual([]);
  });

  it('GIVEN a blog folder: .markdown posts, drafts, unpublished posts and a Hugo list page THEN loads only the published posts, with no problem', async () => {
    const blog = mkdtempSync(join(tmpdir(), 'blog-'));
    try {
      const put = (name: string, text: string) => writeFileSync(join(blog, name), text);
      put('Kept Post.markdown', articleSource(validFront(), '## Tips\n\n- x'));
      put('draft.md', articleSource(validFront({ draft: true }), '## Tips\n\n- x'));
      put('hidden.md', articleSource(validFront({ published: false }), '## Tips\n\n- x'));
      put('toml-draft.md', '+++\ntitle = "T"\ndraft = true\n+++\n## Tips\n- x\n');
      put('_index.md', '---\ntitle: Posts\n---\n');
      const loaded = await loadContent(blog, undefined);
      expect(loaded.problems).toEqual([]);
      expect(loaded.index.articles.map((article) => article.slug)).toEqual(['kept-post']);
    } finally {
      rmSync(blog, { recursive: true, force: true });
    }
  });

  it('GIVEN good and broken files THEN keeps the good ones and reports each broken one by path', async () => {
    const loaded = await loadContent(dir, undefined);
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual([
      'also-good',
      'good',
      'no-sections',
      'windows',
    ]);
    expect(loaded.fileCount).toBe(8);
    const byFile = new Map(loaded.problems.map((p) => [p.file, p]));
    expect(byFile.get(rel('bad-yaml.md'))?.message).toMatch(/invalid YAML/);
    expect(byFile.get(rel('bad-yaml.md'))?.line).toBeGreaterThanOrEqual(2);
    // An address, a summary and tags may be left out of the front matter; a title may not.
    expect(loaded.problems.filter((p) => p.file === rel('missing.md')).map((p) => p.field)).toEqual([
      'title',
    ]);
    // A post without motivations, skills or tips is an article all the same.
    expect(byFile.has(rel('no-sections.md'))).toBe(false);
    expect(byFile.get(rel('zz-duplicate.md'))?.message).toBe(`"good" is already used by ${rel('good.md')}`);
    expect(byFile.get(rel('binary.md'))?.message).toMatch(/not valid UTF-8/);
    expect(formatProblem(byFile.get(rel('bad-yaml.md')) ?? { file: '', message: '' })).toMatch(
      /^.*bad-yaml\.md:\d+: invalid YAML/,
    );
  });

  it('GIVEN a folder that does not exist THEN reports it rather than throwing', async () => {
    const loaded = await loadContent(join(dir, 'nope'), undefined);
    expect(loaded.index.articles).toEqual([]);
    expect(loaded.problems[0]?.message).toBe('the folder does not exist');
  });
});

describe('loadContent in a hostile content folder', () => {
  let content: string;
  let outside: string;
  const name = (path: string) => relative(process.cwd(), join(content, path));
  const marker = () => join(outside, 'pwned');

  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'outside-'));
    content = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'content');
    for (const folder of ['sub', '.git', 'node_modules/pkg'])
      mkdirSync(join(content, folder), { recursive: true });
    const put = (path: string, text: string) => writeFileSync(join(content, path), text);
    put('good.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- **A:** b'));
    put('sub/inner.md', articleSource(validFront({ slug: 'inner' }), '## Skills\n\n- s'));
    // Read, they would be articles with these slugs: that none loads shows they were not.
    put('.git/hidden.md', articleSource(validFront({ slug: 'from-git' }), '## Tips\n\n- x'));
    put('node_modules/pkg/readme.md', articleSource(validFront({ slug: 'from-package' }), '## Tips\n\n- x'));
    writeFileSync(
      join(outside, 'secret.md'),
      articleSource(validFront({ slug: 'secret' }), '## Tips\n\n- x'),
    );
    put(
      'run.md',
      `---js\n{ title: (require('node:fs').writeFileSync(${JSON.stringify(marker())}, 'x'), 'x') }\n---\n## Tips\n- x\n`,
    );
    put('deep.md', articleSource(validFront({ slug: 'deep' }), `## Tips\n\n${'- '.repeat(1000)}x`));
    put(
      'quotes.md',
      articleSource(validFront({ slug: 'quotes' }), `## Tips\n\n- **Deep:**\n\n  ${'>'.repeat(10_000)} x`),
    );
    symlinkSync('..', join(content, 'sub/loop'));
    symlinkSync('..', join(content, 'up'));
    symlinkSync('/', join(content, 'root'));
    symlinkSync(join(outside, 'secret.md'), join(content, 'secret.md'));
    symlinkSync('good.md', join(content, 'alias.md'));
    symlinkSync('sub/inner.md', join(content, 'sub-alias.md'));
    symlinkSync('nowhere.md', join(content, 'dangling.md'));
  });
  afterAll(() => {
    rmSync(join(content, '..'), { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('GIVEN links out, loops, duplicates, code and deep nesting THEN reads each file inside once and names every problem', async () => {
    const loaded = await loadContent(content, undefined);
    // Once each: a second read would be a "slug already used" problem.
    expect(loaded.index.articles.map((article) => article.file)).toEqual([
      name('good.md'),
      name('sub/inner.md'),
    ]);
    expect(loaded.fileCount).toBe(5);
    expect(existsSync(marker())).toBe(false);
    expect(loaded.problems).toEqual([
      { file: name('dangling.md'), message: 'skipped: a link to nothing (nowhere.md)' },
      { file: name('root'), message: 'skipped: a link out of the content folder (/)' },
      {
        file: name('secret.md'),
        message: `skipped: a link out of the content folder (${join(outside, 'secret.md')})`,
      },
      { file: name('sub/loop'), message: 'skipped: a link to a folder already read (..)' },
      { file: name('up'), message: 'skipped: a link out of the content folder (..)' },
      {
        file: name('deep.md'),
        line: 11,
        message: 'nesting deeper than 32 levels (lists or quotes); flatten it',
      },
      {
        file: name('quotes.md'),
        line: 13,
        message: 'nesting deeper than 32 levels (lists or quotes); flatten it',
      },
      {
        file: name('run.md'),
        line: 1,
        message:
          'front matter: "---js" is not a data format; write YAML between "---" lines (or TOML between "+++" lines, or JSON after "---json")',
      },
    ]);
  });

  it('GIVEN a content folder reached through a link THEN reads it as the folder itself', async () => {
    const link = join(outside, 'linked-content');
    symlinkSync(content, link);
    const loaded = await loadContent(link, undefined);
    expect(loaded.index.articles.map((article) => article.slug)).toEqual(['good', 'inner']);
  });
});
