import { decodeHTMLStrict } from 'entities';
import { HTML_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';
import { rewriteOutsideCode } from './outside-code.js';

/*
 * Front matter and body text as a reader sees it: without what Discord drops or turns around, and,
 * for the fields blogs print raw into their pages, with HTML read as a browser reads it.
 */

/**
 * Control characters (C0, DEL, C1) but tab and line breaks, which Discord drops from an embed (an item
 * named `\u0085` is a field with an empty name, and the message is refused); and the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which turn the text after them
 * around (`\u202E` makes `gpj.exe` of `exe.jpg`). The marks U+200E and U+200F stay: right-to-left
 * text needs them. `trim()` keeps all of these, so they go before any check of what a text shows.
 */
const UNSHOWN = /[^\P{Cc}\t\n\r]|[\u202A-\u202E\u2066-\u2069]/gu;

export function withoutControls(text: string): string {
  return text.replace(UNSHOWN, '');
}

/** Only the bidirectional controls of {@link UNSHOWN}: what an entity (`&#x202E;`) may still bring into Markdown. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export function withoutBidiControls(text: string): string {
  return BIDI_CONTROLS.test(text) ? text.replace(new RegExp(BIDI_CONTROLS, 'g'), '') : text;
}

/** An HTML tag, comment or declaration anywhere, as CommonMark (markdown-it) reads raw HTML. */
const HTML_TAG = new RegExp(HTML_TAG_RE.source.replace(/^\^/, ''), 'g');
/** The same at `lastIndex`. */
const HTML_TAG_AT = new RegExp(HTML_TAG_RE.source.replace(/^\^/, ''), 'y');

/**
 * The elements an author puts in a title or a summary (HTML's phrasing content, and the old inline
 * ones), whose tags a page hides. Any other name is text that only looks like a tag: `Vec<T>` or
 * `Option<String>` in a post about Rust, which a Hugo page (its templates escape a title) shows as written.
 */
const INLINE_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo big blink br center cite code data del dfn div em font i img ins kbd mark nobr p ' +
    'q rp rt ruby s samp small span strike strong sub sup time tt u var wbr'
  ).split(' '),
);

/** Whether `tag` (as HTML_TAG matches it) is one a page hides: a comment, declaration, or an inline element's tag. */
function isHidden(tag: string): boolean {
  const name = /^<\/?([A-Za-z][A-Za-z\d-]*)/.exec(tag)?.[1];
  return name === undefined || INLINE_ELEMENTS.has(name.toLowerCase());
}

/** The tag (or comment…) that starts at `start`, if one does and a page hides it. */
function tagAt(text: string, start: number): string | undefined {
  if (text[start] !== '<') return undefined;
  HTML_TAG_AT.lastIndex = start;
  const tag = HTML_TAG_AT.exec(text)?.[0];
  return tag !== undefined && isHidden(tag) ? tag : undefined;
}

/** `<br>`, `<br/>`: a line break where one can be shown. */
const BR = /^<br\s*\/?>$/i;

/**
 * How much of a field is read as HTML: a tag left open (`<a title="` and no quote) is searched for to
 * the end of the text, from each `<`. Far past what a title or a summary shows (200 and 500 characters).
 */
const HTML_READ = 4096;

/**
 * Plain text written with HTML, as a page that prints it raw shows it (Jekyll's and Eleventy's
 * templates print a title so): tags and comments left out, their text kept (`Tom &amp; Jerry's
 * <em>guide</em>` → `Tom & Jerry's guide`), entities named or numbered decoded, and white space made
 * one space. What follows the first {@link HTML_READ} characters is cut.
 */
export function htmlAsText(text: string): string {
  const read = text.length > HTML_READ ? text.slice(0, HTML_READ) : text;
  if (!/[<&]/.test(read)) return read.replace(/\s+/g, ' ').trim();
  // An inline tag joins the text around it (`<em>guide</em>`); `<br>` breaks it, a space on one line.
  // Only entities closed by `;`: a browser reads `&notes` as `¬es`, which no author of `R&D &notes` means.
  return decodeHTMLStrict(read.replace(HTML_TAG, (tag) => (!isHidden(tag) ? tag : BR.test(tag) ? ' ' : '')))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Markdown written with inline HTML, as a page that prints it raw shows it: tags and comments outside
 * code left out, their text kept, `<br>` a line break, and the blanks on both sides of a tag one
 * (`Learn <b></b> more` → `Learn more`). Entities are left to the Markdown reader, which decodes them
 * outside code as a page does. What follows the first {@link HTML_READ} characters is cut.
 */
export function withoutHtmlTags(markdown: string): string {
  const read = markdown.length > HTML_READ ? markdown.slice(0, HTML_READ) : markdown;
  if (!read.includes('<')) return read;
  return rewriteOutsideCode(read, {
    triggers: '<',
    construct: (start) => {
      // `\<b>` is written to be shown as it is.
      if (read[start - 1] === '\\') return undefined;
      const first = tagAt(read, start);
      if (first === undefined) return undefined;
      if (BR.test(first)) return { end: start + first.length, text: '\n' };
      // The tags that follow it (`<span></span>`) go with it, but a `<br>`.
      let end = start + first.length;
      for (let tag = tagAt(read, end); tag !== undefined && !BR.test(tag); tag = tagAt(read, end))
        end += tag.length;
      // A blank before them stands for those after them.
      if (/[ \t]/.test(read[start - 1] ?? '')) while (read[end] === ' ' || read[end] === '\t') end++;
      return { end, text: '' };
    },
  });
}
