/**
 * What the preprocessors of a post's Markdown share (template tags, MDX): a walk over the text that
 * hands every place outside code to a rewriter, and leaves code (fenced blocks, code spans, and
 * indented blocks when asked) as written. Every removal keeps its line breaks, so that lines keep
 * their numbers for problems. Linear time on any input: each search goes forward only, and nothing
 * is searched twice.
 */

export interface Rewriter {
  /** The characters that may start a construct: a regular expression's character class, e.g. `{<`. */
  readonly triggers: string;
  /**
   * At a trigger outside code: a construct that starts at `start`, as where it ends and what is left
   * of it; or undefined when none starts there (the text is kept).
   */
  readonly construct: (start: number) => Replacement | undefined;
  /** The same, at the start of every line outside fenced code. */
  readonly lineStart?: (start: number) => Replacement | undefined;
  /** Code (a fenced or indented line, a code span) as it is shown; as written unless given. */
  readonly code?: (code: string) => string;
  /**
   * Whether Markdown's indented code blocks (four spaces in, after a blank line) are code too; not
   * in MDX, where indented text is prose. Off unless given.
   */
  readonly indentedCode?: boolean;
}

/** Text from where a construct starts to `end`, to be replaced by `text`. */
export interface Replacement {
  readonly end: number;
  readonly text: string;
}

/** Rewrites `text` outside code with `rewriter`. */
export function rewriteOutsideCode(text: string, rewriter: Rewriter): string {
  const next = new RegExp(`[\`\\n${rewriter.triggers}]`, 'g');
  const { code } = rewriter;
  const out: string[] = [];
  // The text before `done` is in `out`.
  let done = 0;
  const keep = (to: number): void => {
    if (to > done) out.push(text.slice(done, to));
    done = to;
  };
  /** Code from `from` to `to`, rewritten if it shows otherwise. */
  const keepCode = (from: number, to: number): void => {
    if (code === undefined) return;
    const written = text.slice(from, to);
    const shown = code(written);
    if (shown === written) return;
    keep(from);
    out.push(shown);
    done = to;
  };
  let fence: Fence | undefined;
  const indented = rewriter.indentedCode === true ? new IndentedCode(text) : undefined;
  let atLineStart = true;
  // The runs of backticks of the current line from where they were first needed, where that line
  // ends, and the first run not yet passed: the walk only goes forward, and so does its search.
  let runs: Runs = { starts: [], ends: [] };
  let runsEnd = -1;
  let run = 0;
  let i = 0;
  while (i < text.length) {
    if (atLineStart) {
      atLineStart = false;
      const end = lineEnd(text, i);
      // Four spaces in, a fence is a line of indented code.
      if (fence === undefined && indented?.isCode(i, end) === true) {
        keepCode(i, end);
        i = end;
        continue;
      }
      const closing = fence !== undefined && closesFence(text, i, end, fence);
      if (fence === undefined) fence = openingFence(text, i, end);
      if (fence !== undefined) {
        if (closing) fence = undefined;
        keepCode(i, end);
        i = end;
        continue;
      }
      const replaced = rewriter.lineStart?.(i);
      if (replaced !== undefined) {
        keep(i);
        out.push(replaced.text);
        done = i = replaced.end;
        atLineStart = text[i - 1] === '\n';
        continue;
      }
    }
    next.lastIndex = i;
    const found = next.exec(text);
    if (found === null) break;
    i = found.index;
    const char = text[i];
    if (char === '\n') {
      i++;
      atLineStart = true;
    } else if (char === '`') {
      if (i > runsEnd) {
        runsEnd = lineEnd(text, i);
        runs = codeSpans(text, i, runsEnd);
        run = 0;
      }
      while ((runs.starts[run] ?? i) < i) run++;
      const close = runs.starts[run] === i ? (runs.ends[run] ?? -1) : -1;
      if (close === -1) {
        // A run without its like later on the line is text, all of it.
        while (text[i] === '`') i++;
      } else {
        keepCode(i, close);
        i = close;
      }
    } else {
      const replaced = rewriter.construct(i);
      if (replaced === undefined) {
        i++;
      } else {
        keep(i);
        out.push(replaced.text);
        done = i = replaced.end;
        atLineStart = text[i - 1] === '\n';
      }
    }
  }
  keep(text.length);
  return out.join('');
}

