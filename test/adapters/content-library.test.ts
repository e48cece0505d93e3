import {
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { loadContent } from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { formatProblem } from '../../src/core/article.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { eventually } from '../helpers/eventually.js';

interface Logged {
  level: number;
  msg: string;
  file?: string;
  line?: number;
  [key: string]: unknown;
}

let dir: string;
let logs: Logged[];
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => writeFileSync(join(dir, name), text);
const rel = (name: string): string => join(dir, name);
const article = (title: string, tip = 'Ask questions.'): string =>
  articleSource(validFront({ title }), `## Tips\n\n- **Ask:** ${tip}`);
const titles = (lib: ContentLibrary): string[] => lib.current.articles.map((a) => a.title).sort();

async function open(
  options: { watch?: boolean; dir?: string; supersededMs?: number } = {},
): Promise<ContentLibrary> {
  const logger = createLogger(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line) as Logged) },
  );
  // Kept in memory as with CONTENT_CACHE=off: sections read from it, and searched.
  const store = ContentStore.memory(logger);
  library = await ContentLibrary.open(
    {
      dir: options.dir ?? dir,
      siteUrl: 'https://blog.example',
      logger,
      store,
      ...(options.supersededMs === undefined ? {} : { supersededMs: options.supersededMs }),
    },
    { watch: options.watch ?? false },
  );
  return library;
}

beforeEach(() => {
  // A folder of the test's own holds the content folder: the library watches the content folder's
  // parent (for the folder being replaced), which should not be the busy system temporary folder.
  dir = join(mkdtempSync(join(tmpdir(), 'library-')), 'blog');
  mkdirSync(dir);
  logs = [];
  put('a.md', article('Alpha'));
  put('b.md', article('Beta'));
});
afterEach(async () => {
  await library?.close();
  library = undefined;
  rmSync(dirname(dir), { recursive: true, force: true });
});

