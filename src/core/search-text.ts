import { decodeHTMLStrict } from 'entities';
import type { Nodes, RootContent } from 'mdast';
import { isBlockTag } from './html-blocks.js';
import { afterRemovals, HELD, REMOVED } from './outside-code.js';

/** Nodes whose text stands apart from the next one's: a list's items, a quote's paragraphs, a table's cells. */
const BLOCKS: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'code',
  'table',
  'tableRow',
  'tableCell',
  'definition',
  'footnoteDefinition',
]);

/**
 * The words of nodes as search reads them: their text without markup (an image's alt text too), raw
 * HTML left out as a message leaves it out (a block element's tag leaves a space, and brackets or
 * quotes that held only what is left out go too), with a line between blocks and at hard line breaks so
 * that no two words run together (`Kubernetes` and `Terraform` in two items are two words). Walked
 * without recursion.
 */
export function searchableText(nodes: readonly RootContent[]): string {
  const parts: string[] = [];
  const stack: (Nodes | undefined)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    // A block's end.
    if (node === undefined) {
      parts.push('\n');
      continue;
    }
    if (node.type === 'html') {
      // The words of an HTML block (`<p class="note">Ask early.</p>`), which the page shows; a block
      // element's tag (`<li>Plan</li><li>Do</li>`) keeps the words around it apart.
      // What shows nothing leaves a mark: brackets or quotes that held only it go too, as in a message.
      const words = htmlWords(node.value);
      if (words.trim() !== '') parts.push(` ${words} `);
      else parts.push(isBlockTag(node.value) ? ` ${REMOVED}` : REMOVED);
      continue;
    }
    if (node.type === 'break') parts.push('\n');
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt || REMOVED);
    // Code is held apart from the marks: its brackets stay.
    else if (node.type === 'inlineCode' || node.type === 'code') parts.push(HELD, node.value, HELD);
    else if ('value' in node) parts.push(node.value);
    if (BLOCKS.has(node.type)) stack.push(undefined);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return afterRemovals(parts.join('')).replaceAll(HELD, '');
}

/**
 * Where the tag that opens before `from` ends: its first `>` outside a quoted attribute value
 * (`<a title="a > b">`); -1 when none does. A quote never closed ends nowhere: the first `>` ends
 * the tag. `unclosed` remembers the quotes found nowhere after a point, so that no search for one
 * goes over the rest of the text twice.
 */
function tagEnd(html: string, from: number, unclosed: Set<string>): number {
  let at = from;
  for (;;) {
    const gt = html.indexOf('>', at);
    if (gt === -1) return -1;
    const quoted = /=\s*(["'])/.exec(html.slice(at, gt));
    const quote = quoted?.[1];
    if (quoted === null || quote === undefined || unclosed.has(quote)) return gt;
    const close = html.indexOf(quote, at + quoted.index + quoted[0].length);
    if (close === -1) {
      unclosed.add(quote);
      return gt;
    }
    at = close + 1;
  }
}

/** The HTML elements that mark up words within a line, whose tags part no words. */
const PHRASING: ReadonlySet<string> = new Set(
  'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);

/** A tag's name after its `<`, lowercase: `script` and `style` hold no words of the page. */
const TAG_NAME = /^<([a-z][a-z\d-]*)/;

/**
 * The words raw HTML shows: its tags (each a space, but the tags of phrasing elements such as `<b>`
 * and `<a>`, which may sit inside a word), comments and what `<script>` and `<style>`
 * hold left out, entities decoded. A `<` not followed by a letter, `/`, `!` or `?` is text. Linear:
 * each search goes forward from where the last one ended.
 */
export function htmlWords(html: string): string {
  if (!html.includes('<')) return decodeHTMLStrict(html);
  const lower = html.toLowerCase();
  const out: string[] = [];
  const unclosed = new Set<string>();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (!/[a-z/!?]/.test(lower[lt + 1] ?? '')) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = tagEnd(html, lt + 1, unclosed);
    // No `>` after it, nor after any later `<`: the rest is text.
    if (gt === -1) {
      out.push(html.slice(lt));
      break;
    }
    i = gt + 1;
    const name = TAG_NAME.exec(lower.slice(lt, lt + 12))?.[1];
    // Phrasing tags sit inside words as well as between them (`<b>Re</b>act`); others part them.
    const closing =
      lower[lt + 1] === '/' ? TAG_NAME.exec(`<${lower.slice(lt + 2, lt + 13)}`)?.[1] : undefined;
    out.push(PHRASING.has(name ?? closing ?? '') ? '' : ' ');
    if (name === 'script' || name === 'style') {
      const close = lower.indexOf(`</${name}`, i);
      const end = close === -1 ? -1 : html.indexOf('>', close);
      i = end === -1 ? html.length : end + 1;
    }
  }
  return decodeHTMLStrict(out.join(''));
}
