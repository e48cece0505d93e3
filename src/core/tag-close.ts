import { firstAtOrAfter } from './sorted.js';

/**
 * Where a template tag's closing delimiter is, for tags that start anywhere in `text`: the first
 * `closer` (`>}}`, `}}`, `%}`) from where the tag's inside starts, outside the quoted strings of its
 * arguments, as the generators read them (`{{< a ">}}" >}}`, `{% include x a="%}" %}`; Hugo, Nunjucks
 * and LiquidJS). `quotes` are the characters that open a string (`"'` in Liquid, `` "` `` in a Hugo
 * shortcode); `"` and `'` are escaped by a backslash, a backtick is not (a Go raw string).
 *
 * Made safe where a post is not a template: a quote opens a string only where an argument can start,
 * not after a letter or a digit (`it's`) nor a backslash; one that does not close before a blank line
 * is an ordinary character; and a close found past a blank line after the first closer gives way to
 * that closer, as it was read before strings were (a stray quote eats one paragraph at most).
 *
 * Linear on any input: the places are listed once, each answer is found by binary search, and what
 * follows a quote outside strings is worked out once, whichever tag asks.
 */
export function tagCloseSearch(
  text: string,
  closer: string,
  quotes: string,
): (from: number) => number | undefined {
  let places: Places | undefined;

  /** The first closer outside strings from `from`, outside strings there (-1: none). */
  const quoted = ({ closers, openers, strings, blankLines, known }: Places, from: number): number => {
    let at = from;
    const passed: number[] = [];
    let found = -1;
    for (;;) {
      const close = closers[firstAtOrAfter(closers, at)] ?? -1;
      const k = firstAtOrAfter(openers, at);
      const open = openers[k];
      if (open === undefined || (close !== -1 && close < open)) {
        found = close;
        break;
      }
      if (known[k] !== UNKNOWN) {
        found = known[k] ?? -1;
        break;
      }
      passed.push(k);
      const same = strings.get(text[open] ?? '') ?? [];
      const end = same[firstAtOrAfter(same, open + 1)];
      // A string that does not end in its paragraph is no string: the quote is a character.
      at = end !== undefined && !blankBetween(blankLines, open, end) ? end + 1 : open + 1;
    }
    for (const k of passed) known[k] = found;
    return found;
  };

  return (from) => {
    places ??= listPlaces(text, closer, quotes);
    const first = places.closers[firstAtOrAfter(places.closers, from)];
    if (first === undefined) return undefined;
    const close = quoted(places, from);
    return close === -1 || blankBetween(places.blankLines, first, close) ? first : close;
  };
}

interface Places {
  /** Where `closer` is, in order (overlapping: `}}}` holds two). */
  readonly closers: number[];
  /** The quotes that may open a string, in order. */
  readonly openers: number[];
  /** For each quote character, where it is unescaped: where a string it opens may end. */
  readonly strings: Map<string, number[]>;
  /** The line breaks that a blank line follows: where paragraphs end. */
  readonly blankLines: number[];
  /** For each opener, the first closer outside strings from it, once worked out (-1: none). */
  readonly known: Int32Array;
}

const UNKNOWN = -2;

/** What a search needs to know of `text`, found in one pass for each kind. */
function listPlaces(text: string, closer: string, quotes: string): Places {
  const closers: number[] = [];
  for (let at = text.indexOf(closer); at !== -1; at = text.indexOf(closer, at + 1)) closers.push(at);
  const openers: number[] = [];
  const strings = new Map<string, number[]>();
  for (const { index, 0: quote } of text.matchAll(new RegExp(`[${quotes}]`, 'g'))) {
    if (quote !== '`' && escaped(text, index)) continue;
    const same = strings.get(quote) ?? [];
    if (same.length === 0) strings.set(quote, same);
    same.push(index);
    if (!ARGUMENT_PART.test(text[index - 1] ?? '')) openers.push(index);
  }
  const blankLines: number[] = [];
  for (const { index } of text.matchAll(BLANK_LINE)) blankLines.push(index);
  return { closers, openers, strings, blankLines, known: new Int32Array(openers.length).fill(UNKNOWN) };
}

/** What a string cannot follow: a letter, a digit or `_` (a word's apostrophe), or a backslash. */
const ARGUMENT_PART = /[\p{L}\p{N}_\\]/u;

/** A line break that a blank line follows: where a paragraph ends. */
const BLANK_LINE = /\n(?=[ \t]*\r?\n)/g;

/** Whether the character at `at` is escaped: an odd number of backslashes before it. */
function escaped(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === '\\') i--;
  return (at - 1 - i) % 2 === 1;
}

/** Whether a paragraph ends between `from` and `to`. */
function blankBetween(blankLines: readonly number[], from: number, to: number): boolean {
  const next = blankLines[firstAtOrAfter(blankLines, from)];
  return next !== undefined && next < to;
}
