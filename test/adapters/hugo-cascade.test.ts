import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { loadContent } from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { fileKey } from '../../src/adapters/article-bytes.js';
import { readAndParse } from '../../src/adapters/parse-worker.js';
import { articleSource, validFront } from '../helpers/articles.js';

let site: string;
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};
const page = (title: string, extra: Record<string, unknown> = {}): string =>
  articleSource(validFront({ title, ...extra }), '## Tips\n\n- **Ask:** questions.');
const content = (): string => join(site, 'content');
const slugs = async (): Promise<string[]> =>
  (await loadContent(content(), 'https://blog.example')).index.articles.map((a) => a.slug).sort();

/** A Hugo site: snippets under `_common` cascaded as never rendered (as gohugo.io's), posts elsewhere. */
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'hugo-cascade-'));
  put('hugo.toml', 'title = "A blog"\n');
  put('content/_common/_index.md', '---\ncascade:\n  build:\n    list: never\n    render: never\n---\n');
  put('content/_common/snippet.md', page('Snippet'));
  put('content/_common/deeper/nested.md', page('Nested'));
  put('content/_common/bundle/index.md', page('Bundle'));
  put('content/posts/_index.md', '---\ntitle: Posts\n---\n');
  put('content/posts/post.md', page('Post'));
});
afterEach(async () => {
  await library?.close();
  library = undefined;
  rmSync(site, { recursive: true, force: true });
});

