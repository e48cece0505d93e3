import markdownIt, { type MarkdownIt, type Options, type StateCore, type Token } from 'markdown-it';
import type { RuleBlock } from 'markdown-it/lib/parser_block.mjs';
import abbr from 'markdown-it-abbr';
import deflist from 'markdown-it-deflist';
import type { FoldedSpan } from './html-block-nodes.js';
import { TextPieces } from './text-pieces.js';
import footnote from 'markdown-it-footnote';
import type {
  FootnoteReference,
  Heading,
  ListItem,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import { tidied } from './html-block-nodes.js';
import { pairedElements, QUOTES } from './inline-html.js';
import { CLOSING_TAG } from './html-blocks.js';
import { toString } from 'mdast-util-to-string';
import { TAG_TRACE } from './mdx.js';
import { withoutBidiControls } from './shown-text.js';
import { firstAtOrAfter } from './sorted.js';
import { oneLine, withoutTrailingBlanks } from './white-space.js';

/*
 * Markdown read by markdown-it, CommonMark's fastest JavaScript parser (about ten times micromark's
 * speed on articles), into the mdast tree that the rest of the core walks and mdast-util-to-markdown
 * writes back. What CommonMark has (no linkify, no typographer), GFM's tables, and the footnotes and
 * abbreviations that kramdown (Jekyll) and goldmark (Hugo) read: abbreviations so that they are left
 * out (`*[HTML]: …` would otherwise show as written), footnotes so that an item can show the notes it
 * cites (see {@link Footnotes}).
 */

declare module 'mdast' {
  interface ParagraphData {
    /** Written from a table (Markdown's or HTML's), a line per row: no item's name opens it. */
    table?: true;
    /**
     * A Markdown table's rows below its head, each cell's nodes (those of the paragraph's children),
     * and its head's cells' text: what makes a table of named items (see parse-article's buildSection).
     */
    rows?: { readonly head: readonly string[]; readonly body: readonly (readonly PhrasingContent[])[][] };
  }
  interface RootData {
    /** The document's footnotes (see {@link Footnotes}). */
    footnotes?: Footnotes;
    /** The lines of each `<details>` element at the top of the document (see foldedSpans). */
    folded?: readonly FoldedSpan[];
  }
}

/**
 * Each footnote's note, as one line of phrasing (links kept), by its number: the `label` of the
 * `footnoteReference` nodes that cite it. Numbers go in the order notes are first cited in the
 * document (not in notes). The notes stay out of the tree: its blocks are what is shown where it is,
 * and a note is shown with each item that cites it (see parse-article's itemText), not where written.
 */
export type Footnotes = Record<string, PhrasingContent[]>;

/**
 * A tree's notes, each a paragraph of its own, for what reads them as it reads the tree (their nesting
 * checked, links resolved, words searched). The paragraphs hold the notes' own nodes: changed in
 * place, they are the notes changed.
 */
export function noteParagraphs(root: Root): Paragraph[] {
  return Object.values(root.data?.footnotes ?? {}).map((children) => ({
    type: 'paragraph',
    children,
    position: children[0]?.position,
  }));
}

/**
 * Block nesting past which markdown-it silently stops reading a document: far above what the checks
 * of parseMarkdown let through (32 levels of lists and quotes, each two or three tokens deep).
 */
const MAX_TOKEN_NESTING = 256;

function parser({ indentedCode }: { indentedCode: boolean }): MarkdownIt {
  // markdown-it reads the option (its presets set it); its published types do not list it.
  const md = markdownIt('commonmark', { maxNesting: MAX_TOKEN_NESTING } as Options);
  // Addresses as written, as mdast keeps them: markdown-it would percent-encode them for HTML.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  // Every address is read as a link, as micromark did: resolveUrl keeps only http(s) ones, and the
  // text of the others (markdown-it would leave `[x](javascript:…)` as written).
  md.validateLink = () => true;
  if (!indentedCode) {
    md.disable('code');
    anyIndentation(md);
  }
  // Abbreviations are read only so that their definitions are left out: nothing marks their uses in a
  // message, and the plugin's marking rebuilds a paragraph's tokens at each use (a paragraph of
  // thousands of them took minutes).
  md.use(footnote).use(abbr).disable('abbr_replace');
  // GFM's tables, as Hugo's goldmark, kramdown and Eleventy's markdown-it read them: written as rows
  // of cells (see treeOf), not as the lines they are written on with their `|---|` rule.
  md.enable('table');
  // Definition lists (`Term`, then `: definition`), which goldmark and kramdown read: named items.
  md.use(deflist);
  md.core.ruler.at('footnote_tail', footnoteTail);
  md.core.ruler.before('text_join', 'literal_tildes', literalTildes);
  return md;
}

/** A zero-width space, which keeps tildes apart where Discord would read them as one mark. */
const TILDE_BREAK = '\u200B';

/**
 * Tildes written as text (`\~\~`, `&#126;`) kept apart from the tildes beside them by a zero-width
 * space: the tree has no strikethrough (see withStrikethrough in text.ts), and joined into the text
 * they would make a `~~` that Discord strikes with, where the blog shows two tildes. Run before
 * markdown-it joins the escapes into the texts around them, while they are tokens of their own.
 */
function literalTildes(state: StateCore): void {
  for (const block of state.tokens) {
    const tokens = block.type === 'inline' ? block.children : null;
    if (tokens === null) continue;
    for (const [i, token] of tokens.entries()) {
      if (token.type !== 'text_special' || token.content !== '~') continue;
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (isText(before) && before.content.endsWith('~')) token.content = TILDE_BREAK + token.content;
      if (isText(after) && after.content.startsWith('~')) token.content += TILDE_BREAK;
    }
  }
}

/** Whether a token is text, before markdown-it joins escapes and entities into the texts around them. */
function isText(token: Token | undefined): token is Token {
  return token?.type === 'text' || token?.type === 'text_special';
}

/** What markdown-it-footnote keeps of a cited note: its label, or the inline note's own tokens. */
interface NoteEntry {
  readonly label?: string;
  readonly tokens?: Token[];
  readonly content?: string;
}

/**
 * markdown-it-footnote's last step, done as it does it but in time that grows with the document:
 * the notes' blocks, taken out of the document where they were written, go after it, each cited
 * note once in the order of its first citation. The plugin's own copies the whole token list once
 * per note (a quarter megabyte of notes took 45 s). It adds no back-links: nothing here reads them.
 */
function footnoteTail(state: StateCore): void {
  const env = state.env as { footnotes?: { list?: NoteEntry[] } };
  if (env.footnotes === undefined) return;
  const kept: Token[] = [];
  const written = new Map<string, Token[]>();
  let note: Token[] | undefined;
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      note = [];
      written.set(String((token.meta as { label?: unknown }).label), note);
    } else if (token.type === 'footnote_reference_close') note = undefined;
    else (note ?? kept).push(token);
  }
  state.tokens = kept;
  const list = env.footnotes.list;
  if (list === undefined) return;
  kept.push(new state.Token('footnote_block_open', '', 1));
  list.forEach((entry, id) => {
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id, label: entry.label };
    kept.push(open);
    if (entry.tokens !== undefined) {
      const paragraph = new state.Token('paragraph_open', 'p', 1);
      paragraph.block = true;
      const inline = new state.Token('inline', '', 0);
      inline.children = entry.tokens;
      inline.content = entry.content ?? '';
      const close = new state.Token('paragraph_close', 'p', -1);
      close.block = true;
      kept.push(paragraph, inline, close);
    } else if (entry.label !== undefined) {
      // A loop, not push(...): a note may hold more tokens than a call takes arguments.
      for (const token of written.get(entry.label) ?? []) kept.push(token);
    }
    kept.push(new state.Token('footnote_close', '', -1));
  });
  kept.push(new state.Token('footnote_block_close', '', -1));
}

