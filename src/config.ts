import { dirname, join } from 'node:path';
import { loadDotEnv } from './env.js';
import { isBareAddress } from './core/site-address.js';
import { z } from 'zod';
import {
  ARTICLE_URL_TOKENS,
  expandArticleUrl,
  jekyllPermalinkStyle,
  unknownArticleUrlTokens,
  articleUrlNamesPost,
} from './core/article-url.js';
import {
  DEFAULT_BLOG_URL,
  DEFAULT_TAG_URL,
  TAG_URL_TOKENS,
  unknownTagUrlTokens,
  type BlogLinks,
} from './core/blog-links.js';

/** `redis://…` and `rediss://…` (TLS) name a Redis server; anything else is `sqlite://<path>`. */
export function isRedisUrl(storeUrl: string): boolean {
  return /^rediss?:\/\//i.test(storeUrl);
}

const SNOWFLAKE = /^\d{17,20}$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = (example: string) =>
  z
    .url({ protocol: /^https?$/, error: `expected an http(s) address, like ${example}` })
    .transform((url) => url.replace(/\/+$/, ''));

/**
 * The site's address: every link is made by adding a path to it, so a query or a fragment there
 * would put each path after it (`https://x.example/?a#b/blog/post`, the home page for every post).
 */
const siteUrl = (example: string) =>
  httpUrl(example).refine(
    isBareAddress,
    `expected the site's address without ?, # or a user name, like ${example} or ${example}/blog`,
  );

/**
 * A path on SITE_URL or an http(s) address: `//host/…` is neither, and would link to another host
 * as the path of the link it makes.
 */
const PATH_OR_URL = String.raw`\/(?!\/)\S*|https?:\/\/\S*`;

/** 1 to `max`: one message for text, fractions, zero and negatives alike. */
const positiveWholeNumber = (max: number) => {
  const error = `expected a positive whole number, at most ${max.toLocaleString('en')}`;
  return z.coerce.number({ error }).int(error).min(1, error).max(max, error);
};

