import { isFields } from './cascade.js';
import { jsonMistake } from './front-matter.js';

/**
 * Eleventy's data files: a folder's `posts/posts.json` (or `posts.11tydata.json`) gives every template
 * in that folder and below its fields, and a template's own `post.json` (`post.11tydata.json`) gives
 * them to it; its front matter overrides both. Only JSON is read: a `.11tydata.js` is code, never run.
 */

/**
 * The fields the bot reads of a data file, their keys in lower case as front matter's are read: a
 * data file may hold anything (a listing's data), and what is kept goes with every post below it.
 */
const READ_KEYS: ReadonlySet<string> = new Set([
  'title',
  'slug',
  'tags',
  'categories',
  'category',
  'url',
  'permalink',
  'summary',
  'description',
  'excerpt',
  'date',
  'draft',
  'published',
  'eleventyexcludefromcollections',
  'sections',
]);

/** What a data file's name says it serves: its folder's templates, or one template (by name, without extension). */
export type DataFileRole = { readonly folder: true } | { readonly template: string };

/**
 * Whether `name`, a file in the folder named `folderName`, is an Eleventy data file, and for what:
 * `posts.json` and `posts.11tydata.json` in `posts`, else `a.json` or `a.11tydata.json` for the
 * template `a` (whether `a.md` is there is for the caller to know).
 */
export function dataFileRole(name: string, folderName: string): DataFileRole | undefined {
  const stem = /^(.+?)(?:\.11tydata)?\.json$/i.exec(name)?.[1];
  if (stem === undefined) return undefined;
  return stem === folderName ? { folder: true } : { template: stem };
}

/** A data file's text read as fields to pass down, or why it cannot be. */
export function readDataFile(
  text: string,
):
  | { readonly ok: true; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly line: number; readonly reason: string } {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, ...jsonMistake(json, error) };
  }
  // A list or a value is no fields: nothing passed down, as Eleventy merges nothing of it.
  const fields: Record<string, unknown> = {};
  if (isFields(data))
    for (const [key, value] of Object.entries(data)) {
      const lower = key.toLowerCase();
      if (READ_KEYS.has(lower)) fields[lower] = value;
    }
  return { ok: true, fields };
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
    const tags = joinedTags(merged?.['tags'], level['tags']);
    merged = { ...merged, ...level, ...(tags === undefined ? {} : { tags }) };
  }
  return merged;
}

/**
 * Tags of two levels joined, as Eleventy joins them (a text is one tag): undefined when neither has
 * a list or text (the nearer's value, whatever it is, then stands).
 */
export function joinedTags(farther: unknown, nearer: unknown): unknown[] | undefined {
  const list = (value: unknown): unknown[] | undefined =>
    Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined;
  const a = list(farther);
  const b = list(nearer);
  if (a === undefined || b === undefined) return undefined;
  return [...a, ...b];
}