describe('ContentLibrary.refresh', () => {
  it('GIVEN a file added and removed that the index leaves out (a second post at one page) THEN no article is counted added or removed', async () => {
    const lib = await open();
    put('zz-dupe.md', articleSource(validFront({ title: 'Dupe', slug: 'a' }), '## Tips\n\n- x'));
    expect(await lib.refresh({ paths: [join(dir, 'zz-dupe.md')] })).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      articles: 2,
    });
    expect(lib.problems.map((problem) => problem.file)).toEqual([rel('zz-dupe.md')]);
    rmSync(join(dir, 'zz-dupe.md'));
    expect(await lib.refresh({ paths: [join(dir, 'zz-dupe.md')] })).toMatchObject({
      added: 0,
      removed: 0,
      articles: 2,
    });
  });

  it('GIVEN one file edited THEN only it is read again, into a new index; the old index is left as it was', async () => {
    const lib = await open();
    const before = lib.current;
    const beta = before.bySlug('b');
    put('a.md', article('Alpha, revised'));
    const update = await lib.refresh({ paths: [join(dir, 'a.md')] });
    expect(update).toMatchObject({ added: 0, changed: 1, removed: 0, broken: 0, articles: 2 });
    expect(titles(lib)).toEqual(['Alpha, revised', 'Beta']);
    // The untouched file's article is the very same object: it was not parsed again.
    expect(lib.current.bySlug('b')).toBe(beta);
    expect(lib.current).not.toBe(before);
    expect(before.articles.map((a) => a.title).sort()).toEqual(['Alpha', 'Beta']);
    // The search follows; the old index's still finds only what it held.
    expect(lib.current.search.search('revised').map((a) => a.slug)).toEqual(['a']);
    expect(before.search.search('revised')).toEqual([]);
    expect(before.bySlug('a')?.sections.tips?.items[0]?.text).toBe('Ask questions.');
  });

  it('GIVEN edits that left words no file has now THEN a while after, those words no longer crowd out the ones a typo stands for', async () => {
    put('d.md', article('Delegation without guilt'));
    // Twenty words one typo from "delegaton", before "delegation" in the list of words.
    const gone = Array.from('abcdefghijklmnopqrs', (letter) => `delega${letter}on`).join(' ');
    put('c.md', article('Rituals', gone));
    const lib = await open({ supersededMs: 50 });
    put('c.md', article('Rituals', 'Hold them weekly.'));
    await lib.refresh({ paths: [join(dir, 'c.md')] });
    // The eight closest words a typo stands for are gone ones: nothing is found until they leave.
    expect(lib.current.search.search('delegaton')).toEqual([]);
    await eventually(() => expect(lib.current.search.search('delegaton').map((a) => a.slug)).toEqual(['d']));
    // The index of now reads its sections all the same.
    expect(lib.current.bySlug('c')?.sections.tips?.items[0]?.text).toBe('Hold them weekly.');
  });

  it("GIVEN a Jekyll site whose _config.yml sets excerpt_separator THEN a post's summary is what comes before it, at start and after an edit; a post's own wins", async () => {
    put('_config.yml', 'title: Blog\nexcerpt_separator: "<!-- excerpt -->"\n');
    mkdirSync(join(dir, '_posts'));
    const post = (first: string, own = '') =>
      `---\ntitle: Post\n${own}---\n\n${first}\n\nPara two.\n\n<!-- excerpt -->\n\nBody.\n\n<!--cut-->\n\nEnd.\n`;
    put('_posts/2024-01-10-post.md', post('Para one.'));
    const lib = await open();
    const summary = () => lib.current.bySlug('post')?.summary;
    expect(summary()).toBe('Para one.\nPara two.');
    put('_posts/2024-01-10-post.md', post('Para uno.'));
    await lib.refresh({ paths: [join(dir, '_posts/2024-01-10-post.md')] });
    expect(summary()).toBe('Para uno.\nPara two.');
    put('_posts/2024-01-10-post.md', post('Para one.', 'excerpt_separator: <!--cut-->\n'));
    await lib.refresh({ paths: [join(dir, '_posts/2024-01-10-post.md')] });
    expect(summary()).toBe('Para one.\nPara two.\nBody.');
    // Without one, the first paragraph, as Jekyll's default.
    put('_config.yml', 'title: Blog\n');
    put('_posts/2024-01-10-post.md', post('Para one.'));
    await lib.refresh({ rescan: true });
    expect(summary()).toBe('Para one.');
  });

  it('GIVEN a broken edit THEN the last good version stays, and the problem is logged with its file and line', async () => {
    const lib = await open();
    // Line 6 of the file: title, tags, url, summary, then the date.
    put('a.md', articleSource(validFront({ title: 'Alpha 2', date: '2024-02-30' }), '## Tips\n\n- x'));
    const update = await lib.refresh({ paths: [join(dir, 'a.md')] });
    expect(update).toMatchObject({ broken: 1, articles: 2 });
    expect(titles(lib)).toEqual(['Alpha', 'Beta']);
    expect(lib.problems).toEqual([expect.objectContaining({ file: rel('a.md'), line: 6, field: 'date' })]);
    const warning = logs.find((l) => l.level === 40);
    expect(warning).toMatchObject({ file: rel('a.md'), line: 6 });
    expect(warning?.msg).toMatch(/^kept the last good version: .*a\.md:6: date: expected a real day/);

    // Fixed: the problem goes; broken again the same way: logged again.
    put('a.md', article('Alpha, fixed'));
    await lib.refresh({ paths: [join(dir, 'a.md')] });
    expect(lib.problems).toEqual([]);
    expect(titles(lib)).toEqual(['Alpha, fixed', 'Beta']);
  });

  it('GIVEN a tag the bot cannot show THEN the post is read without it, and the tag logged once with its file and line', async () => {
    const lib = await open();
    const long = 'Engineering Management and Organizational Leadership Practices';
    put('c.md', articleSource(validFront({ title: 'Gamma', tags: ['lead', long] }), '## Tips\n\n- x'));
    await lib.refresh({ paths: [join(dir, 'c.md')] });
    expect(lib.current.bySlug('c')?.tags).toEqual(['lead']);
    const said = () => logs.filter((l) => l.level === 40 && l.file === rel('c.md'));
    expect(said()).toEqual([
      expect.objectContaining({
        line: expect.any(Number) as number,
        msg: expect.stringMatching(/^tag left out, the post read without it: .*c\.md:\d+: tags: /) as string,
      }),
    ]);
    // Another edit that keeps it: not said again.
    put('b.md', article('Beta, again'));
    await lib.refresh({ paths: [join(dir, 'b.md')] });
    expect(said()).toHaveLength(1);
  });

  it('GIVEN a post whose sections field names a heading it does not have THEN it is read, and the name logged with its file and line', async () => {
    const lib = await open();
    put(
      'c.md',
      articleSource(validFront({ title: 'Gamma', sections: { tips: 'Advice' } }), '## Advise\n\nText.'),
    );
    await lib.refresh({ paths: [join(dir, 'c.md')] });
    expect(lib.current.bySlug('c')?.title).toBe('Gamma');
    expect(logs.filter((l) => l.level === 40 && l.file === rel('c.md'))).toEqual([
      expect.objectContaining({
        line: expect.any(Number) as number,
        msg: expect.stringMatching(
          /^a note on its headings: .*c\.md:\d+: sections: tips: no heading "Advice"/,
        ) as string,
      }),
    ]);
  });

  it('GIVEN a heading whose words name a kind (5 tips for new managers) THEN the suggestion is logged once, at info, not as a warning', async () => {
    const lib = await open();
    put('c.md', articleSource(validFront({ title: 'Gamma' }), '## 5 tips for new managers\n\n- x'));
    await lib.refresh({ paths: [join(dir, 'c.md')] });
    const about = (level: number) => logs.filter((l) => l.level === level && l.file === rel('c.md'));
    expect(about(40)).toEqual([]);
    expect(about(30)).toEqual([
      expect.objectContaining({
        msg: expect.stringMatching(
          /^a note on its headings: .*c\.md:\d+: tips: the heading "5 tips for new managers"/,
        ) as string,
      }),
    ]);
  });

  it('GIVEN a file still broken at a forced reload (SIGHUP, the playground) THEN its problem is said again; at an edit of another, not', async () => {
    const lib = await open();
    put('c.md', 'no front matter\n');
    put('d.md', articleSource(validFront({ title: 'Delta', date: '2024-02-30' }), '## Tips\n\n- x'));
    await lib.refresh({ rescan: true });
    const said = () => logs.filter((l) => l.level === 40).map((l) => l.file);
    expect(said().sort()).toEqual([rel('c.md'), rel('d.md')]);
    put('b.md', article('Beta, again'));
    await lib.refresh({ paths: [join(dir, 'b.md')] });
    expect(said()).toHaveLength(2);
    await lib.refresh({ rescan: true, force: true });
    expect(said().sort()).toEqual([rel('c.md'), rel('c.md'), rel('d.md'), rel('d.md')]);
    expect(lib.problems).toHaveLength(2);
  });

  it('GIVEN a new file broken from the start THEN it is skipped and named; a file removed or made a draft leaves', async () => {
    const lib = await open();
    put('c.md', 'no front matter\n');
    put('b.md', articleSource(validFront({ title: 'Beta', draft: true }), '## Tips\n\n- x'));
    unlinkSync(join(dir, 'a.md'));
    const update = await lib.refresh({ paths: ['a.md', 'b.md', 'c.md'].map((n) => join(dir, n)) });
    expect(update).toMatchObject({ added: 0, removed: 2, broken: 1, articles: 0 });
    expect(logs.find((l) => l.level === 40)?.msg).toMatch(/^skipped: .*c\.md:1: no front matter/);
    expect(lib.fileCount).toBe(2);
  });

  it('GIVEN a rescan THEN files added, written or removed since are found, and only those are read', async () => {
    const lib = await open();
    const alpha = lib.current.bySlug('a');
    mkdirSync(join(dir, 'new'));
    put('new/c.md', article('Gamma'));
    put('b.md', article('Beta, revised'));
    const update = await lib.refresh({ rescan: true });
    expect(update).toMatchObject({ added: 1, changed: 1, removed: 0 });
    expect(titles(lib)).toEqual(['Alpha', 'Beta, revised', 'Gamma']);
    expect(lib.current.bySlug('a')).toBe(alpha);
    // Nothing changed: nothing read.
    expect(await lib.refresh({ rescan: true })).toMatchObject({ added: 0, changed: 0, removed: 0 });
  });

  it('GIVEN two files with one slug THEN the first in file order wins whatever order they changed in', async () => {
    const lib = await open();
    put('z.md', articleSource(validFront({ title: 'Zed', slug: 'a' }), '## Tips\n\n- x'));
    await lib.refresh({ paths: [join(dir, 'z.md')] });
    expect(lib.current.bySlug('a')?.title).toBe('Alpha');
    put('a.md', articleSource(validFront({ title: 'Alpha 2' }), '## Tips\n\n- x'));
    await lib.refresh({ paths: [join(dir, 'a.md')] });
    expect(lib.current.bySlug('a')?.title).toBe('Alpha 2');
    // At the later file's slug field (title, tags, layout and summary come first), naming the one that keeps it.
    const clash = `${rel('z.md')}:6: slug: "a" is already used by ${rel('a.md')}, both undated: give this post a slug of its own`;
    expect(lib.problems.map((problem) => formatProblem(problem))).toEqual([clash]);
    expect(logs.filter((l) => l.level === 40).map((l) => [l.line, l.msg])).toEqual([
      [6, `skipped: ${clash}`],
    ]);
    // Edited again, either of them, read from the store: the same file keeps the slug, the same line is named.
    put('z.md', articleSource(validFront({ title: 'Zed 2', slug: 'a' }), '## Tips\n\n- y'));
    await lib.refresh({ paths: [join(dir, 'z.md')] });
    await lib.refresh({ rescan: true, force: true });
    expect(lib.current.bySlug('a')?.title).toBe('Alpha 2');
    expect(lib.problems.map((problem) => formatProblem(problem))).toEqual([clash]);
  });
});

