import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEntry } from '../emulator/run-bot.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-check-notes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path from the folder: text) under a new folder in `dir`, and returns it. */
function folder(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const post = (front: string) => `---\ntitle: A post\n${front}---\n\n## Tips\n\n- **Ask:** early.\n`;

describe('content:check on an Eleventy site with ARTICLE_URL unset', () => {
  const site = () =>
    folder('eleventy', {
      'package.json': '{}\n',
      'eleventy.config.js': 'export default function () {}\n',
      'posts/first-post.md': post(''),
      // A template the bot does not fill is left to ARTICLE_URL, as the README says: it counts as none.
      'posts/templated.md': post('permalink: "/{{ page.date | date }}/"\n'),
      // One it fills is the post's own.
      'posts/slugified.md': post('permalink: "/{{ title | slugify }}/"\n'),
      'posts/own-address.md': post('permalink: /own/\n'),
    });

  it('GIVEN posts without their own url or permalink THEN notes their /blog/<slug> address and ARTICLE_URL to set, exit code 0', async () => {
    const result = await runEntry(
      'content-check',
      { CONTENT_DIR: join(site(), 'posts'), SITE_URL: 'https://blog.example' },
      dir,
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^4 article\(s\) in 4 file\(s\): all valid/);
    expect(lines[1]).toMatch(/^Read as an Eleventy site/);
    expect(lines[2]).toBe(
      `2 article(s) without a url or permalink the bot can fill (none, or a template with other values than {{ page.fileSlug }} and {{ title }}, or filters than slugify) are at the bot's default address, SITE_URL/blog/<slug> (https://blog.example/blog/first-post), ARTICLE_URL being unset; Eleventy seldom puts a post there. Set ARTICLE_URL to where the site puts them: /:filepath/ (Eleventy's default, the file's path), /posts/:filepath/ with CONTENT_DIR at the site's posts folder, or /:year/:month/:day/:slug/ as blogs often set it (see the README, "Use your blog's content").`,
    );
  });

  it('GIVEN ARTICLE_URL set, even to the default, or no Eleventy site THEN no such note', async () => {
    const content = join(site(), 'posts');
    const set = await runEntry('content-check', { CONTENT_DIR: content, ARTICLE_URL: '/blog/:slug' }, dir);
    expect(set.code).toBe(0);
    expect(set.stdout).not.toContain('Eleventy seldom');

    const plain = folder('plain', { 'first-post.md': post('') });
    const notEleventy = await runEntry('content-check', { CONTENT_DIR: plain }, dir);
    expect(notEleventy.code).toBe(0);
    expect(notEleventy.stdout).not.toContain('Eleventy seldom');
  });
});

describe('content:check on a post whose sections field names a heading it does not have', () => {
  it('GIVEN a typo in a name of sections THEN a note with file, line and field, and exit code 0', async () => {
    const root = folder('sections-typo', {
      'mapped.md': `---\ntitle: A post\nsections: { tips: Advice for new leads }\n---\n\n## Advice for new lead\n\n- **Ask:** early.\n`,
    });
    const result = await runEntry('content-check', { CONTENT_DIR: root }, dir);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain(
      `sections-typo/mapped.md:3: sections: tips: no heading "Advice for new leads" in the post: write the name as its heading is written\n`,
    );
  });
});

describe("content:check on a generator's site linked with the bot's default blog pages", () => {
  it('GIVEN a Jekyll or Hugo site, SITE_URL set and BLOG_URL and TAG_URL unset THEN they link the pages the generator makes, and a note says so; set, none', async () => {
    const jekyll = folder('jekyll-links', {
      '_config.yml': 'title: Blog\n',
      '_posts/2024-01-02-first.md': post(''),
    });
    const hugo = folder('hugo-links', {
      'hugo.toml': 'title = "Blog"\n',
      'content/posts/first.md': post(''),
    });
    const noted = async (env: Record<string, string>): Promise<string | undefined> => {
      const result = await runEntry('content-check', { SITE_URL: 'https://blog.example', ...env }, dir);
      expect([result.code, result.stderr]).toEqual([0, '']);
      return result.stdout.split('\n').find((line) => line.startsWith('The buttons of /articles'));
    };
    expect(await noted({ CONTENT_DIR: jekyll })).toBe(
      `The buttons of /articles and /search link where a Jekyll site lists posts at / (its home page) and no tag pages, BLOG_URL and TAG_URL being unset; set them if the site's theme puts them elsewhere (see the README, "Use your blog's content").`,
    );
    expect(await noted({ CONTENT_DIR: join(hugo, 'content') })).toBe(
      `The buttons of /articles and /search link where a Hugo site lists posts at /posts/ (the section posts, where most of these posts are) and tags at /tags/:tagslug/, BLOG_URL and TAG_URL being unset; set them if the site's theme puts them elsewhere (see the README, "Use your blog's content").`,
    );
    // One set: the other is the generator's, and only it is said.
    expect(await noted({ CONTENT_DIR: join(hugo, 'content'), BLOG_URL: '/writing/' })).toBe(
      `The buttons of /articles and /search link where a Hugo site lists tags at /tags/:tagslug/, TAG_URL being unset; set it if the site's theme puts them elsewhere (see the README, "Use your blog's content").`,
    );
    // Posts in content/blog: the default BLOG_URL is right, and the note says so.
    const hugoBlog = folder('hugo-blog-links', {
      'hugo.toml': 'title = "Blog"\n',
      'content/blog/first.md': post(''),
      'content/blog/second.md': post(''),
      'content/notes/third.md': post(''),
    });
    expect(await noted({ CONTENT_DIR: join(hugoBlog, 'content') })).toMatch(
      /posts at \/blog\/ \(the section blog, where most of these posts are\)/,
    );
    // Posts at the site's root (or at /p/): the section their files are in, which Hugo lists at its name.
    const hugoRoot = folder('hugo-root-links', {
      'hugo.toml': 'title = "Blog"\n[permalinks]\npost = "/:slug/"\n',
      'content/post/first.md': post(''),
    });
    expect(await noted({ CONTENT_DIR: join(hugoRoot, 'content') })).toMatch(
      /posts at \/post\/ \(the section post, where most of these posts are\)/,
    );
    // No section at all: only the rule.
    const hugoTop = folder('hugo-top-links', {
      'hugo.toml': 'title = "Blog"\n',
      'content/first.md': post(''),
    });
    expect(await noted({ CONTENT_DIR: join(hugoTop, 'content') })).toMatch(
      /posts at \/ \(its home page: the posts are in no section\)/,
    );
    // Posts in a year's folder at a dated address: the year is no section, nor a page Hugo makes.
    const hugoYears = folder('hugo-year-links', {
      'hugo.toml': 'title = "Blog"\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
      'content/posts/2024/first.md': post('date: 2024-01-02\n'),
    });
    expect(await noted({ CONTENT_DIR: join(hugoYears, 'content') })).toMatch(
      /posts at \/posts\/ \(the section posts, where most of these posts are\)/,
    );
    // CONTENT_DIR at content/posts: its sections count from content, not from there (a bundle's
    // folder, the most common one below posts, is no section).
    const hugoInside = folder('hugo-inside-links', {
      'hugo.toml': 'title = "Blog"\n[permalinks]\nposts = "/:year/:month/:slug/"\n',
      'content/posts/first.md': post('date: 2024-01-02\nslug: first\n'),
      'content/posts/trip/index.md': post('date: 2024-01-03\nslug: trip\n'),
      'content/posts/trip/notes.md': post('date: 2024-01-04\nslug: notes\n'),
    });
    expect(await noted({ CONTENT_DIR: join(hugoInside, 'content', 'posts') })).toMatch(
      /posts at \/posts\/ \(the section posts, where most of these posts are\)/,
    );
    expect(await noted({ CONTENT_DIR: jekyll, BLOG_URL: '/', TAG_URL: 'none' })).toBeUndefined();
    // A plain folder of posts is no generator's: nothing to say.
    expect(await noted({ CONTENT_DIR: folder('plain-links', { 'first.md': post('') }) })).toBeUndefined();
  });
});

describe('content:check with SITE_URL unset on a site whose configuration gives its address', () => {
  it("GIVEN Hugo's baseURL THEN its posts are linked there, and the note says so; SITE_URL set wins, a placeholder gives none", async () => {
    const site = folder('hugo-base', {
      'hugo.toml': 'baseURL = "https://jane.dev/"\ntitle = "Blog"\n',
      'content/posts/first.md': post('date: 2024-01-05\n'),
    });
    const unset = await runEntry('content-check', { CONTENT_DIR: join(site, 'content') }, dir);
    expect(unset.code).toBe(0);
    expect(unset.stdout).toContain(
      'SITE_URL is unset: posts are linked on https://jane.dev, the address hugo.toml baseURL gives (set SITE_URL to link them elsewhere).',
    );
    expect(unset.stdout).not.toContain('not linked');

    const set = await runEntry(
      'content-check',
      { CONTENT_DIR: join(site, 'content'), SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(set.stdout).not.toContain('SITE_URL is unset');

    const placeholder = folder('hugo-placeholder', {
      'hugo.toml': "baseURL = 'https://example.org/'\n",
      'content/posts/first.md': post('date: 2024-01-05\n'),
    });
    const none = await runEntry('content-check', { CONTENT_DIR: join(placeholder, 'content') }, dir);
    expect(none.stdout).not.toContain('SITE_URL is unset: posts are linked');
    expect(none.stdout).toContain('not linked: SITE_URL is unset');
  });

  it("GIVEN Jekyll's url and baseurl THEN the address is both, named so", async () => {
    const site = folder('jekyll-base', {
      '_config.yml': 'url: "https://jane.dev"\nbaseurl: "/notes"\n',
      '_posts/2024-01-05-first.md': post(''),
    });
    const result = await runEntry('content-check', { CONTENT_DIR: site }, dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'SITE_URL is unset: posts are linked on https://jane.dev/notes, the address _config.yml url and baseurl gives',
    );
  });
});

describe('content:check on a Hugo site without mainSections', () => {
  it('GIVEN pages in several sections (posts, docs) THEN it notes every section read, with its pages, and mainSections to set; set, or one section, no such note', async () => {
    const files = {
      'hugo.toml': 'title = "Blog"\n',
      'content/posts/first.md': post('date: 2024-01-05\n'),
      'content/posts/second.md': post('date: 2024-01-06\n'),
      'content/docs/onboarding.md': post(''),
    };
    const several = await runEntry(
      'content-check',
      { CONTENT_DIR: join(folder('hugo-sections', files), 'content'), SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(several.code).toBe(0);
    expect(several.stdout.split('\n')).toContain(
      "Every section of the Hugo site is read, its mainSections being unset: docs (1 file(s)), posts (2 file(s)). If some are not posts (docs, projects), set mainSections (or params.mainSections) in the site's configuration to the sections of posts.",
    );

    const named = folder('hugo-sections-named', {
      ...files,
      'hugo.toml': 'title = "Blog"\nmainSections = ["posts"]\n',
    });
    const set = await runEntry(
      'content-check',
      { CONTENT_DIR: join(named, 'content'), SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(set.stdout).not.toContain('Every section');
    expect(set.stdout).toMatch(/^2 article\(s\)/);

    const oneSection = Object.fromEntries(Object.entries(files).filter(([path]) => !path.includes('docs')));
    const one = await runEntry(
      'content-check',
      {
        CONTENT_DIR: join(folder('hugo-one-section', oneSection), 'content'),
        SITE_URL: 'https://blog.example',
      },
      dir,
    );
    expect(one.stdout).not.toContain('Every section');
  });

  it("GIVEN Markdown files in a Jekyll site's _posts not named with a date THEN a note names them and says why they are no posts; none left, the message says so, not that there is no file", async () => {
    const site = folder('jekyll-undated', {
      '_config.yml': 'title: Blog\n',
      '_posts/2024-01-05-dated.md': post('date: 2024-01-05\n'),
      '_posts/hello-world.md': post(''),
      '_posts/team/rituals.md': post(''),
      'about.md': post(''),
    });
    const result = await runEntry(
      'content-check',
      { CONTENT_DIR: site, SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain(
      `jekyll-undated/_posts/hello-world.md and 1 more file in _posts: not named as Jekyll names a post (YYYY-MM-DD-title.md), so Jekyll publishes no post of them, nor does the bot: rename them, or, for another generator's posts folder (Hexo's source/_posts), set CONTENT_DIR to that folder`,
    );

    const none = folder('hexo', {
      '_config.yml': 'title: Blog\nnew_post_name: :title.md\n',
      'source/_posts/hello-world.md': post(''),
    });
    const empty = await runEntry(
      'content-check',
      { CONTENT_DIR: none, SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(empty.code).toBe(1);
    expect(empty.stdout).not.toContain('no Markdown file');
    expect(empty.stdout).toContain('hexo/source/_posts/hello-world.md: not named as Jekyll names a post');
    expect(empty.stdout).toContain('set CONTENT_DIR to that folder');
  });
});