/** The block rules that refuse a block four columns or more in, where indented code would be. */
const INDENT_LIMITED = [
  'fence',
  'blockquote',
  'hr',
  'list',
  'reference',
  'html_block',
  'heading',
  'lheading',
  'paragraph',
];

/**
 * Blocks at any indentation, as MDX reads them (it has no indented code): a list, quote, heading or
 * fence indented inside a component (`<Tabs>`, `<Tab>`, then four spaces) is that block, not a
 * paragraph of its text. Each rule is given such a block as if the content it is in started at the
 * block's own column, so that the columns its lines are measured against stay as written.
 */
function anyIndentation(md: MarkdownIt): void {
  const { ruler } = md.block;
  // The chains that a rule may interrupt, as markdown-it set them.
  const chains = ['paragraph', 'reference', 'blockquote', 'list'];
  for (const name of INDENT_LIMITED) {
    const rule = blockRule(name);
    const alt = chains.filter((chain) => ruler.getRules(chain).includes(rule));
    const indented: RuleBlock = (state, startLine, givenEnd, silent) => {
      // A paragraph ends at the trace of a line of MDX tags, however far in, as it did at the blank
      // line the trace stands for (four columns past it, markdown-it would go on lazily over it).
      const endLine = PARAGRAPHS.has(name) ? Math.min(givenEnd, nextTrace(state, startLine + 1)) : givenEnd;
      const indent = state.blkIndent;
      const column = state.sCount[startLine] ?? 0;
      if (column - indent < 4) return rule(state, startLine, endLine, silent);
      state.blkIndent = column;
      try {
        return rule(state, startLine, endLine, silent);
      } finally {
        state.blkIndent = indent;
      }
    };
    ruler.at(name, indented, { alt });
  }
}