/** A fence's character and length: "```" is { char: '`', length: 3 }. */
interface Fence {
  readonly char: string;
  readonly length: number;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/**
 * Where a line's content starts, after its quote marks, list markers and indentation: a fence in a
 * list item or a quote is code too.
 */
function contentStart(text: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++;
    LIST_MARKER.lastIndex = i;
    if (!LIST_MARKER.test(text) || LIST_MARKER.lastIndex > end) return i;
    i = LIST_MARKER.lastIndex;
  }
}

const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])[ \t]/y;

function runLength(text: string, from: number, end: number, char: string): number {
  let i = from;
  while (i < end && text[i] === char) i++;
  return i - from;
}

/** The fence a line opens: three or more backticks (and no backtick after them) or tildes. */
function openingFence(text: string, start: number, end: number): Fence | undefined {
  const at = contentStart(text, start, end);
  const char = text[at];
  if (char !== '`' && char !== '~') return undefined;
  const length = runLength(text, at, end, char);
  if (length < 3) return undefined;
  if (char === '`' && text.slice(at + length, end).includes('`')) return undefined;
  return { char, length };
}

/** Whether a line closes `fence`: the same character, at least as many, and nothing after. */
function closesFence(text: string, start: number, end: number, fence: Fence): boolean {
  const at = contentStart(text, start, end);
  const length = runLength(text, at, end, fence.char);
  return length >= fence.length && text.slice(at + length, end).trim() === '';
}

/**
 * Follows a text's indented code blocks line by line, as CommonMark reads them (markdown-it here, goldmark
 * in Hugo; kramdown much the same): a line four columns in past the list item it is in, after a
 * blank line (it cannot go on a paragraph), starts one; lines as far in, and blank lines, go on with
 * it. Made safe where it simplifies: a line it cannot place (in a quote, after a heading) is not
 * taken for code, so that a template tag in a list item's indented paragraph still goes.
 */
class IndentedCode {
  readonly #text: string;
  /** The columns a line needs to go on with the open block, or -1 when none is. */
  #column = -1;
  /** The columns where the content of each open list item starts, the innermost last. */
  readonly #items: number[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  /** Whether the line `start`–`end` is indented code. Asked of every line outside fences, in order. */
  isCode(start: number, end: number): boolean {
    const text = this.#text;
    const { column, at } = indentation(text, start, end);
    // A blank line: an open block goes on over it.
    if (at === end) return false;
    if (this.#column !== -1 && column >= this.#column) return true;
    this.#column = -1;
    const afterBlank = followsBlankLine(text, start);
    const marker = listMarker(text, at, end);
    // Out of the items it is not in, unless it is a paragraph's next line (lazily, in any item).
    const items = this.#items;
    if (afterBlank || marker !== undefined) while (column < (items.at(-1) ?? 0)) items.pop();
    const base = items.at(-1) ?? 0;
    if (afterBlank && column >= base + 4) {
      this.#column = base + 4;
      return true;
    }
    if (marker !== undefined && column < base + 4) items.push(itemContent(text, column, at, marker, end));
    return false;
  }
}

/** The column where the first thing on a line is (tabs to the next multiple of four), and where it is. */
function indentation(text: string, start: number, end: number): { column: number; at: number } {
  let column = 0;
  let at = start;
  for (; at < end; at++) {
    const char = text[at];
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else if (char !== '\r') break;
  }
  return { column, at };
}

const ITEM_MARKER = /[-+*]|\d{1,9}[.)]/y;