describe("Hugo's cascade", () => {
  it('GIVEN an _index.md cascading build: render: never THEN the pages below it (bundles and deeper folders too) are not articles, silently; the others are', async () => {
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    expect(loaded.problems).toEqual([]);
  });

  it('GIVEN a page setting build itself, or a nearer _index.md cascading another build THEN theirs wins', async () => {
    put('content/_common/own.md', page('Own', { build: { render: 'always' } }));
    put('content/_common/deeper/_index.md', '+++\n[cascade.build]\nrender = "always"\n+++\n');
    expect(await slugs()).toEqual(['nested', 'own', 'post']);
  });

  it('GIVEN a cascade in TOML or JSON front matter, or at the top of the content folder THEN it reaches every page below', async () => {
    put('content/_index.md', '{\n  "cascade": { "draft": true }\n}\n');
    expect(await slugs()).toEqual([]);
    put('content/_index.md', '+++\ntitle = "Home"\n[cascade]\nheadless = true\n+++\n');
    expect(await slugs()).toEqual([]);
  });

  it('GIVEN a list of cascades THEN those without a target apply, and those with one to the pages whose path matches; a kind or environment target is skipped', async () => {
    put(
      'content/posts/_index.md',
      [
        '---',
        'cascade:',
        '  - build: { render: never }',
        '    _target: { path: "/posts/old/**" }',
        '  - draft: true',
        '    target: { path: "/posts/drafty", kind: page }',
        '  - tags: [cascaded]',
        '---',
        '',
      ].join('\n'),
    );
    put('content/posts/old/gone.md', page('Gone'));
    put('content/posts/drafty.md', page('Drafty'));
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual(['drafty', 'post']);
    // Its own tags win over the cascaded ones.
    expect(loaded.index.bySlug('post')?.tags).toEqual(['testing']);
    put(
      'content/posts/untagged.md',
      articleSource({ title: 'Untagged', summary: 'No tags.' }, '## Tips\n\n- **A:** b.'),
    );
    const again = await loadContent(content(), 'https://blog.example');
    expect(again.index.bySlug('untagged')?.tags).toEqual(['cascaded']);
  });

  it('GIVEN a broken _index.md, or a cascade that is no set of fields THEN a problem named by its file and line, and the pages below are read without it', async () => {
    put('content/_common/_index.md', '---\ntitle: [unclosed\n---\n');
    put('content/posts/_index.md', '---\ntitle: Posts\ncascade: never\n---\n');
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual(['bundle', 'nested', 'post', 'snippet']);
    const common = join(content(), '_common/_index.md');
    const posts = join(content(), 'posts/_index.md');
    expect(loaded.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [common, 2, undefined],
      [posts, 3, 'cascade'],
    ]);
  });

  it('GIVEN an _index.md cascading data thousands of levels deep (TOML, JSON) THEN a problem named by its file, and the pages below are read without it', async () => {
    put('content/_common/_index.md', `+++\ntitle = "C"\ncascade.${'a.'.repeat(5_000)}b = 1\n+++\n`);
    put(
      'content/posts/_index.md',
      `{\n"title": "P",\n"cascade": { "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }\n}\n`,
    );
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual(['bundle', 'nested', 'post', 'snippet']);
    const common = join(content(), '_common/_index.md');
    const posts = join(content(), 'posts/_index.md');
    expect(loaded.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [common, 3, 'front matter nested more than 64 levels deep: flatten it'],
      [posts, 3, 'nested more than 64 levels deep: flatten it'],
    ]);
  });

  it('GIVEN an _index.md cascading a YAML alias bomb THEN a problem at its cascade line, found without writing it out, and the pages read without it', async () => {
    const lines = ['---', 'title: P', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    put('content/posts/_index.md', [...lines, 'cascade:', '  x: *a9', '---', ''].join('\n'));
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    expect(loaded.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        13,
        'cascade',
        'holds more than 100,000 values once its YAML aliases (*name) are written out: shorten it',
      ],
    ]);
  });

  it("GIVEN the site's configuration cascading data too deep THEN a problem at its cascade key, and the pages read without it", async () => {
    rmSync(join(site, 'hugo.toml'));
    put(
      'hugo.json',
      `{\n  "title": "A blog",\n  "cascade": { "draft": true, "x": ${'['.repeat(70)}${']'.repeat(70)} }\n}\n`,
    );
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    expect(loaded.problems.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      [join(site, 'hugo.json'), 3, 'cascade', 'nested more than 64 levels deep: flatten it'],
    ]);
  });

  it("GIVEN a site's configuration nested thousands of levels deep THEN a problem at it, and the pages read with its defaults", async () => {
    put('hugo.toml', `title = "A blog"\ncascade.${'a.'.repeat(5_000)}b = 1\n`);
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    expect(loaded.problems.map((p) => [p.line, p.message])).toEqual([
      [
        2,
        "the site's configuration cannot be read (nested more than 64 levels deep): mend it; until then none of its settings are read (its time zone, future posts, …)",
      ],
    ]);
  });

  it("GIVEN a cascade in the site's configuration THEN it reaches the pages its target matches, below any _index.md's; one that is no set of fields cascades nothing", async () => {
    put(
      'hugo.toml',
      'title = "A blog"\n[[cascade]]\ndraft = true\n[cascade.target]\npath = "{/posts,/posts/**}"\n',
    );
    put('content/_common/_index.md', '---\ncascade:\n  draft: false\n---\n');
    expect(await slugs()).toEqual(['bundle', 'nested', 'snippet']);
    put('content/posts/_index.md', '---\ncascade: { draft: false }\n---\n');
    expect(await slugs()).toEqual(['bundle', 'nested', 'post', 'snippet']);
    put('hugo.toml', 'title = "A blog"\ncascade = "never"\n');
    const loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.index.articles).toHaveLength(4);
    expect(loaded.problems).toEqual([]);
  });

  it("GIVEN a TOML date cascaded by an _index.md's +++ [cascade] or hugo.toml's [cascade] THEN the pages below read it as written, as their own", async () => {
    put('content/posts/_index.md', '+++\ntitle = "Posts"\n[cascade]\nexpiryDate = 2099-01-01\n+++\n');
    let loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    put('content/posts/_index.md', '+++\n[cascade]\nexpiryDate = 2001-01-01T10:00:00Z\n+++\n');
    expect(await slugs()).toEqual([]);
    put('content/posts/_index.md', '---\ntitle: Posts\n---\n');
    put('hugo.toml', 'title = "A blog"\n[cascade]\nexpiryDate = 2099-01-01\n');
    loaded = await loadContent(content(), 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.map((a) => a.slug)).toEqual(['post']);
    put('hugo.toml', 'title = "A blog"\n[cascade]\nexpiryDate = 2001-01-01\n');
    expect(await slugs()).toEqual([]);
  });

  it('GIVEN an _index.md cascading a bad date THEN one problem at its cascade line, not one per page below; the pages are read without that field', async () => {
    put('content/posts/_index.md', '---\ntitle: Posts\ncascade:\n  date: soon\n  tags: [cascaded]\n---\n');
    put('content/posts/other.md', page('Other'));
    const loaded = await loadContent(content(), 'https://blog.example');
    const posts = join(content(), 'posts/_index.md');
    expect(loaded.problems.map((p) => [p.file, p.line, p.field])).toEqual([[posts, 3, 'cascade']]);
    expect(loaded.problems[0]?.message).toMatch(/^date: .*\(not passed down\)$/);
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual(['other', 'post']);
  });

  it('GIVEN an _index.md with 20,000 cascades over 50 pages THEN its first 100 are read and the rest is one problem at its cascade line', async () => {
    const entries = Array.from(
      { length: 20_000 },
      (_, i) => `{"target":{"path":"/posts/p${i}"},"draft":true}`,
    );
    put('content/posts/_index.md', `{"cascade":[${entries.join(',')}]}\n`);
    for (let i = 0; i < 50; i++) put(`content/posts/p${i * 3}.md`, page(`P${i * 3}`));
    const loaded = await loadContent(content(), 'https://blog.example');
    const posts = join(content(), 'posts/_index.md');
    expect(loaded.problems.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      [posts, 1, 'cascade', 'at most 100 cascades are read: the 19900 after them are left out'],
    ]);
    // p0 … p99 are drafts (the cascades read); p102 … p147, beyond them, are published.
    expect(loaded.index.articles).toHaveLength(1 + 50 - 34);
  });

  it("GIVEN CONTENT_DIR inside Hugo's content (content/posts) THEN targets match the pages' Hugo paths (/posts/…), and the _index.md files above it cascade too", async () => {
    const posts = async (): Promise<string[]> =>
      (await loadContent(join(site, 'content/posts'), 'https://blog.example')).index.articles.map(
        (a) => a.slug,
      );
    expect(await posts()).toEqual(['post']);
    put('hugo.toml', 'title = "A blog"\n[[cascade]]\ndraft = true\n[cascade.target]\npath = "/posts/**"\n');
    expect(await posts()).toEqual([]);
    put('hugo.toml', 'title = "A blog"\n');
    put('content/_index.md', '---\ncascade:\n  draft: true\n---\n');
    expect(await posts()).toEqual([]);
    // The nearer _index.md, in CONTENT_DIR, wins over the one above it.
    put('content/posts/_index.md', '---\ncascade: { draft: false }\n---\n');
    expect(await posts()).toEqual(['post']);
    put('content/_index.md', '---\ncascade:\n  date: soon\n---\n');
    const loaded = await loadContent(join(site, 'content/posts'), 'https://blog.example');
    const top = join(content(), '_index.md');
    expect(loaded.problems.map((p) => [p.file, p.line, p.field])).toEqual([[top, 2, 'cascade']]);
  });

  it('GIVEN no Hugo site THEN an _index.md cascades nothing', async () => {
    unlinkSync(join(site, 'hugo.toml'));
    expect(await slugs()).toEqual(['bundle', 'nested', 'post', 'snippet']);
  });

  it('GIVEN the same bytes under another cascade THEN another key in the content store', () => {
    const bytes = new TextEncoder().encode('---\ntitle: A\n---\n');
    expect(fileKey('a.md', bytes, { hugo: true })).not.toBe(
      fileKey('a.md', bytes, { hugo: true, cascade: { draft: true } }),
    );
  });

  it("GIVEN a parse worker's files with their cascade THEN it keys and parses each with it, as this thread does", () => {
    const path = join(content(), '_common', 'snippet.md');
    const [plain, cascaded] = readAndParse(
      [undefined, { build: { render: 'never' } }].map((cascade) => ({
        path,
        file: 'snippet.md',
        hugo: true,
        ...(cascade === undefined ? {} : { cascade }),
      })),
    );
    expect(plain).toMatchObject({ kind: 'parsed', form: { ok: true } });
    expect(cascaded).toMatchObject({ kind: 'parsed', form: { ok: false, unpublished: true } });
    expect(plain?.kind === 'parsed' && cascaded?.kind === 'parsed' && plain.key !== cascaded.key).toBe(true);
  });

  it('GIVEN the library running THEN editing, removing and adding an _index.md flips the pages below it, and a page edited keeps its cascade', async () => {
    const logger = createLogger({ level: 'silent' });
    library = await ContentLibrary.open({
      dir: content(),
      siteUrl: 'https://blog.example',
      logger,
      store: ContentStore.memory(logger),
    });
    const index = join(content(), '_common', '_index.md');
    const current = (): string[] => (library?.current.articles ?? []).map((a) => a.slug).sort();
    expect(current()).toEqual(['post']);
    put('content/_common/_index.md', '---\ntitle: Common\n---\n');
    await library.refresh({ paths: [index] });
    expect(current()).toEqual(['bundle', 'nested', 'post', 'snippet']);
    unlinkSync(index);
    await library.refresh({ paths: [index] });
    expect(current()).toEqual(['bundle', 'nested', 'post', 'snippet']);
    put('content/_common/_index.md', '---\ncascade: { headless: true }\n---\n');
    await library.refresh({ paths: [index] });
    expect(current()).toEqual(['post']);
    // A page below it written again is read with the cascade still.
    put('content/_common/snippet.md', page('Snippet, revised'));
    put('content/_common/added.md', page('Added'));
    await library.refresh({
      paths: [join(content(), '_common', 'snippet.md'), join(content(), '_common', 'added.md')],
    });
    expect(current()).toEqual(['post']);
  });
});
