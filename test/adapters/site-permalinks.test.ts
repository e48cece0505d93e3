import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { configuredSiteAddress, findArticles, loadContent } from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { hugoPermalinks, jekyllPermalink, sitePermalinkOf } from '../../src/core/site-permalinks.js';
import { eventually } from '../helpers/eventually.js';

let site: string;
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};
const toml = (fields: string): string => `+++\n${fields}\n+++\n\nA post.\n`;
const yaml = (fields: string): string => `---\n${fields}\n---\n\nA post.\n`;
/** Each article's address by its file's path in the site, as loaded from `dir` with ARTICLE_URL `articleUrl`. */
/** The site's content as the bot reads and watches it, in memory. */
async function watchedContent(): Promise<ContentLibrary> {
  const logger = createLogger({ level: 'silent' });
  return ContentLibrary.open(
    {
      dir: join(site, 'content'),
      siteUrl: 'https://blog.example',
      logger,
      store: ContentStore.memory(logger),
    },
    { watch: true },
  );
}

async function addresses(dir: string, articleUrl?: string): Promise<Record<string, string | undefined>> {
  const { index } = await loadContent(join(site, dir), 'https://blog.example', articleUrl);
  return Object.fromEntries(
    index.articles.map((article) => [
      article.file.slice(article.file.indexOf(site) + site.length + 1),
      article.url,
    ]),
  );
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'site-permalinks-'));
});
afterEach(async () => {
  await library?.close();
  library = undefined;
  rmSync(site, { recursive: true, force: true });
});

