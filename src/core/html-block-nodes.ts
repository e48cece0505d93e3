import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Html, Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { QUOTES } from './inline-html.js';

/*
 * Raw HTML blocks read as the Markdown they stand for: a blog exported from WordPress, or a Hugo or
 * Jekyll post, writes paragraphs and lists as HTML (`<p>…</p>`, `<ul><li>…</li></ul>`), which a
 * message would otherwise leave out. Each block is parsed as an HTML fragment (hast-util-from-html,
 * the WHATWG parser) and turned into mdast (hast-util-to-mdast): `<p>` a paragraph, `<ul>`/`<ol>`
 * a list, `<h2>` a heading, `<b>`, `<em>`, `<a href>`, `<code>` their phrasing, `<pre>` code.
 */

/**
 * How much HTML one post may have read so, beyond which a block stays raw HTML (left out, as before):
 * the blocks' text, the blocks, their elements, and how deep elements nest. Both libraries walk the
 * tree recursively (the hast one overflows the stack some 2,000 elements deep), and no article's
 * HTML comes near any of these.
 */
export const HTML_BLOCK_BUDGET = {
  characters: 64 * 1024,
  blocks: 512,
  elements: 4096,
  depth: 64,
} as const;

/**
 * What one post written all in HTML may have read (see parseHtmlBody): its whole text is HTML, a
 * long post's hundreds of paragraphs (about 0.8 s to read at most, once: the content store keeps it).
 */
export const HTML_BODY_BUDGET = {
  characters: 256 * 1024,
  blocks: 512,
  elements: 16_384,
  depth: 64,
} as const;

/** In an opening tag: `markdown=` (kramdown's `markdown="1"`), whose blocks are read elsewhere, or left as they are. */
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=/i;

/** A block that opens with a comment, a declaration or a processing instruction (`<!--more-->`, `<!DOCTYPE>`, `<?php`): kept. */
const NOT_ELEMENTS = /^\s*<[!?]/;

/** The containers whose children may be HTML blocks. */
const CONTAINERS: ReadonlySet<string> = new Set(['root', 'list', 'listItem', 'blockquote']);

/** Parents that add no level of nesting, as parseMarkdown counts levels. */
const FLAT_PARENTS: ReadonlySet<string> = new Set(['root', 'list', 'paragraph', 'heading']);

/**
 * Replaces, in place, each HTML block of the tree (a child of the root, a list item or a quote) by
 * the mdast nodes it stands for, each on the lines of the block it was written on. Left as they are:
 * comments (`<!--more-->` divides a summary), blocks holding `markdown=` (kramdown's), blocks that
 * show no text once read (a `<script>`, an empty `<div>`), and blocks past {@link HTML_BLOCK_BUDGET}
 * (spent in the order the blocks are written) or that would nest more than `maxNesting` levels with
 * their container. In a post written all in HTML (`allHtml`), which no kramdown reads, `markdown=` is
 * an attribute like any other. Walked without recursion; never throws.
 */
export function convertHtmlBlocks(
  root: Root,
  { maxNesting, allHtml = false }: { maxNesting: number; allHtml?: boolean },
): void {
  const budget: Budget = { ...(allHtml ? HTML_BODY_BUDGET : HTML_BLOCK_BUDGET) };
  joinSplitBlocks(root);
  // Each block's nodes, by its parent, found in document order.
  const replaced = new Map<Parents, Map<Nodes, RootContent[]>>();
  const stack: { node: Nodes; parent: Parents | undefined; depth: number }[] = [
    { node: root, parent: undefined, depth: 0 },
  ];
  for (let top = stack.pop(); top !== undefined && budget.blocks > 0; top = stack.pop()) {
    const { node, parent, depth } = top;
    if (node.type === 'html' && parent !== undefined) {
      const nodes = converted(node, budget, maxNesting - depth, allHtml);
      if (nodes === undefined) continue;
      const blocks = replaced.get(parent) ?? new Map<Nodes, RootContent[]>();
      blocks.set(node, nodes);
      replaced.set(parent, blocks);
    } else if (CONTAINERS.has(node.type) && 'children' in node) {
      const inside = FLAT_PARENTS.has(node.type) ? depth : depth + 1;
      // Reversed, so that nodes come off the stack in document order.
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child !== undefined) stack.push({ node: child, parent: node, depth: inside });
      }
    }
  }
  for (const [parent, blocks] of replaced) {
    const children: Nodes[] = [];
    for (const child of parent.children) {
      // A loop, not push(...): a block may give more nodes than a call takes arguments.
      for (const node of blocks.get(child) ?? [child]) children.push(node);
    }
    (parent as { children: Nodes[] }).children = children;
  }
}