/** Where the list item marker at `at` ends (`-`, `*`, `+`, `1.`, `1)` and a blank or the line's end), if one is there. */
function listMarker(text: string, at: number, end: number): number | undefined {
  ITEM_MARKER.lastIndex = at;
  if (!ITEM_MARKER.test(text)) return undefined;
  const after = ITEM_MARKER.lastIndex;
  const next = text[after];
  return after === end || next === ' ' || next === '\t' || next === '\r' ? after : undefined;
}

/**
 * The column where a list item's content starts, for a marker at column `column` (`at`–`markerEnd`
 * in the text): after the blanks that follow it, or one column past the marker when more than four
 * do (the content is then indented code) or nothing does.
 */
function itemContent(text: string, column: number, at: number, markerEnd: number, end: number): number {
  const past = column + (markerEnd - at);
  let spaces = 0;
  let i = markerEnd;
  for (; i < end && (text[i] === ' ' || text[i] === '\t'); i++)
    spaces += text[i] === '\t' ? 4 - ((past + spaces) % 4) : 1;
  if (i === end || text[i] === '\r' || spaces > 4) return past + 1;
  return past + spaces;
}

/** The runs of backticks of a line, in order, each with the end of the code span it opens (or -1). */
interface Runs {
  readonly starts: number[];
  readonly ends: number[];
}

/**
 * The runs of backticks of a line from `from` on, each with the end of the code span it opens: a
 * run's partner is the next run of its length. Found in one pass from the end.
 */
function codeSpans(text: string, from: number, end: number): Runs {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = from; i < end; i++) {
    if (text[i] !== '`') continue;
    const length = runLength(text, i, end, '`');
    starts.push(i);
    lengths.push(length);
    i += length - 1;
  }
  const ends = new Array<number>(starts.length).fill(-1);
  const later = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k] ?? 0;
    const length = lengths[k] ?? 0;
    const partner = later.get(length);
    if (partner !== undefined) ends[k] = partner + length;
    later.set(length, start);
  }
  return { starts, ends };
}

/**
 * `line` without its code spans (backticks, anything, a run of as many backticks), each run paired
 * with the next of its length as {@link codeSpans} does, but for a run after a backslash, which opens
 * none: in linear time, where a regular expression
 * took time with the square of a run of backticks.
 */
export function withoutCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const { starts, ends } = codeSpans(line, 0, line.length);
  const kept: string[] = [];
  let from = 0;
  for (const [k, start] of starts.entries()) {
    const end = ends[k] ?? -1;
    // A run inside a span already left out, or one that opens none; nor does one after a backslash
    // (`` \` `` is a backtick), whose text is then kept: more counted, never less.
    if (start < from || end === -1 || line[start - 1] === '\\') continue;
    kept.push(line.slice(from, start));
    from = end;
  }
  kept.push(line.slice(from));
  return kept.join('');
}

/**
 * `from`–`to` removed: only its line breaks are left, so that lines keep their numbers; and one
 * space more when it is a phrase between spaces (`Use {{ x }} here`), so that no double space is, or
 * after an opening bracket (`({{ x }} here)`), so that none opens the brackets.
 * `blankBefore` says a space is before it where removals in a row start (`a {{ x }}{{ y }} b`).
 * In Markdown (`inParagraph`), a removal over several lines that starts after text on its line is
 * inside a paragraph or list item, which the blank lines left would end there (the rest of the item
 * falling out of it): its lines become an HTML comment, which a message never shows.
 */
export function removal(
  text: string,
  from: number,
  to: number,
  { inParagraph = false, blankBefore = false } = {},
): Replacement {
  const before = blankBefore ? ' ' : text[from - 1];
  const after = text[to];
  const end =
    (before === ' ' || before === '\t' || before === '(' || before === '[') &&
    (after === ' ' || after === '\t')
      ? to + 1
      : to;
  const breaks = lineBreaks(text, from, end);
  if (inParagraph && breaks !== '' && afterText(text.slice(text.lastIndexOf('\n', from - 1) + 1, from)))
    return { end, text: `<!--${breaks.replaceAll('\n', '\nx')}-->` };
  return { end, text: breaks };
}

