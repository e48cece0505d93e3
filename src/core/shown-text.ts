import { decodeHTMLStrict } from 'entities';
import { HTML_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';
import { isBlockTag, OPENING_TAG } from './html-blocks.js';
import {
  afterRemovals,
  BREAK,
  GLUE,
  holdsMarks,
  REMOVED,
  rewriteOutsideCode,
  spaceThenPunctuation,
} from './outside-code.js';

/*
 * Front matter and body text as a reader sees it: without what Discord drops or turns around, and,
 * for the fields a blog's page may print raw, with the HTML that is markup read as a browser reads it.
 */

/**
 * The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which turn the
 * text after them around (`\u202E` makes `gpj.exe` of `exe.jpg`). The marks U+200E and U+200F stay:
 * right-to-left text needs them. A regular expression's character class.
 */
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069';

/**
 * Control characters (C0, DEL, C1) but tab and line breaks, which Discord drops from an embed (an item
 * named `\u0085` is a field with an empty name, and the message is refused); and the {@link BIDI}
 * controls. `trim()` keeps all of these, so they go before any check of what a text shows.
 */
const UNSHOWN = new RegExp(`[^\\P{Cc}\\t\\n\\r]|[${BIDI}]`, 'gu');

export function withoutControls(text: string): string {
  return text.replace(UNSHOWN, '');
}

/** Only the {@link BIDI} controls of {@link UNSHOWN}: what an entity (`&#x202E;`) may still bring into Markdown. */
const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, 'g');

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** An HTML tag, comment or declaration anywhere, as CommonMark (markdown-it) reads raw HTML. */
const HTML_TAG = new RegExp(HTML_TAG_RE.source.replace(/^\^/, ''), 'g');
/** The same at `lastIndex`. */
const HTML_TAG_AT = new RegExp(HTML_TAG_RE.source.replace(/^\^/, ''), 'y');

/**
 * The elements an author puts in a title or a summary (HTML's phrasing content, the old inline ones,
 * and the `div` and `p` that wrap them). Any other name is text that only looks like a tag: `Vec<T>`
 * or `Option<String>` in a post about Rust, a React `<Suspense>`.
 */
const ELEMENTS = new Set(
  (
    'a abbr b bdi bdo big blink br center cite code data del dfn div em font i img ins kbd mark nobr p ' +
    'q rp rt ruby s samp small span strike strong sub sup time tt u var wbr'
  ).split(' '),
);

/** A tag's slash if it closes, its name, and, when it opens with nothing but its name, its `>`. */
const TAG_PARTS = /^<(\/?)([A-Za-z][A-Za-z\d-]*)(\s*>)?/;

/**
 * Which of `tags` (as HTML_TAG matches them, in the text's order) are markup, which a page hides:
 * comments and declarations; an element's `<br>`, and its tags written with attributes or closed by
 * `/>` (`<img src="/c.jpg">`); and an element's opening and closing tags that pair up
 * (`<em>guide</em>`). A lone `<div>` or `<b>` is the element's name, written to be read ("Stop
 * wrapping everything in <div>", "When to use <b> vs <strong>"); `Vec<T>` names no element.
 * Linear time: each tag is opened and closed once.
 */
function markupOf(tags: readonly string[]): boolean[] {
  const markup = tags.map(() => false);
  // By name, the opening tags no closing tag has paired yet, the last one last.
  const open = new Map<string, number[]>();
  tags.forEach((tag, i) => {
    const [, slash, written, bare] = TAG_PARTS.exec(tag) ?? [];
    if (written === undefined) {
      markup[i] = true;
      return;
    }
    const name = written.toLowerCase();
    if (!ELEMENTS.has(name)) return;
    if (slash === '') {
      if (bare === undefined || name === 'br') markup[i] = true;
      const opened = open.get(name);
      if (opened === undefined) open.set(name, [i]);
      else opened.push(i);
      return;
    }
    // A closing tag pairs with the nearest opening one before it that is not yet paired.
    const opening = open.get(name)?.pop();
    if (opening !== undefined) markup[opening] = markup[i] = true;
  });
  return markup;
}

/** The tag (or comment…) that starts at `start`, if one does. */
function tagAt(text: string, start: number): string | undefined {
  if (text[start] !== '<') return undefined;
  HTML_TAG_AT.lastIndex = start;
  return HTML_TAG_AT.exec(text)?.[0];
}

/** `<br>`, `<br/>`: a line break where one can be shown. */
const BR = /^<br\s*\/?>$/i;

/**
 * How much of a field is read as HTML: a tag left open (`<a title="` and no quote) is searched for to
 * the end of the text, from each `<`. Far past what a title or a summary shows (200 and 500 characters).
 */
const HTML_READ = 4096;

