import { Events, RESTEvents, type Client, type REST } from 'discord.js';
import pTimeout from 'p-timeout';
import { fetchWith, OverrideCache } from './adapters/command-overrides.js';
import { ContentStore } from './adapters/content-store.js';
import { collectGarbage } from './adapters/heap.js';
import { ContentLibrary } from './adapters/content-library.js';
import { linkedSiteUrl, undatedPostsNote } from './adapters/content-loader.js';
import { eleventyInputFolder } from './adapters/eleventy-input-folder.js';
import { LastTips } from './adapters/last-tips.js';
import { createLogger, redact, type Logger } from './adapters/logger.js';
import { HealthServer } from './adapters/health-server.js';
import { BotMetrics } from './adapters/metrics.js';
import { ScheduleBook, type Schedules } from './adapters/schedule-book.js';
import type { SharedScheduleBook } from './adapters/shared-schedule-book.js';
import type { SlotQueue } from './adapters/slot-queue.js';
import { openStores, redactedUrl, type Stores } from './adapters/store.js';
import { isRedisUrl, loadConfig, settingsFromEnvironment, type Config } from './config.js';
import { formatProblem } from './core/article.js';
import { CLOSED_FOR_GOOD_EXIT_CODE, gatewayClosedForGood } from './gateway-closed.js';
import { createClient, createPosterRest } from './discord/client.js';
import type { Deps } from './discord/command.js';
import { COMMANDS } from '../commands/index.js';
import { restPoster } from './discord/poster.js';
import { pacer } from './core/pace.js';
import { createRouter } from './discord/router.js';
import { Scheduler } from './schedules/scheduler.js';
import { leftServer } from './core/schedule-transitions.js';
import { siteBlogLinks } from './adapters/site-blog-links.js';

/** How long a login may take before the log says it still waits for Discord. */
const SLOW_LOGIN_MS = 15_000;