/** The rules that read a paragraph's lines. */
const PARAGRAPHS = new Set(['paragraph', 'lheading']);

type BlockState = Parameters<RuleBlock>[0];

/** The lines of each source that are traces of MDX tags (a line of only {@link TAG_TRACE}), in order. */
const traceLines = new WeakMap<BlockState, number[]>();

/** The first line at or after `from` that is a trace of MDX tags, or Infinity. */
function nextTrace(state: BlockState, from: number): number {
  let lines = traceLines.get(state);
  if (lines === undefined) {
    lines = [];
    let line = 0;
    for (const text of state.src.split('\n')) {
      if (text.trim() === TAG_TRACE) lines.push(line);
      line++;
    }
    traceLines.set(state, lines);
  }
  return lines[firstAtOrAfter(lines, from)] ?? Number.POSITIVE_INFINITY;
}

/** markdown-it's own block rule `name`: a function shared by every instance, found through its public API. */
function blockRule(name: string): RuleBlock {
  const md = markdownIt('commonmark');
  md.block.ruler.enableOnly([name]);
  const [rule] = md.block.ruler.getRules('');
  if (rule === undefined) throw new Error(`markdown-it has no block rule ${name}`);
  return rule;
}

const markdown = parser({ indentedCode: true });
/** MDX has no indented code: text indented inside a component (`<Tabs>`, then four spaces) is prose. */
const mdx = parser({ indentedCode: false });

/** The blocks whose lines markdown-it reads no Markdown in: code, and raw HTML. */
const RAW_BLOCKS: ReadonlySet<string> = new Set(['fence', 'code_block', 'html_block']);

/** A document read into blocks, before any text in them is read (see {@link readBlocks}). */
export interface BlockRead {
  /** Whether each line (from 0) is in code or an HTML block, where no Markdown is read. */
  readonly rawLines: readonly boolean[];
  /** Reads the blocks' text, and gives the tree (see {@link markdownTree}). */
  tree(): Root;
}

/**
 * Reads `source` into blocks (linear, and bounded in depth: see MAX_TOKEN_NESTING), so that what is
 * in them can be checked before their text, whose reading may take far longer, is read.
 */
