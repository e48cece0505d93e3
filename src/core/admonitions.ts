import { rewriteOutsideCode } from './outside-code.js';

/**
 * A post's text without the marker lines of Docusaurus's admonitions (`:::tip Title`, `:::note`,
 * `:::warning[Title]` … `:::`): the Markdown between them stays
 * as it is, and a title becomes a bold line (`**Title**`, a hard line break after it), as the page
 * shows it above the text. Only a
 * pair counts: an opening line of exactly `:::word` (with a title or `[title]`, and `{attributes}`,
 * after it) closed by a line of only colons, at least as many; inner pairs nest. Lines outside a pair,
 * and lines in code, are left as written; lines keep their numbers.
 *
 * GitHub's alerts and Obsidian's callouts (`> [!TIP]`, `> [!faq]- Title`: any word, any case) are read
 * the same way: the marker becomes the bold title (the one written after it, or the kind: `**Tip**`),
 * and the quote's text is no longer quoted, as an admonition's is not. The quote is its lines that go
 * on with its `>`; a line without one (blank, lazy text) ends it. An alert inside another's text stays
 * a quote.
 */
export function stripAdmonitions(text: string, { indentedCode = false } = {}): string {
  return readAdmonitions(text, { indentedCode }).text;
}

/**
 * An admonition or an alert at the post's own level (not in a list or a quote), by its lines (from 1):
 * its marker's and its last. One shows a box on the page where it has a title, its author's (`titled`)
 * or its kind's (`:::warning`, `> [!TIP]`); a pair with neither (`::: code-group`) is none. Boxes inside
 * another are its text, and not listed.
 */
export interface AdmonitionBox {
  readonly from: number;
  readonly to: number;
  /** Whether its author wrote its title (`:::tip[Title]`, `> [!TIP] Title`), rather than its kind's. */
  readonly titled: boolean;
  /** Its kind, in lower case: `tip` for `:::tip` and `> [!TIP]`. */
  readonly kind: string;
}

/**
 * {@link stripAdmonitions}'s text, the lines (from 1, in order) that hold a title in it (a title is
 * the admonition's label, never the post's text: its summary, say), and its boxes, in order.
 */
export function readAdmonitions(
  text: string,
  { indentedCode = false } = {},
): { text: string; titleLines: readonly number[]; boxes: readonly AdmonitionBox[] } {
  if (!text.includes(':::') && !text.includes('[!') && !text.includes('{:'))
    return { text, titleLines: [], boxes: [] };
  /** The line at `start`, without its line break (`\r\n` too). */
  const lineAt = (start: number): string => {
    const end = text.indexOf('\n', start);
    return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  };

  // First the lines to rewrite, found outside code: for a pair, its marker lines (a closing line closes
  // the innermost opening); for an alert, its lines, read on from its marker's.
  const markers = new Map<number, string>();
  const titles: number[] = [];
  // Boxes by the offsets of their first line and of their last.
  const found: { start: number; end: number; titled: boolean; kind: string }[] = [];
  const open: { start: number; colons: number; title: string; titled: boolean; kind: string }[] = [];
  // Where the last alert's lines end.
  let alertEnd = 0;
  rewriteOutsideCode(text, {
    triggers: '',
    construct: () => undefined,
    lineStart: (start) => {
      if (start < alertEnd) return undefined;
      const line = lineAt(start);
      // A quick test first: most lines are no markers.
      if (line.includes('[!')) {
        const alert = ALERT.exec(line);
        const head = alert?.[1] ?? '';
        const depth = quotesOf(head, true) + 1;
        // The marker opens the quote: it is on its first line, not under a line of the same quote.
        const above =
          start === 0 ? 0 : quotesOf(lineAt(start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1), true);
        if (alert !== null && above < depth) {
          const title = alert[4]?.trim() ?? '';
          markers.set(start, `${head}${bold(title || capitalized(alert[2] ?? ''))}`);
          titles.push(start);
          alertEnd = unquoteAlert(text, start, depth, lineAt, markers);
          // One in a list or a quote is that block's text.
          if (head.trim() === '')
            found.push({
              start,
              end: alertEnd - 1,
              titled: title !== '',
              kind: (alert[2] ?? '').toLowerCase(),
            });
        }
        return undefined;
      }
      if (PROMPT_QUOTE.test(line)) {
        const prompt = promptAt(text, start, lineAt);
        if (prompt !== undefined) {
          for (const [at, unquoted] of prompt.lines) markers.set(at, unquoted);
          // Titled by an icon alone: its text is all its blocks, as an untitled alert's.
          found.push({ start, end: prompt.end - 1, titled: false, kind: prompt.kind });
          alertEnd = prompt.end;
        }
        return undefined;
      }
      if (!line.trimStart().startsWith(':::')) return undefined;
      const opening = OPENING.exec(line);
      if (opening !== null) {
        // Untitled, a kind of the page's own (`:::warning`) is titled by it, as the page shows it.
        const own = (opening[4] ?? opening[5] ?? '').trim();
        const title = own || kindTitle(opening[3] ?? '');
        open.push({
          start,
          colons: opening[2]?.length ?? 3,
          title: title && `${opening[1] ?? ''}${bold(title)}`,
          titled: own !== '',
          kind: (opening[3] ?? '').toLowerCase(),
        });
        return undefined;
      }
      const closing = CLOSING.exec(line);
      const inner = open.at(-1);
      if (closing !== null && inner !== undefined && (closing[1]?.length ?? 0) >= inner.colons) {
        open.pop();
        markers.set(inner.start, inner.title);
        if (inner.title) {
          titles.push(inner.start);
          found.push({ start: inner.start, end: start, titled: inner.titled, kind: inner.kind });
        }
        markers.set(start, '');
      }
      return undefined;
    },
    indentedCode,
  });
  if (markers.size === 0) return { text, titleLines: [], boxes: [] };

  // Then each of those lines replaced, the rest kept.
  const out: string[] = [];
  let done = 0;
  for (const start of [...markers.keys()].sort((a, b) => a - b)) {
    out.push(text.slice(done, start), markers.get(start) ?? '');
    done = start + lineAt(start).length;
  }
  out.push(text.slice(done));
  return { text: out.join(''), titleLines: linesOf(text, titles), boxes: outermost(text, found) };
}

