import { nameToEmoji } from 'gemoji';
import type { Nodes } from 'mdast';

/*
 * Emoji shortcodes (`:wave:`, `:+1:`), GitHub's names, as the site shows them where its generator
 * turns them into emoji (Hugo's `enableEmoji`, Jekyll's jemoji): Discord shows a bot's `:wave:` as
 * written. Only in text: code shows them as written, as on the page.
 */

/** GitHub's names, by name: a Map, so that no name of Object's own (`constructor`) is one. */
const EMOJI: ReadonlyMap<string, string> = new Map(Object.entries(nameToEmoji));

/**
 * A shortcode apart from the words around it, as jemoji reads one: no letter or digit just before or
 * after it (`host:dog:file` and an address's `/a:ok:b` are none).
 */
const SHORTCODE = /(?<![\p{L}\p{N}]):([\w+-]{1,48}):(?![\p{L}\p{N}])/gu;

/**
 * The text with each shortcode of a known emoji replaced by it; the others as written, and a part of
 * a path (`std::thread::spawn`, `a::b::c`): one right after a word's `:`, but the `:` that closed an
 * emoji before it (`:tada::tada:`).
 */
export function emojified(text: string): string {
  if (!text.includes(':')) return text;
  let emojiEnd = -1;
  return text.replace(SHORTCODE, (found: string, name: string, at: number) => {
    const emoji = EMOJI.get(name);
    const inPath = text[at - 1] === ':' && WORD_END.test(text.slice(Math.max(0, at - 3), at - 1));
    if (emoji === undefined || (inPath && emojiEnd !== at)) return found;
    emojiEnd = at + found.length;
    return emoji;
  });
}

/** A letter, digit or `_` ending a text: a word, as a path's parts are. */
const WORD_END = /[\p{L}\p{N}_]$/u;

/**
 * Each text node of the trees with its shortcodes replaced (see {@link emojified}), in place; not
 * an address shown as itself (`<https://…>`), whose text is its address.
 */
export function emojifyTexts(trees: readonly Nodes[]): void {
  const stack: Nodes[] = [...trees];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') node.value = emojified(node.value);
    else if (
      node.type === 'link' &&
      node.children.every((child) => child.type === 'text' && isAddress(child.value))
    )
      continue;
    else if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** Whether a link's text is an address (an autolink's, or one written out as its label). */
function isAddress(text: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:\/\/|mailto:|www\.)\S*$/i.test(text.trim());
}
