import { rewriteOutsideCode, type Replacement } from './outside-code.js';

/**
 * A post's text without the marker lines of Docusaurus's admonitions (`:::tip Title`, `:::note`,
 * `:::warning[Title]` … `:::`): the Markdown between them stays
 * as it is, and a title becomes a bold line (`**Title**`), as the page shows it above the text. Only a
 * pair counts: an opening line of exactly `:::word` (with a title or `[title]`, and `{attributes}`,
 * after it) closed by a line of only colons, at least as many; inner pairs nest. Lines outside a pair,
 * and lines in code, are left as written; lines keep their numbers.
 */
export function stripAdmonitions(text: string, { indentedCode = false } = {}): string {
  return readAdmonitions(text, { indentedCode }).text;
}

/**
 * {@link stripAdmonitions}'s text, and the lines (from 1, in order) that hold a title in it: a title is
 * the admonition's label, never the post's text (its summary, say).
 */
export function readAdmonitions(
  text: string,
  { indentedCode = false } = {},
): { text: string; titleLines: readonly number[] } {
  if (!text.includes(':::')) return { text, titleLines: [] };
  /** The line at `start`, without its line break (`\r\n` too). */
  const lineAt = (start: number): string => {
    const end = text.indexOf('\n', start);
    return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  };

  // First the pairs, from the marker lines outside code: a closing line closes the innermost opening.
  const markers = new Map<number, string>();
  const open: { start: number; colons: number; title: string }[] = [];
  rewriteOutsideCode(text, {
    triggers: '',
    construct: () => undefined,
    lineStart: (start) => {
      const line = lineAt(start);
      // A quick test first: most lines are no markers.
      if (!line.trimStart().startsWith(':::')) return undefined;
      const opening = OPENING.exec(line);
      if (opening !== null) {
        const title = (opening[4] ?? opening[5] ?? '').trim();
        open.push({
          start,
          colons: opening[2]?.length ?? 3,
          // A title the author already made bold (`**Heads up**`) is not made bold twice.
          title: title && `${opening[1] ?? ''}${/^(\*\*|__)[^*_].*\1$/.test(title) ? title : `**${title}**`}`,
        });
        return undefined;
      }
      const closing = CLOSING.exec(line);
      const inner = open.at(-1);
      if (closing !== null && inner !== undefined && (closing[1]?.length ?? 0) >= inner.colons) {
        open.pop();
        markers.set(inner.start, inner.title);
        markers.set(start, '');
      }
      return undefined;
    },
    indentedCode,
  });
  if (markers.size === 0) return { text, titleLines: [] };

  const stripped = rewriteOutsideCode(text, {
    triggers: '',
    construct: () => undefined,
    lineStart: (start): Replacement | undefined => {
      const shown = markers.get(start);
      if (shown === undefined) return undefined;
      return { end: start + lineAt(start).length, text: shown };
    },
    indentedCode,
  });
  return {
    text: stripped,
    titleLines: linesOf(
      text,
      [...markers].flatMap(([start, shown]) => (shown ? [start] : [])),
    ),
  };
}

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