/**
 * Stands for a removal that the spaces before it go with (`and {x}.`: the space before the full stop
 * is already out of reach when the removal is made): see {@link unglued}. Never in a post's text,
 * whose control characters are dropped first.
 */
export const GLUE = '\u0000';

/**
 * Stands where something was left out (a template tag, an MDX expression, an HTML tag): a pair of
 * brackets or quotes that holds nothing else, but blanks, is left out too (see
 * {@link withoutEmptiedPairs}). Never in a post's text, whose control characters are dropped first.
 */
export const REMOVED = '\u0001';

/**
 * A line break where `<br>` was left out: as {@link REMOVED}, and a line break when not inside a pair
 * that goes (`“<br>”`). Left to the caller, which writes it as its kind of line break.
 */
export const BREAK = '\u0002';

/**
 * What {@link withoutEmptiedPairs} never looks past, nor takes out: code, or a node of a tree that is
 * not text. Left to the caller, which puts back what it stands for.
 */
export const HELD = '\u0003';

/** Whether a text holds any of the marks (it never should, control characters being dropped first): then it gets none. */
export function holdsMarks(text: string): boolean {
  return [GLUE, REMOVED, BREAK, HELD].some((mark) => text.includes(mark));
}

/** `replaced`, when it leaves nothing, as a {@link REMOVED} mark. */
export function marked(replaced: Replacement): Replacement {
  return replaced.text === '' ? { end: replaced.end, text: REMOVED } : replaced;
}

/** The closing bracket or quote of each opening one. */
const CLOSER: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '"': '"',
  "'": "'",
  '“': '”',
  '‘': '’',
  '«': '»',
};

/** The brackets and quotes that open a pair (see CLOSER). */
export const OPENERS = Object.keys(CLOSER).join('');

/** Quotes that are also apostrophes or inch marks (`authors' {x} 'quote'`): only between a blank (or a bracket) and a word's end. */
const AMBIGUOUS = new Set(['"', "'", '’']);

const isMark = (char: string | undefined): boolean => char === REMOVED || char === GLUE || char === BREAK;
const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