/** The boxes found (by offsets) that no other holds, by their lines, in order. */
function outermost(
  text: string,
  found: readonly { start: number; end: number; titled: boolean; kind: string }[],
): AdmonitionBox[] {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const kept: typeof sorted = [];
  for (const box of sorted) if (box.start > (kept.at(-1)?.end ?? -1)) kept.push(box);
  // In order already: each box ends before the next starts.
  const lines = linesOf(
    text,
    kept.flatMap(({ start, end }) => [start, end]),
  );
  return kept.map(({ titled, kind }, i) => ({
    from: lines[2 * i] ?? 1,
    to: lines[2 * i + 1] ?? 1,
    titled,
    kind,
  }));
}

/**
 * A title in bold, on a line of its own: two spaces after it make a hard line break, so that the text
 * below, which a message joins to it (see toDiscordMarkdown), starts on the next line, as on the page.
 * One the author already made bold (`**Heads up**`) is not made bold twice.
 */
function bold(title: string): string {
  return `${/^(\*\*|__)[^*_].*\1$/.test(title) ? title : `**${title}**`}  `;
}

/**
 * The kinds that Docusaurus and VitePress title by their name when written without a title
 * (`:::warning` shows "Warning"); another word (VitePress's `::: code-group`) shows no title.
 */
const TITLED_KINDS = new Set(['note', 'tip', 'info', 'warning', 'danger', 'caution', 'important', 'details']);

/** An untitled admonition's title: its kind's, when it is one of {@link TITLED_KINDS}. */
function kindTitle(kind: string): string {
  return TITLED_KINDS.has(kind.toLowerCase()) ? capitalized(kind) : '';
}

/** An alert's kind as its title: `TIP` and `tip` read as `Tip`. */
function capitalized(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
}

/**
 * A quote at the post's own level (the line above it is none of a quote) that the attribute list on
 * the line after it makes a box: Chirpy's prompts (`> text`, then `{: .prompt-tip }`) and Minimal
 * Mistakes' notices (`{: .notice--info}`). Its lines without their `>` (see unquoteAlert), where they
 * end (the attribute list's line), and its kind (`tip`; a plain notice is a `note`).
 */
function promptAt(
  text: string,
  start: number,
  lineAt: (start: number) => string,
): { lines: Map<number, string>; end: number; kind: string } | undefined {
  if (start > 0 && quotesOf(lineAt(start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1)) > 0)
    return undefined;
  const lines = new Map<number, string>();
  const first = lineAt(start);
  const marker = first.indexOf('>');
  lines.set(start, noHeading(first.slice(first[marker + 1] === ' ' ? marker + 2 : marker + 1)));
  const end = unquoteAlert(text, start, 1, lineAt, lines);
  if (end >= text.length) return undefined;
  const list = PROMPT_LIST.exec(lineAt(end));
  if (list === null) return undefined;
  const kind = list[1] ?? (list[2] === undefined ? 'note' : (list[3] ?? 'note'));
  return { lines, end, kind: kind.toLowerCase() };
}

/** A quote's first line, at the post's own level (indented less than code). */
const PROMPT_QUOTE = /^ {0,3}>/;

/**
 * A kramdown attribute list on a line of its own whose classes make the block above it a box:
 * `{: .prompt-tip }` (Chirpy's tip, info, warning and danger), `{: .notice--info}` or `{: .notice}`
 * (Minimal Mistakes'). Its kind, for a prompt; whether a notice, and its kind.
 */
