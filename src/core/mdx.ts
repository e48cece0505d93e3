import {
  afterRemovals,
  endsParagraph,
  followsBlankLine,
  forwardSearch,
  GLUE,
  holdsMarks,
  lineBreaks,
  marked,
  removal,
  restIsBlank,
  rewriteOutsideCode,
  spaceThenPunctuation,
  type Replacement,
} from './outside-code.js';

/**
 * An MDX post as the Markdown it holds: `import` and `export` statements, JSX tags (`<Callout
 * type="info">`, `<YouTube id="x" />`, `</Callout>`) and expressions (`{year}`, `{/* note *\/}`) are
 * left out, and the text between a pair of tags stays; a space before an expression or a self-closing
 * tag goes with it when punctuation follows (`and {x}.` is `and.`), and brackets or quotes left empty
 * by them go too (`(<Icon />)`). Code is left as written, and lines
 * keep their numbers. Nothing is run: the code is skipped over, never read as JavaScript.
 *
 * A tag or expression that does not end before its paragraph does (MDX would refuse it) is kept as
 * written, and the scan goes on after it: no text is read twice.
 *
 * A line that held only tags or expressions is left as a trace of them, {@link TAG_TRACE}, at their
 * indentation: MDX reads such a line as a block, which ends the lists and quotes it is outside of
 * (a `<Tabs>` at column 0 ends the list before it), as a blank line would not.
 */
export function stripMdx(text: string): string {
  // A text holding the marks itself (it never should) keeps its spaces, and its brackets.
  const glue = !holdsMarks(text);
  const commentEnd = forwardSearch(text, /\*\/\s*\}/);
  // Where each removal over several lines starts and ends, in order: the lines after its first are inside it.
  const spans: number[] = [];
  const spanning = (start: number, replaced: Replacement | undefined): Replacement | undefined => {
    if (replaced === undefined) return undefined;
    // A loop, not a search: on a long line, a search would go far past the end.
    for (let i = start; i < replaced.end; i++) {
      if (text[i] !== '\n') continue;
      spans.push(start, replaced.end);
      break;
    }
    return replaced;
  };

  const tagOrExpression = (start: number): Replacement | undefined => {
    if (text[start] === '{' && text.startsWith('{/*', start)) {
      // A comment may span paragraphs: its end is searched for directly.
      const close = commentEnd(start + 3);
      if (close !== undefined) {
        const to = close.index + close[0].length;
        return glued(start, to, removal(text, start, to));
      }
    } else if (text[start] === '<') {
      const next = text[start + 1] ?? '';
      // `<https://…>` is a link, `<!-- -->` a comment, `a < b` text: none is a tag.
      if (!/[A-Za-z/>]/.test(next) || AUTOLINK.test(text.slice(start, start + 40))) return undefined;
    }
    const end = jsxEnd(text, start);
    if (!end.ok) return { end: end.at, text: text.slice(start, end.at) };
    // A number or a text written as an expression (`Time-box to {45} minutes`) shows as its value.
    const literal = text[start] === '{' ? literalText(text.slice(start + 1, end.at - 1)) : undefined;
    if (literal !== undefined) return { end: end.at, text: literal };
    const removed = removal(text, start, end.at, { inParagraph: true });
    // A tag's text follows it (`<Kbd>.</Kbd>`) or precedes it: only one closed at once (`<Demo />`) stands alone.
    return text[start] === '{' || text[end.at - 2] === '/'
      ? glued(start, end.at, removed)
      : glue
        ? marked(removed)
        : removed;
  };
  /**
   * `and {x}.`, `see <Demo />,`: the space before what went (`start`–`to`) would stand before the
   * full stop. A mark says so, for that space is already out of reach; unglued takes both out.
   * Punctuation after a space (`{x} ;`) keeps its space, as written. Else another mark, so that
   * brackets or quotes it leaves empty go too (`(<Icon />)`: see withoutEmptiedPairs).
   */
  const glued = (start: number, to: number, removed: Replacement): Replacement => {
    if (!glue) return removed;
    return removed.text === '' && spaceThenPunctuation(text, start, to)
      ? { end: removed.end, text: GLUE }
      : marked(removed);
  };
  const construct = (start: number): Replacement | undefined => spanning(start, tagOrExpression(start));

  /** `import …` and `export …` at a block's start, with the lines after it up to a blank line. */
  const lineStart = (start: number): Replacement | undefined => {
    ESM.lastIndex = start;
    if (!ESM.test(text) || !followsBlankLine(text, start)) return undefined;
    let end = text.indexOf('\n', start);
    while (end !== -1 && !restIsBlank(text, end + 1)) end = text.indexOf('\n', end + 1);
    const to = end === -1 ? text.length : end + 1;
    return spanning(start, { end: to, text: lineBreaks(text, start, to) });
  };

  const stripped = afterRemovals(rewriteOutsideCode(text, { triggers: '{<', construct, lineStart }));
  return spans.length === 0 && stripped === text ? stripped : traced(text, stripped, spans);
}

/** A number, or a text in quotes without escapes or `${}` (on one line), as JSX shows it. */
const LITERAL = /^[ \t]*(?:(-?\d+(?:\.\d+)?)|"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`\\\n$]*)`)[ \t]*$/;

/** What an expression that is a literal shows (Markdown's marks in a text escaped: JSX shows them as written). */
function literalText(expression: string): string | undefined {
  const match = LITERAL.exec(expression);
  if (match === null) return undefined;
  const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
  return value.replace(/[\\`*_[\]<>{}#|~!&]/g, '\\$&');
}

/**
 * What a line of only tags or expressions becomes: an HTML comment, which Markdown reads as a block
 * (ending the lists and quotes it is not indented into) and which a message never shows; the tree
 * leaves it out.
 */
export const TAG_TRACE = '<!---->';

/**
 * `stripped` (`text` with its removals, line for line) with each line that the removals left blank
 * made {@link TAG_TRACE} at the line's indentation, unless the line is inside a removal that started
 * on a line before (the attributes of a tag written over several lines): that one stays blank.
 */
function traced(text: string, stripped: string, spans: readonly number[]): string {
  const written = text.split('\n');
  const lines = stripped.split('\n');
  // The lines match one to one; should they not, nothing is changed.
  if (written.length !== lines.length) return stripped;
  let start = 0;
  let span = 0;
  for (let k = 0; k < lines.length; k++) {
    const before = written[k] ?? '';
    const after = lines[k] ?? '';
    const lineStart = start;
    start += before.length + 1;
    if (!BLANK.test(after) || BLANK.test(before)) continue;
    const indent = /^[ \t]*/.exec(before)?.[0] ?? '';
    const at = lineStart + indent.length;
    while ((spans[span + 1] ?? Infinity) <= at) span += 2;
    if ((spans[span] ?? Infinity) < lineStart) continue;
    lines[k] = `${indent}${TAG_TRACE}${before.endsWith('\r') ? '\r' : ''}`;
  }
  return lines.join('\n');
}

const BLANK = /^[ \t\r]*$/;

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
