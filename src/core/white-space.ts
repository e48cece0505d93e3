/*
 * White space trimmed or joined in time linear in the text's length. A regular expression that must
 * match up to a run's end (`/\s+$/`, `/\s*[:]$/`, `/[ \t]*\n/`) is tried again at every character of
 * a run it fails on: a megabyte of spaces in a post (a tip, a name) took minutes that way.
 */

/** `value` without the spaces and tabs it ends with. */
export function withoutTrailingBlanks(value: string): string {
  let end = value.length;
  while (end > 0 && isBlank(value[end - 1])) end--;
  return end === value.length ? value : value.slice(0, end);
}

/**
 * A text's lines joined, without the spaces and tabs around each line ending (a paragraph's soft line
 * breaks, as a page shows them): by a space, but between two wide characters (Chinese, Japanese and
 * their punctuation), which a page joins without one (see {@link joinLines}).
 */
export function joinedLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return joinLines(
    lines
      .map((line, i) => {
        let start = 0;
        let end = line.length;
        if (i > 0) while (start < end && isBlank(line[start])) start++;
        if (i < last) while (end > start && isBlank(line[end - 1])) end--;
        return line.slice(start, end);
      })
      // A line left empty inside (a tag on its own line, left out) joins nothing; at either end, the
      // line ending is a space next to what is before or after the text.
      .filter((line, i) => line !== '' || i === 0 || i === last),
  );
}

/**
 * A text on one line: each run of line endings (`lineEnd`, one character) and the white space around
 * it joined as {@link joinedLines} joins lines, and the text trimmed.
 */
export function oneLine(text: string, lineEnd: RegExp = /\n/): string {
  return joinLines(
    text
      .split(lineEnd)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}

/**
 * Lines joined by a space, or by nothing between two wide characters: CSS (Text level 3) and Hugo's
 * `eastAsianLineBreaks` drop a line ending there, where a space would read as a typo.
 */
function joinLines(lines: readonly string[]): string {
  // Pieces joined once at the end: reading back a string grown line by line copied it at each line.
  const pieces: string[] = [lines[0] ?? ''];
  let end = lastCodePoint(lines[0] ?? '');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const wide = isWide(end) && isWide(line.codePointAt(0));
    pieces.push(wide ? line : ` ${line}`);
    end = line === '' ? (wide ? end : 0x20) : lastCodePoint(line);
  }
  return pieces.join('');
}

/** The last code point of `text`: a character past U+FFFF (Han's extensions) ends in its second half. */
function lastCodePoint(text: string): number | undefined {
  const last = text.codePointAt(text.length - 1);
  return last !== undefined && last >= 0xdc00 && last <= 0xdfff ? text.codePointAt(text.length - 2) : last;
}

/** Han, kana, and the punctuation and full-width forms written among them. */
const WIDE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6]/u;

function isWide(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WIDE.test(String.fromCodePoint(codePoint));
}

/**
 * `text` trimmed, without one mark at its end (`mark`, a character class anchored there: `/[.:]$/`),
 * and trimmed again: `**Ask early:**` names "Ask early".
 */
export function withoutEndMark(text: string, mark: RegExp): string {
  const trimmed = text.trim();
  return (mark.test(trimmed) ? trimmed.slice(0, -1) : trimmed).trim();
}

/** `text` without the characters at its end that `char` (one character) matches. */
export function withoutTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}