/** A `<details>` element's lines (first and last), and whether it opens with a `<summary>`. */
export interface FoldedSpan {
  readonly from: number;
  readonly to: number;
  readonly summary: boolean;
}

/**
 * The lines of each `<details>` element at the top of the document whose Markdown comes between its
 * tags (`<details>`, `<summary>…</summary>`, a blank line, a list, `</details>`): what it holds is
 * folded away under its summary on the page, so that its lists and headings are no items of a
 * section (see buildSection). Read before the HTML blocks are replaced. One never closed ends at the
 * first heading after it: a slip of the writer's should not swallow the sections after it.
 */
export function foldedSpans(root: Root): FoldedSpan[] {
  const spans: FoldedSpan[] = [];
  let open: { from: number; depth: number; summary: boolean } | undefined;
  for (const node of root.children) {
    const balance = node.type === 'html' ? detailsBalance(node.value) : 0;
    const line = node.position?.start.line;
    if (line === undefined || (open === undefined && balance <= 0)) continue;
    open ??= { from: line, depth: 0, summary: node.type === 'html' && /<summary[\s>]/i.test(node.value) };
    open.depth += balance;
    if (open.depth <= 0) {
      spans.push({ from: open.from, to: node.position?.end.line ?? line, summary: open.summary });
      open = undefined;
    }
  }
  if (open !== undefined) {
    const from = open.from;
    const heading = root.children.find(
      (node) => node.type === 'heading' && (node.position?.start.line ?? 0) > from,
    );
    spans.push({ from, to: (heading?.position?.start.line ?? Infinity) - 1, summary: open.summary });
  }
  return spans;
}

/** How many `<details>` elements an HTML block opens, less those it closes (comments' tags are none). */
function detailsBalance(html: string): number {
  const tags = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return (tags.match(/<details(?=[\s>])/gi)?.length ?? 0) - (tags.match(/<\/details\s*>/gi)?.length ?? 0);
}

/** Elements that hold blocks, and whose blank lines end a CommonMark HTML block early. */
const BLOCK_HOLDERS = 'ul|ol|dl|table|div|blockquote|section|article|aside|details|figure';
const OPENS_HOLDER = new RegExp(`<(?:${BLOCK_HOLDERS})(?=[\\s/>])`, 'gi');
const CLOSES_HOLDER = new RegExp(`</(?:${BLOCK_HOLDERS})\\s*>`, 'gi');

