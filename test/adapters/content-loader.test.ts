import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  configuredSiteAddress,
  displayName,
  compare,
  findArticles,
  isArticlePath,
  isWalked,
  isWalkedFolder,
  loadContent,
  parseSettingsOf,
  readArticles,
  type FileOutcome,
} from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { formatProblem, type Article } from '../../src/core/article.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { CONTENT_DIR } from '../helpers/paths.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';

let dir: string;
const rel = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  const put = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), text);
  put('good.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- **A:** b'));
  put('nested/deeper/also-good.md', articleSource(validFront(), '## Skills\n\n- s'));
  put('bad-yaml.md', '---\ntitle: [unclosed\n---\n## Tips\n- x\n');
  put('missing.md', articleSource({ title: ['a'], tags: ['a'] }, '## Tips\n\n- x'));
  put('no-sections.md', articleSource(validFront({ slug: 'no-sections' }), 'Just prose.'));
  put('zz-duplicate.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- x'));
  put('binary.md', Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  // Saved as Latin-1: its é is no UTF-8, on line 3 (lines ended by CR alone, as parseFile reads them
  // too), after a byte-order mark and a U+FFFD that are UTF-8.
  put(
    'latin1.md',
    Buffer.concat([
      Buffer.from('\uFEFF---\rtitle: \uFFFD\r', 'utf8'),
      Buffer.from('summary: Caf\xe9\r---\r## Tips\r- x\r', 'latin1'),
    ]),
  );
  put('windows.md', articleSource(validFront(), '## Tips\r\n\r\n- **CRLF:** works').replace(/\n/g, '\r\n'));
  put('notes.txt', 'not an article');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadContent', () => {
  it('GIVEN the project content folder THEN loads it without problems, and every reply from it fits Discord', async () => {
    const loaded = await loadContent(CONTENT_DIR, 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.length).toBeGreaterThanOrEqual(1);
    for (const { what, violations } of renderedMessages(
      loaded.index,
      defaultBlogLinks('https://blog.example'),
    ))
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
    expect(loaded.fileCount).toBe(9);
    const byFile = new Map(loaded.problems.map((p) => [p.file, p]));
    expect(byFile.get(rel('bad-yaml.md'))?.message).toMatch(/invalid YAML/);
    expect(byFile.get(rel('bad-yaml.md'))?.line).toBeGreaterThanOrEqual(2);
    // An address, a summary, tags and a title (the file name makes one, an empty one too) may be left out;
    // a title that is no text is refused.
    expect(loaded.problems.filter((p) => p.file === rel('missing.md')).map((p) => p.field)).toEqual([
      'title',
    ]);
    // A post without motivations, skills or tips is an article all the same.
    expect(byFile.has(rel('no-sections.md'))).toBe(false);
    expect(byFile.get(rel('zz-duplicate.md'))?.message).toBe(
      `"good" is already used by ${rel('good.md')}, both undated: give this post a slug of its own`,
    );
    expect(byFile.get(rel('binary.md'))?.message).toBe('the file is not valid UTF-8 text: save it as UTF-8');
    expect(byFile.get(rel('latin1.md'))).toMatchObject({
      line: 3,
      message: 'the file is not valid UTF-8 text: save it as UTF-8',
    });
    expect(formatProblem(byFile.get(rel('bad-yaml.md')) ?? { file: '', message: '' })).toMatch(
      /^.*bad-yaml\.md:\d+: invalid YAML/,
    );
  });

  it('GIVEN a content folder outside the working directory THEN a file is named by its absolute path; inside it, from it', () => {
    const here = process.cwd();
    const beside = join(dirname(here), 'blog');
    // `../blog/posts/x.md` from the bot's folder would send the reader looking from there.
    expect(displayName(beside, join('posts', 'x.md'))).toBe(`${beside}/posts/x.md`);
    expect(displayName(join('..', 'blog'), 'x.md')).toBe(`${beside}/x.md`);
    expect(displayName(join(here, 'content'), join('posts', 'x.md'))).toBe('content/posts/x.md');
    expect(displayName('./content', 'x.md')).toBe('content/x.md');
    // A name that only starts with two dots is inside all the same.
    expect(displayName('..blog', 'x.md')).toBe('..blog/x.md');
  });

  it('GIVEN files of every size read at once, larger ones first, one over the read buffer THEN each article has its own text, none of another file', async () => {
    const many = mkdtempSync(join(tmpdir(), 'sizes-'));
    try {
      const sizes = [70_000, 30_000, 5_000, 400, 20, 1];
      for (let i = 0; i < 60; i++) {
        const filler = 'x'.repeat(sizes[i % sizes.length] ?? 1);
        writeFileSync(
          join(many, `a${String(i).padStart(2, '0')}.md`),
          articleSource({ title: `T${i}` }, `## Tips\n\n- Tip ${i} ${filler}`),
        );
      }
      const loaded = await loadContent(many, undefined);
      expect(loaded.problems).toEqual([]);
      for (const article of loaded.index.articles) {
        const i = Number(article.title.slice(1));
        expect(article.sections.tips?.items[0]?.text).toBe(
          `Tip ${i} ${'x'.repeat(sizes[i % sizes.length] ?? 1)}`,
        );
      }
      expect(loaded.index.articles).toHaveLength(60);
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  it("GIVEN a first start with many files, which the workers read THEN every outcome is the one this thread's reads give", async () => {
    const many = mkdtempSync(join(tmpdir(), 'first-start-'));
    const logger = createLogger({ level: 'silent' });
    try {
      for (let i = 0; i < 260; i++) {
        const name = join(many, `p${String(i).padStart(3, '0')}.md`);
        if (i % 50 === 7) writeFileSync(name, '---\ntitle: [unclosed\n---\n');
        else if (i % 50 === 8) writeFileSync(name, Buffer.from([0xff, 0xfe, 0x00]));
        else writeFileSync(name, articleSource(validFront({ title: `P${i}` }), `## Tips\n\n- Tip ${i}`));
      }
      writeFileSync(join(many, 'big.md'), 'x'.repeat(1024 * 1024 + 1));
      execFileSync('mkfifo', [join(many, 'fifo.md')]);
      const { files, problems } = await findArticles(many);
      expect(problems).toEqual([
        {
          file: join(many, 'fifo.md'),
          message: 'skipped: not a regular file (a named pipe)',
        },
      ]);
      // Gone since the walk, or become a FIFO (which the walk does not list): no file to read.
      files.push(
        { path: join(many, 'fifo.md'), file: 'fifo.md' },
        { path: join(many, 'removed.md'), file: 'removed.md' },
      );
      const settings = { siteUrl: 'https://blog.example', dir: many };
      // An article as the store keeps it reads its sections from disk when asked.
      const plain = (outcomes: FileOutcome[]) =>
        outcomes.map((outcome) => {
          if (outcome.kind !== 'article') return outcome;
          const { slug, title, summary, tags, url, date, file, sections } = outcome.article;
          return { ...outcome, article: { slug, title, summary, tags, url, date, file, sections } };
        });
      // No store, or an empty one: the workers read every file.
      const store = ContentStore.memory(logger);
      const first = plain(await readArticles(files, settings, store));
      const storeless = plain(await readArticles(files, settings));
      // A store that knows some other file: this thread reads the first chunk, as on a restart.
      const other = ContentStore.memory(logger);
      other.putAll([{ key: 'other', form: { ok: false, problems: [] } }]);
      const here = plain(await readArticles(files, settings, other));
      // The same from the store that the first start filled.
      const restart = plain(await readArticles(files, settings, store));
      expect(first.filter((outcome) => outcome.kind === 'article')).toHaveLength(260 - 12);
      expect(first.find((outcome) => outcome.file.file === 'removed.md')?.kind).toBe('gone');
      expect(first.find((outcome) => outcome.file.file === 'fifo.md')?.kind).toBe('gone');
      expect(first.find((outcome) => outcome.file.path.endsWith('big.md'))).toMatchObject({
        kind: 'problems',
        problems: [
          {
            message:
              'the file has 1048577 bytes; an article may have at most 1048576: shorten it, or split it into articles',
          },
        ],
        signature: expect.any(String) as unknown,
      });
      expect(storeless).toEqual(first);
      expect(here).toEqual(first);
      expect(restart).toEqual(first);
      store.close();
      other.close();
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('GIVEN a folder that does not exist THEN reports it rather than throwing', async () => {
    const loaded = await loadContent(join(dir, 'nope'), undefined);
    expect(loaded.index.articles).toEqual([]);
    expect(loaded.problems[0]?.message).toBe('the folder does not exist');
  });

  it('GIVEN a folder written with a leading ~ (as in .env, which no shell reads) THEN says it is not expanded', async () => {
    const loaded = await loadContent('~/no-such-blog/content', undefined);
    expect(loaded.problems[0]?.message).toBe(
      'the folder does not exist (a leading ~ is not expanded: write the full path)',
    );
  });

  it('GIVEN a file as the content folder THEN says to name the folder that holds it', async () => {
    const loaded = await loadContent(join(dir, 'good.md'), undefined);
    expect(loaded.index.articles).toEqual([]);
    expect(loaded.problems).toEqual([
      {
        file: join(dir, 'good.md'),
        message: 'is a file, not a folder: set CONTENT_DIR to the folder that holds the articles',
      },
    ]);
  });
});

describe('loadContent in a hostile content folder', () => {
  let content: string;
  let outside: string;
  const name = (path: string) => join(content, path);
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
    // A folder the walk leaves out, and a link to it: read through no link either.
    symlinkSync('.git', join(content, 'git-alias'));
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
      { file: name('git-alias'), message: 'skipped: a link to a folder that is not read (.git)' },
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
        line: 2,
        message:
          'front matter: title: its value is JavaScript, which the bot never runs; write it as a literal (text in quotes, like "How to ask for a raise")',
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

describe("findArticles in a Jekyll site's folder", () => {
  let site: string;
  const put = (path: string, text = articleSource(validFront(), '## Tips\n\n- x')): void => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  /** The files found and the folders walked, relative to the site's folder. */
  const found = async () => {
    const { files, folders, problems } = await findArticles(site);
    const root = realpathSync(site);
    return {
      files: files.map((file) => relative(site, file.file)),
      folders: folders.map((folder) => relative(root, folder)).sort(),
      problems,
    };
  };
  const posts = [
    '_posts/2024-01-01-top.md',
    '_posts/2024/2024-01-02-by-year.md',
    '_posts/_notes/2024-01-03-note.md',
    'a/b/_posts/2024/2024-01-04-deep.md',
    'blog/_posts/2024-01-05-blog.md',
  ];

  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'jekyll-'));
    put('_config.yml', 'title: A blog\n');
    for (const post of posts) put(post);
    // What Jekyll does not publish as posts: pages, drafts, layouts, collections, its output and
    // installed gems.
    for (const other of [
      'about.md',
      'README.md',
      'blog/index.md',
      'blog/_drafts/nested-draft.md',
      '_drafts/draft.md',
      '_layouts/post.md',
      '_recipes/collection-item.md',
      '_site/x.md',
      'vendor/bundle/gems/x/README.md',
    ])
      put(other);
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('GIVEN a _config.yml at the top THEN only the files in _posts folders, without walking the folders Jekyll does not publish', async () => {
    expect(await found()).toEqual({
      files: posts,
      folders: [
        '',
        '_posts',
        '_posts/2024',
        '_posts/_notes',
        'a',
        'a/b',
        'a/b/_posts',
        'a/b/_posts/2024',
        'blog',
        'blog/_posts',
      ],
      problems: [],
    });
  });

  it('GIVEN files in _posts whose name has no date THEN not read in a site, as Jekyll leaves them out; read without _config.yml', async () => {
    const undated = ['_posts/notes.md', '_posts/2024/draft-idea.md', 'a/b/_posts/2024-01-x.md'];
    for (const file of undated) put(file);
    // Jekyll's dates: a year of two to four digits, a month and a day of one or two.
    const looseDates = ['_posts/24-1-7-short.md', '_posts/2024-1-8-one-digit.markdown'];
    for (const file of looseDates) put(file);
    expect(await found()).toEqual(
      expect.objectContaining({ files: [...posts, ...looseDates].sort(), problems: [] }),
    );
    // Neither read nor a problem.
    const loaded = await loadContent(site, undefined);
    expect(loaded.fileCount).toBe(posts.length + looseDates.length);
    expect(loaded.problems.filter((problem) => undated.some((file) => problem.file.endsWith(file)))).toEqual(
      [],
    );
    unlinkSync(join(site, '_config.yml'));
    expect((await found()).files).toEqual(expect.arrayContaining([...undated, ...looseDates]));
  });

  it('GIVEN _config.yaml or _config.toml at the top THEN a site as well; one deeper, or a folder of that name, does not make one', async () => {
    unlinkSync(join(site, '_config.yml'));
    put('_config.toml', 'title = "A blog"\n');
    expect((await found()).files).toEqual(posts);
    unlinkSync(join(site, '_config.toml'));
    put('_config.yaml', 'title: A blog\n');
    expect((await found()).files).toEqual(posts);
    unlinkSync(join(site, '_config.yaml'));
    put('blog/_config.yml', 'title: A blog\n');
    mkdirSync(join(site, '_config.yml'));
    // Read as any folder (but for Eleventy's _layouts and _site, never read: see below).
    expect((await found()).files).toHaveLength(posts.length + 7);
  });

  it("GIVEN no _config.yml THEN the same tree is read whole, as any content folder, but for Eleventy's own folders", async () => {
    unlinkSync(join(site, '_config.yml'));
    const { files, folders } = await found();
    expect(files).toEqual(
      [
        ...posts,
        'README.md',
        '_drafts/draft.md',
        '_recipes/collection-item.md',
        'about.md',
        'blog/_drafts/nested-draft.md',
        'blog/index.md',
        'vendor/bundle/gems/x/README.md',
      ].sort(),
    );
    expect(folders).toEqual(expect.arrayContaining(['_drafts', 'vendor/bundle/gems/x']));
    expect(folders).not.toContain('_site');
  });

  it("GIVEN links THEN their own name and place decide, as a file's: one in _posts is read, one elsewhere is not", async () => {
    symlinkSync(join(site, '_drafts/draft.md'), join(site, '_posts/2024-01-06-linked-draft.md'));
    symlinkSync(join(site, '_posts/2024-01-01-top.md'), join(site, 'top-link.md'));
    symlinkSync(join(site, '_posts/2024'), join(site, 'blog/_posts/2024-link'));
    // A link named without a date is not a post, whatever it leads to.
    symlinkSync(join(site, '_posts/2024-01-01-top.md'), join(site, '_posts/top-undated.md'));
    symlinkSync(join(site, '_posts'), join(site, '_drafts-link'));
    const { files, problems } = await found();
    expect(files).toEqual([...posts.slice(0, 1), '_posts/2024-01-06-linked-draft.md', ...posts.slice(1)]);
    // A folder is never followed (each one read is walked as itself); one named as a folder that is not
    // walked is not named either.
    expect(problems.map((problem) => [relative(site, problem.file), problem.message])).toEqual([
      ['blog/_posts/2024-link', `skipped: a link to a folder already read (${join(site, '_posts/2024')})`],
    ]);
  });
});

describe("findArticles in a Hugo site's content", () => {
  let site: string;
  const page = articleSource(validFront(), '## Tips\n\n- x');
  const put = (path: string, text = page): void => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  /**
   * The pages a walk found, posts and the site's pages (at the top of a sectioned site's content: see
   * the main sections' tests), by name.
   */
  const walked = ({ files, sitePages }: Awaited<ReturnType<typeof findArticles>>): string[] =>
    [...files.map((file) => file.file), ...sitePages].sort(compare);
  /** The files found under `inside` (the content folder by default), relative to it. */
  const found = async (inside = 'content') => {
    const result = await findArticles(join(site, inside));
    const { problems, bundles } = result;
    return { files: walked(result).map((file) => relative(join(site, inside), file)), problems, bundles };
  };
  const pages = [
    'about.md',
    'headless-bundle/index.md',
    'index.md',
    'posts/branch-sibling.md',
    'posts/leaf/index.md',
    'posts/plain.md',
    'posts/translated/index.fr.md',
    'posts/translated/index.md',
    'posts/year/2024/post.markdown',
  ];
  const resources = [
    'headless-bundle/piece.md',
    'posts/leaf/extra.md',
    'posts/leaf/sub/deeper.md',
    'posts/leaf/sub/index.md',
    'posts/translated/notes.md',
  ];

  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'hugo-'));
    put('hugo.toml', 'title = "A blog"\n');
    for (const file of pages) put(`content/${file}`);
    put('content/headless-bundle/index.md', '---\nheadless: true\n---\n');
    for (const file of resources) put(`content/${file}`);
    // A branch bundle: its other files are pages.
    put('content/posts/_index.md', '---\ntitle: Posts\n---\n');
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it("GIVEN hugo.toml beside the content folder THEN a leaf bundle's other files and folders are its resources, not pages; a branch bundle's are pages", async () => {
    expect(await found()).toEqual({
      files: pages,
      problems: [],
      bundles: new Set(
        ['headless-bundle', 'posts/leaf', 'posts/translated'].map((f) => f.split('/').join(sep)),
      ),
    });
    // The headless bundle's page is none either: no article from that folder.
    const loaded = await loadContent(join(site, 'content'), undefined);
    expect(
      loaded.index.articles.map((article) => article.file).filter((file) => file.includes('headless')),
    ).toEqual([]);
    expect(loaded.problems).toEqual([]);
  });

  it('GIVEN a page without front matter in a Hugo site THEN it is an article titled from its name, as Hugo publishes it; without Hugo, a problem', async () => {
    put('content/posts/no-front.md', '{{< youtube abc >}}\n\nA page Hugo publishes as it is.\n');
    const loaded = await loadContent(join(site, 'content'), undefined);
    expect(loaded.index.bySlug('no-front')).toMatchObject({
      title: 'No Front',
      summary: 'A page Hugo publishes as it is.',
    });
    expect(loaded.problems).toEqual([]);
    unlinkSync(join(site, 'hugo.toml'));
    const plain = await loadContent(join(site, 'content'), undefined);
    expect(plain.index.bySlug('no-front')).toBeUndefined();
    expect(plain.problems.map((problem) => problem.message)).toContain(
      'no front matter: start the file with a "---" block (see README)',
    );
  });

  it('GIVEN no Hugo configuration THEN the same tree is read whole, as any content folder', async () => {
    unlinkSync(join(site, 'hugo.toml'));
    expect((await found()).files).toEqual([...pages, ...resources].sort());
    // config.toml alone is any tool's: not Hugo's without its folders beside it.
    put('config.toml', 'title = "A blog"\n');
    expect((await found()).files).toHaveLength(pages.length + resources.length);
  });

  it("GIVEN Hugo's other configurations THEN a Hugo site as well: config.toml with its folders, config/_default, hugo.yaml", async () => {
    unlinkSync(join(site, 'hugo.toml'));
    put('config.toml', 'title = "A blog"\n');
    for (const folder of ['archetypes', 'layouts', 'themes']) {
      mkdirSync(join(site, folder));
      expect((await found()).files).toEqual(pages);
      rmSync(join(site, folder), { recursive: true });
    }
    unlinkSync(join(site, 'config.toml'));
    put('config/_default/params.toml', 'x = 1\n');
    expect((await found()).files).toEqual(pages);
    rmSync(join(site, 'config'), { recursive: true });
    put('hugo.yaml', 'title: A blog\n');
    expect((await found()).files).toEqual(pages);
  });

  it("GIVEN config.toml (.yaml, .json) with Hugo's baseURL at its top beside the content folder, no Hugo folders (a theme as a module) THEN a Hugo site", async () => {
    unlinkSync(join(site, 'hugo.toml'));
    for (const [name, text] of [
      ['config.toml', 'title = "A blog"\nbaseURL = "https://example.org/"\n'],
      [
        'config.toml',
        'BaseURL = "https://example.org/"\n[module]\n[[module.imports]]\npath = "github.com/x/theme"\n',
      ],
      ['config.yaml', 'title: A blog\nBaseURL: https://example.org/\n'],
      ['config.json', '{\n  "baseURL": "https://example.org/",\n  "title": "A blog"\n}\n'],
    ] as const) {
      put(name, text);
      expect((await found()).files, text).toEqual(pages);
      unlinkSync(join(site, name));
    }
    // No such key at the top: any tool's configuration (Zola's), the tree read whole.
    for (const text of [
      'title = "A blog"\nbase_url = "https://example.org/"\ntheme = "after-dark"\n',
      'title = "A blog"\n[extra]\nbaseURL = "https://example.org/"\n',
      '  baseURL = "https://example.org/"\n',
    ]) {
      put('config.toml', text);
      expect((await found()).files, text).toHaveLength(pages.length + resources.length);
    }
    put('config.yaml', 'extra:\n  baseURL: https://example.org/\n');
    expect((await found()).files).toHaveLength(pages.length + resources.length);
  });

  it('GIVEN CONTENT_DIR at content/posts, or at the site with its hugo.toml THEN the bundles are found there too; the content folder is never one', async () => {
    expect((await found('content/posts')).files).toEqual(
      pages.filter((file) => file.startsWith('posts/')).map((file) => file.slice('posts/'.length)),
    );
    const atSite = await found('.');
    expect(atSite.files).toEqual(pages.map((file) => `content/${file}`));
    expect(atSite.bundles.has('content')).toBe(false);
  });

  it("GIVEN CONTENT_DIR at the site's folder THEN only its content folder is walked and watched: not its themes, layouts, output or README.md", async () => {
    const others = [
      'README.md',
      'archetypes/default.md',
      'assets/notes.md',
      'data/x.md',
      'i18n/en.md',
      'layouts/_default/single.md',
      'public/posts/plain.md',
      'resources/_gen/x.md',
      'static/guide.md',
      'themes/ananke/README.md',
      'themes/ananke/content/sample.md',
      'node_modules/x/README.md',
    ];
    for (const file of others) put(file);
    const result = await findArticles(site);
    const { folders, hugo } = result;
    expect(hugo).toBe('content');
    expect(walked(result).map((file) => relative(site, file))).toEqual(
      pages.map((file) => `content/${file}`),
    );
    const root = realpathSync(site);
    expect(
      folders.map((folder) => relative(root, folder)).every((f) => f === '' || f.startsWith('content')),
    ).toBe(true);
    // The watcher's events are judged by the same rules.
    for (const file of others) {
      expect(isWalked(file.split('/').join(sep), { jekyll: false, hugo: 'content' })).toBe(false);
      expect(isArticlePath(file.split('/').join(sep), { jekyll: false, hugo: 'content' })).toBe(false);
    }
    expect(isWalked(join('content', 'posts', 'plain.md'), { jekyll: false, hugo: 'content' })).toBe(true);
    expect(isArticlePath(join('content', 'posts', 'plain.md'), { jekyll: false, hugo: 'content' })).toBe(
      true,
    );
    expect((await loadContent(site, undefined)).problems).toEqual([]);
  });

  it("GIVEN CONTENT_DIR at the site's folder and links in its content to that folder and to its layouts THEN the first is a folder already read, as the walk starts there; the second one not read", async () => {
    symlinkSync(join('..', '..'), join(site, 'content/posts/home'));
    mkdirSync(join(site, 'layouts'));
    symlinkSync(join('..', 'layouts'), join(site, 'content/layouts'));
    const result = await findArticles(site);
    const { problems } = result;
    expect(walked(result).map((file) => relative(site, file))).toEqual(
      pages.map((file) => `content/${file}`),
    );
    expect(problems).toEqual([
      {
        file: join(site, 'content/layouts'),
        message: 'skipped: a link to a folder that is not read (../layouts)',
      },
      { file: join(site, 'content/posts/home'), message: 'skipped: a link to a folder already read (../..)' },
    ]);
    // The watcher judges the site's folder itself as the walk does.
    expect(isWalked('', { jekyll: false, hugo: 'content' })).toBe(true);
  });

  it("GIVEN CONTENT_DIR at the site's folder THEN a post's sections start at its content folder, as Hugo's do, and a store's parse of it from content/ is not reused", async () => {
    put('content/posts/plain.md', '---\ntitle: Plain\n---\n\nText.\n');
    const urls = async (dir: string, store?: ContentStore) => {
      const found = await findArticles(dir);
      const settings = parseSettingsOf(
        { siteUrl: 'https://blog.example', articleUrl: '/:sections/:slugorfilename/', dir },
        found,
      );
      const { files } = found;
      return (await readArticles(files, settings, store)).flatMap((outcome) =>
        outcome.kind === 'article' && outcome.article.file.endsWith('plain.md') ? [outcome.article.url] : [],
      );
    };
    expect(await urls(site)).toEqual(['https://blog.example/posts/plain/']);
    expect(
      (await loadContent(site, 'https://blog.example', '/:sections/:slugorfilename/')).index.articles.map(
        (a) => a.url,
      ),
    ).toContain('https://blog.example/posts/plain/');
    // The same file, read from a folder where its path is content/posts/plain.md (no Hugo site).
    const store = ContentStore.memory(createLogger({ level: 'silent' }));
    unlinkSync(join(site, 'hugo.toml'));
    expect(await urls(site, store)).toEqual(['https://blog.example/content/posts/plain/']);
    put('hugo.toml', 'title = "A blog"\n');
    expect(await urls(site, store)).toEqual(['https://blog.example/posts/plain/']);
    store.close();
  });

  it("GIVEN a contentDir in the site's configuration (any format, any case, config/_default) THEN that folder is the content; one outside the site leaves content", async () => {
    put('pages/blog/moved.md');
    put('notes/deep/pages/nested.md');
    put('README.md');
    const atSite = async () => walked(await findArticles(site)).map((file) => relative(site, file));
    put('hugo.toml', 'title = "A blog"\ncontentDir = "pages"\n');
    expect(await atSite()).toEqual(['pages/blog/moved.md']);
    unlinkSync(join(site, 'hugo.toml'));
    put('hugo.yaml', 'contentdir: notes/deep/pages/\n');
    // A folder on the way to it, holding an index.md, is no leaf bundle hiding it.
    put('notes/index.md');
    expect(await atSite()).toEqual(['notes/deep/pages/nested.md']);
    unlinkSync(join(site, 'hugo.yaml'));
    put('hugo.json', '{ "ContentDir": "../elsewhere" }');
    expect(await atSite()).toEqual(pages.map((file) => `content/${file}`));
    unlinkSync(join(site, 'hugo.json'));
    put('config/_default/hugo.toml', 'contentDir = "pages"\n');
    expect(await atSite()).toEqual(['pages/blog/moved.md']);
    // config/_default alone, or Hugo's older config.toml with its folders, makes the site's folder too.
    expect((await findArticles(site)).hugo).toBe('pages');
    rmSync(join(site, 'config'), { recursive: true });
    put('config.toml', 'contentDir = "pages"\n');
    put('themes/ananke/README.md');
    expect(await atSite()).toEqual(['pages/blog/moved.md']);
    rmSync(join(site, 'themes'), { recursive: true });
    unlinkSync(join(site, 'config.toml'));
    // An unreadable configuration is Hugo's to report: its default stands.
    put('hugo.toml', 'contentDir = [unclosed\n');
    expect(await atSite()).toEqual(pages.map((file) => `content/${file}`));
  });
});

describe('findArticles and loadContent in an Eleventy site', () => {
  let site: string;
  const put = (path: string, text: string): void => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  const names = (file: string) => join(site, file);

  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'eleventy-site-'));
    // The project's folder: no configuration above it is Eleventy's.
    put('package.json', '{}\n');
    put(
      'src/posts/2024-01-05-spaced.md',
      articleSource(validFront({ tags: 'engineering leadership' }), 'Text.'),
    );
    put('src/posts/2024-01-06-one.md', articleSource(validFront({ tags: 'career' }), 'Text.'));
    put('src/_posts/2024-01-07-no-front.md', 'Only text, no front matter.\n');
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  const load = async (dir = join(site, 'src')) => {
    const loaded = await loadContent(dir, undefined);
    return {
      tags: loaded.index.articles.map((article) => article.tags),
      problems: loaded.problems.map(formatProblem),
      staticFiles: loaded.staticFiles,
    };
  };

  it('GIVEN no Eleventy configuration THEN a text tags is split on spaces and a _posts file without front matter is a static file, as before', async () => {
    expect((await findArticles(join(site, 'src'))).eleventy).toBe(false);
    expect(await load()).toEqual({
      tags: [['career'], ['engineering', 'leadership']],
      problems: [],
      staticFiles: [names('src/_posts/2024-01-07-no-front.md')],
    });
  });

  it.each([
    '.eleventy.js',
    'eleventy.config.js',
    'eleventy.config.mjs',
    'eleventy.config.cjs',
    'eleventy.config.ts',
  ])(
    'GIVEN %s in the project folder above CONTENT_DIR THEN a text tags is one tag, and a _posts file without front matter a page, as Eleventy publishes it',
    async (config) => {
      put(config, 'export default function () {}\n');
      expect((await findArticles(join(site, 'src'))).eleventy).toBe(true);
      expect(await load()).toEqual({
        tags: [[], ['career'], ['engineering leadership']],
        problems: [],
        staticFiles: [],
      });
    },
  );

  it('GIVEN the configuration in CONTENT_DIR itself THEN an Eleventy site too', async () => {
    put('src/eleventy.config.js', 'export default function () {}\n');
    expect((await load()).tags).toEqual([[], ['career'], ['engineering leadership']]);
  });

  it('GIVEN .eleventyignore in the project or the input folder THEN what they list is left out, as Eleventy leaves it out', async () => {
    put('eleventy.config.js', 'export default function () {}\n');
    put('README.md', '# The site\n');
    put('src/README.md', '# About this folder\n');
    put('src/CHANGELOG.md', '# Changes\n');
    put('src/drafts/2024-02-01-later.md', articleSource(validFront(), 'Text.'));
    put('src/notes/a/b.md', articleSource(validFront(), 'Text.'));
    // The project's list names paths from the project; the input folder's, from it.
    put('.eleventyignore', '# not pages\nsrc/README.md\nsrc/notes/**/*.md\n');
    put('src/.eleventyignore', '/drafts/\n\n!CHANGELOG.md\n');
    const { files } = await findArticles(join(site, 'src'));
    expect(files.map((file) => file.file)).toEqual([
      names('src/CHANGELOG.md'),
      names('src/_posts/2024-01-07-no-front.md'),
      names('src/posts/2024-01-05-spaced.md'),
      names('src/posts/2024-01-06-one.md'),
    ]);
  });

  describe("its JSON data files (a folder's posts.json, a template's own)", () => {
    const article =
      (slug: string) =>
      async (dir = join(site, 'src')) => {
        const loaded = await loadContent(dir, 'https://blog.example');
        const found = loaded.index.articles.find((entry) => entry.file.endsWith(slug));
        return { found, problems: loaded.problems.map(formatProblem) };
      };

    beforeEach(() => put('eleventy.config.js', 'export default function () {}\n'));

    it('GIVEN a folder data file with a fileSlug permalink and collection tags THEN its posts take them, the case of the file name kept; front matter overrides, its tags joined', async () => {
      put(
        'src/posts/posts.json',
        JSON.stringify({
          permalink: '/blog/{{ page.fileSlug }}/',
          tags: ['posts', 'Writing'],
          layout: 'post.njk',
        }),
      );
      put('src/posts/2024-02-10-Code-Review.md', '---\ntitle: Code review\ntags: career\n---\n\nText.\n');
      put('src/posts/2024-02-11-own.md', '---\ntitle: Own\npermalink: /own/\n---\n\nText.\n');
      const { found, problems } = await article('Code-Review.md')();
      expect(problems).toEqual([]);
      expect(found?.url).toBe('https://blog.example/blog/Code-Review/');
      // `posts` is a collection, no topic; the data file's tag and the post's own are joined.
      expect(found?.tags).toEqual(['Writing', 'career']);
      expect((await article('own.md')()).found?.url).toBe('https://blog.example/own/');
      // The data file's tags reach the posts that write none.
      expect((await article('one.md')()).found?.tags).toEqual(['Writing', 'career']);
    });

    it('GIVEN posts.11tydata.json beside posts.json, a data file above, and a template data file THEN the nearer wins key by key, tags joined', async () => {
      put('src/src.json', JSON.stringify({ draft: false, tags: 'site' }));
      put('src/posts/posts.json', JSON.stringify({ permalink: '/a/{{ page.fileSlug }}/', tags: ['json'] }));
      put('src/posts/posts.11tydata.json', JSON.stringify({ permalink: '/b/{{ page.fileSlug }}/' }));
      put('src/posts/2024-01-06-one.json', JSON.stringify({ Title: 'From its data', tags: ['own'] }));
      const { found, problems } = await article('one.md')();
      expect(problems).toEqual([]);
      expect(found?.url).toBe('https://blog.example/b/one/');
      // Its own front matter's title wins over its data file's.
      expect(found?.title).toBe('An article');
      expect(found?.tags).toEqual(['site', 'json', 'own', 'career']);
      // A JSON file named after neither its folder nor a post gives nothing.
      put('src/posts/other.json', JSON.stringify({ permalink: '/c/' }));
      expect((await article('spaced.md')()).found?.url).toBe('https://blog.example/b/spaced/');
    });

    it("GIVEN a folder data file's eleventyComputed.permalink THEN its posts are there, over their own permalink, as Eleventy sets computed data last", async () => {
      put(
        'src/posts/posts.json',
        JSON.stringify({ eleventyComputed: { permalink: '/notes/{{ page.fileSlug }}/' } }),
      );
      put('src/posts/2024-02-11-own.md', '---\ntitle: Own\npermalink: /own/\n---\n\nText.\n');
      const { found, problems } = await article('own.md')();
      expect(problems).toEqual([]);
      expect(found?.url).toBe('https://blog.example/notes/own/');
    });

    it('GIVEN a data file that is no JSON, or a draft: true in one THEN a problem at its line, the posts read without it; the draft leaves its posts out', async () => {
      put('src/posts/posts.json', '{\n  "permalink": "/x/",\n  "tags": [posts]\n}\n');
      const { found, problems } = await article('one.md')();
      expect(found).toBeDefined();
      expect(problems).toEqual([
        expect.stringMatching(
          /^.*src\/posts\/posts\.json:3: not valid JSON \(.+\): the fields it gives its posts are not read$/,
        ),
      ]);
      put('src/posts/posts.json', JSON.stringify({ draft: true }));
      expect((await article('one.md')()).found).toBeUndefined();
    });

    it('GIVEN a field in a data file no post could be read with THEN one problem at the data file, at its line; the posts read without it', async () => {
      put('src/posts/posts.json', '{\n  "permalink": "/blog/{{ page.fileSlug }}/",\n  "date": "soon"\n}\n');
      const { found, problems } = await article('one.md')();
      expect(found?.url).toBe('https://blog.example/blog/one/');
      expect(problems).toEqual([
        expect.stringMatching(/src\/posts\/posts\.json:3: date: expected .+: its posts are read without it$/),
      ]);
    });

    it('GIVEN a data file over 1 MiB, or a link to one outside the folder THEN the first is a problem naming it, the second not read', async () => {
      put('src/posts/posts.json', `{"title": "${'x'.repeat(1024 * 1024)}"}`);
      const outside = join(site, 'outside.json');
      writeFileSync(outside, JSON.stringify({ permalink: '/stolen/{{ page.fileSlug }}/' }));
      symlinkSync(outside, join(site, 'src', 'src.json'));
      const { found, problems } = await article('one.md')();
      expect(found?.url).not.toContain('/stolen/');
      expect(problems).toEqual([
        expect.stringMatching(
          /src\/posts\/posts\.json: the data file has \d+ bytes, more than the 1048576 read: the fields it gives its posts are not read$/,
        ),
      ]);
    });

    it('GIVEN CONTENT_DIR at the folder holding its data file THEN read there too', async () => {
      put('src/posts/posts.json', JSON.stringify({ permalink: '/blog/{{ page.fileSlug }}/' }));
      const { found } = await article('one.md')(join(site, 'src/posts'));
      expect(found?.url).toBe('https://blog.example/blog/one/');
    });

    it('GIVEN no Eleventy site THEN a posts.json gives nothing', async () => {
      rmSync(join(site, 'eleventy.config.js'));
      put('src/posts/posts.json', JSON.stringify({ permalink: '/blog/{{ page.fileSlug }}/' }));
      expect((await article('one.md')()).found?.url).not.toContain('/blog/one/');
    });
  });

  it("GIVEN an Eleventy configuration above the project's folder (its package.json) THEN not its site", async () => {
    put('.eleventy.js', 'module.exports = () => {};\n');
    put('src/package.json', '{}\n');
    expect((await findArticles(join(site, 'src'))).eleventy).toBe(false);
    expect((await load()).staticFiles).toHaveLength(1);
  });

  it("GIVEN a Jekyll site's _config.yml in CONTENT_DIR under an Eleventy configuration THEN Jekyll's rules", async () => {
    put('eleventy.config.js', 'export default function () {}\n');
    put('src/_config.yml', 'title: A blog\n');
    const found = await findArticles(join(site, 'src'));
    expect({ jekyll: found.jekyll, eleventy: found.eleventy }).toEqual({ jekyll: true, eleventy: false });
    expect((await load()).staticFiles).toEqual([names('src/_posts/2024-01-07-no-front.md')]);
  });

  it("GIVEN a store holding the files' parses outside an Eleventy site THEN inside one they are parsed again, not taken from it", async () => {
    const store = ContentStore.memory(createLogger({ level: 'silent' }));
    const { files } = await findArticles(join(site, 'src'));
    const tagsOf = async (eleventy: boolean) =>
      (await readArticles(files, { siteUrl: undefined, eleventy }, store)).map((outcome) =>
        outcome.kind === 'article' ? outcome.article.tags : outcome.kind,
      );
    expect(await tagsOf(false)).toEqual(['unpublished', ['engineering', 'leadership'], ['career']]);
    expect(await tagsOf(true)).toEqual([[], ['engineering leadership'], ['career']]);
    expect(await tagsOf(false)).toEqual(['unpublished', ['engineering', 'leadership'], ['career']]);
    store.close();
  });
});

describe('findArticles in an Eleventy input folder', () => {
  let input: string;
  afterEach(() => rmSync(input, { recursive: true, force: true }));

  it("GIVEN Eleventy's folders inside a Jekyll site's _posts THEN they are not walked either", () => {
    input = mkdtempSync(join(tmpdir(), 'jekyll-'));
    expect(isWalkedFolder(join('_posts', '_includes'), { jekyll: true })).toBe(false);
    expect(isWalkedFolder(join('a', '_posts', '_data'), { jekyll: true })).toBe(false);
    expect(isWalkedFolder(join('_posts', '2024'), { jekyll: true })).toBe(true);
    expect(isWalkedFolder(join('_posts', '_notes'), { jekyll: true })).toBe(true);
  });

  it('GIVEN _includes, _layouts, _data and _site THEN none is walked, at any depth; other _ folders are', async () => {
    input = mkdtempSync(join(tmpdir(), 'eleventy-'));
    const page = articleSource(validFront(), '## Tips\n\n- x');
    const files = [
      '_includes/layouts/post.md',
      '_includes/partial.md',
      '_layouts/base.md',
      '_data/site.md',
      '_site/posts/copy.md',
      'blog/_includes/nested.md',
      '_notes/kept.md',
      'posts/2024-01-05-post.md',
      'about.md',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(input, file)), { recursive: true });
      writeFileSync(join(input, file), page);
    }
    const { files: read, folders, problems } = await findArticles(input);
    expect(read.map((file) => relative(input, file.file))).toEqual([
      '_notes/kept.md',
      'about.md',
      'posts/2024-01-05-post.md',
    ]);
    expect(folders.map((folder) => relative(realpathSync(input), folder)).sort()).toEqual([
      '',
      '_notes',
      'blog',
      'posts',
    ]);
    expect(problems).toEqual([]);
  });
});