describe("Hugo's permalinks", () => {
  beforeEach(() => {
    put('content/posts/first.md', toml('title = "My First Post"\ndate = 2024-03-05'));
    put('content/posts/bundle/index.md', toml('title = "Bundled"\nslug = "Custom Slug"\ndate = 2024-04-06'));
    put('content/posts/undated.md', toml('title = "Undated"'));
    put('content/notes/n1.md', toml('title = "A Note"\ndate = 2024-04-06'));
    put('content/about.md', toml('title = "About"'));
  });

  it('GIVEN [permalinks] with a pattern for a section THEN its posts are at that address, filled as Hugo fills it (:slug the slug, else the title); the other sections take ARTICLE_URL', async () => {
    put('hugo.toml', 'title = "A blog"\n[permalinks]\n  posts = "/:year/:month/:slug/"\n');
    expect(await addresses('.', '/:sections/:slugorfilename/')).toEqual({
      'content/posts/first.md': 'https://blog.example/2024/03/my-first-post/',
      'content/posts/bundle/index.md': 'https://blog.example/2024/04/custom-slug/',
      // A date in the pattern and none in the post: no link rather than a wrong one.
      'content/posts/undated.md': undefined,
      'content/notes/n1.md': 'https://blog.example/notes/n1/',
      // content/about.md is the site's page, in no section: no article (see hugo-main-sections.test.ts).
    });
  });

  it("GIVEN a pattern without a last / (or with .html in it) THEN its posts' addresses end with a /, as Hugo publishes them (a folder's index.html); with uglyURLs = true, with .html", async () => {
    put('hugo.toml', '[permalinks]\n  posts = ":filename"\n  notes = "/:year/:month/:title"\n');
    expect(await addresses('.')).toMatchObject({
      'content/posts/first.md': 'https://blog.example/first/',
      'content/posts/bundle/index.md': 'https://blog.example/bundle/',
      'content/notes/n1.md': 'https://blog.example/2024/04/a-note/',
    });
    put('hugo.toml', '[permalinks]\n  posts = "/:year/:slug.html"\n');
    expect((await addresses('.'))['content/posts/first.md']).toBe(
      'https://blog.example/2024/my-first-post.html/',
    );
    put('hugo.toml', 'uglyURLs = true\n[permalinks]\n  posts = "/:year/:slug/"\n  notes = "/:year/:title"\n');
    expect(await addresses('.')).toMatchObject({
      'content/posts/first.md': 'https://blog.example/2024/my-first-post.html',
      'content/notes/n1.md': 'https://blog.example/2024/a-note.html',
    });
  });

  it('GIVEN ARTICLE_URL with :sections and CONTENT_DIR at content/posts THEN the same addresses as at content, as Hugo counts sections from it', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    const url = '/:sections/:slugorfilename/';
    const fromContent = await addresses('content', url);
    expect(fromContent['content/posts/first.md']).toBe('https://blog.example/posts/first/');
    const fromPosts = await addresses('content/posts', url);
    expect(fromPosts).toEqual({
      'content/posts/first.md': 'https://blog.example/posts/first/',
      'content/posts/bundle/index.md': 'https://blog.example/posts/custom-slug/',
      'content/posts/undated.md': 'https://blog.example/posts/undated/',
    });
  });

  it('GIVEN [permalinks.page] (Hugo 0.115 on), in YAML, with a section key in another case THEN it is read; [permalinks.section] is for list pages and left out', async () => {
    put(
      'hugo.yaml',
      'permalinks:\n  page:\n    Posts: /articles/:title/\n  section:\n    posts: /articles/\n',
    );
    const found = await addresses('.');
    expect(found['content/posts/first.md']).toBe('https://blog.example/articles/my-first-post/');
    // A section without a pattern, with ARTICLE_URL unset: where Hugo puts it by default.
    expect(found['content/notes/n1.md']).toBe('https://blog.example/notes/n1/');
  });

  it("GIVEN CONTENT_DIR at content/posts THEN the section is still the post's first folder in Hugo's content, and :section is filled with it", async () => {
    put('hugo.toml', '[permalinks]\nposts = "/:section/:year/:slug/"\n');
    expect(await addresses('content/posts')).toMatchObject({
      'content/posts/first.md': 'https://blog.example/posts/2024/my-first-post/',
    });
  });

  it("GIVEN :sections in [permalinks] THEN it is the post's section's path, as Hugo fills it: a folder below the first counts only with an _index.md, from CONTENT_DIR at content or content/posts; Hugo's default address keeps every folder", async () => {
    put('hugo.toml', '[permalinks]\nposts = "/:sections/:filename/"\n');
    put('content/posts/2024/plain.md', toml('title = "Plain"\ndate = 2024-01-02'));
    put('content/posts/Guides/_index.md', toml('title = "Guides"'));
    put('content/posts/Guides/go/intro.md', toml('title = "Intro"\ndate = 2024-01-03'));
    put('content/posts/Guides/go/bundled/index.md', toml('title = "Bundled Go"\ndate = 2024-01-04'));
    put('content/notes/2024/n2.md', toml('title = "Note 2"\ndate = 2024-01-05'));
    const expected = {
      'content/posts/2024/plain.md': 'https://blog.example/posts/plain/',
      'content/posts/Guides/go/intro.md': 'https://blog.example/posts/guides/intro/',
      'content/posts/Guides/go/bundled/index.md': 'https://blog.example/posts/guides/bundled/',
    };
    const fromContent = await addresses('content');
    expect(fromContent).toMatchObject(expected);
    // No permalinks for notes: Hugo's default, the file's path.
    expect(fromContent['content/notes/2024/n2.md']).toBe('https://blog.example/notes/2024/n2/');
    expect(await addresses('content/posts')).toMatchObject(expected);
  });

  it("GIVEN CONTENT_DIR at a language's own content folder (languages.en.contentDir) THEN Hugo's paths start there: its sections, permalinks and default addresses are Hugo's, and its top pages are no posts", async () => {
    put(
      'hugo.toml',
      '[languages.en]\ncontentDir = "content/english"\n[languages.fr]\ncontentDir = "content/french"\n[permalinks]\nblog = "/blog/:slug/"\n',
    );
    put('content/english/blog/post-1.md', yaml('title: English Post\ndate: 2024-01-01'));
    put('content/english/notes/n.md', yaml('title: A Note\ndate: 2024-01-02'));
    put('content/english/about.md', yaml('title: About'));
    put('content/french/blog/post-1.md', yaml('title: Article\ndate: 2024-01-01'));
    expect(await addresses('content/english')).toEqual({
      'content/english/blog/post-1.md': 'https://blog.example/blog/english-post/',
      'content/english/notes/n.md': 'https://blog.example/notes/n/',
    });
  });

  it("GIVEN CONTENT_DIR at content (or the site's folder) with a content folder per language THEN only CONTENT_LANGUAGE's is read, as Hugo's content (its folder no section), and a language other than the default is under its own folder, as Hugo puts it", async () => {
    rmSync(join(site, 'content'), { recursive: true });
    put(
      'hugo.toml',
      '[languages.en]\ncontentDir = "content/en"\n[languages.FR]\ncontentDir = "content/fr/"\n[permalinks]\nblog = "/blog/:slug/"\n',
    );
    put('content/en/posts/one.md', yaml('title: One\ndate: 2024-01-01'));
    put('content/en/blog/two.md', yaml('title: Two\ndate: 2024-01-02'));
    put('content/en/about.md', yaml('title: About'));
    put('content/fr/posts/un.md', yaml('title: Un\ndate: 2024-01-01'));
    const english = {
      'content/en/posts/one.md': 'https://blog.example/posts/one/',
      'content/en/blog/two.md': 'https://blog.example/blog/two/',
    };
    expect(await addresses('content')).toEqual(english);
    expect(await addresses('.')).toEqual(english);
    const inFrench = async (dir: string) => {
      const { index } = await loadContent(join(site, dir), 'https://blog.example', undefined, 'fr');
      return index.articles.map((article) => [article.slug, article.url]);
    };
    expect(await inFrench('content')).toEqual([['un', 'https://blog.example/fr/posts/un/']]);
    expect(await inFrench('.')).toEqual([['un', 'https://blog.example/fr/posts/un/']]);
    // At the French folder itself, its pages are French whatever CONTENT_LANGUAGE says.
    expect(await addresses('content/fr')).toEqual({
      'content/fr/posts/un.md': 'https://blog.example/fr/posts/un/',
    });
    // ARTICLE_URL is the address as set: no language is put before it.
    const set = await loadContent(join(site, 'content'), 'https://blog.example', '/x/:slug/', 'fr');
    expect(set.index.articles.map((article) => article.url)).toEqual(['https://blog.example/x/un/']);
  });

  it('GIVEN the default language\'s content folder holding the others\' ([languages.en] contentDir = "content", [languages.fr] contentDir = "content/fr") THEN at the site\'s folder or at content only English is read, content/fr left out (not read, not watched); at content/fr, or with CONTENT_LANGUAGE=fr, French under /fr/', async () => {
    rmSync(join(site, 'content'), { recursive: true });
    put('hugo.toml', '[languages.en]\ncontentDir = "content"\n[languages.fr]\ncontentDir = "content/fr"\n');
    put('content/posts/a.md', yaml('title: A\ndate: 2024-01-01'));
    put('content/fr/posts/a.md', yaml('title: Un A\ndate: 2024-01-01'));
    put('content/fr/_index.md', yaml('title: Français'));
    const english = { 'content/posts/a.md': 'https://blog.example/posts/a/' };
    expect(await addresses('.')).toEqual(english);
    expect(await addresses('content')).toEqual(english);
    const french = { 'content/fr/posts/a.md': 'https://blog.example/fr/posts/a/' };
    expect(await addresses('content/fr')).toEqual(french);
    // Inside French's folder, its pages are still French: Hugo's paths start at content/fr.
    expect(await addresses('content/fr/posts')).toEqual(french);
    const inFrench = async (dir: string) => {
      const { index } = await loadContent(join(site, dir), 'https://blog.example', undefined, 'fr');
      return index.articles.map((article) => [article.title, article.url]);
    };
    expect(await inFrench('content')).toEqual([['Un A', 'https://blog.example/fr/posts/a/']]);
    expect(await inFrench('.')).toEqual([['Un A', 'https://blog.example/fr/posts/a/']]);

    library = await watchedContent();
    const lib = library;
    const titles = (): string[] => lib.current.articles.map((article) => article.title).sort();
    expect(titles()).toEqual(['A']);
    // A French post written, and an English one: only the English one is read.
    put('content/fr/posts/b.md', yaml('title: Un B\ndate: 2024-01-02'));
    put('content/posts/b.md', yaml('title: B\ndate: 2024-01-02'));
    await eventually(() => expect(titles()).toEqual(['A', 'B']));
    await new Promise((done) => setTimeout(done, 300));
    expect(titles()).toEqual(['A', 'B']);
  });

  it('GIVEN languages in config/_default/languages.toml, defaultContentLanguage and defaultContentLanguageInSubdir = true THEN CONTENT_LANGUAGE unset reads the default language, under its folder too, and no note says it is not followed', async () => {
    rmSync(join(site, 'content'), { recursive: true });
    put(
      'config/_default/hugo.toml',
      'defaultContentLanguage = "fr"\ndefaultContentLanguageInSubdir = true\n',
    );
    put(
      'config/_default/languages.toml',
      '[en]\ncontentDir = "content/en"\n[fr]\ncontentDir = "content/fr"\n',
    );
    put('content/en/posts/one.md', yaml('title: One\ndate: 2024-01-01'));
    put('content/fr/posts/un.md', yaml('title: Un\ndate: 2024-01-01'));
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(loaded.index.articles.map((article) => article.url)).toEqual([
      'https://blog.example/fr/posts/un/',
    ]);
    expect(loaded.site.notes).toEqual([]);
    const english = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'en');
    expect(english.index.articles.map((article) => article.url)).toEqual([
      'https://blog.example/en/posts/one/',
    ]);
    // Without it, the default language (fr) is at the top, the others under their folder.
    put('config/_default/hugo.toml', 'defaultContentLanguage = "fr"\n');
    const french = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'fr');
    expect(french.index.articles.map((article) => article.url)).toEqual(['https://blog.example/posts/un/']);
    expect(await addresses('content')).toEqual({
      'content/fr/posts/un.md': 'https://blog.example/posts/un/',
    });
    expect(await addresses('content/en')).toEqual({
      'content/en/posts/one.md': 'https://blog.example/en/posts/one/',
    });
    // CONTENT_DIR at a language's folder: that language is read.
    expect((await findArticles(join(site, 'content/en'))).language).toBe('en');
    // A language without a folder of its own: the default language's is read.
    const german = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'de');
    expect(german.index.articles.map((article) => article.url)).toEqual(['https://blog.example/posts/un/']);
  });

  it('GIVEN a pattern with a token the bot does not fill THEN its posts take ARTICLE_URL, and content:check notes it at its line, with what to do', async () => {
    put('hugo.toml', 'title = "A blog"\n[permalinks]\n  notes = "/n/:monthname/:slug/"\n');
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example', '/x/:slug/');
    expect(loaded.index.articles.find((a) => a.slug === 'n1')?.url).toBe('https://blog.example/x/n1/');
    expect(loaded.problems).toEqual([]);
    // ARTICLE_URL unset: no link rather than Hugo's default or /blog/:slug, where Hugo publishes nothing.
    const unset = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(unset.index.articles.find((a) => a.slug === 'n1')?.url).toBeUndefined();
    expect(unset.index.articles.find((a) => a.slug === 'first')?.url).toBe(
      'https://blog.example/posts/first/',
    );
    expect(loaded.site.notes).toEqual([
      expect.stringMatching(
        /hugo\.toml:3: permalinks\.notes: \/n\/:monthname\/:slug\/: the bot does not fill :monthname, so posts in notes\/ are linked by ARTICLE_URL instead \(not at all while it is unset\): set ARTICLE_URL/,
      ),
    ]);
  });

  it('GIVEN config/_default/permalinks.toml, or uglyURLs = true THEN they are read; disablePathToLower, uglyURLs by section or defaultContentLanguageInSubdir is noted as not followed', async () => {
    put('config/_default/hugo.toml', 'title = "A blog"\nuglyURLs = true\n');
    put('config/_default/permalinks.toml', 'notes = "/n/:year/:slug/"\n');
    const found = await addresses('.');
    // Ugly, a permalink's page is a file too, as Hugo writes it.
    expect(found['content/notes/n1.md']).toBe('https://blog.example/n/2024/a-note.html');
    expect(found['content/posts/first.md']).toBe('https://blog.example/posts/first.html');
    expect(found['content/about.md']).toBeUndefined();
    put(
      'config/_default/hugo.toml',
      'disablePathToLower = true\ndefaultContentLanguageInSubdir = true\n[uglyURLs]\nposts = true\n',
    );
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(loaded.index.articles.find((a) => a.slug === 'first')?.url).toBe(
      'https://blog.example/posts/first/',
    );
    expect(loaded.site.notes).toEqual([
      expect.stringMatching(/hugo\.toml:3: uglyURLs is not followed: .*set ARTICLE_URL/),
      expect.stringMatching(/hugo\.toml:1: disablePathToLower is not followed/),
      expect.stringMatching(
        /hugo\.toml:2: defaultContentLanguageInSubdir is not followed: .*set ARTICLE_URL/,
      ),
    ]);
  });

  it('GIVEN hugo.toml edited while the bot runs THEN the addresses follow the new permalinks', async () => {
    put('hugo.toml', '[permalinks]\nposts = "/:year/:slug/"\n');
    library = await watchedContent();
    const lib = library;
    const firstUrl = (): string | undefined => lib.current.articles.find((a) => a.slug === 'first')?.url;
    expect(firstUrl()).toBe('https://blog.example/2024/my-first-post/');
    put('hugo.toml', '[permalinks]\nposts = "/p/:slug/"\n');
    await eventually(() => expect(firstUrl()).toBe('https://blog.example/p/my-first-post/'));
  });
});

