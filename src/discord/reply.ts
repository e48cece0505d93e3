import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import type { MessagePayload } from '../core/payload.js';

/**
 * The core's payloads are already Discord API JSON: handing them over as JSON-encodable objects
 * spares discord.js its key-by-key snake_case transform of every embed and component.
 */
function encodable<T>(value: T): { toJSON(): T } {
  return { toJSON: () => value };
}

/** Every message sets allowed_mentions to parse nothing, so article text can never ping anyone. */
function body(payload: MessagePayload) {
  return {
    ...(payload.content === undefined ? {} : { content: payload.content }),
    embeds: (payload.embeds ?? []).map(encodable),
    components: (payload.components ?? []).map(encodable),
    allowedMentions: { parse: [] },
  };
}

/** Options for `interaction.reply()`: public unless `ephemeral`. */
export function replyOptions(payload: MessagePayload, ephemeral: boolean): InteractionReplyOptions {
  return { ...body(payload), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Options for `interaction.update()` (a button press on the bot's own message). */
export function updateOptions(payload: MessagePayload): InteractionUpdateOptions {
  return body(payload);
}

/** A short ephemeral text answer, for errors and refusals. */
export function ephemeralText(content: string): InteractionReplyOptions {
  return { content, allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral };
}
