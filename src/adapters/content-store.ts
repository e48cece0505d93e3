import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Article, ContentProblem, Outline, Section, SectionKind } from '../core/article.js';
import { SEARCH_FIELDS, type ArticleSearch } from '../core/article-search.js';
import type { ParseResult } from '../core/parse-article.js';
import type { Logger } from './logger.js';
import type { ArticleHead, StoredForm } from './parse-file.js';
import { prepareSearch, SqliteSearch, type SearchStatements } from './sqlite-search.js';

/** The bot's code (src/, or dist/src/ once built): a store written by other code is not read. */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));
/** Raised with any change to the tables below (the code's hash covers the rest). */
const SCHEMA = 2;
/** Articles whose sections are kept read (a few kilobytes each). */
const RECENT_SECTIONS = 64;
/** Pages written ahead of the database between checkpoints: SQLite's default, outside bulk loads. */
const CHECKPOINT_PAGES = 1000;
/** How long after a bulk load its one checkpoint waits: past the start it would hold up. */
const BULK_CHECKPOINT_MS = 2000;

type Sections = Partial<Record<SectionKind, Section>>;
/** What a row holds of a parse result: the article without its sections, or the problems. */
type StoredResult =
  | { readonly ok: true; readonly article: ArticleHead }
  | {
      readonly ok: false;
      readonly problems: readonly ContentProblem[];
      readonly unpublished?: true;
      readonly staticFile?: true;
    };

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
  /** How many times keep() dropped texts: a search's results kept from before may have changed. */
  #dropped = 0;
  /**
   * The articles whose sections were read last, by id: the same objects again for the next button
   * press on one of them (the renderers keep its pages by section), and no row read.
   */
  readonly #recent = new Map<number, Sections>();
  /** Bulk loads under way (see {@link ContentStore.bulk}), and the checkpoint put off until after them. */
  #bulkLoads = 0;
  #checkpoint: NodeJS.Timeout | undefined;

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
    // Unicode data shapes slugs and tag keys (normalize, \p{L}, toLowerCase); the time zone data,
    // the instant of a date written without a zone in a site's time zone.
    const { node, icu, unicode, tz } = process.versions;
    const version = hash(
      String(SCHEMA),
      JSON.stringify(settings),
      JSON.stringify({ node, icu, unicode, tz }),
      await codeHash(),
    );
    if (path === undefined) return new ContentStore(create(':memory:', version), logger);
    const attempt = (): ContentStore | { failed: unknown } => {
      try {
        mkdirSync(dirname(path), { recursive: true });
        return new ContentStore(create(path, version), logger);
      } catch (err) {
        return { failed: err };
      }
    };
    let opened = attempt();
    const code = 'failed' in opened ? (opened.failed as { code?: unknown }).code : undefined;
    if (code === 'SQLITE_CORRUPT') {
      // A damaged database: only ever a copy of what the files say, but perhaps not the bot's own
      // (a mistyped CONTENT_CACHE), so it is moved aside, never deleted.
      logger.warn(
        { err: (opened as { failed: unknown }).failed, path, movedTo: `${path}.damaged` },
        'the content store could not be read; it is moved aside, and every file parsed',
      );
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${path}.damaged${suffix}`);
      opened = attempt();
    }
    if (opened instanceof ContentStore) return opened;
    // Not a database, or one of other tables: not the bot's, so left as it is. In use by another
    // process of the bot, or not writable: this one keeps its own in memory.
    logger.warn(
      { err: opened.failed, path },
      code === 'SQLITE_NOTADB' || code === NOT_THE_STORE
        ? 'CONTENT_CACHE is a file the bot did not make (left as it is); keeping the content in memory'
        : 'the content store cannot be used; keeping the content in memory',
    );
    return new ContentStore(create(':memory:', version), logger);
  }

  /** A store in memory, for `content:check` and tests. */
  static memory(logger: Logger): ContentStore {
    return new ContentStore(create(':memory:', ''), logger);
  }

  /** Whether nothing is stored: the bot's first start, or its first with these settings or code. */
  isEmpty(): boolean {
    return this.#statements.any.get() === undefined;
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
  putAll(entries: readonly { readonly key: string; readonly form: StoredForm }[]): ParseResult[] {
    const { put, index } = this.#statements;
    return this.#db.transaction(() =>
      entries.map(({ key, form }) => {
        const { id } = put.get({
          key,
          result: form.ok ? `{"ok":true,"article":${form.head}}` : JSON.stringify(form),
          sections: form.ok ? form.sections : null,
        }) as { id: number };
        if (form.ok) index.run(id, ...form.words);
        return this.#resultOf(
          id,
          form.ok ? { ok: true, article: JSON.parse(form.head) as ArticleHead } : form,
        );
      }),
    )();
  }

  /**
   * Remembers, by file (as problems name it), the text of its last good version, or forgets it
   * (`undefined`: the file gone, or no article now): an edit that breaks it keeps that version across
   * a restart as well (see {@link lastGood}).
   */
  markGood(files: Iterable<readonly [file: string, key: string | undefined]>): void {
    const { markGood, forgetGood } = this.#statements;
    this.#db.transaction(() => {
      for (const [file, key] of files) {
        if (key === undefined) forgetGood.run(file);
        else markGood.run(file, key);
      }
    })();
  }

  /** The last good version of the file (see {@link markGood}), while its text is still stored. */
  lastGood(file: string): Article | undefined {
    const row = this.#statements.lastGood.get(file) as { key: string } | undefined;
    const result = row === undefined ? undefined : this.get(row.key);
    return result?.ok === true ? result.article : undefined;
  }

  /** The sections of a stored article (see {@link StoredArticle}). */
  sections(id: number): Sections {
    let sections = this.#recent.get(id);
    if (sections !== undefined) {
      // Most recently used last.
      this.#recent.delete(id);
    } else {
      const row = this.#statements.sections.get(id) as { sections: string | null } | undefined;
      if (row?.sections == null) {
        // Never expected (a row is pruned only when no article uses it): said, and answered as empty.
        this.#logger.error({ id }, 'an article is missing from the content store');
        return {};
      }
      sections = JSON.parse(row.sections) as Sections;
      if (this.#recent.size >= RECENT_SECTIONS) this.#recent.delete(this.#recent.keys().next().value ?? 0);
    }
    this.#recent.set(id, sections);
    return sections;
  }

  /** Full-text search over `articles` (those not stored here are not found). */
  searchOf(articles: readonly Article[]): ArticleSearch {
    return new SqliteSearch(this.#search, articles, () => this.#dropped);
  }

  /**
   * Drops what is stored of texts no file has any more: every row but those of `keys` and of the
   * articles still in use (a broken edit keeps the article of the text before).
   */
  keep(keys: Iterable<string>, inUse: Iterable<Article>): void {
    const kept = new Set(keys);
    const articles = [...inUse];
    const ids = new Set<number>();
    for (const article of articles) if (article instanceof StoredArticle) ids.add(article.id);
    const { rows, remove, unindex, goodRows, forgetGood } = this.#statements;
    // A file's last good version goes with its text: a file removed is forgotten.
    const files = new Set<string>();
    for (const article of articles) files.add(article.file);
    const forgotten = (goodRows.all() as { file: string; key: string }[]).filter(
      (row) => !kept.has(row.key) && !files.has(row.file),
    );
    if (forgotten.length > 0)
      this.#db.transaction(() => {
        for (const row of forgotten) forgetGood.run(row.file);
      })();
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
    this.#dropped++;
  }

  /**
   * Runs `load`, a bulk load (a first start's thousands of puts), without checkpoints: each copies the
   * pages written so far into the database, most of them again at the next (a third of the time spent
   * storing 10,000 articles). Their one checkpoint runs a moment after the load instead.
   */
  async bulk<T>(load: () => Promise<T>): Promise<T> {
    clearTimeout(this.#checkpoint);
    if (this.#bulkLoads === 0 && this.#db.open) this.#db.pragma('wal_autocheckpoint = 0');
    this.#bulkLoads++;
    try {
      return await load();
    } finally {
      if (--this.#bulkLoads === 0 && this.#db.open) {
        this.#db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
        // TRUNCATE: the log, as long as the whole load, is emptied too (checkpoints only reuse it).
        this.#checkpoint = setTimeout(() => {
          if (this.#db.open) this.#db.pragma('wal_checkpoint(TRUNCATE)');
        }, BULK_CHECKPOINT_MS).unref();
      }
    }
  }

  close(): void {
    clearTimeout(this.#checkpoint);
    if (this.#db.open) this.#db.close();
  }

  #resultOf(id: number, stored: StoredResult): ParseResult {
    return stored.ok ? { ok: true, article: new StoredArticle(stored.article, id, this) } : stored;
  }
}

/** An article whose sections are read from the store on each use. */
export class StoredArticle implements Article {
  readonly slug: string;
  readonly fullSlug?: string;
  readonly title: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly categoryTags?: readonly string[];
  readonly url?: string;
  readonly address?: string;
  readonly date?: string;
  readonly publishes?: string;
  readonly dated?: string;
  readonly hugo?: true;
  readonly expires?: string;
  readonly outline: Outline;
  readonly file: string;
  readonly slugLine?: number;
  readonly addressField?: NonNullable<Article['addressField']>;
  readonly leftOutTags?: NonNullable<Article['leftOutTags']>;
  readonly headingNotes?: NonNullable<Article['headingNotes']>;
  readonly pageRefs?: true;
  readonly #store: ContentStore;

  constructor(
    head: ArticleHead,
    readonly id: number,
    store: ContentStore,
  ) {
    this.slug = head.slug;
    if (head.fullSlug !== undefined) this.fullSlug = head.fullSlug;
    this.title = head.title;
    this.summary = head.summary;
    this.tags = head.tags;
    if (head.categoryTags !== undefined) this.categoryTags = head.categoryTags;
    if (head.url !== undefined) this.url = head.url;
    if (head.address !== undefined) this.address = head.address;
    if (head.date !== undefined) this.date = head.date;
    if (head.publishes !== undefined) this.publishes = head.publishes;
    if (head.dated !== undefined) this.dated = head.dated;
    if (head.hugo !== undefined) this.hugo = head.hugo;
    if (head.expires !== undefined) this.expires = head.expires;
    this.outline = head.outline;
    this.file = head.file;
    if (head.slugLine !== undefined) this.slugLine = head.slugLine;
    if (head.addressField !== undefined) this.addressField = head.addressField;
    if (head.leftOutTags !== undefined) this.leftOutTags = head.leftOutTags;
    if (head.headingNotes !== undefined) this.headingNotes = head.headingNotes;
    if (head.pageRefs !== undefined) this.pageRefs = head.pageRefs;
    this.#store = store;
  }

  get sections(): Sections {
    return this.#store.sections(this.id);
  }
}

/** Why a database is refused as the store: it holds tables the store never makes. */
const NOT_THE_STORE = 'NOT_THE_STORE';
/** The store's tables, and those SQLite makes for them (the full-text index's shadow tables). */
const STORE_TABLES =
  /^(meta|parsed|good|sqlite_sequence|words|words_(data|idx|content|docsize|config|terms|in_columns))$/;

function create(path: string, version: string): Database.Database {
  const db = new Database(path);
  try {
    // Before any change (WAL is kept in the file): a database of other tables is not the bot's.
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as {
      name: string;
    }[];
    const foreign = tables.find(({ name }) => !STORE_TABLES.test(name));
    if (foreign !== undefined)
      throw Object.assign(new Error(`the database has a table the store never makes (${foreign.name})`), {
        code: NOT_THE_STORE,
      });
    // One process's: what it prunes and the ids it hands out must not change under another. A second
    // process given the same file waits a moment for the lock, then keeps its content in memory.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('busy_timeout = 1000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 1 MB of pages, not better-sqlite3's 16 MB: the file stays in the system's page cache anyway,
    // and SQLite's own copy of it counted ~17 MB of the bot's memory with 10,000 articles.
    db.pragma('cache_size = -1000');
    db.exec('CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const saved = db.prepare("SELECT value FROM meta WHERE name = 'version'").get() as
      { value: string } | undefined;
    if (saved?.value !== version) {
      db.exec(
        'DROP TABLE IF EXISTS words_in_columns; DROP TABLE IF EXISTS words_terms; DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS parsed; DROP TABLE IF EXISTS good',
      );
    }
    // A write, so that the lock is taken now (and held until closed).
    db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('version', ?)").run(version);
    db.exec(`
      CREATE TABLE IF NOT EXISTS parsed (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        result TEXT NOT NULL,
        sections TEXT
      );
      -- Each file's last good version, by its text's key (see markGood).
      CREATE TABLE IF NOT EXISTS good (file TEXT PRIMARY KEY, key TEXT NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
        ${SEARCH_FIELDS.join(', ')},
        -- searchTerms has made the words (folded, accents off): split on the spaces between them only.
        -- (unicode61 would split letters newer than its Unicode 6.1 tables, as if they were spaces.)
        content = '', contentless_delete = 1, tokenize = 'ascii'
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS words_terms USING fts5vocab(words, 'row');
      CREATE VIRTUAL TABLE IF NOT EXISTS words_in_columns USING fts5vocab(words, 'col');
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
    any: db.prepare('SELECT 1 FROM parsed LIMIT 1'),
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
    // Written only when it changed: a restart marks every file again, most of them as they were.
    markGood: db.prepare(
      'INSERT INTO good (file, key) VALUES (?, ?) ON CONFLICT (file) DO UPDATE SET key = excluded.key WHERE key IS NOT excluded.key',
    ),
    forgetGood: db.prepare('DELETE FROM good WHERE file = ?'),
    lastGood: db.prepare('SELECT key FROM good WHERE file = ?'),
    goodRows: db.prepare('SELECT file, key FROM good'),
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
