import { isDataFileName, NO_ELEVENTY_DATA, templateKey, type EleventyData } from './eleventy-data-files.js';
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pMap from 'p-map';
import { formatProblem, type Article, type ContentProblem } from '../core/article.js';
import { DEFAULT_CONTENT_LANGUAGE } from '../core/content-language.js';
import { buildIndex, publishedIndex, type ContentIndex } from '../core/content-index.js';
import { DEFAULT_BUILDS, type SiteBuilds } from '../core/publication.js';
import { NO_PERMALINKS, type SitePermalinks } from '../core/site-permalinks.js';
import { isMainSection, type HugoMainSections } from '../core/hugo-sections.js';
import type { ContentStore } from './content-store.js';
import { FolderWatcher } from './folder-watcher.js';
import {
  cascadeOf,
  compare,
  displayName,
  fileSignature,
  findArticles,
  hugoPrefixOf,
  hugoSection,
  isArticlePath,
  isBundleIndex,
  isCascadeIndex,
  isEleventyConfig,
  isSettingsFile,
  isLeafBundle,
  isWalked,
  NO_CASCADES,
  parseSettingsOf,
  readArticles,
  type ArticleFile,
  type FileOutcome,
  type HugoCascades,
  type ParseSettings,
  type SiteWalk,
  undatedPostsNote,
} from './content-loader.js';
import type { Logger } from './logger.js';
import type { SiteKind } from './site-blog-links.js';

/** How often a removed content folder is looked for again. */
const REWATCH_MS = 1000;
/** Events closer together than this are one batch: an editor's save is often several writes. */
const SETTLE_MS = 50;
/** A stream of writes is still read this often, so that a busy folder shows its edits. */
const MAX_WAIT_MS = 300;
/** Files whose signature is compared at the same time on a rescan. */
const STAT_CONCURRENCY = 32;
/**
 * How long the texts an edit replaced stay in the store: an answer still reading the index of before
 * finds their sections, and after that their words no longer count in searches (see #schedulePrune).
 */
const SUPERSEDED_MS = 60_000;
/** Long enough for any answer to be done with the index it read (Discord waits 3 s for one). */
const ANSWER_MS = 5_000;
/** Files named in one log line at most. */
const MAX_NAMED = 20;
/** setTimeout's longest wait (24.8 days): a later publish date or expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LibraryOptions extends ParseSettings {
  readonly dir: string;
  readonly logger: Logger;
  /**
   * Where parsed articles are kept (their sections and the search index on disk, remembered between
   * starts). Without one, articles stay whole in memory and cannot be searched (tests, checks).
   */
  readonly store?: ContentStore | undefined;
  /** How long the texts an edit replaced stay in the store (a minute; tests take less). */
  readonly supersededMs?: number | undefined;
}

/** What one refresh changed. */
export interface ContentUpdate {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** Files read that have problems (an article among them keeps its last good version). */
  readonly broken: number;
  /**
   * Articles read again that came out as they were (their fields and sections): an `_index.md`'s
   * cascade edited reads every page below it, most often to the same result. Not counted changed.
   */
  readonly unchanged: number;
  readonly articles: number;
  readonly ms: number;
}

interface FileState {
  readonly file: ArticleFile;
  readonly signature: string | undefined;
  /** Its key in the store. */
  readonly key: string | undefined;
  /** The last good version, kept while an edit has broken the file. */
  readonly article: Article | undefined;
  readonly problems: readonly ContentProblem[];
}

/**
 * The articles of a content folder, kept current: {@link current} is an index built whole from
 * every file's last good version, replaced when a file changes, so that an answer built from one
 * index never mixes old and new articles (its search included: see SqliteSearch). Only the files
 * that changed are read again, and only those are parsed and indexed for search anew.
 */