describe("Hugo's translations named by file (post.en.md beside post.md)", () => {
  const frenchSite = (extra = ''): void =>
    put(
      'hugo.toml',
      `defaultContentLanguage = "fr"\n${extra}[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n`,
    );
  beforeEach(() => {
    put('content/posts/un.md', yaml('title: Un\ndate: 2024-01-01'));
    put('content/posts/un.en.md', yaml('title: One\ndate: 2024-01-01'));
    put('content/posts/seul.md', yaml('title: Seul\ndate: 2024-01-02'));
    // `io` is no language of the site: a post named so, in the default language.
    put('content/posts/socket.io.md', yaml('title: Socket\ndate: 2024-01-03'));
  });
  const titled = (articles: readonly { title: string; url?: string | undefined }[]) =>
    Object.fromEntries(articles.map((article) => [article.title, article.url]));

  it("GIVEN CONTENT_LANGUAGE unset THEN the site's defaultContentLanguage is read, at the top of the site", async () => {
    frenchSite();
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(titled(loaded.index.articles)).toEqual({
      Un: 'https://blog.example/posts/un/',
      Seul: 'https://blog.example/posts/seul/',
      Socket: 'https://blog.example/posts/socket.io/',
    });
    expect(loaded.problems).toEqual([]);
  });

  it('GIVEN CONTENT_LANGUAGE another of its languages THEN its translations are under its folder (/en/), and a post not translated is linked at its own page', async () => {
    frenchSite();
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'en');
    expect(titled(loaded.index.articles)).toEqual({
      One: 'https://blog.example/en/posts/un/',
      Seul: 'https://blog.example/posts/seul/',
      Socket: 'https://blog.example/posts/socket.io/',
    });
  });

  it('GIVEN defaultContentLanguageInSubdir = true THEN the default language is under its folder too, and no note says it is not followed; a site of one language is as before', async () => {
    frenchSite('defaultContentLanguageInSubdir = true\n');
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(titled(loaded.index.articles)).toEqual({
      Un: 'https://blog.example/fr/posts/un/',
      Seul: 'https://blog.example/fr/posts/seul/',
      Socket: 'https://blog.example/fr/posts/socket.io/',
    });
    expect(loaded.site.notes).toEqual([]);
    put('hugo.toml', 'defaultContentLanguageInSubdir = true\n');
    const single = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(titled(single.index.articles)).toMatchObject({ One: 'https://blog.example/posts/un/' });
    expect(single.site.notes).toEqual([
      expect.stringMatching(/defaultContentLanguageInSubdir is not followed/),
    ]);
  });

  it('GIVEN languages on hosts of their own (Hugo multihost: [languages.en] baseURL) THEN the language read is at the top of its host, under no folder, and that host is the address SITE_URL defaults to', async () => {
    put(
      'hugo.toml',
      'baseURL = "https://exemple.fr/"\ndefaultContentLanguage = "fr"\ndefaultContentLanguageInSubdir = true\n' +
        '[languages.fr]\nbaseURL = "https://exemple.fr/"\n[languages.en]\nbaseURL = "https://english.blog/"\n',
    );
    const english = await loadContent(join(site, 'content'), 'https://english.blog', undefined, 'en');
    // A post not translated is linked at its own page, on its language's host.
    expect(titled(english.index.articles)).toEqual({
      One: 'https://english.blog/posts/un/',
      Seul: 'https://exemple.fr/posts/seul/',
      Socket: 'https://exemple.fr/posts/socket.io/',
    });
    expect(english.site.notes).toEqual([]);
    const french = await loadContent(join(site, 'content'), 'https://exemple.fr');
    expect(titled(french.index.articles)).toMatchObject({
      Un: 'https://exemple.fr/posts/un/',
      Seul: 'https://exemple.fr/posts/seul/',
    });
    expect(await configuredSiteAddress(site, 'en')).toEqual({
      url: 'https://english.blog',
      setting: 'hugo.toml languages.en.baseURL',
    });
    expect((await configuredSiteAddress(join(site, 'content')))?.url).toBe('https://exemple.fr');
    // A language folder per language, each on its host: the same.
    put(
      'hugo.toml',
      '[languages.en]\ncontentDir = "content/en"\nbaseURL = "https://english.blog/"\n[languages.fr]\ncontentDir = "content/fr"\nbaseURL = "https://exemple.fr/"\n',
    );
    put('content/fr/posts/deux.md', yaml('title: Deux\ndate: 2024-02-01'));
    const folder = await loadContent(join(site, 'content'), 'https://exemple.fr', undefined, 'fr');
    expect(titled(folder.index.articles)).toEqual({ Deux: 'https://exemple.fr/posts/deux/' });
    expect((await configuredSiteAddress(site, 'fr'))?.url).toBe('https://exemple.fr');
  });

  it("GIVEN a language of three parts (zh-hant-tw) in a bundle's index THEN it is one of the translations, read under its folder", async () => {
    put(
      'config/_default/languages.toml',
      '[en]\nweight = 1\n[zh-hant-tw]\nweight = 2\n[zh-hant-tw.params]\nsubtitle = "x"\n',
    );
    put('config/_default/hugo.toml', '[permalinks]\nposts = "/p/:slug/"\n');
    put('content/posts/bundle/index.md', yaml('title: Bundle\ndate: 2024-01-04'));
    put('content/posts/bundle/index.zh-hant-tw.md', yaml('title: 套件\nslug: bundle\ndate: 2024-01-04'));
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'zh-hant-tw');
    expect(titled(loaded.index.articles)).toMatchObject({
      套件: 'https://blog.example/zh-hant-tw/p/bundle/',
    });
    expect(titled(loaded.index.articles)['Bundle']).toBeUndefined();
  });

  it('GIVEN one file per language in config/_default (languages.de.toml, as Blowfish sets them up) THEN those are the languages: a German post is under /de/, with its own baseURL where it has one', async () => {
    put(
      'config/_default/hugo.toml',
      'defaultContentLanguage = "en"\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
    );
    put('config/_default/languages.en.toml', 'languageCode = "en"\nweight = 1\n[params]\nisoCode = "en"\n');
    put('config/_default/languages.de.toml', 'languageCode = "de"\nweight = 2\n');
    put('content/posts/wechsel.de.md', yaml('title: Wechsel\ndate: 2024-07-01'));
    put('content/posts/change.md', yaml('title: Change\ndate: 2024-07-02'));
    const german = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'de');
    expect(titled(german.index.articles)).toMatchObject({
      Wechsel: 'https://blog.example/de/2024/07/wechsel/',
    });
    // Read in English, a post only in German is the German one, at its address (not `wechsel.de`).
    const english = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(titled(english.index.articles)).toMatchObject({
      Change: 'https://blog.example/2024/07/change/',
      Wechsel: 'https://blog.example/de/2024/07/wechsel/',
    });
    put('config/_default/languages.de.yaml', 'baseURL: https://beispiel.de/\n');
    expect((await configuredSiteAddress(site, 'de'))?.url).toBe('https://beispiel.de');
  });

  it("GIVEN a post only in another of the site's languages, or named in the default one THEN its language is no part of its slug or address, as Hugo names it", async () => {
    frenchSite();
    put('content/posts/only.en.md', yaml('title: Only\ndate: 2024-01-05'));
    put('content/posts/named.fr.md', yaml('title: Named\ndate: 2024-01-06'));
    const french = await loadContent(join(site, 'content'), 'https://blog.example');
    expect(titled(french.index.articles)).toMatchObject({
      Only: 'https://blog.example/en/posts/only/',
      Named: 'https://blog.example/posts/named/',
    });
    expect(french.index.articles.find((a) => a.title === 'Only')?.slug).toBe('only');
    const english = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'en');
    expect(titled(english.index.articles)).toMatchObject({
      Only: 'https://blog.example/en/posts/only/',
      Named: 'https://blog.example/posts/named/',
    });
  });

  it('GIVEN a language key written pt_BR THEN its posts are under /pt_br/, as Hugo names the folder; CONTENT_LANGUAGE=pt-br reads it', async () => {
    put('hugo.toml', '[languages.en]\nweight = 1\n[languages.pt_BR]\nweight = 2\n');
    put('content/posts/tres.pt_br.md', yaml('title: Tres\ndate: 2024-01-07'));
    const loaded = await loadContent(join(site, 'content'), 'https://blog.example', undefined, 'pt-br');
    expect(titled(loaded.index.articles)).toMatchObject({ Tres: 'https://blog.example/pt_br/posts/tres/' });
  });

  it("GIVEN the site's configuration broken while the bot runs THEN it keeps reading the language it read", async () => {
    frenchSite();
    library = await watchedContent();
    const lib = library;
    put('hugo.toml', 'defaultContentLanguage = "fr"\n[languages.fr\n');
    put('content/posts/nouveau.md', yaml('title: Nouveau\ndate: 2024-01-08'));
    await eventually(() => expect(titled(lib.current.articles)).toHaveProperty('Nouveau'));
    expect(titled(lib.current.articles)).toHaveProperty('Un');
    expect(titled(lib.current.articles)).not.toHaveProperty('One');
  });

  it("GIVEN the site's defaultContentLanguage edited while the bot runs THEN the translations read follow it", async () => {
    frenchSite();
    library = await watchedContent();
    const lib = library;
    expect(titled(lib.current.articles)).toMatchObject({ Un: 'https://blog.example/posts/un/' });
    put(
      'hugo.toml',
      'defaultContentLanguage = "en"\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n',
    );
    // English the default now: `un.md`, without a language in its name, is English's, and `un.en.md` too.
    await eventually(() =>
      expect(Object.keys(titled(lib.current.articles)).sort()).toEqual(['One', 'Seul', 'Socket']),
    );
  });
});

