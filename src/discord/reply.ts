import {
  MessageFlags,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type RepliableInteraction,
} from 'discord.js';
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

/**
 * The answer to an interaction whose work waits on the store: Discord drops an interaction not
 * answered within 3 seconds, so if the work takes longer than `afterMs` (Redis restarting, say),
 * the answer is deferred (privately) and sent as an edit once the work is done.
 */
export function answerInTime(interaction: RepliableInteraction, afterMs = 1500) {
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferring = interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Its failure is met by send() or settle(), whichever comes; not an unhandled rejection before.
    deferring.catch(() => undefined);
  }, afterMs);
  return {
    /** Replies, or edits the deferred reply (which stays private). */
    async send(options: InteractionReplyOptions): Promise<void> {
      clearTimeout(timer);
      if (deferring === undefined) {
        await interaction.reply(options);
        return;
      }
      await deferring;
      // An edit cannot change flags: the deferral made it private already.
      await interaction.editReply({ ...options, flags: undefined });
    },
    /** Before an error is answered: a deferral under way is finished first, so the error edits it. */
    async settle(): Promise<void> {
      clearTimeout(timer);
      await deferring?.catch(() => undefined);
    },
  };
}
