import { randomUUID } from 'node:crypto';
import {
  DiscordAPIError,
  DiscordjsErrorCodes,
  DiscordjsTypeError,
  RateLimitError,
  type Interaction,
} from 'discord.js';
import { UserFacingError, type Command, type Deps } from './command.js';
import type { InteractionKind, Outcome } from '../adapters/metrics.js';
import { ephemeralText } from './reply.js';

/**
 * The one `interactionCreate` listener: routes commands, autocomplete and buttons to their
 * command, and is the single error boundary. It never rejects, and never acknowledges an
 * interaction twice: an error after a reply becomes an ephemeral follow-up.
 */
export function createRouter(
  commands: readonly Command[],
  deps: Deps,
  observe?: Observe,
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  return async (interaction) => {
    const started = performance.now();
    let outcome: Outcome = 'ok';
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (command === undefined)
          throw new UserFacingError(
            'I do not know this command any more. It may have been removed; try /help.',
          );
        await command.execute(interaction, deps);
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        if (command?.autocomplete === undefined) await interaction.respond([]);
        else await command.autocomplete(interaction, deps);
      } else if (interaction.isButton()) {
        const command = byName.get(interaction.customId.split(':')[0] ?? '');
        if (command?.button === undefined)
          throw new UserFacingError('This button no longer works. Run the command again.');
        await command.button(interaction, deps);
      } else if (interaction.isRepliable()) {
        // A modal, a select menu or a context-menu command: the bot registers none, so this one is
        // from an older version or not the bot's; unanswered, Discord would show it failed.
        throw new UserFacingError(
          interaction.isContextMenuCommand()
            ? 'I do not offer this command here. Type / to see mine, or try /help.'
            : 'This no longer works. Run the command again.',
        );
      }
    } catch (thrown) {
      const error = optionRefusal(thrown, interaction, deps) ?? thrown;
      outcome = error instanceof UserFacingError ? 'refused' : 'failed';
      await answerError(interaction, error, deps);
    }
    if (observe !== undefined) {
      const seen = described(interaction);
      // Only the bot's own command names: a label never carries what a user or an old message sent.
      const name = seen !== undefined && byName.has(seen.name) ? seen.name : 'unknown';
      if (seen !== undefined) observe(seen.kind, name, outcome, (performance.now() - started) / 1000);
    }
  };
}

/** discord.js's errors for an option sent with another type than the command's (an old definition, a client's bug). */
const OPTION_ERRORS: ReadonlySet<string> = new Set([
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
]);

/**
 * An option the bot cannot read, as a refusal that says what to do; undefined for other errors.
 * Logged as a warning with discord.js's reason: a stale definition, or a getter of the bot's own
 * that does not match its command, which only the log shows.
 */
function optionRefusal(error: unknown, interaction: Interaction, deps: Deps): UserFacingError | undefined {
  if (!(error instanceof DiscordjsTypeError) || !OPTION_ERRORS.has(error.code)) return undefined;
  const command =
    interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined;
  deps.logger.warn(
    { interactionId: interaction.id, command, err: error },
    'discord.js could not read an option (another type than the command has, or no value)',
  );
  return new UserFacingError(
    'I cannot read an option of this command. Choose the command again from the list Discord shows when you type /: it may have changed since.',
  );
}

/** Told of each interaction answered: what it was, how it went, and how long the answer took. */
export type Observe = (kind: InteractionKind, command: string, outcome: Outcome, seconds: number) => void;

function described(interaction: Interaction): { kind: InteractionKind; name: string } | undefined {
  if (interaction.isChatInputCommand()) return { kind: 'command', name: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', name: interaction.commandName };
  if (interaction.isButton()) return { kind: 'button', name: interaction.customId.split(':')[0] ?? '' };
  return undefined;
}

/** Unknown Interaction, and Interaction has already been acknowledged. */
const SPENT: ReadonlySet<number> = new Set([10062, 40060]);
const UNKNOWN_MESSAGE = 10008;

async function answerError(interaction: Interaction, error: unknown, deps: Deps): Promise<void> {
  const context = {
    interactionId: interaction.id,
    user: interaction.user.id,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
  };
  // The interaction can take no answer any more: it expired (answered after Discord's 3 s, or its
  // 15 minutes), or it was answered (a reply Discord took, then sent again). Another try is only
  // one more refused request.
  if (error instanceof DiscordAPIError && SPENT.has(Number(error.code))) {
    deps.logger.warn({ ...context, code: error.code, err: error }, 'the interaction could take no answer');
    return;
  }
  // Waiting out a rate limit would answer past Discord's 3 s (see createClient): nothing to tell.
  if (error instanceof RateLimitError) {
    deps.logger.warn(
      { ...context, retryAfter: error.retryAfter },
      'rate limited: the interaction went unanswered',
    );
    return;
  }
  let message: string;
  if (
    error instanceof DiscordAPIError &&
    error.code === UNKNOWN_MESSAGE &&
    interaction.isMessageComponent()
  ) {
    deps.logger.debug({ ...context }, 'the message of a button was deleted');
    message = 'That message is gone. Run the command again.';
  } else if (error instanceof UserFacingError) {
    deps.logger.debug({ ...context, reason: error.message }, 'refused an interaction');
    message = error.message;
  } else {
    const ref = randomUUID().slice(0, 8);
    deps.logger.error({ ...context, ref, err: error }, 'interaction handler failed');
    message = `Something went wrong on my side (ref ${ref}). Please try again in a moment.`;
  }
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isRepliable()) {
      if (interaction.replied) await interaction.followUp(ephemeralText(message));
      else if (interaction.deferred)
        await interaction.editReply({
          content: message,
          embeds: [],
          components: [],
          allowedMentions: { parse: [] },
        });
      else await interaction.reply(ephemeralText(message));
    }
  } catch (replyError) {
    deps.logger.warn({ ...context, err: replyError }, 'could not tell the user about an error');
  }
}