describe("Jekyll's permalink", () => {
  beforeEach(() => {
    put('_posts/2024-01-05-jekyll-one.md', yaml('title: Jekyll One\ncategories: [Work]'));
  });

  it('GIVEN _config.yml with a permalink pattern or style THEN its posts are there, filled as Jekyll fills it, whether CONTENT_DIR is the site or its _posts', async () => {
    put('_config.yml', 'title: x\npermalink: /blog/:year/:title/\n');
    expect(await addresses('.', '/elsewhere/:slug')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/blog/2024/jekyll-one/',
    });
    expect(await addresses('_posts')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/blog/2024/jekyll-one/',
    });
    put('_config.yml', 'permalink: pretty\n');
    expect(await addresses('.')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/work/2024/01/05/jekyll-one/',
    });
  });

  it('GIVEN a style the bot cannot fill (ordinal) THEN ARTICLE_URL serves, and the note names the style as written', async () => {
    put('_config.yml', 'title: x\npermalink: ordinal\n');
    const loaded = await loadContent(site, 'https://blog.example', '/:year/:title/');
    expect(loaded.index.articles[0]?.url).toBe('https://blog.example/2024/jekyll-one/');
    expect(loaded.site.notes).toEqual([
      expect.stringMatching(/_config\.yml:2: permalink: ordinal: the bot does not fill :y_day/),
    ]);
  });

  it("GIVEN a permalink in _config.yml's defaults for posts (the Chirpy theme's) THEN its posts are there, the most specific scope first, before the site's permalink; a post's own permalink wins", async () => {
    put(
      '_config.yml',
      [
        'url: https://ignored.example',
        'permalink: /site/:title/',
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { layout: post, permalink: /posts/:title/ }',
        '  - scope: { path: "", type: pages }',
        '    values: { permalink: /pages/:title/ }',
        '  - scope: { path: "_posts/work*" }',
        '    values: { permalink: "/work/:year/:title/" }',
        '  - scope: { path: "_posts/work/deep" }',
        '    values: { comments: true }',
        // A path is a start of the post's (Jekyll 4's test), and the old singular type is posts'.
        '  - scope: { path: "_posts/2024-03", type: post }',
        '    values: { permalink: /march/:title/ }',
        // A glob: `**` any folders, `*` within a name; shorter than the path above, it comes after it.
        '  - scope: { path: "**/deep/*.md" }',
        '    values: { permalink: /deep/:title/ }',
      ].join('\n'),
    );
    put('_posts/work/2024-02-01-at-work.md', yaml('title: At Work'));
    put('_posts/work/deep/2024-02-02-deeper.md', yaml('title: Deeper'));
    put('_posts/2024-03-01-own.md', yaml('title: Own\npermalink: /mine/'));
    put('_posts/2024-03-02-march.md', yaml('title: March'));
    put('_posts/other/deep/2024-04-01-glob.md', yaml('title: Glob'));
    const expected = {
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/posts/jekyll-one/',
      '_posts/work/2024-02-01-at-work.md': 'https://blog.example/work/2024/at-work/',
      // A scope more specific that sets no permalink keeps the one before it.
      '_posts/work/deep/2024-02-02-deeper.md': 'https://blog.example/work/2024/deeper/',
      '_posts/2024-03-02-march.md': 'https://blog.example/march/march/',
      '_posts/other/deep/2024-04-01-glob.md': 'https://blog.example/deep/glob/',
      '_posts/2024-03-01-own.md': 'https://blog.example/mine/',
    };
    expect(await addresses('.', '/elsewhere/:slug')).toEqual(expected);
    expect(await addresses('_posts')).toEqual(expected);
  });

  it("GIVEN _config.yml's defaults with published, categories or tags THEN the posts in their scope take them as Jekyll merges them: published: false leaves them out, categories join the post's own (in :categories), tags stand unless the post sets its own", async () => {
    put(
      '_config.yml',
      [
        'permalink: /:categories/:title/',
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { layout: post, tags: [site] }',
        '  - scope: { path: "_posts/dev" }',
        '    values: { categories: dev notes, Tags: [code] }',
        '  - scope: { path: "_posts/old" }',
        '    values: { published: false }',
      ].join('\n'),
    );
    put('_posts/dev/2024-02-01-plain.md', yaml('title: Plain'));
    put('_posts/dev/2024-02-02-own.md', yaml('title: Own\ncategories: [Go]\ntags: [mine]'));
    put('_posts/old/2019-01-01-gone.md', yaml('title: Gone'));
    // Keys left blank, as post templates leave them, keep what the defaults give (Jekyll's merge_values).
    put('_posts/old/2019-01-02-blank.md', yaml('title: Blank\npublished:'));
    put('_posts/dev/2024-02-03-blank.md', yaml('title: Empty\ncategories:\ntags:'));
    for (const dir of ['.', '_posts']) {
      const { index } = await loadContent(join(site, dir), 'https://blog.example');
      const read = Object.fromEntries(index.articles.map((a) => [a.slug, [a.url, a.tags]]));
      expect(read).toEqual({
        'jekyll-one': ['https://blog.example/work/jekyll-one/', ['site', 'Work']],
        plain: ['https://blog.example/dev/notes/plain/', ['code', 'dev', 'notes']],
        own: ['https://blog.example/dev/notes/go/own/', ['mine', 'dev', 'notes', 'Go']],
        blank: ['https://blog.example/dev/notes/blank/', ['code', 'dev', 'notes']],
      });
    }
  });

  it("GIVEN _config.yml's defaults with a singular tag THEN it is one tag, spaces and all, read in place of tags as Jekyll reads the merged data: over the defaults' and the post's own tags, unless the post sets its own tag", async () => {
    put(
      '_config.yml',
      [
        'defaults:',
        '  - scope: { path: "", type: posts }',
        '    values: { tags: [site] }',
        '  - scope: { path: "_posts/news" }',
        '    values: { Tag: release notes }',
      ].join('\n'),
    );
    put('_posts/news/2024-02-01-plain.md', yaml('title: Plain'));
    put('_posts/news/2024-02-02-tags.md', yaml('title: Tags\ntags: [mine]'));
    put('_posts/news/2024-02-03-own.md', yaml('title: Own\ntag: [a, b]'));
    put('_posts/news/2024-02-04-blank.md', yaml('title: Blank\ntag:'));
    put('_posts/2024-02-05-other.md', yaml('title: Other\ntag: career advice'));
    const { index } = await loadContent(site, 'https://blog.example');
    const read = Object.fromEntries(index.articles.map((a) => [a.slug, a.tags]));
    expect(read).toEqual({
      'jekyll-one': ['site', 'Work'],
      plain: ['release notes'],
      tags: ['release notes'],
      own: ['a', 'b'],
      blank: ['release notes'],
      other: ['career advice'],
    });
  });

  it("GIVEN collections_dir THEN its _posts are the site's, its name no category of theirs (Jekyll counts their paths from it), and defaults scoped to _posts/… apply to them", async () => {
    put(
      '_config.yml',
      [
        'collections_dir: my_collections',
        'permalink: /:categories/:title/',
        'defaults:',
        '  - scope: { path: "_posts/dev" }',
        '    values: { categories: [dev] }',
        // Written with collections_dir, as Jekyll takes it too (strip_collections_dir).
        '  - scope: { path: "my_collections/_posts/ops" }',
        '    values: { permalink: /ops/:title/ }',
      ].join('\n'),
    );
    put('my_collections/_posts/2024-02-01-moved.md', yaml('title: Moved\ncategories: [Go]'));
    put('my_collections/_posts/dev/2024-02-02-dev.md', yaml('title: Dev'));
    put('my_collections/_posts/ops/2024-02-03-ops.md', yaml('title: Ops'));
    const { index } = await loadContent(site, 'https://blog.example');
    const read = Object.fromEntries(index.articles.map((a) => [a.slug, [a.url, a.tags]]));
    expect(read).toMatchObject({
      moved: ['https://blog.example/go/moved/', ['Go']],
      dev: ['https://blog.example/dev/dev/', ['dev']],
      ops: ['https://blog.example/ops/ops/', []],
    });
  });

  it("GIVEN collections: posts: permalink THEN its posts are there rather than at the site's permalink", async () => {
    put(
      '_config.yml',
      'permalink: /site/:title/\ncollections:\n  posts:\n    output: true\n    permalink: /articles/:year/:title/\n',
    );
    expect(await addresses('.')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/articles/2024/jekyll-one/',
    });
    // A list of collections names them only.
    put('_config.yml', 'permalink: /site/:title/\ncollections: [posts, recipes]\n');
    expect(await addresses('.')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/site/jekyll-one/',
    });
  });

  it('GIVEN no permalink in _config.yml THEN ARTICLE_URL serves, as before', async () => {
    put('_config.yml', 'title: x\n');
    expect(await addresses('.', '/:year/:title/')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/2024/jekyll-one/',
    });
  });
});

