import picomatch from 'picomatch';
import { splitLanguage } from './content-language.js';
import { frontMatterSchema } from './front-matter.js';

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
      /**
       * What was left out, and why, to report at the `cascade` line: entries past the first
       * {@link MAX_CASCADES}, a target path too long, a value the page could not hold.
       */
      readonly problems?: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** At most this many cascades are read of one `_index.md` (or configuration): a site writes a few. */
export const MAX_CASCADES = 100;
/** A target `path` glob longer than this is not read (Hugo's paths are a few folders deep). */
export const MAX_TARGET_PATH = 256;

/**
 * The cascades of an `_index.md`'s front matter `data`: its `cascade` (any case), a map of fields or
 * a list of them, each limited by its `target` (or `_target`, its name before Hugo 0.156). Of a
 * target, only `path` is matched: a cascade whose target also names a `kind`, `lang`, `sites` or
 * `environment` is left out rather than applied to pages it may not be meant for. Bounded: the first
 * {@link MAX_CASCADES} are read; one whose path is longer than {@link MAX_TARGET_PATH}, or a field
 * the page's front matter could not hold (`date: soon`), is left out; each is one of its `problems`.
 */
export function cascadesOf(data: unknown): CascadeRead {
  if (!isFields(data)) return { ok: true, cascades: [], skipped: 0 };
  const value = fieldOf(data, 'cascade');
  if (value === undefined || value === null) return { ok: true, cascades: [], skipped: 0 };
  const entries = Array.isArray(value) ? (value as unknown[]) : [value];
  const cascades: Cascade[] = [];
  const problems: string[] = [];
  if (entries.length > MAX_CASCADES)
    problems.push(
      `at most ${MAX_CASCADES} cascades are read: the ${entries.length - MAX_CASCADES} after them are left out`,
    );
  let skipped = 0;
  let tooLong = 0;
  for (const entry of entries.slice(0, MAX_CASCADES)) {
    if (!isFields(entry))
      return { ok: false, message: 'expected fields to pass down ("build: …"), or a list of them' };
    const target = fieldOf(entry, 'target') ?? fieldOf(entry, '_target');
    const path = pathOf(target);
    if (path === false) {
      skipped++;
      continue;
    }
    if (path !== undefined && path.length > MAX_TARGET_PATH) {
      tooLong++;
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(entry)) {
      const lower = key.toLowerCase();
      // A cascade is not passed on by the pages it reaches; `__proto__` would set the prototype.
      if (['target', '_target', 'cascade', '__proto__'].includes(lower) || Object.hasOwn(values, lower))
        continue;
      const wrong = fieldProblem(lower, field);
      if (wrong === undefined) values[lower] = field;
      else problems.push(`${key}: ${wrong} (not passed down)`);
    }
    const cascade = path === undefined ? { values } : { values, path };
    // Compiled once here, not for every page it is matched against.
    if (path !== undefined) MATCHERS.set(cascade, matcherOf(path));
    cascades.push(cascade);
  }
  if (tooLong > 0)
    problems.push(
      `a target path is at most ${MAX_TARGET_PATH} characters: ${tooLong === 1 ? 'one cascade' : `${tooLong} cascades`} left out`,
    );
  return problems.length === 0
    ? { ok: true, cascades, skipped }
    : { ok: true, cascades, skipped, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** At most this many problems of one cascade are reported (each bad field of many entries would be one). */
const MAX_PROBLEMS = 5;

/**
 * Why the page's front matter could not hold `value` as its field `key` (checked once here, where a
 * page below would report it as its own, at its first line); undefined when it can, or is not read.
 */
function fieldProblem(key: string, value: unknown): string | undefined {
  // Hugo's other names of its dates are read as the dates are (see parseSource).
  const name = key === 'pubdate' ? 'publishdate' : key === 'unpublishdate' ? 'expirydate' : key;
  if (!Object.hasOwn(SHAPE, name) || (name === 'permalink' && value === false)) return undefined;
  const read = SHAPE[name as keyof typeof SHAPE].safeParse(value);
  return read.success ? undefined : (read.error.issues[0]?.message ?? 'not a value the page can hold');
}

const SHAPE = frontMatterSchema.in.shape;

/** Each cascade's compiled target glob (the cascade stays plain data, as it is compared and cloned). */
const MATCHERS = new WeakMap<Cascade, (pagePath: string) => boolean>();

/** Hugo's path glob (`*` within a folder, `**` across, `{a,b}`) compiled; one that cannot be matches nothing. */
function matcherOf(glob: string): (pagePath: string) => boolean {
  try {
    return picomatch(glob.toLowerCase(), { dot: true });
  } catch {
    return () => false;
  }
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

function fieldOf(data: Record<string, unknown>, name: string): unknown {
  return Object.entries(data).find(([key]) => key.toLowerCase() === name)?.[1];
}

function isFields(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