/**
 * Plain text written with HTML, as a page that prints it raw shows it: markup (see {@link markupOf})
 * left out, its text kept (`Tom &amp; Jerry's <em>guide</em>` → `Tom & Jerry's guide`), entities named
 * or numbered decoded, and white space made one space. Hugo's templates, Jekyll's default theme
 * (minima) and Eleventy's Nunjucks escape a title, and show it as written; a theme that prints it raw
 * (Liquid's `{{ page.title }}` without `| escape`) reads it as HTML. The bot cannot tell which, so it
 * reads what an author writes only for such a page (entities, markup), and keeps what reads as text
 * in both (`<div>` alone, `Vec<T>`); brackets or quotes that held only markup go too. What follows
 * the first {@link HTML_READ} characters is cut.
 */
export function htmlAsText(text: string): string {
  const read = text.length > HTML_READ ? text.slice(0, HTML_READ) : text;
  if (!/[<&]/.test(read)) return read.replace(/\s+/g, ' ').trim();
  const markup = markupOf(read.match(HTML_TAG) ?? []);
  // The same tags in the same order: the n-th one replaced is the n-th one matched.
  let n = 0;
  // Each left out with a mark, so that brackets or quotes it leaves empty go too (`Tips (<img …>)`);
  // not in a text that holds one (never, control characters being dropped first).
  const mark = holdsMarks(read) ? '' : REMOVED;
  // Markup joins the text around it (`<em>guide</em>`); `<br>` and a block's tag (`<p>`) break it, a
  // space on one line. Only entities closed by `;`: a browser reads `&notes` as `¬es`, which no author
  // of `R&D &notes` means.
  const left = read.replace(HTML_TAG, (tag) =>
    !markup[n++] ? tag : BR.test(tag) || isBlockTag(tag) ? ` ${mark}` : mark,
  );
  return decodeHTMLStrict(afterRemovals(left)).replace(/\s+/g, ' ').trim();
}

/**
 * Markdown written with inline HTML, as a page that prints it raw shows it: markup (see
 * {@link markupOf}) outside code left out, its text kept, `<br>` a line break, a block's tag (`<p>`) a
 * space between words, the blanks on both sides of markup one (`Learn <b></b> more` → `Learn
 * more`), and brackets or quotes that held only markup left out too (`tip (<img src="x.png">) here`
 * → `tip here`). Entities are left to the Markdown reader, which decodes them outside code as a page does. What follows the first {@link HTML_READ} characters is cut.
 */
export function withoutHtmlTags(markdown: string): string {
  const read = markdown.length > HTML_READ ? markdown.slice(0, HTML_READ) : markdown;
  if (!read.includes('<')) return read;
  // A first walk finds the tags outside code, where they start; a tag is passed over whole (a `<`
  // in its attributes opens none), kept as written.
  const tags = new Map<number, string>();
  rewriteOutsideCode(read, {
    triggers: '<',
    construct: (start) => {
      // `\<b>` is written to be shown as it is.
      const tag = read[start - 1] === '\\' ? undefined : tagAt(read, start);
      if (tag === undefined) return undefined;
      tags.set(start, tag);
      return { end: start + tag.length, text: tag };
    },
  });
  const markup = markupOf([...tags.values()]);
  const markupAt = new Map([...tags].filter((_, i) => markup[i]));
  // A text holding the marks itself (it never should: control characters are dropped first) keeps its
  // spaces, and its brackets.
  const glue = !holdsMarks(read);
  // Each left out with a mark, so that brackets or quotes it leaves empty go too (see withoutEmptiedPairs).
  const mark = glue ? REMOVED : '';
  // The second walks as the first, and leaves the markup out.
  const left = rewriteOutsideCode(read, {
    triggers: '<',
    construct: (start) => {
      const first = tags.get(start);
      if (first === undefined) return undefined;
      if (!markupAt.has(start)) return { end: start + first.length, text: first };
      if (BR.test(first)) return { end: start + first.length, text: glue ? BREAK : '\n' };
      // The markup that follows it (`<span></span>`) goes with it, but a `<br>`.
      let end = start + first.length;
      let block = isBlockTag(first);
      let last = first;
      for (let tag = markupAt.get(end); tag !== undefined && !BR.test(tag); tag = markupAt.get(end)) {
        block ||= isBlockTag(tag);
        end += tag.length;
        last = tag;
      }
      // A blank before them stands for those after them.
      if (/[ \t]/.test(read[start - 1] ?? '')) while (read[end] === ' ' || read[end] === '\t') end++;
      // A block's tag (`<p>`) keeps the words around it apart, with one space between words.
      const apart = block && /\S/.test(read[start - 1] ?? '') && /\S/.test(read[end] ?? '');
      // `and <em></em>.`: the space before them goes too, as the full stop would stand alone (see unglued).
      // Not when an element's text follows (`Migrating to <code>.NET 8</code>` keeps its space).
      const glued = glue && !apart && !OPENING_TAG.test(last) && spaceThenPunctuation(read, start, end);
      return { end, text: apart ? ` ${mark}` : glued ? GLUE : mark };
    },
  });
  return afterRemovals(left).replaceAll(BREAK, '\n');
}