describe("a generator's own default address, with ARTICLE_URL unset", () => {
  it('GIVEN a Hugo site without permalinks THEN its posts are at their path in its content (a slug its last part), from CONTENT_DIR at the site or at a section; ARTICLE_URL set wins', async () => {
    put('hugo.toml', 'title = "A blog"\n');
    put('content/posts/first.md', toml('title = "My First Post"'));
    put('content/posts/2024/Deep Post.md', toml('title = "Deep"'));
    put('content/posts/bundle/index.md', toml('title = "Bundled"\nslug = "Custom Slug"'));
    put('content/about.md', toml('title = "About"'));
    const expected = {
      'content/posts/first.md': 'https://blog.example/posts/first/',
      'content/posts/2024/Deep Post.md': 'https://blog.example/posts/2024/deep-post/',
      'content/posts/bundle/index.md': 'https://blog.example/posts/custom-slug/',
    };
    // content/about.md is the site's page, in no section: no article (see hugo-main-sections.test.ts).
    expect(await addresses('.')).toEqual(expected);
    expect(await addresses('content')).toEqual(expected);
    expect(await addresses('content/posts')).toEqual(expected);
    expect((await addresses('content', '/b/:slug'))['content/posts/first.md']).toBe(
      'https://blog.example/b/first',
    );
    // A blog of top-level posts: each at its name.
    rmSync(join(site, 'content/posts'), { recursive: true });
    expect(await addresses('content')).toEqual({ 'content/about.md': 'https://blog.example/about/' });
  });

  it("GIVEN Hugo's [frontmatter] date with :filename THEN a dated file name dates the post and, without a slug, the name after the date is its slug, as Hugo makes them", async () => {
    put('content/post/2024-01-05-first-steps.md', toml('title = "First Steps"'));
    put('content/post/2024-01-06-own-slug.md', toml('title = "Own"\nslug = "mine"'));
    put('content/post/2024-01-07-dated.md', toml('title = "Dated"\ndate = 2023-12-31'));
    put('content/post/undated-name.md', toml('title = "Undated"\ndate = 2024-02-01'));
    const loaded = async () =>
      Object.fromEntries(
        (await loadContent(join(site, 'content'), 'https://blog.example')).index.articles.map((article) => [
          article.file.slice(article.file.lastIndexOf('/') + 1),
          [article.url, article.date],
        ]),
      );
    put('hugo.toml', 'title = "Blog"\n[frontmatter]\ndate = [":filename", ":default"]\n');
    expect(await loaded()).toEqual({
      '2024-01-05-first-steps.md': ['https://blog.example/post/first-steps/', '2024-01-05'],
      '2024-01-06-own-slug.md': ['https://blog.example/post/mine/', '2024-01-06'],
      '2024-01-07-dated.md': ['https://blog.example/post/dated/', '2024-01-07'],
      'undated-name.md': ['https://blog.example/post/undated-name/', '2024-02-01'],
    });
    // The front matter's date first: the name's handler runs, and names the slug, only where the post has none.
    put('hugo.toml', 'title = "Blog"\n[frontmatter]\ndate = [":default", ":filename"]\n');
    expect(await loaded()).toMatchObject({
      '2024-01-05-first-steps.md': ['https://blog.example/post/first-steps/', '2024-01-05'],
      '2024-01-07-dated.md': ['https://blog.example/post/2024-01-07-dated/', '2023-12-31'],
    });
    // Without it, Hugo's default: the file's name is its address.
    put('hugo.toml', 'title = "Blog"\n');
    expect((await loaded())['2024-01-05-first-steps.md']).toEqual([
      'https://blog.example/post/2024-01-05-first-steps/',
      '2024-01-05',
    ]);
  });

  it("GIVEN a Jekyll site whose _config.yml sets no permalink THEN its posts are at Jekyll's date style; without a _config.yml, and in any other folder, at /blog/:slug", async () => {
    put('_posts/2024-01-05-jekyll-one.md', yaml('title: Jekyll One\ncategories: [Work]'));
    put('_config.yml', 'title: x\n');
    const dated = {
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/work/2024/01/05/jekyll-one.html',
    };
    expect(await addresses('.')).toEqual(dated);
    expect(await addresses('_posts')).toEqual(dated);
    rmSync(join(site, '_config.yml'));
    expect(await addresses('_posts')).toEqual({
      '_posts/2024-01-05-jekyll-one.md': 'https://blog.example/blog/jekyll-one',
    });
  });
});

