import { forwardSearch, removal, restIsBlank, rewriteOutsideCode, type Replacement } from './outside-code.js';

/**
 * A post's text without the attribute lists that kramdown (Jekyll) and goldmark (Hugo) read and
 * never show: a heading's trailing `{#id .class key=value}` (`## Tips {#tips}` is the heading Tips);
 * kramdown's block IALs and ALDs alone on their line (`{: .note}`, `{:#id}`, `{:ref: .wide}`), which
 * end a paragraph there as kramdown ends it; its list items' IALs (`- {: .done} Ship it`); its span
 * IALs right after a span (`*this*{: .x}`, `` `code`{: .language-ruby} ``); and its extensions
 * (`{::options … /}`, and `{::comment}…{:/comment}` with what it holds); the list item a `{:toc}` on
 * the next line marks, which kramdown replaces by the page's table of contents. Code is left as written,
 * and lines keep their numbers. Linear time: each line is looked at once from its end back to its
 * last brace, and each `{:` only up to the next brace.
 */
export function stripAttributeLists(text: string): string {
  if (!text.includes('{')) return text;
  // The first brace or line break after a `{`: what an attribute list holds has neither.
  const brace = forwardSearch(text, /[{}\n]/);
  const commentEnd = forwardSearch(text, /\{:\/(?:comment)?\}/);
  // Of the current line: where its text starts (after indentation and quote marks), where a list
  // item's text starts (after its marker), and the attribute list ending it when it is a heading's.
  let lineText = -1;
  let itemText = -1;
  let heading: HeadingList | undefined;

  const lineStart = (start: number): Replacement | undefined => {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '>') i++;
    lineText = i;
    itemText = -1;
    LIST_ITEM.lastIndex = i;
    if (LIST_ITEM.test(text)) {
      itemText = LIST_ITEM.lastIndex;
      while (text[itemText] === ' ' || text[itemText] === '\t') itemText++;
      // kramdown's table of contents (`* TOC` then `{:toc}` on the next line): the item is replaced by
      // the page's headings, which a message has no place for. Both go, lines kept. Indented four
      // columns or more, the item is code or in a list: left as it is.
      const end = text.indexOf('\n', itemText);
      const after = end === -1 ? -1 : text.indexOf('\n', end + 1);
      const next = after === -1 ? text.length : after;
      // A marker's line is short: a longer one is not read.
      if (end !== -1 && i - start < 4 && next - end <= 64 && TOC_MARKER.test(text.slice(end + 1, next)))
        return removal(text, start, next);
    }
    heading = headingList(text, start, i);
    return undefined;
  };

  const construct = (start: number): Replacement | undefined => {
    // Its spaces before stay: the parser drops a heading's trailing spaces.
    if (start === heading?.open) return removal(text, start, heading.close + 1);
    if (text[start + 1] !== ':') return undefined;
    const close = brace(start + 1);
    if (close?.[0] !== '}') return undefined;
    const end = close.index + 1;
    const inside = text.slice(start + 1, close.index);
    if (COMMENT.test(inside)) {
      const comment = commentEnd(end);
      return comment === undefined ? undefined : removal(text, start, comment.index + comment[0].length);
    }
    if (EXTENSION.test(inside)) return removal(text, start, end);
    if (!IAL.test(inside)) return undefined;
    // A block IAL or ALD is a line of its own, a list item's follows its marker, a span IAL follows
    // its span at once. Elsewhere kramdown shows it as text, as `{:a 1}` in a post about Clojure.
    const alone = start === lineText && restIsBlank(text, end);
    const applies = alone || start === itemText || SPAN_END.has(text[start - 1] ?? '');
    return applies ? removal(text, start, end) : undefined;
  };

  return rewriteOutsideCode(text, { triggers: '{', construct, lineStart });
}

/** A heading's trailing attribute list: where its `{` and its `}` are. */
interface HeadingList {
  readonly open: number;
  readonly close: number;
}

/** An id, a class or a key and value, as goldmark and kramdown write them. */
const ATTRIBUTE = String.raw`(?:#[\p{L}\p{N}_:.-]+|\.[\p{L}\p{N}_-]+|[\p{L}_:][\p{L}\p{N}_:.-]*=(?:"[^"]*"|'[^']*'|[^\s"']+))`;
/** `{#id .class key=value}` after a heading (kramdown also takes `{: #id}`). */
const HEADING_ATTRIBUTES = new RegExp(String.raw`^:?[ \t]*${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*[ \t]*$`, 'u');
/** A kramdown IAL (`{: .x #y}`, `{:.x}`) or ALD (`{:ref: .x}`), whose items may name an ALD (`{: ref}`). */
const IAL = new RegExp(
  String.raw`^:(?:\w[\w-]*:)?[ \t]*(?:${ATTRIBUTE}|\w[\w-]*)(?:[ \t]+(?:${ATTRIBUTE}|\w[\w-]*))*[ \t]*$`,
  'u',
);
/** kramdown's table of contents marker alone on its line: an IAL naming `toc` (`{:toc}`, `{: toc}`). */
const TOC_MARKER = /^[ \t>]*\{:[ \t]*toc[ \t]*\}[ \t]*$/;
/** A kramdown extension's tag: `{::options key="value" /}`, `{::nomarkdown}`, or a closing `{:/}`. */
const EXTENSION = /^(?:::[A-Za-z]\w*(?:[ \t][^]*)?|:\/[A-Za-z]*)$/;
/** A comment, which runs to its `{:/comment}` or `{:/}` (`{::comment /}` is an empty one). */
const COMMENT = /^::comment[ \t]*$/;
/** What a span ends with: emphasis, code, a link or image, an HTML tag. */
const SPAN_END: ReadonlySet<string> = new Set(['*', '_', '`', ']', ')', '>']);

const ATX_HEADING = /#{1,6}[ \t]/y;
const SETEXT_UNDERLINE = / {0,3}(?:=+|-+)[ \t\r]*$/my;
const LIST_ITEM = /(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/my;

/**
 * The attribute list ending the line at `start` (its text at `content`), when the line is a heading:
 * an ATX heading (`## Tips {#tips}`) or the text above a setext underline. Looks at the line once,
 * from its end back to its last brace.
 */
function headingList(text: string, start: number, content: number): HeadingList | undefined {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  let close = end - 1;
  while (close >= content && isSpace(text[close])) close--;
  if (text[close] !== '}') return undefined;
  let open = close - 1;
  while (open >= content && text[open] !== '{' && text[open] !== '}') open--;
  if (open < content || text[open] !== '{' || text[open - 1] === '\\') return undefined;
  if (!HEADING_ATTRIBUTES.test(text.slice(open + 1, close))) return undefined;
  // Indented four spaces, outside a quote, a heading is code.
  const prefix = text.slice(start, content);
  const quoted = prefix.includes('>');
  if (!quoted && (prefix.length > 3 || prefix.includes('\t'))) return undefined;
  ATX_HEADING.lastIndex = content;
  const atx = ATX_HEADING.test(text) && open >= ATX_HEADING.lastIndex;
  // A setext heading is not followed into a quote: its underline would have to be quoted too.
  return atx || (!quoted && setextText(text, content, end)) ? { open, close } : undefined;
}

/** Whether the line is a paragraph's last, made a heading by an `===` or `---` underline below it. */
function setextText(text: string, content: number, end: number): boolean {
  LIST_ITEM.lastIndex = content;
  if (LIST_ITEM.test(text) || end === text.length) return false;
  SETEXT_UNDERLINE.lastIndex = end + 1;
  return SETEXT_UNDERLINE.test(text);
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r';
}