describe('posts that share a slug, as the bot and content:check read them', () => {
  const settings = [undefined, 'https://blog.example'].flatMap((siteUrl) =>
    [undefined, '/:year/:slug/', '/:filepath/'].map((articleUrl) => ({ siteUrl, articleUrl })),
  );

  it.each(settings)(
    'GIVEN SITE_URL $siteUrl and ARTICLE_URL $articleUrl THEN the library keeps and reports the same files as loadContent',
    async ({ siteUrl, articleUrl }) => {
      mkdirSync(join(dir, 'x'));
      mkdirSync(join(dir, 'y'));
      put('2022-12-31-year-in-review.md', '---\ntitle: Review 2022\n---\n\n## Tips\n\n- a\n');
      put('2023-12-31-year-in-review.md', '---\ntitle: Review 2023\n---\n\n## Tips\n\n- b\n');
      put('x/review.md', '---\ntitle: Review X\ndate: 2024-01-01\n---\n\n## Tips\n\n- x\n');
      put('y/review.md', '---\ntitle: Review Y\ndate: 2024-01-01\n---\n\n## Tips\n\n- y\n');
      const logger = createLogger({ level: 'silent' });
      library = await ContentLibrary.open({
        dir,
        siteUrl,
        articleUrl,
        logger,
        store: ContentStore.memory(logger),
      });
      const checked = await loadContent(dir, siteUrl, articleUrl);
      const kept = (articles: readonly { file: string; slug: string }[]) =>
        articles.map(({ file, slug }) => `${slug} ${file}`).sort();
      expect(kept(library.current.articles)).toEqual(kept(checked.index.articles));
      expect(library.problems.map((problem) => formatProblem(problem))).toEqual(
        checked.problems.map((problem) => formatProblem(problem)),
      );
      // Under the default ARTICLE_URL (a guess), posts of one day are one page; under a dated one,
      // those at one address; under /:filepath/, all are pages.
      const clashes = checked.problems.map((problem) => formatProblem(problem));
      if (articleUrl === undefined)
        expect(clashes).toEqual([
          `${rel('y/review.md')}:1: slug: "review" is already used by ${rel('x/review.md')}, on the same day (2024-01-01): give this post a slug of its own`,
        ]);
      else if (articleUrl === '/:year/:slug/')
        expect(clashes).toEqual([
          `${rel('y/review.md')}:1: slug: "review" is already used by ${rel('x/review.md')}, at the same address (${siteUrl ?? ''}/2024/review/): give this post a slug of its own`,
        ]);
      else expect(clashes).toEqual([]);
    },
  );
});