/** Composition root: read the configuration, build every dependency once, connect to Discord. */
async function main(): Promise<number> {
  const config = settingsFromEnvironment(loadConfig);
  if (config === undefined) return 1;
  // Logs say which shards this process runs (those given, or those ShardingManager gave it).
  const shardIds = config.shards?.ids;
  const rootLogger = createLogger({
    level: config.logLevel,
    secrets: [config.token, ...urlSecrets(config.storeUrl)],
  });
  const logger = shardIds === undefined ? rootLogger : rootLogger.child({ shards: shardIds });
  // A shard of start:sharded whose manager is gone (killed with SIGKILL, say) stops: left running, it
  // would answer beside the shard a new manager starts, each interaction twice. Heard from the start,
  // as the manager may die while the content loads; once the bot runs, it stops as on SIGTERM.
  const sharded = process.env.SHARDING_MANAGER !== undefined;
  let stopShard = (): void => {
    logger.flush();
    process.exit(1);
  };
  const managerGone = (): void => {
    logger.warn('the sharding manager is gone; stopping this shard');
    stopShard();
  };
  // Only a process started with a channel to its manager (ShardingManager's `process` mode) has one.
  if (sharded && process.send !== undefined) {
    process.once('disconnect', managerGone);
    if (!process.connected) managerGone();
  }

  // Served from the start: /livez answers while the content loads, /readyz says what it waits for.
  // What the metrics and checks read is filled in as it is made.
  const live: {
    stopping: boolean;
    client?: Client;
    library?: ContentLibrary;
    schedules?: ScheduleBook | undefined;
    slotQueue?: SlotQueue | undefined;
    stores?: Stores;
    serves?: (guildId: string) => boolean;
  } = { stopping: false };
  const metrics =
    config.http === undefined
      ? undefined
      : new BotMetrics({
          pings: () =>
            [...(live.client?.ws.shards.values() ?? [])].map((shard) => [shard.id, shard.ping] as const),
          schedules: async () => {
            const now = Date.now();
            // Redis away: the scrape still answers, with these two unknown.
            if (live.slotQueue !== undefined)
              return await live.slotQueue.counts(now).catch(() => ({ due: NaN, late: NaN }));
            let due = 0;
            let late = 0;
            for (const record of live.schedules?.all() ?? []) {
              if (
                record.paused !== undefined ||
                record.nextRunAt > now ||
                live.serves?.(record.guildId) !== true
              )
                continue;
              due++;
              if (now - record.nextRunAt > 60_000) late++;
            }
            return { due, late };
          },
          articles: () => live.library?.current.articles.length ?? 0,
        });
  let health: HealthServer | undefined;
  try {
    health =
      config.http === undefined || metrics === undefined
        ? undefined
        : await HealthServer.listen(
            // Under start:sharded every shard's process serves on HTTP_PORT + its shard id.
            config.http.port === 0 || process.env.SHARDING_MANAGER === undefined
              ? config.http.port
              : config.http.port + (shardIds?.[0] ?? 0),
            config.http.host,
            {
              registry: metrics.registry,
              ready: async () => {
                if (live.stopping) return { ok: false, reason: 'shutting down' };
                if (live.stores === undefined)
                  return { ok: false, reason: 'starting: reading the content and the store' };
                if (live.client?.isReady() !== true)
                  return { ok: false, reason: 'not connected to Discord yet' };
                try {
                  await pTimeout(live.stores.lastTip.get('readyz'), { milliseconds: 1000 });
                  return { ok: true };
                } catch {
                  return { ok: false, reason: 'the store does not answer' };
                }
              },
            },
            logger,
          );
  } catch (error) {
    // The port taken by another program, most likely.
    console.error(`Cannot serve HTTP_PORT: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  // SIGHUP reads the whole content folder again. Caught from the start: its default would end the
  // bot, and one sent while the content is first read is done once it is.
  const hangUp: { asked: boolean; reload?: () => void } = { asked: false };
  const onHangUp = (): void => {
    if (hangUp.reload === undefined) hangUp.asked = true;
    else hangUp.reload();
  };
  process.on('SIGHUP', onHangUp);
  // At an Eleventy project's folder, its input folder (see eleventyInputFolder).
  const input = await eleventyInputFolder(config.contentDir);
  const contentDir = input?.dir ?? config.contentDir;
  if (input !== undefined)
    logger.info(
      { contentDir, from: input.setting },
      "CONTENT_DIR is an Eleventy project's folder: its input folder holds the posts",
    );
  // SITE_URL unset: the blog's own address, as its Hugo or Jekyll configuration gives it.
  const { url: siteUrl, configured } = await linkedSiteUrl(
    config.siteUrl,
    contentDir,
    config.contentLanguage,
  );
  if (configured !== undefined)
    logger.info(
      { siteUrl: configured.url, from: configured.setting },
      "SITE_URL is unset: the site's configuration gives its address",
    );
  // Everything an article is made from besides its file: what is stored is kept only while they are the same.
  const settings = {
    siteUrl,
    articleUrl: config.articleUrl,
    dir: contentDir,
    language: config.contentLanguage,
  };
  const contentStore = await ContentStore.open(config.contentCache, settings, logger);
  // Edits show without a restart: watched from the first read (should watching fail, too many
  // folders for inotify say, SIGHUP still reloads).
  const library = await ContentLibrary.open({ ...settings, logger, store: contentStore }, { watch: true });
  live.library = library;
  // The load's garbage collected before the bot connects (see collectGarbage).
  logger.debug(await collectGarbage(), 'memory collected after the content load');
  if (library.current.articles.length === 0) {
    const found = `${library.fileCount} Markdown file${library.fileCount === 1 ? '' : 's'} found`;
    // With no problem to list, no colon: and an empty folder says what to do instead.
    console.error(
      library.problems.length > 0
        ? [
            `No valid article in ${contentDir} (${found}):`,
            ...library.problems.map((problem) => `  - ${formatProblem(problem)}`),
          ].join('\n')
        : library.undatedPosts.length > 0
          ? `No valid article in ${contentDir}: ${undatedPostsNote(library.undatedPosts)}.`
          : library.fileCount === 0
            ? `No Markdown file in ${contentDir}: write articles there (see "Write an article" in the README).`
            : `No valid article in ${contentDir} (${found}).`,
    );
    return 1;
  }
  logger.info(
    { articles: library.current.articles.length, skipped: library.problems.length },
    'content loaded',
  );
  if (library.watching) logger.info({ dir: contentDir }, 'watching the content folder');
  hangUp.reload = () => {
    library.refresh({ rescan: true, force: true }).then(
      (update) => logger.info(update, 'content reloaded'),
      (err: unknown) => logger.error({ err }, 'could not reload the content'),
    );
  };
  if (hangUp.asked) hangUp.reload();

  const stores = await openStores(config.storeUrl, logger);
  // One process keeps every schedule in memory and ticks; many processes on Redis share them, and
  // BullMQ's jobs say when to post.
  const shared = isRedisUrl(config.storeUrl) ? await sharedSchedules(config, stores, logger) : undefined;
  let memoryBook: ScheduleBook | undefined;
  let schedules: Schedules;
  if (shared === undefined) {
    memoryBook = new ScheduleBook(stores.schedules, logger);
    logger.info({ schedules: await memoryBook.load() }, 'schedules loaded');
    schedules = memoryBook;
  } else {
    schedules = shared.book;
  }
  live.schedules = memoryBook;
  live.slotQueue = shared?.queue;
  live.stores = stores;
  const client = createClient(config.apiUrl, config.requestsPerSecond, config.shards);
  const posterRest = createPosterRest(config.apiUrl, config.token, config.requestsPerSecond);
  const serves = (guildId: string): boolean => client.guilds.cache.has(guildId);
  live.client = client;
  live.serves = serves;
  if (metrics !== undefined)
    for (const rest of [client.rest, posterRest] as REST[])
      rest.on(RESTEvents.Response, (_request, response) => {
        if (response.status === 429)
          metrics.rateLimited(response.headers.get('x-ratelimit-scope') ?? 'unknown');
      });
  const lastTips = new LastTips(stores.lastTip, logger);
  const overrides = new OverrideCache(fetchWith(client));
  // Discord says when a server's Integrations settings change (for every app: ours only count).
  client.on(Events.ApplicationCommandPermissionsUpdate, (update) => {
    if (update.applicationId === client.application?.id) overrides.forget(update.guildId);
  });
  // A new session (after a disconnect that could not resume) replays no update missed meanwhile.
  client.on(Events.ShardReady, () => overrides.forgetAll());
  // Unset, the pages a Hugo or Jekyll site makes, as the content first loaded shows the site.
  const blog = siteBlogLinks(
    { ...config.blogLinks, siteUrl },
    library.site,
    library.current.articles,
    contentDir,
  );
  if (blog.from !== undefined)
    logger.info(
      { blogUrl: blog.links.blog, tagUrl: blog.links.tag ?? 'none', generator: blog.from.generator },
      "BLOG_URL or TAG_URL is unset: the buttons link the site's generator's pages",
    );
  const deps: Deps = {
    // Each interaction reads the index of the moment once (see ContentLibrary).
    get content() {
      return library.current;
    },
    lastTips,
    schedules,
    logger,
    blog: blog.links,
    random: Math.random,
    clock: Date.now,
    overrides,
    commandDefinitions: COMMANDS.map((command) => command.data.toJSON()),
  };
  const scheduler = new Scheduler({
    book: schedules,
    ...(memoryBook === undefined ? {} : { listing: () => memoryBook.all() }),
    ...(shared === undefined
      ? {}
      : {
          onRetry: (guildId: string, slot: string, retryAt: number) =>
            shared.queue.wake(guildId, `retry-${slot}-${retryAt}`, retryAt),
        }),
    poster: restPoster(
      posterRest,
      () => client.user?.id,
      shared === undefined
        ? pacer(
            config.requestsPerSecond * 0.95,
            () => performance.now(),
            (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          )
        : shared.pace,
      { channelType: (channelId) => client.channels.cache.get(channelId)?.type, logger },
    ),
    get content() {
      return library.current;
    },
    logger,
    clock: Date.now,
    graceMs: config.scheduleGraceMs,
    serves,
    ...(metrics === undefined
      ? {}
      : { onSlot: (result: Parameters<BotMetrics['post']>[0]) => metrics.post(result) }),
  });
  const route = createRouter(
    COMMANDS,
    deps,
    metrics === undefined ? undefined : (...seen) => metrics.interaction(...seen),
  );
  client.on(Events.InteractionCreate, (interaction) => {
    void route(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
    if (shared === undefined) {
      scheduler.start();
      return;
    }
    // Any process's worker may post any server's slot: it only needs REST. Two jobs of one server
    // at once (a catch-up and its slot, a job wrongly thought stalled) are rare and harmless: the
    // second finds the slot in flight and sends it with the same nonce, which Discord answers with
    // the first message (see src/schedules/scheduler.ts).
    shared.queue.start((guildId, dueAt) => scheduler.runGuild(guildId, dueAt));
    void catchUp(shared.book, shared.queue, serves, config.scheduleGraceMs).then(
      (counts) => logger.info(counts, 'schedules checked'),
      (err: unknown) => logger.error({ err }, 'could not check the schedules'),
    );
  });
  // Removed from a server (an outage is GuildUnavailable): its schedule pauses, so that invited back
  // it says why. Else one process skipped it unseen, and posted again on an invite; many, on Redis,
  // found the channel refused at the next slot.
  client.on(Events.GuildDelete, (guild) => {
    let paused = false;
    schedules
      .change(guild.id, (record) => {
        const next = leftServer(record, Date.now());
        paused = next !== record;
        return next;
      })
      .then(
        () => {
          if (paused)
            logger.info({ guildId: guild.id }, 'paused a schedule: the bot was removed from the server');
        },
        (err: unknown) =>
          logger.error({ err, guildId: guild.id }, 'could not pause the schedule of a server the bot left'),
      );
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.ShardError, (err, shard) => logger.error({ err, shard }, 'gateway connection error'));
  // discord.js emits this only for a close it will not recover from (a token reset: 4004; sharding
  // now required: 4011…): the shard stays down for good, and the bot would live on answering nothing.
  // It stops instead, saying why; started again, it logs in anew or says what to fix. Under
  // start:sharded, with a code of its own: the manager would otherwise start it again, forever.
  let loggedIn = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    // Before the login resolves, it fails with it and says why itself. After (the servers still
    // arriving, up to 15 s before ready), nothing else would.
    if (!loggedIn) {
      logger.warn({ code: event.code, shard }, 'gateway disconnected');
      return;
    }
    logger.error({ code: event.code, shard }, gatewayClosedForGood(event.code, sharded));
    void stop(sharded ? CLOSED_FOR_GOOD_EXIT_CODE : 1);
  });
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  // A Discord that does not answer leaves the login waiting (each request up to 15 s, then tried
  // again), with nothing in the log but this, until a shard is connected.
  const slowLogin = setTimeout(() => {
    logger.warn(
      `still connecting to Discord at ${redactedUrl(config.apiUrl).replace(/\/+$/, '')}: no shard ready ${SLOW_LOGIN_MS / 1000} s after start`,
    );
  }, SLOW_LOGIN_MS).unref();
  client.once(Events.ShardReady, () => clearTimeout(slowLogin));

  let stopped: Promise<void> | undefined;
  const stop = (code: number): Promise<void> => (stopped ??= shutDown(code));
  const shutDown = async (code: number): Promise<void> => {
    // From here /readyz answers 503, and no new slot starts; posts under way finish. Whatever still
    // hangs after 10 s (a store that does not answer) does not keep the process.
    live.stopping = true;
    clearTimeout(slowLogin);
    // Answering until the very end, and closed by the exit: a request still under way (a login to a
    // Discord that does not answer) may keep the process up to 10 s.
    health?.unref();
    setTimeout(() => {
      logger.warn('could not stop everything within 10 s; exiting');
      logger.flush();
      process.exit(code);
    }, 10_000).unref();
    await scheduler.stop();
    await shared?.queue.close();
    await client.destroy();
    process.off('SIGHUP', onHangUp);
    await library.close();
    contentStore.close();
    await lastTips.close();
    await stores.close();
    logger.info('closed; exiting once the requests under way end');
    logger.flush();
    process.exitCode = code;
    // Under start:sharded, the channel to the manager would keep the process up for the 10 s above.
    process.channel?.unref();
  };
  stopShard = () => void stop(1);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void stop(0);
    });
  }

  try {
    await client.login(config.token);
    loggedIn = true;
    logger.debug('logged in to Discord; waiting for the servers');
    return 0;
  } catch (error) {
    // Stopped (SIGTERM) while logging in: a stop, not a failure.
    if (live.stopping) {
      await stopped;
      return 0;
    }
    console.error(loginFailure(error, config.apiUrl, config.token));
    // Under start:sharded, a shard whose token Discord refuses (reset while the bot ran, a shard
    // started again after a crash) stops every shard rather than being started again and again.
    const code = sharded && tokenRejected(error, config.token) ? CLOSED_FOR_GOOD_EXIT_CODE : 1;
    await stop(code);
    return code;
  }
}

/**
 * Schedules shared by many processes on Redis: read through the store, changed under locks, timed
 * by BullMQ. Loaded only then: BullMQ and its Redis client cost a bot on SQLite memory for nothing.
 */
async function sharedSchedules(config: Config, stores: Stores, logger: Logger) {
  const [{ SlotQueue }, { redisLocks }, { SharedScheduleBook }, { sharedPacer }] = await Promise.all([
    import('./adapters/slot-queue.js'),
    import('./adapters/redis-locks.js'),
    import('./adapters/shared-schedule-book.js'),
    import('./adapters/shared-pace.js'),
  ]);
  const queue = new SlotQueue({
    redisUrl: config.storeUrl,
    requestsPerSecond: config.requestsPerSecond,
    logger,
  });
  const book = new SharedScheduleBook(
    stores.schedules,
    redisLocks(queue.redis, queue.prefix, logger),
    logger,
    (guildId, record) => queue.sync(guildId, record),
  );
  // Every process's posts in one window at 95% of the global limit, as one process paces its own.
  const pace = sharedPacer(queue.redis, {
    key: `${queue.prefix}:global-limit`,
    perSecond: config.requestsPerSecond * 0.95,
  });
  return { queue, book, pace };
}

/**
 * At start, for the servers this process has: a schedule without its timer (set while Redis lost
 * it, say) gets one, and one that is due or was left in flight runs now.
 */
async function catchUp(
  book: SharedScheduleBook,
  queue: SlotQueue,
  serves: (guildId: string) => boolean,
  graceMs: number,
): Promise<{ schedules: number; repaired: number }> {
  let schedules = 0;
  let repaired = 0;
  const batch: Promise<boolean>[] = [];
  const settle = async () => {
    for (const changed of await Promise.all(batch.splice(0))) if (changed) repaired++;
  };
  for await (const record of book.records()) {
    if (!serves(record.guildId)) continue;
    schedules++;
    // Read again under the lock: a /schedule command since the listing must not be undone.
    batch.push(
      book.inspect(record.guildId, async (current) =>
        current === undefined ? false : await queue.ensure(current, Date.now(), graceMs),
      ),
    );
    if (batch.length >= 100) await settle();
  }
  await settle();
  return { schedules, repaired };
}

/** The password of a store URL (`redis://:secret@host`), kept out of every log line. */
function urlSecrets(storeUrl: string): string[] {
  try {
    const { password } = new URL(storeUrl);
    return password === '' ? [] : [password, decodeURIComponent(password)];
  } catch {
    return [];
  }
}

/** A one-paragraph explanation of why the bot could not log in, without the token. */
function loginFailure(error: unknown, apiUrl: string, token: string): string {
  if (tokenRejected(error, token))
    return 'Discord rejected DISCORD_TOKEN. Copy the token again from the Bot page of your application in the Developer Portal.';
  return `Could not connect to Discord at ${apiUrl}: ${redact(errorText(error), [token])}`;
}

/** Whether a login failed because Discord refused the token (a 401, or the gateway's 4004). */
function tokenRejected(error: unknown, token: string): boolean {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return (
    code === 'TokenInvalid' ||
    status === 401 ||
    /invalid token|authentication failed|\b(?:4004|401)\b/i.test(redact(errorText(error), [token]))
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const exitCode = await main();
// Nothing is left to run after a failed start; exit now rather than wait for idle handles.
if (exitCode !== 0) process.exit(exitCode);
