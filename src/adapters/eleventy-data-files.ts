import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import pMap from 'p-map';
import type { ContentProblem } from '../core/article.js';
import { dataFileRole, mergeDataLevels, readDataFile } from '../core/eleventy-data.js';
import { MAX_FILE_BYTES, readFailure } from './article-bytes.js';

/** What an Eleventy site's JSON data files give its templates (see eleventy-data.ts). */
export interface EleventyData {
  /** By folder (relative to the content folder; `''` for it): what its folder data files give. */
  readonly folders: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** By template (its path relative to the content folder, without extension): what its own give. */
  readonly templates: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

export const NO_ELEVENTY_DATA: EleventyData = { folders: new Map(), templates: new Map() };

const READ_CONCURRENCY = 32;

/** Whether `name` may be an Eleventy data file (see dataFileRole): a walk keeps these to read after. */
export function isDataFileName(name: string): boolean {
  return /\.json$/i.test(name);
}

/** A template's path without its extension: what its own data file is named after. */
export function templateKey(inside: string): string {
  return inside.replace(/\.(md|markdown|mdx)$/i, '');
}

/**
 * Reads the data files among `candidates` (JSON files found by the walk, relative to the content
 * folder at `root`): each folder's, and those of the `templates` (paths without extension) read as
 * articles. One that cannot be read is a problem at its line, and gives nothing.
 */
export async function readEleventyData(
  root: string,
  candidates: readonly string[],
  templates: ReadonlySet<string>,
  name: (inside: string) => string,
  problems: ContentProblem[],
): Promise<EleventyData> {
  const chosen = candidates
    .map((inside) => {
      const folder = dirname(inside) === '.' ? '' : dirname(inside);
      const role = dataFileRole(basename(inside), basename(join(root, folder)));
      if (role === undefined) return undefined;
      if ('folder' in role) return { inside, key: folder, folder: true };
      const key = join(folder, role.template);
      return templates.has(key) ? { inside, key, folder: false } : undefined;
    })
    .filter((file) => file !== undefined)
    // `posts.json` before `posts.11tydata.json`, which overrides it, as Eleventy ranks them.
    .sort(
      (a, b) => Number(/\.11tydata\.json$/i.test(a.inside)) - Number(/\.11tydata\.json$/i.test(b.inside)),
    );
  const read = await pMap(chosen, async ({ inside }) => readOne(join(root, inside)), {
    concurrency: READ_CONCURRENCY,
  });
  const folders = new Map<string, Record<string, unknown>[]>();
  const own = new Map<string, Record<string, unknown>[]>();
  for (const [i, file] of chosen.entries()) {
    const outcome = read[i];
    if (outcome === undefined) continue;
    if ('problem' in outcome) {
      problems.push({
        file: name(file.inside),
        ...(outcome.line === undefined ? {} : { line: outcome.line }),
        message: `${outcome.problem}: the fields it gives its posts are not read`,
      });
      continue;
    }
    const byKey = file.folder ? folders : own;
    byKey.set(file.key, [...(byKey.get(file.key) ?? []), outcome.fields]);
  }
  const merged = (byKey: Map<string, Record<string, unknown>[]>) =>
    new Map(
      [...byKey].flatMap(([key, levels]) => {
        const fields = mergeDataLevels(levels);
        return fields === undefined ? [] : [[key, fields] as const];
      }),
    );
  return { folders: merged(folders), templates: merged(own) };
}

async function readOne(
  path: string,
): Promise<{ fields: Record<string, unknown> } | { problem: string; line?: number } | undefined> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_FILE_BYTES)
      return { problem: `the data file has ${info.size} bytes, more than the ${MAX_FILE_BYTES} read` };
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = readFailure(error);
    return reason === undefined ? undefined : { problem: reason };
  }
  const data = readDataFile(text);
  if (data.ok) return { fields: { ...data.fields } };
  return { problem: `not valid JSON (${data.reason})`, line: data.line };
}

/**
 * What the data files give the template at `inside` (relative to the content folder): its folders'
 * from the content folder's down, then its own (see mergeDataLevels); undefined when nothing.
 */
export function eleventyDataAt(inside: string, data: EleventyData): Record<string, unknown> | undefined {
  if (data.folders.size === 0 && data.templates.size === 0) return undefined;
  const folders = inside.split(sep).slice(0, -1);
  const levels: Readonly<Record<string, unknown>>[] = [];
  for (let depth = 0; depth <= folders.length; depth++) {
    const level = data.folders.get(folders.slice(0, depth).join(sep));
    if (level !== undefined) levels.push(level);
  }
  const own = data.templates.get(templateKey(inside));
  if (own !== undefined) levels.push(own);
  return mergeDataLevels(levels);
}