describe("ContentLibrary.refresh in a Jekyll site's folder", () => {
  const putIn = (path: string, title: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    put(path, article(title));
  };

  it('GIVEN files added as the watcher names them, or found by a rescan THEN only those in _posts are articles', async () => {
    put('_config.yml', 'title: A blog\n');
    putIn('_posts/2024-01-01-post.md', 'Post');
    const lib = await open();
    // a.md and b.md are the site's pages.
    expect(titles(lib)).toEqual(['Post']);
    putIn('_posts/2024-01-02-new.md', 'New post');
    putIn('_drafts/draft.md', 'Draft');
    putIn('_site/copy.md', 'Built copy');
    putIn('about.md', 'About');
    // Jekyll leaves a file in _posts without a date in its name out.
    putIn('_posts/undated.md', 'Undated');
    const added = [
      '_posts/2024-01-02-new.md',
      '_drafts/draft.md',
      '_site/copy.md',
      'about.md',
      '_posts/undated.md',
    ];
    await lib.refresh({ paths: added.map((path) => join(dir, path)) });
    expect(titles(lib)).toEqual(['New post', 'Post']);
    await lib.refresh({ rescan: true });
    expect(titles(lib)).toEqual(['New post', 'Post']);
    expect(lib.fileCount).toBe(2);
  });

  it('GIVEN CONTENT_LANGUAGE=fr and a translation added beside a post, then removed THEN the translation stands in for it, then the post is back; another language is never read', async () => {
    const logger = createLogger({ level: 'silent' });
    library = await ContentLibrary.open({ dir, siteUrl: 'https://blog.example', logger, language: 'fr' });
    put('b.de.md', article('Beta auf Deutsch'));
    put('a.fr.md', article('Alpha en français'));
    await library.refresh({ paths: [join(dir, 'b.de.md'), join(dir, 'a.fr.md')] });
    expect(titles(library)).toEqual(['Alpha en français', 'Beta']);
    expect(library.current.bySlug('a')?.title).toBe('Alpha en français');
    unlinkSync(join(dir, 'a.fr.md'));
    await library.refresh({ paths: [join(dir, 'a.fr.md')] });
    expect(titles(library)).toEqual(['Alpha', 'Beta']);
    expect(library.problems).toEqual([]);
  });

  it('GIVEN _config.yml added or removed THEN the files are read again as the folder now is', async () => {
    putIn('_posts/2024-01-01-post.md', 'Post');
    putIn('_drafts/draft.md', 'Draft');
    const lib = await open();
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Draft', 'Post']);
    put('_config.yml', 'title: A blog\n');
    await lib.refresh({ paths: [join(dir, '_config.yml')] });
    expect(titles(lib)).toEqual(['Post']);
    unlinkSync(join(dir, '_config.yml'));
    await lib.refresh({ paths: [join(dir, '_config.yml')] });
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Draft', 'Post']);
  });
});

describe("ContentLibrary.refresh in a Hugo site's folder", () => {
  const putIn = (path: string, title: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    put(path, article(title));
  };

  it('GIVEN files added in a leaf bundle, or its index.md added or removed THEN only pages are articles, as Hugo makes them', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    putIn('content/posts/leaf/index.md', 'Leaf');
    putIn('content/posts/plain/page.md', 'Page');
    const lib = await open();
    // At the site's own folder only its content folder is read: not a.md and b.md beside it.
    expect(titles(lib)).toEqual(['Leaf', 'Page']);
    putIn('content/posts/leaf/extra.md', 'Extra');
    putIn('content/posts/leaf/sub/deeper.md', 'Deeper');
    const added = [
      'content/posts/leaf/extra.md',
      'content/posts/leaf/sub',
      'content/posts/leaf/sub/deeper.md',
    ];
    await lib.refresh({ paths: added.map((path) => join(dir, path)) });
    expect(titles(lib)).toEqual(['Leaf', 'Page']);
    // An index.md makes its folder a bundle: its other files leave.
    putIn('content/posts/plain/index.md', 'Plain');
    await lib.refresh({ paths: [join(dir, 'content/posts/plain/index.md')] });
    expect(titles(lib)).toEqual(['Leaf', 'Plain']);
    // Without it, the folder's files are pages again.
    unlinkSync(join(dir, 'content/posts/leaf/index.md'));
    await lib.refresh({ paths: [join(dir, 'content/posts/leaf/index.md')] });
    expect(titles(lib)).toEqual(['Deeper', 'Extra', 'Plain']);
    unlinkSync(join(dir, 'hugo.toml'));
    await lib.refresh({ paths: [join(dir, 'hugo.toml')] });
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Deeper', 'Extra', 'Page', 'Plain']);
    expect(lib.problems).toEqual([]);
  });

  it('GIVEN the folder watched THEN a file added inside a leaf bundle does not become an article', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    putIn('content/posts/leaf/index.md', 'Leaf');
    const lib = await open();
    await lib.watch();
    putIn('content/posts/leaf/extra.md', 'Extra');
    putIn('content/posts/leaf/sub/deeper.md', 'Deeper');
    put('content/posts/c.md', article('Gamma'));
    // Beside the content folder, no page: not read.
    put('README.md', article('Read me'));
    await eventually(() => expect(titles(lib)).toEqual(['Gamma', 'Leaf']));
    put('content/posts/leaf/index.md', article('Leaf, revised'));
    await eventually(() => expect(titles(lib)).toEqual(['Gamma', 'Leaf, revised']));
    expect(lib.problems).toEqual([]);
  });
});

