import type {
  Break,
  Code,
  Delete,
  FootnoteReference,
  Heading,
  InlineCode,
  Nodes,
  Parents,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Text,
} from 'mdast';
import markdownIt from 'markdown-it';
import {
  defaultHandlers,
  toMarkdown,
  type AttentionInfo,
  type Handle,
  type Info,
  type Options,
  type State,
} from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { convertHtmlBlocks, foldedSpans } from './html-block-nodes.js';
import { INVISIBLE_CHARS } from './invisible.js';
import { CLOSING_TAG, isBlockTag, OPENING_TAG } from './html-blocks.js';
import { footnoteMarker, noteParagraphs, readBlocks } from './markdown-tree.js';
import { TAG_TRACE } from './mdx.js';
import {
  afterRemovals,
  BREAK,
  CLOSING_PUNCTUATION,
  HELD,
  OPENERS,
  REMOVED,
  rewriteOutsideCode,
  withoutCodeSpans,
  type Replacement,
} from './outside-code.js';
import { isRefMark, REF_LINK_START, REF_SCHEME, refMark, withoutStrayMarks } from './page-refs.js';
import { isHttpUrl, resolveLink } from './urls.js';
import { TextPieces } from './text-pieces.js';
import { joinedLines, withoutTrailingBlanks } from './white-space.js';

/**
 * How deep Markdown may nest: lists, quotes, emphasis and links together. The Markdown tools walk the
 * tree recursively and have no bound of their own: a list or quote a few thousand deep overflows the
 * stack, and emphasis a few hundred deep takes mdast-util-to-markdown seconds. No article needs 32.
 */
export const MAX_NESTING = 32;

/** A list marker (`-`, `+`, `*`, `1.`, `1)`) with the space after it, at `lastIndex`. */
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/y;

export type ParsedMarkdown =
  | { readonly ok: true; readonly root: Root }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Parses Markdown, or says where it holds more than it may: too many blocks (counted before any
 * parsing), lists and quotes nested deeper than {@link MAX_NESTING} levels or paragraphs crowded with
 * marks (found once the blocks are read, in linear time, and before their text is: its reading may
 * take time growing faster than those), and anything else deep after it; all before any recursive
 * walk of the tree. HTML blocks are read as the Markdown nodes they stand for (see
 * convertHtmlBlocks), but in MDX or where `rawHtml` keeps them as `html` nodes.
 */
export function parseMarkdown(
  source: string,
  { mdx = false, rawHtml = false }: { mdx?: boolean; rawHtml?: boolean } = {},
): ParsedMarkdown {
  // Both scans read the same lines and skip the lines markdown-it reads no Markdown in (code, HTML).
  const lines = source.split(source.includes('\r') ? /\r\n?|\n/ : '\n');
  const manyLine = manyBlocksLine(lines);
  if (manyLine !== undefined) {
    return {
      ok: false,
      line: manyLine,
      message: `more than ${MAX_BLOCKS.toLocaleString('en')} paragraphs, list items, quotes, headings and table rows in one post; split it`,
    };
  }
  const blocks = readBlocks(source, { mdx });
  const code = blocks.rawLines;
  const deepLine = deepContainerLine(lines, code, mdx);
  if (deepLine !== undefined) {
    return {
      ok: false,
      line: deepLine,
      message: `nesting deeper than ${MAX_NESTING} levels (lists or quotes); flatten it`,
    };
  }
  const crowded = crowdedParagraphLine(lines, code);
  if (crowded !== undefined) {
    return {
      ok: false,
      line: crowded.line,
      message: crowded.table
        ? `more than ${MAX_TABLE_MARKS} emphasis marks or brackets in one table; split it`
        : `more than ${MAX_INLINE_MARKS} emphasis marks or brackets, or brackets nested more than ${MAX_BRACKET_DEPTH} deep, in one paragraph; simplify it`,
    };
  }
  const root = blocks.tree();
  // The notes are phrasing kept beside the tree (see Footnotes): as deep as any paragraph may be.
  const deepNode = deepNodeLine(root) ?? deepNodeLine({ type: 'root', children: noteParagraphs(root) });
  if (deepNode !== undefined) {
    return {
      ok: false,
      line: deepNode,
      message: `nesting deeper than ${MAX_NESTING} levels (lists, quotes, emphasis or links); flatten it`,
    };
  }
  // HTML blocks (`<p>`, `<ul>`) as the Markdown they stand for; MDX's are components, and `rawHtml`
  // keeps them as written (Discord's own text, split or cut by the lines it is written on).
  if (!mdx && !rawHtml) {
    const folded = foldedSpans(root);
    if (folded.length > 0) root.data = { ...root.data, folded };
    convertHtmlBlocks(root, { maxNesting: MAX_NESTING });
  }
  return { ok: true, root };
}

/**
 * The first line (1-based) that opens a list or quote more than {@link MAX_NESTING} levels deep: the
 * `>` and list markers written on it, and the list items of the lines above that it is inside (a
 * marker at or past their content's column). Indentation alone is no level: deeply indented code or
 * text nests nothing, nor does a marker four columns past its container's content, which is code
 * (but in MDX, which has none). Only an estimate, made before parsing: anything deep it lets through
 * (lazy lines, markers inside a list's code) is found in the tree, which markdown-it bounds.
 */
function deepContainerLine(
  lines: readonly string[],
  code: readonly boolean[],
  mdx: boolean,
): number | undefined {
  // The content columns of the list items open above, innermost last, at `openQuotes` quotes.
  let open: number[] = [];
  let openQuotes = 0;
  let afterBlank = true;
  for (const [index, line] of lines.entries()) {
    if (code[index] === true) {
      afterBlank = false;
      continue;
    }
    const { quotes, markers, column, first, contents, text } = containerPrefix(line);
    if (markers === 0 && !text) {
      if (quotes > MAX_NESTING) return index + 1;
      afterBlank = true;
      continue;
    }
    if (quotes !== openQuotes) open = [];
    openQuotes = quotes;
    // A line of text after a blank one leaves the items it is not indented into; right after text it
    // may be a lazy continuation, which leaves none.
    const at = first ?? column;
    if (first !== undefined || afterBlank) while ((open.at(-1) ?? -1) > at) open.pop();
    afterBlank = false;
    // A line without markers opens nothing, rule or not.
    const rule = markers > 0 && isThematicBreak(line);
    const indentedCode = !mdx && first !== undefined && first - (open.at(-1) ?? 0) >= 4;
    const opened = rule || indentedCode ? 0 : markers;
    if (quotes + open.length + opened > MAX_NESTING) return index + 1;
    if (opened > 0) open.push(...contents);
  }
  return undefined;
}

/**
 * The `>` and list markers a line starts with: the column (inside its quotes, tabs to stops of four)
 * of its first marker and of its text, where each marker's content starts, and whether text follows.
 */
function containerPrefix(line: string): ContainerPrefix {
  if (PLAIN_START.test(line)) return PLAIN_LINE;
  let quotes = 0;
  let column = 0;
  let first: number | undefined;
  const contents: number[] = [];
  let i = 0;
  // Past the bound, the rest of a hostile line (`- - - …` a megabyte long) need not be read.
  while (i < line.length && quotes + contents.length <= MAX_NESTING) {
    const char = line[i];
    if (char === ' ' || char === '\t') {
      column = char === '\t' ? column + 4 - (column % 4) : column + 1;
      i++;
    } else if (char === '>') {
      quotes++;
      i += line[i + 1] === ' ' ? 2 : 1;
      // Columns are counted inside the innermost quote, until a list starts.
      if (first === undefined) column = 0;
    } else {
      LIST_MARKER.lastIndex = i;
      if (!LIST_MARKER.test(line)) break;
      MARKER.lastIndex = i;
      const marker = MARKER.exec(line)?.[0].length ?? 1;
      first ??= column;
      i += marker;
      column += marker;
      // Its content starts after one to four spaces; at the end of the line, or past four, after one.
      SPACES.lastIndex = i;
      const spaces = SPACES.exec(line)?.[0] ?? '';
      const width = spaces.replace(/\t/g, '    ').length;
      contents.push(column + (i + spaces.length >= line.length || width > 4 ? 1 : width));
    }
  }
  return { quotes, markers: contents.length, column, first, contents, text: i < line.length };
}

interface ContainerPrefix {
  readonly quotes: number;
  readonly markers: number;
  readonly column: number;
  readonly first: number | undefined;
  readonly contents: readonly number[];
  readonly text: boolean;
}