export function readBlocks(source: string, { mdx: isMdx = false }: { mdx?: boolean } = {}): BlockRead {
  const md = isMdx ? mdx : markdown;
  const state = new md.core.State(source, md, {});
  const [normalize, block, ...rest] = md.core.ruler.getRules('');
  // markdown-it's core chain opens with these two, and plugins add theirs after its inline rule.
  if (normalize?.name !== 'normalize' || block?.name !== 'block')
    throw new Error("markdown-it's core rules do not open with normalize and block");
  normalize(state);
  block(state);
  const rawLines: (true | undefined)[] = [];
  for (const token of state.tokens) {
    if (!RAW_BLOCKS.has(token.type) || token.map === null) continue;
    for (let line = token.map[0]; line < token.map[1]; line++) rawLines[line] = true;
  }
  return {
    rawLines: Array.from(rawLines, (raw) => raw === true),
    tree: () => {
      for (const rule of rest) rule(state);
      return treeOf(state.tokens, isMdx);
    },
  };
}

/** The mdast tree of `source`: lines in positions are 1-based; inline nodes have their block's. */
export function markdownTree(source: string, options: { mdx?: boolean } = {}): Root {
  return readBlocks(source, options).tree();
}

function treeOf(tokens: readonly Token[], isMdx: boolean): Root {
  const root: Root = { type: 'root', children: [] };
  // The open containers, innermost last, each with the lines its children span (for `spread`).
  const stack: Open[] = [{ node: root, spans: [], span: { start: 0, end: 0 } }];
  const top = (): Open => stack[stack.length - 1] ?? { node: root, spans: [], span: { start: 0, end: 0 } };
  const add = (node: RootContent, token: Token): Span => {
    const parent = top();
    (parent.node.children as RootContent[]).push(node);
    const span = { start: token.map?.[0] ?? 0, end: token.map?.[1] ?? 0 };
    parent.spans.push(span);
    return span;
  };
  const notes = new NoteNumbers(tokens);
  const open = (node: RootContent & Parents, token: Token): void => {
    const span = add(node, token);
    stack.push({ node, spans: [], span });
  };
  const close = (): void => {
    const closed = stack.pop();
    if (closed === undefined) return;
    // A container ends with its last child, not with the blank lines markdown-it counts after it.
    const last = closed.spans[closed.spans.length - 1];
    if (last !== undefined) closed.span.end = last.end;
    // As micromark sets it: a blank line between an item's children, or between a list's items.
    if (closed.node.type === 'listItem' || closed.node.type === 'list')
      closed.node.spread = blankBetween(closed.spans);
  };

  // A table is one paragraph, a line per row that shows text, its cells apart (` | `), as an HTML
  // table is written (see tableLines in html-block-nodes.ts): the row open, and how many rows show.
  let row: { cells: number; head: boolean; read: PhrasingContent[][] } | undefined;
  let rows = 0;
  let head: string[] = [];
  let body: PhrasingContent[][][] = [];
  // A definition list is a list whose items are named by their term in bold (`- **Term**: its
  // definition`), as a list of named skills or tips is written: the term's paragraph stays open for
  // the definition's first one (`defining`), which goes on in it.
  let term = false;
  let defining = false;
  // Inside the footnotes' list, read by NoteNumbers and kept on the root, not in its blocks.
  let footnotes = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'footnote_block_open') footnotes++;
    if (token.type === 'footnote_block_close') footnotes--;
    if (footnotes > 0) continue;
    const position = positionOf(token);
    switch (token.type) {
      case 'paragraph_open':
        if (defining) {
          defining = false;
          (top().node.children as PhrasingContent[]).push({ type: 'text', value: ': ', position });
        } else open({ type: 'paragraph', children: [], position }, token);
        break;
      case 'dl_open':
        open({ type: 'list', ordered: false, start: null, spread: false, children: [], position }, token);
        break;
      case 'dt_open':
        // The item before ends at the next term.
        if (top().node.type === 'listItem') close();
        open({ type: 'listItem', spread: false, checked: null, children: [], position }, token);
        open({ type: 'paragraph', children: [], position }, token);
        term = true;
        break;
      case 'dt_close':
        term = false;
        defining = true;
        break;
      case 'dd_open':
        // A definition that opens with no paragraph (a list, code) leaves the term alone on its line.
        if (defining && tokens[index + 1]?.type !== 'paragraph_open') {
          defining = false;
          close();
        }
        break;
      case 'dl_close':
        if (defining) close();
        defining = false;
        if (top().node.type === 'listItem') close();
        close();
        break;
      case 'heading_open':
        open({ type: 'heading', depth: headingDepth(token.tag), children: [], position }, token);
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [], position }, token);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(token.attrGet('start') ?? 1) : null;
        open({ type: 'list', ordered, start, spread: false, children: [], position }, token);
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [], position }, token);
        break;
      case 'paragraph_close':
      case 'heading_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
        close();
        break;
      case 'table_open':
        open({ type: 'paragraph', children: [], position, data: { table: true } }, token);
        rows = 0;
        head = [];
        body = [];
        break;
      case 'tr_open':
        row = { cells: 0, head: tokens[index - 1]?.type === 'thead_open', read: [] };
        break;
      case 'tr_close':
        if (row !== undefined && !row.head) body.push(row.read);
        row = undefined;
        break;
      case 'table_close': {
        row = undefined;
        const table = top().node;
        if (table.type === 'paragraph' && body.length > 0) table.data = { table: true, rows: { head, body } };
        close();
        break;
      }
      case 'inline': {
        const nodes = phrasing(token.children ?? [], position, { cite: (ref) => notes.cite(ref) });
        // A definition's term, in bold: one bold with its own (bold in bold would show its marks).
        if (term) {
          const children = nodes.flatMap((node) => (node.type === 'strong' ? node.children : [node]));
          (top().node.children as PhrasingContent[]).push({ type: 'strong', children, position });
          break;
        }
        if (row !== undefined) {
          if (row.head) head.push(toString({ type: 'paragraph', children: nodes }).trim());
          else row.read.push(nodes);
          if (nodes.length === 0) break;
          const line = top().node.children as PhrasingContent[];
          if (row.cells > 0) line.push({ type: 'text', value: ' | ', position });
          else if (rows++ > 0) line.push({ type: 'break', position });
          row.cells++;
          for (const node of nodes) line.push(node);
          break;
        }
        const item = stack[stack.length - 2]?.node;
        if (item?.type === 'listItem' && item.children.length === 1) markTask(item, token, nodes);
        // A loop, not push(...): a paragraph may hold more nodes than a call takes arguments.
        for (const node of nodes) (top().node.children as PhrasingContent[]).push(node);
        break;
      }
      case 'fence': {
        const info = markdown.utils.unescapeAll(token.info).trim();
        const space = info.search(/\s/);
        const lang = info === '' ? null : space === -1 ? info : info.slice(0, space);
        const meta = space === -1 ? null : info.slice(space).trim() || null;
        add({ type: 'code', lang, meta, value: withoutLastNewline(token.content), position }, token);
        break;
      }
      case 'code_block':
        add(
          { type: 'code', lang: null, meta: null, value: withoutLastNewline(token.content), position },
          token,
        );
        break;
      case 'html_block':
        // What is left of a line of MDX tags: no content, as a blank line is none.
        if (isMdx && token.content.trim() === TAG_TRACE) break;
        add({ type: 'html', value: withoutLastNewline(token.content), position }, token);
        break;
      case 'hr':
        add({ type: 'thematicBreak', position }, token);
        break;
    }
  }
  const shown = notes.notes();
  if (Object.keys(shown).length > 0) root.data = { footnotes: shown };
  return root;
}

