import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';

/** A message as the core describes it; adapters add `allowed_mentions` and flags. */
export interface MessagePayload {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A choice in an autocomplete answer. */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Brand colour of the bot's embeds. */
export const EMBED_COLOR = 0x3b82f6;
