import { isFields } from './cascade.js';
import { frontMatterSchema, jsonMistake } from './front-matter.js';
import { mayEscapeSurrogates, wellFormedData } from './well-formed.js';

/**
 * Eleventy's data files: a folder's `posts/posts.json` (or `posts.11tydata.json`) gives every template
 * in that folder and below its fields, and a template's own `post.json` (`post.11tydata.json`) gives
 * them to it; its front matter overrides both. Only JSON is read: a `.11tydata.js` is code, never run.
 */

/** A field of a data file the bot reads, by its key in lower case, as front matter's are read. */
type FieldReader = (value: unknown) => { readonly value: unknown } | { readonly problem: string } | undefined;

/** A list of tags as far as tags are read of one (see front-matter.ts): no list past it costs anything. */
const TAG_ENTRIES_READ = 1000;

/** Checked as front matter checks the field: its problem, else the value as written. */
const checked =
  (key: keyof typeof frontMatterSchema.in.shape): FieldReader =>
  (value) => {
    const read = frontMatterSchema.in.shape[key].safeParse(value);
    return read.success ? { value } : { problem: read.error.issues[0]?.message ?? 'not read' };
  };

/** Yes or no as written (`true`, `"yes"`): anything else is no setting of these. */
const yesOrNo: FieldReader = (value) =>
  typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number'
    ? { value }
    : undefined;

/**
 * Tags as Eleventy joins them: a text or a number, or a list of those (its other entries are left
 * out), `null` as none (an empty list, as Eleventy makes it).
 */
