import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import { DataShapeError, dataShapeProblem, MAX_DATA_DEPTH } from './data-shape.js';

/**
 * TOML's settings (front matter, or Hugo's `hugo.toml`) with its dates as written
 * (`2014-03-12T10:11:00-04:00`, a local `2099-01-01` kept so), as YAML and JSON give them, at any
 * depth (a `[cascade]`'s `expiryDate`): the schema reads text. A day that does not exist
 * (`2023-02-30`, which smol-toml's Date rolls over to March 2nd) is given as written, for the schema
 * to refuse. Throws smol-toml's TomlError, or a DataShapeError.
 */
export function parseTomlData(text: string): Record<string, unknown> {
  const data = readToml(unrealDaysQuoted(text));
  // Bounded before it is walked (withTomlDates recurses once per level): see data-shape.ts.
  const problem = dataShapeProblem(data, { countValues: false });
  if (problem !== undefined) throw new DataShapeError(problem);
  return withTomlDates(data) as Record<string, unknown>;
}

/** Where deepestTomlLine's scan is: in a key, a table's header, or a value (after `=`, or in a list). */
type TomlPlace = 'key' | 'header' | 'value';

/**
 * The line (1-based) of `text` that nests deepest, for TOML data refused as too deep, by the levels
 * the data has: a table header's (`[a.b]` two, `[[a.b]]` three: its list and the table in it) for the
 * lines below it too, a key's dots (`a.b.c = 1` two) and a value's brackets. Dots elsewhere (`x = 1.5`,
 * a date, `"a.b"`) are no levels, nor is anything in a comment or a string (over several lines too).
 */
export function deepestTomlLine(text: string): number {
  let deepest = { depth: -1, line: 1 };
  let line = 1;
  let lineDepth = 0;
  let base = 0; // levels of the table the last header opened
  let level = 0; // of the table or list the scan is in
  let keyLevel = 0; // of the key being read, then of its value
  let place: TomlPlace = 'key';
  let quote = ''; // what ends the string the scan is in: ", ', """ or '''
  const open: { bracket: string; level: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && quote.startsWith('"') && text[i + 1] !== '\n') i++;
    else if (char === '\n') {
      if (lineDepth > deepest.depth) deepest = { depth: lineDepth, line };
      line++;
      // A one-line string never closed is refused as TOML; the lines below are still scanned.
      if (quote.length === 1) quote = '';
      if (open.length === 0 && quote === '') {
        place = 'key';
        level = keyLevel = base;
      }
      lineDepth = level;
    } else if (quote !== '') {
      if (!text.startsWith(quote, i)) continue;
      i += quote.length - 1;
      // `""""` ends a string over several lines with a quote in it, `"""""` with two.
      for (let extra = 0; quote.length === 3 && extra < 2 && text[i + 1] === char; extra++) i++;
      quote = '';
    } else if (char === '"' || char === "'")
      quote = text.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
    else if (char === '#') {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (place === 'key' && open.length === 0 && char === '[') {
      place = 'header';
      keyLevel = text[i + 1] === '[' ? 2 : 1;
      i += keyLevel - 1;
    } else if (place !== 'value' && char === '.') keyLevel++;
    else if (place === 'header' && char === ']') {
      base = level = keyLevel;
      lineDepth = Math.max(lineDepth, base);
      place = 'value'; // what follows on its line is a comment (or refused as TOML)
    } else if (place === 'key' && char === '=') {
      lineDepth = Math.max(lineDepth, keyLevel);
      place = 'value';
    } else if (place === 'value' && (char === '[' || char === '{')) {
      open.push({ bracket: char, level });
      level = keyLevel = keyLevel + 1;
      lineDepth = Math.max(lineDepth, level);
      place = char === '{' ? 'key' : 'value';
    } else if (place !== 'header' && (char === ']' || char === '}')) {
      level = open.pop()?.level ?? level;
      place = 'value';
    } else if (place !== 'header' && char === ',') {
      keyLevel = level;
      place = open.at(-1)?.bracket === '{' ? 'key' : 'value';
    }
  }
  return lineDepth > deepest.depth ? line : deepest.line;
}

/**
 * smol-toml's own bound on values in brackets within brackets (it recurses once per level, 1,000 by
 * default): the data's, so that it stops there too. Tables (`[a.b]`, `a.b = 1`) it does not count:
 * dataShapeProblem does, after.
 */
const TOML_OPTIONS = { maxDepth: MAX_DATA_DEPTH };

/** smol-toml's data of `text`; too deep for its bound, a DataShapeError, as data too deep for ours. */
function readToml(text: string): Record<string, unknown> {
  try {
    return parseToml(text, TOML_OPTIONS);
  } catch (error) {
    // Its error says so in words only (`document contains excessively nested structures`).
    if (error instanceof TomlError && error.message.includes('excessively nested'))
      throw new DataShapeError('deep');
    throw error;
  }
}