/**
 * A task list's item (`- [ ] text`, `- [x] text`, as GFM reads it: the box first in the item's first
 * paragraph, a space after it): `checked` set, and the box shown as ⬜ or ✅ in place of its brackets,
 * where mdast-util-to-markdown would write `\[ ]`. In the text, since an item's text is shown
 * without its item (a tip); the two boxes are both emoji, as Discord draws them alike (a ☑ would be
 * drawn as an emoji beside a plain ☐), so a list of them reads as a checklist. `inline` is the token
 * of the item's first paragraph, `nodes` its phrasing, changed in place.
 */
function markTask(item: ListItem, inline: Token, nodes: PhrasingContent[]): void {
  // The source as written: an escaped `\[ ]` is text, and `[x]` a link where a definition makes it one.
  const task = TASK.exec(inline.content);
  const first = nodes[0];
  if (task === null || first?.type !== 'text') return;
  const checked = task[1] !== ' ';
  item.checked = checked;
  const box = taskBox(checked);
  const rest = first.value.replace(/^\[[ xX]\]\s*/, '');
  // An item that opens in bold or italic (`- [x] **Name:** text`) keeps that name: the box goes in it.
  let lead = rest === '' ? nodes[1] : undefined;
  while (lead?.type === 'strong' || lead?.type === 'emphasis') {
    const inner: PhrasingContent | undefined = lead.children[0];
    if (inner?.type === 'text') {
      lead.children[0] = { ...inner, value: box + inner.value };
      nodes.shift();
      return;
    }
    lead = inner;
  }
  nodes[0] = { ...first, value: box + rest };
}