describe('ContentLibrary.refresh when the site changes kind', () => {
  it('GIVEN an Eleventy configuration added to the content folder, then removed THEN every file is read again, a text tags one tag only while it is there', async () => {
    // The project's folder: nothing above it is looked at.
    put('package.json', '{}\n');
    put('c.md', '---\ntitle: Gamma\ntags: my tag\n---\n\nText.\n');
    const lib = await open();
    const tags = () => lib.current.articles.find((a) => a.title === 'Gamma')?.tags;
    expect(tags()).toEqual(['my', 'tag']);
    put('eleventy.config.js', 'export default function () {}\n');
    await lib.refresh({ paths: [join(dir, 'eleventy.config.js')] });
    expect(tags()).toEqual(['my tag']);
    unlinkSync(join(dir, 'eleventy.config.js'));
    await lib.refresh({ paths: [join(dir, 'eleventy.config.js')] });
    expect(tags()).toEqual(['my', 'tag']);
  });

  it("GIVEN a hugo.toml added to the folder THEN only its content folder is read, its posts' sections starting there", async () => {
    mkdirSync(join(dir, 'content', 'posts'), { recursive: true });
    put('content/posts/c.md', '---\ntitle: Gamma\n---\n\nText.\n');
    library = await ContentLibrary.open({
      dir,
      siteUrl: 'https://blog.example',
      articleUrl: '/:sections/:slugorfilename/',
      logger: createLogger({ level: 'silent' }),
      store: ContentStore.memory(createLogger({ level: 'silent' })),
    });
    const lib = library;
    const urls = () => lib.current.articles.map((a) => a.url).sort();
    expect(urls()).toEqual([
      'https://blog.example/a/',
      'https://blog.example/b/',
      'https://blog.example/content/posts/c/',
    ]);
    put('hugo.toml', 'title = "A blog"\n');
    await lib.refresh({ paths: [join(dir, 'hugo.toml')] });
    expect(urls()).toEqual(['https://blog.example/posts/c/']);
  });
});

