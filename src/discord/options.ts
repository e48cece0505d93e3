import { escapeMarkdown, type AutocompleteInteraction } from 'discord.js';
import { plainLine, truncatePlain } from '../core/text.js';

/** The name of the option that makes a reply visible only to its author. */
export const PRIVATE_OPTION = 'private';

/** A user's text, safe to echo back in a message: one plain line, no Markdown, no mass mention, short. */
export function quote(text: string): string {
  return `“${escapeMarkdown(truncatePlain(plainLine(text), 80)).replace(/@/g, '@\u200b')}”`;
}

/**
 * What the user is typing in the focused option, as text: discord.js types it a string, but a number
 * comes as a number (an option of another type than the bot's, from an older definition).
 */
export function focusedText(interaction: AutocompleteInteraction): string {
  const value: unknown = interaction.options.getFocused();
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
