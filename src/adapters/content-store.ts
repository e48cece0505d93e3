import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  outlineOf,
  type Article,
  type ContentProblem,
  type Outline,
  type Section,
  type SectionKind,
} from '../core/article.js';
import { SEARCH_FIELDS, fieldText, searchTerms, type ArticleSearch } from '../core/article-search.js';
import type { ParseResult } from '../core/parse-article.js';
import type { Logger } from './logger.js';
import { prepareSearch, SqliteSearch, type SearchStatements } from './sqlite-search.js';

/** The bot's code (src/, or dist/src/ once built): a store written by other code is not read. */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));
/** Raised with any change to the tables below (the code's hash covers the rest). */
const SCHEMA = 1;

type Sections = Partial<Record<SectionKind, Section>>;
/** An article without its sections, as kept in memory. */
type ArticleHead = Omit<Article, 'sections' | 'outline'> & { readonly outline: Outline };
/** What a row holds of a parse result: the article without its sections, or the problems. */
type StoredResult =
  | { readonly ok: true; readonly article: ArticleHead }
  | { readonly ok: false; readonly problems: readonly ContentProblem[]; readonly unpublished?: true };

/**
 * The parsed content, on disk (SQLite, through better-sqlite3): what each file's text parses to,
 * keyed by a hash of the file's name and text, with the articles' sections and the full-text index
 * (FTS5) of their words. Only titles, tags and summaries stay in memory ({@link StoredArticle}):
 * a section is read when an answer needs it (a row read, well under a millisecond).
 *
 * It doubles as a cache between starts: a restart parses only the files written since. A file
 * written by another version of the bot or with other settings is emptied and filled again; one
 * that cannot be read is replaced. Synchronous, like the rest of an answer: each read is one row.
 */
export class ContentStore {
  readonly #db: Database.Database;
  readonly #logger: Logger;
  readonly #statements: ReturnType<typeof prepare>;
  readonly #search: SearchStatements;

  private constructor(db: Database.Database, logger: Logger) {
    this.#db = db;
    this.#logger = logger;
    this.#statements = prepare(db);
    this.#search = prepareSearch(db);
  }

  /**
   * The store at `path` for articles parsed with these `settings` (they shape every article), or in
   * memory without a path (nothing kept between starts).
   */
  static async open(path: string | undefined, settings: unknown, logger: Logger): Promise<ContentStore> {
    // Unicode data shapes slugs and tag keys (normalize, \p{L}, toLowerCase).
    const { node, icu, unicode } = process.versions;
    const version = hash(
      String(SCHEMA),
      JSON.stringify(settings),
      JSON.stringify({ node, icu, unicode }),
      await codeHash(),
    );
    if (path === undefined) return new ContentStore(create(':memory:', version), logger);
    try {
      mkdirSync(dirname(path), { recursive: true });
      return new ContentStore(create(path, version), logger);
    } catch (err) {
      // Damaged, or not a database: it is only ever a copy of what the files say.
      logger.warn({ err, path }, 'the content store could not be read; parsing every file');
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      return new ContentStore(create(path, version), logger);
    }
  }

  /** A store in memory, for `content:check` and tests. */
  static memory(logger: Logger): ContentStore {
    return new ContentStore(create(':memory:', ''), logger);
  }

  /** The key of a file's text under its name (the name gives the slug and date). */
  static key(file: string, source: string): string {
    return hash(file, source);
  }

  /** What the text of `key` parsed to, if it was stored; an article's sections stay on disk. */
  get(key: string): ParseResult | undefined {
    const row = this.#statements.get.get(key) as { id: number; result: string } | undefined;
    return row === undefined ? undefined : this.#resultOf(row.id, JSON.parse(row.result) as StoredResult);
  }