/** How many more block-holding elements the HTML opens than it closes. */
function unclosedHolders(html: string): number {
  // A comment's tags are no elements (`<!-- close the <div> -->`), nor those in raw text.
  const tags = html.replace(
    /<!--[\s\S]*?(?:-->|$)|<(script|style|pre|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi,
    '',
  );
  return (tags.match(OPENS_HOLDER)?.length ?? 0) - (tags.match(CLOSES_HOLDER)?.length ?? 0);
}

/**
 * Each run of HTML blocks that only blank lines split (`<ul>`, a blank line, `<li>b</li></ul>`: a
 * CommonMark HTML block ends at a blank line) made one block, with its blank lines, so that the
 * element is read whole: the run goes on while what it opened is not closed. Where Markdown comes
 * between, the blocks stay apart. Walked without recursion.
 */
function joinSplitBlocks(root: Root): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!CONTAINERS.has(node.type) || !('children' in node)) continue;
    const children = node.children as Nodes[];
    const joined: Nodes[] = [];
    for (let i = 0; i < children.length; i++) {
      let child = children[i] as Nodes;
      if (child.type === 'html' && child.position !== undefined && !NOT_ELEMENTS.test(child.value)) {
        let open = unclosedHolders(child.value);
        let value = child.value;
        let end = child.position.end;
        // A comment ends the run: `<!--more-->` divides the summary, read as it is.
        for (
          let next = children[i + 1];
          open > 0 && next?.type === 'html' && next.position && !NOT_ELEMENTS.test(next.value);
          next = children[i + 1]
        ) {
          value += '\n'.repeat(Math.max(1, next.position.start.line - end.line)) + next.value;
          open += unclosedHolders(next.value);
          end = next.position.end;
          i++;
        }
        if (value !== child.value)
          child = { type: 'html', value, position: { start: child.position.start, end } };
      }
      joined.push(child);
      stack.push(child);
    }
    (node as { children: Nodes[] }).children = joined;
  }
}

interface Budget {
  characters: number;
  blocks: number;
  elements: number;
  depth: number;
}

/**
 * An HTML block's nodes, or undefined when it is to stay as it is (see convertHtmlBlocks). `levels`
 * is how many levels of nesting are left below its container.
 */
function converted(html: Html, budget: Budget, levels: number, allHtml: boolean): RootContent[] | undefined {
  const { value } = html;
  if (
    value.length > budget.characters ||
    NOT_ELEMENTS.test(value) ||
    (!allHtml && MARKDOWN_ATTRIBUTE.test(value))
  )
    return undefined;
  // Counted before parsing: the parser's tree is built recursively.
  if (elementBound(value, budget.elements, budget.depth) === undefined) return undefined;
  budget.characters -= value.length;
  budget.blocks--;
  let nodes: RootContent[];
  try {
    const hast = fromHtml(value, { fragment: true });
    const elements = elementCount(hast, budget.depth);
    if (elements === undefined || elements > budget.elements) return undefined;
    budget.elements -= elements;
    shownOnly(hast);
    // In a post all of HTML, a tag left open spreads to its end; in Markdown, a blank line ends it.
    if (allHtml) blocksOutOfFormatting(hast);
    // `<q>` in quotation marks as a Markdown paragraph's (see inline-html.ts) and a browser show it.
    const tree = toMdast(hast, { quotes: QUOTES });
    // A hast root is an mdast root.
    if (tree.type !== 'root') return undefined;
    nodes = tree.children;
  } catch {
    // Nothing a block of text holds should make either library throw; if one does, the block stays.
    return undefined;
  }
  const kept = readyNodes(nodes, html, levels);
  return kept !== undefined && kept.some(showsText) ? kept : undefined;
}

/**
 * What a page does not show, or shows as a form's field: a `<noscript>`'s fallback (beside the
 * lazy-loaded image it repeats), an element marked `hidden`, a form's fields (to-mdast would write
 * their values). An image with no `src` but a lazy-loader's (`data-src`, WordPress's `data-lazy-src`)
 * takes that one. Walked without recursion.
 */
const UNSHOWN: ReadonlySet<string> = new Set([
  'noscript',
  'textarea',
  'select',
  'input',
  'option',
  'datalist',
]);

function shownOnly(root: HastRoot): void {
  const stack: HastNodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('children' in node)) continue;
    node.children = node.children.filter(
      (child) =>
        child.type !== 'element' ||
        !(
          UNSHOWN.has(child.tagName) ||
          (child.properties.hidden !== undefined && child.properties.hidden !== false)
        ),
    );
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'img' && !child.properties.src) {
        const lazy = child.properties.dataLazySrc ?? child.properties.dataSrc;
        if (typeof lazy === 'string' && lazy.trim() !== '') child.properties.src = lazy;
      }
      stack.push(child);
    }
  }
}

