import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import pMap from 'p-map';
import type { ContentProblem } from '../core/article.js';
import { dataFileRole, mergeDataLevels, readDataFile } from '../core/eleventy-data.js';
import { jsonKeyLines } from '../core/key-line.js';
import { MAX_FILE_BYTES, readFailure } from './article-bytes.js';

/** What an Eleventy site's JSON data files give its templates (see eleventy-data.ts). */
export interface EleventyData {
  /** By folder (relative to the content folder; `''` for it): what its folder data files give. */
  readonly folders: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** By template (its path relative to the content folder, without extension): what its own give. */
  readonly templates: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /**
   * The templates a JSON file would be the data file of, were they there (`b.json` without `b.md`):
   * a post added there while the bot runs has the folder walked again, which reads it.
   */
  readonly waiting: ReadonlySet<string>;
}

export const NO_ELEVENTY_DATA: EleventyData = {
  folders: new Map(),
  templates: new Map(),
  waiting: new Set(),
};

const READ_CONCURRENCY = 32;

/** Whether `name` may be an Eleventy data file (see dataFileRole): a walk keeps these to read after. */
export function isDataFileName(name: string): boolean {
  return name.endsWith('.json');
}

/** A template's path without its extension: what its own data file is named after. */
export function templateKey(inside: string): string {
  return inside.replace(/\.(md|markdown|mdx)$/i, '');
}

/**
 * Reads the data files among `candidates` (JSON files found by the walk, relative to the content
 * folder at `root`, which the site names `rootName`): each folder's, and those of the `templates`
 * (paths without extension) read as articles. One that cannot be read is a problem at its line, and
 * gives nothing; a field of one that no post could be read with is a problem at its line, left out.
 */
export async function readEleventyData(
  root: string,
  rootName: string,
  candidates: readonly string[],
  templates: ReadonlySet<string>,
  name: (inside: string) => string,
  problems: ContentProblem[],
): Promise<EleventyData> {
  const waiting = new Set<string>();
  const chosen: { inside: string; key: string; folder: boolean }[] = [];
  for (const inside of candidates) {
    const folder = dirname(inside) === '.' ? '' : dirname(inside);
    const role = dataFileRole(basename(inside), folder === '' ? rootName : basename(folder));
    if (role === undefined) continue;
    if ('folder' in role) {
      chosen.push({ inside, key: folder, folder: true });
      continue;
    }
    const key = join(folder, role.template);
    if (templates.has(key)) chosen.push({ inside, key, folder: false });
    else waiting.add(key);
  }
  // `posts.json` before `posts.11tydata.json`, which overrides it, as Eleventy ranks them.
  const ranked = (inside: string): number => Number(inside.endsWith('.11tydata.json'));
  chosen.sort((a, b) => ranked(a.inside) - ranked(b.inside));
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
    for (const { line, key, message } of outcome.problems)
      problems.push({
        file: name(file.inside),
        ...(line === undefined ? {} : { line }),
        field: key,
        message: `${message}: its posts are read without it`,
      });
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
  return { folders: merged(folders), templates: merged(own), waiting };
}

type DataFileRead =
  | {
      readonly fields: Record<string, unknown>;
      readonly problems: readonly { line: number | undefined; key: string; message: string }[];
    }
  | { readonly problem: string; readonly line?: number };

/**
 * Reads the data file at `path`, found by the walk as a file: opened without following a link or
 * waiting on a FIFO (either may have taken its place since), and no further than the bytes read.
 */
async function readOne(path: string): Promise<DataFileRead | undefined> {
  let text: string;
  let file: FileHandle | undefined;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const info = await file.stat();
    if (!info.isFile()) return undefined;
    const tooLarge = (size: number) => ({
      problem: `the data file has ${size} bytes, more than the ${MAX_FILE_BYTES} read`,
    });
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    const bytes = await file.readFile();
    if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
    text = bytes.toString('utf8');
  } catch (error) {
    // A link put in its place since the walk: not followed, as the walk follows none to a data file.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    const reason = readFailure(error);
    return reason === undefined ? undefined : { problem: reason };
  } finally {
    await file?.close();
  }
  const data = readDataFile(text);
  if (!data.ok) return { problem: `not valid JSON (${data.reason})`, line: data.line };
  const lines = data.problems.length === 0 ? undefined : jsonKeyLines(text.replace(/\r\n?/g, '\n'));
  return {
    fields: { ...data.fields },
    problems: data.problems.map(({ key, message }) => ({ line: lines?.get(key), key, message })),
  };
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
