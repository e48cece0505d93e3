import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchSnapshot } from '../core/article-search.js';
import type { ParseResult } from '../core/parse-article.js';
import type { Logger } from './logger.js';

/** The bot's code (src/, or dist/src/ once built): a cache written by other code is not read. */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));

/**
 * What parsing gave for each file, remembered between starts by a hash of the file's name and text,
 * so that a restart parses only the files written since. One JSON file, and only ever a copy: one
 * that cannot be read, or that was written by another version of the parser or with other settings,
 * is ignored (and replaced).
 */
export class ContentCache {
  readonly #path: string | undefined;
  readonly #version: string;
  readonly #logger: Logger;
  #entries: Map<string, ParseResult>;
  #search: SearchSnapshot | undefined;
  #dirty = false;

  private constructor(
    path: string | undefined,
    version: string,
    saved: { entries: Map<string, ParseResult>; search?: SearchSnapshot | undefined },
    logger: Logger,
  ) {
    this.#path = path;
    this.#version = version;
    this.#entries = saved.entries;
    this.#search = saved.search;
    this.#logger = logger;
  }

  /** A cache that remembers nothing, for `content:check` and for tests. */
  static none(logger: Logger): ContentCache {
    return new ContentCache(undefined, '', { entries: new Map() }, logger);
  }

  /** The cache at `path`, for results parsed with these `settings` (they shape every article). */
  static async open(path: string, settings: unknown, logger: Logger): Promise<ContentCache> {
    // Unicode data shapes slugs and tag keys (normalize, \p{L}, toLowerCase).
    const { node, icu, unicode } = process.versions;
    const version = hash(JSON.stringify(settings), JSON.stringify({ node, icu, unicode }), await codeHash());
    let entries = new Map<string, ParseResult>();
    let search: SearchSnapshot | undefined;
    try {
      const saved = JSON.parse(await readFile(path, 'utf8')) as {
        version?: unknown;
        entries?: unknown;
        search?: SearchSnapshot;
      };
      if (saved.version === version && Array.isArray(saved.entries)) {
        entries = new Map(saved.entries as [string, ParseResult][]);
        search = saved.search;
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        logger.warn({ err, path }, 'the content cache could not be read; parsing every file');
    }
    return new ContentCache(path, version, { entries, search }, logger);
  }

  /** The key of a file's text under its name (the name gives the slug and date). */
  static key(file: string, source: string): string {
    return hash(file, source);
  }

  get(key: string): ParseResult | undefined {
    return this.#entries.get(key);
  }

  /** The search index saved with the entries, once: only a start needs it, and it is large. */
  takeSearch(): SearchSnapshot | undefined {
    const search = this.#search;
    this.#search = undefined;
    return search;
  }

  /** Drops what was remembered of a file's text that is no longer there (edited or removed). */
  forget(key: string): void {
    if (this.#entries.delete(key)) this.#dirty = true;
  }

  set(key: string, result: ParseResult): void {
    if (this.#path === undefined) return;
    this.#entries.set(key, result);
    this.#dirty = true;
  }

  /**
   * Writes the entries of `keys` (the files there are now; the others are dropped) and the search
   * index, if anything was parsed or the index changed since the last write. Written whole to a new
   * file, then renamed over the old one.
   */
  async save(
    keys: Iterable<string>,
    search: { readonly changed: boolean; snapshot(): SearchSnapshot },
  ): Promise<void> {
    if (this.#path === undefined || !(this.#dirty || search.changed)) return;
    const kept = new Map<string, ParseResult>();
    for (const key of keys) {
      const result = this.#entries.get(key);
      if (result !== undefined) kept.set(key, result);
    }
    this.#entries = kept;
    this.#dirty = false;
    const temporary = `${this.#path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.#path), { recursive: true });
      await writeFile(
        temporary,
        JSON.stringify({ version: this.#version, entries: [...kept], search: search.snapshot() }),
      );
      await rename(temporary, this.#path);
    } catch (err) {
      this.#logger.warn({ err, path: this.#path }, 'the content cache could not be written');
    }
  }
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('base64url');
}

/**
 * The bot's code as it is installed, and the installed libraries (by the lockfile): any change to
 * either makes every cached result stale.
 */
async function codeHash(): Promise<string> {
  const files = (await readdir(CODE_DIR, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const digest = createHash('sha256');
  for (const file of files) digest.update(file.slice(CODE_DIR.length)).update(await readFile(file));
  for (let dir = CODE_DIR; dir !== dirname(dir); dir = dirname(dir)) {
    const lockfile = await readFile(join(dir, 'package-lock.json')).catch(() => undefined);
    if (lockfile === undefined) continue;
    digest.update(lockfile);
    break;
  }
  return digest.digest('base64url');
}
