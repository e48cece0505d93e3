/**
 * The content part of `npm run bench`, on a folder of generated articles, in this process:
 * - load: the bot's content load (walk, read, parse, index, search index) without and with the
 *   content cache, against the floor of a loop that reads the same files and runs gray-matter on each;
 * - edit: one file written again, read and swapped in through the watcher's path (median and worst).
 * The bot's resident memory when ready is measured with the latency runs (bench.ts).
 */
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import pMap from 'p-map';
import type * as StoreModule from '../src/adapters/content-store.js';
import type * as LibraryModule from '../src/adapters/content-library.js';
import type * as LoaderModule from '../src/adapters/content-loader.js';
import type * as LoggerModule from '../src/adapters/logger.js';

/**
 * The content modules as the bot runs them (`npm start`: the build in dist/, which `npm run bench`
 * makes first), not through tsx: its loader runs in every parse worker too, and made the first start
 * take a quarter longer than the bot's.
 */
const built = async <T>(module: string): Promise<T> =>
  (await import(new URL(`../dist/src/adapters/${module}.js`, import.meta.url).href)) as T;
const { ContentStore } = await built<typeof StoreModule>('content-store');
const { ContentLibrary } = await built<typeof LibraryModule>('content-library');
const { findArticles } = await built<typeof LoaderModule>('content-loader');
const { createLogger } = await built<typeof LoggerModule>('logger');
type ContentStore = StoreModule.ContentStore;
type ContentLibrary = LibraryModule.ContentLibrary;

export const CONTENT_TARGETS = { loadRatio: 1.5, editMs: 50, rssOverFloorMb: 40 } as const;
const EDITS = 21;

export interface ContentFigures {
  articles: number;
  floorMs: number;
  coldMs: number;
  warmMs: number;
  coldRatio: number;
  warmRatio: number;
  editMedianMs: number;
  editMaxMs: number;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The best of three runs of `run`: the floor and the load are measured alike, on a warm disk cache. */
async function best(run: () => Promise<unknown>, before = (): void => undefined): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    before();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

export async function contentFigures(dir: string, workDir: string): Promise<ContentFigures> {
  const logger = createLogger({ level: 'silent' });
  const settings = { siteUrl: 'https://blog.example' };
  const floorMs = await best(async () => {
    const { files } = await findArticles(dir);
    await pMap(files, async (file) => matter(await readFile(file.path, 'utf8'), {}), { concurrency: 32 });
  });
  const storePath = join(workDir, 'bench-content-cache.sqlite');
  const stores: ContentStore[] = [];
  const open = async (): Promise<ContentLibrary> => {
    const store = await ContentStore.open(storePath, settings, logger);
    stores.push(store);
    return ContentLibrary.open({ dir, ...settings, logger, store });
  };
  const forget = (): void => {
    for (const store of stores.splice(0)) store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${storePath}${suffix}`, { force: true });
  };
  // Cold: an empty store (the first start); warm: the store the previous start left.
  const coldMs = await best(open, forget);
  const warmMs = await best(open, () => {
    for (const store of stores.splice(0)) store.close();
  });

  for (const store of stores.splice(0)) store.close();
  const library = await open();
  const { files } = await findArticles(dir);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const file = files[(i * 7919) % files.length];
    if (file === undefined) break;
    const text = readFileSync(file.path, 'utf8');
    writeFileSync(file.path, text.replace(/^title: (.*)$/m, `title: $1 (edit ${i})`));
    times.push((await library.refresh({ paths: [file.path] })).ms);
  }
  await library.close();
  const articles = library.current.articles.length;
  for (const store of stores.splice(0)) store.close();
  return {
    articles,
    floorMs,
    coldMs,
    warmMs,
    coldRatio: coldMs / floorMs,
    warmRatio: warmMs / floorMs,
    editMedianMs: median(times),
    editMaxMs: Math.max(...times),
  };
}