const PROMPT_LIST =
  /^ {0,3}\{:[^}\n]*?\.(?:prompt-(tip|info|warning|danger)|(notice)(?:--(primary|info|warning|danger|success))?)(?![\w-])[^}\n]*\}[ \t]*$/i;

/**
 * The lines after an alert's marker line (at `start`) that go on with its quote, `depth` quotes in,
 * set in `lines` without that quote's `>` (and one space after it); where they end. Code in the quote
 * is its text too, unquoted with it.
 */
function unquoteAlert(
  text: string,
  start: number,
  depth: number,
  lineAt: (start: number) => string,
  lines: Map<number, string>,
): number {
  let at = text.indexOf('\n', start);
  while (at !== -1) {
    const next = at + 1;
    const line = lineAt(next);
    const marker = nthQuote(line, depth);
    if (marker === -1) return next;
    const rest = line.slice(line[marker + 1] === ' ' ? marker + 2 : marker + 1);
    lines.set(next, line.slice(0, marker) + (depth === 1 ? noHeading(rest) : rest));
    at = text.indexOf('\n', next);
  }
  return text.length;
}

/**
 * A line of an alert's text, once out of its quote, that makes no heading of the article: a heading
 * written in the alert (`## Mistakes`) would end the section it is in, and a line of `---` or `===`
 * under a line of text would make that line one. The heading's words are kept in bold; the rule is
 * shown as written.
 */
function noHeading(line: string): string {
  const indent = /^[ \t]{0,3}/.exec(line)?.[0] ?? '';
  const body = line.slice(indent.length);
  if (/^(?:=+|-+)[ \t]*$/.test(body)) return `${indent}\\${body}`;
  const hashes = /^#{1,6}(?=[ \t]|$)/.exec(body)?.[0];
  if (hashes === undefined) return line;
  let words = body.slice(hashes.length).trim();
  // A closing run of `#` (`## Title ##`) is no part of the title.
  let end = words.length;
  while (end > 0 && words[end - 1] === '#') end--;
  if (end === 0 || words[end - 1] === ' ' || words[end - 1] === '\t') words = words.slice(0, end).trim();
  // On a line of its own, as the heading was (see bold).
  return words === '' ? '' : `${indent}**${words}**  `;
}

/**
 * The `>` a line starts with, before any other text (list markers too when `inItems`: the quotes
 * around a list item's first line).
 */
function quotesOf(line: string, inItems = false): number {
  let quotes = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '>') quotes++;
    else if (char !== ' ' && char !== '\t') {
      LIST_MARKER.lastIndex = i;
      if (!inItems || !LIST_MARKER.test(line)) return quotes;
      i = LIST_MARKER.lastIndex - 1;
    }
  }
  return quotes;
}

/** Where the `n`th `>` that a line starts with is (only spaces before and between), or -1. */
function nthQuote(line: string, n: number): number {
  let quotes = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '>' && ++quotes === n) return i;
    if (char !== '>' && char !== ' ' && char !== '\t') return -1;
  }
  return -1;
}

/** A list marker and the space after it, at `lastIndex`. */
const LIST_MARKER = /(?:[-+*]|\d{1,9}[.)])[ \t]/y;

/** The lines (from 1) the offsets are on, counted in one walk through the text. */
function linesOf(text: string, offsets: number[]): number[] {
  let line = 1;
  let at = 0;
  return offsets
    .sort((a, b) => a - b)
    .map((offset) => {
      for (let next = text.indexOf('\n', at); next !== -1 && next < offset; next = text.indexOf('\n', at)) {
        line++;
        at = next + 1;
      }
      return line;
    });
}

/**
 * `:::tip`, `::::note[Title]{#id}`, `:::warning Title`, VitePress's `::: tip Title`: the indentation,
 * the colons, the kind, and the title in brackets or after a space. Each part ends where the next one
 * must start: a line is read in linear time, however long.
 */
const OPENING = /^([ \t]*)(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[([^\]]*)\])?(?:\{[^}]*\})?(?:[ \t]+([\s\S]*))?$/;

/** `:::` alone (the colons), spaces around it allowed. */
const CLOSING = /^[ \t]*(:{3,})[ \t]*$/;

/**
 * `> [!TIP]`, `> [!warning] Mind the gap`, `- > [!faq]- Title`: what is before the alert's own `>`
 * (indentation, list markers, the quotes it is in), its kind, the fold mark, and the title. Nothing
 * in it can match in more than one way: a line is read in linear time.
 */
const ALERT =
  /^((?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))*[ \t]*)>[ \t]*\[!([A-Za-z][\w-]*)\]([+-]?)(?:[ \t]+(.*))?$/;
