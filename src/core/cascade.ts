import picomatch from 'picomatch';
import { splitLanguage } from './content-language.js';

/**
 * Hugo's `cascade`: front matter a branch bundle's `_index.md` passes down to every page below it
 * (`cascade: { build: { render: never } }` on a folder of snippets), unless the page sets the key
 * itself or a nearer `_index.md` cascades it too.
 */

/** One of an `_index.md`'s cascades: the fields it passes down, and to which of the pages below. */
export interface Cascade {
  /** The fields, their keys in lower case (Hugo reads keys in any case). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Its target's `path`: a glob of the pages' paths (`{/posts,/posts/**}`); none: every page. */
  readonly path?: string;
}

/** What an `_index.md`'s front matter cascades, or why it cannot be read. */
export type CascadeRead =
  | {
      readonly ok: true;
      readonly cascades: readonly Cascade[];
      /** Cascades left out: their target names a page kind, language or environment (see README). */
      readonly skipped: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The cascades of an `_index.md`'s front matter `data`: its `cascade` (any case), a map of fields or
 * a list of them, each limited by its `target` (or `_target`, its name before Hugo 0.156). Of a
 * target, only `path` is matched: a cascade whose target also names a `kind`, `lang`, `sites` or
 * `environment` is left out rather than applied to pages it may not be meant for.
 */
export function cascadesOf(data: unknown): CascadeRead {
  if (!isFields(data)) return { ok: true, cascades: [], skipped: 0 };
  const value = fieldOf(data, 'cascade');
  if (value === undefined || value === null) return { ok: true, cascades: [], skipped: 0 };
  const entries = Array.isArray(value) ? (value as unknown[]) : [value];
  const cascades: Cascade[] = [];
  let skipped = 0;
  for (const entry of entries) {
    if (!isFields(entry))
      return { ok: false, message: 'expected fields to pass down ("build: …"), or a list of them' };
    const target = fieldOf(entry, 'target') ?? fieldOf(entry, '_target');
    const path = pathOf(target);
    if (path === false) {
      skipped++;
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(entry)) {
      const lower = key.toLowerCase();
      // A cascade is not passed on by the pages it reaches; `__proto__` would set the prototype.
      if (['target', '_target', 'cascade', '__proto__'].includes(lower) || Object.hasOwn(values, lower))
        continue;
      values[lower] = field;
    }
    cascades.push(path === undefined ? { values } : { values, path });
  }
  return { ok: true, cascades, skipped };
}

/**
 * A target's path glob; undefined when it limits nothing (none, or an empty one); false when it
 * names more than a path, which the bot cannot match, or is no map.
 */
function pathOf(target: unknown): string | undefined | false {
  if (target === undefined || target === null) return undefined;
  if (!isFields(target)) return false;
  let path: string | undefined;
  for (const [key, value] of Object.entries(target)) {
    const empty = value === undefined || value === null || value === '';
    if (key.toLowerCase() === 'path' && typeof value === 'string') path = value.trim() || undefined;
    else if (!empty) return false;
  }
  return path;
}

/**
 * The fields cascaded to the page at `pagePath` (see {@link hugoPagePath}) by the `_index.md` files
 * above it, `levels` from the top folder down: a nearer one's key overrides a farther one's, and
 * within one, the first cascade whose target matches sets a key. Undefined when nothing cascades.
 */
export function mergeCascades(
  levels: readonly (readonly Cascade[])[],
  pagePath: string,
): Record<string, unknown> | undefined {
  let merged: Record<string, unknown> | undefined;
  for (const cascades of levels) {
    const level: Record<string, unknown> = {};
    for (const { values, path } of cascades) {
      if (path !== undefined && !matches(path, pagePath)) continue;
      for (const [key, value] of Object.entries(values)) if (!Object.hasOwn(level, key)) level[key] = value;
    }
    if (Object.keys(level).length > 0) merged = { ...merged, ...level };
  }
  return merged;
}

/** Whether Hugo's path glob (`*` within a folder, `**` across, `{a,b}`) matches the page's path. */
function matches(glob: string, pagePath: string): boolean {
  try {
    return picomatch.isMatch(pagePath, glob.toLowerCase(), { dot: true });
  } catch {
    return false;
  }
}

/**
 * A page's path as Hugo's targets match it, from its path in Hugo's content folder: `posts/My Post.fr.md`
 * → `/posts/my post`, a bundle's `posts/trip/index.md` → `/posts/trip`.
 */
export function hugoPagePath(contentPath: string): string {
  const path = splitLanguage(contentPath)
    .name.toLowerCase()
    .replace(/\.[^./]+$/, '')
    .replace(/(^|\/)index$/, '');
  return `/${path}`;
}

function fieldOf(data: Record<string, unknown>, name: string): unknown {
  return Object.entries(data).find(([key]) => key.toLowerCase() === name)?.[1];
}

function isFields(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
