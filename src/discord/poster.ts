import {
  DiscordAPIError,
  makeURLSearchParams,
  RateLimitError,
  Routes,
  SnowflakeUtil,
  type REST,
} from 'discord.js';
import { ChannelType, MessageFlags, type APIChannel, type APIMessage } from 'discord-api-types/v10';
import type { Logger } from '../adapters/logger.js';
import type { Pace } from '../core/pace.js';
import {
  ChannelRefusedError,
  PostRefusedError,
  RetryLaterError,
  type Poster,
} from '../schedules/poster-port.js';

/** Discord errors that mean "this channel will not take posts": retrying only adds invalid requests. */
const REFUSALS: Readonly<Record<number, string>> = {
  10003: 'the channel was deleted (Unknown Channel)',
  10004: 'the bot is no longer in the server (Unknown Guild)',
  50001: 'the bot cannot see the channel (Missing Access)',
  50013: 'the bot lacks a permission to post there (Missing Permissions)',
  50008: 'the channel takes no messages (a voice, category or forum channel)',
  160005: 'the thread is locked',
};

/** Why Discord refused a post itself, where its own message is no help to a server's admin. */
const POST_REFUSALS: Readonly<Record<number, string>> = {
  200000: "the server's AutoMod blocked the tip's words",
  200001: "the server's AutoMod blocked the tip's words",
  40005: 'the post was too large',
};

/**
 * Whether Discord refused the post itself, as it would the same post again: a 400 Bad Request with
 * Discord's own error code (its AutoMod, a post it finds invalid), or a 413 Payload Too Large. A 400
 * page of a proxy (no code) passes, as a 5xx does; a 401, 403 or 404 is about the bot or the channel.
 */
function postRefusal(error: unknown): PostRefusedError | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  const code = typeof error.code === 'number' && error.code > 0 ? error.code : undefined;
  // The channel's refusal (a locked thread's 400), not the post's.
  if (code !== undefined && REFUSALS[code] !== undefined) return undefined;
  if (!((error.status === 400 && code !== undefined) || error.status === 413)) return undefined;
  const known = code === undefined ? undefined : POST_REFUSALS[code];
  const said = `${error.message.split('\n')[0] ?? ''}${code === undefined ? '' : `, code ${code}`}`;
  return new PostRefusedError(known ?? said, { cause: error });
}

/**
 * A Poster on discord.js's REST client. Its requests go when `paced` lets them: discord.js alone
 * counts per fixed second in one process, which lets up to two seconds' worth through around a
 * boundary, and knows nothing of the bot's other processes. One process paces them at 95% of the
 * global limit (src/core/pace.ts), leaving room for replies and other calls; processes on Redis
 * share one window (src/adapters/shared-pace.ts).
 */
export function restPoster(
  rest: REST,
  botUserId: () => string | undefined,
  paced: Pace,
  publishing?: Publishing,
): Poster {
  const post = (channelId: string, body: object) =>
    paced(() => rest.post(Routes.channelMessages(channelId), { body }));
  const publish = publishing === undefined ? undefined : publisher(rest, paced, publishing);
  const list = (channelId: string, query: URLSearchParams) =>
    paced(() => rest.get(Routes.channelMessages(channelId), { query }));
  const refusal = (error: unknown): never => {
    if (
      error instanceof DiscordAPIError &&
      typeof error.code === 'number' &&
      REFUSALS[error.code] !== undefined
    ) {
      throw new ChannelRefusedError(REFUSALS[error.code] ?? '');
    }
    // The wait Discord asked for (its Retry-After, or the bucket's reset): the retry comes after it.
    if (error instanceof RateLimitError) throw new RetryLaterError(error.retryAfter, { cause: error });
    throw error;
  };
  return {
    async send(channelId, payload, nonce, announcement) {
      const body = { ...payload, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } };
      // Only a post is refused for what it says: a refused search of the history may follow a post
      // that went out, whose tip is then not to be passed over.
      const message = (await post(channelId, body).catch((error: unknown) => {
        throw postRefusal(error) ?? refusal(error);
      })) as APIMessage;
      // A repeat of the nonce returns the first message, already published if it was.
      if (((message.flags ?? 0) & MessageFlags.Crossposted) === 0)
        await publish?.(channelId, message.id, announcement);
      return { id: message.id };
    },
    async findOwnPost(channelId, sinceMs, matches) {
      const after = SnowflakeUtil.generate({ timestamp: sinceMs - 60_000 }).toString();
      const messages = (await list(channelId, makeURLSearchParams({ after, limit: 100 })).catch(
        refusal,
      )) as APIMessage[];
      const me = botUserId();
      return messages.find((message) => message.author.id === me && message.embeds.some(matches))?.id;
    },
  };
}

/** What publishing a scheduled post in an announcement channel needs. */
export interface Publishing {
  /** The channel's type as this process's gateway knows it; undefined for another shard's server. */
  readonly channelType: (channelId: string) => ChannelType | undefined;
  readonly logger: Pick<Logger, 'warn'>;
}

/** Channel types learned over REST (a server of another process's shards), kept up to this many. */
const LEARNED_TYPES = 10_000;

/**
 * Publishes (crossposts) a post in an announcement channel, so that the servers following the channel
 * get it too; a text channel's post costs no request. The channel's kind is this process's gateway's
 * (which follows a channel made an announcement channel), else the schedule's, else looked up once. A failure (Discord allows about 10 publishes an
 * hour per channel) leaves the post as it is, posted once: it is only logged. The poster's REST client
 * rejects a request its known rate limit would hold rather than wait, so no slot waits for an hour.
 */
function publisher(
  rest: REST,
  paced: Pace,
  { channelType, logger }: Publishing,
): (channelId: string, messageId: string, announcement: boolean | undefined) => Promise<void> {
  const learned = new Map<string, ChannelType>();
  const typeOf = async (channelId: string, announcement: boolean | undefined): Promise<ChannelType> => {
    const known =
      channelType(channelId) ??
      (announcement === undefined
        ? learned.get(channelId)
        : announcement
          ? ChannelType.GuildAnnouncement
          : ChannelType.GuildText);
    if (known !== undefined) return known;
    // A schedule set before its channel's kind was kept: once per channel and process (on Redis,
    // any process may post any server's slot).
    const channel = (await paced(() => rest.get(Routes.channel(channelId)))) as APIChannel;
    if (learned.size >= LEARNED_TYPES) learned.clear();
    learned.set(channelId, channel.type);
    return channel.type;
  };
  return async (channelId, messageId, announcement) => {
    try {
      if ((await typeOf(channelId, announcement)) !== ChannelType.GuildAnnouncement) return;
      await paced(() => rest.post(Routes.channelMessageCrosspost(channelId, messageId)));
    } catch (error) {
      // 40033: already published (a post sent again). 50024: no longer an announcement channel.
      if (error instanceof DiscordAPIError && error.code === 40033) return;
      if (error instanceof DiscordAPIError && error.code === 50024) learned.delete(channelId);
      const why =
        error instanceof RateLimitError
          ? `rate limited for ${Math.round(error.retryAfter / 1000)} s`
          : error instanceof Error
            ? (error.message.split('\n')[0] ?? '')
            : String(error);
      logger.warn(
        { channelId, messageId, why },
        "posted a scheduled tip but could not publish it: the announcement channel's followers do not get it",
      );
    }
  };
}