/** Whether the bracket or quote `char`, after `before`, opens a pair. */
function opensPair(char: string, before: string | undefined): boolean {
  if (!(char in CLOSER) || before === '\\') return false;
  // `[text](…)`'s address, an image's `![…]`, a reference's `[text][…]`.
  if ((char === '(' || char === '[') && before === ']') return false;
  if (char === '[' && before === '!') return false;
  return !AMBIGUOUS.has(char) || before === undefined || isMark(before) || /[\s([{“‘«]/.test(before);
}

/** Whether the bracket or quote at `text[at]` closes one opened by `open`. */
function closesPair(text: string, at: number, open: string): boolean {
  const char = text[at] ?? '';
  if (char !== CLOSER[open]) return false;
  const after = text[at + 1];
  // `[…](address)`, `[…][label]`, a reference definition's `[…]:`.
  if (char === ']' && after !== undefined && '([:'.includes(after)) return false;
  return !AMBIGUOUS.has(char) || after === undefined || !/[\p{L}\p{N}_]/u.test(after);
}

/** Where the last character of `chunk` up to `end` that is neither a blank nor a mark is, plus one; 0 when none is. */
function solidEnd(chunk: string, end = chunk.length): number {
  let at = end;
  while (at > 0 && (isMark(chunk[at - 1]) || isBlank(chunk[at - 1]))) at--;
  return at;
}

/**
 * `text` without the pairs of brackets or quotes (`()`, `[]`, `{}`, `""`, `''`, `“”`, `‘’`, `«»`) that
 * hold only blanks and what was left out ({@link REMOVED}, {@link GLUE}, {@link BREAK}): `tip
 * ({{< x >}}) here` would show as `tip () here`. A pair so emptied inside another goes too (`("…")`);
 * one written empty (`f()`, `""`) stays, as does one that opens a link (`[…](…)`). One of the blanks
 * around it goes with it (`tip here`), or, before punctuation or a line's end, all those before it (a
 * {@link GLUE} mark, for {@link unglued}). The {@link REMOVED} marks go; {@link GLUE}, {@link BREAK}
 * and {@link HELD} stay, for the caller. The marks are outside code, and so are the brackets next to
 * them (only blanks between): code is never touched. Linear: the text is kept in pieces, each with
 * where its last character not a blank nor a mark is; a piece cut short is searched back from the cut
 * only, past characters that no later cut reaches again.
 */
export function withoutEmptiedPairs(text: string): string {
  if (!MARK.test(text)) return text;
  const marks = new RegExp(MARK.source, 'g');
  // The text kept, in pieces; for each, where its last character not a blank nor a mark is, plus one.
  const out: string[] = [];
  const solid: number[] = [];
  const keep = (piece: string): void => {
    if (piece === '') return;
    out.push(piece);
    solid.push(solidEnd(piece));
  };
  /** The piece holding the last character kept that is not a blank nor a mark, or -1. */
  const lastSolid = (): number => {
    let k = out.length - 1;
    while (k >= 0 && solid[k] === 0) k--;
    return k;
  };
  let i = 0;
  while (i < text.length) {
    marks.lastIndex = i;
    const found = marks.exec(text);
    if (found === null) {
      keep(text.slice(i));
      break;
    }
    keep(text.slice(i, found.index));
    // Past the last closing bracket or quote taken out.
    let end = found.index;
    let emptied = false;
    for (;;) {
      let j = end;
      while (isMark(text[j]) || isBlank(text[j])) j++;
      const k = lastSolid();
      const piece = out[k] ?? '';
      const at = (solid[k] ?? 0) - 1;
      const open = piece[at] ?? '';
      const before = at > 0 ? piece[at - 1] : out[k - 1]?.at(-1);
      if (k === -1 || !opensPair(open, before) || !closesPair(text, j, open)) {
        // None: a REMOVED mark has done its part (a GLUE or BREAK mark is the caller's).
        if (!emptied) {
          keep(text.slice(end, j).replaceAll(REMOVED, ''));
          end = j;
        }
        break;
      }
      out.length = solid.length = k;
      keep(piece.slice(0, at));
      end = j + 1;
      emptied = true;
    }
    i = end;
    if (!emptied) continue;
    // One blank around it goes: after it, as `removal` takes one; before punctuation or a line's
    // end, those before it (`*x (<img …>)*` is `*x*`).
    const before = out.at(-1)?.at(-1);
    const after = text[i];
    if (
      isBlank(after) &&
      (before === undefined || isBlank(before) || '\n([{'.includes(before) || before === BREAK)
    )
      i++;
    else if (
      isBlank(before) &&
      (after === undefined || after === '\n' || after === '\r' || CLOSING_PUNCTUATION.test(after))
    )
      keep(GLUE);
    // Between two words (`a(<img …>)b`), a space keeps them apart.
    else if (WORD_CHAR.test(before ?? '') && WORD_CHAR.test(after ?? '')) keep(' ');
  }
  return out.join('');
}

const MARK = new RegExp(`[${GLUE}${REMOVED}${BREAK}]`);

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** `text` after its removals: without the pairs they emptied ({@link withoutEmptiedPairs}), then {@link unglued}. */
export function afterRemovals(text: string): string {
  return unglued(withoutEmptiedPairs(text));
}

/** Punctuation that closes what comes before it, written without a space: `.`, `,`, `)`, `。`, …. */
export const CLOSING_PUNCTUATION = /[.,;:!?…)\]}。、，．！？：；）」』】]/u;

/**
 * Whether the removal `start`–`end` follows a space (or `blankBefore`, where removals in a row
 * start after one) and comes before punctuation: the space would stand before the punctuation.
 */
