import type { Delete, ListItem, Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { Handle } from 'mdast-util-to-markdown';
import {
  deepNodeLine,
  DISCORD_MARKDOWN,
  escapeDiscordMarkup,
  MAX_INLINE_MARKS,
  parseMarkdown,
  plainText,
  text as discordText,
  writeDiscordMarkdown,
} from './markdown.js';
import { escapedBlockStart } from './block-starts.js';

/** Length in Unicode code points, the unit Discord counts its limits in. */
export function codePointLength(text: string): number {
  let n = 0;
  // As startsCodePoint, inline: every text sent is counted, some a megabyte long.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || !isHighSurrogate(text.charCodeAt(i - 1))) n++;
  }
  return n;
}

/** Where the code point after the first `points` of `text` starts, in UTF-16 units (its length when shorter). */
function codePointEnd(text: string, points: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (startsCodePoint(text, i)) {
      if (n === points) return i;
      n++;
    }
  }
  return text.length;
}

/**
 * Whether a code point starts at UTF-16 unit `i`: every unit but the low half of a surrogate pair. A
 * low surrogate without its high half is a character of its own, as Discord counts it: counted as
 * nothing, text of them would fit any limit and never be cut.
 */
function startsCodePoint(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit < 0xdc00 || unit > 0xdfff || !isHighSurrogate(text.charCodeAt(i - 1));
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** UTF-16 units read on each side of a cut to find its grapheme: emoji sequences and marks are a few long. */
const GRAPHEME_REACH = 32;

/**
 * The last grapheme boundary at or before `at` (a code point's start), so that a cut keeps an emoji
 * sequence (👩‍💻), a flag or a letter and its marks whole. Only the units around `at` are segmented
 * (texts can be a megabyte). A cluster longer than that, or than the room, is cut at `at` without
 * the joiners and marks before it, which would otherwise join the ellipsis.
 */
function graphemeStart(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return at;
  // Flags pair regional indicators from the start of their run, which a window may not see: inside
  // or right after a run, its own count says where a flag starts.
  let before = 0;
  for (let i = at - 2; i >= 0 && isRegional(text, i); i -= 2) before++;
  if (isRegional(text, at)) return before % 2 === 1 ? at - 2 : at;
  if (before > 0) return at;
  const from = Math.max(0, at - GRAPHEME_REACH);
  let start = from;
  for (const { index } of graphemes.segment(text.slice(from, at + GRAPHEME_REACH))) {
    if (from + index > at) break;
    start = from + index;
  }
  if (start > from) return start;
  const dangling = /[\p{M}\u200D]*$/u.exec(text.slice(from, at))?.[0] ?? '';
  return at - dangling.length;
}

/** Whether a regional indicator (half a flag: 🇫 of 🇫🇷) starts at `i`. */
function isRegional(text: string, i: number): boolean {
  const code = text.codePointAt(i) ?? 0;
  return code >= 0x1f1e6 && code <= 0x1f1ff;
}

/** An address's start (`https://`, `www.`), after any mark that may open it (`<`, `(`). */
const ADDRESS_START = /^[<(]?(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i;

/**
 * Whether the word that `at` is inside (or ends) is an address: cut inside it, Discord would still
 * link what is left, to a page that is not the one meant.
 */
function inAddress(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  return ADDRESS_START.test(text.slice(start, Math.min(at, start + 40)));
}

const ELLIPSIS = '…';

/** An address's scheme (`https://`), after any mark that may open it (`<`, `(`). */
const ADDRESS_OPENING = /^([<(]?)[a-z][a-z\d+.-]{0,31}:\/\//i;

/** What may follow an address in a sentence: read from the end, not by a pattern (a megabyte of `.`). */
const AFTER_ADDRESS = `.,;:!?'"`;

/** Longest host shown of an address cut short: past it, an address shows only as `…`. */
const HOST_SHOWN = 64;

/**
 * What a word that is an address too long for a chunk shows instead, cut in no two (each half would
 * link nowhere meant): its host and `…` (`https://x.example/a/very/long/path` → `x.example/…`), without
 * its scheme, so that Discord links none of it; a link to it would hold the whole address, longer than
 * the room. The `(` and `)` around it and the punctuation and space after it stay. Undefined for a
 * word that is no address.
 */
function shortAddress(word: string): string | undefined {
  const opening = ADDRESS_OPENING.exec(word);
  if (opening === null) return undefined;
  const open = opening[1] ?? '';
  const start = opening[0].length;
  let end = word.trimEnd().length;
  while (end > start && AFTER_ADDRESS.includes(word.charAt(end - 1))) end--;
  const closed = open !== '' && end > start && word.charAt(end - 1) === (open === '<' ? '>' : ')');
  const address = word.slice(start, closed ? end - 1 : end);
  const authority = address.slice(0, HOST_SHOWN * 4).split(/[/?#]/)[0] ?? '';
  // The host as written: no user before an `@`, no port.
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  const shown = host === '' || codePointLength(host) > HOST_SHOWN ? ELLIPSIS : `${host}/${ELLIPSIS}`;
  return `${open === '(' ? open : ''}${shown}${closed && open === '(' ? ')' : ''}${word.slice(end)}`;
}

/** Characters that open Markdown spans: emphasis, code, links and images, autolinks. */
const SPAN_MARK = /[*_`[<]/;

/** Word boundaries tried for a cut outside every span before the spans' markup is dropped. */
const MAX_CUTS_TRIED = 64;

/** Places inside a word tried for a cut, one grapheme apart: an escape or `&#x1F469;` cut in two shows as text. */
const IN_WORD_CUTS_TRIED = 10;

/**
 * Shortens plain text (a title, a label, a choice) to at most `max` code points, ending at a word
 * boundary with an ellipsis when it had to cut. Every character is kept as it is: `*`, `_` or `<T>`
 * in a title are the title's. When the last word boundary would keep less than half the room (a
 * long word, a title in Chinese or `a_b_c` without spaces), it is cut inside the word instead, at a
 * grapheme boundary.
 */
export function truncatePlain(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  return wordCut(text, max).cut + ELLIPSIS;
}

/**
 * Text shown as written where Discord reads Markdown's inline marks (a message, an embed's title, a
 * field's name): `__init__` would be underlined, `*args*` italic, `~~x~~` struck, `||x||` hidden, and
 * `<@123>` or `<:party:123>` drawn as a mention or an emoji (see escapeDiscordMarkup).
 */
export function escapeInline(text: string): string {
  return escapeDiscordMarkup(text.replace(/([[\]\\*_~`|])/g, '\\$1'));
}

/** Text as it was before {@link escapeInline} (or {@link truncateInline}, but for its cut). */
export function unescapeInline(text: string): string {
  return text.replace(/\\([[\]\\*_~`|<])/g, '$1');
}

/**
 * Plain text (a title, a name) as Markdown that shows it as written (see {@link escapeInline}), at
 * most `max` code points, escapes counted: cut as {@link truncatePlain} cuts, never between an
 * escape's `\` and its character.
 */
export function truncateInline(text: string, max: number): string {
  const escaped = escapeInline(text);
  if (codePointLength(escaped) <= max) return escaped;
  const { cut, inWord } = wordCut(escaped, max);
  return (inWord ? dropHalfEscape(cut).trimEnd() : cut) + ELLIPSIS;
}

/** `markdown` without the `\` of an escape cut from its character at its end; escaped backslashes (`\\`) kept. */
function dropHalfEscape(markdown: string): string {
  return markdown.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
}

/**
 * The longest start of `text` that leaves room for an ellipsis within `max` code points, ending at
 * a word boundary (trimmed), or inside a word at a grapheme boundary (`inWord`) when the last word
 * boundary would keep less than half the room: cutting `Tips · a_a_a…` at its last space kept
 * `Tips ·` of 256 code points.
 */
function wordCut(text: string, max: number): { cut: string; inWord: boolean } {
  const end = headEnd(text, max);
  const head = text.slice(0, end);
  const wordEnd = head.search(/\s\S*$/);
  const inWord = wordEnd <= 0 || (!keepsHalf(head.slice(0, wordEnd), max) && !inAddress(head, end));
  return { cut: (inWord ? head : head.slice(0, wordEnd)).trimEnd(), inWord };
}

/** Where the longest start of `text` that leaves room for an ellipsis ends, at a grapheme boundary. */
function headEnd(text: string, max: number): number {
  return graphemeStart(text, codePointEnd(text, max - 1));
}

/** Whether `kept` fills at least half of the room for `max` code points with an ellipsis. */
function keepsHalf(kept: string, max: number): boolean {
  return codePointLength(kept) * 2 >= max - 1;
}

/**
 * Shortens Markdown (a summary, a description) to at most `max` code points, like
 * {@link truncatePlain} but never inside a link, code span or emphasis (`…[a link with` would show
 * its `[`). When a span runs from the start past the limit, the spans lose their markup and keep
 * their text, written again as Markdown: escapes stay escapes, lines and lists stay.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  // Without spans it is cut as written Markdown is: never after a lone marker or inside an escape.
  if (!SPAN_MARK.test(text)) return truncateWritten(text, max);
  const parsed = parseMarkdown(text, { rawHtml: true });
  if (!parsed.ok) return truncateWritten(text, max);
  const shown = plainText(parsed.root);
  const end = headEnd(text, max);
  let tried = 0;
  for (const cut of markdownCuts(text, end, codePointEnd(text, Math.ceil((max - 1) / 2)))) {
    if (++tried > MAX_CUTS_TRIED) break;
    const kept = dropHalfEscape(text.slice(0, cut)).trimEnd();
    // Cut inside a span, its opening mark shows as text, which the whole text does not show there.
    const part = parseMarkdown(kept, { rawHtml: true });
    const partShown = part.ok ? plainText(part.root) : '';
    if (partShown.trim() === '' || !shown.startsWith(partShown)) continue;
    // A code block closed after the cut may not fit: an earlier cut is tried.
    const cutShort = withEllipsis(kept);
    if (codePointLength(cutShort) <= max) return cutShort;
  }
  return truncateWritten(writeWithoutSpans(parsed.root), max);
}

/**
 * Where to try cutting Markdown, best first: the word ends from `end` down to `least` (half the
 * room), then inside the word at `end` and a few graphemes before it, then the earlier word ends.
 */
function* markdownCuts(text: string, end: number, least: number): Generator<number> {
  // Not inside an address either (see inAddress), unless no word ends before it.
  const address = inAddress(text, end);
  let inWordTried = address;
  for (const at of wordEnds(text, end)) {
    if (at < least && !inWordTried) {
      inWordTried = true;
      yield* inWordCuts(text, end);
    }
    yield at;
  }
  if (!inWordTried || address) yield* inWordCuts(text, end);
}

/** `end` (a grapheme boundary) and the grapheme boundaries before it, last first. */
function* inWordCuts(text: string, end: number): Generator<number> {
  let at = end;
  for (let i = 0; i < IN_WORD_CUTS_TRIED && at > 0; i++) {
    yield at;
    // One code point back, then to its grapheme's start.
    at = graphemeStart(text, at - (startsCodePoint(text, at - 1) ? 1 : 2));
  }
}

/** Where words end in `text` (before white space) up to `end`, last first. */
function* wordEnds(text: string, end: number): Generator<number> {
  for (let i = end; i > 0; i--) {
    if (/\s/.test(text.charAt(i)) && !/\s/.test(text.charAt(i - 1))) yield i;
  }
}

/**
 * The tree as Markdown with every span's markup dropped and its text kept (code spans as text,
 * images as their alt text, HTML left out as Discord shows none), blocks as they were.
 */
function writeWithoutSpans(root: Root): string {
  const flatten = (nodes: readonly Nodes[]): Nodes[] =>
    nodes.flatMap((node): Nodes[] => {
      switch (node.type) {
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          return flatten(node.children);
        case 'inlineCode':
          return [{ type: 'text', value: node.value }];
        case 'image':
        case 'imageReference':
          return node.alt ? [{ type: 'text', value: node.alt }] : [];
        case 'html':
          return [];
        default:
          return 'children' in node ? [{ ...node, children: flatten(node.children) } as Nodes] : [node];
      }
    });
  const flat: Root = { type: 'root', children: flatten(root.children) as Root['children'] };
  return discordLines(
    writeDiscordMarkdown(flat, {
      ...DISCORD_MARKDOWN,
      handlers: { ...DISCORD_MARKDOWN.handlers, text: escapedText },
    }),
  );
}

/** A last line that is only a list, heading or quote marker would show the ellipsis as an empty item. */
function dropLoneMarker(markdown: string): string {
  return markdown
    .trimEnd()
    .replace(/(?:^|\n)[ \t>]*(?:[-+*]|\d{1,9}[.)]|#{1,6})$/, '')
    .trimEnd();
}

/**
 * Text as the Discord writer gives it, with every `_` escaped: CommonMark reads `2x_faster` as
 * text and the writer leaves it bare, but Discord underlines `__init__`.
 */
const escapedText: Handle = (node: Text, parent, state, info) =>
  discordText(node, parent, state, info).replace(/\\[^]|_/g, (found) => (found === '_' ? '\\_' : found));

/**
 * Markdown without spans cut like plain text, but never after a lone list marker or inside an escape
 * or character reference.
 */
function truncateWritten(markdown: string, max: number): string {
  if (codePointLength(markdown) <= max) return markdown;
  // Half an escape (`\`) or character reference (`&#x20;`, `&amp;`) would show as text; a word's
  // last `\` before white space is a hard break or shows as itself.
  let room = max;
  for (;;) {
    const { cut, inWord } = wordCut(markdown, room);
    const whole = inWord ? cut.replace(/&(?:#x?[\da-f]*|[a-z\d]*)$/i, '') : cut;
    const cutShort = withEllipsis(dropHalfEscape(whole));
    const over = codePointLength(cutShort) - max;
    // A code block closed after the cut needs room: the cut moves back by as much.
    if (over <= 0 || room <= 2) return cutShort;
    room = Math.max(2, room - over);
  }
}

/**
 * Markdown cut short with an ellipsis after it. A cut inside fenced code closes the code after the
 * ellipsis, as Discord shows an open fence as text, and the code after it as prose; a cut on the
 * fence's own line leaves the block out.
 */
function withEllipsis(kept: string): string {
  const fence = openFence(kept);
  if (fence === undefined) return dropLoneMarker(kept) + ELLIPSIS;
  if (fence.onFenceLine) return withEllipsis(kept.slice(0, Math.max(0, kept.lastIndexOf('\n'))));
  return `${kept.trimEnd()}${ELLIPSIS}\n${fence.closer}`;
}

/**
 * The line that closes the fenced code `markdown` ends inside (the fence, inside the same quotes and
 * list items), and whether it ends on the fence's own line; undefined when it ends outside code.
 */
function openFence(markdown: string): { closer: string; onFenceLine: boolean } | undefined {
  let fence: string | undefined;
  let closer = '';
  let onFenceLine = false;
  for (const line of markdown.split('\n')) {
    const start = CONTAINERS.exec(line)?.[0] ?? '';
    const before = fence;
    fence = fenceAfter(fence, line.slice(start.length));
    onFenceLine = before === undefined && fence !== undefined;
    // A list item's content is inside it by its marker's width.
    if (onFenceLine)
      closer = `${start.replace(/[-*+]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length))}${fence ?? ''}`;
  }
  return fence === undefined ? undefined : { closer, onFenceLine };
}

/**
 * Splits Markdown into chunks of at most `max` code points, breaking between blocks where it can,
 * then between lines (list items, lines of code), sentences and words. A chunk never ends inside a
 * link, code span or emphasis: it breaks before or after it. What is itself longer than `max` is
 * split inside, each chunk whole Markdown: emphasis and quotes are closed and opened again, fenced
 * code closed and reopened with its language, a list goes on at its number; a link keeps only its
 * text, a bare address only its host and `…` (see shortAddress), and a single word is cut. Chunks are trimmed, and read in Discord as written (see
 * {@link discordLines}). `balanced`, for chunks shown alike (fields, pages): a text just past a multiple of
 * `max` is shared out evenly rather than ending in a word or two.
 */
export function splitText(
  text: string,
  max: number,
  { balanced = false }: { balanced?: boolean } = {},
): string[] {
  const chunks = splitGreedily(text, max);
  const last = chunks.at(-1);
  if (!balanced || chunks.length < 2 || chunks.length > MAX_BALANCED || last === undefined) return chunks;
  if (codePointLength(last) * SMALL_LAST >= max) return chunks;
  // A text just past a multiple of `max` (a run-on tip of 1,030 characters) would end in a chunk of a
  // word or two: shown alone, as a field "(continued)", it reads as a mistake. The smallest limit that
  // makes no more chunks, and takes nothing apart that these keep whole (an address, a word), shares
  // the text out evenly.
  const shown = withoutWhiteSpace(chunks);
  let best = chunks;
  // Fewer than the text's length over the chunks' count makes more chunks: the search starts there.
  let low = Math.max(0, Math.floor((codePointLength(text.trim()) - chunks.length) / chunks.length) - 1);
  let high = max;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const split = splitGreedily(text, middle);
    if (split.length <= chunks.length && withoutWhiteSpace(split) === shown) {
      high = middle;
      best = split;
    } else low = middle;
  }
  return best;
}

/**
 * What chunks show, white space made one space, and a space between chunks: the same for a split
 * that takes nothing apart (a word cut in two, or an escape and what it escapes, shows a space more).
 */
function withoutWhiteSpace(chunks: readonly string[]): string {
  return chunks.join(' ').replace(/\s+/g, ' ');
}

/** Chunks made at most this many are shared out evenly (see splitText); more are split once, the last left as it is. */
const MAX_BALANCED = 8;
/** A last chunk shorter than `max` over this is shared out with those before it. */
const SMALL_LAST = 4;

/** Levels of lists, quotes and emphasis past which a text is split as plain text (see splitGreedily). */
const SPLIT_NESTING = 8;
/**
 * A list item indented, or a line quoted, as deep as {@link SPLIT_NESTING} levels of lists or
 * quotes; looked for only in a text without fenced code, whose lines may be indented so too.
 */
const DEEP_LINE = new RegExp(
  `^(?: {${2 * SPLIT_NESTING},}(?:[-+*]|\\d{1,9}[.)])[ \\t]|(?:> ?){${SPLIT_NESTING}})`,
  'm',
);

/** {@link splitText}'s chunks, each as long as it may be: the last may be short. */
function splitGreedily(text: string, max: number): string[] {
  const trimmed = discordLines(text.trim());
  if (trimmed === '') return [];
  if (codePointLength(trimmed) <= max) return [trimmed];
  // Nesting too deep to walk is no article's (content:check names it): split it as plain text. So
  // is nesting deeper than Discord shows, whose every chunk would open its levels again: a tip of a
  // list 31 levels deep took 150 ms to split into chunks of a few words. Seen in its lines' indents
  // before it is parsed, as lists are written (two columns or more a level), or else in its tree.
  const deep = !/```|~~~/.test(trimmed) && DEEP_LINE.test(trimmed);
  const parsed = deep ? undefined : parseMarkdown(trimmed, { rawHtml: true });
  const chunks =
    parsed?.ok === true && deepNodeLine(parsed.root, SPLIT_NESTING) === undefined
      ? splitTree(withStrikethrough(parsed.root), trimmed, max)
      : splitPlain(trimmed, max);
  // Only what no wrapping fits in (a limit shorter than a code fence) is cut as plain text.
  return chunks.flatMap((chunk) => (codePointLength(chunk) <= max ? [chunk] : splitPlain(chunk, max)));
}

/**
 * The tree with the `~~` marks in the texts of each paragraph (or heading, emphasis, link) paired as
 * Discord pairs them, from the first on, the next closing (a character or more after it, and not
 * before `_`), and what is between them made a strikethrough: CommonMark, read here, has none, and
 * as text one split into chunks would be open in one and closed in the next, both showing their
 * tildes. As a node it is closed and opened again, as emphasis is. Marks of different paragraphs,
 * or inside and outside emphasis, are no pair. Changed in place; walked without recursion.
 */
function withStrikethrough(root: Root): Root {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('children' in node)) continue;
    if (node.children.some((child) => child.type === 'text' && child.value.includes('~~')))
      node.children = struck(node.children as PhrasingContent[]);
    for (const child of node.children) stack.push(child);
  }
  return root;
}

/** Phrasing with each pair of `~~` in its texts made a strikethrough around what is between them (see withStrikethrough). */
function struck(children: readonly PhrasingContent[]): PhrasingContent[] {
  // The marks that pair, by turns opening and closing: the child they are in, and where.
  const marks: { child: number; at: number }[] = [];
  for (const [child, node] of children.entries()) {
    if (node.type !== 'text') continue;
    for (let at = node.value.indexOf('~~'); at >= 0;) {
      const opens = marks.length % 2 === 0;
      if (!opens && node.value[at + 2] === '_') {
        at = node.value.indexOf('~~', at + 1);
        continue;
      }
      marks.push({ child, at });
      // Crowded with marks, it stays text, as one crowded with emphasis is (see MAX_INLINE_MARKS):
      // writing its nodes would cost each chunk more than the split costs.
      if (marks.length > MAX_INLINE_MARKS + 1) return [...children];
      at = node.value.indexOf('~~', at + (opens ? 3 : 2));
    }
  }
  if (marks.length % 2 === 1) marks.pop();
  if (marks.length === 0) return [...children];
  const level: PhrasingContent[] = [];
  let into = level;
  let m = 0;
  for (const [child, node] of children.entries()) {
    if (node.type !== 'text' || marks[m]?.child !== child) {
      into.push(node);
      continue;
    }
    let from = 0;
    for (let mark = marks[m]; mark?.child === child; mark = marks[++m]) {
      if (mark.at > from) into.push({ type: 'text', value: node.value.slice(from, mark.at) });
      if (into === level) {
        const strikethrough: Delete = { type: 'delete', children: [] };
        level.push(strikethrough);
        into = strikethrough.children;
      } else into = level;
      from = mark.at + 2;
    }
    if (from < node.value.length) into.push({ type: 'text', value: node.value.slice(from) });
  }
  return level;
}

/**
 * What chunks are made of: a node kept whole, or part of a node's value (a word of a text with the
 * white space after it, a line of code with its line ending). Blocks stay whole until one does not
 * fit a chunk alone; then it is taken apart into its children (see {@link expand}).
 */
interface Leaf {
  /** The containers the node is in, outermost first, below the root. */
  readonly path: readonly Parents[];
  readonly node: Nodes;
  readonly part?: string;
  /** A whole block as the text has it, which is what writing it would give: kept, not written again. */
  readonly source?: string;
}

/** Leaves read by index, as an array is. */
interface Leaves {
  readonly length: number;
  at(index: number): Leaf | undefined;
}

/**
 * The leaves of a split, by index from the first on, of which only those not yet in a chunk are
 * kept, in reverse: taking one apart near the next chunk moves the few before it, not the rest of
 * the text after it (a megabyte of words), and its parts are added one by one, as spreading them
 * into a call overflows the stack.
 */
class LeafQueue implements Leaves {
  /** The leaves not yet in a chunk, the next last. */
  private readonly rest: Leaf[];
  /** How many leaves are in chunks: the index of the next. */
  private done = 0;

  constructor(leaves: readonly Leaf[]) {
    this.rest = leaves.toReversed();
  }

  get length(): number {
    return this.done + this.rest.length;
  }

  /** The leaf at `index`; undefined before the next, which is in a chunk. */
  at(index: number): Leaf | undefined {
    return index < this.done ? undefined : this.rest[this.rest.length - 1 - (index - this.done)];
  }

  /** The leaf at `index` (not in a chunk) replaced with `parts`. */
  replace(index: number, parts: readonly Leaf[]): void {
    const before = this.rest.splice(this.rest.length - (index - this.done));
    this.rest.pop();
    for (let i = parts.length - 1; i >= 0; i--) this.rest.push(parts[i] as Leaf);
    for (const leaf of before) this.rest.push(leaf);
  }

  /** The leaves before `index` are in a chunk. */
  drop(index: number): void {
    this.rest.length -= index - this.done;
    this.done = index;
  }
}

/** How good a place between two leaves is to break at: none, words, sentences, lines, blocks. */
type Strength = 0 | 1 | 2 | 3 | 4;

function splitTree(root: Root, text: string, max: number): string[] {
  const lines = text.split(/\r\n?|\n/);
  /** The lines `node` spans as the text has them. */
  const sourceOf = (node: Nodes): string | undefined => {
    const { start, end } = node.position ?? {};
    return start && end
      ? lines
          .slice(start.line - 1, end.line)
          .join('\n')
          .trim() || undefined
      : undefined;
  };
  const leaves = new LeafQueue(
    root.children.map((node) => {
      const source = sourceOf(node);
      return { path: [], node, ...(source ? { source } : {}) };
    }),
  );
  // Leaves as written, while they stay as they are: a chunk is written once to fit it and kept.
  let written = new Map<string, string>();
  const write = (from: number, to: number): string => {
    const key = `${from}:${to}`;
    let markdown = written.get(key);
    if (markdown === undefined) {
      markdown = writeChunk(leaves, from, to);
      written.set(key, markdown);
    }
    return markdown;
  };
  const size = (from: number, to: number): number => codePointLength(write(from, to));
  const fits = (from: number, to: number): boolean => size(from, to) <= max;
  /** Takes the leaf at `at` apart; false when it cannot be. */
  const expandAt = (at: number): boolean => {
    const leaf = leaves.at(at);
    const parts = leaf === undefined ? undefined : expand(leaf, max, sourceOf);
    if (parts === undefined) return false;
    leaves.replace(at, parts);
    written = new Map();
    return true;
  };
  const chunks: string[] = [];
  let start = 0;
  while (start < leaves.length) {
    const count = fittingCount(leaves, start, max, size);
    if (count === 0 && expandAt(start)) continue;
    let end = start + Math.max(1, count);
    const next = leaves.at(end);
    // A long span inside a paragraph goes on in this chunk rather than after a break before it.
    if (
      next !== undefined &&
      breakStrength(leaves.at(end - 1), next) < 3 &&
      fittingCount(leaves, end, max, size, 1) === 0 &&
      expandAt(end)
    )
      continue;
    if (end < leaves.length) {
      const best = bestBreak(leaves, start, end);
      // Fewer leaves are shorter written, but for an escape that a new last word may need.
      if (best < end && fits(start, best)) end = best;
    }
    const chunk = write(start, end);
    if (chunk !== '') chunks.push(chunk);
    start = end;
    leaves.drop(start);
    written = new Map();
  }
  return chunks;
}

/**
 * How many leaves from `start` (up to `most`) fit one chunk, 0 when the first alone does not:
 * guessed from their lengths, then searched from the guess, each try where the length written
 * would reach `max` at the rate of the last (markup and escapes can double a text), so that a chunk
 * is written a few times rather than once per word. Written, a leaf is no shorter than its text.
 */
function fittingCount(
  leaves: Leaves,
  start: number,
  max: number,
  size: (from: number, to: number) => number,
  most = Infinity,
): number {
  const available = Math.min(most, leaves.length - start);
  let guess = 0;
  for (let length = 0; guess < available; guess++) {
    const leaf = leaves.at(start + guess);
    if (leaf === undefined) break;
    // Whole blocks are written with a blank line between them.
    length += estimate(leaf) + (guess > 0 && leaf.part === undefined ? 2 : 0);
    if (length > max) break;
  }
  if (guess === 0) return 0;
  // None is known to fit, and more than there are do not; past the guess, never twice those that fit.
  return mostFitting(
    guess,
    0,
    available + 1,
    max,
    (count) => size(start, start + count),
    (low) => Math.max(2 * low + 1, guess),
  );
}

/**
 * The most of something (leaves, code points) whose size written is at most `max`, `low` of them
 * known to fit and `high` not, tried first at `count`. Each try aims where the size would reach
 * `max` at the rate of the last, which markup and escapes can make far from one (a fence, `\<`),
 * so that it takes a few writes rather than a search's twenty; after a few, what is left is halved.
 * No try is of more than `reach(low)`.
 */
function mostFitting(
  count: number,
  low: number,
  high: number,
  max: number,
  size: (count: number) => number,
  reach: (low: number) => number = () => Infinity,
): number {
  for (let tries = 0; high - low > 1; tries++) {
    const length = size(count);
    if (length <= max) low = count;
    else high = count;
    const aimed = tries < 4 ? Math.floor((count * max) / Math.max(1, length)) : Math.floor((low + high) / 2);
    count = Math.min(Math.max(aimed, low + 1), high - 1, reach(low));
  }
  return low;
}

/** The length of a leaf's text: what it is written as has its markup, address and escapes too. */
function estimate(leaf: Leaf): number {
  return codePointLength(leaf.part ?? leaf.source ?? plainText(leaf.node));
}

/** The last of the strongest places to break at in (start, end]; `end` when no place is any good. */
function bestBreak(leaves: Leaves, start: number, end: number): number {
  let best = end;
  let bestStrength = 0;
  for (let at = start + 1; at <= end; at++) {
    const strength = breakStrength(leaves.at(at - 1), leaves.at(at));
    if (strength > 0 && strength >= bestStrength) {
      best = at;
      bestStrength = strength;
    }
  }
  return best;
}

function breakStrength(before: Leaf | undefined, after: Leaf | undefined): Strength {
  if (before === undefined || after === undefined) return 4;
  if (before.node === after.node)
    return before.node.type === 'code' || before.node.type === 'html' ? 3 : textBreak(before);
  let common = 0;
  while (common < before.path.length && before.path[common] === after.path[common]) common++;
  const parent = before.path[common - 1];
  if (parent === undefined) return 4;
  switch (parent.type) {
    case 'paragraph':
    case 'heading':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
      return before.node.type === 'break' ? 3 : textBreak(before);
    default:
      return 3;
  }
}

/** Inside phrasing, only white space at the end of a word is a place to break (see {@link partsOf}). */
function textBreak(before: Leaf): Strength {
  const part = before.part ?? '';
  // trimEnd, not `/\s+$/` (see white-space.ts).
  const word = part.trimEnd();
  if (word.length === part.length) return 0;
  if (part.includes('\n', word.length)) return 3;
  return /[.!?]["'”’)\]*_]*$/.test(word) ? 2 : 1;
}

/**
 * The leaves `leaf` is made of when it does not fit a chunk alone; undefined when it cannot be taken
 * apart (a single character), and it is written as it is.
 */
function expand(leaf: Leaf, max: number, sourceOf: (node: Nodes) => string | undefined): Leaf[] | undefined {
  const { node, path } = leaf;
  if (leaf.part !== undefined) return cutPart(leaf, max);
  switch (node.type) {
    case 'list':
      // A list of the text's own lines (not in a quote or item, whose lines carry their markers) is
      // taken apart into its items as written: writing a long list from its tree cost 30 times more.
      if (leaf.source !== undefined && path.length === 0)
        return node.children.map((item) => {
          const source = sourceOf(item);
          return { path: [node], node: item, ...(source ? { source } : {}) };
        });
      return childLeaves(node.children, [...path, node]);
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
      return partsOf(node, path);
    case 'link': {
      // A bare address (`<https://…>`, a link whose text is its address) is shortened whole.
      const [only, ...others] = node.children;
      const short =
        others.length === 0 && only?.type === 'text' && only.value === node.url
          ? shortAddress(node.url)
          : undefined;
      if (short !== undefined) return [{ path, node: { type: 'text', value: '' }, part: short }];
      // A link longer than a chunk keeps only its text (Discord shows no link split in two).
      return childLeaves(node.children, path);
    }
    case 'image':
      return [{ path, node: { type: 'text', value: '' }, part: node.alt?.trim() || 'image' }];
    default:
      return 'children' in node ? childLeaves(node.children, [...path, node]) : undefined;
  }
}

/** Children as leaves: texts in words from the start, so that a chunk can end inside one. */
function childLeaves(children: readonly Nodes[], path: readonly Parents[]): Leaf[] {
  const leaves: Leaf[] = [];
  for (const node of children) {
    if (node.type === 'text') for (const leaf of partsOf(node, path)) leaves.push(leaf);
    else leaves.push({ path, node });
  }
  return leaves;
}

/** A value in words, each with the white space after it (white space first is a part of its own), or in lines. */
function partsOf(node: Nodes & { value: string }, path: readonly Parents[]): Leaf[] {
  const parts =
    node.type === 'code' || node.type === 'html'
      ? node.value.split(/(?<=\n)/)
      : (node.value.match(/^\s+|\S+\s*/g) ?? []);
  return parts.map((part) => ({ path, node, part }));
}

/**
 * A part longer than a chunk cut into pieces, each as many code points as fit a chunk alone from
 * where the one before it ends (it is written with its containers), but the last, which fits. All
 * are cut at once: cutting the first off the rest again and again read the rest each time.
 */
function cutPart(leaf: Leaf, max: number): Leaf[] | undefined {
  // An address in a text (Discord links `https://…` there too) is shortened whole, not cut.
  const short = leaf.node.type === 'text' ? shortAddress(leaf.part ?? '') : undefined;
  if (short !== undefined) return [{ ...leaf, part: short }];
  const points = Array.from(leaf.part ?? '');
  if (points.length < 2) return undefined;
  const piece = (from: number, to: number): Leaf => ({ ...leaf, part: points.slice(from, to).join('') });
  const size = (from: number, to: number): number => codePointLength(writeLeaves([piece(from, to)], 0, 1));
  // Written alone, a piece of text loses the white space it ends with, of code its line ending: the
  // rest is written to see whether it fits only when it may, not for each piece of a megabyte.
  let kept = points.length - 1;
  if (leaf.node.type !== 'code' && leaf.node.type !== 'html')
    while (kept >= 0 && /\s/.test(points[kept] ?? '')) kept--;
  const pieces: Leaf[] = [];
  let from = 0;
  while (
    points.length - from > 1 &&
    !(pieces.length > 0 && kept - from <= max && size(from, points.length) <= max)
  ) {
    const start = from;
    // A code point is taken to fit; first tried, the longest that may.
    const high = Math.min(points.length - start, max + 1);
    from += mostFitting(high - 1, 1, high, max, (count) => size(start, start + count));
    pieces.push(piece(start, from));
  }
  pieces.push(piece(from, points.length));
  return pieces;
}

/**
 * Leaves `from` to `to` (excluded) as Markdown: whole blocks and list items as they were, the others
 * written. Items of one list are joined as the list is (tight or loose), and a list's first item in
 * the chunk has the number it is shown with, whatever the text wrote (`1.` for every item).
 */
function writeChunk(leaves: Leaves, from: number, to: number): string {
  let markdown = '';
  const add = (block: string, joiner: string): void => {
    if (block !== '') markdown = markdown === '' ? block : markdown + joiner + block;
  };
  let run = from;
  for (let i = from; i < to; i++) {
    const leaf = leaves.at(i);
    if (leaf?.source === undefined) continue;
    if (run < i) add(writeLeaves(leaves, run, i), '\n\n');
    run = i + 1;
    const list = leaf.node.type === 'listItem' ? leaf.path.at(-1) : undefined;
    if (list?.type !== 'list') {
      add(leaf.source, '\n\n');
      continue;
    }
    const previous = i > from ? leaves.at(i - 1) : undefined;
    if (previous?.path.includes(list) === true) {
      add(leaf.source, list.spread === true ? '\n\n' : '\n');
      continue;
    }
    const number = (list.start ?? 1) + list.children.indexOf(leaf.node as ListItem);
    add(
      list.ordered === true ? leaf.source.replace(/^\d{1,9}(?=[.)])/, String(number)) : leaf.source,
      '\n\n',
    );
  }
  if (run < to) add(writeLeaves(leaves, run, to), '\n\n');
  return markdown;
}

/** Leaves `from` to `to` (excluded) as Markdown: their containers rebuilt around them. */
function writeLeaves(leaves: Leaves, from: number, to: number): string {
  const root: Root = { type: 'root', children: [] };
  const copies = new Map<Nodes, Nodes>();
  /** Adds `node`, or the copy of it, to the copy of its parent `original`. */
  const append = (parent: Parents, original: Parents | undefined, node: Nodes, copy = node): void => {
    // An ordered list goes on at the number of its first item here.
    if (parent.type === 'list' && original?.type === 'list' && parent.children.length === 0 && parent.ordered)
      parent.start = (original.start ?? 1) + original.children.indexOf(node as ListItem);
    (parent.children as Nodes[]).push(copy);
  };
  const valued: (Nodes & { value: string })[] = [];
  for (let i = from; i < to; i++) {
    const leaf = leaves.at(i);
    if (leaf === undefined) continue;
    let parent: Parents = root;
    let original: Parents | undefined;
    for (const container of leaf.path) {
      let copy = copies.get(container) as Parents | undefined;
      if (copy === undefined) {
        copy = { ...container, children: [] };
        append(parent, original, container, copy);
        copies.set(container, copy);
      }
      parent = copy;
      original = container;
    }
    if (leaf.part === undefined) {
      append(parent, original, leaf.node);
      continue;
    }
    let copy = copies.get(leaf.node) as (Nodes & { value: string }) | undefined;
    if (copy === undefined) {
      copy = { ...leaf.node, value: '' };
      append(parent, original, leaf.node, copy);
      copies.set(leaf.node, copy);
      valued.push(copy);
    }
    copy.value += leaf.part;
  }
  for (const copy of valued) {
    // A line of code keeps its line ending, which the fence closes; white space at the edges of a
    // chunk would be written as `&#x20;`.
    if (copy.type === 'code' || copy.type === 'html') copy.value = copy.value.replace(/\n$/, '');
  }
  const first = leaves.at(from);
  const last = leaves.at(to - 1);
  if (first?.part !== undefined) trimValue(copies.get(first.node), 'start');
  if (last?.part !== undefined) trimValue(copies.get(last.node), 'end');
  return discordLines(writeDiscordMarkdown(root));
}

function trimValue(node: Nodes | undefined, edge: 'start' | 'end'): void {
  if (node?.type !== 'text' && node?.type !== 'inlineCode') return;
  node.value = edge === 'start' ? node.value.trimStart() : node.value.trimEnd();
}

/** Separators to split plain text at, most preferred first: paragraphs, lines, sentences, words. */
const BREAKS = [/\n\s*\n/g, /\n/g, /(?<=[.!?])\s+/g, /\s+/g] as const;

/**
 * Splits `text` as plain text into chunks of at most `max` code points, breaking between paragraphs
 * where it can, then lines, sentences and words. Only a single word longer than `max` is broken
 * inside itself.
 */
function splitPlain(text: string, max: number): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (codePointLength(trimmed) <= max) return [trimmed];
  for (const separator of BREAKS) {
    const pieces = splitKeepingOrder(trimmed, separator);
    if (pieces.length > 1) return packPieces(pieces, max);
  }
  // One word longer than the limit: an address shortened (see shortAddress), else cut into equal slices.
  const short = shortAddress(trimmed)?.trim();
  if (short !== undefined && codePointLength(short) <= max) return [short];
  const chars = Array.from(trimmed);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += max) chunks.push(chars.slice(i, i + max).join(''));
  return chunks;
}

interface Piece {
  text: string;
  /** The separator that followed this piece in the source ('' for the last). */
  separator: string;
}

function splitKeepingOrder(text: string, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    pieces.push({ text: text.slice(start, match.index), separator: match[0] });
    start = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(start), separator: '' });
  return pieces.filter((piece) => piece.text.trim() !== '');
}

function packPieces(pieces: Piece[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  // The length of `current` without the white space it starts with, kept as it grows: measuring
  // each longer candidate again made a chunk of short words cost its length squared.
  let length = 0;
  let pendingSeparator = '';
  for (const piece of pieces) {
    const joined = length + codePointLength(pendingSeparator);
    const candidate =
      current === '' ? codePointLength(piece.text.trim()) : joined + codePointLength(piece.text.trimEnd());
    if (candidate <= max) {
      length =
        current === '' ? codePointLength(piece.text.trimStart()) : joined + codePointLength(piece.text);
      current = current === '' ? piece.text : current + pendingSeparator + piece.text;
    } else {
      if (current.trim() !== '') chunks.push(current.trim());
      if (codePointLength(piece.text.trim()) <= max) {
        current = piece.text;
        length = codePointLength(piece.text.trimStart());
      } else {
        // This piece alone is too long: split it at the next finer separator (one by one: there
        // can be more than a call takes arguments).
        const parts = splitPlain(piece.text, max);
        for (const part of parts.slice(0, -1)) chunks.push(part);
        current = parts.at(-1) ?? '';
        length = codePointLength(current);
      }
    }
    pendingSeparator = piece.separator;
  }
  if (current.trim() !== '') chunks.push(current.trim());
  return chunks;
}

/** What opens a line of written Markdown before its text: indentation, quote and list markers. */
const CONTAINERS = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*/;
/** Indentation alone. */
const INDENT = /^[ \t]*/;
/** A code fence, after the line's containers. */
const FENCE = /^(`{3,}|~{3,})/;

/**
 * `markdown` with `fix` applied to each line outside fenced code, after what `prefix` matches at
 * the line's start.
 */
function mapLineStarts(markdown: string, prefix: RegExp, fix: (rest: string) => string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const start = prefix.exec(line)?.[0] ?? '';
      const rest = line.slice(start.length);
      const before = fence;
      fence = fenceAfter(fence, rest);
      return before === undefined && fence === undefined ? start + fix(rest) : line;
    })
    .join('\n');
}

/** The fence open after a line (`rest`, after its containers), `open` the one open before it. */
function fenceAfter(open: string | undefined, rest: string): string | undefined {
  const mark = FENCE.exec(rest)?.[1];
  if (open === undefined) return mark;
  const closes =
    mark !== undefined &&
    mark[0] === open[0] &&
    mark.length >= open.length &&
    rest.slice(mark.length).trim() === '';
  return closes ? undefined : open;
}

/**
 * Markdown written for CommonMark made to read the same in Discord, whose Markdown differs at a
 * line's start: `-# ` is Discord's subtext (plain text to CommonMark), so it is escaped; and the `\`
 * CommonMark needs before a `~` there (`~~~` opens code) is dropped before one or two tildes, as
 * Discord would show `\~~old~~` as tildes, not struck text. Tildes escaped one by one (`\~\~`, a
 * strikethrough mark without its pair: see escapeLoneStrikes) keep their escapes. Idempotent.
 */
export function discordLines(markdown: string): string {
  if (!/-#|\\~/.test(markdown)) return markdown;
  return mapLineStarts(markdown, CONTAINERS, (rest) =>
    rest.replace(/^-#(?=\s|$)/, '\\-#').replace(/^\\(~{1,2})(?!~|\\~)/, '$1'),
  );
}

/**
 * Markdown whose lines are all text, as a summary under a title in a list is: a heading, subtext,
 * quote or list item opening a line is escaped (`\# Big`, `\-# small`, `\> quote`, `\- item`,
 * `1\. step`), and spans (emphasis, links, code) are kept. What is already escaped stays as it is.
 */
export function escapeBlockStarts(markdown: string): string {
  const escaped = mapLineStarts(markdown, INDENT, escapedBlockStart);
  return discordLines(escaped);
}

/**
 * Control characters and bidirectional overrides removed (`\u202E` would turn the rest of a reply
 * around), and every run of white space made one space: for echoing what a user typed.
 * Joiners (ZWJ) stay: emoji sequences need them.
 */
export function plainLine(text: string): string {
  return text
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}
