import { escapeInline, truncateInline, unescapeInline } from '../text.js';

/** An item's name as a message shows it, and the text under it. */
export interface FittedName {
  /** Markdown that shows the name as written (see escapeInline), within the room given. */
  readonly name: string;
  /** The item's text, opened by what was cut from the name, if anything. */
  readonly text: string;
  /** Whether the name was too long for the room, and cut. */
  readonly cut: boolean;
}

/**
 * An item's name (or label: `3. Name`) where Discord reads Markdown in at most `max` code points (a
 * field's name, an embed's title), and its text. A name too long is cut at a word (see
 * truncateInline), and what was cut opens the text, in bold as a name shows and after an ellipsis
 * that carries on from the name's: no word the author wrote is lost. On a line of its own, as the
 * text may open with a list or a quote.
 */
export function fitName(label: string, text: string, max: number): FittedName {
  const name = truncateInline(label, max);
  if (name === escapeInline(label)) return { name, text, cut: false };
  // The cut is at a word or grapheme and never inside an escape: what is kept, unescaped, opens the label.
  const kept = unescapeInline(name.slice(0, -1));
  // One line: a line break in a bold name (`**Ask\nfirst**`) would open a block in the text.
  const rest = label.startsWith(kept) ? label.slice(kept.length).trim().replace(/\s+/g, ' ') : '';
  if (rest === '') return { name, text, cut: true };
  return { name, text: `**…${escapeInline(rest)}**\n${text}`, cut: true };
}