const tagsField: FieldReader = (value) => {
  if (value === null || (typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
    return { value };
  // A blank text is none, as Eleventy reads `tags: ""`.
  if (typeof value === 'string' && value.trim() === '') return { value: [] };
  if (Array.isArray(value))
    return {
      value: value
        .slice(0, TAG_ENTRIES_READ)
        .filter((entry) => (typeof entry === 'string' && entry.trim() !== '') || typeof entry === 'number'),
    };
  return { problem: 'expected a list of tags, like ["posts", "career"], or a text' };
};

/**
 * What the bot reads of a data file, and how: what would go wrong in every post below is said once,
 * at the data file, and left out. What a post needs no more of than its presence (Eleventy's
 * navigation) is kept as `true`: a data file's value goes with every post below it. An address from
 * a data file would be every post's (Eleventy takes none from `url`, and a `slug` there names them
 * all): neither is read. A `permalink` that is no text (Eleventy's object of one per output) is left
 * to ARTICLE_URL, as a template is; `false` keeps its posts off the site.
 */
const READERS: ReadonlyMap<string, FieldReader> = new Map<string, FieldReader>([
  ['title', checked('title')],
  ['tags', tagsField],
  ['categories', tagsField],
  ['category', tagsField],
  [
    'permalink',
    (value) =>
      value === false ? { value } : typeof value === 'string' ? checked('permalink')(value) : undefined,
  ],
  ['summary', checked('summary')],
  ['description', checked('description')],
  ['excerpt', checked('excerpt')],
  ['date', checked('date')],
  ['sections', checked('sections')],
  ['draft', yesOrNo],
  ['published', yesOrNo],
  // Or, as Eleventy 3 writes it, the collections left (`["posts"]`).
  [
    'eleventyexcludefromcollections',
    (value) =>
      Array.isArray(value) ? { value: value.filter((name) => typeof name === 'string') } : yesOrNo(value),
  ],
  ['eleventynavigation', (value) => (value === null || value === undefined ? undefined : { value: true })],
  // Of computed data, only a `permalink` written as is (Eleventy sets it over the post's own).
  [
    'eleventycomputed',
    (value) => {
      const permalink = isFields(value) ? value['permalink'] : undefined;
      if (permalink === false) return { value: { permalink } };
      if (typeof permalink !== 'string') return undefined;
      const read = checked('permalink')(permalink);
      return read !== undefined && 'problem' in read ? read : { value: { permalink } };
    },
  ],
]);

/** What a data file's name says it serves: its folder's templates, or one template (by name, without extension). */
export type DataFileRole = { readonly folder: true } | { readonly template: string };

/**
 * Whether `name`, a file in the folder named `folderName`, is an Eleventy data file, and for what:
 * `posts.json` and `posts.11tydata.json` in `posts`, else `a.json` or `a.11tydata.json` for the
 * template `a` (whether `a.md` is there is for the caller to know). Named as Eleventy names them,
 * case and all.
 */
export function dataFileRole(name: string, folderName: string): DataFileRole | undefined {
  const stem = /^(.+?)(?:\.11tydata)?\.json$/.exec(name)?.[1];
  if (stem === undefined) return undefined;
  return stem === folderName ? { folder: true } : { template: stem };
}

/** A field of a data file the bot cannot read: its key as written, and why. */
export interface DataFieldProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * A data file's text read as the fields it passes down (see READERS), with what is wrong in a field
 * it reads (left out); or where it is no JSON. An empty file is no fields, as Eleventy reads it.
 */
export function readDataFile(text: string):
  | {
      readonly ok: true;
      readonly fields: Readonly<Record<string, unknown>>;
      readonly problems: readonly DataFieldProblem[];
    }
  | { readonly ok: false; readonly line: number; readonly reason: string } {
  const json = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (json.trim() === '') return { ok: true, fields: {}, problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(json);
    if (mayEscapeSurrogates(json)) data = wellFormedData(data);
  } catch (error) {
    return { ok: false, ...jsonMistake(json, error) };
  }
  // A list or a value is no fields: nothing passed down, as Eleventy merges nothing of it.
  const fields: Record<string, unknown> = {};
  const problems: DataFieldProblem[] = [];
  if (isFields(data))
    for (const [key, value] of Object.entries(data)) {
      const lower = key.toLowerCase();
      const read = READERS.get(lower)?.(value);
      if (read === undefined) continue;
      if ('problem' in read) problems.push({ key, message: read.problem });
      else fields[lower] = read.value;
    }
  return { ok: true, fields, problems };
}

/**
 * The fields data files give one template, `levels` from the farthest folder's down to its own
 * file's: a nearer one's key overrides a farther one's, but `tags` are joined, as Eleventy merges
 * them (a text is one tag). Undefined when none gives anything.
 */
export function mergeDataLevels(
  levels: readonly Readonly<Record<string, unknown>>[],
): Record<string, unknown> | undefined {
  let merged: Record<string, unknown> | undefined;
  for (const level of levels) {
    if (Object.keys(level).length === 0) continue;
    merged = { ...merged, ...level, ...joinedLists(merged ?? {}, level) };
  }
  return merged;
}

/** The tag fields (`tags`, `categories`, `category`) of two levels, joined where both have one (see joinedTags). */
export function joinedLists(
  farther: Readonly<Record<string, unknown>>,
  nearer: Readonly<Record<string, unknown>>,
): Record<string, unknown[]> {
  const joined: Record<string, unknown[]> = {};
  for (const field of JOINED_FIELDS) {
    const list = joinedTags(farther[field], nearer[field]);
    if (list !== undefined) joined[field] = list;
  }
  return joined;
}

/** The fields whose lists Eleventy joins from level to level that the bot reads: its tag fields. */
const JOINED_FIELDS = ['tags', 'categories', 'category'] as const;

/**
 * Tags of two levels joined, as Eleventy joins them (a text is one tag): undefined when neither has
 * a list or text (the nearer's value, whatever it is, then stands).
 */
export function joinedTags(farther: unknown, nearer: unknown): unknown[] | undefined {
  // Eleventy makes a `null` (`tags:` written empty) an empty list before it joins them.
  const list = (value: unknown): unknown[] | undefined =>
    Array.isArray(value) ? value : typeof value === 'string' ? [value] : value === null ? [] : undefined;
  const a = list(farther);
  const b = list(nearer);
  if (a === undefined || b === undefined) return undefined;
  return [...a, ...b];
}