function withTomlDates(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(withTomlDates);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines own keys: a TOML key `__proto__` stays a key, sets no prototype.
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withTomlDates(field)]));
}

/**
 * A day that JavaScript's Date rolls over (the 29th to 31st of a shorter month); a day past the 31st
 * or a month past the 12th is no Date at all, which smol-toml refuses itself.
 */
const ROLLED_DAY = /(?<![\d.:-])(\d{4})-(0[1-9]|1[0-2])-(29|30|31)/g;

/** A TOML date or date-time from its first character, as smol-toml reads one (its parseDate). */
const DATE_TIME =
  /\d{4}-\d{2}-\d{2}(?:(?:[Tt]| (?=\d))\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?/y;

/** More days that do not exist than any post has: the next is refused as TOML, each costing a parse. */
const MAX_UNREAL_DAYS = 10;

type Candidate = { readonly start: number; readonly written: string };

/**
 * `text` with each date value whose day does not exist written as a string instead (`"2023-02-30"`).
 * smol-toml keeps neither the text nor the parts of a date, only the rolled-over Date, and such text
 * may as well be in a string, a comment or a key: smol-toml itself tells them apart. With their day
 * made `00` (no Date at all; TOML of the same shape where it is no value) it refuses the first that is
 * a value, exactly where it starts; those before it are no values. Most files have none to probe;
 * any other costs at most MAX_UNREAL_DAYS + 1 parses, however many candidates its comments hold.
 */
function unrealDaysQuoted(text: string): string {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(ROLLED_DAY)) {
    const [, year = '', month = '', day = ''] = match;
    if (Number(day) <= daysIn(Number(year), Number(month))) continue;
    DATE_TIME.lastIndex = match.index;
    candidates.push({ start: match.index, written: DATE_TIME.exec(text)?.[0] ?? match[0] });
  }
  if (candidates.length === 0) return text;
  const state = candidates.map((): 'probed' | 'value' | 'written' => 'probed');
  for (let values = 0; ; values++) {
    const probe = rewritten(text, candidates, state);
    try {
      parseToml(probe.text, TOML_OPTIONS);
      // Those still probed are no values: as written.
      return rewritten(
        text,
        candidates,
        state.map((was) => (was === 'probed' ? 'written' : was)),
      ).text;
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      // One pass to where the error is, one search among the starts: never a pass per candidate.
      const at = sortedIndexOf(probe.starts, indexAt(probe.text, error.line, error.column));
      // Refused elsewhere: two keys made one by the probe (`2023-02-30 = …` beside `2023-02-00`).
      const found = candidates[at];
      if (found === undefined || state[at] !== 'probed') return text;
      if (values === MAX_UNREAL_DAYS)
        throw new TomlError(`${keyBefore(text, found.start)}${found.written}: expected a real day`, {
          toml: text,
          ptr: found.start,
        });
      for (let i = 0; i < at; i++) if (state[i] === 'probed') state[i] = 'written';
      state[at] = 'value';
    }
  }
}

/** `text` with each candidate probed (its day `00`), made a string, or as written; and where each starts. */
function rewritten(
  text: string,
  candidates: readonly Candidate[],
  state: readonly ('probed' | 'value' | 'written')[],
): { text: string; starts: number[] } {
  let out = '';
  let from = 0;
  const starts: number[] = [];
  for (const [i, { start, written }] of candidates.entries()) {
    out += text.slice(from, start);
    starts.push(out.length);
    out +=
      state[i] === 'value'
        ? JSON.stringify(written)
        : state[i] === 'probed'
          ? `${written.slice(0, 8)}00${written.slice(10)}`
          : written;
    from = start + written.length;
  }
  return { text: out + text.slice(from), starts };
}

/** The days of a month (1-12) in a year of the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * The index of a 1-based `line` and `column`, as smol-toml's TomlError counts them (lines end at
 * `\n`, a `\r` before it included).
 */
function indexAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let at = 1; at < line; at++) {
    const end = text.indexOf('\n', start);
    if (end < 0) return -1;
    start = end + 1;
  }
  return start + column - 1;
}

/** Where `value` is in ascending `sorted`, or -1. */
function sortedIndexOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? value) < value) low = middle + 1;
    else high = middle;
  }
  return sorted[low] === value ? low : -1;
}

/** How far back a date's key is looked for: a key is short, and a line may be a megabyte. */
const KEY_REACH = 200;

/**
 * `key = ` when the text just before `index` (on its line) is a key and its `=`, to name the field
 * (`d = 2023-02-30`, `x = {d = 2023-02-30}`); else ''.
 */
function keyBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - KEY_REACH), index);
  const key = /([\w.-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=[ \t]*$/.exec(before.slice(before.lastIndexOf('\n') + 1));
  return key === null ? '' : `${key[1] ?? ''} = `;
}
