import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { findArticles, loadContent } from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { hugoSectionOf, isMainSection, mainSectionsOf } from '../../src/core/hugo-sections.js';
import { articleSource } from '../helpers/articles.js';
import { eventually } from '../helpers/eventually.js';

let site: string;
const put = (path: string, text: string): void => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
};
const post = (title: string): string => articleSource({ title, tags: ['lead'] }, '## Tips\n\n- Ask.');
/** PaperMod's search and archives pages, as its docs write them: a layout, no text. */
const themePage = (title: string, layout: string): string =>
  `---\ntitle: "${title}"\nlayout: "${layout}"\n---\n`;
const titlesIn = async (inside: string): Promise<string[]> =>
  (await loadContent(join(site, inside), 'https://blog.example')).index.articles.map((a) => a.title).sort();

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'hugo-main-'));
  put('hugo.toml', 'baseURL = "https://blog.example/"\ntitle = "A blog"\ntheme = "PaperMod"\n');
  put('content/about.md', post('About me'));
  put('content/search.md', themePage('Search', 'search'));
  put('content/archives.md', themePage('Archive', 'archives'));
  put('content/contact/index.md', post('Contact'));
  put('content/posts/_index.md', '---\ntitle: Posts\n---\n');
  put('content/posts/first-one-on-ones.md', post('First one-on-ones'));
  put('content/posts/staff-path/index.md', post('The staff path'));
  put('content/notes/delegation.md', post('On delegation'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe("a Hugo site's posts are the pages of its sections", () => {
  it('GIVEN pages at the top of a sectioned content folder (about, search, a top-level bundle) THEN they are the site’s pages, not articles, and said so', async () => {
    const found = await findArticles(join(site, 'content'));
    expect(found.files.map((file) => file.file).sort()).toEqual(
      ['notes/delegation.md', 'posts/first-one-on-ones.md', 'posts/staff-path/index.md'].map((file) =>
        join(site, 'content', file),
      ),
    );
    expect(found.sitePages).toEqual(
      ['about.md', 'archives.md', 'contact/index.md', 'search.md'].map((file) => join(site, 'content', file)),
    );
    expect(await titlesIn('content')).toEqual(['First one-on-ones', 'On delegation', 'The staff path']);
    // At the site's folder alike: its `content` is Hugo's content.
    expect(await titlesIn('.')).toEqual(['First one-on-ones', 'On delegation', 'The staff path']);
  });

  it("GIVEN a site page's translations (about/index.fr.md) THEN only the one in the language read is named as left out", async () => {
    put('content/about/index.md', post('About'));
    put('content/about/index.fr.md', post('À propos'));
    put('hugo.toml', 'title = "A blog"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n');
    const english = await findArticles(join(site, 'content'));
    expect(english.sitePages).toContain(join(site, 'content/about/index.md'));
    expect(english.sitePages).not.toContain(join(site, 'content/about/index.fr.md'));
    const french = await findArticles(join(site, 'content'), { language: 'fr' });
    expect(french.sitePages).toContain(join(site, 'content/about/index.fr.md'));
    expect(french.sitePages).not.toContain(join(site, 'content/about/index.md'));
  });

  it('GIVEN CONTENT_DIR inside the content (a section) THEN every page there is read, its top ones too', async () => {
    put('content/posts/welcome.md', post('Welcome'));
    expect(await titlesIn('content/posts')).toEqual(['First one-on-ones', 'The staff path', 'Welcome']);
  });

  it('GIVEN a blog of top-level posts only (no section holds a page) THEN they are its articles', async () => {
    for (const folder of ['posts', 'notes']) rmSync(join(site, 'content', folder), { recursive: true });
    expect(await titlesIn('content')).toEqual(['About me', 'Archive', 'Contact', 'Search']);
  });

  it("GIVEN mainSections or params.mainSections (hugo.toml, any case; or config/_default/params.*) THEN only those sections' pages are articles", async () => {
    put(
      'hugo.toml',
      'baseURL = "https://blog.example/"\ntitle = "A blog"\n[Params]\n  MainSections = ["Posts"]\n',
    );
    expect(await titlesIn('content')).toEqual(['First one-on-ones', 'The staff path']);
    unlinkSync(join(site, 'hugo.toml'));
    mkdirSync(join(site, 'config', '_default'), { recursive: true });
    put('config/_default/hugo.yaml', 'title: A blog\n');
    put('config/_default/params.yaml', 'mainSections:\n  - notes\n');
    expect(await titlesIn('content')).toEqual(['On delegation']);
    // Not a list of names: as if unset.
    put('config/_default/params.yaml', 'mainSections: 3\n');
    expect(await titlesIn('content')).toEqual(['First one-on-ones', 'On delegation', 'The staff path']);
    // Hugo 0.112's own key, at the top of the configuration, over the older one in params.
    put('config/_default/hugo.yaml', 'title: A blog\nmainSections: [posts]\n');
    put('config/_default/params.yaml', 'mainSections:\n  - notes\n');
    expect(await titlesIn('content')).toEqual(['First one-on-ones', 'The staff path']);
  });

  it("GIVEN a content folder per language (languages.en.contentDir) THEN CONTENT_LANGUAGE's is Hugo's content: its first folder is no section, its top pages are no posts", async () => {
    rmSync(join(site, 'content'), { recursive: true });
    put(
      'hugo.toml',
      'title = "A blog"\n[params]\n  mainSections = ["posts"]\n[languages.en]\n  contentDir = "content/en"\n[languages.fr]\n  contentDir = "content/fr"\n',
    );
    put('content/en/posts/one.md', post('One'));
    put('content/en/about.md', post('About'));
    put('content/fr/posts/un.md', post('Un'));
    expect(await titlesIn('content')).toEqual(['One']);
  });

  it('GIVEN the default language\'s content folder holding another\'s ([languages.en] contentDir = "content", [languages.fr] contentDir = "content/fr") THEN the French folder is no section of English: its pages are not read, its top pages still left out', async () => {
    put(
      'hugo.toml',
      'title = "A blog"\n[languages.en]\n  contentDir = "content"\n[languages.fr]\n  contentDir = "content/fr"\n',
    );
    put('content/fr/posts/un.md', post('Un'));
    put('content/fr/a-propos.md', post('À propos'));
    const found = await findArticles(join(site, 'content'));
    expect(found.folders.some((folder) => folder.startsWith(join(site, 'content', 'fr')))).toBe(false);
    expect(found.sitePages).toEqual(
      ['about.md', 'archives.md', 'contact/index.md', 'search.md'].map((file) => join(site, 'content', file)),
    );
    const english = ['First one-on-ones', 'On delegation', 'The staff path'];
    expect(await titlesIn('content')).toEqual(english);
    expect(await titlesIn('.')).toEqual(english);
    // At French's own folder, its own top pages are left out as any Hugo content's are.
    expect(await titlesIn('content/fr')).toEqual(['Un']);
  });

  it('GIVEN no Hugo configuration THEN every page is read, as in any content folder', async () => {
    unlinkSync(join(site, 'hugo.toml'));
    expect(await titlesIn('content')).toHaveLength(7);
  });
});

describe("a watched Hugo site's sections", () => {
  let library: ContentLibrary | undefined;
  afterEach(async () => {
    await library?.close();
    library = undefined;
  });

  it('GIVEN a blog of top-level posts gets its first post in a section THEN the top pages leave; with it gone, they are read again', async () => {
    for (const folder of ['posts', 'notes']) rmSync(join(site, 'content', folder), { recursive: true });
    mkdirSync(join(site, 'content', 'posts'));
    const logger = createLogger({ level: 'silent' });
    library = await ContentLibrary.open(
      {
        dir: join(site, 'content'),
        siteUrl: 'https://blog.example',
        logger,
        store: ContentStore.memory(logger),
      },
      { watch: true },
    );
    const titles = (): string[] => (library?.current.articles ?? []).map((a) => a.title).sort();
    expect(titles()).toEqual(['About me', 'Archive', 'Contact', 'Search']);
    put('content/posts/first.md', post('First post'));
    await eventually(() => expect(titles()).toEqual(['First post']));
    // A new page at the top of a sectioned site: no post.
    put('content/privacy.md', post('Privacy'));
    put('content/posts/second.md', post('Second post'));
    await eventually(() => expect(titles()).toEqual(['First post', 'Second post']));
    unlinkSync(join(site, 'content/posts/first.md'));
    unlinkSync(join(site, 'content/posts/second.md'));
    await eventually(() => expect(titles()).toEqual(['About me', 'Archive', 'Contact', 'Privacy', 'Search']));
  });
});

describe('hugo-sections (pure)', () => {
  it('GIVEN a page path THEN its section is its first folder, but for a page at the top or a top-level bundle', () => {
    const bundles = new Set(['about']);
    const isBundle = (top: string): boolean => bundles.has(top);
    expect(hugoSectionOf(['posts', 'x.md'], isBundle)).toBe('posts');
    expect(hugoSectionOf(['posts', '2024', 'x.md'], isBundle)).toBe('posts');
    expect(hugoSectionOf(['x.md'], isBundle)).toBe('');
    expect(hugoSectionOf(['about', 'index.md'], isBundle)).toBe('');
  });

  it('GIVEN main sections named or not THEN which sections hold posts', () => {
    expect(isMainSection('', { named: undefined, sectioned: true })).toBe(false);
    expect(isMainSection('', { named: undefined, sectioned: false })).toBe(true);
    expect(isMainSection('notes', { named: undefined, sectioned: true })).toBe(true);
    expect(isMainSection('Posts', { named: ['posts'], sectioned: true })).toBe(true);
    expect(isMainSection('notes', { named: ['posts'], sectioned: true })).toBe(false);
    expect(mainSectionsOf(['Posts', ' notes '])).toEqual(['posts', 'notes']);
    expect(mainSectionsOf('blog')).toEqual(['blog']);
    expect(mainSectionsOf([])).toBeUndefined();
    expect(mainSectionsOf(['posts', 3])).toBeUndefined();
    expect(mainSectionsOf({ posts: true })).toBeUndefined();
  });
});
