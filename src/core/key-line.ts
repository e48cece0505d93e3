/**
 * Where a top-level key is written in a data text (a front matter block, a site's configuration), for
 * problems that name its line: the readers (js-yaml, smol-toml, JSON.parse) do not say.
 */

/** A data text's lines, and where its reader found its top-level keys, if it says (JSON's, a `---js` block's). */
export interface KeyedLines {
  readonly lines: readonly string[];
  readonly keyLines?: ReadonlyMap<string, number> | undefined;
}

/**
 * The first line (from 1) of the top-level `key` after line `after`: where the reader found it, else
 * `key:` in YAML, `key =` or `[key]` in TOML, `"key":` in JSON. Only JSON's quoted keys are looked for
 * indented: an indented YAML key is a nested one (`timeZone:` under `languages: en:`). A front matter
 * block's fence lines hold no key.
 */
export function foundKeyLine({ lines, keyLines }: KeyedLines, key: string, after = 0): number | undefined {
  const found = keyLines?.get(key);
  if (found !== undefined) return found > after ? found : undefined;
  for (let i = after; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trimStart();
    if (
      line === raw
        ? startsWithKey(line, key, /[:=]/)
        : line.startsWith(`"${key}"`) && startsWithKey(line, key, /:/)
    )
      return i + 1;
    if (line === raw && line.trimEnd() === `[${key}]`) return i + 1;
  }
  return undefined;
}

/** The last line of the top-level `key` (see {@link foundKeyLine}): YAML keeps the last of a key written twice. */
export function lastKeyLine(text: KeyedLines, key: string): number | undefined {
  let last: number | undefined;
  let next = foundKeyLine(text, key);
  while (next !== undefined) {
    last = next;
    next = foundKeyLine(text, key, next);
  }
  return last;
}

/** `text` opens with `key` (bare or quoted) and then `separator`, spaces between. */
export function startsWithKey(text: string, key: string, separator: RegExp): boolean {
  return [key, `"${key}"`, `'${key}'`].some(
    (name) =>
      text.startsWith(name) && new RegExp(`^[ \\t]*${separator.source}`).test(text.slice(name.length)),
  );
}

/**
 * The line (from 1) of each top-level key of the JSON object `block` (the last of a key written twice,
 * as JSON.parse keeps it): the keys may share a line (`{"title": "T", "date": "…"}`), and a nested
 * one is indented as they are, which a scan for `"key":` opening a line cannot tell.
 */
export function jsonKeyLines(block: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  const colon = /\s*:/y;
  let depth = 0;
  let line = 1;
  for (let i = 0; i < block.length; i++) {
    const char = block[i];
    if (char === '\n') line++;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === '"') {
      const start = i;
      // A string holds no line break; a backslash escapes the character after it.
      for (i++; i < block.length && block[i] !== '"'; i++) if (block[i] === '\\') i++;
      colon.lastIndex = i + 1;
      if (depth !== 1 || !colon.test(block)) continue;
      const key: unknown = JSON.parse(block.slice(start, i + 1));
      if (typeof key === 'string') lines.set(key, line);
    }
  }
  return lines;
}