/** Elements that format text (HTML's parser reopens its formatting elements in every block after one left open). */
const TEXT_FORMATTING: ReadonlySet<string> = new Set(
  'a b big code em font i mark nobr s small span strike strong sub sup tt u'.split(' '),
);

/**
 * Formatting that holds blocks left out, its blocks kept: a `<b>` left open before `<h2>Tips</h2><ul>…`
 * holds the list (HTML's parser reopens it at the text between the blocks), which would be written
 * as one bold paragraph, not a list of tips. A link around blocks (`<a href><div>…</div></a>`, valid
 * HTML) loses its address so. Walked without recursion.
 */
function blocksOutOfFormatting(root: HastRoot): void {
  const holdsBlock = (node: HastNodes): boolean => {
    const stack = [node];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (next !== node && next.type === 'element' && CLOSES_P.has(next.tagName)) return true;
      if ('children' in next) stack.push(...next.children);
    }
    return false;
  };
  const parents: HastNodes[] = [root];
  for (let parent = parents.pop(); parent !== undefined; parent = parents.pop()) {
    if (!('children' in parent)) continue;
    const kept: HastNodes[] = [];
    // Reversed: the last pushed is the next in document order.
    const pending: HastNodes[] = [...parent.children].reverse();
    for (let child = pending.pop(); child !== undefined; child = pending.pop()) {
      if (child.type === 'element' && TEXT_FORMATTING.has(child.tagName) && holdsBlock(child)) {
        for (let i = child.children.length - 1; i >= 0; i--) pending.push(child.children[i] as HastNodes);
        continue;
      }
      kept.push(child);
      parents.push(child);
    }
    (parent as { children: HastNodes[] }).children = kept;
  }
}

/** Elements whose text is no markup: tags inside them are text. */
const RAW_TEXT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);

/** Elements without content or closing tag. */
const VOID: ReadonlySet<string> = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/** Where the parser stops looking for an element to close (see IMPLIED_END): tables, lists, sections. */
const SCOPE_ENDS: ReadonlySet<string> = new Set(
  (
    'applet article aside blockquote button caption dl fieldset figure footer form header main marquee ' +
    'nav object ol section select table tbody td template tfoot th thead tr ul'
  ).split(' '),
);

/** Elements that an opening tag closes where HTML lets their end tag out (`<li>a<li>b`, `<p>a<div>`). */
const IMPLIED_END: Readonly<Record<string, ReadonlySet<string>>> = {
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
};

/** Block elements, whose opening tag closes an open `<p>`. */
const CLOSES_P: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 ' +
    'h3 h4 h5 h6 header hr li main menu nav ol p pre section table ul'
  ).split(' '),
);

const P: ReadonlySet<string> = new Set(['p']);

/**
 * Formatting elements, which the parser opens again, with all such elements closed only by what
 * held them, in what follows (`<b>a<p>b<p>c`: each `<p>` holds a new `<b>`): left so by the
 * thousand, they make its work grow with the square of their count (2,000 took 40 s).
 */
const FORMATTING: ReadonlySet<string> = new Set(
  'a b big code em font i nobr s small strike strong tt u'.split(' '),
);

/** How many formatting elements may be open, or left for the parser to open again, at once: a few, in any article. */
const MAX_OPEN_FORMATTING = 16;

/** A tag's name, and whether it closes (at `lastIndex`); its attributes read up to the next `<` or `>`. */
const TAG = /<(\/?)([A-Za-z][A-Za-z\d-]*)[^<>]*>/y;

/**
 * How many elements the parser makes of the HTML, or undefined when they may be more than
 * `maxElements`, nest more than `maxDepth` deep, or hold more than {@link MAX_OPEN_FORMATTING}
 * formatting elements open. An estimate on the safe side, read from the tags as the parser reads
 * them: end tags HTML lets out (`<li>a<li>b`, `<p>a<div>`) close what they close, the formatting
 * elements an end tag closes with what held them are opened again at the next text or inline tag,
 * and counted again. Linear in the text's length.
 */
