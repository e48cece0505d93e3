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

/** At most this many cascades are read of one `_index.md` (or configuration): a site writes a few. */
export const MAX_CASCADES = 100;
/** A target `path` glob longer than this is not read (Hugo's paths are a few folders deep). */
export const MAX_TARGET_PATH = 256;

/** Each cascade's compiled target glob (the cascade stays plain data, as it is compared and cloned). */
const MATCHERS = new WeakMap<Cascade, (pagePath: string) => boolean>();

/** Compiles the cascade's target glob now (cascadesOf does, once), not for every page it is matched against. */
export function compileTarget(cascade: Cascade, path: string): void {
  MATCHERS.set(cascade, matcherOf(path));
}

/** Hugo's path glob (`*` within a folder, `**` across, `{a,b}`) compiled; one that cannot be matches nothing. */
function matcherOf(glob: string): (pagePath: string) => boolean {
  try {
    return picomatch(glob.toLowerCase(), { dot: true });
  } catch {
    return () => false;
  }
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
    for (const cascade of cascades) {
      const { values, path } = cascade;
      if (path !== undefined && !matches(cascade, path, pagePath)) continue;
      for (const [key, value] of Object.entries(values)) if (!Object.hasOwn(level, key)) level[key] = value;
    }
    if (Object.keys(level).length > 0) merged = { ...merged, ...level };
  }
  return merged;
}

/** Whether the cascade's target `path` matches the page's path (compiled now if cascadesOf did not). */
function matches(cascade: Cascade, path: string, pagePath: string): boolean {
  let matcher = MATCHERS.get(cascade);
  if (matcher === undefined) {
    matcher = matcherOf(path);
    MATCHERS.set(cascade, matcher);
  }
  return matcher(pagePath);
}

/**
 * A page's path as Hugo's targets match it, from its path in Hugo's content folder: lower case, spaces
 * made hyphens (`posts/My Post.fr.md` → `/posts/my-post`), a bundle's `posts/trip/index.md` → `/posts/trip`.
 */
export function hugoPagePath(contentPath: string): string {
  const path = splitLanguage(contentPath)
    .name.toLowerCase()
    .replace(/ /g, '-')
    .replace(/\.[^./]+$/, '')
    .replace(/(^|\/)index$/, '');
  return `/${path}`;
}

export function fieldOf(data: Record<string, unknown>, name: string): unknown {
  return Object.entries(data).find(([key]) => key.toLowerCase() === name)?.[1];
}

export function isFields(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