describe("posts past Hugo's expiryDate", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const post = (title: string, expiryDate: string): string =>
    articleSource(validFront({ title, expiryDate }), '## Tips\n\n- x');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN one already past THEN it is left out; one that passes while the bot runs leaves the index then, without an edit', async () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
      now: Date.parse('2024-06-01T00:00:00Z'),
    });
    put('gone.md', post('Gone', '2024-05-31'));
    put('soon.md', post('Soon', '2024-06-01T01:00:00Z'));
    // Past setTimeout's longest wait (24.8 days): waited for in steps, not at once.
    put('later.md', post('Later', '2024-08-01'));
    const lib = await open();
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Later', 'Soon']);
    // One timer, for the soonest.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    // Queued behind any refresh: one asked for now runs after it.
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Later']);
    expect(lib.current.search.search('soon')).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'expired posts left out', articles: 3 }));
    await vi.advanceTimersByTimeAsync(30 * DAY);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Later']);
    await vi.advanceTimersByTimeAsync(31 * DAY);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Alpha', 'Beta']);
    // None left to come: no timer.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('GIVEN an expiry to come THEN an edit keeps one timer for the soonest, and close() clears it', async () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
      now: Date.parse('2024-06-01T00:00:00Z'),
    });
    put('soon.md', post('Soon', '2024-06-02'));
    const lib = await open();
    put('a.md', post('Alpha', '2024-06-01T12:00:00Z'));
    await lib.refresh({ paths: [join(dir, 'a.md')] });
    // The soonest expiry's, and the one that drops the text the edit replaced a minute later.
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(12 * 60 * 60 * 1000);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Beta', 'Soon']);
    await lib.close();
    library = undefined;
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('posts the blog does not publish yet', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const post = (front: Record<string, unknown>): string =>
    articleSource({ tags: ['a'], ...front }, '## Tips\n\n- x');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN a Hugo site with posts dated in the future THEN each comes in at its instant while the bot runs, without an edit; the soonest of them and of expiries is waited for', async () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
      now: Date.parse('2024-06-01T00:00:00Z'),
    });
    put('hugo.toml', 'title = "A blog"\n');
    mkdirSync(join(dir, 'content'));
    put('content/out.md', post({ title: 'Out', date: '2024-05-01' }));
    put('content/soon.md', post({ title: 'Soon', date: '2024-06-01T01:00:00Z' }));
    put('content/gone.md', post({ title: 'Gone', date: '2024-05-01', expiryDate: '2024-06-01T02:00:00Z' }));
    // Past setTimeout's longest wait (24.8 days): waited for in steps, not at once.
    put('content/later.md', post({ title: 'Later', date: '2024-05-01', publishDate: '2024-08-01' }));
    const lib = await open();
    expect(titles(lib)).toEqual(['Gone', 'Out']);
    expect(lib.current.search.search('soon')).toEqual([]);
    // Nor are its tips drawn, by /tip or a schedule: they come from the index.
    expect(lib.current.items('tips').map((ref) => ref.article.title)).toEqual(['Gone', 'Out']);
    // One timer, for the soonest.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    // Queued behind any refresh: one asked for now runs after it.
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Gone', 'Out', 'Soon']);
    expect(lib.current.search.search('soon').map((found) => found.title)).toEqual(['Soon']);
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'posts published at their date', articles: 3 }),
    );
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Out', 'Soon']);
    await vi.advanceTimersByTimeAsync(30 * DAY);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Out', 'Soon']);
    await vi.advanceTimersByTimeAsync(31 * DAY);
    await lib.refresh({});
    expect(titles(lib)).toEqual(['Later', 'Out', 'Soon']);
    // None left to come: no timer.
    expect(vi.getTimerCount()).toBe(0);
  });

  /** What a Hugo site with this configuration file logs as warnings when opened (its one post read all the same). */
  const configWarnings = async (name: string, text: string): Promise<string[]> => {
    put(name, text);
    mkdirSync(join(dir, 'content'));
    put('content/out.md', post({ title: 'Out', date: '2024-05-01' }));
    expect(titles(await open())).toEqual(['Out']);
    return logs.filter((log) => log.level === 40).map((log) => log.msg);
  };

  it('GIVEN a time zone setting that names no zone THEN it is logged as what it is, not as a file skipped', async () => {
    const warned = await configWarnings('hugo.toml', 'title = "A blog"\ntimeZone = "Mars/Olympus"\n');
    expect(warned).toEqual([
      expect.stringMatching(/^\S*hugo\.toml:2: timeZone: "Mars\/Olympus" is no time zone/),
    ]);
  });

  it('GIVEN a post added that is not out yet THEN it is not counted added (nor one that expired, removed) until the index has it', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    mkdirSync(join(dir, 'content'));
    put('content/out.md', post({ title: 'Out', date: '2024-05-01' }));
    const lib = await open();
    put('content/later.md', post({ title: 'Later', date: '2999-01-01' }));
    expect(await lib.refresh({ paths: [join(dir, 'content', 'later.md')] })).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      articles: 1,
    });
    put('content/later.md', post({ title: 'Later', date: '2999-01-02' }));
    expect(await lib.refresh({ paths: [join(dir, 'content', 'later.md')] })).toMatchObject({ changed: 0 });
    put('content/out.md', post({ title: 'Out', date: '2024-05-01', expiryDate: '2024-05-02' }));
    expect(await lib.refresh({ paths: [join(dir, 'content', 'out.md')] })).toMatchObject({
      removed: 1,
      articles: 0,
    });
  });

  it('GIVEN a site configuration that cannot be read, even where its reader names no line THEN it is logged as what it is, on one line', async () => {
    const warned = await configWarnings('hugo.json', '{\n  "title": }\n');
    expect(warned).toEqual([
      expect.stringMatching(/^\S*hugo\.json: the site's configuration cannot be read \([^\n]+\): mend it/),
    ]);
  });

  it('GIVEN a publish date passed that the timer missed (a machine suspended) THEN the next rescan, finding no file changed, builds the index anew', async () => {
    // Only the clock is faked: the real timer, an hour away, does not fire during the test.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2024-06-01T00:00:00Z') });
    put('hugo.toml', 'title = "A blog"\n');
    mkdirSync(join(dir, 'content'));
    put('content/out.md', post({ title: 'Out', date: '2024-05-01' }));
    put('content/soon.md', post({ title: 'Soon', date: '2024-06-01T01:00:00Z' }));
    const lib = await open();
    expect(titles(lib)).toEqual(['Out']);
    vi.setSystemTime(Date.parse('2024-06-01T02:00:00Z'));
    await lib.refresh({ rescan: true });
    expect(titles(lib)).toEqual(['Out', 'Soon']);
  });

  it('GIVEN buildFuture set while the bot runs THEN the posts to come are in at once, and no timer waits for them', async () => {
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
      now: Date.parse('2024-06-01T00:00:00Z'),
    });
    put('hugo.toml', 'title = "A blog"\n');
    mkdirSync(join(dir, 'content'));
    put('content/soon.md', post({ title: 'Soon', date: '2024-06-02' }));
    const lib = await open();
    expect(titles(lib)).toEqual([]);
    put('hugo.toml', 'title = "A blog"\nbuildFuture = true\n');
    await lib.refresh({ paths: [join(dir, 'hugo.toml')] });
    expect(titles(lib)).toEqual(['Soon']);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ContentLibrary.refresh with force', () => {
  it('GIVEN an edit that kept the size and time (some file systems, cp -p) THEN a rescan misses it and a forced one reads it', async () => {
    // A whole second, which the file system keeps exactly.
    utimesSync(join(dir, 'a.md'), 1_000_000, 1_000_000);
    const lib = await open();
    put('a.md', article('Alpha').replace('Alpha', 'Omega'));
    utimesSync(join(dir, 'a.md'), 1_000_000, 1_000_000);
    expect(await lib.refresh({ rescan: true })).toMatchObject({ changed: 0 });
    expect(await lib.refresh({ rescan: true, force: true })).toMatchObject({ changed: 1 });
    expect(titles(lib)).toEqual(['Beta', 'Omega']);
  });
});

