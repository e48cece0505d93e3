import { rewriteOutsideCode, type Replacement } from './outside-code.js';

/** Any opening tag alone on its line. Matched without backtracking: a line may be a megabyte long. */
const OPEN_TAG = /^ {0,3}<([A-Za-z][A-Za-z\d-]*)(?=[\s>])([^<>]*)>[ \t]*$/;
/** In an opening tag's attributes: `markdown="1"` (or `block`), which asks kramdown to read what it holds as Markdown. */
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"(?:1|block)"|'(?:1|block)'|(?:1|block)(?![^\s/]))/i;
/** A closing tag alone on its line. */
const CLOSE_TAG = /^ {0,3}<\/([A-Za-z][A-Za-z\d-]*)\s*>[ \t]*$/;

/**
 * A Jekyll post's text with the lines of HTML block tags that say `markdown="1"` made blank, and those
 * of the tags that close them: kramdown reads what such an element holds as Markdown
 * (`<div class="notice--info" markdown="1">`, a Minimal Mistakes notice, around `## Tips` and a list),
 * where CommonMark reads it all as one HTML block, which no message shows. Only tags alone on their
 * line, outside code; lines keep their numbers.
 */
export function openMarkdownBlocks(text: string): string {
  if (!/markdown\s*=/i.test(text)) return text;
  // The elements open, innermost last, with how many of the same name are open inside each.
  const open: { name: string; nested: number }[] = [];
  const lineStart = (start: number): Replacement | undefined => {
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const line = text.slice(start, end);
    const [, opening, attributes = ''] = OPEN_TAG.exec(line) ?? [];
    if (opening !== undefined && MARKDOWN_ATTRIBUTE.test(attributes)) {
      open.push({ name: opening.toLowerCase(), nested: 0 });
      return { end, text: '' };
    }
    const top = open.at(-1);
    if (top === undefined) return undefined;
    if (CLOSE_TAG.exec(line)?.[1]?.toLowerCase() === top.name) {
      if (top.nested > 0) {
        top.nested--;
        return undefined;
      }
      open.pop();
      return { end, text: '' };
    }
    if (opening?.toLowerCase() === top.name) top.nested++;
    return undefined;
  };
  return rewriteOutsideCode(text, {
    triggers: '',
    construct: () => undefined,
    lineStart,
    indentedCode: true,
  });
}