function elementBound(html: string, maxElements: number, maxDepth: number): number | undefined {
  const lower = html.toLowerCase();
  const open: string[] = [];
  // Formatting elements opened and not closed by their own end tag, and those of them closed with
  // what held them, which the parser opens again.
  let formatting = 0;
  let reopened: string[] = [];
  let elements = 0;
  /** Closes the elements from `at` on: formatting ones are to be opened again. */
  const closeFrom = (at: number): void => {
    for (const name of open.splice(at)) if (FORMATTING.has(name)) reopened.push(name);
  };
  /** Opens again what closeFrom closed, as the parser does at text or a tag. */
  const reopen = (): boolean => {
    if (reopened.length === 0) return true;
    elements += reopened.length;
    for (const name of reopened) open.push(name);
    reopened = [];
    return elements <= maxElements && open.length <= maxDepth;
  };
  /** Closes the innermost of `names` open, with what it holds, unless a table, list or section is in between. */
  const closeImplied = (names: ReadonlySet<string>): void => {
    for (let k = open.length - 1; k >= 0; k--) {
      const inside = open[k] ?? '';
      if (names.has(inside)) {
        closeFrom(k);
        return;
      }
      if (SCOPE_ENDS.has(inside)) return;
    }
  };
  let done = 0;
  let i = lower.indexOf('<');
  while (i !== -1) {
    if (i > done && !reopen()) return undefined;
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      if (end === -1) return elements;
      done = end + 3;
      i = lower.indexOf('<', done);
      continue;
    }
    TAG.lastIndex = i;
    const [tag, closing, name = ''] = TAG.exec(lower) ?? [];
    if (tag === undefined) {
      i = lower.indexOf('<', i + 1);
      continue;
    }
    done = TAG.lastIndex;
    if (closing === '/') {
      const at = open.lastIndexOf(name);
      if (FORMATTING.has(name)) {
        const left = reopened.lastIndexOf(name);
        if (at !== -1 || left !== -1) formatting--;
        if (at === -1 && left !== -1) reopened.splice(left, 1);
      }
      if (at !== -1) {
        closeFrom(at + 1);
        open.pop();
      } else if ((name === 'p' || name === 'br') && ++elements > maxElements) return undefined;
    } else {
      // A block element is opened before them, and holds them (`</div>` closes them again).
      if (!CLOSES_P.has(name) && !reopen()) return undefined;
      if (++elements > maxElements) return undefined;
      if (FORMATTING.has(name) && ++formatting > MAX_OPEN_FORMATTING) return undefined;
      const implied = IMPLIED_END[name];
      if (implied !== undefined) closeImplied(implied);
      if (CLOSES_P.has(name)) closeImplied(P);
      // `/>` closes an element only inside SVG or MathML: `<div/>` opens one, as the parser reads it.
      const selfClosing = tag.endsWith('/>') && (open.includes('svg') || open.includes('math'));
      if (!VOID.has(name) && !selfClosing) {
        if (RAW_TEXT.has(name)) {
          const end = lower.indexOf(`</${name}`, done);
          done = end === -1 ? lower.length : end;
        } else open.push(name);
      }
      if (open.length > maxDepth) return undefined;
    }
    i = lower.indexOf('<', done);
  }
  return done < lower.length && !reopen() ? undefined : elements;
}

/** How many elements a parsed fragment has, or undefined when they nest more than `maxDepth` deep. Walked without recursion. */
function elementCount(root: HastRoot, maxDepth: number): number | undefined {
  let elements = 0;
  const stack: { node: HastNodes; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node } = top;
    const depth = node.type === 'element' ? top.depth + 1 : top.depth;
    if (node.type === 'element') elements++;
    if (depth > maxDepth) return undefined;
    // A template's content is a fragment of its own (not among its children), which to-mdast leaves out.
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth });
  }
  return elements;
}

/**
 * The nodes as the rest of the core reads them, or undefined when they nest more than `levels`
 * levels: lines set from the block's (their own lines in it where the parser has them, else the
 * block's), and each table made a paragraph, a line per row, its cells apart (` | `), as a Markdown
 * table is read (see treeOf in markdown-tree.ts). Walked without recursion.
 */
