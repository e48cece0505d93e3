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
 * A text's lines joined by a space, without the spaces and tabs around each line ending (a paragraph's
 * soft line breaks, as a page shows them).
 */
export function joinedLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) => {
      let start = 0;
      let end = line.length;
      if (i > 0) while (start < end && isBlank(line[start])) start++;
      if (i < last) while (end > start && isBlank(line[end - 1])) end--;
      return line.slice(start, end);
    })
    .join(' ');
}

/**
 * A text on one line: each run of line endings (`lineEnd`, one character) and the white space around
 * it is one space, and the text is trimmed.
 */
export function oneLine(text: string, lineEnd: RegExp = /\n/): string {
  return text
    .split(lineEnd)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
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
