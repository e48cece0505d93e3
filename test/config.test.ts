import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_URL,
  DEFAULT_STORE_URL,
  formatConfigProblems,
  loadConfig,
  type ContentConfig,
  loadContentConfig,
} from '../src/config.js';
import { FAKE_TOKEN as TOKEN } from './helpers/tokens.js';

/** A content setting as the bot and content:check read it (checked to be the same), or their problems. */
function readAlike(variable: string, key: keyof ContentConfig) {
  return (value: string | undefined) => {
    const content = loadContentConfig({ [variable]: value });
    const bot = loadConfig({ DISCORD_TOKEN: TOKEN, [variable]: value });
    expect(bot.ok ? bot.config[key] : bot.problems).toEqual(
      content.ok ? content.config[key] : content.problems,
    );
    return content.ok ? content.config[key] : content.problems;
  };
}

/** Which of BLOG_URL and TAG_URL were left to their defaults (a generator's site gives its own). */
const BOTH_UNSET = { blog: true, tag: true };
const TAG_SET = { blog: true, tag: false };
const BLOG_SET = { blog: false, tag: true };

describe('loadConfig', () => {
  it('GIVEN only the token THEN uses the documented defaults', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(result).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        applicationId: undefined,
        guildId: undefined,
        apiUrl: DEFAULT_API_URL,
        siteUrl: undefined,
        blogLinks: { siteUrl: undefined, blog: '/blog', tag: '/blog?tag=:tag', unset: BOTH_UNSET },
        contentDir: './content',
        // Unset: the site generator's default, else /blog/:slug, once the content folder is read.
        articleUrl: undefined,
        storeUrl: DEFAULT_STORE_URL,
        contentCache: 'data/content-cache.sqlite',
        logLevel: 'info',
        scheduleGraceMs: 3_600_000,
        requestsPerSecond: 50,
      },
    });
  });

  it('GIVEN every variable THEN reads each, without trailing slashes on URLs', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '1100000000000000001',
      DISCORD_GUILD_ID: '1100000000000000002',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      SITE_URL: 'https://blog.example/',
      CONTENT_DIR: '/srv/articles',
      STORE_URL: 'sqlite:///var/lib/bot/bot.sqlite',
      LOG_LEVEL: 'debug',
    });
    expect(result.ok && result.config).toMatchObject({
      applicationId: '1100000000000000001',
      guildId: '1100000000000000002',
      apiUrl: 'http://127.0.0.1:4000/api',
      siteUrl: 'https://blog.example',
      contentDir: '/srv/articles',
      storeUrl: 'sqlite:///var/lib/bot/bot.sqlite',
      // Beside the database unless set.
      contentCache: '/var/lib/bot/content-cache.sqlite',
      logLevel: 'debug',
    });
  });

  it('GIVEN CONTENT_CACHE THEN the cache is that file, or none with off', () => {
    const at = (value: string) => {
      const result = loadConfig({ DISCORD_TOKEN: TOKEN, CONTENT_CACHE: value });
      return result.ok ? result.config.contentCache : 'refused';
    };
    expect(at('/tmp/cache.json')).toBe('/tmp/cache.json');
    expect(at('OFF')).toBeUndefined();
    expect(at('')).toBe('data/content-cache.sqlite');
  });

  it('GIVEN empty values (as left in a copied .env.example) THEN treats them as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, SITE_URL: '', DISCORD_GUILD_ID: ' ', LOG_LEVEL: '' });
    expect(result.ok && result.config.siteUrl).toBeUndefined();
    expect(result.ok && result.config.logLevel).toBe('info');
  });

  it('GIVEN a Redis STORE_URL THEN it is taken; one without a host is refused', () => {
    const at = (url: string) => loadConfig({ DISCORD_TOKEN: TOKEN, STORE_URL: url });
    expect(at('redis://127.0.0.1:6379/2')).toMatchObject({
      ok: true,
      config: { storeUrl: 'redis://127.0.0.1:6379/2' },
    });
    expect(at('rediss://user:pw@cache.example:6380')).toMatchObject({ ok: true });
    expect(at('redis://')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^STORE_URL: expected sqlite/)],
    });
  });

  it('GIVEN HTTP_PORT and shard settings THEN they are read; shard ids need their count and must be below it', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      HTTP_PORT: '9464',
      SHARD_COUNT: '4',
      SHARD_IDS: ' 3, 1,1',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        http: { port: 9464, host: '0.0.0.0' },
        shards: { count: 4, ids: [1, 3] },
        // Each process has its own content file.
        contentCache: 'data/content-cache-shards-1-3.sqlite',
      },
    });
    expect(loadConfig({ DISCORD_TOKEN: TOKEN })).toMatchObject({
      ok: true,
      config: { http: undefined, shards: undefined },
    });
    const problems = (env: Record<string, string>) => {
      const bad = loadConfig({ DISCORD_TOKEN: TOKEN, ...env });
      return bad.ok ? [] : bad.problems;
    };
    // A process of start:sharded runs what its manager gave it, even with SHARD_IDS in .env.
    expect(
      loadConfig({
        DISCORD_TOKEN: TOKEN,
        SHARDING_MANAGER: 'true',
        SHARDS: '1',
        SHARD_COUNT: '2',
        SHARD_IDS: '0,1',
      }),
    ).toMatchObject({
      ok: true,
      config: { shards: { count: 2, ids: [1] }, contentCache: 'data/content-cache-shards-1.sqlite' },
    });
    expect(problems({ SHARD_IDS: '0' })).toEqual([expect.stringMatching(/^SHARD_IDS: needs SHARD_COUNT/)]);
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '0,2' })).toEqual([
      expect.stringMatching(/^SHARD_IDS: expected ids from 0 to 1/),
    ]);
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: 'one' })).toEqual([
      expect.stringMatching(/^SHARD_IDS: expected shard ids/),
    ]);
    expect(problems({ HTTP_PORT: '70000' })).toEqual([
      expect.stringMatching(/^HTTP_PORT: expected a port number/),
    ]);
  });

  it('GIVEN several bad values THEN lists every problem at once, by variable', () => {
    const result = loadConfig({
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: 'not a url',
      SITE_URL: 'ftp://blog.example',
      STORE_URL: 'mongodb://localhost',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'SITE_URL',
      'STORE_URL',
      'LOG_LEVEL',
    ]);
    expect(problems[0]).toMatch(/required/);
    expect(formatConfigProblems(problems)).toMatch(/^The bot cannot start[\s\S]*\.env\.example/);
  });

  it('GIVEN only the content settings, empty as in a copied .env.example THEN needs no token and uses the defaults', () => {
    expect(loadContentConfig({ CONTENT_DIR: '', SITE_URL: '' })).toEqual({
      ok: true,
      config: {
        contentDir: './content',
        siteUrl: undefined,
        blogLinks: { siteUrl: undefined, blog: '/blog', tag: '/blog?tag=:tag', unset: BOTH_UNSET },
        articleUrl: undefined,
      },
    });
    expect(loadContentConfig({ CONTENT_DIR: ' posts ', SITE_URL: 'https://blog.example/' })).toEqual({
      ok: true,
      config: {
        contentDir: 'posts',
        siteUrl: 'https://blog.example',
        blogLinks: {
          siteUrl: 'https://blog.example',
          blog: '/blog',
          tag: '/blog?tag=:tag',
          unset: BOTH_UNSET,
        },
        articleUrl: undefined,
      },
    });
    const bad = loadContentConfig({ SITE_URL: 'blog.example' });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'SITE_URL: expected an http(s) address, like https://example.com',
    ]);
    expect(formatConfigProblems(bad.ok ? [] : bad.problems, 'content:check')).toMatch(
      /^content:check cannot start/,
    );
    // Every link adds a path to it: after a query or a fragment, each would open the home page.
    for (const value of [
      'https://blog.example?x=1',
      'https://blog.example/#top',
      'https://me:pw@blog.example',
      'https://blog.example/#',
      'https://blog.example?',
    ])
      expect(loadContentConfig({ SITE_URL: value })).toEqual({
        ok: false,
        problems: [
          "SITE_URL: expected the site's address without ?, # or a user name, like https://example.com or https://example.com/blog",
        ],
      });
    expect(loadContentConfig({ SITE_URL: 'https://blog.example/en/' })).toMatchObject({
      ok: true,
      config: { siteUrl: 'https://blog.example/en' },
    });
  });

  it('GIVEN an ARTICLE_URL with a token the bot does not fill THEN refuses it, naming the token; the known ones pass', () => {
    const articleUrl = (value: string) => {
      const result = loadContentConfig({ ARTICLE_URL: value });
      return result.ok ? result.config.articleUrl : result.problems;
    };
    expect(articleUrl('/:categories/:year/:month/:day/:title:output_ext')).toBe(
      '/:categories/:year/:month/:day/:title:output_ext',
    );
    expect(articleUrl('https://blog.example:8080/:sections/:filename/')).toBe(
      'https://blog.example:8080/:sections/:filename/',
    );
    expect(articleUrl('/:lang/:sections[1:]/:slug/')).toEqual([
      expect.stringMatching(/^ARTICLE_URL: unknown :lang, :sections\[1:\]; the tokens are :slug, :title, /),
    ]);
    // One that names no post would put posts at one address: each day's, or all at one.
    for (const value of ['/blog/', '/:year/:month/:day/', '/:categories/:output_ext'])
      expect(articleUrl(value)).toEqual([
        expect.stringMatching(/^ARTICLE_URL: names no post, .* like \/blog\/:slug$/),
      ]);
    expect(articleUrl('/:filepath/')).toBe('/:filepath/');
    expect(articleUrl('none')).toBe('/:categories/:title:output_ext');
    // A value that is no path is refused for that alone.
    expect(articleUrl('blog/:lang')).toEqual([
      expect.stringMatching(/^ARTICLE_URL: expected a path on SITE_URL/),
    ]);
  });

  it('GIVEN BLOG_URL and TAG_URL THEN the bot and content:check read them alike; none means no tag pages; unknown tokens, or none at all, are refused', () => {
    const links = readAlike('TAG_URL', 'blogLinks');
    expect(links(undefined)).toEqual({
      siteUrl: undefined,
      blog: '/blog',
      tag: '/blog?tag=:tag',
      unset: BOTH_UNSET,
    });
    expect(links(' /tags/:tagslug/ ')).toEqual({
      siteUrl: undefined,
      blog: '/blog',
      tag: '/tags/:tagslug/',
      unset: TAG_SET,
    });
    expect(links('None')).toEqual({ siteUrl: undefined, blog: '/blog', tag: undefined, unset: TAG_SET });
    expect(links('/tag/:tagslugify/')).toEqual({
      siteUrl: undefined,
      blog: '/blog',
      tag: '/tag/:tagslugify/',
      unset: TAG_SET,
    });
    expect(links('/tags/:name/')).toEqual([
      'TAG_URL: unknown :name; the tokens are :tag, :tagslug, :tagslugify',
    ]);
    expect(links('tags')).toEqual([expect.stringMatching(/^TAG_URL: expected a path on SITE_URL/)]);
    // Without a token every tag would open one page; a port is no token.
    for (const value of ['/tags/', 'https://blog.example:8080/tags/'])
      expect(links(value)).toEqual([
        'TAG_URL: names no tag, so every tag would link to one page: add :tag, :tagslug or :tagslugify, like /tags/:tagslug/, or write none',
      ]);
    expect(links('https://blog.example:8080/tags/:TagSlug/')).toEqual({
      siteUrl: undefined,
      blog: '/blog',
      tag: 'https://blog.example:8080/tags/:TagSlug/',
      unset: TAG_SET,
    });
    const blog = readAlike('BLOG_URL', 'blogLinks');
    expect(blog('/posts/')).toEqual({
      siteUrl: undefined,
      blog: '/posts/',
      tag: '/blog?tag=:tag',
      unset: BLOG_SET,
    });
    expect(blog('posts')).toEqual([expect.stringMatching(/^BLOG_URL: expected a path on SITE_URL/)]);
    // `//host/…` is no path on SITE_URL: a link made of it opens another host.
    expect(blog('//other.example/posts')).toEqual([
      expect.stringMatching(/^BLOG_URL: expected a path on SITE_URL/),
    ]);
    expect(links('//other.example/:tag')).toEqual([
      expect.stringMatching(/^TAG_URL: expected a path on SITE_URL/),
    ]);
    expect(loadContentConfig({ ARTICLE_URL: '//other.example/:slug' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^ARTICLE_URL: expected a path on SITE_URL/)],
    });
    expect(blog('/')).toEqual({ siteUrl: undefined, blog: '/', tag: '/blog?tag=:tag', unset: BLOG_SET });
  });

  it('GIVEN CONTENT_LANGUAGE THEN the bot and content:check read it alike, lowercased; a value that is no language code is refused', () => {
    const language = readAlike('CONTENT_LANGUAGE', 'contentLanguage');
    expect(language(' FR ')).toBe('fr');
    expect(language('pt-BR')).toBe('pt-br');
    expect(language('')).toBeUndefined();
    expect(language(undefined)).toBeUndefined();
    expect(language('zh-Hant-TW')).toBe('zh-hant-tw');
    expect(language('French')).toEqual([
      'CONTENT_LANGUAGE: expected a language code, like en, fr, pt-br or zh-hant-tw',
    ]);
  });

  it("GIVEN a Jekyll permalink style's name, as in _config.yml THEN its pattern, for the bot and content:check alike", () => {
    const articleUrl = readAlike('ARTICLE_URL', 'articleUrl');
    expect(articleUrl('date')).toBe('/:categories/:year/:month/:day/:title:output_ext');
    expect(articleUrl(' pretty ')).toBe('/:categories/:year/:month/:day/:title/');
    expect(articleUrl('none')).toBe('/:categories/:title:output_ext');
    // Their tokens are not filled: refused as any pattern with them, naming the style.
    expect(articleUrl('ordinal')).toEqual([
      expect.stringMatching(
        /^ARTICLE_URL: unknown :y_day \(Jekyll's ordinal style is \/:categories\/:year\/:y_day\/:title:output_ext\); the tokens are :slug, /,
      ),
    ]);
    expect(articleUrl('weekdate')).toEqual([
      expect.stringMatching(/^ARTICLE_URL: unknown :week, :short_day \(Jekyll's weekdate style is /),
    ]);
    // Only the name alone, as Jekyll reads it: not another case, nor a word of a path or an object's key.
    for (const value of ['Pretty', 'pretty/', 'constructor', 'toString']) {
      expect(articleUrl(value)).toEqual([
        expect.stringMatching(/^ARTICLE_URL: expected a path on SITE_URL .*Jekyll's date, pretty or none$/),
      ]);
    }
    expect(articleUrl('/blog/pretty/:slug')).toBe('/blog/pretty/:slug');
  });

  it('GIVEN SHARD_IDS without SHARD_COUNT beside another bad value THEN both are listed', () => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0,1', LOG_LEVEL: 'loud' });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^LOG_LEVEL: expected one of/),
      'SHARD_IDS: needs SHARD_COUNT, the number of shards in all',
    ]);
    const outOfRange = loadConfig({ SHARD_COUNT: '2', SHARD_IDS: '5' });
    expect(outOfRange.ok ? [] : outOfRange.problems).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN: required/),
      'SHARD_IDS: expected ids from 0 to 1 (SHARD_COUNT is 2)',
    ]);
  });

  it.each([
    ['DISCORD_REQUESTS_PER_SECOND', '-5', '10,000'],
    ['DISCORD_REQUESTS_PER_SECOND', '2.5', '10,000'],
    ['DISCORD_REQUESTS_PER_SECOND', 'fast', '10,000'],
    ['SHARD_COUNT', '0', '100,000'],
    ['SHARD_COUNT', '100001', '100,000'],
  ])('GIVEN %s=%s THEN it asks for a positive whole number', (variable, value, max) => {
    const result = loadConfig({ DISCORD_TOKEN: TOKEN, [variable]: value });
    expect(result.ok ? [] : result.problems).toEqual([
      `${variable}: expected a positive whole number, at most ${max}`,
    ]);
  });

  it('GIVEN a token of spaces alone THEN it is only required, as an empty one', () => {
    const result = loadConfig({ DISCORD_TOKEN: '   ' });
    expect(result.ok ? [] : result.problems).toEqual([
      'DISCORD_TOKEN: required: the bot token from the Developer Portal (Bot page)',
    ]);
  });

  it('GIVEN a token with spaces THEN refuses it without repeating it', () => {
    const result = loadConfig({ DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret-part');
  });
});