/** A line starting with text: no quote, marker or indentation (most lines of an article). */
const PLAIN_START = /^[^ \t>+*\-\d]/;
const PLAIN_LINE: ContainerPrefix = {
  quotes: 0,
  markers: 0,
  column: 0,
  first: undefined,
  contents: [],
  text: true,
};

/** A list marker's own characters, without the space after it, at `lastIndex`. */
const MARKER = /(?:[-+*]|\d{1,9}[.)])/y;
const SPACES = /[ \t]*/y;

/**
 * Emphasis runs (`*`, `__`, …) and brackets (`[`, `![`) a paragraph may hold. Parsers match them
 * pairwise, some in time that grows faster than their count (micromark, which read articles before
 * markdown-it, took seconds for 4,000 nested emphasis marks in one paragraph, half a minute for
 * 4,000 nested images), and writing them back is recursive. A paragraph with 64 emphasised phrases
 * is far beyond any article.
 */
export const MAX_INLINE_MARKS = 128;

/**
 * Emphasis marks and brackets a whole table may hold, each row counting to {@link MAX_INLINE_MARKS}
 * alone. A table is written as one paragraph of its rows (see treeOf in markdown-tree.ts): flat, but
 * its time grew faster than its marks (24 s for a 900 KB table of marks, 13 s for the same rows as
 * paragraphs, with micromark). Tables of links a few hundred rows long (hugoDocs' emoji tables) hold a few hundred.
 */
export const MAX_TABLE_MARKS = 4096;

/**
 * A line that starts a new block, so that a list's items are counted one by one; so does a footnote's
 * note (`[^1]: …`), a block of its own, however many are written line after line, and the line of a
 * note an item shows (`¹ …`, see ItemNotes), its text read again when it is split.
 */
const BLOCK_START = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)]|#{1,6})(?:[ \t]|$)|\[\^[^\]\s]+\]:|[⁰¹²³⁴-⁹]+ )/;

/**
 * How many blocks (paragraphs, list items, headings, quotes, a table's rows) a post may have. Each costs the parser
 * and the writer a few hundred bytes and tens of microseconds: a megabyte of one-word list items took
 * 9 s and more than 512 MB. A long post has a few hundred; a changelog of years, a few thousand.
 */
export const MAX_BLOCKS = 20_000;

/**
 * The line where the post's blocks pass {@link MAX_BLOCKS}, counted before anything is parsed: a
 * line that opens a list item, a heading or a quote (each quote it is in: `> > x` is two, as a
 * thousand lines 31 quotes deep made the parser hold 500 MB), or the first of its text after a blank
 * line. An estimate on the safe side: lines of code that look like it count too.
 */
function manyBlocksLine(lines: readonly string[]): number | undefined {
  let blocks = 0;
  let afterBlank = true;
  for (const [index, line] of lines.entries()) {
    const blank = line.trim() === '';
    const quotes = QUOTE_MARKS.exec(line)?.[0].replace(/[^>]/g, '').length ?? 0;
    // Deeper than may be (or code that looks so): one, that problem being named later if it is one
    // (see deepContainerLine), not the count.
    if (quotes > 0) blocks += quotes > MAX_NESTING ? 1 : quotes;
    // A table's rows count one by one: each is read as a row of its own (see treeOf in markdown-tree.ts).
    else if (!blank && (afterBlank || BLOCK_START.test(line) || line.includes('|'))) blocks++;
    if (blocks > MAX_BLOCKS) return index + 1;
    afterBlank = blank;
  }
  return undefined;
}

/** The quote marks that open a line (`> > `), with the white space between them. */
const QUOTE_MARKS = /^[ \t]*(?:>[ \t]*)+/;

/** A kramdown abbreviation's definition (`*[HTML]: HyperText…`), which is left out: no marks of a paragraph. */
const ABBREVIATION = /^ {0,3}\*\[(?:[^[\]\\]|\\.)+\]:[ \t]*\S/;

/** Brackets (links, images) open inside each other: matching nested images cost micromark the cube of their depth. */
export const MAX_BRACKET_DEPTH = 8;

/**
 * The first line of a paragraph (or list item) with more than {@link MAX_INLINE_MARKS} marks, or
 * brackets open more than {@link MAX_BRACKET_DEPTH} deep, or of a table with more than
 * {@link MAX_TABLE_MARKS}. A table's rows and link reference definitions (`[Name]: https://…`) count
 * one by one: GFM parsers read a table's cells alone, and a definition is no paragraph. Brackets open
 * across a table's rows still count, as they may across a paragraph's lines that only look like one.
 */
function crowdedParagraphLine(
  lines: readonly string[],
  code: readonly boolean[],
): { line: number; table: boolean } | undefined {
  let start = 0;
  let marks = 0;
  let depth = 0;
  let table = false;
  let tableStart = 0;
  let tableMarks = 0;
  // A definition cannot interrupt a paragraph: one is read after a blank line, code, or another.
  let definitionMayStart = true;
  let afterDefinition = false;
  for (const [index, line] of lines.entries()) {
    // What is left of a line of MDX tags ends a paragraph, as the blank line it once was did.
    const blank = line.trim() === '' || line.trim() === TAG_TRACE;
    if (code[index] === true || blank || ABBREVIATION.test(line) || isThematicBreak(line)) {
      // A blank line, a code block, an abbreviation or a rule ends a paragraph; the next one starts on the line after it.
      start = index + 1;
      marks = 0;
      depth = 0;
      table = false;
      definitionMayStart = true;
      afterDefinition = false;
      continue;
    }
    const definition: boolean = definitionMayStart && isLinkDefinition(line);
    definitionMayStart = definition;
    const blockStart = BLOCK_START.test(line);
    if (blockStart) table = false;
    if (!table && !blockStart && startsTable(line, lines[index + 1], code[index + 1])) {
      table = true;
      tableStart = index;
      tableMarks = 0;
    }
    if (blockStart || table || definition || afterDefinition) {
      start = index;
      marks = 0;
      // Lines that look like a table's rows may be a paragraph's (no `| --- |` rule under the first),
      // whose brackets span them.
      if (!table) depth = 0;
    }
    afterDefinition = definition;
    if (!MARK_CHAR.test(line)) continue;
    // Code spans hold no markup; an underscore inside a word (snake_case) cannot be emphasis; an
    // escaped mark (`\[`, `\*`) is text, and an escaped backslash (`\\`) escapes nothing after it.
    const text = withoutCodeSpans(line);
    for (const found of text.matchAll(/\\[^]|\*+|_+|\[|\]/g)) {
      const [mark] = found;
      if (mark.startsWith('\\')) continue;
      if (
        mark.startsWith('_') &&
        isWordChar(text[found.index - 1]) &&
        isWordChar(text[found.index + mark.length])
      )
        continue;
      if (mark === ']') depth = Math.max(0, depth - 1);
      else {
        marks++;
        if (table) tableMarks++;
      }
      if (mark === '[') depth++;
      if (marks > MAX_INLINE_MARKS || depth > MAX_BRACKET_DEPTH) return { line: start + 1, table: false };
      if (tableMarks > MAX_TABLE_MARKS) return { line: tableStart + 1, table: true };
    }
  }
  return undefined;
}

/**
 * Whether `line` is a table's header row, `next` its delimiter row (`| --- | :-: |`), as
 * markdown-it's GFM table rule reads them: as many cells in both, each delimiter cell dashes with
 * an optional colon at either end.
 */
function startsTable(line: string, next: string | undefined, nextIsCode: boolean | undefined): boolean {
  if (next === undefined || nextIsCode === true || !line.includes('|')) return false;
  const delimiter = next.replace(QUOTES, '').trim();
  // A `-` and a space is a list item's start.
  if (!/^[-:|][-:|\s]*$/.test(delimiter) || /^-\s/.test(delimiter)) return false;
  const aligns = delimiter.split('|');
  let columns = 0;
  for (const [i, cell] of aligns.entries()) {
    const trimmed = cell.trim();
    // Only the edges may be empty (`| --- |`), not a column between (`--- || ---`).
    if (trimmed === '' && (i === 0 || i === aligns.length - 1)) continue;
    if (!/^:?-+:?$/.test(trimmed)) return false;
    columns++;
  }
  // The header's cells are split at its pipes but escaped ones (`\|`).
  const header = line
    .replace(QUOTES, '')
    .trim()
    .split(/(?<!\\)\|/);
  if (header[0] === '') header.shift();
  if (header.at(-1) === '') header.pop();
  return columns > 0 && header.length === columns;
}

/** Indentation and quote markers before a line's text. */
const QUOTES = /^[ \t>]*/;

