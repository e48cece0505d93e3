import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { eventually } from '../helpers/eventually.js';

/** What the library logs of each refresh: one line per edit read, with its counts. */
interface Logged {
  level: number;
  msg: string;
  [key: string]: unknown;
}

let site: string;
let logs: Logged[];
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};
const post = (title: string, date: string): string =>
  articleSource(validFront({ title, date }), '## Tips\n\n- **Ask:** questions.');
const titles = (lib: ContentLibrary): string[] => lib.current.articles.map((a) => a.title).sort();
/** The lines that say what a refresh read (not the problems, nor the first read's). */
const updates = (): Logged[] =>
  logs.filter((line) => line.msg === 'content updated' || line.msg === 'site configuration read again');

async function open(dir: string, { watch = false } = {}): Promise<ContentLibrary> {
  const logger = createLogger(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line) as Logged) },
  );
  library = await ContentLibrary.open(
    { dir, siteUrl: 'https://blog.example', logger, store: ContentStore.memory(logger) },
    { watch },
  );
  // The first read's line is not what these tests look at.
  logs = [];
  return library;
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'library-updates-'));
  logs = [];
});
afterEach(async () => {
  await library?.close();
  library = undefined;
  rmSync(site, { recursive: true, force: true });
});

describe("the site's configuration edited while the bot runs", () => {
  it('GIVEN hugo.toml above the content folder, watched THEN its edit is logged as read again, with what it changed', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    put('content/out.md', post('Out', '2020-01-01'));
    put('content/later.md', post('Later', '2999-01-01'));
    const lib = await open(join(site, 'content'), { watch: true });
    expect(titles(lib)).toEqual(['Out']);
    put('hugo.toml', 'title = "A blog"\nbuildFuture = true\n');
    await eventually(() => expect(titles(lib)).toEqual(['Later', 'Out']));
    await eventually(() =>
      expect(updates().at(-1)).toMatchObject({
        level: 30,
        msg: 'site configuration read again',
        config: expect.stringMatching(/(^|\/)hugo\.toml$/) as unknown,
        added: 1,
        changed: 0,
        removed: 0,
        broken: 0,
        articles: 2,
      }),
    );
  });

  it("GIVEN a Jekyll site's _config.yml edited THEN one line names it, even when the edit changes no post", async () => {
    put('_config.yml', 'title: A blog\n');
    put('_posts/2020-01-01-out.md', post('Out', '2020-01-01'));
    put('_posts/2999-01-01-later.md', post('Later', '2999-01-01'));
    const lib = await open(site);
    put('_config.yml', 'title: Another title\n');
    await lib.refresh({ paths: [join(site, '_config.yml')] });
    expect(updates()).toEqual([
      expect.objectContaining({
        msg: 'site configuration read again',
        config: expect.stringMatching(/(^|\/)_config\.yml$/) as unknown,
        added: 0,
        changed: 0,
        removed: 0,
        articles: 1,
      }),
    ]);
    put('_config.yml', 'title: Another title\nfuture: true\n');
    await lib.refresh({ paths: [join(site, '_config.yml')] });
    expect(titles(lib)).toEqual(['Later', 'Out']);
    expect(updates()).toHaveLength(2);
    expect(updates()[1]).toMatchObject({ msg: 'site configuration read again', added: 1, articles: 2 });
  });

  it("GIVEN a Hugo site's own folder with config.toml (Hugo's older name) THEN its edit is read, and said", async () => {
    put('config.toml', 'title = "A blog"\n');
    mkdirSync(join(site, 'layouts'));
    put('content/posts/out.md', post('Out', '2020-01-01'));
    put('content/posts/later.md', post('Later', '2999-01-01'));
    const lib = await open(site);
    expect(titles(lib)).toEqual(['Out']);
    put('config.toml', 'title = "A blog"\nbuildFuture = true\n');
    await lib.refresh({ paths: [join(site, 'config.toml')] });
    expect(titles(lib)).toEqual(['Later', 'Out']);
    expect(updates()).toEqual([
      expect.objectContaining({
        msg: 'site configuration read again',
        config: expect.stringMatching(/(^|\/)config\.toml$/) as unknown,
        added: 1,
      }),
    ]);
  });

  it('GIVEN an Eleventy configuration written THEN it is said read again; an article edit keeps its own line', async () => {
    put('package.json', '{}\n');
    put('eleventy.config.js', 'export default function () {}\n');
    put('a.md', post('Alpha', '2020-01-01'));
    const lib = await open(site);
    put('eleventy.config.js', 'export default function (config) {}\n');
    await lib.refresh({ paths: [join(site, 'eleventy.config.js')] });
    put('a.md', post('Alpha, revised', '2020-01-01'));
    await lib.refresh({ paths: [join(site, 'a.md')] });
    expect(updates()).toEqual([
      expect.objectContaining({
        msg: 'site configuration read again',
        config: expect.stringMatching(/(^|\/)eleventy\.config\.js$/) as unknown,
        changed: 0,
      }),
      expect.objectContaining({ msg: 'content updated', changed: 1 }),
    ]);
    expect(updates()[1]).not.toHaveProperty('config');
  });
});

