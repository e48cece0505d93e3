import {
  endsParagraph,
  followsBlankLine,
  forwardSearch,
  lineBreaks,
  removal,
  restIsBlank,
  rewriteOutsideCode,
  type Replacement,
} from './outside-code.js';

/**
 * An MDX post as the Markdown it holds: `import` and `export` statements, JSX tags (`<Callout
 * type="info">`, `<YouTube id="x" />`, `</Callout>`) and expressions (`{year}`, `{/* note *\/}`) are
 * left out, and the text between a pair of tags stays. Code is left as written, and lines keep their
 * numbers. Nothing is run: the code is skipped over, never read as JavaScript.
 *
 * A tag or expression that does not end before its paragraph does (MDX would refuse it) is kept as
 * written, and the scan goes on after it: no text is read twice.
 */
export function stripMdx(text: string): string {
  const commentEnd = forwardSearch(text, /\*\/\s*\}/);

  const construct = (start: number): Replacement | undefined => {
    if (text[start] === '{' && text.startsWith('{/*', start)) {
      // A comment may span paragraphs: its end is searched for directly.
      const close = commentEnd(start + 3);
      if (close !== undefined) return removal(text, start, close.index + close[0].length);
    } else if (text[start] === '<') {
      const next = text[start + 1] ?? '';
      // `<https://…>` is a link, `<!-- -->` a comment, `a < b` text: none is a tag.
      if (!/[A-Za-z/>]/.test(next) || AUTOLINK.test(text.slice(start, start + 40))) return undefined;
    }
    const end = jsxEnd(text, start);
    return end.ok
      ? removal(text, start, end.at, { inParagraph: true })
      : { end: end.at, text: text.slice(start, end.at) };
  };

  /** `import …` and `export …` at a block's start, with the lines after it up to a blank line. */
  const lineStart = (start: number): Replacement | undefined => {
    ESM.lastIndex = start;
    if (!ESM.test(text) || !followsBlankLine(text, start)) return undefined;
    let end = text.indexOf('\n', start);
    while (end !== -1 && !restIsBlank(text, end + 1)) end = text.indexOf('\n', end + 1);
    const to = end === -1 ? text.length : end + 1;
    return { end: to, text: lineBreaks(text, start, to) };
  };

  return rewriteOutsideCode(text, { triggers: '{<', construct, lineStart });
}

const ESM = /(?:import|export)[ \t{*]/y;
const AUTOLINK = /^<[A-Za-z][A-Za-z\d+.-]{1,31}:/;

/**
 * Where the tag (`<…>`) or expression (`{…}`) at `start` ends: after its `>` or closing `}`, over
 * quoted attributes, nested braces, and JavaScript strings and comments inside braces. Or, when it
 * does not end before its paragraph does, where the paragraph ends.
 */
function jsxEnd(text: string, start: number): { ok: boolean; at: number } {
  const tag = text[start] === '<';
  let depth = tag ? 0 : 1;
  /** The quote of a string being read, or the end of a comment being read. */
  let until: string | undefined;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      if (endsParagraph(text, i + 1)) return { ok: false, at: i + 1 };
      if (until === '\n') until = undefined;
      continue;
    }
    if (until !== undefined) {
      if (text.startsWith(until, i)) {
        i += until.length - 1;
        until = undefined;
      } else if (char === '\\' && depth > 0) {
        i++;
      }
      continue;
    }
    if (char === '"' || char === "'") until = char;
    else if (depth > 0 && char === '`') until = '`';
    else if (depth > 0 && text.startsWith('/*', i)) until = '*/';
    else if (depth > 0 && text.startsWith('//', i)) until = '\n';
    else if (char === '{') depth++;
    else if (char === '}' && depth > 0) {
      depth--;
      if (depth === 0 && !tag) return { ok: true, at: i + 1 };
    } else if (char === '>' && tag && depth === 0) return { ok: true, at: i + 1 };
  }
  return { ok: false, at: text.length };
}