/** A link reference definition's label and colon: `[Name]:`, not a footnote's `[^1]:`, not blank. */
export const DEFINITION_LABEL = /^ {0,3}\[(?!\^)(?!\s*\])(?:[^[\]\\]|\\.){1,999}\]:/;

/**
 * markdown-it's own rule for reference definitions, every address valid as the parser of
 * markdown-tree.ts has them: a scanner written here would drift from it (one stopped at no control
 * character where markdown-it does, and let a crafted paragraph through as "definitions").
 */
const definitions = markdownIt('commonmark');
definitions.validateLink = () => true;
definitions.block.ruler.enableOnly(['reference']);
const [referenceRule] = definitions.block.ruler.getRules('');

/**
 * Whether `line` is a whole link reference definition, `[Name]: https://… "title"`, as markdown-it
 * reads one: else the parser reads it as a paragraph's text, and so must the count.
 */
function isLinkDefinition(line: string): boolean {
  if (referenceRule === undefined || !DEFINITION_LABEL.test(line)) return false;
  // As markdown-it's normalize step reads NUL, before its block rules.
  const state = new definitions.block.State(line.replaceAll('\0', '\uFFFD'), definitions, {}, []);
  return referenceRule(state, 0, 1, true);
}

/** A character that may be an emphasis mark or a bracket: most lines of prose have none. */
const MARK_CHAR = /[*_[\]]/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** `---`, `* * *` or `___` (after any quotes): three or more of one mark, spaces between them. */
function isThematicBreak(line: string): boolean {
  let mark: string | undefined;
  let count = 0;
  for (const char of line) {
    if (char === ' ' || char === '\t' || (char === '>' && mark === undefined)) continue;
    if (mark === undefined && (char === '-' || char === '*' || char === '_')) mark = char;
    // The first other character ends the scan: most lines are text, read no further than their start.
    if (char !== mark) return false;
    count++;
  }
  return count >= 3;
}

/** Parents that add no level of their own: a list nests through its items, a paragraph through its text. */
const FLAT_PARENTS: ReadonlySet<string> = new Set(['root', 'list', 'paragraph', 'heading']);

/** The line of the first node nested deeper than `levels` levels, walked without recursion. */
export function deepNodeLine(root: Root, levels = MAX_NESTING): number | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node } = top;
    if (!('children' in node)) continue;
    const depth = FLAT_PARENTS.has(node.type) ? top.depth : top.depth + 1;
    if (depth > levels) return node.position?.start.line ?? 1;
    // Reversed, so that nodes come off the stack in document order and the first deep line is named.
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push({ node: child, depth });
    }
  }
  return undefined;
}

/**
 * The text of nodes without their markup, and without raw HTML, which a message does not show:
 * `## Tips <!-- c -->` reads as "Tips ", and so names the tips section. Brackets or quotes that held
 * only HTML, or an image without alt text, go too (`## Tips (<img src="x.png">)` reads as "Tips"; see
 * withoutEmptiedPairs). Walked without recursion.
 */
export function plainText(value: unknown): string {
  const text = toString(value, { includeHtml: false });
  const roots = (Array.isArray(value) ? value : [value]) as Nodes[];
  if (!containsHtml(roots as RootContent[]) && !roots.some(holdsBareImage)) return text;
  const parts: string[] = [];
  const stack: Nodes[] = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'html') parts.push(REMOVED);
    else if (node.type === 'inlineCode') parts.push(HELD, node.value, HELD);
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt || REMOVED);
    else if ('value' in node) parts.push(node.value);
    else if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
  }
  return afterRemovals(parts.join('')).replaceAll(HELD, '');
}

