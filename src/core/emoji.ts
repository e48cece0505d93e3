import { nameToEmoji } from 'gemoji';
import type { Nodes } from 'mdast';

/*
 * Emoji shortcodes (`:wave:`, `:+1:`), GitHub's names, as the site shows them where its generator
 * turns them into emoji (Hugo's `enableEmoji`, Jekyll's jemoji): Discord shows a bot's `:wave:` as
 * written. Only in text: code shows them as written, as on the page.
 */

/** The longest name between the colons (GitHub's longest is under 40 characters). */
const MAX_NAME = 48;

/** The text with each shortcode of a known emoji replaced by it; the others as written. */
export function emojified(text: string): string {
  let at = text.indexOf(':');
  if (at === -1) return text;
  let written = '';
  let kept = 0;
  while (at !== -1) {
    const end = text.indexOf(':', at + 1);
    if (end === -1) break;
    const emoji = end - at - 1 <= MAX_NAME ? nameToEmoji[text.slice(at + 1, end)] : undefined;
    if (emoji === undefined) {
      // The closing colon may open the next one (`a:b:wave:`).
      at = end;
      continue;
    }
    written += text.slice(kept, at) + emoji;
    kept = end + 1;
    at = text.indexOf(':', kept);
  }
  return kept === 0 ? text : written + text.slice(kept);
}

/** Each text node of the trees with its shortcodes replaced (see {@link emojified}), in place. */
export function emojifyTexts(trees: readonly Nodes[]): void {
  const stack: Nodes[] = [...trees];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') node.value = emojified(node.value);
    else if ('children' in node) for (const child of node.children) stack.push(child);
  }
}