export class ContentLibrary {
  readonly #options: LibraryOptions;
  #index: ContentIndex = buildIndex([]).index;
  /** Whether #index was built from the folder yet (by the first refresh). */
  #built = false;
  /** The soonest publish date or expiry the index waits for (ms since the epoch). */
  #due: number | undefined;
  /** By the file's name in problems, in the order articles are indexed (sorted, as the loader reads). */
  #files = new Map<string, FileState>();
  #walkProblems: readonly ContentProblem[] = [];
  /** Whether the last walk found a Jekyll site's folder: which files are read then (see findArticles). */
  #jekyll = false;
  /** Whether posts written in HTML are read (see FoundArticles.htmlPosts). */
  #htmlPosts = false;
  /** Hugo's content folder and leaf bundles, as the last walk found them (see findArticles). */
  #hugo: string | undefined;
  #bundles: ReadonlySet<string> = new Set();
  /** The other languages' folders the last walk left out (see FoundArticles.otherLanguages). */
  #otherLanguages: ReadonlySet<string> = new Set();
  /** The language read of translations, as the last walk found it (see FoundArticles.language). */
  #language: string = DEFAULT_CONTENT_LANGUAGE;
  /** The languages the site's configuration sets up, as the last walk found them. */
  #languages: readonly string[] = [];
  /** What Hugo's configuration and `_index.md` files cascade, as the last walk read them (see findArticles). */
  #cascades: HugoCascades = NO_CASCADES;
  #eleventyData: EleventyData = NO_ELEVENTY_DATA;
  /** What a Jekyll site's configuration gives every post, as the last walk read it (see findArticles). */
  #jekyllFields: Readonly<Record<string, unknown>> | undefined;
  /** Whether the last walk found an Eleventy site, which reads tags and `_posts` its own way (see findArticles). */
  #eleventy = false;
  /** The folders of the site's configuration above the content folder, as the last walk found them (see findArticles). */
  #settingFolders: readonly string[] = [];
  /** What the site builds of posts dated in the future or expired, as the last walk read it (see findArticles). */
  #builds: SiteBuilds = DEFAULT_BUILDS;
  /** The site's time zone, as the last walk read it (see findArticles). */
  #timeZone: string | undefined;
  #emoji = false;
  /** The addresses the site's configuration gives its posts, as the last walk read them (see findArticles). */
  #permalinks: SitePermalinks = NO_PERMALINKS;
  /** Which of a Hugo site's pages are posts, as the last walk found (see FoundArticles.hugoMain). */
  #hugoMain: HugoMainSections | undefined;
  /** Its pages that are no posts, as the last walk found (see FoundArticles.sitePages). */
  #sitePages: readonly string[] = [];
  /** The files of a Jekyll site's `_posts` that are no posts, as last said (see FoundArticles.undatedPosts). */
  #undatedPosts: readonly string[] = [];
  /** How many posts the index leaves out as expired, and as not published yet. */
  #leftOut = { expired: 0, upcoming: 0 };
  #indexProblems: readonly ContentProblem[] = [];
  /** Problems already logged, so that a rebuild does not repeat the ones that stayed. */
  #logged = new Set<string>();
  #queue: Promise<unknown> = Promise.resolve();
  #watcher: FolderWatcher | undefined;
  #watchFailures = 0;
  #pending: { paths: Set<string>; since: number } | undefined;
  /** The paths of the watcher's refresh queued and not started yet: later batches join it (see #queueEvent). */
  #waiting: Set<string> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** The folder being watched, as `dev:ino`: a folder replaced under the same name is watched anew. */
  #watchedRoot: string | undefined;
  /**
   * Folders above the content folder watched for some of their entries alone, by folder: its parent
   * for the folder's own entry, and each folder holding a link above it for that link (see
   * #startWatching).
   */
  #entryFolders = new Map<string, Set<string>>();
  #rewatchTimer: NodeJS.Timeout | undefined;
  /** Rebuilds the index when the soonest publish date or expiry passes (see #scheduleRebuild). */
  #rebuildTimer: NodeJS.Timeout | undefined;
  /** Drops from the store the texts edits replaced, a while after (see #schedulePrune). */
  #pruneTimer: NodeJS.Timeout | undefined;
  /** When the index was last replaced (performance.now()). */
  #swappedAt = 0;

  private constructor(options: LibraryOptions) {
    this.#options = options;
  }

