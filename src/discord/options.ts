import { escapeMarkdown } from 'discord.js';
import { plainLine, truncatePlain } from '../core/text.js';

/** The name of the option that makes a reply visible only to its author. */
export const PRIVATE_OPTION = 'private';

/** A user's text, safe to echo back in a message: one plain line, no Markdown, no mass mention, short. */
export function quote(text: string): string {
  return `“${escapeMarkdown(truncatePlain(plainLine(text), 80)).replace(/@/g, '@\u200b')}”`;
}