function readyNodes(nodes: RootContent[], html: Html, levels: number): RootContent[] | undefined {
  const first = html.position?.start.line;
  const last = html.position?.end.line ?? first;
  const root: Root = { type: 'root', children: nodes };
  const stack: { node: Nodes; depth: number; marks: ReadonlySet<string> }[] = [
    { node: root, depth: 0, marks: NO_MARKS },
  ];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node } = top;
    if (node !== root) placeLines(node, html, first, last);
    if (!('children' in node)) continue;
    const depth = FLAT_PARENTS.has(node.type) ? top.depth : top.depth + 1;
    if (depth > levels) return undefined;
    const marks = isMark(node) && !top.marks.has(node.type) ? new Set([...top.marks, node.type]) : top.marks;
    const children = tidied(unwrapped(node.children as Nodes[], marks));
    (node as { children: Nodes[] }).children = children;
    for (const [i, child] of children.entries()) {
      if (child.type === 'table') children[i] = tableLines(child);
    }
    for (const child of children) stack.push({ node: child, depth, marks });
  }
  return root.children;
}

const NO_MARKS: ReadonlySet<string> = new Set();

/**
 * Children without the marks of a kind they are already in (`marks`), their content in their place:
 * bold in bold (`<b><strong>x</strong> y</b>`) is one bold, as in Markdown (see mark in
 * markdown-tree.ts); written twice, its marks would show. Walked without recursion.
 */
function unwrapped(children: readonly Nodes[], marks: ReadonlySet<string>): Nodes[] {
  if (marks.size === 0 || !children.some((child) => isMark(child) && marks.has(child.type)))
    return [...children];
  const kept: Nodes[] = [];
  const stack: Nodes[] = [...children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isMark(node) && marks.has(node.type))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    else kept.push(node);
  }
  return kept;
}

type Mark = Extract<Nodes, { type: 'emphasis' | 'strong' | 'delete' }>;

const isMark = (node: Nodes | undefined): node is Mark =>
  node?.type === 'emphasis' || node?.type === 'strong' || node?.type === 'delete';

/**
 * Children as Markdown can write them, which HTML's need not be: neighbours of one kind joined
 * (`<b>x</b><b>y</b>` would be written `**x****y**`, `<code>a</code><code>b</code>` one span of
 * ``), an image without an address left out (it would link to the site), spaces at emphasis's
 * edges moved outside it, and a space between emphasis and a word (see wordish): in
 * `<b>Note:</b>Text`, CommonMark reads no emphasis, and the writer would encode the letter
 * (`&#x54;ext`).
 */
export function tidied(children: readonly Nodes[]): Nodes[] {
  const kept: Nodes[] = [];
  for (const child of children) {
    if (child.type === 'image' && child.url.trim() === '') continue;
    const last = kept[kept.length - 1];
    if (isMark(last) && isMark(child) && last.type === child.type) {
      kept[kept.length - 1] = { ...last, children: [...last.children, ...child.children] };
    } else if (last?.type === 'inlineCode' && child.type === 'inlineCode') {
      kept[kept.length - 1] = { ...last, value: last.value + child.value };
    } else kept.push(child);
  }
  const spaced: Nodes[] = [];
  for (const [i, child] of kept.entries()) {
    const before = spaced[spaced.length - 1];
    const after = kept[i + 1];
    if (!isMark(child) || child.type === 'delete') {
      spaced.push(child);
      continue;
    }
    // Spaces at its edges go outside it (`<b>Note: </b>Text`): inside, they would be encoded.
    const opensWithSpace = trimEdge(child, 0);
    const endsWithSpace = trimEdge(child, -1);
    const space = (): void => {
      const last = spaced[spaced.length - 1];
      if (last !== undefined && !(last.type === 'text' && /\s$/.test(last.value)))
        spaced.push({ type: 'text', value: ' ' });
    };
    // Emphasis of nothing (`<b> </b>`) would show its marks: its spaces stay.
    if (!showsText(child)) {
      if (opensWithSpace || endsWithSpace) space();
      continue;
    }
    if (opensWithSpace || wordish(before, -1)) space();
    spaced.push(child);
    const spaceAfter = after?.type === 'text' && /^\s/.test(after.value);
    if ((endsWithSpace && after !== undefined && !spaceAfter) || wordish(after, 0)) space();
  }
  return spaced;
}

