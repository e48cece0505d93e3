import type { APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../core/payload.js';

/** What the scheduler needs from Discord; src/discord/poster.ts implements it over REST. */
export interface Poster {
  /**
   * Posts with a nonce that Discord enforces: a repeat within its memory returns the first message.
   * `announcement`: whether the channel is an announcement channel, whose posts are published to its
   * followers, as the schedule knows it (undefined: not known, looked up).
   */
  send(
    channelId: string,
    payload: MessagePayload,
    nonce: string,
    announcement?: boolean,
  ): Promise<{ id: string }>;
  /** The bot's own message in the channel, posted after `sinceMs`, whose embed `matches`. */
  findOwnPost(
    channelId: string,
    sinceMs: number,
    matches: (embed: APIEmbed) => boolean,
  ): Promise<string | undefined>;
}

/** Thrown by a Poster when Discord refuses a channel for good; `reason` says why, for /schedule show. */
export class ChannelRefusedError extends Error {
  override readonly name = 'ChannelRefusedError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Thrown by a Poster when Discord refused the post itself, as it would the same post again (the
 * server's AutoMod blocked its words, say): `why` says so, for /schedule show. Other posts may go.
 */
export class PostRefusedError extends Error {
  override readonly name = 'PostRefusedError';
  constructor(
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(why, options);
  }
}

/**
 * Thrown by a Poster when Discord asked to wait (a rate limit): the post is tried again no sooner
 * than `retryAfterMs` from now, so that the retry is not one more refused request.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(`rate limited: retry after ${retryAfterMs} ms`, options);
  }
}