  /**
   * Stores what `key`'s text parsed to, all in one transaction, and gives them back as they are
   * kept: an article's sections on disk, indexed for search.
   */
  putAll(entries: readonly { readonly key: string; readonly result: ParseResult }[]): ParseResult[] {
    const { put, index } = this.#statements;
    return this.#db.transaction(() =>
      entries.map(({ key, result }) => {
        const stored: StoredResult = result.ok ? { ok: true, article: headOf(result.article) } : result;
        const { id } = put.get({
          key,
          result: JSON.stringify(stored),
          sections: result.ok ? JSON.stringify(result.article.sections) : null,
        }) as { id: number };
        if (result.ok) {
          const words = SEARCH_FIELDS.map((field) => searchTerms(fieldText(result.article, field)).join(' '));
          index.run(id, ...words);
        }
        return this.#resultOf(id, stored);
      }),
    )();
  }

  /** The sections of a stored article (see {@link StoredArticle}). */
  sections(id: number): Sections {
    const row = this.#statements.sections.get(id) as { sections: string | null } | undefined;
    if (row?.sections == null) {
      // Removed by another process sharing the file while this one still had the article.
      this.#logger.error({ id }, 'an article is missing from the content store');
      return {};
    }
    return JSON.parse(row.sections) as Sections;
  }

  /** Full-text search over `articles` (those not stored here are not found). */
  searchOf(articles: readonly Article[]): ArticleSearch {
    return new SqliteSearch(this.#search, articles);
  }

  /**
   * Drops what is stored of texts no file has any more: every row but those of `keys` and of the
   * articles still in use (a broken edit keeps the article of the text before).
   */
  keep(keys: Iterable<string>, articles: Iterable<Article>): void {
    const kept = new Set(keys);
    const ids = new Set<number>();
    for (const article of articles) if (article instanceof StoredArticle) ids.add(article.id);
    const { rows, remove, unindex } = this.#statements;
    const gone = (rows.all() as { id: number; key: string; article: number }[]).filter(
      (row) => !kept.has(row.key) && !ids.has(row.id),
    );
    if (gone.length === 0) return;
    this.#db.transaction(() => {
      for (const row of gone) {
        if (row.article === 1) unindex.run(row.id);
        remove.run(row.id);
      }
    })();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #resultOf(id: number, stored: StoredResult): ParseResult {
    return stored.ok ? { ok: true, article: new StoredArticle(stored.article, id, this) } : stored;
  }
}

/** An article whose sections are read from the store on each use. */
export class StoredArticle implements Article {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly url?: string;
  readonly date?: string;
  readonly outline: Outline;
  readonly file: string;
  readonly #store: ContentStore;

  constructor(
    head: ArticleHead,
    readonly id: number,
    store: ContentStore,
  ) {
    this.slug = head.slug;
    this.title = head.title;
    this.summary = head.summary;
    this.tags = head.tags;
    if (head.url !== undefined) this.url = head.url;
    if (head.date !== undefined) this.date = head.date;
    this.outline = head.outline;
    this.file = head.file;
    this.#store = store;
  }

  get sections(): Sections {
    return this.#store.sections(this.id);
  }
}

function headOf(article: Article): ArticleHead {
  const { slug, title, summary, tags, url, date, file } = article;
  return {
    slug,
    title,
    summary,
    tags,
    ...(url === undefined ? {} : { url }),
    ...(date === undefined ? {} : { date }),
    file,
    outline: outlineOf(article),
  };
}

function create(path: string, version: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // A copy of the files: losing the last writes to a power cut costs a parse, never the content.
    db.pragma('synchronous = OFF');
    // Another process of the bot may be writing (several shards on one machine).
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const saved = db.prepare("SELECT value FROM meta WHERE name = 'version'").get() as
      { value: string } | undefined;
    if (saved?.value !== version) {
      db.exec('DROP TABLE IF EXISTS words_terms; DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS parsed');
      db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('version', ?)").run(version);
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS parsed (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        result TEXT NOT NULL,
        sections TEXT
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
        ${SEARCH_FIELDS.join(', ')},
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS words_terms USING fts5vocab(words, 'row');
    `);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function prepare(db: Database.Database) {
  return {
    get: db.prepare('SELECT id, result FROM parsed WHERE key = ?'),
    put: db.prepare(
      `INSERT INTO parsed (key, result, sections) VALUES (@key, @result, @sections)
       ON CONFLICT (key) DO UPDATE SET result = excluded.result, sections = excluded.sections
       RETURNING id`,
    ),
    index: db.prepare(
      `INSERT OR REPLACE INTO words (rowid, ${SEARCH_FIELDS.join(', ')}) VALUES (?, ${SEARCH_FIELDS.map(() => '?').join(', ')})`,
    ),
    sections: db.prepare('SELECT sections FROM parsed WHERE id = ?'),
    rows: db.prepare('SELECT id, key, sections IS NOT NULL AS article FROM parsed'),
    remove: db.prepare('DELETE FROM parsed WHERE id = ?'),
    unindex: db.prepare('DELETE FROM words WHERE rowid = ?'),
  };
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('base64url');
}

/**
 * The bot's code as it is installed, and the installed libraries (by the lockfile): any change to
 * either makes every stored result stale.
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