describe('posts the blog does not publish yet (dated in the future) and expired ones', () => {
  let site: string;
  /** Far enough ahead to be in the future whenever the test runs: no clock is faked here. */
  const FUTURE = '2999-01-05';
  const put = (file: string, text: string): void => {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), text);
  };
  const post = (front: Record<string, unknown>): string =>
    articleSource({ tags: ['a'], ...front }, '## Tips\n\n- x');
  const slugs = (loaded: { index: { articles: readonly { slug: string }[] } }): string[] =>
    loaded.index.articles.map((article) => article.slug).sort();
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'future-'));
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('GIVEN a Hugo site THEN a post whose publishDate (else date) is to come is left out, listed with its instant, as Hugo builds none; buildFuture and buildExpired (any file, any case) publish them', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    put('content/posts/out.md', post({ title: 'Out', date: '2024-01-01' }));
    put('content/posts/soon.md', post({ title: 'Soon', date: `${FUTURE}T10:00:00+02:00` }));
    put('content/posts/held.md', post({ title: 'Held', date: '2024-01-01', publishDate: FUTURE }));
    put('content/posts/gone.md', post({ title: 'Gone', date: '2024-01-01', expiryDate: '2024-02-01' }));
    // Hugo reads no date from a file's name: published.
    put(`content/posts/${FUTURE}-named.md`, post({ title: 'Named' }));
    const loaded = await loadContent(join(site, 'content'), undefined);
    expect(slugs(loaded)).toEqual(['named', 'out']);
    expect(loaded.upcoming.map(({ slug, publishes }) => [slug, publishes])).toEqual([
      ['held', `${FUTURE}T00:00:00.000Z`],
      ['soon', `${FUTURE}T08:00:00.000Z`],
    ]);
    expect(loaded.expired.map(({ slug }) => slug)).toEqual(['gone']);
    expect(loaded.problems).toEqual([]);

    put('hugo.toml', 'title = "A blog"\nbuildFuture = true\n');
    expect(slugs(await loadContent(join(site, 'content'), undefined))).toEqual([
      'held',
      'named',
      'out',
      'soon',
    ]);
    // The site's own folder as CONTENT_DIR, its settings in config/_default, its keys in any case.
    unlinkSync(join(site, 'hugo.toml'));
    put('config/_default/hugo.yaml', 'buildexpired: true\n');
    const own = await loadContent(site, undefined);
    expect(slugs(own)).toEqual(['gone', 'named', 'out']);
    expect((await findArticles(site)).builds).toEqual({ future: false, expired: true });
    put('config/_default/hugo.json', '{ "BuildFuture": "true" }');
    expect((await findArticles(site)).builds).toEqual({ future: true, expired: true });
  });

  it("GIVEN a Jekyll site THEN a post whose date (its front matter's, else its name's) is to come is left out, as Jekyll builds none; future: true in _config.yml publishes it, read from the _posts folder's site too", async () => {
    put('_config.yml', 'title: A blog\n');
    put('_posts/2024-01-01-out.md', post({ title: 'Out' }));
    put(`_posts/${FUTURE}-soon.md`, post({ title: 'Soon' }));
    put('_posts/2024-01-02-held.md', post({ title: 'Held', date: `${FUTURE} 10:00:00 +0100` }));
    const loaded = await loadContent(site, undefined);
    expect(slugs(loaded)).toEqual(['out']);
    expect(loaded.upcoming.map(({ slug, publishes }) => [slug, publishes])).toEqual([
      ['held', `${FUTURE}T09:00:00.000Z`],
      ['soon', `${FUTURE}T00:00:00.000Z`],
    ]);
    // Its _posts folder as CONTENT_DIR: Jekyll's default all the same.
    expect(slugs(await loadContent(join(site, '_posts'), undefined))).toEqual(['out']);
    put('_config.yml', 'title: A blog\nfuture: true\n');
    expect(slugs(await loadContent(site, undefined))).toEqual(['held', 'out', 'soon']);
    expect(slugs(await loadContent(join(site, '_posts'), undefined))).toEqual(['held', 'out', 'soon']);
    // Jekyll reads YAML 1.1, where yes is true.
    put('_config.yml', 'title: A blog\nfuture: yes\n');
    expect(slugs(await loadContent(site, undefined))).toEqual(['held', 'out', 'soon']);
  });

  it("GIVEN the bot's own folder, or an Eleventy site THEN a post dated in the future is published, as any other", async () => {
    put(`${FUTURE}-named.md`, post({ title: 'Named' }));
    put('dated.md', post({ title: 'Dated', date: FUTURE }));
    put('posts/2999-01-06-eleventy.md', post({ title: 'Eleventy' }));
    const own = await loadContent(site, undefined);
    expect(slugs(own)).toEqual(['dated', 'eleventy', 'named']);
    expect(own.upcoming).toEqual([]);
    put('eleventy.config.js', 'export default {};\n');
    expect(slugs(await loadContent(site, undefined))).toEqual(['dated', 'eleventy', 'named']);
  });
});

