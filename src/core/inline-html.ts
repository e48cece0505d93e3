import { decodeHTMLStrict } from 'entities';
import type { Token } from 'markdown-it';
import { CLOSING_TAG } from './html-blocks.js';

/*
 * Inline HTML in a Markdown text (`<a href="…" target="_blank">`, `<strong>`, `<del>`, `<kbd>`), as
 * blogs write it where Markdown has no way to say it: the elements whose meaning a message can show,
 * paired with their closing tags, so that they are read as the Markdown they stand for. Left out as
 * any other tag, a link lost its address and struck-out advice read as advice.
 */

/**
 * What an element is read as: its mdast node (code as `inlineCode`, its text only), or its text in
 * quotation marks (`<q>`, which a browser shows so).
 */
export type InlineKind = 'strong' | 'emphasis' | 'delete' | 'link' | 'inlineCode' | 'quote';

/** An element opened: what it is read as, and for a link, its address and title as written. */
export interface InlineElement {
  readonly kind: InlineKind;
  readonly url?: string;
  readonly title?: string | null;
}

/** A quotation's marks (`<q>`), double and single by turns as they nest, as a browser shows them. */
export const QUOTES = ['“”', '‘’'];

const KINDS: Readonly<Record<string, InlineKind>> = {
  b: 'strong',
  strong: 'strong',
  i: 'emphasis',
  em: 'emphasis',
  cite: 'emphasis',
  dfn: 'emphasis',
  var: 'emphasis',
  del: 'delete',
  s: 'delete',
  strike: 'delete',
  a: 'link',
  code: 'inlineCode',
  kbd: 'inlineCode',
  samp: 'inlineCode',
  tt: 'inlineCode',
  q: 'quote',
};

/**
 * How many such elements may be open inside one another in a text, whatever Markdown is between: past
 * it an opening tag is left out as before, so that nested tags never make a post too deep to read.
 */
const MAX_OPEN = 8;

/** An opening tag: its name, and its attributes as written. */
const OPENING = /^<([A-Za-z][A-Za-z\d-]*)(\s[^>]*)?>$/;

/**
 * The inline tokens of one block (markdown-it's) whose `html_inline` tag opens or closes one of the
 * elements above, by their index: the element an opening tag opens, or `close` for its closing tag.
 * Tags are paired as a browser nests them, inside the Markdown emphasis or link they are in (a pair
 * never spans its edge); a tag without its pair is not listed (and is left out, as before), nor an
 * `<a>` without `href`, nor a pair with nothing between. Linear in the tokens: each open tag is closed or dropped once.
 */
export function pairedElements(tokens: readonly Token[]): Map<number, InlineElement | 'close'> {
  const paired = new Map<number, InlineElement | 'close'>();
  if (!tokens.some((token) => token.type === 'html_inline')) return paired;
  interface Opened {
    readonly tag: string;
    readonly index: number;
    readonly element: InlineElement | undefined;
  }
  // One stack of open tags for each Markdown element the tokens are in (the text's own first), and
  // how many are open in all, and in links (a link in a link is none: Discord shows its brackets).
  interface Frame {
    readonly open: Opened[];
    readonly counts: Map<string, number>;
    readonly link: boolean;
  }
  const frames: Frame[] = [{ open: [], counts: new Map(), link: false }];
  let openInAll = 0;
  let links = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) continue;
    if (token.nesting === 1) {
      const link = token.type === 'link_open';
      if (link) links++;
      frames.push({ open: [], counts: new Map(), link });
    } else if (token.nesting === -1 && frames.length > 1) {
      const closed = frames.pop();
      if (closed?.link === true) links--;
      // Its tags left open are left out: no longer open.
      for (const one of closed?.open ?? []) {
        openInAll--;
        if (one.element?.kind === 'link') links--;
      }
    }
    const frame = frames[frames.length - 1];
    if (token.type !== 'html_inline' || frame === undefined) continue;
    const html = token.content.trim();
    const opening = OPENING.exec(html);
    const tag = (opening ?? CLOSING_TAG.exec(html))?.[1]?.toLowerCase();
    const kind = tag === undefined ? undefined : KINDS[tag];
    if (tag === undefined || kind === undefined) continue;
    const { open, counts } = frame;
    if (opening !== null) {
      // `<br/>`-like self-closing tags hold nothing.
      if (html.endsWith('/>') || openInAll >= MAX_OPEN) continue;
      // An `<a>` in a link (or in another `<a>`, which a browser closes first) is its text.
      const element = kind === 'link' && links > 0 ? undefined : elementOf(kind, opening[2] ?? '');
      open.push({ tag, index, element });
      openInAll++;
      if (element?.kind === 'link') links++;
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
      continue;
    }
    if ((counts.get(tag) ?? 0) === 0) continue;
    // Tags opened inside it and not closed are closed with it, as a browser does: left out.
    for (let top = open.pop(); top !== undefined; top = open.pop()) {
      openInAll--;
      if (top.element?.kind === 'link') links--;
      counts.set(top.tag, (counts.get(top.tag) ?? 1) - 1);
      if (top.tag !== tag) continue;
      // One that holds nothing (an icon's `<i></i>`) is left out with its tags, as before.
      if (top.element !== undefined && index > top.index + 1) {
        paired.set(top.index, top.element);
        paired.set(index, 'close');
      }
      break;
    }
  }
  return paired;
}

/** The element of `kind` with the attributes written `attributes`; none for an `<a>` without `href`. */
function elementOf(kind: InlineKind, attributes: string): InlineElement | undefined {
  if (kind !== 'link') return { kind };
  const values = attributeValues(attributes);
  const url = values.get('href');
  return url === undefined ? undefined : { kind, url, title: values.get('title') ?? null };
}

/** An attribute as CommonMark's inline HTML writes one: a name, and a value quoted or not. */
const ATTRIBUTE = /([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of a tag, by name in lower case, their entities decoded; the first of a name counts. */
function attributeValues(attributes: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [, name = '', double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    if (!values.has(key)) values.set(key, decodeHTMLStrict(double ?? single ?? bare ?? ''));
  }
  return values;
}