/** What shows a task's box (see markTask), a space after it. */
export function taskBox(checked: boolean): string {
  return checked ? '✅ ' : '⬜ ';
}

/** A task's box and the white space after it, with something after that. */
const TASK = /^\[([ xX])\]\s+(?=\S)/;

/** Where a node is in the source (unist's Position). */
type Position = NonNullable<Root['position']>;

/** The lines a block spans, 0-based, its end excluded. */
interface Span {
  start: number;
  end: number;
}

interface Open {
  readonly node: Parents;
  readonly spans: Span[];
  readonly span: Span;
}

/** True when a blank line separates two consecutive blocks. */
function blankBetween(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1];
    const after = spans[i];
    if (before !== undefined && after !== undefined && after.start > before.end) return true;
  }
  return false;
}

function headingDepth(tag: string): Heading['depth'] {
  return Math.min(6, Math.max(1, Number(tag.slice(1)) || 1)) as Heading['depth'];
}

function positionOf(token: Token): Position | undefined {
  if (token.map == null) return undefined;
  const [start, end] = token.map;
  return { start: { line: start + 1, column: 1 }, end: { line: Math.max(start + 1, end), column: 1 } };
}

function withoutLastNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * The inline tokens of one block as phrasing nodes; soft line breaks are part of the text, as in
 * mdast, or spaces where `oneLine` (a note, shown as one line). A footnote reference is the node
 * `cite` makes of it, or nothing.
 */