describe("the site's time zone (Hugo's timeZone, Jekyll's timezone) for dates written without one", () => {
  let site: string;
  const FUTURE = '2999-01-05';
  const BY_DAY = '/:year/:month/:day/:slug/';
  const put = (file: string, text: string): void => {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), text);
  };
  const post = (front: Record<string, unknown>): string =>
    articleSource({ tags: ['a'], ...front }, '## Tips\n\n- x');
  /** Each article's date, address and instants, by slug. */
  const dated = (loaded: { index: { articles: readonly Article[] } }) =>
    Object.fromEntries(
      loaded.index.articles.map(({ slug, date, url, publishes, expires }) => [
        slug,
        { date, url, publishes, ...(expires === undefined ? {} : { expires }) },
      ]),
    );
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'zone-'));
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it('GIVEN a Hugo site with timeZone THEN a date or time without a zone is that wall time there (TOML too), a day its midnight, and the address keeps the day written', async () => {
    put('hugo.toml', 'title = "A blog"\ntimeZone = "America/New_York"\n');
    put('content/posts/night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    put(
      'content/posts/late.md',
      '+++\ntitle = "Late"\ntags = ["a"]\ndate = 2024-03-01T23:30:00\n+++\n\n## Tips\n\n- x\n',
    );
    put('content/posts/day.md', post({ title: 'Day', date: '2024-03-01' }));
    put('content/posts/utc.md', post({ title: 'Utc', date: '2024-03-01T01:00:00Z' }));
    put(
      'content/posts/ends.md',
      post({ title: 'Ends', date: '2024-01-01T12:00:00Z', expiryDate: '2999-01-01 10:00' }),
    );
    put('content/posts/held.md', post({ title: 'Held', date: '2024-01-01', publishDate: FUTURE }));
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example', BY_DAY);
    expect(loaded.problems).toEqual([]);
    expect(dated(loaded)).toEqual({
      // 01:00 in New York is 06:00 UTC, the same day.
      night: {
        date: '2024-03-01',
        url: 'https://blog.example/2024/03/01/night/',
        publishes: '2024-03-01T06:00:00.000Z',
      },
      // 23:30 in New York is the next day in UTC: the address keeps the day written, as Hugo's does.
      late: {
        date: '2024-03-01',
        url: 'https://blog.example/2024/03/01/late/',
        publishes: '2024-03-02T04:30:00.000Z',
      },
      day: {
        date: '2024-03-01',
        url: 'https://blog.example/2024/03/01/day/',
        publishes: '2024-03-01T05:00:00.000Z',
      },
      utc: {
        date: '2024-03-01',
        url: 'https://blog.example/2024/03/01/utc/',
        publishes: '2024-03-01T01:00:00.000Z',
      },
      ends: {
        date: '2024-01-01',
        url: 'https://blog.example/2024/01/01/ends/',
        publishes: '2024-01-01T12:00:00.000Z',
        expires: '2999-01-01T15:00:00.000Z',
      },
    });
    // The later of the two posts of March 1st in New York is first.
    expect(loaded.index.articles.slice(0, 2).map(({ slug }) => slug)).toEqual(['late', 'night']);
    expect(loaded.upcoming.map(({ slug, publishes }) => [slug, publishes])).toEqual([
      ['held', `${FUTURE}T05:00:00.000Z`],
    ]);

    // The site's own folder, its zone in config/_default's JSON under a key in another case.
    unlinkSync(join(site, 'hugo.toml'));
    put('config/_default/hugo.json', '{\n  "title": "A blog",\n  "TimeZone": "Asia/Tokyo"\n}\n');
    expect((await findArticles(site)).timeZone).toBe('Asia/Tokyo');
    expect(dated(await loadContent(site, 'https://blog.example', BY_DAY))['night']).toEqual({
      date: '2024-03-01',
      url: 'https://blog.example/2024/03/01/night/',
      publishes: '2024-02-29T16:00:00.000Z',
    });
  });

  it('GIVEN a Jekyll site with timezone THEN a post dated by its front matter or its name is that day and time there, from the _posts folder too; the address has the day there', async () => {
    put('_config.yml', 'title: A blog\ntimezone: Asia/Tokyo\n');
    put('_posts/2024-03-01-tokyo.md', post({ title: 'Tokyo', date: '2024-03-01 01:00' }));
    put('_posts/2024-03-02-named.md', post({ title: 'Named' }));
    const expected = {
      // 01:00 in Tokyo is the day before in UTC.
      tokyo: {
        date: '2024-03-01',
        url: 'https://blog.example/2024/03/01/tokyo/',
        publishes: '2024-02-29T16:00:00.000Z',
      },
      named: {
        date: '2024-03-02',
        url: 'https://blog.example/2024/03/02/named/',
        publishes: '2024-03-01T15:00:00.000Z',
      },
    };
    const loaded = await loadContent(site, 'https://blog.example', BY_DAY);
    expect(loaded.problems).toEqual([]);
    expect(dated(loaded)).toEqual(expected);
    expect(dated(await loadContent(join(site, '_posts'), 'https://blog.example', BY_DAY))).toEqual(expected);
  });

  it("GIVEN a site's configuration that cannot be read THEN it is a problem at its line, and none of its settings are read (dates in UTC)", async () => {
    put('hugo.toml', 'title = "A blog"\nbaseURL = "https://x/\ntimeZone = "Asia/Tokyo"\n');
    put('content/posts/night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    const hugo = await loadContent(join(site, 'content'), undefined);
    expect(hugo.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /hugo\.toml:2: the site's configuration cannot be read \(.+\): mend it; until then none of its settings are read \(its time zone, future posts, …\)$/,
      ),
    ]);
    expect(hugo.index.articles.map(({ publishes }) => publishes)).toEqual(['2024-03-01T01:00:00.000Z']);

    rmSync(join(site, 'hugo.toml'));
    put('hugo.json', '{\n  "title": "A blog",\n  "timeZone": "Asia/Tokyo",,\n}\n');
    const json = await findArticles(join(site, 'content'));
    expect(json.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/hugo\.json:3: the site's configuration cannot be read \(/),
    ]);
    expect(json.timeZone).toBeUndefined();

    const jekyll = join(site, 'jekyll');
    put('jekyll/_config.yml', 'title: A blog\ntimezone: Asia/Tokyo\nexclude: [a\n');
    put('jekyll/_posts/2024-03-01-night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    const found = await findArticles(join(jekyll, '_posts'));
    expect(found.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/_config\.yml:\d+: the site's configuration cannot be read \(/),
    ]);
    expect(found.timeZone).toBeUndefined();
  });

  it('GIVEN a name that is no zone THEN it is a problem at the configuration line, and dates are read in UTC; UTC, Local and blank are UTC without one', async () => {
    put('hugo.toml', 'title = "A blog"\ntimeZone = "Mars/Olympus"\n');
    put('content/posts/night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    const hugo = await loadContent(join(site, 'content'), undefined);
    expect(hugo.problems.map(formatProblem)).toEqual([
      `${join(site, 'hugo.toml')}:2: timeZone: "Mars/Olympus" is no time zone: write its IANA name, like "America/New_York" or "Europe/Berlin" (until then, a date without a zone is read in UTC)`,
    ]);
    expect(hugo.index.articles.map(({ publishes }) => publishes)).toEqual(['2024-03-01T01:00:00.000Z']);
    // One line whatever the value holds.
    put('hugo.toml', 'title = "A blog"\ntimeZone = "Mars\\nOlympus"\n');
    const [problem] = (await findArticles(join(site, 'content'))).problems;
    expect(problem?.message).toContain('"Mars\\nOlympus" is no time zone');
    // An abbreviation that Intl reads as a zone few mean (BST: Asia/Dhaka) is no zone either.
    put('hugo.toml', 'title = "A blog"\ntimeZone = "BST"\n');
    const abbreviated = await findArticles(join(site, 'content'));
    expect(abbreviated.timeZone).toBeUndefined();
    expect(abbreviated.problems.map(formatProblem)).toEqual([
      `${join(site, 'hugo.toml')}:2: timeZone: "BST" is an abbreviation, which places use for different zones: write its IANA name, like "Europe/London" or "Asia/Dhaka" (until then, a date without a zone is read in UTC)`,
    ]);
    for (const zone of ['"UTC"', '"Local"', '""']) {
      put('hugo.toml', `title = "A blog"\ntimeZone = ${zone}\n`);
      const found = await findArticles(join(site, 'content'));
      expect([zone, found.timeZone, found.problems]).toEqual([zone, undefined, []]);
    }

    rmSync(join(site, 'hugo.toml'));
    rmSync(join(site, 'content'), { recursive: true });
    put('_config.yml', 'title: A blog\n\ntimezone: 5\n');
    put('_posts/2024-03-01-night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    const jekyll = await loadContent(site, undefined);
    expect(jekyll.problems.map(formatProblem)).toEqual([
      `${join(site, '_config.yml')}:3: timezone: expected a time zone's name: write its IANA name, like "America/New_York" or "Europe/Berlin" (until then, a date without a zone is read in UTC)`,
    ]);
    expect(jekyll.index.articles.map(({ publishes }) => publishes)).toEqual(['2024-03-01T01:00:00.000Z']);
  });

  it("GIVEN a timeZone nested under a language before the top-level one that is no zone THEN the problem is at the top-level one's line (YAML, JSON)", async () => {
    put(
      'hugo.yaml',
      'title: A blog\nlanguages:\n  en:\n    timeZone: Europe/Berlin\ntimeZone: Mars/Olympus\n',
    );
    const yaml = await findArticles(site);
    expect(yaml.problems.map(({ file, line, field }) => [file, line, field])).toEqual([
      [join(site, 'hugo.yaml'), 5, 'timeZone'],
    ]);
    rmSync(join(site, 'hugo.yaml'));
    put(
      'hugo.json',
      '{\n  "languages": {\n    "en": {\n      "timeZone": "Europe/Berlin"\n    }\n  },\n  "timeZone": "Mars/Olympus"\n}\n',
    );
    const json = await findArticles(site);
    expect(json.problems.map(({ file, line, field }) => [file, line, field])).toEqual([
      [join(site, 'hugo.json'), 7, 'timeZone'],
    ]);
  });

  it("GIVEN a Jekyll site in New York THEN a date written plain with seconds is in UTC, as Jekyll's SafeYAML reads it; quoted, or without seconds, it is New York's", async () => {
    put('_config.yml', 'title: A blog\ntimezone: America/New_York\n');
    const dates = {
      plain: 'date: 2024-03-01 01:00:00',
      'plain-t': 'date: 2024-03-01T01:00:00.5   # late at night',
      quoted: 'date: "2024-03-01 01:00:00"',
      single: "date: '2024-03-01 01:00:00'",
      minutes: 'date: 2024-03-01 01:00',
      'quoted-minutes': 'date: "2024-03-01 01:00"',
      zoned: 'date: 2024-03-01 01:00:00 +01:00',
      // YAML keeps the last of a key written twice.
      twice: 'date: 2024-03-01 01:00\ndate: 2024-03-01 01:00:00',
    };
    for (const [slug, date] of Object.entries(dates))
      put(`_posts/2024-03-01-${slug}.md`, `---\ntitle: ${slug}\ntags: [a]\n${date}\n---\n\n## Tips\n\n- x\n`);
    const loaded = await loadContent(site, 'https://blog.example', BY_DAY);
    expect(loaded.problems).toEqual([]);
    const publishes = Object.fromEntries(
      loaded.index.articles.map(({ slug, publishes }) => [slug, publishes]),
    );
    expect(publishes).toEqual({
      plain: '2024-03-01T01:00:00.000Z',
      'plain-t': '2024-03-01T01:00:00.500Z',
      quoted: '2024-03-01T06:00:00.000Z',
      single: '2024-03-01T06:00:00.000Z',
      minutes: '2024-03-01T06:00:00.000Z',
      'quoted-minutes': '2024-03-01T06:00:00.000Z',
      zoned: '2024-03-01T00:00:00.000Z',
      twice: '2024-03-01T01:00:00.000Z',
    });
    // The day shown and the address's are the instant's in New York, as Jekyll makes them.
    const days = Object.fromEntries(
      loaded.index.articles.map(({ slug, url }) => [slug, /\/(\d{4}\/\d\d\/\d\d)\//.exec(url ?? '')?.[1]]),
    );
    expect(
      Object.fromEntries(loaded.index.articles.map(({ slug, date }) => [slug, date?.replaceAll('-', '/')])),
    ).toEqual(days);
    expect(days).toEqual({
      plain: '2024/02/29',
      'plain-t': '2024/02/29',
      quoted: '2024/03/01',
      single: '2024/03/01',
      minutes: '2024/03/01',
      'quoted-minutes': '2024/03/01',
      zoned: '2024/02/29',
      twice: '2024/02/29',
    });

    // In a Hugo site, the same line is New York's time.
    put('hugo.toml', 'title = "A blog"\ntimeZone = "America/New_York"\n');
    put('content/posts/plain.md', `---\ntitle: plain\ntags: [a]\n${dates.plain}\n---\n\n## Tips\n\n- x\n`);
    const hugo = await loadContent(join(site, 'content'), undefined);
    expect(hugo.index.articles.map(({ publishes }) => publishes)).toEqual(['2024-03-01T06:00:00.000Z']);
  });

  it('GIVEN a Jekyll site without timezone and a post dated as `jekyll new` writes it (with its offset) THEN its address and its shown day are the day in UTC, as its page says', async () => {
    put('_config.yml', 'title: A blog\n');
    put(
      '_posts/2024-01-05-welcome-to-jekyll.markdown',
      '---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2024-01-05 20:32:14 -0500\ncategories: jekyll update\n---\n\nHello.\n',
    );
    // Jekyll's own permalink (`date`: /:categories/:year/:month/:day/:title:output_ext).
    const loaded = await loadContent(site, 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.map(({ date, url }) => [date, url])).toEqual([
      ['2024-01-06', 'https://blog.example/jekyll/update/2024/01/06/welcome-to-jekyll.html'],
    ]);
  });

  it('GIVEN a store that parsed a post in one zone THEN the post read in another zone is parsed anew, not taken from it', async () => {
    put('_config.yml', 'title: A blog\ntimezone: Europe/Berlin\n');
    put('_posts/2024-03-01-night.md', post({ title: 'Night', date: '2024-03-01 01:00' }));
    const store = ContentStore.memory(createLogger({ level: 'silent' }));
    const publishes = async () => {
      const found = await findArticles(site);
      const outcomes = await readArticles(
        found.files,
        parseSettingsOf({ siteUrl: undefined, dir: site }, found),
        store,
      );
      return outcomes.flatMap((outcome) => (outcome.kind === 'article' ? [outcome.article.publishes] : []));
    };
    expect(await publishes()).toEqual(['2024-03-01T00:00:00.000Z']);
    put('_config.yml', 'title: A blog\ntimezone: America/New_York\n');
    expect(await publishes()).toEqual(['2024-03-01T06:00:00.000Z']);
    store.close();
  });
});

describe("configuredSiteAddress: the site's own address, as findArticles reads the site", () => {
  let site: string;
  beforeEach(() => {
    site = mkdtempSync(join(tmpdir(), 'site-address-'));
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
  });
  afterEach(() => rmSync(site, { recursive: true, force: true }));

  it("GIVEN a folder with Hugo's configuration and a _config.yml THEN Hugo's baseURL, as the site is read as Hugo's", async () => {
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://hugo.dev/"\n');
    writeFileSync(join(site, '_config.yml'), 'url: https://jekyll.dev\n');
    expect(await configuredSiteAddress(site)).toEqual({
      url: 'https://hugo.dev',
      setting: 'hugo.toml baseURL',
    });
    expect((await configuredSiteAddress(join(site, 'content')))?.url).toBe('https://hugo.dev');
    rmSync(join(site, 'hugo.toml'));
    expect(await configuredSiteAddress(site)).toEqual({
      url: 'https://jekyll.dev',
      setting: '_config.yml url',
    });
    expect(await configuredSiteAddress(join(site, 'missing'))).toBeUndefined();
  });

  it("GIVEN config/production over config/_default (localhost there, for hugo server) THEN production's, as hugo builds the site; its permalinks too", async () => {
    mkdirSync(join(site, 'config', '_default'), { recursive: true });
    mkdirSync(join(site, 'config', 'production'));
    writeFileSync(join(site, 'config', '_default', 'hugo.toml'), 'baseURL = "http://localhost:1313/"\n');
    writeFileSync(
      join(site, 'content', 'posts', 'first.md'),
      '+++\ntitle = "First"\ndate = 2024-03-05\n+++\nText.\n',
    );
    expect(await configuredSiteAddress(site)).toBeUndefined();
    writeFileSync(join(site, 'config', 'production', 'hugo.toml'), 'baseURL = "https://gus.codes/"\n');
    writeFileSync(join(site, 'config', 'production', 'permalinks.toml'), 'posts = "/:year/:slug/"\n');
    expect(await configuredSiteAddress(site)).toEqual({
      url: 'https://gus.codes',
      setting: 'config/production/hugo.toml baseURL',
    });
    const { index } = await loadContent(site, 'https://gus.codes');
    expect(index.articles.map((article) => article.url)).toEqual(['https://gus.codes/2024/first/']);
  });
});
