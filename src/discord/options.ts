import { DiscordjsErrorCodes, DiscordjsTypeError, type AutocompleteInteraction } from 'discord.js';
import { escapeInline, plainLine, truncatePlain } from '../core/text.js';

/** The name of the option that makes a reply visible only to its author. */
export const PRIVATE_OPTION = 'private';

/**
 * A user's text, safe to echo back in a message: one plain line, no Markdown, no mass mention, short.
 * Each mark is escaped alone (escapeInline): discord.js's escapeMarkdown left runs of four `*` or
 * backticks half escaped, which then opened spans.
 */
export function quote(text: string): string {
  return `“${escapeInline(truncatePlain(plainLine(text), 80)).replace(/@/g, '@\u200b')}”`;
}

/**
 * What the user is typing in the focused option, as text: discord.js types it a string, but a number
 * comes as a number (an option of another type than the bot's, from an older definition). With no
 * option marked `focused` (optional in the payload, so a stand-in for Discord may leave it out),
 * nothing typed: every command has one autocomplete option, whose first suggestions then show,
 * where discord.js threw and the user got none.
 */
export function focusedText(interaction: AutocompleteInteraction): string {
  let value: unknown;
  try {
    value = interaction.options.getFocused();
  } catch (error) {
    if (
      error instanceof DiscordjsTypeError &&
      error.code === DiscordjsErrorCodes.AutocompleteInteractionOptionNoFocusedOption
    )
      return '';
    throw error;
  }
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
