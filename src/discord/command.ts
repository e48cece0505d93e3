import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from '../adapters/logger.js';
import type { OverrideCache } from '../adapters/command-overrides.js';
import type { Schedules } from '../adapters/schedule-book.js';
import type { LastTips } from '../adapters/last-tips.js';
import type { BlogLinks } from '../core/blog-links.js';
import type { ContentIndex } from '../core/content-index.js';

/** Everything a handler may use, built once in src/index.ts and passed in. */
export interface Deps {
  readonly content: ContentIndex;
  /** The last tip /tip showed in each channel. */
  readonly lastTips: LastTips;
  readonly logger: Logger;
  /** Where the blog lists its posts and its tags' (the buttons of /articles and /search). */
  readonly blog: BlogLinks;
  /** A number in [0, 1), like Math.random; tests pass a fixed sequence. */
  readonly random: () => number;
  /** Every server's tip schedule. */
  readonly schedules: Schedules;
  /** Milliseconds since the epoch, like Date.now. */
  readonly clock: () => number;
  /**
   * The command permission overrides servers set in Integrations (/schedule reads them); absent,
   * none are assumed.
   */
  readonly overrides?: Pick<OverrideCache, 'get'>;
  /** The definitions registered with Discord, for /help. */
  readonly commandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

/**
 * One slash command: its definition and its handlers. Buttons whose custom_id starts with
 * `<name>:` are routed to `button`.
 */
export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: Deps): Promise<void>;
  button?(interaction: ButtonInteraction, deps: Deps): Promise<void>;
}

/**
 * An expected failure (a bad option, an expired button): its message is shown to the user,
 * ephemerally, and nothing is logged as an error.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