/** The text at the start (`at` 0) or end of emphasis, inside emphasis in it too; undefined when another node is there. */
function edgeText(node: Mark, at: 0 | -1): Nodes | undefined {
  let edge: Nodes | undefined = node.children.at(at);
  while (isMark(edge)) edge = edge.children.at(at);
  return edge;
}

/** Takes the white space off emphasis's start (`at` 0) or end: whether there was any. */
function trimEdge(node: Mark, at: 0 | -1): boolean {
  const edge = edgeText(node, at);
  if (edge?.type !== 'text') return false;
  const trimmed = at === 0 ? edge.value.trimStart() : edge.value.trimEnd();
  if (trimmed === edge.value) return false;
  edge.value = trimmed;
  return true;
}

/**
 * Whether a neighbour of emphasis (`at` -1: the one before it, its end; 0: the one after, its start)
 * would make CommonMark read its marks as no emphasis, which the writer would then encode
 * (`a&#x62;**…`): a word's character there (a letter, a digit, or an emoji, which the writer takes
 * for one), or a node that is written as text (an image in a link becomes its alt text). Punctuation
 * (`(<b>x</b>)`), white space and code are not. Against a word, emphasis goes apart with a space:
 * HTML writes it inside words seldom, and the writer would encode it in some of them.
 */
function wordish(node: Nodes | undefined, at: 0 | -1): boolean {
  if (node === undefined || node.type === 'inlineCode' || node.type === 'break') return false;
  if (node.type !== 'text') return true;
  const char = (at === 0 ? /^./su : /.$/su).exec(node.value)?.[0];
  if (char === undefined) return false;
  return (char.codePointAt(0) ?? 0) > 0xffff || /[^\s\p{P}\p{S}]/u.test(char);
}

/** Sets a node's lines from where it is in the block, which starts on the file's line `first`. */
function placeLines(node: Nodes, html: Html, first: number | undefined, last: number | undefined): void {
  const { start, end } = node.position ?? {};
  if (first === undefined || last === undefined || start === undefined || end === undefined) {
    if (html.position === undefined) delete node.position;
    else node.position = { start: { ...html.position.start }, end: { ...html.position.end } };
    return;
  }
  const line = (at: number): number => Math.min(last, first + at - 1);
  node.position = { start: { line: line(start.line), column: 1 }, end: { line: line(end.line), column: 1 } };
}

/**
 * A table as a paragraph: a line per row that shows text, its cells' phrasing apart (` | `); the
 * empty header row to-mdast adds to a table without one shows none.
 */
function tableLines(table: Table): RootContent {
  const children: PhrasingContent[] = [];
  for (const row of table.children) {
    const cells = row.children.filter((cell) => cell.children.some(showsText));
    if (cells.length === 0) continue;
    if (children.length > 0) children.push({ type: 'break' });
    for (const [i, cell] of cells.entries()) {
      if (i > 0) children.push({ type: 'text', value: ' | ' });
      for (const child of cell.children) children.push(child);
    }
  }
  return {
    type: 'paragraph',
    children,
    data: { table: true },
    ...(table.position ? { position: table.position } : {}),
  };
}

/** Whether a node shows text: words, code, or an image (shown as a link). Walked without recursion. */
function showsText(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.type === 'text' || next.type === 'inlineCode' || next.type === 'code') {
      if (next.value.trim() !== '') return true;
    } else if (next.type === 'image') return true;
    else if ('children' in next) for (const child of next.children) stack.push(child);
  }
  return false;
}