/** Empty strings in a .env file mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const envSchema = z.object({
  DISCORD_TOKEN: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'required: the bot token from the Developer Portal (Bot page)'
          : 'expected text',
    })
    .trim()
    // Spaces alone are empty, so unset: that is the one thing to say.
    .min(1, { error: 'required: the bot token from the Developer Portal (Bot page)', abort: true })
    .regex(/^[\x21-\x7e]+$/, 'must be a single word without spaces or quotes'),
  DISCORD_APPLICATION_ID: optional(z.string().trim().regex(SNOWFLAKE, 'expected the numeric application id')),
  DISCORD_GUILD_ID: optional(z.string().trim().regex(SNOWFLAKE, 'expected a numeric server (guild) id')),
  DISCORD_API_URL: optional(httpUrl('https://discord.com/api')),
  SITE_URL: optional(siteUrl('https://example.com')),
  CONTENT_DIR: optional(z.string().trim()),
  ARTICLE_URL: optional(
    z
      .string()
      .trim()
      // A Jekyll permalink style copied from _config.yml (`pretty`) is read as the pattern it names:
      // here, so that the bot and content:check read it alike.
      .overwrite(expandArticleUrl)
      .regex(new RegExp(`^(?:${PATH_OR_URL})$`), {
        error:
          "expected a path on SITE_URL (or an http(s) address) with :slug, :year, :month or :day, like /blog/:slug, or Jekyll's date, pretty or none",
        abort: true,
      })
      .superRefine((value, context) => {
        // A token the bot does not fill would be left in every address.
        const unknown = unknownArticleUrlTokens(value);
        const style = jekyllPermalinkStyle(value);
        if (unknown.length > 0)
          context.addIssue({
            code: 'custom',
            message: `unknown ${unknown.join(', ')}${style === undefined ? '' : ` (Jekyll's ${style} style is ${value})`}; the tokens are ${ARTICLE_URL_TOKENS.map((token) => `:${token}`).join(', ')}`,
          });
        else if (!articleUrlNamesPost(value))
          context.addIssue({
            code: 'custom',
            message:
              'names no post, so posts would share one address: add :slug (or :title, :filename, :slugorfilename, :filepath), like /blog/:slug',
          });
      }),
  ),
  BLOG_URL: optional(
    z
      .string()
      .trim()
      .regex(
        new RegExp(`^(?:${PATH_OR_URL})$`),
        'expected a path on SITE_URL (or an http(s) address), like /blog or /posts/',
      ),
  ),
  // `none`: the blog has no tag pages (the buttons open BLOG_URL).
  TAG_URL: optional(
    z
      .string()
      .trim()
      .regex(new RegExp(`^(?:none|${PATH_OR_URL})$`, 'i'), {
        error:
          'expected a path on SITE_URL (or an http(s) address) with :tag, :tagslug or :tagslugify, like /tags/:tagslug/, or none',
        abort: true,
      })
      .superRefine((value, context) => {
        const unknown = unknownTagUrlTokens(value);
        if (unknown.length > 0)
          context.addIssue({
            code: 'custom',
            message: `unknown ${unknown.join(', ')}; the tokens are ${TAG_URL_TOKENS.map((token) => `:${token}`).join(', ')}`,
          });
        // Every token known here, so any one names the tag; without one, every tag would link one page.
        else if (value.toLowerCase() !== 'none' && !/:[a-z]/i.test(value))
          context.addIssue({
            code: 'custom',
            message:
              'names no tag, so every tag would link to one page: add :tag, :tagslug or :tagslugify, like /tags/:tagslug/, or write none',
          });
      }),
  ),
  // A Hugo language key, as its translations' file names carry it (`post.fr.md`).
  CONTENT_LANGUAGE: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z]{2}(?:[-_][a-z\d]{2,8}){0,2}$/,
        'expected a language code, like en, fr, pt-br or zh-hant-tw',
      ),
  ),
  STORE_URL: optional(
    z
      .string()
      .trim()
      .refine(
        (value) =>
          (value.startsWith('sqlite://') && value.length > 'sqlite://'.length) ||
          (isRedisUrl(value) && URL.canParse(value) && new URL(value).hostname !== ''),
        {
          error:
            'expected sqlite://<path to a file>, like sqlite://./data/bot.sqlite, or redis://<host>:<port>/<db>, like redis://127.0.0.1:6379/0',
        },
      ),
  ),
  CONTENT_CACHE: optional(z.string().trim()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` })),
  DISCORD_REQUESTS_PER_SECOND: optional(positiveWholeNumber(10_000)),
  SCHEDULE_GRACE: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(ms|s|m|h)?$/, { error: 'expected a duration such as 1h, 30m, 90s or 0' })
      .transform(durationMs),
  ),
  HTTP_PORT: optional(
    z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a port number')
      .min(0, 'expected a port number from 0 (any free port) to 65535')
      .max(65_535, 'expected a port number from 0 (any free port) to 65535'),
  ),
  HTTP_HOST: optional(z.string().trim().min(1)),
  SHARD_COUNT: optional(positiveWholeNumber(100_000)),
  SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, { error: 'expected shard ids separated by commas, like 0,1' })
      .transform((text) =>
        [...new Set(text.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b),
      ),
  ),
});

/**
 * Shard ids need their count, and must be below it: checked on the two values alone, so that it is
 * said beside any other variable's problem (a refinement of the whole object runs only when every
 * field passed). Nothing more is said of a value refused by its own rule.
 */
function shardProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const ids = envSchema.shape.SHARD_IDS.safeParse(env.SHARD_IDS);
  const count = envSchema.shape.SHARD_COUNT.safeParse(env.SHARD_COUNT);
  if (!ids.success || ids.data === undefined || !count.success) return [];
  if (count.data === undefined) return ['SHARD_IDS: needs SHARD_COUNT, the number of shards in all'];
  const all = count.data;
  return ids.data.some((id) => id >= all)
    ? [`SHARD_IDS: expected ids from 0 to ${all - 1} (SHARD_COUNT is ${all})`]
    : [];
}