describe('ContentLibrary.watch', () => {
  it('GIVEN the folder removed and put back (a deploy that clones it anew) THEN the articles stay meanwhile, and edits to the new folder are seen', async () => {
    const lib = await open();
    await lib.watch();
    renameSync(dir, `${dir}-old`);
    try {
      const update = await lib.refresh({ rescan: true });
      // Unreadable for a moment is not empty: the articles stay, the folder is named.
      expect(update).toMatchObject({ removed: 0, articles: 2 });
      expect(lib.problems.map((p) => p.message)).toEqual(['the folder does not exist']);
      mkdirSync(dir);
      put('a.md', article('Alpha'));
      put('b.md', article('Beta'));
      // Watched again within a second or so: a new file shows.
      await eventually(() => {
        put('c.md', article('Gamma'));
        expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Gamma']);
      });
      expect(lib.problems).toEqual([]);
    } finally {
      rmSync(`${dir}-old`, { recursive: true, force: true });
    }
  });

  it('GIVEN the folder watched, then removed and made again at once (rm -rf and a new clone) THEN the new one is read and watched, without a rescan asked', async () => {
    const lib = await open({ watch: true });
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    put('c.md', article('Gamma'));
    await eventually(() => expect(titles(lib)).toEqual(['Gamma']));
    put('d.md', article('Delta'));
    await eventually(() => expect(titles(lib)).toEqual(['Delta', 'Gamma']));
  });

  it('GIVEN the folder removed for a while THEN its articles stay meanwhile, and those of the folder made again replace them', async () => {
    const lib = await open({ watch: true });
    rmSync(dir, { recursive: true });
    await eventually(() => expect(lib.problems.map((p) => p.message)).toEqual(['the folder does not exist']));
    expect(titles(lib)).toEqual(['Alpha', 'Beta']);
    mkdirSync(dir);
    put('c.md', article('Gamma'));
    await eventually(() => expect(titles(lib)).toEqual(['Gamma']));
  });

  it("GIVEN CONTENT_DIR a link switched to another release (a deploy's `current`) THEN the new release is read and watched", async () => {
    const releases = mkdtempSync(join(tmpdir(), 'library-releases-'));
    try {
      mkdirSync(join(releases, 'r1'));
      mkdirSync(join(releases, 'r2'));
      writeFileSync(join(releases, 'r1', 'a.md'), article('Alpha'));
      writeFileSync(join(releases, 'r2', 'b.md'), article('Beta'));
      symlinkSync(join(releases, 'r1'), join(releases, 'current'));
      const lib = await open({ watch: true, dir: join(releases, 'current') });
      expect(titles(lib)).toEqual(['Alpha']);
      symlinkSync(join(releases, 'r2'), join(releases, 'next'));
      renameSync(join(releases, 'next'), join(releases, 'current'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta']));
      writeFileSync(join(releases, 'r2', 'c.md'), article('Gamma'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta', 'Gamma']));
    } finally {
      await library?.close();
      rmSync(releases, { recursive: true, force: true });
    }
  });

  it('GIVEN a link higher up CONTENT_DIR switched to another release (`current/content`) THEN the new release is read and watched', async () => {
    const app = mkdtempSync(join(tmpdir(), 'library-app-'));
    const release = (name: string, file: string, title: string): void => {
      mkdirSync(join(app, 'releases', name, 'content'), { recursive: true });
      writeFileSync(join(app, 'releases', name, 'content', file), article(title));
    };
    try {
      release('r1', 'a.md', 'Alpha');
      release('r2', 'b.md', 'Beta');
      symlinkSync(join(app, 'releases', 'r1'), join(app, 'current'));
      const lib = await open({ watch: true, dir: join(app, 'current', 'content') });
      expect(titles(lib)).toEqual(['Alpha']);
      symlinkSync(join(app, 'releases', 'r2'), join(app, 'next'));
      renameSync(join(app, 'next'), join(app, 'current'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta']));
      writeFileSync(join(app, 'releases', 'r2', 'content', 'c.md'), article('Gamma'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta', 'Gamma']));
      // The old release's files are no longer read.
      writeFileSync(join(app, 'releases', 'r1', 'content', 'd.md'), article('Delta'));
      writeFileSync(join(app, 'releases', 'r2', 'content', 'e.md'), article('Epsilon'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta', 'Epsilon', 'Gamma']));
    } finally {
      await library?.close();
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('GIVEN a chain of links above CONTENT_DIR (current → live → a release) THEN switching the inner one reads the new release', async () => {
    const app = mkdtempSync(join(tmpdir(), 'library-chain-'));
    try {
      for (const [name, title] of [
        ['r1', 'Alpha'],
        ['r2', 'Beta'],
      ] as const) {
        mkdirSync(join(app, 'releases', name, 'content'), { recursive: true });
        writeFileSync(join(app, 'releases', name, 'content', 'a.md'), article(title));
      }
      symlinkSync(join('releases', 'r1'), join(app, 'live'));
      symlinkSync('live', join(app, 'current'));
      const lib = await open({ watch: true, dir: join(app, 'current', 'content') });
      expect(titles(lib)).toEqual(['Alpha']);
      symlinkSync(join('releases', 'r2'), join(app, 'next'));
      renameSync(join(app, 'next'), join(app, 'live'));
      await eventually(() => expect(titles(lib)).toEqual(['Beta']));
    } finally {
      await library?.close();
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('GIVEN the folder watched THEN added, edited, renamed and removed files and folders show in the index', async () => {
    const lib = await open();
    await lib.watch();
    put('c.md', article('Gamma'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Gamma']));
    put('a.md', article('Alpha, revised', 'Listen first.'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha, revised', 'Beta', 'Gamma']));
    expect(lib.current.items('tips').map((ref) => ref.item.text)).toContain('Listen first.');
    unlinkSync(join(dir, 'b.md'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha, revised', 'Gamma']));

    mkdirSync(join(dir, 'posts'));
    put('posts/d.md', article('Delta'));
    await eventually(() => expect(titles(lib)).toContain('Delta'));
    renameSync(join(dir, 'posts'), join(dir, 'archive'));
    await eventually(() => expect(lib.current.bySlug('d')?.file).toBe(rel('archive/d.md')));
    rmSync(join(dir, 'archive'), { recursive: true });
    await eventually(() => expect(titles(lib)).toEqual(['Alpha, revised', 'Gamma']));

    // An editor's atomic save: a new file renamed over the old one.
    put('.c.md.tmp', article('Gamma, saved atomically'));
    renameSync(join(dir, '.c.md.tmp'), join(dir, 'c.md'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha, revised', 'Gamma, saved atomically']));
    expect(lib.problems).toEqual([]);
  });

  it('GIVEN open with watch THEN the folder is read once, watched from before, and edits show', async () => {
    const lib = await open({ watch: true });
    expect(lib.watching).toBe(true);
    expect(titles(lib)).toEqual(['Alpha', 'Beta']);
    put('c.md', article('Gamma'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Gamma']));
  });

  it('GIVEN open with watch on a folder that is not there THEN it is read all the same (its problem named) and the failure to watch said', async () => {
    rmSync(dir, { recursive: true });
    const lib = await open({ watch: true });
    expect(lib.watching).toBe(false);
    expect(lib.current.articles).toEqual([]);
    expect(lib.problems.length).toBeGreaterThan(0);
    expect(logs.some((log) => log.msg.startsWith('cannot watch the content folder'))).toBe(true);
  });

  it('GIVEN a rescan that finds nothing changed THEN the index is kept as it is (not built again)', async () => {
    const lib = await open();
    const before = lib.current;
    await lib.refresh({ rescan: true });
    expect(lib.current).toBe(before);
    put('c.md', article('Gamma'));
    await lib.refresh({ rescan: true });
    expect(lib.current).not.toBe(before);
    expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it("GIVEN the folder watched in a site whose configuration is above it THEN an edit to that configuration is read as it is saved (Hugo's and Jekyll's)", async () => {
    const post = (title: string, date: string): string =>
      articleSource({ title, tags: ['a'], date }, '## Tips\n\n- x');
    put('hugo.toml', 'title = "A blog"\n');
    mkdirSync(join(dir, 'content'));
    put('content/out.md', post('Out', '2020-01-01'));
    put('content/later.md', post('Later', '2999-01-01'));
    const hugo = await open({ watch: true, dir: join(dir, 'content') });
    expect(titles(hugo)).toEqual(['Out']);
    put('hugo.toml', 'title = "A blog"\nbuildFuture = true\n');
    await eventually(() => expect(titles(hugo)).toEqual(['Later', 'Out']));
    await hugo.close();

    const jekyll = mkdtempSync(join(tmpdir(), 'library-jekyll-'));
    try {
      mkdirSync(join(jekyll, '_posts'));
      writeFileSync(join(jekyll, '_config.yml'), 'title: A blog\n');
      writeFileSync(join(jekyll, '_posts', '2020-01-01-out.md'), post('Out', '2020-01-01'));
      writeFileSync(join(jekyll, '_posts', '2999-01-01-later.md'), post('Later', '2999-01-01'));
      const lib = await open({ watch: true, dir: join(jekyll, '_posts') });
      expect(titles(lib)).toEqual(['Out']);
      writeFileSync(join(jekyll, '_config.yml'), 'title: A blog\nfuture: true\n');
      await eventually(() => expect(titles(lib)).toEqual(['Later', 'Out']));
    } finally {
      await library?.close();
      rmSync(jekyll, { recursive: true, force: true });
    }
  });

  it('GIVEN links added while watched THEN the walk decides: one out of the folder is skipped and named', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    try {
      writeFileSync(join(outside, 'x.md'), article('Outside'));
      const lib = await open();
      await lib.watch();
      symlinkSync(join(outside, 'x.md'), join(dir, 'x.md'));
      symlinkSync(join(dir, 'a.md'), join(dir, 'alias.md'));
      mkdirSync(join(dir, 'inner'));
      put('inner/e.md', article('Epsilon'));
      symlinkSync(join(dir, 'inner', 'e.md'), join(dir, 'e-link.md'));
      await eventually(() =>
        expect(lib.problems.map(formatProblem)).toEqual([
          `${rel('x.md')}: skipped: a link out of the content folder (${join(outside, 'x.md')})`,
        ]),
      );
      await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Epsilon']));
      // A file reached as itself and through a link is read once, under its own name.
      expect(lib.current.bySlug('e')?.file).toBe(rel('inner/e.md'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