describe("an Eleventy site's data file edited while the bot runs", () => {
  it('GIVEN posts/posts.json written, added or removed, watched THEN the posts below it take what it now gives', async () => {
    put('package.json', '{}\n');
    put('eleventy.config.js', 'export default function () {}\n');
    put('posts/2024-01-05-Hello.md', post('Hello', '2024-01-05'));
    put('posts/posts.json', JSON.stringify({ permalink: '/blog/{{ page.fileSlug }}/' }));
    const lib = await open(site, { watch: true });
    const urls = (): (string | undefined)[] => lib.current.articles.map((a) => a.url);
    expect(urls()).toEqual(['https://blog.example/blog/Hello/']);
    put('posts/posts.json', JSON.stringify({ permalink: '/notes/{{ page.fileSlug }}/', tags: ['Notes'] }));
    await eventually(() => expect(urls()).toEqual(['https://blog.example/notes/Hello/']));
    expect(lib.current.articles[0]?.tags).toEqual(['Notes', 'testing']);
    rmSync(join(site, 'posts/posts.json'));
    await eventually(() => expect(urls()).not.toEqual(['https://blog.example/notes/Hello/']));
    expect(lib.current.articles[0]?.tags).toEqual(['testing']);
  });

  it('GIVEN a post added beside its own data file (b.json before b.md), watched THEN it is read with it', async () => {
    put('package.json', '{}\n');
    put('eleventy.config.js', 'export default function () {}\n');
    put('posts/a.md', post('A', '2024-01-05'));
    put('posts/b.json', JSON.stringify({ tags: ['own-b'] }));
    const lib = await open(site, { watch: true });
    put('posts/b.md', post('B', '2024-01-06'));
    await eventually(() => expect(titles(lib)).toEqual(['A', 'B']));
    expect(lib.current.bySlug('b')?.tags).toEqual(['own-b', 'testing']);
  });
});

describe("an edit read again to the same result (an _index.md's cascade, say)", () => {
  const page = (title: string, front = ''): string =>
    `---\ntitle: ${title}\nsummary: What it says.\n${front}---\n\n## Tips\n\n- **Ask:** questions.\n`;
  const index = (cascade: string): string => `---\ntitle: Posts\ncascade:\n${cascade}---\n`;
  const tagsOf = (lib: ContentLibrary): Record<string, readonly string[]> =>
    Object.fromEntries(lib.current.articles.map((a) => [a.slug, a.tags]));

  beforeEach(() => {
    put('hugo.toml', 'title = "A blog"\n');
    put('content/posts/_index.md', index('  tags: [old]\n'));
    // One takes the cascade's tags; the other has its own, which win.
    put('content/posts/takes.md', page('Takes'));
    put('content/posts/own.md', page('Own', 'tags: [mine]\n'));
  });

  it('GIVEN the cascade edited THEN only the pages whose article changed are counted changed, the others unchanged', async () => {
    const lib = await open(join(site, 'content'));
    const indexPath = join(site, 'content', 'posts', '_index.md');
    expect(tagsOf(lib)).toEqual({ takes: ['old'], own: ['mine'] });

    put('content/posts/_index.md', index('  tags: [new]\n'));
    expect(await lib.refresh({ paths: [indexPath] })).toMatchObject({ changed: 1, unchanged: 1 });
    expect(tagsOf(lib)).toEqual({ takes: ['new'], own: ['mine'] });

    // A field no page reads, and the _index.md's own title: every page read again, none changed.
    put(
      'content/posts/_index.md',
      index('  tags: [new]\n  params: { color: blue }\n').replace('Posts', 'All'),
    );
    expect(await lib.refresh({ paths: [indexPath] })).toMatchObject({
      added: 0,
      changed: 0,
      removed: 0,
      broken: 0,
      unchanged: 2,
      articles: 2,
    });
    expect(updates()).toEqual([
      expect.objectContaining({ level: 30, msg: 'content updated', changed: 1, unchanged: 1 }),
      expect.objectContaining({ level: 30, msg: 'content updated', changed: 0, unchanged: 2 }),
    ]);
  });

  it("GIVEN a page's text edited to the same article (a blank line), or a broken page fixed to its last good version THEN the first is unchanged, the second changed", async () => {
    const lib = await open(join(site, 'content'));
    const ownPath = join(site, 'content', 'posts', 'own.md');
    put('content/posts/own.md', `${page('Own', 'tags: [mine]\n')}\n`);
    expect(await lib.refresh({ paths: [ownPath] })).toMatchObject({ changed: 0, unchanged: 1 });

    put('content/posts/own.md', page('Own', 'tags: [mine]\ndate: 2024-02-30\n'));
    expect(await lib.refresh({ paths: [ownPath] })).toMatchObject({ broken: 1 });
    put('content/posts/own.md', page('Own', 'tags: [mine]\n'));
    expect(await lib.refresh({ paths: [ownPath] })).toMatchObject({ changed: 1, unchanged: 0 });
    expect(lib.problems).toEqual([]);
  });
});