describe('reading the settings', () => {
  it('reads both forms of Hugo permalinks, leaves out what is no page pattern, and finds a post by its first folder in any case', () => {
    const legacy = hugoPermalinks({ posts: '/:year/:slug/', tags: '/t/:slug/', empty: ' ', n: 3 });
    expect([...legacy.keys()]).toEqual(['posts', 'tags']);
    const paged = hugoPermalinks({ page: { Posts: '/a/:slug/' }, section: { posts: '/a/' } });
    expect([...paged]).toEqual([['posts', { pattern: '/a/:slug/' }]]);
    expect(sitePermalinkOf({ hugo: paged }, 'Posts/x.md')).toEqual({ pattern: '/a/:slug/' });
    expect(sitePermalinkOf({ hugo: paged }, 'x.md')).toBeUndefined();
    expect(hugoPermalinks('no table').size).toBe(0);
  });

  it("takes Jekyll's styles by name and says why a pattern naming no post is not followed", () => {
    expect(jekyllPermalink('none')).toEqual({ pattern: '/:categories/:title:output_ext' });
    expect(jekyllPermalink('/:year/:month/')).toMatchObject({
      unfilled: expect.stringMatching(/names no post/) as unknown,
    });
    expect(jekyllPermalink(42)).toBeUndefined();
  });
});