export function spaceThenPunctuation(text: string, start: number, end: number, blankBefore = false): boolean {
  const before = text[start - 1];
  return (blankBefore || before === ' ' || before === '\t') && CLOSING_PUNCTUATION.test(text[end] ?? '');
}

/**
 * `stripped` without its {@link GLUE} marks, and without the spaces and tabs before each when text
 * is before them on the line (`and {x}.` is `and.`); a line's indentation stays. Linear: each part is
 * looked at from its end back to its last non-space only.
 */
export function unglued(stripped: string): string {
  if (!stripped.includes(GLUE)) return stripped;
  const parts = stripped.split(GLUE);
  for (let k = 0; k < parts.length - 1; k++) {
    const part = parts[k] ?? '';
    let i = part.length;
    while (i > 0 && (part[i - 1] === ' ' || part[i - 1] === '\t')) i--;
    // Indentation, or the spaces after an earlier mark, stay: no text of this part is before them;
    // so do those after a line's block marks (`## {x}: Launch` stays a heading, `- {x}, 2024` an item).
    if (i > 0 && part[i - 1] !== '\n' && !marksOnly(part, k === 0)) parts[k] = part.slice(0, i);
  }
  return parts.join('');
}

/**
 * Whether the last line of `part` holds only the marks that open a block (`## `, `- `, `> 1. `) and
 * spaces; one with no line ending counts only when it is the first part (`first`), the text's start.
 */
function marksOnly(part: string, first: boolean): boolean {
  const lineEnd = part.lastIndexOf('\n');
  if (lineEnd === -1 && !first) return false;
  const rest = part.slice(lineEnd + 1).replace(CONTAINER_MARKS, '');
  return rest === '' || /^#{1,6}[ \t]*$/.test(rest);
}

/** Quote marks and list markers that may open a line, one inside the other (`> - `, `1. `). */
const CONTAINER_MARKS = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))*[ \t]*/;

/**
 * Whether a line's start (up to a removal) holds a paragraph's text, not only the marks that open a
 * quote or list item (the removal would start a block of its own there), nor a heading's (which
 * ends on its line).
 */
function afterText(lineStart: string): boolean {
  const rest = lineStart.replace(CONTAINER_MARKS, '');
  return /\S/.test(rest) && !/^#{1,6}(?:[ \t]|$)/.test(rest);
}

/** The line breaks of `text` from `from` to `to`. */
export function lineBreaks(text: string, from: number, to: number): string {
  let breaks = '';
  // Not indexOf: the next line break may be far past `to`, and a long line has many removals.
  for (let i = from; i < to; i++) if (text[i] === '\n') breaks += '\n';
  return breaks;
}

/**
 * A search for `pattern` that only goes forward: asked for a match from a position no earlier than
 * the last one, it answers from what it found before, or searches on from there. Asked again and
 * again for something that is not there, it searches once.
 */
export function forwardSearch(text: string, pattern: RegExp): (from: number) => RegExpExecArray | undefined {
  const search = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  let asked = Number.POSITIVE_INFINITY;
  let found: RegExpExecArray | null = null;
  return (from) => {
    if (from < asked || (found !== null && found.index < from)) {
      search.lastIndex = from;
      found = search.exec(text);
      asked = from;
    }
    return found ?? undefined;
  };
}

/** Whether the line before `start` (a line's start) is blank, or there is none. */
export function followsBlankLine(text: string, start: number): boolean {
  let i = start - 2;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

/** Whether nothing but spaces and tabs follows `from` on its line. */
export function restIsBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length && text[i] !== '\n'; i++)
    if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false;
  return true;
}

/** Whether the line starting at `start` is blank or opens a fence: where a paragraph ends. */
export function endsParagraph(text: string, start: number): boolean {
  const end = lineEnd(text, start);
  return text.slice(start, end).trim() === '' || openingFence(text, start, end) !== undefined;
}
