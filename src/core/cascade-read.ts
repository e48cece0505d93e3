import { compileTarget, fieldOf, isFields, MAX_CASCADES, MAX_TARGET_PATH, type Cascade } from './cascade.js';
import { dataShapeProblem, shapeMessage, type DataShapeProblem } from './data-shape.js';
import { frontMatterSchema } from './front-matter.js';
import { unixDate, unixDateProblem } from './unix-dates.js';

/*
 * Reading an `_index.md`'s (or the configuration's) `cascade`, apart from cascade.ts: this checks the
 * fields against the front matter's schema (zod and the front matter readers, some megabytes), which
 * only a Hugo site with cascades needs; the walk loads it then.
 */

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
  | {
      readonly ok: false;
      readonly message: string;
      /** Set when the cascade is refused for its shape (too deep, too large, a cycle). */
      readonly shape?: DataShapeProblem;
    };

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
  // Its values are walked, and written out in the key of every page below (see data-shape.ts).
  const shape = dataShapeProblem(value);
  if (shape !== undefined) return { ok: false, message: shapeMessage(shape), shape };
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
    if (path !== undefined) compileTarget(cascade, path);
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
  // A date written as a number is Unix seconds, read on the page (see unixDate).
  if (typeof value === 'number' && DATES.has(name))
    return unixDate(value) === undefined ? unixDateProblem(value) : undefined;
  const read = SHAPE[name as keyof typeof SHAPE].safeParse(value);
  return read.success ? undefined : (read.error.issues[0]?.message ?? 'not a value the page can hold');
}

const SHAPE = frontMatterSchema.in.shape;

/** The fields of the schema that are dates. */
const DATES: ReadonlySet<string> = new Set(['date', 'publishdate', 'expirydate']);

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
