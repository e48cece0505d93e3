import { parseMarkdown, plainText } from './markdown.js';

/** Length in Unicode code points, the unit Discord counts its limits in. */
export function codePointLength(text: string): number {
  let n = 0;
  // Every UTF-16 unit but the low half of a surrogate pair starts a code point.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) n++;
  }
  return n;
}

/** The first `max` code points of `text`. */
function sliceCodePoints(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

const ELLIPSIS = '…';

/** Characters that open Markdown spans: emphasis, code, links and images, autolinks. */
const SPAN_MARK = /[*_`[<]/;

/** Word boundaries tried for a cut outside every span before the text is shortened as plain text. */
const MAX_CUTS_TRIED = 64;

/**
 * Shortens `text` to at most `max` code points, ending at a word boundary with an ellipsis
 * when it had to cut. A single word longer than `max` is cut inside the word (nothing else fits).
 * Markdown is cut outside its links, code and emphasis (`…[a link with` would show its `[`); a
 * span that no cut before the limit ends outside leaves only the text, without its markup.
 */
export function truncate(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  if (!SPAN_MARK.test(text)) return truncatePlain(text, max);
  const parsed = parseMarkdown(text);
  if (!parsed.ok) return truncatePlain(text, max);
  const shown = plainText(parsed.root);
  const head = sliceCodePoints(text, max - 1);
  let tried = 0;
  for (const cut of wordEnds(text, head.length)) {
    if (++tried > MAX_CUTS_TRIED) break;
    const kept = text.slice(0, cut).trimEnd();
    // Cut inside a span, its opening mark shows as text, which the whole text does not show there.
    const part = parseMarkdown(kept);
    if (part.ok && shown.startsWith(plainText(part.root))) return kept + ELLIPSIS;
  }
  return truncatePlain(shown.replace(/\s+/g, ' ').trim(), max);
}

/** Where words end in `text` (before white space) up to `end`, last first. */
function* wordEnds(text: string, end: number): Generator<number> {
  for (let i = end; i > 0; i--) {
    if (/\s/.test(text.charAt(i)) && !/\s/.test(text.charAt(i - 1))) yield i;
  }
}

function truncatePlain(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  const head = sliceCodePoints(text, max - 1);
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : head;
  return cut.trimEnd() + ELLIPSIS;
}

/** Separators to split at, most preferred first: paragraphs, lines, sentences, words. */
const BREAKS = [/\n\s*\n/g, /\n/g, /(?<=[.!?])\s+/g, /\s+/g] as const;

/**
 * Splits `text` into chunks of at most `max` code points, breaking between paragraphs where it can,
 * then lines, sentences and words. Only a single word longer than `max` is broken inside itself.
 * Chunks are trimmed; joining them with whitespace gives back the words of `text` in order.
 */
export function splitText(text: string, max: number): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (codePointLength(trimmed) <= max) return [trimmed];
  for (const separator of BREAKS) {
    const pieces = splitKeepingOrder(trimmed, separator);
    if (pieces.length > 1) return packPieces(pieces, max);
  }
  // One word longer than the limit: cut it into equal slices.
  const chars = Array.from(trimmed);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += max) chunks.push(chars.slice(i, i + max).join(''));
  return chunks;
}

interface Piece {
  text: string;
  /** The separator that followed this piece in the source ('' for the last). */
  separator: string;
}

function splitKeepingOrder(text: string, separator: RegExp): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    pieces.push({ text: text.slice(start, match.index), separator: match[0] });
    start = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(start), separator: '' });
  return pieces.filter((piece) => piece.text.trim() !== '');
}

function packPieces(pieces: Piece[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let pendingSeparator = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece.text : current + pendingSeparator + piece.text;
    if (codePointLength(candidate.trim()) <= max) {
      current = candidate;
    } else {
      if (current.trim() !== '') chunks.push(current.trim());
      if (codePointLength(piece.text.trim()) <= max) {
        current = piece.text;
      } else {
        // This piece alone is too long: split it at the next finer separator.
        const parts = splitText(piece.text, max);
        chunks.push(...parts.slice(0, -1));
        current = parts.at(-1) ?? '';
      }
    }
    pendingSeparator = piece.separator;
  }
  if (current.trim() !== '') chunks.push(current.trim());
  return chunks;
}

/**
 * Control characters and bidirectional overrides removed (`\u202E` would turn the rest of a reply
 * around), and every run of white space made one space: for echoing what a user typed.
 * Joiners (ZWJ) stay: emoji sequences need them.
 */
export function plainLine(text: string): string {
  return text
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}
