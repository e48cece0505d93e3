import type { Html, Root } from 'mdast';
import { convertHtmlBlocks, HTML_BLOCK_BUDGET } from './html-block-nodes.js';
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
  // opening with one would stay unread: see convertHtmlBlocks); dividers kept.
  const dividers: (readonly [number, number])[] = [];
  const read = source.replace(COMMENT, (comment: string, at: number) => {
    if (!divides(comment.trim())) return comment.replace(/[^\n]/g, ' ');
    dividers.push([at, at + comment.length]);
    return comment;
  });
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
  const unread = root.children.find(
    (node): node is Html => node.type === 'html' && parts.has(node) && showsWords(node.value),
  );
  if (unread !== undefined)
    return {
      ok: false,
      line: unread.position?.start.line ?? 1,
      message: `HTML that cannot be read whole (more than ${HTML_BLOCK_BUDGET.characters / 1024} KB, ${HTML_BLOCK_BUDGET.elements.toLocaleString('en')} elements, elements nested ${HTML_BLOCK_BUDGET.depth} deep or lists and quotes ${MAX_NESTING}, or many formatting tags such as <b> left open); split the post or simplify its HTML`,
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

/** Whether HTML shows words: text outside its tags, scripts and styles. */
function showsWords(html: string): boolean {
  return (
    html
      .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(/<[^<>]*>/g, '')
      .trim() !== ''
  );
}