  /**
   * Reads the whole folder once (parsing only what the store does not hold). With `watch`, watches
   * it from before that read (see {@link watch}): one walk, and nothing left to do once loaded. A
   * folder that cannot be watched is read all the same, and said (SIGHUP reloads it).
   */
  static async open(options: LibraryOptions, { watch = false } = {}): Promise<ContentLibrary> {
    const library = new ContentLibrary(options);
    if (watch) {
      await library.#startWatching().catch((err: unknown) => {
        options.logger.warn({ err }, 'cannot watch the content folder: send SIGHUP to reload it');
      });
    }
    await library.refresh({ rescan: true });
    library.#prune();
    return library;
  }

  /** Whether the folder is watched (see {@link watch}). */
  get watching(): boolean {
    return this.#watcher !== undefined;
  }

  /** Nothing changed: what a refresh after close() gives. */
  static readonly #NOTHING: ContentUpdate = {
    added: 0,
    changed: 0,
    removed: 0,
    broken: 0,
    unchanged: 0,
    articles: 0,
    ms: 0,
  };

  /** Which generator's site the folder is, as the last walk found it (see siteBlogLinks). */
  get site(): SiteKind {
    const prefix = hugoPrefixOf(this.#cascades);
    return {
      jekyll: this.#jekyll,
      hugo: this.#hugo,
      ...(prefix === undefined ? {} : { hugoPrefix: prefix }),
    };
  }

  /** The index to answer from now. Read it once per answer. */
  get current(): ContentIndex {
    return this.#index;
  }

  /** Every problem of the content as it is now: folders and links, files, then duplicate slugs. */
  get problems(): ContentProblem[] {
    return [
      ...this.#walkProblems,
      ...[...this.#files.values()].flatMap((state) => state.problems),
      ...this.#indexProblems,
    ];
  }

  /** Markdown files found. */
  get fileCount(): number {
    return this.#files.size;
  }

  /** Markdown files of a Jekyll site's `_posts` that are no posts (see FoundArticles.undatedPosts). */
  get undatedPosts(): readonly string[] {
    return this.#undatedPosts;
  }

  /**
   * Reads again the files at `paths` (absolute, as the watcher names them), or with `rescan` walks the
   * whole folder and reads the files added or written since they were read (every file with `force`:
   * a file system may keep a file's size and time through an edit). Refreshes run one at a time; after
   * close() they do nothing.
   */
  refresh(request: { paths?: Iterable<string>; rescan?: boolean; force?: boolean }): Promise<ContentUpdate> {
    const paths = [...(request.paths ?? [])];
    return this.#enqueue(() => this.#refresh(paths, request.rescan ?? false, request.force ?? false));
  }

  /** Runs `refresh` once those queued before it are done; after close() it does nothing. */
  #enqueue(refresh: () => Promise<ContentUpdate>): Promise<ContentUpdate> {
    const run = this.#queue.then(() =>
      this.#closed ? { ...ContentLibrary.#NOTHING, articles: this.#index.articles.length } : refresh(),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Watches the folder: changes are batched and refreshed as they come. Resolves once watching, after
   * a rescan that catches what changed while the watcher started.
   */
  async watch(): Promise<void> {
    await this.#startWatching();
    await this.refresh({ rescan: true });
  }

  /** Sets up the watcher (once) on the folder as it is now; the next rescan watches the folders in it. */
  async #startWatching(): Promise<void> {
    if (this.#watcher !== undefined) return;
    const root = await realpath(this.#options.dir);
    const identity = await folderIdentity(root);
    // The folder's parent, as CONTENT_DIR names it: a deploy that replaces the folder (removed and
    // made again, renamed away, a `current` link switched to a new release) changes its entry there,
    // of which the folder's own watch hears nothing once it is gone.
    const named = resolve(this.#options.dir);
    const parent = dirname(named);
    // Links higher up the path (`/srv/app/current/content`, `current` switched by each deploy): the
    // folder holding each is watched for that entry alone, as the parent is for the folder's.
    const links = await linksAbove(parent);
    if (this.#closed) return;
    this.#entryFolders = new Map();
    for (const entry of parent === named ? links : [named, ...links]) {
      const entries = this.#entryFolders.get(dirname(entry)) ?? new Set<string>();
      this.#entryFolders.set(dirname(entry), entries.add(entry));
    }
    const watcher = new FolderWatcher(
      (path) => {
        // Of those folders' entries only the ones watched for (or the site's configuration) matter.
        const entries = this.#entryFolders.get(dirname(path));
        if (entries !== undefined && !entries.has(path) && !this.#settingFolders.includes(dirname(path)))
          return;
        this.#queueEvent(root, path);
      },
      (err, folder) => {
        // A folder above (see above): only a replaced folder goes unseen, which SIGHUP reads.
        if (this.#entryFolders.has(folder)) {
          this.#options.logger.warn(
            { err, folder },
            'cannot watch the folder that holds the content folder: if the content folder is replaced, send SIGHUP',
          );
          return;
        }
        // The system's limit of watches, most likely: said once, not once per folder.
        if (this.#watchFailures++ === 0)
          this.#options.logger.warn({ err, folder }, 'cannot watch a content folder: send SIGHUP to reload');
      },
    );
    this.#watcher = watcher;
    this.#watchedRoot = identity;
    // The content folder now; the folders in it as the rescan finds them (links are not followed:
    // the walk decides which are read). The rescan also reads what changed while this started.
    watcher.sync(this.#watched([root]));
  }

  /** The folders to watch: `folders`, and those above the content folder (see #startWatching). */
  #watched(folders: readonly string[]): string[] {
    return [...new Set([...folders, ...this.#entryFolders.keys()])];
  }

  /**
   * The folder was removed or replaced (a deploy's `rm -rf content && git clone …`): the watcher sees
   * the old one, so a new one is set up on the folder of that name, once there is one again.
   */
  #rewatch(): void {
    if (this.#closed || this.#watcher === undefined || this.#rewatchTimer !== undefined) return;
    this.#watcher.close();
    this.#watcher = undefined;
    this.#watchedRoot = undefined;
    const attempt = (): void => {
      this.#rewatchTimer = undefined;
      if (this.#closed) return;
      this.watch().then(
        () => this.#options.logger.info({ dir: this.#options.dir }, 'watching the content folder again'),
        () => {
          // Not there yet: try again in a second.
          if (!this.#closed) this.#rewatchTimer = setTimeout(attempt, REWATCH_MS);
        },
      );
    };
    attempt();
  }

  /**
   * Stops watching, waits for a refresh under way, and drops from the store the texts parsed that no
   * file has any more. The store itself is the caller's to close.
   */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#rewatchTimer);
    clearTimeout(this.#rebuildTimer);
    clearTimeout(this.#pruneTimer);
    this.#watcher?.close();
    await this.#queue;
    this.#prune();
  }

  /**
   * Drops the texts edits replaced a while after an edit, between refreshes (a refresh under
   * way stores texts that no file has yet). Kept until then, an answer still reading an older index
   * finds its articles' sections; dropped, their words no longer stand in for a typo in searches (the
   * eight closest words could all be gone ones) nor weigh in their ranking.
   */
  #schedulePrune(wait = this.#options.supersededMs ?? SUPERSEDED_MS): void {
    // A minute after the first edit not pruned yet, not after the last: a folder written every few
    // seconds (a sync job) is pruned all the same; but never within seconds of an edit, whose older
    // index an answer under way may still read.
    if (this.#options.store === undefined || this.#closed || this.#pruneTimer !== undefined) return;
    this.#pruneTimer = setTimeout(() => {
      this.#pruneTimer = undefined;
      const since = performance.now() - this.#swappedAt;
      const settle = Math.min(ANSWER_MS, this.#options.supersededMs ?? SUPERSEDED_MS);
      if (since < settle) {
        this.#schedulePrune(settle - since);
        return;
      }
      this.#queue = this.#queue
        .then(() => {
          if (!this.#closed) this.#prune();
        })
        .catch((err: unknown) =>
          this.#options.logger.error(
            { err },
            'could not drop the texts edits replaced from the content store',
          ),
        );
    }, wait).unref();
  }

  /**
   * Drops from the store every text no file has now but for the last good version of a broken file.
   * Texts edited while running stay until #schedulePrune's time, or the next start or stop.
   */
  #prune(): void {
    const states = [...this.#files.values()];
    this.#options.store?.keep(
      states.flatMap((state) => (state.key === undefined ? [] : [state.key])),
      states.flatMap((state) => (state.article === undefined ? [] : [state.article])),
    );
  }

  #queueEvent(root: string, path: string): void {
    if (this.#closed) return;
    const pending = (this.#pending ??= { paths: new Set(), since: performance.now() });
    pending.paths.add(path);
    clearTimeout(this.#timer);
    const wait = Math.max(0, Math.min(SETTLE_MS, pending.since + MAX_WAIT_MS - performance.now()));
    this.#timer = setTimeout(() => {
      const batch = this.#pending;
      this.#pending = undefined;
      if (batch === undefined || this.#closed) return;
      // A refresh that takes longer than a batch (a `git pull`, a clone into the folder) would have
      // batches queue up, each read after the other: they join the one waiting instead, read at once.
      if (this.#waiting !== undefined) {
        for (const path of batch.paths) this.#waiting.add(path);
        return;
      }
      const waiting = (this.#waiting = batch.paths);
      this.#enqueue(() => {
        this.#waiting = undefined;
        return this.#refresh([...waiting], false, false);
      }).catch((err: unknown) => {
        // Not lost: read with the next change (a batch may hold a whole `git pull`), or at SIGHUP.
        const pending = (this.#pending ??= { paths: new Set(), since: performance.now() });
        for (const path of waiting) pending.paths.add(path);
        this.#options.logger.error(
          { err, root },
          'could not refresh the content: tried again with the next change, or send SIGHUP',
        );
      });
    }, wait);
  }

  async #refresh(paths: readonly string[], rescanAsked: boolean, force: boolean): Promise<ContentUpdate> {
    const started = performance.now();
    // Asked for everything again (SIGHUP, the playground's reload): a problem that lasts is said again,
    // so that whoever reloads sees what is still to fix.
    if (force) this.#logged = new Set();
    const { dir } = this.#options;
    const root = await realpath(dir).catch(() => dir);
    // The files the events name, read whatever their signature says.
    const named = new Map<string, ArticleFile>();
    // The folder gone or replaced (its entry in its parent changed, see #startWatching, or it is
    // another): walked again, which watches the new one and keeps the articles while there is none
    // (the files' own events say they are gone, but the folder may be back in a moment).
    const replaced =
      paths.includes(resolve(dir)) ||
      (paths.length > 0 && this.#watcher !== undefined && (await folderIdentity(root)) !== this.#watchedRoot);
    let rescan = rescanAsked || replaced;
    const buildsBefore = this.#builds;
    // The site's configuration files written, as the log names them: said read again (see below).
    const settings = new Set<string>();
    for (const path of paths) {
      const inside = relative(root, path);
      // The site's configuration above the content folder written: how its files are read may change.
      if (this.#settingFolders.includes(dirname(path)) && isSettingsFile(dirname(path), basename(path))) {
        settings.add(displayName(dir, inside));
        rescan = true;
        continue;
      }
      // A Jekyll, Hugo (`hugo.toml`, `config.toml`) or Eleventy site's configuration added, removed or
      // written: which files are posts, and how they are read, may change.
      if (isSettingsFile('', inside) || isEleventyConfig(inside)) {
        settings.add(displayName(dir, inside));
        rescan = true;
        continue;
      }
      if (inside.split(sep)[0] === '..' || !isWalked(inside, this.#walk())) continue;
      // A Hugo `_index.md` written, added or removed: what it cascades to the pages below changes;
      // so does what an Eleventy data file (`posts/posts.json`) gives its posts.
      if (
        (this.#hugo !== undefined && isCascadeIndex(basename(inside))) ||
        (this.#eleventy && isDataFileName(basename(inside)))
      ) {
        rescan = true;
        continue;
      }
      // A Hugo bundle's index.md added or removed: whether its folder's other files are pages changes.
      if (this.#hugo !== undefined && isBundleIndex(basename(inside))) {
        const folder = dirname(inside) === '.' ? '' : dirname(inside);
        const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
        const names = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
        if (isLeafBundle(folder, names, this.#hugo) !== this.#bundles.has(folder)) {
          rescan = true;
          continue;
        }
      }
      const info = await lstat(path).catch(() => undefined);
      // A folder added, removed or renamed (or the content folder itself): its files are found by
      // walking again.
      if (inside === '' || info?.isDirectory() === true || this.#watcher?.has(path) === true) {
        rescan = true;
        continue;
      }
      if (!isArticlePath(inside, this.#walk())) continue;
      // An Eleventy post added beside its own data file (`b.json` for `b.md`): read with it; one gone
      // from beside it leaves the data file waiting for it.
      const template = templateKey(inside);
      if (
        this.#eleventyData.waiting.has(template) ||
        (info === undefined && this.#eleventyData.templates.has(template))
      ) {
        rescan = true;
        continue;
      }
      // Whether a Hugo site's pages at the top are posts may change (see HugoMainSections), which
      // only a walk tells: at its first post in a section; at one there gone while pages at the top
      // are left out (perhaps its last); at a page at the top while sections hold posts (perhaps
      // none any more). Other edits change nothing of it.
      const main = this.#hugoMain;
      if (main !== undefined) {
        const section = hugoSection(inside, this.#hugo, this.#bundles);
        if (
          main.named === undefined &&
          (section !== ''
            ? !main.sectioned || (info === undefined && this.#sitePages.length > 0)
            : main.sectioned)
        ) {
          rescan = true;
          continue;
        }
        if (!isMainSection(section, main)) continue;
      }
      const cascade = cascadeOf(inside, {
        cascades: this.#cascades,
        hugo: this.#hugo,
        eleventyData: this.#eleventyData,
        jekyllFields: this.#jekyllFields,
        permalinks: this.#permalinks,
      });
      const file: ArticleFile = {
        path: join(root, inside),
        file: displayName(dir, inside),
        ...(cascade === undefined ? {} : { cascade }),
      };
      const known = this.#files.get(file.file);
      // A link (now or before): only the walk knows whether and where it is followed.
      if (info?.isSymbolicLink() === true || (known !== undefined && known.file.path !== file.path))
        rescan = true;
      named.set(file.file, file);
    }

    let targets: ArticleFile[];
    const gone: string[] = [];
    if (rescan) {
      // Each folder watched before it is read (see FolderWatcher.add); the walk's result trims the rest.
      const found = await findArticles(dir, {
        beforeRead: (folder) => {
          if (!this.#closed) this.#watcher?.add(folder);
        },
        language: this.#options.language,
      });
      this.#walkProblems = found.problems;
      // A configuration being fixed does not switch a running bot to another language's posts.
      const language = found.languageUnread === true && this.#built ? this.#language : found.language;
      // Every file is parsed anew when how the site is read changed (an Eleventy configuration
      // added, a Hugo site's content folder elsewhere: its sections; another time zone: its dates).
      const readAll =
        force ||
        found.eleventy !== this.#eleventy ||
        found.hugo !== this.#hugo ||
        found.timeZone !== this.#timeZone ||
        found.emoji !== this.#emoji ||
        language !== this.#language ||
        !isDeepStrictEqual(found.languages, this.#languages) ||
        !isDeepStrictEqual(found.permalinks, this.#permalinks);
      this.#jekyll = found.jekyll;
      this.#htmlPosts = found.htmlPosts ?? found.jekyll;
      this.#hugo = found.hugo;
      this.#otherLanguages = found.otherLanguages;
      this.#language = language;
      this.#languages = found.languages;
      this.#bundles = found.bundles;
      this.#cascades = found.cascades;
      this.#eleventyData = found.eleventyData;
      this.#jekyllFields = found.jekyllFields;
      this.#eleventy = found.eleventy;
      this.#builds = found.builds;
      this.#timeZone = found.timeZone;
      this.#emoji = found.emoji;
      if (found.notes.length > 0 && !isDeepStrictEqual(found.permalinks, this.#permalinks))
        this.#options.logger.warn(
          { notes: found.notes },
          "the site's configuration gives posts addresses the bot cannot fill: they are linked by ARTICLE_URL, or not at all while it is unset",
        );
      this.#permalinks = found.permalinks;
      this.#hugoMain = found.hugoMain;
      if (found.sitePages.length > 0 && !isDeepStrictEqual(found.sitePages, this.#sitePages))
        this.#options.logger.info(
          { pages: found.sitePages.slice(0, MAX_NAMED), count: found.sitePages.length },
          "the Hugo site's pages in no section (about, search), or outside its mainSections, are not posts: not read",
        );
      this.#sitePages = found.sitePages;
      const undated = found.undatedPosts ?? [];
      if (undated.length > 0 && !isDeepStrictEqual(undated, this.#undatedPosts))
        this.#options.logger.warn({ count: undated.length }, undatedPostsNote(undated));
      this.#undatedPosts = undated;
      // Watched as walked; not when part of the tree could not be read this time (kept as it was).
      this.#settingFolders = found.settingFolders;
      if (!this.#closed && found.unread.length === 0)
        this.#watcher?.sync(this.#watched([...found.folders, ...found.settingFolders]));
      const seen = new Set(found.files.map((file) => file.file));
      // A folder that could not be read this time (a mount gone for a moment, its rights being
      // changed) keeps the articles read from it before: only files known to be gone leave.
      const unread = found.unread.map((folder) => (folder === '' ? '' : `${folder}/`));
      const wasRead = (key: string): boolean =>
        !unread.some((folder) => folder === '' || key.startsWith(folder));
      for (const key of this.#files.keys()) if (!seen.has(key) && wasRead(key)) gone.push(key);
      const stale = await pMap(
        found.files,
        async (file) => {
          const known = this.#files.get(file.file);
          if (
            readAll ||
            known === undefined ||
            known.file.path !== file.path ||
            named.has(file.file) ||
            !isDeepStrictEqual(known.file.cascade, file.cascade)
          )
            return true;
          return (await fileSignature(file.path)) !== known.signature;
        },
        { concurrency: STAT_CONCURRENCY },
      );
      targets = found.files.filter((_, i) => stale[i]);
      // A new folder may have the old one's inode number: its entry's event says it was replaced.
      if (this.#watcher !== undefined && (replaced || (await folderIdentity(root)) !== this.#watchedRoot))
        this.#rewatch();
    } else {
      targets = [...named.values()];
    }

    const outcomes = await readArticles(
      targets,
      parseSettingsOf(
        { ...this.#options, language: this.#language, languages: this.#languages },
        {
          hugo: this.#hugo,
          eleventy: this.#eleventy,
          timeZone: this.#timeZone,
          emoji: this.#emoji,
          permalinks: this.#permalinks,
          cascades: this.#cascades,
        },
      ),
      this.#options.store,
    );
    const next = new Map(this.#files);
    // `fixed`: the file had problems before (its article kept): a change, even to the same article.
    const changes: {
      before: Article | undefined;
      after: Article | undefined;
      broken: boolean;
      fixed: boolean;
    }[] = [];
    const { store } = this.#options;
    // Each file's last good version, remembered by the store for a restart (see ContentStore.markGood).
    const good: [string, string | undefined][] = [];
    for (const key of gone) {
      changes.push({ before: next.get(key)?.article, after: undefined, broken: false, fixed: false });
      next.delete(key);
      good.push([key, undefined]);
    }
    for (const outcome of outcomes) {
      const key = outcome.file.file;
      const previous = next.get(key);
      // Broken since the bot last read it (a restart): its last good version, if the store has it.
      const before =
        previous?.article ??
        (previous === undefined && outcome.kind === 'problems' ? store?.lastGood(key) : undefined);
      if (outcome.kind === 'article') good.push([key, outcome.key]);
      else if (outcome.kind !== 'problems') good.push([key, undefined]);
      // The same text as before (read again by a forced rescan, or touched): the same article, so
      // that nothing is indexed again.
      const state =
        previous !== undefined && outcome.key !== undefined && outcome.key === previous.key
          ? { ...previous, file: outcome.file, signature: outcome.signature }
          : this.#stateOf(outcome, before);
      if (state === undefined) next.delete(key);
      else next.set(key, state);
      changes.push({
        before,
        after: state?.article,
        broken: outcome.kind === 'problems',
        fixed: (previous?.problems.length ?? 0) > 0,
      });
    }
    if (good.length > 0) store?.markGood(good);
    const indexBefore = this.#index;
    const first = !this.#built;
    const buildsChanged = !isDeepStrictEqual(buildsBefore, this.#builds);
    // A rescan that found nothing new (the watcher's after a restart, say) keeps the index: building
    // a large blog's again would leave the heap its garbage, and grow V8's young generation, for
    // nothing. Unless a publish date or expiry has passed that the timer missed (a machine suspended).
    if (
      targets.length > 0 ||
      gone.length > 0 ||
      !this.#built ||
      buildsChanged ||
      (this.#due !== undefined && this.#due <= Date.now())
    )
      this.#swap(next, next.size !== this.#files.size || outcomes.some((o) => !this.#files.has(o.file.file)));
    else if (rescan) this.#logNewProblems();
    // Texts replaced or gone (the first read's are pruned by open() once it is done).
    if (!first && (targets.length > 0 || gone.length > 0)) this.#schedulePrune();
    // An article the index leaves out (a second one at a page another has, a post not out yet or
    // expired) was no article there: counted by the files of the index's articles.
    const inBefore = membership(indexBefore);
    const inAfter = this.#index === indexBefore ? inBefore : membership(this.#index);
    let added = 0;
    let changed = 0;
    let removed = 0;
    let broken = 0;
    let unchanged = 0;
    for (const change of changes) {
      const before = change.before !== undefined && inBefore.has(change.before) ? change.before : undefined;
      const after = change.after !== undefined && inAfter.has(change.after) ? change.after : undefined;
      if (change.broken) broken++;
      else if (before === undefined && after !== undefined) added++;
      else if (before !== undefined && after === undefined) removed++;
      // Another text or cascade, parsed anew (another object): counted by what came out of it.
      else if (before !== after) {
        if (before !== undefined && after !== undefined && !change.fixed && sameArticle(before, after))
          unchanged++;
        else changed++;
      }
    }
    // What the site builds changed (`buildFuture`, `future`, …): posts not read again come in or leave.
    if (buildsChanged) {
      const read = new Set(changes.flatMap((change) => [change.before?.file, change.after?.file]));
      const [filesBefore, filesAfter] = [inBefore.files(), inAfter.files()];
      for (const file of filesAfter) if (!filesBefore.has(file) && !read.has(file)) added++;
      for (const file of filesBefore) if (!filesAfter.has(file) && !read.has(file)) removed++;
    }
    const update = {
      added,
      changed,
      removed,
      broken,
      unchanged,
      articles: this.#index.articles.length,
      ms: Math.round(performance.now() - started),
    };
    // An edit to the site's configuration is said read again, whatever it changed (perhaps nothing).
    if (settings.size > 0)
      this.#options.logger.info(
        { config: [...settings].join(', '), ...update },
        'site configuration read again',
      );
    else if (added + changed + removed + broken + unchanged > 0)
      this.#options.logger.info(update, 'content updated');
    return update;
  }

  /** The file's new state; a broken edit keeps the article's last good version. */
  #stateOf(outcome: FileOutcome, before: Article | undefined): FileState | undefined {
    const { file, signature, key } = outcome;
    switch (outcome.kind) {
      case 'gone':
        return undefined;
      case 'unpublished':
        return { file, signature, key, article: undefined, problems: [] };
      case 'article':
        return { file, signature, key, article: outcome.article, problems: [] };
      case 'problems':
        return { file, signature, key, article: before, problems: outcome.problems };
    }
  }

  /** How the last walk read the site: which folders and files an event is about (see SiteWalk). */
  #walk(): SiteWalk {
    return {
      jekyll: this.#jekyll,
      htmlPosts: this.#htmlPosts,
      bundles: this.#bundles,
      hugo: this.#hugo,
      otherLanguages: this.#otherLanguages,
    };
  }

  /** Builds the next index whole from every file's article, in file order, and puts it in place. */
  #swap(files: Map<string, FileState>, added: boolean): void {
    // A Map keeps its order: sorted again only when a file came in (at the end).
    const sorted = added ? new Map([...files].sort(([a], [b]) => compare(a, b))) : files;
    const articles = [...sorted.values()].flatMap((state) =>
      state.article === undefined ? [] : [state.article],
    );
    const { store } = this.#options;
    const { next, expired, upcoming, ...built } = publishedIndex(articles, {
      language: this.#language,
      languages: this.#languages,
      now: Date.now(),
      builds: this.#builds,
      searchOf: store === undefined ? undefined : (indexed) => store.searchOf(indexed),
    });
    this.#files = sorted;
    this.#built = true;
    this.#swappedAt = performance.now();
    this.#indexProblems = built.problems;
    this.#index = built.index;
    this.#logNewProblems();
    this.#leftOut = { expired: expired.length, upcoming: upcoming.length };
    this.#due = next;
    this.#scheduleRebuild(next);
  }

  /**
   * Builds the index again at `next` (ms since the epoch), when a post comes out at its publish date
   * or expires, without any edit.
   */
  #scheduleRebuild(next: number | undefined): void {
    clearTimeout(this.#rebuildTimer);
    this.#rebuildTimer = undefined;
    if (next === undefined || this.#closed) return;
    const wait = Math.min(Math.max(0, next - Date.now()), MAX_TIMER_MS);
    this.#rebuildTimer = setTimeout(() => {
      // After any refresh under way; a wait cut to MAX_TIMER_MS builds the same index, and waits on.
      this.#queue = this.#queue
        .then(() => {
          if (this.#closed) return;
          const before = this.#leftOut;
          this.#swap(this.#files, false);
          const after = this.#leftOut;
          const articles = this.#index.articles.length;
          if (after.expired > before.expired)
            this.#options.logger.info({ articles }, 'expired posts left out');
          if (after.upcoming < before.upcoming)
            this.#options.logger.info({ articles }, 'posts published at their date');
        })
        .catch((err: unknown) =>
          this.#options.logger.error({ err }, 'could not rebuild the index at a publish date or expiry'),
        );
    }, wait).unref();
  }

  /**
   * Logs each problem once while it lasts (but after a forced refresh); one that is fixed and comes
   * back is logged again.
   */
  #logNewProblems(): void {
    const now = new Set<string>();
    const log = (problem: ContentProblem, how: string, level: 'warn' | 'info' = 'warn'): void => {
      const text = formatProblem(problem);
      now.add(text);
      if (this.#logged.has(text)) return;
      this.#options.logger[level]({ file: problem.file, line: problem.line }, `${how}${text}`);
    };
    // A problem of the site's configuration skips nothing: it says what is read instead.
    for (const problem of this.#walkProblems)
      log(problem, isSettingsFile(dirname(problem.file), basename(problem.file)) ? '' : 'skipped: ');
    for (const state of this.#files.values()) {
      for (const problem of state.problems)
        log(problem, state.article !== undefined ? 'kept the last good version: ' : 'skipped: ');
      // A tag the bot cannot show: the post is read without it (see Article.leftOutTags).
      for (const problem of state.article?.leftOutTags ?? [])
        log(problem, 'tag left out, the post read without it: ');
      // What is said of its headings (see Article.headingNotes): a name its own `sections` gives that
      // no heading has is a mistake; a heading whose words name a kind (`5 tips for …`), a suggestion.
      for (const problem of state.article?.headingNotes ?? [])
        log(problem, 'a note on its headings: ', problem.field === 'sections' ? 'warn' : 'info');
    }
    for (const problem of this.#indexProblems) log(problem, 'skipped: ');
    this.#logged = now;
  }
}

/**
 * Whether two parses of one file gave the same article: its fields, then its sections (read from the
 * store only then). A stored article's `id` is its row's, another for each text and cascade.
 */
function sameArticle(a: Article, b: Article): boolean {
  const fields = (article: Article): object => ({ ...article, id: undefined, sections: undefined });
  return isDeepStrictEqual(fields(a), fields(b)) && isDeepStrictEqual(a.sections, b.sections);
}

/** Links followed at most, as systems bound a path's (40 on Linux): a loop of links ends there. */
const MAX_LINKS = 40;

/**
 * The symbolic links along `folder` (itself included), as written, and along where each points, so
 * that a chain (`current` → `live` → `releases/5`) is watched link by link: switching any of them
 * changes the folder read.
 */
async function linksAbove(folder: string, links = new Set<string>()): Promise<Set<string>> {
  for (let path = folder; dirname(path) !== path && links.size < MAX_LINKS; path = dirname(path)) {
    if (links.has(path)) continue;
    const info = await lstat(path).catch(() => undefined);
    if (info?.isSymbolicLink() !== true) continue;
    links.add(path);
    const target = await readlink(path).catch(() => undefined);
    // Relative to where the link really is: `..` in it is the real parent's, not the path's as written.
    const from = await realpath(dirname(path)).catch(() => dirname(path));
    if (target !== undefined) await linksAbove(resolve(from, target), links);
  }
  return links;
}

/** A folder's identity (device and inode), or undefined when it is not there. */
async function folderIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    // A folder made right after one is removed may get its inode number: the event of its entry in
    // the parent says so (see #refresh). Not its birth time: where the system gives none, Node gives
    // the change time, which every file added to the folder moves.
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether an index lists a file's article (any article of that file: a second one at a taken slug
 * is listed under a slug made for it). Found by its slug, as nearly all are; the set of the index's
 * files is made only for one that is not, so that an edit costs no walk over a large blog's articles.
 */
function membership(index: ContentIndex): { has(article: Article): boolean; files(): ReadonlySet<string> } {
  let files: ReadonlySet<string> | undefined;
  const all = (): ReadonlySet<string> => (files ??= new Set(index.articles.map((article) => article.file)));
  return {
    has: (article) => index.bySlug(article.slug)?.file === article.file || all().has(article.file),
    files: all,
  };
}
