import type { Html, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { convertHtmlBlocks, HTML_BODY_BUDGET } from './html-block-nodes.js';
import { MAX_NESTING, type ParsedMarkdown } from './markdown.js';
import { firstAtOrAfter } from './sorted.js';

/*
 * A Jekyll post written in HTML (`_posts/2015-04-06-x.html`, as jekyll-import writes a WordPress or
 * Blogger blog's posts): Jekyll runs no Markdown converter on it, so its body is read as HTML only,
 * through the path Markdown's HTML blocks take (see convertHtmlBlocks). Indented lines are no code,
 * `*` and `_` no emphasis, and blank lines split nothing.
 */

/**
 * An HTML comment, an unclosed one to the end, as the HTML parser reads it; or a declaration or
 * processing instruction (`<!DOCTYPE html>`, `<?php … ?>`), which it reads as one.
 */
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?/g;

/**
 * WordPress's shortcodes that jekyll-import leaves in a post (`[caption id="…"]<img …> My desk[/caption]`,
 * `[gallery ids="1,2"]`, `[embed]…[/embed]`), which WordPress expands and Discord would show as written:
 * their tags left out, what they hold kept (the image and its caption, the embedded address).
 */
const WORDPRESS_SHORTCODE = /\[\/?(?:caption|wp_caption|gallery|embed|video|audio|playlist)\b[^\]\n]*\]/gi;

export function withoutWordPressShortcodes(body: string): string {
  return body.replace(WORDPRESS_SHORTCODE, '');
}

/**
 * The body as a tree: its HTML read as the Markdown nodes it stands for, on the lines it is written
 * on (from 1). A comment that `divides` (`<!--more-->`: the excerpt separator) stays as an `html`
 * node between the parts it splits, as a Markdown post's does, wherever it is written (Jekyll
 * splits the text there); other comments are left out (WordPress's `<!-- wp:paragraph -->`), their
 * lines kept. HTML the conversion cannot read (past HTML_BLOCK_BUDGET, or nested too deep) would
 * leave the post without its text: said, at its first line, rather than read as empty.
 */
export function parseHtmlBody(
  source: string,
  { divides }: { divides: (comment: string) => boolean },
): ParsedMarkdown {
  // Comments left out but for their line breaks, so that what follows stays on its line (a part
  // opening with one would stay unread: see convertHtmlBlocks), and spends none of what a post may
  // have read (WordPress's `<!-- wp:paragraph {…} -->` can be most of a post); dividers kept.
  const dividers: (readonly [number, number])[] = [];
  let read = '';
  let copied = 0;
  for (const { 0: comment, index: at } of source.matchAll(COMMENT)) {
    read += source.slice(copied, at);
    copied = at + comment.length;
    if (divides(comment.trim())) {
      dividers.push([read.length, read.length + comment.length]);
      read += comment;
    } else read += comment.replace(/[^\n]/g, '');
  }
  read += source.slice(copied);
  // Where each line ends: a node's line is found in them, however many dividers there are.
  const breaks: number[] = [];
  for (let i = read.indexOf('\n'); i !== -1; i = read.indexOf('\n', i + 1)) breaks.push(i);
  const lineAt = (at: number): number => firstAtOrAfter(breaks, at) + 1;
  const root: Root = { type: 'root', children: [] };
  const parts = new Set<Html>();
  let from = 0;
  for (const [at, to] of [...dividers, [read.length, read.length] as const]) {
    const part = htmlNode(read, from, at, lineAt);
    if (part !== undefined) parts.add(part);
    const divider = htmlNode(read, at, to, lineAt);
    for (const node of [part, divider]) if (node !== undefined) root.children.push(node);
    from = to;
  }
  convertHtmlBlocks(root, { maxNesting: MAX_NESTING, allHtml: true });
  root.children = inParagraphs(root.children);
  const unread = root.children.find(
    (node): node is Html => node.type === 'html' && parts.has(node) && showsWords(node.value),
  );
  if (unread !== undefined)
    return {
      ok: false,
      line: unread.position?.start.line ?? 1,
      message: `HTML that cannot be read whole (more than ${HTML_BODY_BUDGET.characters / 1024} KB, ${HTML_BODY_BUDGET.elements.toLocaleString('en')} elements, elements nested ${HTML_BODY_BUDGET.depth} deep or lists and quotes ${MAX_NESTING}, or many formatting tags such as <b> left open); split the post or simplify its HTML`,
    };
  return { ok: true, root };
}

/** The HTML from `from` to `to`, without the blank space around it, as a node with its lines; undefined when blank. */
function htmlNode(
  source: string,
  from: number,
  to: number,
  lineAt: (at: number) => number,
): Html | undefined {
  const text = source.slice(from, to);
  const start = from + (text.length - text.trimStart().length);
  const value = source.slice(start, from + text.trimEnd().length);
  if (value === '') return undefined;
  const end = start + value.length;
  return {
    type: 'html',
    value,
    position: {
      start: { line: lineAt(start), column: 1, offset: start },
      end: { line: lineAt(end), column: 1, offset: end },
    },
  };
}

/**
 * Text outside any block (WordPress's bare lines before `<!--more-->`: the conversion reads a part
 * without `<p>` as text alone) in a paragraph, as a browser shows it, and as a summary reads them.
 */
function inParagraphs(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const close = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first !== undefined && last !== undefined && !run.every(isBlank)) {
      const paragraph: Paragraph = { type: 'paragraph', children: run };
      if (first.position !== undefined && last.position !== undefined)
        paragraph.position = { start: first.position.start, end: last.position.end };
      out.push(paragraph);
    }
    run = [];
  };
  for (const node of nodes) {
    if (PHRASING.has(node.type)) run.push(node as PhrasingContent);
    else {
      close();
      out.push(node);
    }
  }
  close();
  return out;
}

/** Inline nodes, which Markdown keeps in a paragraph (`html` at this level is a divider: a block). */
const PHRASING: ReadonlySet<string> = new Set([
  'text',
  'break',
  'emphasis',
  'strong',
  'delete',
  'link',
  'image',
  'inlineCode',
  'linkReference',
  'imageReference',
  'footnoteReference',
]);

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '');
}

/** Whether HTML shows words: text outside its tags, scripts and styles. */
function showsWords(html: string): boolean {
  return (
    html
      .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(/<[^<>]*>/g, '')
      .trim() !== ''
  );
}