/** What every entry point that reads articles needs (the bot, content:check, the playground). */
const contentSchema = envSchema.pick({
  SITE_URL: true,
  BLOG_URL: true,
  TAG_URL: true,
  CONTENT_DIR: true,
  ARTICLE_URL: true,
  CONTENT_LANGUAGE: true,
});

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `1h` → 3600000; a bare number is in seconds. */
function durationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(text);
  return Number(match?.[1] ?? 0) * UNIT_MS[(match?.[2] ?? 's') as keyof typeof UNIT_MS];
}

export interface Config {
  readonly token: string;
  readonly applicationId: string | undefined;
  readonly guildId: string | undefined;
  /** REST base URL, without the version: discord.js adds `/v10`. */
  readonly apiUrl: string;
  readonly siteUrl: string | undefined;
  /** Where the blog lists its posts and a tag's posts (BLOG_URL, TAG_URL), on siteUrl. */
  readonly blogLinks: BlogLinks;
  readonly contentDir: string;
  /**
   * Where an article without `url` or `permalink` lives: a pattern with :slug, :year, :month, :day (a
   * Jekyll style, `pretty`, already made its pattern). Unset: the site generator's own default, in a
   * Hugo or Jekyll site, else DEFAULT_ARTICLE_URL (see site-permalinks.ts).
   */
  readonly articleUrl: string | undefined;
  /**
   * The language read of a post's translations (`post.fr.md` is French); undefined: the Hugo site's
   * `defaultContentLanguage`, else `en` (see FoundArticles.language).
   */
  readonly contentLanguage: string | undefined;
  readonly storeUrl: string;
  /** The file that remembers parsed articles between starts; undefined when turned off. */
  readonly contentCache: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Discord's global request limit for this bot (50 unless Discord raised it). */
  readonly requestsPerSecond: number;
  /** How late a scheduled post may be (after a restart) and still go out, in ms. */
  readonly scheduleGraceMs: number;
  /** Where /livez, /readyz and /metrics are served; off when undefined. */
  readonly http: { readonly port: number; readonly host: string } | undefined;
  /** The shards this process runs, of how many; undefined: every shard of SHARD_COUNT, or one. */
  readonly shards: { readonly count: number; readonly ids: readonly number[] | undefined } | undefined;
}

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_STORE_URL = 'sqlite://./data/bot.sqlite';
export const DEFAULT_CONTENT_DIR = './content';

export type ConfigResult<T = Config> = { ok: true; config: T } | { ok: false; problems: string[] };

export type ContentConfig = Pick<
  Config,
  'contentDir' | 'siteUrl' | 'blogLinks' | 'articleUrl' | 'contentLanguage'
>;

function blogLinksOf(env: {
  SITE_URL?: string | undefined;
  BLOG_URL?: string | undefined;
  TAG_URL?: string | undefined;
}): BlogLinks {
  return {
    siteUrl: env.SITE_URL,
    blog: env.BLOG_URL ?? DEFAULT_BLOG_URL,
    tag: env.TAG_URL?.toLowerCase() === 'none' ? undefined : (env.TAG_URL ?? DEFAULT_TAG_URL),
    unset: { blog: env.BLOG_URL === undefined, tag: env.TAG_URL === undefined },
  };
}