/** Whether a node holds an image without alt text. */
function holdsBareImage(root: Nodes): boolean {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if ((node.type === 'image' || node.type === 'imageReference') && !node.alt) return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/**
 * Text that shows nothing of its own: white space, invisible characters (a zero-width space), and
 * emphasis, code and escape marks with nothing between them (`**`, `~~`, a lone `\`).
 */
const MARKS_ONLY = new RegExp(`^[\\s${INVISIBLE_CHARS}*_~\`\\\\]*$`, 'u');

/** Whether `text` shows nothing of its own (see {@link MARKS_ONLY}): `****`, where a phrase's bold held only what was dropped. */
export function isMarksOnly(text: string): boolean {
  return MARKS_ONLY.test(text);
}

/**
 * True when the nodes show nothing in a message but marks: only white space or marks, a rule (`- ****`
 * is an item holding one, written `---`), empty code (`- ~~~~`), HTML, links and emphasis around
 * nothing else. An image shows (as a link to it, see {@link toDiscordMarkdown}). Walked without recursion.
 */
export function showsNothing(nodes: readonly Nodes[]): boolean {
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case 'text':
        if (!MARKS_ONLY.test(node.value)) return false;
        break;
      case 'inlineCode':
      case 'code':
        if (node.value.trim() !== '') return false;
        break;
      case 'thematicBreak':
      case 'html':
      case 'break':
        break;
      case 'paragraph':
      case 'heading':
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
        for (const child of node.children) stack.push(child);
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when the nodes hold raw HTML, which Discord does not show (see {@link toDiscordMarkdown}). */
export function containsHtml(nodes: readonly RootContent[]): boolean {
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'html') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/**
 * Turns Markdown nodes back into Discord-flavoured Markdown. Relative links are resolved against
 * the site; a link that cannot be resolved keeps only its text (Discord shows no relative links), a
 * `mailto:` link its text and address.
 * Discord shows neither images nor HTML in messages: an image becomes a link to it (or its alt
 * text), and raw HTML (comments, tags) is left out while the text between inline tags stays.
 * Discord's own markup in text (`||`, `<@123>`: see escapeDiscordMarkup) is escaped, shown as written.
 * A paragraph's lines are joined, as the page joins them (see joinLines): Discord breaks a line at
 * every line ending, so hard-wrapped Markdown would break mid-sentence; `lines: 'kept'` keeps them.
 * The nodes must come from {@link parseMarkdown}, whose bound on nesting keeps this recursion shallow.
 */
export function toDiscordMarkdown(
  nodes: readonly RootContent[],
  siteUrl: string | undefined,
  { markers = true, lines = 'joined' }: { markers?: boolean; lines?: 'joined' | 'kept' } = {},
): string {
  return escapeLoneSpoilers(
    escapeLoneStrikes(
      writeDiscordMarkdown(
        resolveLinks<Root>({ type: 'root', children: [...nodes] }, siteUrl, {
          inLink: false,
          markers,
          joinLines: lines === 'joined',
        }),
      ),
    ),
  );
}

/** A tree written as Discord-flavoured Markdown (see {@link DISCORD_MARKDOWN}), trimmed, no more than one blank line in a row. */
export function writeDiscordMarkdown(root: Root, options: Options = DISCORD_MARKDOWN): string {
  return (
    ((options === DISCORD_MARKDOWN ? plainParagraphs(root) : undefined) ?? toMarkdown(root, options))
      .replace(/\n{3,}/g, '\n\n')
      // A quote's blank line (between its paragraphs) is `> `: Discord reads a bare `>` as text,
      // which would end the quote and show the mark.
      .replace(/^((?:> ?)*>)$/gm, '$1 ')
      .trim()
  );
}

/**
 * A tree of paragraphs of plain text, which the {@link text} handler writes as it is (see
 * {@link isWrittenAsIs}), as toMarkdown writes it with DISCORD_MARKDOWN, without calling it: each call
 * costs some 10 µs of set-up (its handlers and patterns copied), more than writing such a tree, and a
 * first start calls it for every item of 10,000 articles. Undefined for any other tree. Checked
 * against toMarkdown in test/core/markdown-tree.test.ts.
 */
function plainParagraphs(root: Root): string | undefined {
  if (root.children.length === 0) return undefined;
  const paragraphs: string[] = [];
  for (const node of root.children) {
    if (node.type !== 'paragraph' || node.children.length === 0) return undefined;
    let written = '';
    for (const child of node.children) {
      if (child.type !== 'text' || !isWrittenAsIs(child.value)) return undefined;
      written += escapeDiscordMarkup(child.value);
    }
    paragraphs.push(written);
  }
  return `${paragraphs.join('\n\n')}\n`;
}

/** Whether the {@link text} handler writes this text as it is: nothing in it can need an escape. */
function isWrittenAsIs(value: string): boolean {
  return /^\p{L}/u.test(value) && !/[\s!#\\]$/.test(value) && !MAY_NEED_ESCAPE.test(value);
}

/**
 * Characters that may need an escape in text wherever they are (in a link's text `[` and `]` too);
 * a line break, or a tab, may make the spaces next to it need one.
 */
const MAY_NEED_ESCAPE = /[\t\r\n&*<[\\\]_`]/;

/**
 * Text as mdast-util-to-markdown writes it, without its search for characters to escape when none
 * can need one: that search (some forty patterns tried on every text) took most of the time of
 * writing an article. Besides {@link MAY_NEED_ESCAPE}, the others (`#`, `-`, `1.`, `>`, `!` before a
 * link…) need one only at the start or end of a text, so a text that starts with a letter and ends
 * with neither a space nor `!`, `#` or `\` is written as it is. Checked against the library's own
 * handler in test/core/markdown-tree.test.ts.
 */
export const text: Handle = (node: Text, parent, state, info) => {
  if (state.stack.includes('autolink')) return defaultHandlers.text(node, parent, state, info);
  // A link's label, where Discord shows a backslash as written.
  if (state.stack.includes('label')) return linkLabel(node.value);
  const written = isWrittenAsIs(node.value) ? node.value : defaultHandlers.text(node, parent, state, info);
  // Text in code is no text node: Discord shows the markup in code as written already.
  return escapeDiscordMarkup(escapeUnderlines(written));
};

/**
 * Markdown text with each run of two underscores or more escaped underscore by underscore (`\_\_`),
 * but in a bare address: Discord underlines from a `__` to the next one, inside a word too
 * (`word__init__word`, or `x\_\_y\_\_z` as the author escaped it), where CommonMark, which wrote the
 * text, reads no mark (a pair it reads is strong emphasis, written `**`). An underscore escaped
 * already keeps its one backslash. Linear in the text's length.
 */
function escapeUnderlines(markdown: string): string {
  if (!markdown.includes('__')) return markdown;
  return markdown.replace(UNDERLINE_OR_ADDRESS, (found: string, at: number) => {
    if (found[0] !== '_') return found;
    const first = isEscaped(markdown, at) ? '_' : '\\_';
    return first + '\\_'.repeat(found.length - 1);
  });
}

/** A run of two underscores or more, or a bare address (as Discord links one), which is kept whole. */
const UNDERLINE_OR_ADDRESS = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]|_{2,}/gi;

/**
 * Discord's own markup, which CommonMark reads as text: spoiler marks (`||`), and mentions of users,
 * channels, roles and commands, custom emoji, timestamps and server pages (`<@123>`, `<#123>`,
 * `<@&123>`, `</tips:123>`, `<:party:123>`, `<a:x:123>`, `<t:1700000000:R>`, `<id:customize>`).
 */
const DISCORD_MARKUP =
  /\|{2,}|<(?:@[!&]?\d+|#\d+|a?:[^\s:<>]+:\d+|\/[^<>\n:]+:\d+|t:-?\d+(?::[A-Za-z])?|id:[\w-]+(?::\d+)?)>/g;

/**
 * Plain text as a masked link's label (`[label](url)`), where Discord shows a backslash as written
 * (its escapes are off there): nothing is escaped. A bracket without its pair, which would end the
 * label early or keep the link from forming, becomes its full-width look-alike (`［`, `］`); a `*`
 * becomes `∗`, as Discord's bold around a link (`**[label](url)**`) would close at a `**` in the label
 * and leave its own to pair with the next one in the message; runs of `_` and `~` (underline,
 * strikethrough) and Discord's own markup (`||`, `<@123>`) are broken up by a zero-width space (see
 * breakDiscordMarkup). Emphasis around a label's text (`[*tips*](…)`) is no text: it keeps its `*`.
 */
export function linkLabel(text: string): string {
  // Brackets are ASCII: their places are code units, and the text between them is kept whole.
  const replaced = new Map<number, string>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') {
      // One level of brackets is a label's own; another opened before this one closed is not.
      if (open >= 0) replaced.set(open, '［');
      open = i;
    } else if (text[i] === ']') {
      if (open >= 0) open = -1;
      else replaced.set(i, '］');
    }
  }
  if (open >= 0) replaced.set(open, '［');
  let label = text;
  for (const [at, bracket] of [...replaced].sort(([a], [b]) => b - a))
    label = label.slice(0, at) + bracket + label.slice(at + 1);
  return breakDiscordMarkup(label)
    .replaceAll('*', '∗')
    .replace(/([_~])(?=\1)/g, '$1\u200B');
}

/**
 * Text with {@link DISCORD_MARKUP} broken by a zero-width space (`<\u200B@123>`, `|\u200B|`), for
 * where Discord shows a backslash as written (a masked link's label), so that it shows as text.
 */
export function breakDiscordMarkup(text: string): string {
  if (!text.includes('||') && !text.includes('<')) return text;
  return text.replace(DISCORD_MARKUP, (found: string) =>
    found[0] === '<' ? `<\u200B${found.slice(1)}` : found.replace(/\|(?=\|)/g, '|\u200B'),
  );
}

/**
 * Markdown text with {@link DISCORD_MARKUP} escaped, so that Discord shows it as written, as the blog
 * page does (`\|\|`, `\<@123>`); what is escaped already (after an odd run of `\`) is left as it is.
 */
export function escapeDiscordMarkup(markdown: string): string {
  if (!markdown.includes('||') && !markdown.includes('<')) return markdown;
  return markdown.replace(DISCORD_MARKUP, (found: string, at: number) => {
    const escaped = isEscaped(markdown, at);
    if (found[0] === '<') return escaped ? found : `\\${found}`;
    // `\|||`: the first is text, the two after it a mark.
    const marks = escaped ? found.slice(1) : found;
    return (escaped ? '|' : '') + (marks.length < 2 ? marks : marks.replace(/\|/g, '\\|'));
  });
}

/** Whether the character at `at` is escaped: an odd number of `\` before it. */
function isEscaped(markdown: string, at: number): boolean {
  let slashes = 0;
  while (markdown[at - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}

/**
 * A hard line break as a plain one: Discord breaks the line at every line ending and shows the
 * backslash of CommonMark's `\` break as written. (In a heading the library writes a space.)
 */
export const lineBreak: Handle = (node: Break, parent, state, info) => {
  const written = defaultHandlers.break(node, parent, state, info);
  return written === '\\\n' ? '\n' : written;
};

/**
 * A code block as Discord reads one: its only fence is ``` (no longer one, no `~~~`), which ends at
 * the first ``` inside the code, wherever it is. So every block is fenced with ```, and a run of three
 * or more backticks in the code gets a zero-width space after every second backtick (``` →
 * ``\u200b`), as Discord users write it: the code cannot end the block early. The info string stays
 * only when Discord reads it as a language; any other would show as the code's first line.
 */
export const code: Handle = (node: Code, parent, state, info) => {
  // Discord reads no block without code (```` ```\n``` ```` shows its fences as text): nothing to show.
  if (node.value.trim() === '') return '';
  // `js{1,3}` (lines to highlight), pandoc's `{.python}`: the language they start with.
  const lang = DISCORD_LANGUAGE.exec(node.lang ?? '')?.[1] ?? null;
  const value = node.value.replace(/``(?=`)/g, '``\u200b');
  return defaultHandlers.code({ ...node, value, lang, meta: null }, parent, state, info);
};

/** The language a code block's info string starts with, as Discord's ``` reads one. */
const DISCORD_LANGUAGE = /^\{?\.?([a-z0-9_][a-z0-9_+\-.#]*)/i;

/**
 * A code span as Discord reads one. Holding both single backticks and pairs, it would be fenced with
 * ``` (the shortest run it holds none of), which Discord reads as a code block: then its pairs get a
 * zero-width space between their backticks (`` → `\u200b`), and it is fenced with two.
 */
export const inlineCode: Handle = Object.assign(
  (node: InlineCode, parent: Parents | undefined, state: State) => {
    const both = /(?:^|[^`])`(?!`)/.test(node.value) && /(?:^|[^`])``(?!`)/.test(node.value);
    const value = both ? node.value.replace(/(?<!`)``(?!`)/g, '`\u200b`') : node.value;
    return defaultHandlers.inlineCode({ ...node, value }, parent, state);
  },
  { peek: () => '`' },
);

/**
 * Strong emphasis as Discord reads it: always `**`, as `__` is Discord's underline. Beside a `*` the
 * library would pick `__` to keep CommonMark's runs apart (`*__bold__ rest*`); Discord's italics take
 * `**` inside them (`***bold** rest*` is bold in italics), and CommonMark reads that alike.
 */
export const strong: Handle = Object.assign(
  // Called alone (phrasing asks `attention` for the marks instead): written as a paragraph's only child.
  (node: Strong, _: Parents | undefined, state: State, info: Info) =>
    state.containerPhrasing({ type: 'paragraph', children: [node] }, info),
  {
    attention: (): AttentionInfo => ({ construct: 'strong', markers: ['*'], sizes: [2] }),
    peek: () => '*',
  },
);

/**
 * Strikethrough (which CommonMark, read here, has not: splitText makes it of `~~` pairs) as Discord
 * reads it, `~~` around its text. Written as it is, not as attention: Discord pairs `~~` whatever is
 * around them, where the library's CommonMark rules would encode a space or letter next to them.
 */
export const strikethrough: Handle = Object.assign(
  (node: Delete, _: Parents | undefined, state: State, info: Info) => {
    const tracker = state.createTracker(info);
    const exit = state.enter('phrasing');
    const open = tracker.move('~~');
    const inside = state.containerPhrasing(node, { ...tracker.current(), before: '~', after: '~' });
    exit();
    return inside === '' ? '' : open + inside + '~~';
  },
  { peek: () => '~' },
);

/** How Discord's Markdown is written: `-` bullets, `*` emphasis, `**` strong, ``` code fences, plain line breaks. */
export const DISCORD_MARKDOWN: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  fence: '`',
  handlers: {
    text,
    break: lineBreak,
    code,
    inlineCode,
    footnoteReference,
    strong,
    delete: strikethrough,
    heading,
  },
};

/**
 * A heading in a text (one folded in `<details>`, say) as one Discord draws: it draws `#` to `###`
 * and shows a deeper one's `####` as written, so that one is its smallest, `###`.
 */
function heading(node: Heading, parent: Parents | undefined, state: State, info: Info): string {
  return defaultHandlers.heading(node.depth > 3 ? { ...node, depth: 3 } : node, parent, state, info);
}

/**
 * A footnote reference as its marker, for a tree not made ready by toDiscordMarkdown (which places
 * markers as text: see placeMarkers).
 */
function footnoteReference(node: FootnoteReference): string {
  return footnoteMarker(node.label ?? node.identifier);
}

/** A line break in a paragraph: a hard break, or `<br>`, the one tag whose meaning a message can show. */
export function isLineBreak(node: Nodes): boolean {
  return node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim()));
}

interface Resolving {
  /** The nodes are a link's text, where an image may not become a link (Discord shows no link in a link). */
  readonly inLink: boolean;
  /** Footnote references show as their markers (see placeMarkers), else nothing. */
  readonly markers: boolean;
  /** A paragraph's lines are joined (see joinLines). */
  readonly joinLines: boolean;
}

/** What `<sup>` and `<sub>` may hold to be written in Unicode's superscript or subscript characters. */
const SCRIPTS: Readonly<Record<'sup' | 'sub', Readonly<Record<string, string>>>> = {
  sup: Object.fromEntries(
    Array.from('0123456789+-−=()ni', (char, i) => [char, Array.from('⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ')[i] ?? char]),
  ),
  sub: Object.fromEntries(
    Array.from('0123456789+-−=()', (char, i) => [char, Array.from('₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎')[i] ?? char]),
  ),
};

/**
 * A level of nodes with each `<sup>…</sup>` or `<sub>…</sub>` around text of digits and signs written
 * in Unicode's small characters (`mc<sup>2</sup>` is `mc²`, `H<sub>2</sub>O` is `H₂O`): left out as
 * any tag, `mc2` would say another thing. Other text between them (`4<sup>th</sup>`) stays as it is.
 */
function withScripts(nodes: readonly Nodes[]): readonly Nodes[] {
  if (!nodes.some((node) => node.type === 'html')) return nodes;
  const out: Nodes[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    const tag =
      node.type === 'html' ? /^<(sup|sub)>$/i.exec(node.value.trim())?.[1]?.toLowerCase() : undefined;
    const text = nodes[i + 1];
    const close = nodes[i + 2];
    const map = tag === 'sup' || tag === 'sub' ? SCRIPTS[tag] : undefined;
    if (
      map !== undefined &&
      text?.type === 'text' &&
      close?.type === 'html' &&
      close.value.trim().toLowerCase() === `</${tag}>` &&
      text.value !== '' &&
      Array.from(text.value).every((char) => map[char] !== undefined)
    ) {
      out.push({ type: 'text', value: Array.from(text.value, (char) => map[char]).join('') });
      i += 2;
    } else out.push(node);
  }
  return out;
}

/** An inline `<script>` or `<style>` tag, whose text is code, not words: the page shows none of it. */
const SCRIPT_OPEN = /^<(script|style)(?:\s[^>]*)?>$/i;

/**
 * A level of nodes without what is between an inline `<script>` or `<style>` and its closing tag
 * (`<script>alert(1)</script>`), which the page runs or applies but never shows; the tags themselves
 * go as any HTML does. A tag without its closing one at this level keeps what follows it.
 */
function withoutScriptText(nodes: readonly Nodes[]): readonly Nodes[] {
  if (!nodes.some((node) => node.type === 'html' && SCRIPT_OPEN.test(node.value.trim()))) return nodes;
  // Where each closing tag is, in order: found once, so that many tags never closed cost no more.
  const closes = { script: [] as number[], style: [] as number[] };
  for (const [k, node] of nodes.entries()) {
    const close = node.type === 'html' ? /^<\/(script|style)\s*>$/i.exec(node.value.trim())?.[1] : undefined;
    if (close !== undefined) closes[close.toLowerCase() as 'script' | 'style'].push(k);
  }
  const next = { script: 0, style: 0 };
  const out: Nodes[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    out.push(node);
    const tag = node.type === 'html' ? SCRIPT_OPEN.exec(node.value.trim())?.[1]?.toLowerCase() : undefined;
    if (tag !== 'script' && tag !== 'style') continue;
    const after = closes[tag];
    while ((after[next[tag]] ?? Infinity) <= i) next[tag]++;
    const close = after[next[tag]];
    if (close !== undefined) i = close - 1;
  }
  return out;
}

function resolveLinks<T extends Nodes>(node: T, siteUrl: string | undefined, given: Resolving): T {
  if (!('children' in node)) return node;
  // A table's rows and a definition list's lines stay lines: joined, they would read as one line.
  const resolving =
    given.joinLines && node.type === 'paragraph' && keepsLines(node) ? { ...given, joinLines: false } : given;
  const { inLink, markers } = resolving;
  const children: Nodes[] = [];
  for (const child of withScripts(withoutScriptText(placeMarkers(node.children, markers)))) {
    if (child.type === 'html') {
      // In a text, what is left out leaves a mark: brackets or quotes that held only it go too (see
      // withoutEmptiedPairs).
      const phrasing = PHRASING_PARENTS.has(node.type);
      // `<br>` is the one tag whose meaning a message can show: a line break, not glued words (a
      // space in a heading, which a line break would turn into another kind of heading).
      if (isLineBreak(child) && node.type !== 'root') {
        if (phrasing) children.push(LEFT_OUT);
        children.push(node.type === 'heading' ? { type: 'text', value: ' ' } : { type: 'break' });
      }
      // A block element's tag in a text (`<li>Plan</li><li>Do</li>`) keeps the words around it apart.
      else if (phrasing && isBlockTag(child.value)) children.push(LEFT_OUT, SEPARATOR);
      // An element's text follows its opening tag: `I love <strong>.NET</strong>` keeps its space.
      else if (OPENING_TAG.test(child.value.trim())) children.push(...(phrasing ? [LEFT_OUT] : []), OPENED);
      // …but an element closed at once held none (`and <span></span>.`).
      else if (children.at(-1) === OPENED && CLOSING_TAG.test(child.value.trim())) children.pop();
      else if (phrasing) children.push(LEFT_OUT);
      continue;
    }
    if (child.type === 'image') {
      const url = inLink ? undefined : resolveLink(child.url, siteUrl);
      // On one line: a link's label that a line ending cuts is no link.
      const text = child.alt?.trim().replaceAll('\n', ' ') || 'image';
      children.push(
        url === undefined
          ? { type: 'text', value: text }
          : { type: 'link', url, children: [{ type: 'text', value: text }] },
      );
    } else if (child.type === 'link') {
      // An empty address is a link whose template tag (`{{ site.repository }}/x`) was left out: its text stays.
      // A link in a link is its text: Discord would show the outer one's brackets around it.
      // A link to a post by its file keeps its mark, which the index fills in (see resolvePageRefs).
      const ref = !inLink && isRefMark(child.url);
      const url =
        inLink || child.url.trim() === '' ? undefined : ref ? child.url : resolveLink(child.url, siteUrl);
      // Its text as any phrasing's: without HTML, its own links resolved.
      const inside = resolveLinks({ type: 'paragraph', children: child.children }, siteUrl, {
        ...resolving,
        inLink: inLink || url !== undefined,
      }).children;
      if (url === undefined) {
        // A loop, not push(...): a link may hold more nodes than a call takes arguments.
        for (const c of mailText(child.url, inside) ?? inside) children.push(c);
      }
      // Discord shows a link without text (`[](https://…)`) as written: its address is its text,
      // written as `<https://…>`. One that points nowhere is left out with its (empty) text, above;
      // so is one to a post by its file, whose address is not known here.
      else if (showsNothing(inside)) {
        if (!ref) children.push({ ...child, url, children: [{ type: 'text', value: url }] });
      } else if (ref) children.push({ ...child, url, children: [REF_LINK_OPENING, ...inside] });
      else children.push({ ...child, url, children: inside });
    } else if (child.type === 'text' && child.value.includes(REF_SCHEME)) {
      // A link to a post by its file where Markdown read none (`\[x]({{< ref "b" >}})`): no mark shows.
      children.push({ ...child, value: withoutStrayMarks(child.value) });
    } else {
      const resolved = resolveLinks(child, siteUrl, resolving);
      // A quote or list item that held only HTML would show as a bare `>` or `-`.
      if (!isBlank(resolved)) children.push(resolved);
    }
  }
  const joined = withoutEmptiedPairsOf(joinTexts(children));
  if (resolving.joinLines) joinLines(joined);
  // What was left out at a paragraph's edges leaves no space there, which would be escaped.
  if (node.type === 'paragraph' || node.type === 'heading') trimEdges(joined);
  return { ...node, children: joined };
}

/**
 * Texts with each line ending (a soft line break, the spaces around it too) made a space, as a page
 * shows a paragraph written over several lines (changed in place). Hard breaks (`<br>`, two spaces or
 * `\\` at a line's end) are `break` nodes, and stay.
 */
function joinLines(nodes: Nodes[]): void {
  for (const [i, node] of nodes.entries()) {
    if (node.type === 'text' && node.value.includes('\n'))
      nodes[i] = { ...node, value: joinedLines(node.value) };
  }
}

/**
 * Whether a paragraph's lines are its structure, which joined would read as one line: a table, as
 * GFM reads one (a line of its text a delimiter row, `| --- | :-: |`, `---|---`), or a definition
 * list, as kramdown (Jekyll) and goldmark (Hugo) read one (a line opening with `: `). CommonMark, read
 * here, has neither. Such a line holds no markup, so it is all in one text.
 */
function keepsLines(paragraph: Paragraph): boolean {
  return paragraph.children.some(
    (child) =>
      child.type === 'text' &&
      (DEFINITION.test(child.value) ||
        (child.value.includes('|') && child.value.split('\n').some(isDelimiterRow))),
  );
}

/** A definition's line in a definition list: `: ` after a line ending. */
const DEFINITION = /\n[ \t]{0,3}:[ \t]/;

/**
 * A table's delimiter row: cells of dashes, a colon at either end, `|` between them or at the ends
 * (`| --- |`, `:-: | ---`). Read cell by cell: no regular expression backtracks over a long line.
 */
function isDelimiterRow(line: string): boolean {
  const row = line.trim();
  if (!row.includes('|') || !row.includes('-')) return false;
  const cells = row.split('|');
  // A pipe at either end opens or closes the row: no cell there.
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.at(-1)?.trim() === '') cells.pop();
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell.trim()));
}

const DELIMITER_CELL = /^:?-+:?$/;

/**
 * What a `mailto:` link (`[write to me](mailto:me@example.com)`) shows, as Discord links only http(s):
 * its text, which alone would hide where to write, and its address, `write to me (me@example.com)`;
 * the address alone when the link has no text or its text is the link (`<mailto:me@example.com>`).
 * Undefined for another scheme, or when the text is the address already (`<me@example.com>`).
 */
function mailText(url: string, text: readonly Nodes[]): Nodes[] | undefined {
  const written = /^\s*mailto:([^?#]*)/i.exec(url)?.[1];
  if (written === undefined) return undefined;
  let address = written;
  try {
    address = decodeURIComponent(written);
  } catch {
    // A `%` that starts no `%XX`: the address as written.
  }
  address = address.trim();
  if (address === '') return undefined;
  const alone: Text = { type: 'text', value: address };
  if (showsNothing(text)) return [alone];
  const shown = plainText({ type: 'paragraph', children: text }).trim().toLowerCase();
  if (shown === address.toLowerCase()) return undefined;
  if (shown === `mailto:${address.toLowerCase()}`) return [alone];
  return [...text, { type: 'text', value: ` (${address})` }];
}

/** Emphasis of any kind, which a marker next to it goes inside (see placeMarkers). */
type Attention = Extract<Nodes, { type: 'emphasis' | 'strong' | 'delete' }>;

export function isAttention(node: Nodes | undefined): node is Attention {
  return node?.type === 'emphasis' || node?.type === 'strong' || node?.type === 'delete';
}

/** Where a bare address starts, which Discord would read on into a marker after it. */
const BARE_URL_START = /https?:\/\/|www\./i;

/**
 * Whether a text ends with a bare address: its last word (after its last space) holds an address's
 * start. Found from the end, where a regular expression tried every `www.` of a long word to its end.
 */
function endsInBareUrl(text: string): boolean {
  let start = text.length;
  while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start--;
  return BARE_URL_START.test(text.slice(start));
}

/**
 * A level of nodes with each run of footnote references (`[^1][^2]`) as the text of its markers,
 * apart (`¹,²`), or left out where `markers` is false; copies, the nodes given are left as they are.
 * A run next to emphasis goes inside it, at the end (`**Knuth said:²**`) or the start: outside,
 * mdast-util-to-markdown would encode the character after a closing mark that is not followed by a
 * space or punctuation (`&#xB2;`). After a bare address, a space keeps it out of the address.
 */
function placeMarkers(given: readonly Nodes[], markers: boolean): Nodes[] {
  if (!markers) return withoutMarkers(given);
  const nodes = [...given];
  if (!nodes.some((node) => node.type === 'footnoteReference')) return nodes;
  const placed: Nodes[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    if (node.type !== 'footnoteReference') {
      placed.push(node);
      continue;
    }
    // A note cited twice in a row (`[^4][^4]`) is one marker.
    const run = new Set([footnoteMarker(node.label ?? node.identifier)]);
    for (let next = nodes[i + 1]; next?.type === 'footnoteReference'; next = nodes[i + 1]) {
      run.add(footnoteMarker(next.label ?? next.identifier));
      i++;
    }
    const before = placed[placed.length - 1];
    const after = nodes[i + 1];
    const marker: Text = { type: 'text', value: [...run].join(',') };
    if (isAttention(before))
      placed[placed.length - 1] = { ...before, children: [...before.children, marker] };
    else if (isAttention(after)) {
      nodes[i + 1] = { ...after, children: [marker, ...after.children] };
    } else if (before?.type === 'text' && endsInBareUrl(before.value))
      placed.push({ ...marker, value: ` ${marker.value}` });
    else placed.push(marker);
  }
  return placed;
}

/**
 * A level of nodes without footnote references (a summary shows none), and a space where leaving one
 * out at the edge of emphasis, or beside it, would make the emphasis touch a word: its mark would be
 * encoded as placeMarkers says (`*"hi!"*[^1]x`, with the reference moved inside or not).
 */
function withoutMarkers(nodes: readonly Nodes[]): Nodes[] {
  const kept: Nodes[] = [];
  const space = (): void => {
    const last = kept[kept.length - 1];
    if (!(last?.type === 'text' && /\s$/.test(last.value))) kept.push({ type: 'text', value: ' ' });
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    const before = kept[kept.length - 1];
    let after = nodes[i + 1];
    if (node.type === 'footnoteReference') {
      for (let j = i + 1; after?.type === 'footnoteReference'; j++) after = nodes[j];
      if ((isAttention(before) && startsWord(after)) || (isAttention(after) && endsWord(before))) space();
      continue;
    }
    if (isAttention(node) && edgeReference(node, 0) && endsWord(before)) space();
    kept.push(node);
    if (isAttention(node) && edgeReference(node, -1) && startsWord(after)) space();
  }
  return kept;
}

/** Whether text opens with a word's character: neither white space nor punctuation. */
function startsWord(node: Nodes | undefined): boolean {
  return node?.type === 'text' && /^[^\s\p{P}]/u.test(node.value);
}

/** Whether text ends with a word's character. */
function endsWord(node: Nodes | undefined): boolean {
  return node?.type === 'text' && /[^\s\p{P}]$/u.test(node.value);
}

/** Whether emphasis opens (`at` 0) or ends (`at` -1) with a footnote reference, inside emphasis in it too. */
function edgeReference(node: Attention, at: 0 | -1): boolean {
  let edge: Nodes | undefined = node.children.at(at);
  while (isAttention(edge)) edge = edge.children.at(at);
  return edge?.type === 'footnoteReference';
}

/** Nodes whose children are text: an HTML tag among them is inline HTML, the rest is a block of its own. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

/**
 * Where a block element's tag was left out: a space, unless there is one already, or a line break, or
 * nothing before or after it (see joinTexts). Told apart from text by identity.
 */
const SEPARATOR: Text = { type: 'text', value: ' ' };

/**
 * Where an element's opening tag was left out: the text after it is the element's, so a space before
 * it stays, even before punctuation (see joinTexts). Told apart from text by identity.
 */
const OPENED: Text = { type: 'text', value: '' };

/**
 * Where HTML was left out of a text: a {@link REMOVED} mark at the join of the texts around it (see
 * joinTexts, withoutEmptiedPairsOf). Told apart from text by identity.
 */
const LEFT_OUT: Text = { type: 'text', value: '' };
/** Opens the text of a link to a post by its file (see resolvePageRefs). */
const REF_LINK_OPENING: Text = { type: 'text', value: REF_LINK_START };

/** How far from its end {@link opensBefore} reads a text. */
const OPENER_REACH = 64;

/**
 * Whether a bracket or quote that may open a pair ends `text`, but for blanks and marks after it: a
 * mark anywhere else would empty none (see withoutEmptiedPairs), and is not made. Only the last
 * {@link OPENER_REACH} characters are looked at, so that a text joined again and again is not read
 * again and again.
 */
function opensBefore(text: string, previous?: Nodes): boolean {
  const stop = Math.max(0, text.length - OPENER_REACH);
  let i = text.length - 1;
  while (i >= stop && (text[i] === ' ' || text[i] === '\t' || text[i] === REMOVED)) i--;
  // Only blanks: a separator's space (see SEPARATOR), after the text before it.
  if (i === -1 && previous?.type === 'text') return opensBefore(previous.value.slice(-OPENER_REACH));
  return i >= stop && OPENERS.includes(text[i] ?? '');
}

/**
 * Joined nodes (see joinTexts) without the brackets and quotes that held only what was left out
 * (`tip (<img src="x.png">) here` → `tip here`; see withoutEmptiedPairs), and without the marks.
 * Each node but text is held in place, never looked past: a pair is within one text, or around a
 * line break left by `<br>` (`“<br>”`).
 */
function withoutEmptiedPairsOf(nodes: Nodes[]): Nodes[] {
  if (!nodes.some((node) => node.type === 'text' && node.value.includes(REMOVED))) return nodes;
  const held: Nodes[] = [];
  const written = nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type === 'break') return BREAK;
      held.push(node);
      return HELD;
    })
    .join('');
  const left = afterRemovals(written);
  const out: Nodes[] = [];
  let k = 0;
  for (const part of left.split(new RegExp(`([${BREAK}${HELD}])`))) {
    if (part === BREAK) out.push({ type: 'break' });
    else if (part === HELD) {
      const node = held[k++];
      if (node !== undefined) out.push(node);
    } else if (part !== '') out.push({ type: 'text', value: part });
  }
  // Again, for the spaces next to a line break.
  return joinTexts(out);
}

/**
 * A container left with nothing to show (its children already resolved, so checked one level down):
 * emphasis around what was left out too, which would be written as `****` and shown so.
 */
function isBlank(node: Nodes): boolean {
  switch (node.type) {
    case 'paragraph':
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'emphasis':
    case 'strong':
    case 'delete':
      return node.children.length === 0;
    default:
      return false;
  }
}

/**
 * Texts made neighbours by what was left out between them (HTML, a link's address) joined as one,
 * without the spaces before a line ending that the parser would have dropped; and no space, nor line
 * ending, next to a line break, nor a line break at either end: written so, they would show as
 * `&#x20;`, `&#xA;` or a blank line.
 */
function joinTexts(nodes: readonly Nodes[]): Nodes[] {
  const joined: Nodes[] = [];
  // A separator seen (see SEPARATOR): a space before the next node, if it needs one.
  let separate = false;
  // An element's opening tag left out just before (see OPENED).
  let opened = false;
  // HTML left out since the last text (see LEFT_OUT): a mark where the next one joins.
  let mark = '';
  // The last of `joined` while it is a text, in pieces (see TextPieces).
  let run: TextPieces | undefined;
  const settle = (): void => {
    const last = joined[joined.length - 1];
    if (run !== undefined && last?.type === 'text')
      joined[joined.length - 1] = { ...last, value: run.text() };
    run = undefined;
  };
  const add = (node: Nodes): void => {
    settle();
    joined.push(node);
    if (node.type === 'text') run = new TextPieces(node.value);
  };
  for (const node of nodes) {
    if (node === SEPARATOR) {
      separate = true;
      continue;
    }
    if (node === OPENED) {
      opened = true;
      continue;
    }
    if (node === LEFT_OUT) {
      mark = REMOVED;
      continue;
    }
    const afterOpening = opened;
    opened = false;
    if (separate && needsSpace(run?.end(1) ?? joined[joined.length - 1], node))
      add({ type: 'text', value: ' ' });
    separate = false;
    if (node.type === 'text') {
      const value = joined[joined.length - 1]?.type === 'break' ? node.value.replace(/^\s+/, '') : node.value;
      if (value === '') continue;
      if (run !== undefined) {
        if (value.startsWith('\n')) run.trimEnd(withoutTrailingBlanks);
        let after = value;
        // What was left out between them (`a <!-- c --> b`, `and <img …>.`) leaves one space, and
        // none before punctuation.
        if (/[ \t]$/.test(run.end(1))) {
          if (/^[ \t]/.test(after)) after = after.replace(/^[ \t]+/, '');
          else if (!afterOpening && CLOSING_PUNCTUATION.test(after[0] ?? ''))
            run.trimEnd(withoutTrailingBlanks);
        }
        if (mark !== '' && opensBefore(run.end(OPENER_REACH + 1), joined[joined.length - 2])) run.add(mark);
        run.add(after);
      } else add({ ...node, value });
      mark = '';
      continue;
    }
    // Before anything else, the mark ends the text before it.
    if (mark !== '' && run !== undefined && opensBefore(run.end(OPENER_REACH + 1), joined[joined.length - 2]))
      run.add(mark);
    mark = '';
    if (node.type === 'break') {
      if (run !== undefined) {
        // trimEnd, not `/\s+$/` (see white-space.ts).
        run.trimEnd((piece) => piece.trimEnd());
        if (run.isEmpty()) {
          joined.pop();
          run = undefined;
        }
      }
      if (joined.length > 0) add(node);
    } else {
      add(node);
    }
  }
  settle();
  if (joined[joined.length - 1]?.type === 'break') joined.pop();
  return joined;
}

/** Whether two nodes, side by side, show no space or line break between them, nor at an end. */
function needsSpace(before: Nodes | string | undefined, after: Nodes): boolean {
  if (
    before === undefined ||
    (typeof before !== 'string' && before.type === 'break') ||
    after.type === 'break'
  )
    return false;
  const end = typeof before === 'string' ? before : before.type === 'text' ? before.value : '';
  return !/\s$/.test(end) && !(after.type === 'text' && /^\s/.test(after.value));
}

/** The first text's leading and the last text's trailing white space removed (in place). */
function trimEdges(nodes: Nodes[]): void {
  const first = nodes[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    if (value === '') nodes.shift();
    else nodes[0] = { ...first, value };
  }
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') {
    const value = last.value.trimEnd();
    if (value === '') nodes.pop();
    else nodes[nodes.length - 1] = { ...last, value };
  }
}

/**
 * Makes the links and images whose address is relative to the page (`../older/`, `#tips`,
 * `photo.png`, not `/blog/x`, which is on the site: see resolveUrl) absolute against `pageUrl`, the
 * address the post is published at. A link to a Markdown file (`[x](../b/index.md)`, `[x](b.md#why)`)
 * is to the post written in it, as Hugo's and Docusaurus's links read it: marked for the index to
 * fill in its address (see refMark), with or without `pageUrl`. Walked without recursion; the nodes
 * are changed in place.
 */
export function resolveRelativeLinks(root: Root, pageUrl: string | undefined, mediaPath?: string): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    // Chirpy's `media_subpath` goes before an image's address without a scheme, `/` first or not, as
    // its layout writes it (its `media-url` include: the two joined by a `/`, doubled ones made one).
    if (node.type === 'image' && mediaPath !== undefined && node.url.trim() !== '' && !node.url.includes(':'))
      node.url = `${mediaPath}/${node.url.trim()}`.replace(/\/{2,}/g, '/');
    if ((node.type === 'link' || node.type === 'image') && isPageRelative(node.url)) {
      const file = node.type === 'link' ? MARKDOWN_FILE_LINK.exec(node.url.trim()) : null;
      if (file !== null) {
        const path = safeDecodeUri(file[1] ?? '');
        node.url = refMark(`${/^\.\.?\//.test(path) ? '' : './'}${path}${file[2] ?? ''}`);
        continue;
      }
      if (pageUrl === undefined) continue;
      const url = URL.canParse(node.url, pageUrl) ? new URL(node.url, pageUrl).href : undefined;
      if (url !== undefined && isHttpUrl(url)) node.url = url;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** A link's address to a Markdown file: its path, and its `#part`. */
const MARKDOWN_FILE_LINK = /^([^?#]+\.(?:md|markdown|mdx))(?:\?[^#]*)?(#.*)?$/i;

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Relative to the page it is on: not empty (a template tag's, see resolveLinks), no `/` first, no scheme. */
function isPageRelative(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !trimmed.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(trimmed);
}

/**
 * A paragraph without its first `count` inline nodes (an item's name), and the spaces opening the rest.
 * A separator after the name (`**Name**: text`, `**Name** - text`, `**Name**—text`) goes too, but only
 * when the name did not end with one: in `**Flags:** --dry-run` or `**Pay:** -10%` the dashes are the
 * text's own.
 */
export function dropLeadingInline(paragraph: Paragraph, count: number): Paragraph {
  const rest: PhrasingContent[] = paragraph.children.slice(count);
  // Tags a message leaves out between the name and its separator (VitePress's `**Name** <Badge … />: text`)
  // go with the separator.
  const shown = rest.findIndex(
    (node) =>
      !(node.type === 'html' && !/^<br\s*\/?>$/i.test(node.value.trim())) &&
      !(node.type === 'text' && node.value.trim() === ''),
  );
  const after = rest[shown];
  if (shown > 0 && after?.type === 'text' && /^\s*[:：\-–—]/.test(after.value)) rest.splice(0, shown);
  const first = rest[0];
  if (first?.type === 'text') {
    const named = /[:：\-–—]\s*$/.test(
      plainText({ type: 'paragraph', children: paragraph.children.slice(0, count) }),
    );
    // A dash (`—`, `–`) or a full-width colon goes with or without a space after it (`**Name**—text`,
    // as US style writes it); a hyphen, colon or full stop only before one (`**Name** -10%` keeps
    // its minus, `**Name** .NET` its dot).
    const value = first.value.replace(named ? /^\s+/ : /^\s*(?:[–—：]|(?:[:.-]|--)(?=\s|$))?\s*/, '');
    rest[0] = { ...first, value };
    if (value === '') rest.shift();
  }
  return { ...paragraph, children: rest };
}

/**
 * `text` with a spoiler mark (`||`) that has no pair escaped, so that it shows as written: Discord
 * pairs the marks across a whole message, so one left open in an entry of a list (a summary cut
 * short, or written so) would hide the entries after it. Marks in code, in a link's address
 * (`?q=a||b`) or escaped are no marks. The walk outside code is the preprocessors' (linear).
 */
export function escapeLoneSpoilers(text: string): string {
  if (!text.includes('||')) return text;
  const marks: number[] = [];
  // What was searched for in vain is not searched for again: the time stays linear in the text's.
  let noAddressBefore = 0;
  const skip = (start: number, end: number): Replacement => ({ end, text: text.slice(start, end) });
  rewriteOutsideCode(text, {
    triggers: '\\\\|\\]<',
    construct: (start) => {
      const char = text[start];
      if (char === '\\') return skip(start, start + 2);
      if (char === '|') {
        if (text[start + 1] !== '|') return undefined;
        marks.push(start);
        return skip(start, start + 2);
      }
      if (char === ']') {
        if (text[start + 1] !== '(' || start < noAddressBefore) return undefined;
        const end = destinationEnd(text, start + 1);
        if (end >= 0) return skip(start, end + 1);
        noAddressBefore = -end;
        return undefined;
      }
      AUTOLINK.lastIndex = start;
      return AUTOLINK.test(text) ? skip(start, AUTOLINK.lastIndex) : undefined;
    },
  });
  const last = marks.length % 2 === 0 ? undefined : marks.at(-1);
  return last === undefined ? text : `${text.slice(0, last)}\\|\\|${text.slice(last + 2)}`;
}

/** An autolink as CommonMark reads one (`<https://…>`): its address is no text either. */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

/**
 * `markdown` with a strikethrough mark (`~~`) that has no pair escaped (`\~\~`), so that it shows as
 * written: Discord strikes from a `~~` to the next one, across lines, so one left open in an entry of
 * a list would strike the entries after it. Marks are paired as Discord pairs them, from the first on,
 * the next `~~` closing (content of one character at least; not one before `_`): any two tildes side
 * by side, a `\~~` too, which closes (Discord's rule reads no escape inside) and opens at a line's
 * start (discordLines drops its `\`). Marks in code, in a link's address or an autolink, in a bare
 * address, or escaped one by one (`\~\~`) are no marks. Linear in the text's length.
 */
export function escapeLoneStrikes(markdown: string): string {
  if (!markdown.includes('~~')) return markdown;
  // The runs of two tildes or more, where they start and end.
  const runs: Run[] = [];
  let noAddressBefore = 0;
  // Only the walk is wanted, not what it rewrites: what it passes over is left out of that.
  const skip = (end: number): Replacement => ({ end, text: '' });
  rewriteOutsideCode(markdown, {
    triggers: '~\\\\\\]<hH',
    construct: (start) => {
      const char = markdown[start];
      if (char === '~') {
        let end = start;
        while (markdown[end] === '~') end++;
        if (end - start > 1) runs.push({ start, end });
        return skip(end);
      }
      // `\~~`: its first tilde is escaped, the run is read from it on (above).
      if (char === '\\') return markdown.startsWith('~~', start + 1) ? undefined : skip(start + 2);
      if (char === ']') {
        if (markdown[start + 1] !== '(' || start < noAddressBefore) return undefined;
        const end = destinationEnd(markdown, start + 1);
        if (end >= 0) return skip(end + 1);
        noAddressBefore = -end;
        return undefined;
      }
      const address = char === '<' ? AUTOLINK : BARE_URL;
      address.lastIndex = start;
      return address.test(markdown) ? skip(address.lastIndex) : undefined;
    },
  });
  // Whether a run closes a strikethrough opened before it: one of three tildes or more always can.
  const closes = (run: Run): boolean => run.end - run.start > 2 || markdown[run.end] !== '_';
  // From each run on, the first that can close one; past the last, none.
  const nextCloser = new Array<number>(runs.length + 1).fill(runs.length);
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r];
    nextCloser[r] = run !== undefined && closes(run) ? r : (nextCloser[r + 1] ?? runs.length);
  }
  const lone: Run[] = [];
  // Where the text after the last strikethrough closed starts.
  let from = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const open = Math.max(run?.start ?? 0, from);
    if (run === undefined || run.end - open < 2) continue;
    // Its closing `~~` starts a character or more after it: in this run, or the next one that can close.
    const inRun = open + 5 < run.end || (open + 5 === run.end && markdown[run.end] !== '_');
    const closer = inRun ? r : (nextCloser[r + 1] ?? runs.length);
    const closing = runs[closer];
    if (closing === undefined) {
      lone.push({ start: open, end: run.end });
      continue;
    }
    from = (inRun ? open + 3 : closing.start) + 2;
    r = closer - 1;
  }
  if (lone.length === 0) return markdown;
  let escaped = '';
  let done = 0;
  for (const { start, end } of lone) {
    // A tilde escaped already (`\~~`) keeps its one backslash.
    const first = isEscaped(markdown, start) ? '~' : '\\~';
    escaped += markdown.slice(done, start) + first + '\\~'.repeat(end - start - 1);
    done = end;
  }
  return escaped + markdown.slice(done);
}

/** Where a run of tildes starts and ends. */
interface Run {
  readonly start: number;
  readonly end: number;
}

/** A bare address, as Discord links one in text: its tildes are the address's. */
const BARE_URL = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/iy;

/**
 * Where the link address opened by the `(` at `open` ends: its `)`, parentheses inside paired; or,
 * without one, minus where the search stopped (an address never holds a line break).
 */
function destinationEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
    else if (char === '\n') return -i;
  }
  return -text.length;
}