function phrasing(
  tokens: readonly Token[],
  position: Position | undefined,
  {
    oneLine = false,
    cite = () => undefined,
  }: { oneLine?: boolean; cite?: (token: Token) => FootnoteReference | undefined } = {},
): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  const siblings = (): PhrasingContent[] => (stack[stack.length - 1] ?? root).children;
  // The pieces of each text, joined once at the end (see TextPieces).
  const pieces = new Map<Text, TextPieces>();
  const text = (value: string): void => {
    // markdown-it leaves empty texts where emphasis markers were.
    if (value === '') return;
    const list = siblings();
    const last = list[list.length - 1];
    const parts = last?.type === 'text' ? pieces.get(last) : undefined;
    if (parts !== undefined) parts.add(value);
    else {
      const node: Text = { type: 'text', value: '', position };
      pieces.set(node, new TextPieces(value));
      list.push(node);
    }
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    siblings().push(node);
    stack.push(node);
  };
  // Inline HTML elements read as the Markdown they stand for (see inline-html.ts); code's, at its
  // closing tag, as the text it holds.
  const paired = pairedElements(tokens);
  const codes = new Set<object>();
  // Bold in bold (`<b>**x**</b>`, `**a **b** c**`) is one bold, italic in italic one italic: written
  // twice, their marks would show or end the outer one. The inner one's text goes in the node it is
  // in (pushed again, so that its closing pops it).
  const mark = (kind: 'strong' | 'emphasis' | 'delete'): void => {
    const within = stack.some((node) => 'type' in node && node.type === kind && !codes.has(node));
    if (within) stack.push(stack[stack.length - 1] ?? root);
    else open({ type: kind, children: [], position });
  };
  // The levels that hold such elements: tidied as HTML blocks' are (see tidied), once their texts are.
  const holders = new Set<PhrasingContent[]>();
  // Quotations open (`<q>`): one in another takes single marks, as a browser shows it.
  let quotes = 0;
  const plain = (nodes: readonly PhrasingContent[]): string =>
    nodes
      .map((node) =>
        node.type === 'text'
          ? (pieces.get(node)?.text() ?? node.value)
          : node.type === 'inlineCode'
            ? node.value
            : node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim()))
              ? ' '
              : 'children' in node
                ? plain(node.children)
                : '',
      )
      .join('');
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) continue;
    switch (token.type) {
      case 'text':
        // Those of the source are gone before it is read (see withoutControls); an entity may write one.
        text(withoutBidiControls(token.content));
        break;
      case 'softbreak': {
        // markdown-it drops the spaces before a line ending, but not the tabs (CommonMark drops both).
        const last = siblings().at(-1);
        if (last?.type === 'text') pieces.get(last)?.trimEnd(withoutTrailingBlanks);
        text(oneLine ? ' ' : '\n');
        break;
      }
      case 'hardbreak':
        if (oneLine) text(' ');
        else siblings().push({ type: 'break', position });
        break;
      case 'footnote_ref': {
        const reference = cite(token);
        if (reference !== undefined) siblings().push({ ...reference, position });
        break;
      }
      case 'code_inline':
        siblings().push({ type: 'inlineCode', value: token.content, position });
        break;
      case 'html_inline': {
        const element = paired.get(index);
        if (element === undefined) siblings().push({ type: 'html', value: token.content, position });
        else if (element === 'close') {
          const closed = stack.pop();
          if (CLOSING_TAG.exec(token.content.trim())?.[1]?.toLowerCase() === 'q') {
            quotes--;
            text(QUOTES[quotes % 2]?.[1] ?? '');
            break;
          }
          const list = siblings();
          // Not when it was pushed again for a bold in bold (see mark): its own closing is later.
          if (closed !== undefined && codes.has(closed) && list !== closed.children)
            list[list.length - 1] = { type: 'inlineCode', value: plain(closed.children), position };
        } else {
          holders.add(siblings());
          if (element.kind === 'quote') {
            text(QUOTES[quotes % 2]?.[0] ?? '');
            quotes++;
            // Its text goes where it is (pushed again, so that its closing pops it).
            stack.push(stack[stack.length - 1] ?? root);
          } else if (element.kind === 'link')
            open({
              type: 'link',
              url: element.url ?? '',
              title: element.title ?? null,
              children: [],
              position,
            });
          else if (element.kind === 'inlineCode') {
            const code: PhrasingContent & { children: PhrasingContent[] } = {
              type: 'emphasis',
              children: [],
              position,
            };
            codes.add(code);
            open(code);
          } else mark(element.kind);
        }
        break;
      }
      case 'em_open':
        mark('emphasis');
        break;
      case 'strong_open':
        mark('strong');
        break;
      case 'link_open':
        open({
          type: 'link',
          url: attribute(token, 'href') ?? '',
          title: attribute(token, 'title') ?? null,
          children: [],
          position,
        });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        siblings().push({
          type: 'image',
          url: attribute(token, 'src') ?? '',
          title: attribute(token, 'title') ?? null,
          alt: plainTokens(token.children ?? []),
          position,
        });
        break;
    }
  }
  for (const [node, parts] of pieces) node.value = parts.text();
  for (const level of holders) {
    const tidy = tidied(level) as PhrasingContent[];
    level.length = 0;
    for (const node of tidy) level.push(node);
  }
  return root.children;
}

