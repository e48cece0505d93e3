import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../emulator/bot-process.js';
import { runEntry } from '../emulator/run-bot.js';
import { CONTENT_DIR, PROJECT_ROOT } from './helpers/paths.js';
import { FAKE_TOKEN as TOKEN } from './helpers/tokens.js';

/** Where the site lists its posts and tags, set: else content:check notes the bot's defaults. */
const SITE_PAGES = { BLOG_URL: '/posts/', TAG_URL: '/tags/:tagslug/' };

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('starting the bot (the entry point npm start runs)', () => {
  it('GIVEN no configuration THEN exits 1 with one message listing the problem, and no stack trace', async () => {
    const result = await runEntry('index', {}, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/configuration has problems[\s\S]*DISCORD_TOKEN: required/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN bad values THEN lists every one, and never prints the token', async () => {
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, SITE_URL: 'nope', LOG_LEVEL: 'loud' },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SITE_URL[\s\S]*LOG_LEVEL/);
    expect(result.stderr + result.stdout).not.toContain('secret-part');
  });

  it('GIVEN a .env line that is not KEY=value THEN the message names its line, and the next line is still read', async () => {
    const project = join(dir, 'bad-env');
    mkdirSync(project);
    writeFileSync(
      join(project, '.env'),
      `garbage line without equals\nDISCORD_TOKEN=${TOKEN}\nLOG_LEVEL=loud\n`,
    );
    const result = await runEntry('index', {}, project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /configuration has problems\.\n {2}- \.env:1: not a KEY=value line \(a comment starts with #\)\n {2}- LOG_LEVEL: expected one of/,
    );
    expect(result.stderr).not.toMatch(/DISCORD_TOKEN/);
    expect(result.stderr + result.stdout).not.toContain('secret-part');
  });

  it('GIVEN a .env line that is not KEY=value THEN deploy-commands and start:sharded say so too, before any request', async () => {
    const project = join(dir, 'bad-env-others');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `garbage line without equals\nDISCORD_TOKEN=${TOKEN}\n`);
    for (const entry of ['deploy-commands', 'sharded'] as const) {
      const result = await runEntry(entry, { DISCORD_API_URL: 'http://127.0.0.1:9' }, project);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\.env:1: not a KEY=value line/);
      expect(result.stderr + result.stdout).not.toContain('secret-part');
    }
  });

  it('GIVEN HTTP_PORT taken by another program THEN exits 1 saying so, and no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await runEntry(
        'index',
        { DISCORD_TOKEN: TOKEN, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', CONTENT_DIR },
        dir,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Cannot serve HTTP_PORT: .*EADDRINUSE/m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it('GIVEN a Discord that never answers THEN the log says so; on SIGTERM /readyz is 503 and /livez 200 until the process exits', async () => {
    // Takes each connection and never answers: the login waits.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
    const bot = new BotProcess(
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: api,
        CONTENT_DIR,
        CONTENT_CACHE: 'off',
        STORE_URL: `sqlite://${join(dir, 'silent.sqlite')}`,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
      },
      dir,
    );
    try {
      const { port } = await bot.waitForLog(/serving \/livez/);
      const base = `http://127.0.0.1:${String(port)}`;
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`);
        return `${response.status} ${await response.text()}`;
      };
      const waiting = await bot.waitForLog(/still connecting to Discord/, 25_000);
      expect(waiting).toMatchObject({
        level: 40,
        msg: `still connecting to Discord at ${api}: no shard ready 15 s after start`,
      });
      expect(await get('/readyz')).toBe('503 not ready: not connected to Discord yet\n');

      bot.signal('SIGTERM');
      // Everything the bot holds is closed; the login's request is still under way.
      await bot.waitForLog(/^closed; exiting once the requests under way end$/);
      expect(await get('/readyz')).toBe('503 not ready: shutting down\n');
      expect(await get('/livez')).toBe('200 ok\n');

      // Discord goes away: the request fails, and nothing keeps the process (the health server neither).
      silent.close();
      for (const socket of sockets) socket.destroy();
      expect(await bot.exited).toBe(0);
      expect(bot.logs.map(({ msg }) => msg)).not.toContain('could not stop everything within 10 s; exiting');
      expect(JSON.stringify(bot.logs) + bot.stderr).not.toContain('secret-part');
    } finally {
      await bot.kill();
      silent.close();
      for (const socket of sockets) socket.destroy();
    }
  }, 60_000);

  it('GIVEN a content folder with no valid article THEN exits 1 listing each file, line and problem', async () => {
    const content = join(dir, 'content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content);
    writeFileSync(join(content, 'broken.md'), '---\ntitle: [oops\n---\n## Tips\n- x\n');
    writeFileSync(
      join(content, 'untitled.md'),
      '---\ntitle: [a, b]\ntags: [a]\nurl: /x\nsummary: S\n---\nNo title.\n',
    );
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, CONTENT_DIR: content, STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No valid article in .*content \(2 Markdown files found\)/);
    expect(result.stderr).toMatch(/broken\.md:\d+: invalid YAML/);
    expect(result.stderr).toMatch(/untitled\.md:2: title: expected a title \(text\)/);
  });

  it('GIVEN a Jekyll site (a Hexo one looks alike) whose _posts hold only files not named with a date THEN the bot says why none is an article, not that there is no file', async () => {
    const site = join(dir, 'hexo-like');
    mkdirSync(join(site, 'source', '_posts'), { recursive: true });
    writeFileSync(join(site, '_config.yml'), 'title: Blog\nnew_post_name: :title.md\n');
    writeFileSync(
      join(site, 'source', '_posts', 'hello.md'),
      '---\ntitle: Hello\n---\n\n## Tips\n\n- Ask.\n',
    );
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, CONTENT_DIR: site, STORE_URL: `sqlite://${join(dir, 'hexo.sqlite')}` },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No valid article in ${site}: `);
    expect(result.stderr).toContain('hello.md: not named as Jekyll names a post (YYYY-MM-DD-title.md)');
    expect(result.stderr).not.toContain('No Markdown file');
  });

  it("GIVEN CONTENT_DIR at an Eleventy project's folder whose configuration names its input folder THEN the bot reads that folder only, not the project's README", async () => {
    const project = join(dir, 'eleventy-index');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}\n');
    writeFileSync(join(project, 'eleventy.config.js'), 'export const config = { dir: { input: "src" } };\n');
    writeFileSync(join(project, 'README.md'), '# My blog\n\n## Tips\n\n- Run `npm start`.\n');
    writeFileSync(join(project, 'src', 'broken.md'), '---\ntitle: [oops\n---\n## Tips\n- x\n');
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, CONTENT_DIR: project, STORE_URL: `sqlite://${join(dir, 'eleventy.sqlite')}` },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("CONTENT_DIR is an Eleventy project's folder");
    expect(result.stderr).toContain(`No valid article in ${join(project, 'src')} (1 Markdown file found)`);
  });

  it("GIVEN the README's first step (.env copied from .env.example) THEN content:check reads ./content and passes", async () => {
    const project = join(dir, 'fresh');
    mkdirSync(project);
    copyFileSync(join(PROJECT_ROOT, '.env.example'), join(project, '.env'));
    cpSync(CONTENT_DIR, join(project, 'content'), { recursive: true });
    const result = await runEntry('content-check', {}, project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ article\(s\) in \d+ file\(s\): all valid/);
    expect(result.code).toBe(0);
  });

  it('GIVEN a folder after npm run content:check -- THEN that folder is checked, over CONTENT_DIR; an option or two folders are refused with the usage', async () => {
    const folder = join(dir, 'named');
    mkdirSync(folder);
    writeFileSync(join(folder, 'broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const named = await runEntry('content-check', { CONTENT_DIR: CONTENT_DIR }, dir, 30_000, [folder]);
    expect(named.stderr).toMatch(/broken\.md:\d+: invalid YAML/);
    expect(named.code).toBe(1);
    // Relative to where it was typed: npm runs the script in the project's folder, and says where in INIT_CWD.
    const relative = await runEntry('content-check', { INIT_CWD: dir }, PROJECT_ROOT, 30_000, ['named']);
    expect(relative.stderr).toMatch(/broken\.md:\d+: invalid YAML/);
    const refused = await runEntry('content-check', {}, dir, 30_000, [folder, CONTENT_DIR]);
    expect(refused.stderr).toMatch(
      /takes one folder at most[\s\S]*Usage: npm run content:check \[-- <content folder>\]/,
    );
    expect(refused.code).toBe(2);
    const help = await runEntry('content-check', {}, dir, 30_000, ['--help']);
    expect(help.stdout).toMatch(/^Usage: npm run content:check/);
    expect(help.code).toBe(0);
  });

  it.each([
    // As the README's table of "Use your blog's content" gives them.
    ['Hugo', 'hugo/content', '/:sections/:slugorfilename/', 4],
    ['Jekyll', 'jekyll/_posts', '/:categories/:year/:month/:day/:title:output_ext', 3],
    ['Eleventy', 'eleventy', '/:filepath/', 3],
  ])(
    "GIVEN a %s blog's folder with the README's settings THEN content:check passes without a file edited",
    async (_, folder, articleUrl, articles) => {
      const result = await runEntry(
        'content-check',
        {
          CONTENT_DIR: join(PROJECT_ROOT, 'test/fixtures/blogs', folder),
          SITE_URL: 'https://blog.example',
          ARTICLE_URL: articleUrl,
        },
        dir,
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^${articles} article\\(s\\) in \\d+ file\\(s\\): all valid`));
      expect(result.code).toBe(0);
    },
  );

  it.each([
    [
      "a Jekyll _posts folder with a file without front matter, Jekyll's static file",
      'jekyll/_posts',
      '/:categories/:year/:month/:day/:title:output_ext',
      '1 file(s) in _posts without front matter, not articles: Jekyll copies them as they are (front matter makes one a post):',
      /^ {2}\S*test\/fixtures\/blogs\/jekyll\/_posts\/2016-05-01-reading-list\.md$/,
    ],
    [
      'a Hugo content folder with a post past its expiryDate, which Hugo no longer publishes',
      'hugo/content',
      '/:sections/:slugorfilename/',
      '1 article(s) left out, their expiry date passed (Hugo no longer publishes them):',
      /^ {2}\S*test\/fixtures\/blogs\/hugo\/content\/posts\/summer-offsite\.md: expired Tuesday 1 September 2020, 00:00 \(UTC\)$/,
    ],
  ])(
    'GIVEN %s THEN content:check passes, and names it after the summary',
    async (_, folder, articleUrl, note, file) => {
      const result = await runEntry(
        'content-check',
        {
          CONTENT_DIR: join(PROJECT_ROOT, 'test/fixtures/blogs', folder),
          SITE_URL: 'https://blog.example',
          ARTICLE_URL: articleUrl,
          ...SITE_PAGES,
        },
        dir,
      );
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(result.stdout.trim().split('\n').slice(1)).toEqual([
        note,
        expect.stringMatching(file) as string,
      ]);
      // Outside the working directory, named by its absolute path (not `../../work/…`).
      expect(result.stdout).toContain(`\n  ${join(PROJECT_ROOT, 'test/fixtures/blogs', folder)}/`);
    },
  );

  it('GIVEN a Hugo site with a post dated in the future THEN content:check passes, and lists it after the summary with its time in the site zone', async () => {
    const site = join(dir, 'hugo-future');
    mkdirSync(join(site, 'content/posts'), { recursive: true });
    writeFileSync(join(site, 'hugo.toml'), 'title = "A blog"\ntimeZone = "Europe/Berlin"\n');
    const post = (title: string, date: string): string =>
      `---\ntitle: ${title}\ndate: ${date}\n---\n## Tips\n\n- x\n`;
    writeFileSync(join(site, 'content/posts/out.md'), post('Out', '2024-01-01'));
    writeFileSync(join(site, 'content/posts/soon.md'), post('Soon', '2999-01-05T10:00:00+02:00'));
    const result = await runEntry(
      'content-check',
      {
        CONTENT_DIR: join(site, 'content'),
        SITE_URL: 'https://blog.example',
        ARTICLE_URL: '/:sections/:slugorfilename/',
        ...SITE_PAGES,
      },
      dir,
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^1 article\(s\) in 2 file\(s\): all valid/) as string,
      '1 article(s) left out, not published yet (the blog publishes them at their date):',
      expect.stringMatching(
        /^ {2}hugo-future\/content\/posts\/soon\.md: not published until Saturday 5 January 2999, 09:00 \(Europe\/Berlin\)$/,
      ) as string,
    ]);
  });

  it("GIVEN a Hugo site with pages at the top of its sectioned content (about, a theme's search page) THEN content:check passes, and lists them after the summary as no articles", async () => {
    const site = join(dir, 'hugo-pages');
    mkdirSync(join(site, 'content/posts'), { recursive: true });
    writeFileSync(join(site, 'hugo.toml'), 'title = "A blog"\n');
    writeFileSync(join(site, 'content/posts/one.md'), '---\ntitle: One\n---\n## Tips\n\n- x\n');
    writeFileSync(join(site, 'content/about.md'), '---\ntitle: About\n---\nWho I am.\n');
    writeFileSync(join(site, 'content/search.md'), '---\ntitle: Search\nlayout: search\n---\n');
    const result = await runEntry(
      'content-check',
      { CONTENT_DIR: join(site, 'content'), SITE_URL: 'https://blog.example', ...SITE_PAGES },
      dir,
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^1 article\(s\) in 1 file\(s\): all valid/) as string,
      "2 page(s) at the top of the Hugo site's content, not articles: like its about or search page, they are in no section, where its posts are (its mainSections, or params.mainSections, chooses the sections read):",
      expect.stringMatching(/^ {2}\S*hugo-pages\/content\/about\.md$/) as string,
      expect.stringMatching(/^ {2}\S*hugo-pages\/content\/search\.md$/) as string,
    ]);
  });

  it("GIVEN a Hugo site's own folder, or an Eleventy site's THEN content:check says how it read it, and reads a _posts file without front matter in the Eleventy site as a page, as Eleventy publishes it", async () => {
    const hugo = await runEntry(
      'content-check',
      {
        CONTENT_DIR: join(PROJECT_ROOT, 'test/fixtures/blogs/hugo'),
        ARTICLE_URL: '/:sections/:slugorfilename/',
      },
      dir,
    );
    expect([hugo.code, hugo.stderr]).toEqual([0, '']);
    expect(hugo.stdout.split('\n')[1]).toBe(
      "Read as a Hugo site's folder: only its content/ folder holds posts.",
    );

    const project = join(dir, 'eleventy-project');
    cpSync(join(PROJECT_ROOT, 'test/fixtures/blogs/eleventy-from-jekyll'), project, { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}\n');
    writeFileSync(join(project, 'eleventy.config.js'), 'export default function () {}\n');
    const eleventy = await runEntry('content-check', { CONTENT_DIR: join(project, 'src') }, dir);
    expect([eleventy.code, eleventy.stderr]).toEqual([0, '']);
    expect(eleventy.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^3 article\(s\) in 3 file\(s\): all valid/),
      expect.stringMatching(/^Read as an Eleventy site \(its configuration is in or above the folder\)/),
    ]);

    // At the project's own folder, whose configuration names its input folder: only that folder is read
    // (not the project's README), and a post's path starts there, as Eleventy's does.
    writeFileSync(
      join(project, 'eleventy.config.js'),
      'export default function () {}\nexport const config = { dir: { input: "src", output: "_site" } };\n',
    );
    writeFileSync(join(project, 'README.md'), '# My blog\n\n## Tips\n\n- Run `npm start`.\n');
    const atProject = await runEntry('content-check', { CONTENT_DIR: project }, dir);
    expect([atProject.code, atProject.stderr]).toEqual([0, '']);
    expect(atProject.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^3 article\(s\) in 3 file\(s\): all valid/),
      `Read as an Eleventy project's folder: only its input folder, ${join(project, 'src')} (eleventy.config.js dir.input), holds posts.`,
      expect.stringMatching(/^Read as an Eleventy site \(its configuration is in or above the folder\)/),
    ]);
  });

  it('GIVEN a content folder with hostile files beside a good article THEN content:check names each one, runs nothing and exits 1', async () => {
    const content = join(dir, 'hostile');
    cpSync(CONTENT_DIR, content, { recursive: true });
    const marker = join(dir, 'pwned');
    writeFileSync(
      join(content, 'runs-code.md'),
      `---js\n{ title: (require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T') }\n---\n## Tips\n- x\n`,
    );
    writeFileSync(
      join(content, 'deep-list.md'),
      `---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\n---\n## Tips\n\n${'- '.repeat(1000)}x\n`,
    );
    writeFileSync(
      join(content, 'deep-emphasis.md'),
      `---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\n---\n## Tips\n\n${'- '.repeat(32)}*${'**'.repeat(5000)}x${'**'.repeat(5000)}*\n`,
    );
    mkdirSync(join(content, 'sub'));
    symlinkSync('..', join(content, 'sub', 'loop'));
    symlinkSync('/', join(content, 'root'));
    const result = await runEntry(
      'content-check',
      { CONTENT_DIR: content, SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(existsSync(marker)).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/RangeError|\n\s+at /);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(result.stderr).not.toMatch(/software-engineer-to-engineering-leader/);
    expect(result.stderr).toMatch(
      /runs-code\.md:2: front matter: title: its value is JavaScript, which the bot never runs/,
    );
    expect(result.stderr).toMatch(/deep-list\.md:9: nesting deeper than 32 levels/);
    expect(result.stderr).toMatch(/deep-emphasis\.md:9: nesting deeper than 32 levels/);
    expect(result.stderr).toMatch(/hostile\/sub\/loop: skipped: a link to a folder already read/);
    expect(result.stderr).toMatch(/hostile\/root: skipped: a link out of the content folder/);
    // After the problems, the count the run without any gives, with how many files have them; the
    // links skipped are no files read, counted apart.
    expect(result.stdout.trim()).toMatch(
      /^\d+ article\(s\) in \d+ file\(s\): 3 file\(s\) with problems, 2 link\(s\) skipped, listed above\.$/,
    );
  });

  /** content:check of a folder `name` holding one file. */
  const checkOne = (name: string, file: string, text: string) => {
    const content = join(dir, name);
    mkdirSync(content);
    writeFileSync(join(content, file), text);
    return runEntry('content-check', { CONTENT_DIR: content, SITE_URL: 'https://blog.example' }, dir);
  };

  it('GIVEN files named with a newline, a terminal escape or a bidirectional override THEN content:check names each on one line, every character shown', async () => {
    const content = join(dir, 'odd-names');
    mkdirSync(content);
    const broken = '---\ntitle: a\n---\n\n## Tips\n\n- **a:**\n';
    for (const name of ['bad\nline.md', 'esc\u001b[2Jclear.md', 'rtl\u202egnp.md'])
      writeFileSync(join(content, name), broken);
    const result = await runEntry(
      'content-check',
      { CONTENT_DIR: content, SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /odd-names\/bad\\nline\.md:7: tips: the item "a" has a name but no text/,
      ) as string,
      expect.stringMatching(/odd-names\/esc\\u001b\[2Jclear\.md:7: tips: /) as string,
      expect.stringMatching(/odd-names\/rtl\\u202egnp\.md:7: tips: /) as string,
      expect.stringMatching(/odd-names: no valid article$/) as string,
    ]);
    expect(result.stderr.includes('\u001b') || result.stderr.includes('\u202e')).toBe(false);
  });

  it('GIVEN a Tips section of prose without tips THEN content:check passes and notes where, and how tips are written', async () => {
    const result = await checkOne(
      'prose-tips',
      'soon.md',
      '---\ntitle: Soon\ndate: 2024-01-01\nsummary: Soon.\n---\n## Tips\n\nComing soon: I am still writing them.\n',
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^1 article\(s\) in 1 file\(s\): all valid/) as string,
      expect.stringMatching(
        /^\S*prose-tips\/soon\.md:6: tips: the section "Tips" has text but no tip, so \/tip and scheduled posts never use it: write each tip as a list item/,
      ) as string,
    ]);
  });

  it('GIVEN a post with a category too long to show THEN content:check passes, reads the post without it, and notes it at its line', async () => {
    const result = await checkOne(
      'long-category',
      'post.md',
      '---\ntitle: Post\ndate: 2024-01-01\ncategories: ["Engineering Management and Organizational Leadership Practices", teams]\n---\nProse.\n',
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^1 article\(s\) in 1 file\(s\): all valid/) as string,
      expect.stringMatching(
        /^\S*long-category\/post\.md:4: categories: the 1st category may have at most 50 characters: shorten it \(left out: the post is read without it\)$/,
      ) as string,
    ]);
  });

  it('GIVEN an empty content folder THEN content:check says there is no valid article, counts 0 of 0 and exits 1', async () => {
    const content = join(dir, 'empty');
    mkdirSync(content);
    const result = await runEntry('content-check', { CONTENT_DIR: content }, dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /empty: no valid article: no Markdown file \(\.md, \.markdown, \.mdx; in a Jekyll site's _posts, \.html too\) found there\. Write articles there, or set CONTENT_DIR/,
    );
    expect(result.stdout.trim()).toBe('0 article(s) in 0 file(s).');
    // A Hugo site of no valid post: no guess at the pages that list its posts.
    const hugo = join(dir, 'hugo-none');
    mkdirSync(join(hugo, 'content', 'posts'), { recursive: true });
    writeFileSync(join(hugo, 'hugo.toml'), 'title = "Blog"\n');
    writeFileSync(join(hugo, 'content', 'posts', 'broken.md'), '---\ntitle: [oops\n---\n');
    const none = await runEntry(
      'content-check',
      { CONTENT_DIR: hugo, SITE_URL: 'https://blog.example' },
      dir,
    );
    expect(none.code).toBe(1);
    expect(none.stdout).not.toContain('The buttons of');
  });
});