function problemsOf(
  error: z.ZodError | undefined,
  more: readonly string[] = [],
): { ok: false; problems: string[] } {
  return {
    ok: false,
    problems: [
      ...(error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
      ...more,
    ],
  };
}

/** The content settings alone (no token needed), read by the same rules as the bot's. */
export function loadContentConfig(
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult<ContentConfig> {
  const parsed = contentSchema.safeParse(env);
  if (!parsed.success) return problemsOf(parsed.error);
  return {
    ok: true,
    config: {
      contentDir: parsed.data.CONTENT_DIR ?? DEFAULT_CONTENT_DIR,
      siteUrl: parsed.data.SITE_URL,
      blogLinks: blogLinksOf(parsed.data),
      articleUrl: parsed.data.ARTICLE_URL,
      contentLanguage: parsed.data.CONTENT_LANGUAGE,
    },
  };
}

/**
 * Reads and checks the configuration from environment variables, all at once, so that every
 * problem is reported together. Never includes a variable's value in a message (the token is one).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const shards = shardProblems(env);
  if (!parsed.success || shards.length > 0) return problemsOf(parsed.error, shards);
  const e = parsed.data;
  // A process of start:sharded runs the shards its manager gave it, whatever SHARD_IDS says (.env
  // is read again in each process).
  const shardIds = managedShards(env) ?? e.SHARD_IDS;
  return {
    ok: true,
    config: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL ?? DEFAULT_API_URL,
      siteUrl: e.SITE_URL,
      blogLinks: blogLinksOf(e),
      contentDir: e.CONTENT_DIR ?? DEFAULT_CONTENT_DIR,
      articleUrl: e.ARTICLE_URL,
      contentLanguage: e.CONTENT_LANGUAGE,
      storeUrl: e.STORE_URL ?? DEFAULT_STORE_URL,
      contentCache: contentCachePath(e.CONTENT_CACHE, e.STORE_URL ?? DEFAULT_STORE_URL, shardIds),
      logLevel: e.LOG_LEVEL ?? 'info',
      scheduleGraceMs: e.SCHEDULE_GRACE ?? 3_600_000,
      requestsPerSecond: e.DISCORD_REQUESTS_PER_SECOND ?? 50,
      http: e.HTTP_PORT === undefined ? undefined : { port: e.HTTP_PORT, host: e.HTTP_HOST ?? '0.0.0.0' },
      shards: e.SHARD_COUNT === undefined ? undefined : { count: e.SHARD_COUNT, ids: shardIds },
    },
  };
}

/**
 * The shards a process started by `npm run start:sharded` runs: discord.js's ShardingManager says so
 * in SHARDS (one id, or a JSON list), and sets SHARD_COUNT itself.
 */
function managedShards(env: Readonly<Record<string, string | undefined>>): number[] | undefined {
  if (env.SHARDING_MANAGER === undefined || env.SHARDS === undefined) return undefined;
  try {
    const ids: unknown = JSON.parse(env.SHARDS);
    const list = Array.isArray(ids) ? ids : [ids];
    return list.every((id) => Number.isInteger(id) && (id as number) >= 0) ? (list as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the parsed content is kept: `off` keeps it in memory (nothing remembered between starts); by
 * default it sits beside the SQLite file (in `./data` otherwise), one file per set of shards, as
 * each process of the bot has its own.
 */
function contentCachePath(
  setting: string | undefined,
  storeUrl: string,
  shardIds: readonly number[] | undefined,
): string | undefined {
  if (setting?.toLowerCase() === 'off') return undefined;
  if (setting !== undefined) return setting;
  const folder = storeUrl.startsWith('sqlite://') ? dirname(storeUrl.slice('sqlite://'.length)) : './data';
  return join(
    folder,
    shardIds === undefined ? 'content-cache.sqlite' : `content-cache-shards-${shardIds.join('-')}.sqlite`,
  );
}

/** The message printed when the configuration is wrong; `what` names the program that stops. */
export function formatConfigProblems(problems: readonly string[], what = 'The bot'): string {
  return [
    `${what} cannot start: the configuration has problems.`,
    ...problems.map((problem) => `  - ${problem}`),
    'Set these in the environment or in .env (see .env.example).',
  ].join('\n');
}

/**
 * The settings `load` reads from the environment and `.env` (see loadDotEnv), or undefined once every
 * problem of both is printed, as the configuration of `what` (the program that then stops).
 */
export function settingsFromEnvironment<T>(
  load: (env: Readonly<Record<string, string | undefined>>) => ConfigResult<T>,
  what?: string,
): T | undefined {
  const dotEnvProblems = loadDotEnv();
  const result = load(process.env);
  if (result.ok && dotEnvProblems.length === 0) return result.config;
  console.error(formatConfigProblems([...dotEnvProblems, ...(result.ok ? [] : result.problems)], what));
  return undefined;
}