function attribute(token: Token, name: string): string | undefined {
  return token.attrGet(name) ?? undefined;
}

/** The text of inline tokens without their markup, as an image's alt text is made. */
function plainTokens(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += plainTokens(token.children ?? []);
  }
  return text;
}

/** The superscript digits, ⁰ to ⁹. */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote's number (or its label) as its marker: superscript digits (`¹`, `¹⁰`), small as on the page. */
export function footnoteMarker(number: number | string): string {
  return Array.from(String(number), (digit) => SUPERSCRIPT[Number(digit)] ?? digit).join('');
}

/** markdown-it-footnote's id of the footnote a token refers to or opens. */
function footnoteId(token: Token): number {
  const id = (token.meta as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : -1;
}

/**
 * The footnotes of a document (`text[^1]`, `[^note]`, inline `^[text]`): each numbered at its first
 * reference outside the notes, each note read into one line. markdown-it-footnote leaves out a note
 * never cited, and leaves a reference without a note as text; a reference inside a note shows
 * nothing (its note would be shown nowhere).
 */
class NoteNumbers {
  /** Each note's block tokens, by markdown-it-footnote's id. */
  private readonly bodies = new Map<number, Token[]>();
  /** Each footnote's number, given at its first reference. */
  private readonly numbers = new Map<number, number>();

  constructor(tokens: readonly Token[]) {
    let body: Token[] | undefined;
    for (const token of tokens) {
      if (token.type === 'footnote_open') {
        body = [];
        this.bodies.set(footnoteId(token), body);
      } else if (token.type === 'footnote_close') body = undefined;
      else if (body !== undefined && token.type !== 'footnote_anchor') body.push(token);
    }
  }

  /** The node of a reference in the document, labelled with its note's number. */
  cite(token: Token): FootnoteReference | undefined {
    const id = footnoteId(token);
    if (!this.bodies.has(id)) return undefined;
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(id, number);
    }
    const label = String(number);
    return { type: 'footnoteReference', identifier: label, label };
  }

  /** The notes cited, each as one line (see noteLine), by number; a note that shows nothing is left out. */
  notes(): Footnotes {
    const notes: Footnotes = {};
    for (const [id, number] of this.numbers) {
      const line = noteLine(this.bodies.get(id) ?? []);
      if (line.length > 0) notes[String(number)] = line;
    }
    return notes;
  }
}

/** A note's blocks as one line: a space between them, list items after `•` or their number, code inline. */
function noteLine(tokens: readonly Token[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  // The next number of each open list, undefined for a bulleted one.
  const lists: (number | undefined)[] = [];
  let lead = '';
  const append = (children: PhrasingContent[]): void => {
    if (children.length === 0) return;
    // A loop, not push(...): a paragraph may hold more nodes than a call takes arguments.
    for (const node of withLead(nodes.length > 0 ? ` ${lead}` : lead, children)) nodes.push(node);
    lead = '';
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(token.type === 'ordered_list_open' ? Number(token.attrGet('start') ?? 1) : undefined);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const next = lists.at(-1);
        lead += next === undefined ? '• ' : `${next}. `;
        if (next !== undefined) lists[lists.length - 1] = next + 1;
        break;
      }
      case 'inline':
        append(phrasing(token.children ?? [], positionOf(token), { oneLine: true }));
        break;
      case 'fence':
      case 'code_block': {
        const code = oneLine(token.content);
        if (code !== '') append([{ type: 'inlineCode', value: code }]);
        break;
      }
    }
  }
  return nodes;
}

/** `nodes` after the text `lead`, joined to the text they open with. */
function withLead(lead: string, nodes: PhrasingContent[]): PhrasingContent[] {
  if (lead === '') return nodes;
  const [first, ...rest] = nodes;
  if (first?.type === 'text') return [{ ...first, value: lead + first.value }, ...rest];
  return [{ type: 'text', value: lead }, ...nodes];
}
