import type { Dirent } from 'node:fs';
import { open, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import pMap from 'p-map';
import type { Article, ContentProblem } from '../core/article.js';
import type { ArticleSource, ParseResult } from '../core/parse-article.js';
import { DEFAULT_ARTICLE_URL } from '../core/article-url.js';
import {
  GENERATOR_DEFAULTS,
  hugoPermalinkSections,
  hugoPermalinks,
  hugoPublishedPattern,
  jekyllPermalink,
  NO_PERMALINKS,
  jekyllDefaults,
  jekyllDefaultValues,
  jekyllSitePath,
  withoutCollectionsDir,
  sitePermalinkOf,
  translationFolder,
  translationHost,
  type SitePermalink,
  type SitePermalinks,
} from '../core/site-permalinks.js';
import { fieldOf, hugoPagePath, isFields, mergeCascades, type Cascade } from '../core/cascade.js';
import {
  hugoSectionOf,
  isMainSection,
  mainSectionsOf,
  type HugoMainSections,
} from '../core/hugo-sections.js';
import {
  DEFAULT_CONTENT_LANGUAGE,
  inLanguage as translationsIn,
  languageCode,
  splitLanguage,
} from '../core/content-language.js';
import { publishedIndex, type ContentIndex } from '../core/content-index.js';
import { deepestTomlLine, parseTomlData } from '../core/toml-data.js';
import { DataShapeError, deepestLine } from '../core/data-shape.js';
import { DEFAULT_BUILDS, type SiteBuilds } from '../core/publication.js';
import {
  accessHint,
  fileKey,
  MAX_FILE_BYTES,
  readFailure,
  signatureOf,
  tooLargeMessage,
  type ReadAs,
} from './article-bytes.js';
import type { ContentStore } from './content-store.js';
import { resultOf, type FileBytes, type ReadParsed } from './parse-file.js';
import { ParsePool } from './parse-pool.js';
import { siteAddressOf, type SiteAddress } from '../core/site-address.js';
import {
  eleventyDataAt,
  isDataFileName,
  NO_ELEVENTY_DATA,
  readEleventyData,
  templateKey,
  type EleventyData,
} from './eleventy-data-files.js';
import { eleventyIgnored } from './eleventy-ignore.js';
import { isYes } from '../core/yes-no.js';
import { canonicalZone, either } from '../core/zoned-time.js';
import { meantBy } from '../core/schedule.js';
import { jsonKeyLines, lastKeyLine } from '../core/key-line.js';
import { mayEscapeSurrogates, wellFormedData } from '../core/well-formed.js';

/** Files read at the same time: enough to keep libuv's thread pool busy, few enough for any ulimit. */
const READ_CONCURRENCY = 32;
/**
 * Files read, parsed and stored before the next ones are read: the texts of 10,000 files held at
 * once would be tens of megabytes of heap that the process keeps once grown.
 */
const CHUNK = 500;

export interface LoadedContent {
  readonly index: ContentIndex;
  readonly problems: readonly ContentProblem[];
  readonly fileCount: number;
  /** Files of `_posts` without front matter, which Jekyll copies as they are: no articles, nor problems. */
  readonly staticFiles: readonly string[];
  /** Articles past their expiry date (Hugo's `expiryDate`) now: left out of the index. */
  readonly expired: readonly Article[];
  /** Articles the blog does not publish yet, dated in the future (Hugo, Jekyll): left out of the index. */
  readonly upcoming: readonly Article[];
  /** Which generator's site the folder was found to be (see {@link FoundArticles}). */
  readonly site: Pick<
    FoundArticles,
    | 'jekyll'
    | 'hugo'
    | 'eleventy'
    | 'notes'
    | 'timeZone'
    | 'hugoMain'
    | 'sitePages'
    | 'hugoSectionsRead'
    | 'undatedPosts'
  > & {
    /** Where the content folder is in Hugo's content, when inside it (`posts` for `content/posts`). */
    readonly hugoPrefix?: string;
  };
  /** The pattern a file's address is made from, and what set it, as notes name it (`ARTICLE_URL`). */
  readonly addressPattern: (
    file: string,
  ) => { readonly pattern: string; readonly setting: string } | undefined;
}

/**
 * Reads every `**\/*.md` under `dir`, parses and indexes the valid articles, and reports the others.
 * Files are read in sorted order, so that which of two duplicate slugs wins does not depend on the disk.
 */
export async function loadContent(
  dir: string,
  siteUrl: string | undefined,
  articleUrl?: string,
  language?: string,
): Promise<LoadedContent> {
  const found = await findArticles(dir, { language });
  const { files, problems } = found;
  const articles: Article[] = [];
  const staticFiles: string[] = [];
  const settings = parseSettingsOf(
    { siteUrl, articleUrl, dir, language: found.language, languages: found.languages },
    found,
  );
  for (const outcome of await readArticles(files, settings)) {
    if (outcome.kind === 'article') articles.push(outcome.article);
    else if (outcome.kind === 'problems') problems.push(...outcome.problems);
    else if (outcome.kind === 'unpublished' && outcome.staticFile === true)
      staticFiles.push(outcome.file.file);
  }
  const {
    index,
    problems: indexProblems,
    expired,
    upcoming,
  } = publishedIndex(articles, {
    language: found.language,
    languages: found.languages,
    now: Date.now(),
    builds: found.builds,
  });
  const { jekyll, hugo, eleventy, notes, timeZone, hugoMain, sitePages, hugoSectionsRead, undatedPosts } =
    found;
  return {
    index,
    problems: [...problems, ...indexProblems],
    fileCount: files.length,
    staticFiles,
    expired,
    upcoming,
    site: {
      jekyll,
      hugo,
      eleventy,
      notes,
      timeZone,
      hugoMain,
      sitePages,
      ...(hugoSectionsRead === undefined ? {} : { hugoSectionsRead }),
      ...(undatedPosts === undefined ? {} : { undatedPosts }),
      ...(settings.hugoPrefix === undefined || settings.hugoPrefix === ''
        ? {}
        : { hugoPrefix: settings.hugoPrefix }),
    },
    addressPattern: (file) => {
      const { source, setting } = addressChoice(settings, file);
      // None: the configuration's note says why.
      if (source.articleUrl === null) return undefined;
      return { pattern: source.articleUrl ?? DEFAULT_ARTICLE_URL, setting };
    },
  };
}

/** What the articles' addresses are made from (see {@link parseArticle}). */
export interface ParseSettings {
  readonly siteUrl: string | undefined;
  readonly articleUrl?: string | undefined;
  /** The content folder, which the files' names start with: what is inside it gives ARTICLE_URL's `:section`. */
  readonly dir?: string | undefined;
  /** The language read of a post's translations (`post.fr.md`): see FoundArticles.language. */
  readonly language?: string | undefined;
  /** The languages the site's configuration sets up: see FoundArticles.languages. */
  readonly languages?: readonly string[] | undefined;
  /** Whether the content folder is in an Eleventy site (see {@link FoundArticles.eleventy}). */
  readonly eleventy?: boolean | undefined;
  /** Whether it is (or is in) a Hugo site's content (see {@link FoundArticles.hugo}). */
  readonly hugo?: boolean | undefined;
  /** The site's time zone (see {@link FoundArticles.timeZone}): undefined for UTC. */
  readonly timeZone?: string | undefined;
  /** Whether emoji shortcodes are emoji (see {@link FoundArticles.emoji}). */
  readonly emoji?: boolean | undefined;
  /** The addresses the site's configuration gives its posts (see {@link FoundArticles.permalinks}). */
  readonly permalinks?: SitePermalinks | undefined;
  /** In a Hugo site's content, the path of the content folder there (`posts` for `content/posts`). */
  readonly hugoPrefix?: string | undefined;
}

/**
 * The settings the files a walk found are parsed with: at a Hugo site's own folder, their paths
 * (`:sections`) start at its content folder, as Hugo's do; in an Eleventy site, Eleventy's reading.
 */
export function parseSettingsOf(
  settings: ParseSettings,
  {
    hugo,
    eleventy,
    timeZone,
    emoji,
    permalinks,
    cascades,
  }: Pick<FoundArticles, 'hugo' | 'eleventy' | 'timeZone' | 'emoji' | 'permalinks'> & {
    readonly cascades?: Pick<HugoCascades, 'above'>;
  },
): ParseSettings {
  const { dir } = settings;
  return {
    ...settings,
    dir: dir === undefined || !hugo ? dir : join(dir, hugo),
    eleventy,
    hugo: hugo !== undefined,
    timeZone,
    emoji,
    permalinks,
    hugoPrefix: hugoPrefixOf(cascades),
  };
}

/** Where the content folder is in Hugo's content, as a path with `/` (`posts` for `content/posts`), if inside it. */
export function hugoPrefixOf(cascades: Pick<HugoCascades, 'above'> | undefined): string | undefined {
  return cascades?.above?.prefix.split(sep).join('/');
}

/** How a file's address is made (see {@link addressOf}), and what set its pattern, as notes name it. */
interface AddressChoice {
  readonly source: Pick<
    ArticleSource,
    'articleUrl' | 'contentPath' | 'urlRules' | 'fileNameDates' | 'hugoSections'
  >;
  readonly setting: string;
}

/**
 * What the address of the file named `file` is made from: the pattern the site's configuration gives
 * it; else ARTICLE_URL; else, in a Hugo or Jekyll site, where that generator puts a post by default;
 * else DEFAULT_ARTICLE_URL. A generator's own pattern is filled by its rules, a Hugo site's with the
 * file's path from the top of Hugo's content (its sections, as Hugo fills them).
 */
function addressChoice(
  { articleUrl, dir, hugo, permalinks, hugoPrefix }: ParseSettings,
  file: string,
): AddressChoice {
  const inContent = contentPathOf(dir, file);
  // A Jekyll post's path as Jekyll counts it: its folders are its categories.
  const contentPath =
    inContent === undefined || permalinks === undefined ? inContent : jekyllSitePath(permalinks, inContent);
  const hugoPath =
    hugo === true && contentPath !== undefined
      ? hugoPrefix === undefined || hugoPrefix === ''
        ? contentPath
        : `${hugoPrefix}/${contentPath}`
      : undefined;
  const own = permalinks === undefined ? undefined : sitePermalinkOf(permalinks, hugoPath, contentPath);
  const generator = permalinks?.generator;
  // A generator's own pattern, filled by its rules.
  const fileNameDates = hugo === true ? permalinks?.fileNameDates : undefined;
  const dates = fileNameDates === undefined ? {} : { fileNameDates };
  // Hugo puts a language's pages under its folder (`/fr/posts/x/`): see SitePermalinks.languagePrefix
  // and SitePermalinks.translations.
  const language =
    generator === 'hugo'
      ? (permalinks?.languagePrefix ?? translationFolder(permalinks?.translations, file))
      : undefined;
  // …or at the top of its language's own host (see SitePermalinks.translations).
  const host = generator === 'hugo' ? translationHost(permalinks?.translations, file) : undefined;
  const inLanguage = (pattern: string | null): string | null =>
    pattern === null
      ? pattern
      : host !== undefined
        ? `${host.replace(/\/+$/, '')}${pattern.startsWith('/') ? '' : '/'}${pattern}`
        : language === undefined
          ? pattern
          : `/${language}${pattern.startsWith('/') ? '' : '/'}${pattern}`;
  const byGenerator = (
    pattern: string | null,
    setting: string,
    sections?: Pick<ArticleSource, 'hugoSections'>,
  ): AddressChoice => ({
    source:
      generator === 'hugo'
        ? { articleUrl: inLanguage(pattern), contentPath: hugoPath, urlRules: 'hugo', ...dates, ...sections }
        : { articleUrl: pattern, contentPath, urlRules: 'jekyll' },
    setting,
  });
  // Hugo's `:sections` in its permalinks is the page's section's path (see hugoPermalinkSections),
  // and its pages are where Hugo writes them, not as the pattern ends (see hugoPublishedPattern).
  if (own !== undefined && 'pattern' in own)
    return byGenerator(
      generator === 'hugo' ? hugoPublishedPattern(own.pattern, permalinks?.ugly === true) : own.pattern,
      "the site's permalink",
      generator === 'hugo' && hugoPath !== undefined && own.pattern.includes(':sections')
        ? { hugoSections: hugoPermalinkSections(hugoPath, permalinks?.hugoSections ?? []) }
        : undefined,
    );
  // In a Hugo site, its tokens (`:sections`) count from its content folder, as Hugo's do, wherever in
  // it CONTENT_DIR is (`content/posts` gives the same addresses as `content`).
  if (articleUrl !== undefined || generator === undefined)
    return { source: { articleUrl, contentPath: hugoPath ?? contentPath, ...dates }, setting: 'ARTICLE_URL' };
  // The site's own pattern the bot cannot fill, and no ARTICLE_URL: no link rather than a wrong one
  // (the rules keep such a parse apart from one under ARTICLE_URL in the store).
  if (own !== undefined) return byGenerator(null, "the site's permalink");
  const fallback =
    generator === 'hugo' && permalinks?.ugly === true
      ? GENERATOR_DEFAULTS.hugoUgly
      : GENERATOR_DEFAULTS[generator];
  return byGenerator(fallback, `${generator === 'hugo' ? 'Hugo' : 'Jekyll'}'s default address`);
}

function addressOf(settings: ParseSettings, file: string): AddressChoice['source'] {
  return addressChoice(settings, file).source;
}

/** One file read and parsed: an article, its problems, a draft, or a file that is gone. */
export type FileOutcome = (
  | { readonly kind: 'article'; readonly article: Article }
  | { readonly kind: 'problems'; readonly problems: readonly ContentProblem[] }
  | { readonly kind: 'unpublished'; readonly staticFile?: true }
  | { readonly kind: 'gone' }
) & {
  readonly file: ArticleFile;
  /** Changes when the file is written again (inode, size, modification time); absent when gone. */
  readonly signature?: string | undefined;
  /** The file's key in the {@link ContentStore}, when it was read. */
  readonly key?: string;
};

/**
 * Reads many files at once (the disk waits overlap) and parses them (on every core when they are
 * many, see ParsePool), or takes what `store` holds of a file with the same name and text. What is
 * parsed is put in the store, which keeps the articles' sections. The outcomes are in the order of
 * `files`.
 */
export async function readArticles(
  files: readonly ArticleFile[],
  settings: ParseSettings,
  store?: ContentStore,
): Promise<FileOutcome[]> {
  // Many files (a start, a folder replaced) are stored in bulk: see ContentStore.bulk.
  return files.length >= CHUNK && store !== undefined
    ? store.bulk(() => readAndStore(files, settings, store))
    : readAndStore(files, settings, store);
}

async function readAndStore(
  files: readonly ArticleFile[],
  settings: ParseSettings,
  store: ContentStore | undefined,
): Promise<FileOutcome[]> {
  const pool = new ParsePool();
  const chunks: (readonly ArticleFile[])[] = [];
  for (let start = 0; start < files.length; start += CHUNK) chunks.push(files.slice(start, start + CHUNK));
  const outcomes: FileOutcome[][] = [];
  // Chunks read but not yet parsed and stored, oldest first: at most two, so that the workers have
  // the next one while this thread stores the last (the disk waits overlap the workers' work too),
  // and the bytes held stay bounded.
  const parsing: Promise<void>[] = [];
  // Once the store is found to know few of the files (a first start, new settings), the workers
  // read the files too: this thread's reads and hashes cost as much as the workers' parsing.
  let workersRead = store === undefined || store.isEmpty();
  try {
    for (const [i, chunk] of chunks.entries()) {
      if (parsing.length === 2) await parsing.shift();
      let parsed: Promise<void>;
      if (workersRead) {
        parsed = readAndParseChunk(chunk, settings, pool, store).then(async (chunkOutcomes) => {
          outcomes[i] =
            chunkOutcomes ?? (await parseChunk(await readChunk(chunk, settings, store), pool, store));
        });
      } else {
        const read = await readChunk(chunk, settings, store);
        workersRead = read.missing.length * 2 > chunk.length;
        parsed = parseChunk(read, pool, store).then((chunkOutcomes) => {
          outcomes[i] = chunkOutcomes;
        });
      }
      // Its failure is met when it is awaited: meanwhile it is no unhandled rejection.
      parsed.catch(() => undefined);
      parsing.push(parsed);
    }
    await Promise.all(parsing);
    return outcomes.flat();
  } finally {
    // A failed read leaves chunks parsing: done with before the workers end.
    await Promise.allSettled(parsing);
    await pool.close();
  }
}

/**
 * Has the workers read and parse the files (see ParsePool.readAndParse), keeps what they parsed in
 * the store, and gives every file's outcome; or nothing, when the files are to be read here.
 */
async function readAndParseChunk(
  files: readonly ArticleFile[],
  settings: ParseSettings,
  pool: ParsePool,
  store: ContentStore | undefined,
): Promise<FileOutcome[] | undefined> {
  const { siteUrl, language, languages, eleventy, hugo, timeZone, emoji } = settings;
  const read = await pool.readAndParse(
    files.map(({ path, file, cascade }) => ({
      path,
      file,
      cascade,
      siteUrl,
      ...addressOf(settings, file),
      language,
      languages,
      eleventy,
      hugo,
      timeZone,
      emoji,
    })),
  );
  if (read === undefined) return undefined;
  const parsed = read.filter((outcome) => outcome.kind === 'parsed');
  const kept = store?.putAll(parsed);
  let next = 0;
  return read.map((outcome: ReadParsed, i): FileOutcome => {
    const file = files[i] ?? { path: '', file: '' };
    if (outcome.kind === 'gone') return { kind: 'gone', file };
    if (outcome.kind === 'problems') {
      return { kind: 'problems', problems: outcome.problems, file, signature: outcome.signature };
    }
    const { key, signature, form } = outcome;
    return outcomeOf(kept?.[next++] ?? resultOf(form), file, signature, key);
  });
}

/** The path of `file` (as problems name it) inside the content folder `dir`: see ArticleSource.contentPath. */
function contentPathOf(dir: string | undefined, file: string): string | undefined {
  return dir === undefined ? undefined : posixRelative(dir, file);
}

function outcomeOf(
  result: ParseResult,
  file: ArticleFile,
  signature: string | undefined,
  key: string,
): FileOutcome {
  if (result.ok) return { kind: 'article', article: result.article, file, signature, key };
  if (result.unpublished === true) {
    const why = result.staticFile === true ? { staticFile: true as const } : {};
    return { kind: 'unpublished', ...why, file, signature, key };
  }
  return { kind: 'problems', problems: result.problems, file, signature, key };
}

/** A chunk of files read: their outcomes so far, what the store knew of them, and what is left to parse. */
interface ReadChunk {
  readonly read: readonly ReadOutcome[];
  readonly missing: readonly FileBytes[];
  readonly missingKeys: readonly string[];
}

async function readChunk(
  files: readonly ArticleFile[],
  settings: ParseSettings,
  store: ContentStore | undefined,
): Promise<ReadChunk> {
  const { siteUrl, language, languages, eleventy, hugo, timeZone, emoji } = settings;
  const read = await pMap(
    files,
    (file) =>
      readArticle(file, store, {
        ...addressOf(settings, file.file),
        language,
        languages,
        eleventy,
        hugo,
        cascade: file.cascade,
        timeZone,
        emoji,
      }),
    { concurrency: READ_CONCURRENCY },
  );
  const missing: FileBytes[] = [];
  const missingKeys: string[] = [];
  for (const outcome of read) {
    if (outcome.kind !== 'read' || outcome.bytes === undefined) continue;
    const { file, cascade } = outcome.file;
    missing.push({
      file,
      cascade,
      bytes: outcome.bytes,
      siteUrl,
      ...addressOf(settings, file),
      language,
      languages,
      eleventy,
      hugo,
      timeZone,
      emoji,
    });
    missingKeys.push(outcome.key);
  }
  return { read, missing, missingKeys };
}

/** Parses what the store did not know of a chunk, keeps it there, and gives every file's outcome. */
async function parseChunk(
  { read, missing, missingKeys }: ReadChunk,
  pool: ParsePool,
  store: ContentStore | undefined,
): Promise<FileOutcome[]> {
  const parsed = (await pool.parse(missing)).map(({ form, lasting }, i) => ({
    key: missingKeys[i] ?? '',
    form,
    lasting,
  }));
  // A worker's failure is not the file's: not stored, so tried again at the next start.
  const kept = store?.putAll(parsed.filter((entry) => entry.lasting));
  let next = 0;
  let nextKept = 0;
  return read.map((outcome): FileOutcome => {
    if (outcome.kind !== 'read') return outcome;
    const { file, signature, key } = outcome;
    let result = outcome.known;
    if (result === undefined) {
      const fresh = parsed[next++];
      if (fresh === undefined) result = { ok: false, problems: [{ file: file.file, message: 'not parsed' }] };
      else if (kept !== undefined && fresh.lasting) result = kept[nextKept++] ?? resultOf(fresh.form);
      else result = resultOf(fresh.form);
    }
    return outcomeOf(result, file, signature, key);
  });
}

/** Reads the file from its start into `buffer` until it is full or the file ends; the bytes read. */
async function readInto(path: string, buffer: Buffer): Promise<number> {
  const handle = await open(path, 'r');
  try {
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length;
  } finally {
    await handle.close();
  }
}

/** The signature of a file as `stat` describes it: equal signatures mean the file was not written since. */
export async function fileSignature(path: string): Promise<string | undefined> {
  try {
    return signatureOf(await stat(path));
  } catch {
    return undefined;
  }
}

export interface FoundArticles {
  /** Sorted by name. */
  readonly files: ArticleFile[];
  readonly problems: ContentProblem[];
  /** Folders that could not be read (as files are named: `content/posts`), the content folder's own first. */
  readonly unread: readonly string[];
  /** The folders read (real paths), the content folder first: what a watcher watches. */
  readonly folders: readonly string[];
  /** Whether the content folder is a Jekyll site's (see {@link isJekyllConfig}): only its posts are read. */
  readonly jekyll: boolean;
  /**
   * Whether posts written in HTML are read (see {@link isArticlePath}): in a Jekyll site's folder, or
   * its `_posts` folder (beside its configuration).
   */
  readonly htmlPosts?: boolean;
  /**
   * In a Hugo site's content (see {@link findHugoContent}), the folder inside the content folder
   * that is Hugo's own (`''`, or `content`, its `contentDir`, when the content folder is the site's);
   * else undefined.
   */
  readonly hugo: string | undefined;
  /**
   * In a Hugo site with a content folder per language, the other languages' folders inside the one read
   * (`content/fr` in `content`, English's), relative to the content folder: not walked (see findHugoSite).
   */
  readonly otherLanguages: ReadonlySet<string>;
  /**
   * Whether the content folder is in an Eleventy site (see eleventyConfigOf), and no Jekyll
   * or Hugo site's: a text `tags` is one tag, and a `_posts` folder is a folder like any other.
   */
  readonly eleventy: boolean;
  /** In a Hugo site, its leaf bundles (see {@link isLeafBundle}), relative to the content folder. */
  readonly bundles: ReadonlySet<string>;
  /** In a Hugo site, what its configuration and `_index.md` files cascade (see {@link HugoCascades}). */
  readonly cascades: HugoCascades;
  /** In an Eleventy site, what its JSON data files give its posts (see {@link EleventyData}). */
  readonly eleventyData: EleventyData;
  /** In a Jekyll site, what its configuration gives every post as its front matter would (`excerpt_separator`). */
  readonly jekyllFields?: Readonly<Record<string, unknown>> | undefined;
  /**
   * What the site's configuration says it builds of the posts its generator would leave out: Hugo's
   * `buildFuture` and `buildExpired`, Jekyll's `future` (see {@link hugoConfigOf}, {@link jekyllConfigOf}).
   */
  readonly builds: SiteBuilds;
  /**
   * The zone its generator reads a date written without one in: Hugo's `timeZone`, Jekyll's
   * `timezone` (see {@link zoneSetting}), as Intl names it; undefined for UTC.
   */
  readonly timeZone: string | undefined;
  /**
   * The folders above the content folder whose configuration was read (real paths): a Hugo site's
   * (and its `config/_default`), the Jekyll site's whose `_posts` it is. What a watcher watches too,
   * for edits to that configuration (see {@link isSettingsFile}).
   */
  readonly settingFolders: readonly string[];
  /**
   * The addresses the site's configuration gives its posts: Hugo's `permalinks`, Jekyll's
   * `permalink` (see site-permalinks.ts).
   */
  readonly permalinks: SitePermalinks;
  /**
   * Said, not problems: the configuration's patterns the bot cannot fill, whose posts take
   * ARTICLE_URL instead (`hugo.toml:4: permalinks posts: …`).
   */
  readonly notes: readonly string[];
  /**
   * The Markdown files of a Jekyll site's `_posts` that Jekyll publishes as no post, their names
   * without a date (see isJekyllPostName), sorted; said by {@link undatedPostsNote}.
   */
  readonly undatedPosts?: readonly string[];
  /**
   * At a Hugo site's content folder (or its own), which of its pages are posts (see
   * {@link HugoMainSections}); undefined elsewhere, where every page is, and in a site with a content
   * folder per language.
   */
  readonly hugoMain: HugoMainSections | undefined;
  /**
   * Whether the site turns emoji shortcodes into emoji (see ArticleSource.emoji): a Hugo site's
   * `enableEmoji`, a Jekyll site's jemoji plugin, an Eleventy site's markdown-it-emoji; true in a
   * folder of no generator's.
   */
  readonly emoji: boolean;
  /** The pages of that site left out as no post (`about.md`), as files are named. */
  readonly sitePages: readonly string[];
  /**
   * Of a Hugo site without `mainSections` whose pages are in several sections, each section read and
   * how many pages it holds, by name: a docs section is read as posts too, which content:check says.
   */
  readonly hugoSectionsRead?: readonly { readonly name: string; readonly pages: number }[];
  /**
   * The language read of a Hugo site's translations (see content-language.ts): CONTENT_LANGUAGE, else
   * the site's `defaultContentLanguage`, else `en`.
   */
  readonly language: string;
  /**
   * CONTENT_LANGUAGE unset, and the Hugo site's configuration could not be read (a typo being
   * fixed): `language` is a guess, which a running bot does not switch to (see ContentLibrary).
   */
  readonly languageUnread?: true;
  /** The languages a Hugo site's configuration sets up (`[languages.fr]`), lowercased; else none. */
  readonly languages: readonly string[];
}

/**
 * Whether `name`, in one of {@link FoundArticles.settingFolders}, is a configuration file the walk
 * reads: Hugo's or Jekyll's by name, or any file of Hugo's `config/_default`.
 */
export function isSettingsFile(folder: string, name: string): boolean {
  return (
    isHugoConfig(name) ||
    isOldHugoConfig(name) ||
    isJekyllConfig(name) ||
    (HUGO_CONFIG_FOLDERS.includes(basename(folder)) && basename(dirname(folder)) === 'config')
  );
}

/**
 * Hugo's folders of configuration under `config/`: `production`'s, which `hugo` builds the site with
 * unless told another environment, over `_default`'s.
 */
const HUGO_CONFIG_FOLDERS = ['production', '_default'];

export interface ArticleFile {
  /** Where to read it: its real path. */
  readonly path: string;
  /** How to name it in problems: as found under `dir`, relative to the working directory. */
  readonly file: string;
  /**
   * What the site gives it as its front matter would (see {@link cascadeOf}): in a Hugo site, what the
   * `_index.md` files above it cascade; in an Eleventy site, its JSON data files' fields; in a Jekyll
   * site, its configuration's `excerpt_separator` and its `defaults`' values for the post.
   */
  readonly cascade?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * What the site gives the page at `inside` (relative to the content folder) as its front matter would:
 * a Hugo site's cascades, an Eleventy site's data files, a Jekyll site's configuration.
 */
export function cascadeOf(
  inside: string,
  found: Pick<FoundArticles, 'cascades' | 'hugo' | 'eleventyData' | 'jekyllFields' | 'permalinks'>,
): Readonly<Record<string, unknown>> | undefined {
  return (
    cascadeAt(inside, found.cascades, found.hugo) ??
    eleventyDataAt(inside, found.eleventyData) ??
    jekyllFieldsAt(inside, found)
  );
}

/**
 * What a Jekyll site's configuration gives the post at `inside`: its `excerpt_separator`, then what
 * its `defaults` give the post's path (see jekyllDefaultValues), nearer.
 */
function jekyllFieldsAt(
  inside: string,
  { jekyllFields, permalinks }: Pick<FoundArticles, 'jekyllFields' | 'permalinks'>,
): Readonly<Record<string, unknown>> | undefined {
  const { jekyllDefaults: defaults, jekyllPrefix: prefix = '' } = permalinks;
  const path = jekyllSitePath(permalinks, inside.split(sep).join('/'));
  const values =
    defaults === undefined
      ? undefined
      : jekyllDefaultValues(defaults, prefix === '' ? path : `${prefix}/${path}`);
  return values === undefined ? jekyllFields : { ...jekyllFields, ...values };
}

/** What a Hugo site cascades to its pages (see cascadesOf). */
export interface HugoCascades {
  /** Its configuration's `cascade` (not a language's): farther than any `_index.md`'s. */
  readonly site: readonly Cascade[];
  /**
   * Its `_index.md` files', by folder (relative to the content folder), then by the language in the
   * file's name (`_index.fr.md`; `''` for none).
   */
  readonly folders: ReadonlyMap<string, ReadonlyMap<string, readonly Cascade[]>>;
  /**
   * With the content folder inside Hugo's (`content/posts`): its path there (`posts`), which begins
   * each page's Hugo path, and the cascades of the `_index.md` files in the folders above it, by
   * their folder in Hugo's content (read when the walk starts; they are not watched).
   */
  readonly above?: { readonly prefix: string; readonly folders: HugoCascades['folders'] };
}

export const NO_CASCADES: HugoCascades = { site: [], folders: new Map() };

/** Hugo's branch bundle page, which holds the cascade: `_index.md` (`_index.fr.md` in French). */
export function isCascadeIndex(name: string): boolean {
  return /^_index\.(md|markdown|mdx)$/.test(splitLanguage(name.toLowerCase()).name);
}

/**
 * What Hugo's `_index.md` files cascade to the page at `inside` (relative to the content folder), in
 * Hugo's content (`hugo`, see {@link FoundArticles.hugo}): those of its folder and every folder above
 * it, in its language (`_index.fr.md` for `post.fr.md`), else without one (see mergeCascades).
 */
export function cascadeAt(
  inside: string,
  cascades: HugoCascades,
  hugo: string | undefined,
): Record<string, unknown> | undefined {
  const { above } = cascades;
  if (
    hugo === undefined ||
    (cascades.site.length === 0 && cascades.folders.size === 0 && (above?.folders.size ?? 0) === 0)
  )
    return undefined;
  const folders = inside.split(sep);
  const { language = '' } = splitLanguage(folders.pop() ?? '');
  const levels: (readonly Cascade[])[] = cascades.site.length === 0 ? [] : [cascades.site];
  const levelOf = (byFolder: HugoCascades['folders'], folder: string): void => {
    const own = byFolder.get(folder);
    const level = own?.get(language) ?? own?.get('');
    if (level !== undefined) levels.push(level);
  };
  const prefix = above === undefined ? [] : above.prefix.split(sep);
  if (above !== undefined)
    for (let depth = 0; depth < prefix.length; depth++)
      levelOf(above.folders, prefix.slice(0, depth).join(sep));
  for (let depth = 0; depth <= folders.length; depth++)
    levelOf(cascades.folders, folders.slice(0, depth).join(sep));
  if (levels.length === 0) return undefined;
  const path = join(...prefix, relative(hugo, inside));
  return mergeCascades(levels, hugoPagePath(path.split(sep).join('/')));
}

/**
 * The cascades of the `_index.md` files at `indexes` (relative to the content folder at `root`);
 * one that cannot be read is a problem, named by its file and line (the pages below it are read
 * without it), as is what cascadesOf leaves out of one (the rest is read).
 */
async function readCascades(
  root: string,
  indexes: readonly string[],
  name: (inside: string) => string,
  problems: ContentProblem[],
): Promise<HugoCascades['folders']> {
  const cascades = new Map<string, Map<string, readonly Cascade[]>>();
  const read = await pMap(
    indexes,
    async (inside) => {
      try {
        const info = await stat(join(root, inside));
        if (!info.isFile()) return undefined;
        if (info.size > MAX_FILE_BYTES) return { problem: tooLargeMessage(info.size) };
        const text = await readFile(join(root, inside), 'utf8');
        return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
      } catch (error) {
        const reason = readFailure(error);
        return reason === undefined ? undefined : { problem: reason };
      }
    },
    { concurrency: READ_CONCURRENCY },
  );
  for (const [i, inside] of indexes.entries()) {
    const outcome = read[i];
    if (outcome === undefined) continue;
    if ('problem' in outcome) {
      problems.push({ file: name(inside), message: outcome.problem });
      continue;
    }
    const { readFrontMatter, cascadesOf } = await cascadeReaders();
    const block = readFrontMatter(outcome.text);
    if (!block.ok) {
      problems.push({ file: name(inside), line: block.line, message: block.message });
      continue;
    }
    const found = cascadesOf(block.data);
    const cascadeLine = (): number =>
      outcome.text
        .split('\n', block.blockLines)
        .findIndex((text) => /^\s*(\[+\s*)?["']?cascade\b/i.test(text)) + 1 || 1;
    if (!found.ok) {
      problems.push({ file: name(inside), line: cascadeLine(), field: 'cascade', message: found.message });
      continue;
    }
    // What is left out is named once here, not on every page below.
    for (const message of found.problems ?? [])
      problems.push({ file: name(inside), line: cascadeLine(), field: 'cascade', message });
    if (found.cascades.length === 0) continue;
    const folders = inside.split(sep);
    const { language = '' } = splitLanguage(folders.pop() ?? '');
    const folder = folders.join(sep);
    const own = cascades.get(folder) ?? new Map<string, readonly Cascade[]>();
    own.set(language, found.cascades);
    cascades.set(folder, own);
  }
  return cascades;
}

/**
 * The `.md` files under `dir`, each real file once and sorted by name, and the links skipped; in a
 * Jekyll site's folder, only its posts: those in its `_posts` folders (see {@link isWalkedFolder}),
 * named with a date (see {@link isArticlePath}).
 * Walked by hand rather than with `readdir({ recursive: true })`, which follows links to folders: a
 * link to `..` reads everything again until the system reports a loop, and one to `/` the whole disk.
 * Folders are entered only as themselves, so each one inside the content folder is walked once; a link
 * is followed only to a file inside the content folder.
 */
export async function findArticles(
  dir: string,
  {
    beforeRead,
    language: wanted,
  }: {
    beforeRead?: (folder: string) => void;
    /**
     * CONTENT_LANGUAGE: in a Hugo site with a content folder per language, the one read (see
     * findHugoSite). Unset: the site's default language (see {@link FoundArticles.language}).
     */
    language?: string | undefined;
  } = {},
): Promise<FoundArticles> {
  const problems: ContentProblem[] = [];
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A `~` written in .env is no shell's: nothing expands it.
    const tilde = /^~(?:[/\\]|$)/.test(dir) ? ' (a leading ~ is not expanded: write the full path)' : '';
    const reason =
      code === 'ENOENT'
        ? `the folder does not exist${tilde}`
        : `cannot read the folder (${code ?? 'error'})${accessHint(code, 'folder')}`;
    return {
      files: [],
      problems: [{ file: dir, message: reason }],
      unread: [displayName(dir, '')],
      folders: [],
      jekyll: false,
      hugo: undefined,
      otherLanguages: NO_FOLDERS,
      eleventy: false,
      bundles: new Set(),
      cascades: NO_CASCADES,
      eleventyData: NO_ELEVENTY_DATA,
      builds: DEFAULT_BUILDS,
      timeZone: undefined,
      settingFolders: [],
      permalinks: NO_PERMALINKS,
      notes: [],
      hugoMain: undefined,
      emoji: false,
      sitePages: [],
      language: wanted === undefined ? DEFAULT_CONTENT_LANGUAGE : languageCode(wanted),
      languages: [],
    };
  }
  const unread: string[] = [];
  const walked: string[] = [];
  const name = (inside: string): string => displayName(dir, inside);
  const direct = new Map<string, string>();
  const links: string[] = [];
  const folders = [''];
  let jekyll = false;
  let htmlPosts = false;
  let hugo: string | undefined;
  let otherLanguages: ReadonlySet<string> = NO_FOLDERS;
  let eleventy = false;
  let ignored: ((path: string) => boolean) | undefined;
  let builds = DEFAULT_BUILDS;
  let timeZone: string | undefined;
  let emoji = false;
  let hugoSite: HugoSite | undefined;
  let settingFolders: readonly string[] = [];
  let permalinks = NO_PERMALINKS;
  /** What a Jekyll site's configuration gives every post as its front matter would (see jekyllConfigOf). */
  let jekyllFields: Readonly<Record<string, unknown>> | undefined;
  const notes: string[] = [];
  // Markdown files in a Jekyll site's `_posts` that Jekyll publishes as no post (see isJekyllPostName).
  const undatedPosts: string[] = [];
  const bundles = new Set<string>();
  // Hugo's `_index.md` files in its content, and an Eleventy site's JSON files (its data files
  // among them), read once the walk is done.
  const indexes: string[] = [];
  const jsonFiles: string[] = [];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    // Watched (by a caller that watches) before it is read: what is added after the read is heard.
    beforeRead?.(join(root, folder));
    try {
      entries = await readdir(join(root, folder), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      problems.push({
        file: folder === '' ? dir : name(folder),
        // CONTENT_DIR naming a file (`content/post.md`): the folder that holds it is meant.
        message:
          code === 'ENOTDIR' && folder === ''
            ? 'is a file, not a folder: set CONTENT_DIR to the folder that holds the articles'
            : `cannot read the folder (${code})${accessHint(code, 'folder')}`,
      });
      unread.push(name(folder));
      continue;
    }
    walked.push(join(root, folder));
    // The content folder is read first: its entries say which folders below are walked.
    if (folder === '') {
      jekyll = entries.some((entry) => !entry.isDirectory() && isJekyllConfig(entry.name));
      hugoSite = await findHugoSite(root, entries, wanted);
      hugo = hugoSite?.content;
      otherLanguages = hugoSite?.otherLanguages ?? NO_FOLDERS;
      const eleventyConfig = jekyll || hugo !== undefined ? undefined : await eleventyConfigOf(root, entries);
      eleventy = eleventyConfig !== undefined;
      htmlPosts = jekyll || (hugo === undefined && !eleventy && (await isJekyllPostsFolder(root)));
      if (eleventy) ignored = await eleventyIgnored(root);
      const config = hugoSite ?? (await jekyllConfigOf(root, entries, jekyll));
      settingFolders = await settingFoldersOf(config.site);
      builds = config.builds;
      timeZone = config.zone.timeZone;
      // Emoji shortcodes are emoji where the site's generator makes them so; in a folder of none's.
      emoji = config.emoji ?? (eleventyConfig === undefined ? true : await usesEleventyEmoji(eleventyConfig));
      permalinks = config.permalinks.permalinks;
      jekyllFields = 'posts' in config ? config.posts : undefined;
      for (const { path, line, text } of config.permalinks.notes)
        notes.push(`${name(relative(root, path))}${line === undefined ? '' : `:${line}`}: ${text}`);
      const wrong = config.zone.problem;
      for (const { path, ...problem } of [...config.problems, ...(wrong === undefined ? [] : [wrong])])
        problems.push({ ...problem, file: name(relative(root, path)) });
    }
    const names = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
    if (isLeafBundle(folder, names, hugo)) bundles.add(folder);
    for (const entry of entries) {
      const inside = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (isWalkedFolder(inside, { jekyll, bundles, hugo, otherLanguages })) folders.push(inside);
      } else if (entry.isSymbolicLink()) {
        links.push(inside);
      } else if (
        hugo !== undefined &&
        entry.isFile() &&
        isCascadeIndex(entry.name) &&
        (hugo === '' || isWithin(folder, hugo))
      ) {
        indexes.push(inside);
      } else if (ignored?.(join(root, inside)) === true) {
        // Left out by the site's .eleventyignore, as Eleventy leaves it out.
      } else if (eleventy && entry.isFile() && isDataFileName(entry.name)) {
        jsonFiles.push(inside);
      } else if (isArticlePath(inside, { jekyll, bundles, hugo, htmlPosts })) {
        if (entry.isFile()) direct.set(join(root, inside), inside);
        // Named as an article but no file to read (a FIFO would wait for a writer): said, not read.
        else problems.push({ file: name(inside), message: `skipped: not a regular file (${kindOf(entry)})` });
      } else if (jekyll && isArticleName(entry.name) && folder.split(sep).includes('_posts')) {
        undatedPosts.push(name(inside));
      }
    }
  }
  // A link to a file also reached as itself, or through another link, is read once under one name.
  const byLink = new Map<string, string>();
  for (const inside of links.sort(compare)) {
    const outcome = await followLink(root, inside, { jekyll, bundles, hugo, otherLanguages, htmlPosts });
    if (outcome === undefined) continue;
    if ('skipped' in outcome) {
      problems.push({ file: name(inside), message: `skipped: ${outcome.skipped}` });
    } else if (!direct.has(outcome.target) && !byLink.has(outcome.target)) {
      byLink.set(outcome.target, inside);
    }
  }
  const above = hugoSite?.above;
  // Hugo's nested sections, which its permalinks' `:sections` counts (see SitePermalinks.hugoSections).
  if (hugo !== undefined && (permalinks.hugo?.size ?? 0) > 0) {
    const hugoSections = indexes
      .map((inside) => {
        const folder = dirname(hugo === '' ? inside : relative(hugo, inside));
        return (above === undefined ? folder : join(above.prefix, folder)).split(sep).join('/');
      })
      .filter((folder) => folder.includes('/'));
    permalinks = { ...permalinks, hugoSections: [...new Set(hugoSections)].sort(compare) };
  }
  const cascades: HugoCascades = {
    site: hugoSite?.cascade ?? [],
    folders:
      indexes.length === 0 ? new Map() : await readCascades(root, indexes.sort(compare), name, problems),
    ...(above === undefined ? {} : { above: await cascadesAbove(above, problems) }),
  };
  const pages = [...direct, ...byLink].map(([path, inside]) => ({ path, inside }));
  const eleventyData =
    jsonFiles.length === 0
      ? NO_ELEVENTY_DATA
      : await readEleventyData(
          root,
          // As the site names the folder: a link's name, not where it leads.
          basename(resolve(dir)),
          jsonFiles.sort(compare),
          new Set(pages.map(({ inside }) => templateKey(inside))),
          name,
          problems,
        );
  // At Hugo's content folder (or the site's), the pages of its main sections: see HugoMainSections.
  const sections =
    hugoSite === undefined || hugoSite.above !== undefined || hugoSite.languageDirs
      ? undefined
      : pages.map(({ inside }) => hugoSection(inside, hugo, bundles));
  const hugoMain: HugoMainSections | undefined =
    sections === undefined || hugoSite === undefined
      ? undefined
      : { named: hugoSite.mainSections, sectioned: sections.some((section) => section !== '') };
  const sitePages: string[] = [];
  const sectionPages = new Map<string, number>();
  const files = pages
    .filter(({ inside }, i) => {
      const section = sections?.[i] ?? '';
      const post = hugoMain === undefined || isMainSection(section, hugoMain);
      if (!post) sitePages.push(name(inside));
      else if (hugoMain?.named === undefined && section !== '')
        sectionPages.set(section, (sectionPages.get(section) ?? 0) + 1);
      return post;
    })
    .sort((a, b) => compare(a.inside, b.inside))
    .map(({ path, inside }): ArticleFile => {
      const cascade = cascadeOf(inside, { cascades, hugo, eleventyData, jekyllFields, permalinks });
      return cascade === undefined ? { path, file: name(inside) } : { path, file: name(inside), cascade };
    });
  const language =
    wanted === undefined
      ? (hugoSite?.language ?? hugoSite?.languages.defaultLanguage ?? DEFAULT_CONTENT_LANGUAGE)
      : languageCode(wanted);
  const languages = hugoSite?.languages.codes ?? [];
  return {
    files,
    problems,
    unread,
    folders: walked,
    jekyll,
    htmlPosts,
    hugo,
    otherLanguages,
    eleventy,
    bundles,
    cascades,
    eleventyData,
    ...(jekyllFields === undefined ? {} : { jekyllFields }),
    builds,
    timeZone,
    settingFolders,
    permalinks,
    notes,
    ...(undatedPosts.length === 0 ? {} : { undatedPosts: undatedPosts.sort(compare) }),
    hugoMain,
    emoji,
    ...(sectionPages.size < 2
      ? {}
      : {
          hugoSectionsRead: [...sectionPages]
            .map(([section, count]) => ({ name: section, pages: count }))
            .sort((a, b) => compare(a.name, b.name)),
        }),
    // Of a page's translations (`about/index.fr.md`), the one in the language read, as its posts.
    sitePages: translationsIn(
      sitePages.map((file) => ({ file })),
      language,
      languages,
    )
      .map(({ file }) => file)
      .sort(compare),
    language,
    ...(wanted === undefined && hugoSite?.languages.readable === false ? { languageUnread: true } : {}),
    languages,
  };
}

/** What the bot says of a Jekyll site's files in `_posts` that are no posts (see FoundArticles.undatedPosts). */
export function undatedPostsNote([first, ...others]: readonly string[]): string {
  const them = others.length === 0 ? 'it' : 'them';
  const more =
    others.length === 0 ? '' : ` and ${others.length} more file${others.length === 1 ? '' : 's'} in _posts`;
  return `${first ?? '_posts'}${more}: not named as Jekyll names a post (YYYY-MM-DD-title.md), so Jekyll publishes no post of ${them}, nor does the bot: rename ${them}, or, for another generator's posts folder (Hexo's source/_posts), set CONTENT_DIR to that folder`;
}

/**
 * The blog's address as the configuration of the site the content folder `dir` is (or is in) gives
 * it: a Hugo site's `baseURL`, a Jekyll site's `url` (and `baseurl`), as findArticles finds the site;
 * undefined when there is none, or it is no published address (see siteAddressOf). What SITE_URL is
 * taken as when it is unset.
 */
export async function configuredSiteAddress(
  dir: string,
  /** CONTENT_LANGUAGE: in a Hugo site whose languages have hosts of their own, the one read. */
  language?: string,
): Promise<SiteAddress | undefined> {
  const root = await realpath(dir).catch(() => undefined);
  const entries =
    root === undefined ? undefined : await readdir(root, { withFileTypes: true }).catch(() => undefined);
  if (root === undefined || entries === undefined) return undefined;
  // As findArticles reads the site: Hugo's configuration first.
  const hugo = await findHugoSite(root, entries, language);
  if (hugo !== undefined) return hugo.address;
  const jekyll = entries.some((entry) => !entry.isDirectory() && isJekyllConfig(entry.name));
  return (await jekyllConfigOf(root, entries, jekyll)).address;
}

/**
 * The address posts are linked on: SITE_URL (`siteUrl`) when set, else the one the configuration of
 * the site at `dir` gives (see configuredSiteAddress), which is then `configured` too, to be said.
 */
export async function linkedSiteUrl(
  siteUrl: string | undefined,
  dir: string,
  /** CONTENT_LANGUAGE (see configuredSiteAddress). */
  language?: string,
): Promise<{ readonly url: string | undefined; readonly configured?: SiteAddress }> {
  if (siteUrl !== undefined) return { url: siteUrl };
  const configured = await configuredSiteAddress(dir, language);
  return configured === undefined ? { url: undefined } : { url: configured.url, configured };
}

/**
 * The section in Hugo's content (`hugo`: see {@link FoundArticles.hugo}) of the page at `inside`
 * (relative to the content folder), see hugoSectionOf; `''` outside a Hugo site.
 */
export function hugoSection(inside: string, hugo: string | undefined, bundles: ReadonlySet<string>): string {
  if (hugo === undefined || (hugo !== '' && !isWithin(inside, hugo))) return '';
  const parts = (hugo === '' ? inside : relative(hugo, inside)).split(sep);
  return hugoSectionOf(parts, (top) => bundles.has(hugo === '' ? top : join(hugo, top)));
}

/** The folders of a site's configuration above the content folder (see {@link FoundArticles.settingFolders}). */
async function settingFoldersOf(site: string | undefined): Promise<readonly string[]> {
  if (site === undefined) return [];
  const folders = await pMap(HUGO_CONFIG_FOLDERS, async (name) => {
    const folder = join(site, 'config', name);
    return (await stat(folder).catch(() => undefined))?.isDirectory() === true ? [folder] : [];
  });
  return [site, ...folders.flat()];
}

/**
 * Where the link at `inside` leads: a file inside the content folder to read (its real path), why the
 * link is skipped, or nothing when it would not be read anyway (a link to a file not named `.md`, or
 * one named or placed as a folder or file that is not read: its name and place decide, as a file's).
 */
async function followLink(
  root: string,
  inside: string,
  walk: SiteWalk,
): Promise<{ target: string } | { skipped: string } | undefined> {
  const path = join(root, inside);
  let target: string;
  let isFolder: boolean;
  try {
    target = await realpath(path);
    isFolder = (await stat(target)).isDirectory();
  } catch (error) {
    // Broken, its target unknown: it may have been meant as a folder of articles.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { skipped: `a link that cannot be followed (${code ?? 'error'})` };
    return { skipped: `a link to nothing (${await readlink(path).catch(() => '?')})` };
  }
  const walked = isFolder ? isWalkedFolder(inside, walk) : isArticlePath(inside, walk);
  if (!walked) return undefined;
  const written = await readlink(path).catch(() => target);
  if (!isInside(root, target)) return { skipped: `a link out of the content folder (${written})` };
  // Every folder inside is walked as itself, so a link to one would read it twice, or forever (`..`);
  // one the walk leaves out (`.private`, `node_modules`) is read through no link either.
  if (isFolder) {
    const read = isWalked(relative(root, target), walk);
    return { skipped: `a link to a folder ${read ? 'already read' : 'that is not read'} (${written})` };
  }
  return { target };
}

function kindOf(entry: Dirent): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'unknown';
}

/**
 * How problems name a file found at `inside` (relative to the content folder): from the working
 * directory when it is in it, else by its absolute path (`../../tmp/blog/x.md` is harder to find).
 */
export function displayName(dir: string, inside: string): string {
  const path = resolve(dir, inside);
  return (isInside(process.cwd(), path) ? relative(process.cwd(), path) : path).split(sep).join('/');
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Version control, editor settings and installed packages hold no articles. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Eleventy's folders of layouts and partials (`_includes`, `_layouts`), of data (`_data`) and its
 * output (`_site`), by their default names: it writes no page from them (nor Jekyll, whose own they are too).
 */
const GENERATOR_FOLDERS = new Set(['_includes', '_layouts', '_data', '_site']);

/** A Hugo site's configuration file by its own name (`hugo.toml`, Hugo's since 0.110). */
export function isHugoConfig(name: string): boolean {
  return /^hugo\.(toml|yaml|yml|json)$/.test(name);
}

/** Hugo's older name for its configuration, which other tools use too: Hugo's with Hugo's folders beside it. */
function isOldHugoConfig(name: string): boolean {
  return /^config\.(toml|yaml|yml|json)$/.test(name);
}

/**
 * The cascades of the `_index.md` files in the folders of Hugo's content at `content` above the
 * content folder, at `prefix` in it (see {@link HugoCascades.above}).
 */
async function cascadesAbove(
  { content, prefix }: { readonly content: string; readonly prefix: string },
  problems: ContentProblem[],
): Promise<NonNullable<HugoCascades['above']>> {
  const parts = prefix.split(sep);
  const indexes: string[] = [];
  for (let depth = 0; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join(sep);
    const names = await readdir(join(content, folder)).catch(() => [] as string[]);
    indexes.push(...names.filter(isCascadeIndex).map((file) => join(folder, file)));
  }
  const folders =
    indexes.length === 0
      ? new Map()
      : await readCascades(
          content,
          indexes.sort(compare),
          (inside) => displayName(content, inside),
          problems,
        );
  return { prefix, folders };
}

/** What a site's configuration says of its posts' addresses, and what of it the bot cannot follow. */
interface PermalinksRead {
  readonly permalinks: SitePermalinks;
  readonly notes: readonly { readonly path: string; readonly line?: number; readonly text: string }[];
}

const NO_PERMALINKS_READ: PermalinksRead = { permalinks: NO_PERMALINKS, notes: [] };

/** A Hugo site the content folder is, or is in (see {@link findHugoSite}). */
interface HugoSite {
  /** The folder inside the content folder that is Hugo's content (`''` for the content folder itself). */
  readonly content: string;
  /** Its configuration's `permalinks`. */
  readonly permalinks: PermalinksRead;
  /** What its configuration builds (see {@link FoundArticles.builds}). */
  readonly builds: SiteBuilds;
  /** Its configuration's `timeZone` (see {@link FoundArticles.timeZone}). */
  readonly zone: SiteZone;
  /** Its configuration's `enableEmoji` (see {@link FoundArticles.emoji}). */
  readonly emoji: boolean;
  /** Its configuration's `baseURL`, when it is a published site's address (see siteAddressOf). */
  readonly address?: SiteAddress;
  /** What its configuration cascades to every page (see {@link HugoCascades}). */
  readonly cascade: readonly Cascade[];
  /** Its configuration's `mainSections` or `params.mainSections` (see {@link HugoMainSections}). */
  readonly mainSections: readonly string[] | undefined;
  /**
   * Whether its configuration gives a language its own content folder (`languages.en.contentDir`),
   * and the content folder is not one of them (see findHugoSite).
   */
  readonly languageDirs: boolean;
  /** The other languages' content folders inside the one read: see {@link FoundArticles.otherLanguages}. */
  readonly otherLanguages?: ReadonlySet<string>;
  /** Its configuration's languages. */
  readonly languages: HugoLanguages;
  /** The language of the content folder read, in a site with a content folder per language. */
  readonly language?: string;
  /** Its folder, when above the content folder (see {@link FoundArticles.settingFolders}). */
  readonly site?: string;
  /** Its configuration files that could not be read. */
  readonly problems: readonly ConfigProblem[];
  /** The site found above the content folder, which is inside its content: that folder and the path in it. */
  readonly above?: { readonly content: string; readonly prefix: string };
}

/**
 * Whether the content folder at `root` (real path; `entries` its own) is a Hugo site's: its
 * configuration in the content folder itself (the site's folder: its content is then in `content`,
 * or the `contentDir` its configuration sets), or in the site's folder above: the content folder's
 * parent, or that of the `content` folder it is in (`CONTENT_DIR` at `content/posts`). The folder
 * inside the content folder that is Hugo's content, and what the site builds; or undefined.
 */
async function findHugoSite(
  root: string,
  entries: readonly Dirent[],
  /** CONTENT_LANGUAGE; unset, the site's default language. */
  wanted?: string,
): Promise<HugoSite | undefined> {
  const own = entries.map((entry) => entry.name);
  if (await isHugoSite(root, own)) {
    const { contentDir, ...config } = await hugoConfigOf(root, own);
    const { languages } = config;
    // A content folder per language: the one CONTENT_LANGUAGE reads is Hugo's content.
    const chosen = languageContent(languages, wanted);
    if (chosen === undefined) return { content: contentDir, ...translatedByName(config, wanted) };
    return {
      ...inLanguage(config, languages, chosen.language),
      content: chosen.folder,
      languageDirs: false,
      otherLanguages: otherLanguagesIn(root, root, languages, chosen.language),
      language: chosen.language,
    };
  }
  const sites = [dirname(root)];
  for (let folder = root; dirname(folder) !== folder; folder = dirname(folder)) {
    if (basename(folder) === 'content') {
      if (folder !== root) sites.push(dirname(folder));
      break;
    }
  }
  for (const site of sites) {
    if (site === root) continue;
    const names = await readdir(site).catch(() => [] as string[]);
    if (await isHugoSite(site, names)) {
      const { contentDir, languageFolders, ...config } = await hugoConfigOf(site, names);
      const { languages } = config;
      // Above the languages' folders (`content`, with `content/en` and `content/fr`, or `content` itself
      // English's): only the one of CONTENT_LANGUAGE is read, as Hugo's content of that language.
      const chosen = languageContent(languages, wanted);
      const folder = chosen === undefined ? undefined : join(site, chosen.folder);
      if (chosen !== undefined && folder !== undefined && isInside(root, folder))
        return {
          ...inLanguage(config, languages, chosen.language),
          languageDirs: false,
          content: relative(root, folder),
          otherLanguages: otherLanguagesIn(site, root, languages, chosen.language),
          language: chosen.language,
          site,
        };
      // In a language's own content folder (`content/english`, as `languages.en.contentDir` sets it),
      // the innermost (`content/fr` in `content`, English's), Hugo's paths start there:
      // `content/english/blog/x.md` is at `/blog/x/`, in the section `blog`.
      const language = languageFolders
        .filter((folder) => folder !== '')
        .map((folder) => join(site, folder))
        .filter((folder) => isInside(folder, root))
        .sort((a, b) => b.length - a.length)[0];
      if (language !== undefined) {
        const code = [...languages.folders].find(([, folder]) => join(site, folder) === language)?.[0];
        const found = {
          ...(code === undefined ? config : inLanguage(config, languages, code)),
          languageDirs: false,
          content: '',
          ...(code === undefined
            ? {}
            : { otherLanguages: otherLanguagesIn(site, root, languages, code), language: code }),
          site,
        };
        const prefix = relative(language, root);
        return prefix === '' ? found : { ...found, above: { content: language, prefix } };
      }
      const content = join(site, contentDir);
      const prefix = relative(content, root);
      const found = { ...translatedByName(config, wanted), content: '', site };
      // Only a folder inside Hugo's content (`content/posts`) has pages whose Hugo path it begins.
      return prefix !== '' && isInside(content, root) ? { ...found, above: { content, prefix } } : found;
    }
  }
  return undefined;
}

/** Hugo's languages (see {@link hugoConfigOf}): each one's content folder, and the default language. */
interface HugoLanguages {
  /** By language code, lowercased as Hugo reads them: its `contentDir`, from the site's folder. */
  readonly folders: ReadonlyMap<string, string>;
  /** `defaultContentLanguage`, lowercased (`en` by default, as Hugo's). */
  readonly defaultLanguage: string;
  /** Every language its `languages` sets up, lowercased as Hugo names their folders (`pt_br`), sorted. */
  readonly codes: readonly string[];
  /** False when a configuration file could not be read: `defaultLanguage` may not be the site's. */
  readonly readable: boolean;
  /** `defaultContentLanguageInSubdir = true`: the default language's pages are under its folder too. */
  readonly inSubdir: boolean;
  /**
   * By language code, lowercased, the address its own `baseURL` gives it (Hugo's multihost: each
   * language published at the top of its own host).
   */
  readonly hosts: ReadonlyMap<string, SiteAddress>;
}

/**
 * The content folder of `wanted` (CONTENT_LANGUAGE) among the site's languages, else the default
 * language's, with its language; undefined when neither has one of its own.
 */
function languageContent(
  { folders, defaultLanguage }: HugoLanguages,
  wanted: string | undefined,
): { folder: string; language: string } | undefined {
  for (const language of [wanted ?? defaultLanguage, defaultLanguage]) {
    // As the configuration writes it (`pt_br`), whichever way CONTENT_LANGUAGE does (`pt-br`).
    const found = [...folders].find(([code]) => languageCode(code) === languageCode(language));
    if (found !== undefined && found[1] !== '') return { folder: found[1], language: found[0] };
  }
  return undefined;
}

/**
 * The content folders of the languages other than `language` inside its own (`content/fr` in `content`,
 * as `[languages.en] contentDir = "content"` sets it), relative to the content folder at `root` (of
 * the site at `site`): those the walk leaves out (see {@link FoundArticles.otherLanguages}).
 */
function otherLanguagesIn(
  site: string,
  root: string,
  { folders }: HugoLanguages,
  language: string,
): ReadonlySet<string> {
  const own = folders.get(language);
  if (own === undefined || own === '') return NO_FOLDERS;
  const others = [...folders]
    .filter(([code, folder]) => code !== language && folder !== '' && folder !== own)
    .map(([, folder]) => join(site, folder))
    .filter((folder) => folder !== join(site, own) && isInside(join(site, own), folder))
    .map((folder) => relative(root, folder))
    .filter((folder) => folder !== '' && !folder.startsWith('..'));
  return others.length === 0 ? NO_FOLDERS : new Set(others);
}

/**
 * The site's configuration as read for the pages of `language`'s content folder: Hugo puts a language
 * other than the default under its folder (`/fr/posts/x/`), and the default one too with
 * `defaultContentLanguageInSubdir = true` (`/en/posts/x/`), which is then followed, not noted.
 */
function inLanguage<T extends HostedConfig>(config: T, languages: HugoLanguages, language: string): T {
  const { defaultLanguage, inSubdir } = languages;
  const { permalinks } = config.permalinks;
  const hosted = onOwnHost(config, languages, language);
  if (hosted !== undefined) return hosted;
  const prefixed = languageCode(language) !== languageCode(defaultLanguage) || inSubdir;
  return placedByLanguage(config, prefixed ? { ...permalinks, languagePrefix: language } : permalinks);
}

/** What a site's configuration holds that says where a language's pages are published. */
type HostedConfig = { readonly permalinks: PermalinksRead; readonly address?: SiteAddress };

/**
 * The configuration for `language`'s pages where it has a `baseURL` of its own (Hugo's multihost:
 * `[languages.fr] baseURL = "https://fr.example.com/"`): at the top of that host, under no language
 * folder, whichever language is the default; undefined where it has none.
 */
function onOwnHost<T extends HostedConfig>(
  config: T,
  languages: HugoLanguages,
  language: string,
): T | undefined {
  const host = [...languages.hosts].find(([code]) => languageCode(code) === languageCode(language))?.[1];
  return host === undefined
    ? undefined
    : { ...placedByLanguage(config, config.permalinks.permalinks), address: host };
}

/**
 * The site's configuration for a site of several languages whose translations are named by file
 * (`post.fr.md`): Hugo puts a page in a language other than the default under its folder
 * (`/fr/posts/x/`), and the default one's too with `defaultContentLanguageInSubdir = true`, which is
 * then followed, not noted. A site of one language is as configured.
 */
function translatedByName<T extends HostedConfig & { readonly languages: HugoLanguages }>(
  config: T,
  /** CONTENT_LANGUAGE; unset, the site's default language. */
  wanted: string | undefined,
): T {
  const { codes, defaultLanguage, inSubdir, hosts } = config.languages;
  if (codes.length === 0) return config;
  const { permalinks } = config.permalinks;
  const read = wanted ?? defaultLanguage;
  const hosted = onOwnHost(config, config.languages, read);
  const translations = { languages: codes, defaultLanguage, inSubdir };
  if (hosted === undefined) return placedByLanguage(config, { ...permalinks, translations });
  // Each language at the top of its own host: a page not translated links to its language's.
  const urls = Object.fromEntries([...hosts].map(([code, { url }]) => [code, url]));
  return {
    ...placedByLanguage(config, { ...permalinks, translations: { ...translations, hosts: { read, urls } } }),
    address: hosted.address,
  };
}

/**
 * `config` with `permalinks` that place pages by their language: `defaultContentLanguageInSubdir`
 * is then followed, and its note that it is not goes.
 */
function placedByLanguage<T extends { readonly permalinks: PermalinksRead }>(
  config: T,
  permalinks: SitePermalinks,
): T {
  const notes = config.permalinks.notes.filter(
    (note) => !/^defaultcontentlanguageinsubdir /i.test(note.text),
  );
  return { ...config, permalinks: { permalinks, notes } };
}

/**
 * Whether the folder `site`, holding `names`, is a Hugo site's: a `hugo.toml` (`.yaml`, `.yml`,
 * `.json`); or a `config.toml` (…) with Hugo's `archetypes`, `layouts` or `themes` folder beside it,
 * or with a `content` folder beside it and Hugo's `baseURL` key at its top (a site whose theme is a
 * Hugo module has none of those folders; Zola's is `base_url`); or a `config/_default` folder.
 */
async function isHugoSite(site: string, names: readonly string[]): Promise<boolean> {
  if (names.some(isHugoConfig)) return true;
  const configs = names.filter(isOldHugoConfig);
  const hugoFolders = names.some((name) => ['archetypes', 'layouts', 'themes'].includes(name));
  if (configs.length > 0 && hugoFolders) return true;
  if (configs.length > 0 && names.includes('content')) {
    for (const name of configs) {
      const text = await readConfigStart(join(site, name));
      if (text !== undefined && hasBaseUrl(name, text)) return true;
    }
  }
  if (!names.includes('config')) return false;
  return (await stat(join(site, 'config', '_default')).catch(() => undefined))?.isDirectory() === true;
}

/**
 * Whether the configuration `text` of the file `name` sets Hugo's `baseURL` at its top level (Hugo
 * reads keys in any case): in TOML before any table, unindented in YAML; a key of that name in a
 * table (`[extra]`) is another tool's. In JSON, a `"baseURL"` key anywhere (its nesting is not told
 * apart by its indentation).
 */
function hasBaseUrl(name: string, text: string): boolean {
  if (name.endsWith('.toml')) return /^["']?baseurl["']?[ \t]*=/im.test(text.split(/^[ \t]*\[/m)[0] ?? '');
  if (name.endsWith('.json')) return /^[ \t]*"baseurl"[ \t]*:/im.test(text);
  return /^["']?baseurl["']?[ \t]*:/im.test(text);
}

/** How much of a configuration file is searched for its keys: a site's is a few kilobytes. */
const CONFIG_START_BYTES = 64 * 1024;

/** The start of the file at `path`, as text; undefined when it cannot be read. */
export async function readConfigStart(path: string): Promise<string | undefined> {
  const file = await open(path, 'r').catch(() => undefined);
  if (file === undefined) return undefined;
  try {
    const buffer = Buffer.alloc(CONFIG_START_BYTES);
    const { bytesRead } = await file.read(buffer, 0, CONFIG_START_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}

/** A file of Hugo's configuration folder that holds one language's settings: `languages.de.toml`. */
const LANGUAGE_CONFIG_FILE = /^languages\.([^.]+)\.(?:toml|yaml|yml|json)$/;

/** Hugo's configuration files, in the order it looks for them (`hugo.*` before `config.*`). */
const HUGO_CONFIG_FILES = ['hugo', 'config'].flatMap((name) =>
  ['toml', 'yaml', 'yml', 'json'].map((ext) => `${name}.${ext}`),
);

/**
 * What the bot reads of the configuration of the Hugo site at `site` (holding `names`), each setting
 * from the first file that sets it: the folder of its pages, relative to the site's folder, the
 * `contentDir` it sets (see {@link contentDirOf}; `content` by default), whether it builds
 * posts dated in the future (`buildFuture`) and past their expiry (`buildExpired`), and its `timeZone`.
 */
async function hugoConfigOf(
  site: string,
  names: readonly string[],
): Promise<{
  contentDir: string;
  builds: SiteBuilds;
  zone: SiteZone;
  address?: SiteAddress;
  cascade: readonly Cascade[];
  permalinks: PermalinksRead;
  mainSections: readonly string[] | undefined;
  emoji: boolean;
  languageDirs: boolean;
  languageFolders: readonly string[];
  languages: HugoLanguages;
  problems: readonly ConfigProblem[];
}> {
  // Hugo reads the first of its files in the site's folder, and those of `config/_default`, where a
  // file named by a key holds that key's value (`permalinks.toml`), and one named by `languages` and
  // a language that language's (`languages.de.toml`, as Blowfish and Congo set theirs up);
  // `config/production`'s over them all, as `hugo` builds the site (its `baseURL` where `_default`'s
  // is `localhost` for `hugo server`).
  const folderFiles = async (folder: string): Promise<{ file: string; keys?: string[] }[]> => {
    const perLanguage = (await readdir(join(site, 'config', folder)).catch(() => []))
      .map((name) => LANGUAGE_CONFIG_FILE.exec(name))
      .filter((match) => match !== null)
      .map(([name, code = '']) => ({ file: join('config', folder, name), keys: ['languages', code] }))
      .sort((a, b) => compare(a.file, b.file));
    return [
      ...HUGO_CONFIG_FILES.map((name) => ({ file: join('config', folder, name) })),
      ...['permalinks', 'params', 'languages'].flatMap((key) =>
        ['toml', 'yaml', 'yml', 'json'].map((ext) => ({
          file: join('config', folder, `${key}.${ext}`),
          keys: [key],
        })),
      ),
      ...perLanguage,
    ];
  };
  const files: { file: string; keys?: string[] }[] = [
    ...(await folderFiles('production')),
    ...HUGO_CONFIG_FILES.filter((name) => names.includes(name))
      .slice(0, 1)
      .map((file) => ({ file })),
    ...(await folderFiles('_default')),
  ];
  const configs: { path: string; text: string; data: Record<string, unknown> }[] = [];
  const problems: ConfigProblem[] = [];
  // A file there that cannot be read (a typo being fixed) leaves the site's default language unknown.
  let unreadable = false;
  for (const { file, keys = [] } of files) {
    const path = join(site, file);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    const data = text === undefined ? undefined : await configData(path, text, problems);
    if (text !== undefined && data === undefined) unreadable = true;
    if (text !== undefined && data !== undefined)
      configs.push({
        path,
        text,
        data: keys.reduceRight<Record<string, unknown>>((value, key) => ({ [key]: value }), data),
      });
  }
  // Hugo reads its keys in any case (`buildFuture`, `buildfuture`): the first file's that sets it.
  const found = (name: string) =>
    configs
      .map(({ path, text, data }) => {
        const [key, value] = Object.entries(data).find(([key]) => key.toLowerCase() === name) ?? [];
        return key === undefined || value === undefined ? undefined : { path, text, key, value };
      })
      .find((setting) => setting !== undefined);
  const setting = (name: string): unknown => found(name)?.value;
  const zone = found('timezone');
  const base = found('baseurl');
  // Each language's content folder, from the first file that gives it one.
  const folders = new Map<string, string>();
  const codes = new Set<string>();
  const hosts = new Map<string, SiteAddress>();
  const languageFolders = configs.flatMap(({ path, data }) => {
    const languages = fieldOf(data, 'languages');
    if (!isFields(languages)) return [];
    return Object.entries(languages).flatMap(([code, language]) => {
      if (isFields(language)) codes.add(code.toLowerCase());
      const host = isFields(language) ? siteAddressOf(fieldOf(language, 'baseurl')) : undefined;
      if (host !== undefined && !hosts.has(code.toLowerCase()))
        hosts.set(code.toLowerCase(), {
          url: host,
          setting: `${posixRelative(site, path)} languages.${code}.baseURL`,
        });
      if (!isFields(language) || fieldOf(language, 'contentdir') === undefined) return [];
      // One that names no folder in the site still makes the site's content per language.
      const folder = contentDirOf({ contentdir: fieldOf(language, 'contentdir') }) ?? '';
      const key = code.toLowerCase();
      if (!folders.has(key)) folders.set(key, folder);
      return [folder];
    });
  });
  const defaultLanguage = setting('defaultcontentlanguage');
  const address = siteAddressOf(base?.value);
  return {
    contentDir: configs.map(({ data }) => contentDirOf(data)).find((dir) => dir !== undefined) ?? 'content',
    ...(base === undefined || address === undefined
      ? {}
      : {
          address: { url: address, setting: `${posixRelative(site, base.path)} ${base.key}` },
        }),
    builds: { future: isTrue(setting('buildfuture')), expired: isTrue(setting('buildexpired')) },
    zone: zone === undefined ? UTC : zoneSetting(zone),
    emoji: isTrue(setting('enableemoji')),
    cascade: await configCascade(found('cascade'), problems),
    permalinks: hugoPermalinksRead(found('permalinks'), {
      ugly: found('uglyurls'),
      cased: found('disablepathtolower'),
      inSubdir: found('defaultcontentlanguageinsubdir'),
      dates: found('frontmatter'),
    }),
    // The configuration's own `mainSections` (Hugo's since 0.112), else the older `params.mainSections`
    // (Hugo merges `params` from every file): the first file's that sets it.
    mainSections:
      mainSectionsOf(setting('mainsections')) ??
      configs
        .map(({ data }) => {
          const params = fieldOf(data, 'params');
          return isFields(params) ? mainSectionsOf(fieldOf(params, 'mainsections')) : undefined;
        })
        .find((names) => names !== undefined),
    // A content folder per language (`[languages.en] contentDir = "content/en"`): a page's first
    // folder is its language's, no section.
    languageDirs: languageFolders.length > 0,
    languageFolders: [...new Set(languageFolders)],
    languages: {
      folders,
      defaultLanguage:
        typeof defaultLanguage === 'string' && defaultLanguage.trim() !== ''
          ? defaultLanguage.trim().toLowerCase()
          : DEFAULT_CONTENT_LANGUAGE,
      codes: [...codes].sort(compare),
      inSubdir: isTrue(setting('defaultcontentlanguageinsubdir')),
      readable: !unreadable,
      hosts,
    },
    problems,
  };
}

/**
 * Hugo's `permalinks` (see hugoPermalinks) and `uglyURLs = true` (its default addresses end in `.html`),
 * with a note for each pattern the bot cannot fill and each setting it does not follow.
 */
function hugoPermalinksRead(
  found: ConfigSetting | undefined,
  {
    ugly,
    cased,
    inSubdir,
    dates,
  }: {
    ugly: ConfigSetting | undefined;
    cased: ConfigSetting | undefined;
    inSubdir: ConfigSetting | undefined;
    dates: ConfigSetting | undefined;
  },
): PermalinksRead {
  const hugo = found === undefined ? new Map<string, SitePermalink>() : hugoPermalinks(found.value);
  const notes =
    found === undefined
      ? []
      : [...hugo].flatMap(([section, permalink]) =>
          permalinkNotes(found, permalink, `${found.key}.${section}`, `posts in ${section}/`),
        );
  // Settings that change where Hugo puts posts and that the bot does not follow, said so that
  // ARTICLE_URL (or each post's url) can: uglyURLs by section (`{ posts = true }`), disablePathToLower,
  // and defaultContentLanguageInSubdir (every page under its language's folder, `/en/posts/x/`).
  const unfollowed = [
    ugly !== undefined && typeof ugly.value === 'object' && ugly.value !== null ? ugly : undefined,
    cased !== undefined && isTrue(cased.value) ? cased : undefined,
    inSubdir !== undefined && isTrue(inSubdir.value) ? inSubdir : undefined,
  ];
  for (const setting of unfollowed) {
    if (setting === undefined) continue;
    const line = configKeyLine(setting);
    notes.push({
      path: setting.path,
      ...(line === undefined ? {} : { line }),
      text: `${setting.key} is not followed: the bot's addresses for this site may differ from Hugo's: set ARTICLE_URL to them, or give each post a url`,
    });
  }
  return {
    permalinks: {
      ...(hugo.size === 0 ? {} : { hugo }),
      generator: 'hugo',
      // uglyURLs = true: every page at `….html`, not `…/`.
      ...(ugly?.value === true ? { ugly: true } : {}),
      ...fileNameDatesOf(dates?.value),
    },
    notes,
  };
}

/** Whether and where Hugo's `[frontmatter] date` reads the file name (see SitePermalinks.fileNameDates). */
function fileNameDatesOf(frontmatter: unknown): Pick<SitePermalinks, 'fileNameDates'> {
  const order = isFields(frontmatter) ? fieldOf(frontmatter, 'date') : undefined;
  const handlers = (Array.isArray(order) ? order : [order]).map((handler) =>
    typeof handler === 'string' ? handler.trim().toLowerCase() : '',
  );
  const at = handlers.indexOf(':filename');
  // A file's modification time always gives a date: a `:filename` after it is never reached.
  if (at === -1 || handlers.slice(0, at).includes(':filemodtime')) return {};
  // Before the front matter's own date, unless `:default` or a date key comes first.
  const before = handlers.slice(0, at).some((handler) => handler !== '' && handler !== ':git');
  return { fileNameDates: before ? 'last' : 'first' };
}

/** The note for a pattern of the site's configuration that the bot cannot fill (none for one it fills). */
function permalinkNotes(
  { path, text, key }: Omit<ConfigSetting, 'value'>,
  permalink: SitePermalink,
  /** The setting, as the note names it (`permalinks.posts`). */
  setting: string,
  whose: string,
): PermalinksRead['notes'] {
  if ('pattern' in permalink) return [];
  const { written, unfilled } = permalink;
  // The line that writes the pattern, else the setting's own.
  const at = text.split('\n').findIndex((line) => line.includes(written));
  const line = at >= 0 ? at + 1 : configKeyLine({ path, text, key });
  return [
    {
      path,
      ...(line === undefined ? {} : { line }),
      text: `${setting}: ${written}: ${unfilled}, so ${whose} are linked by ARTICLE_URL instead (not at all while it is unset): set ARTICLE_URL to their address, or give each a url`,
    },
  ];
}

/**
 * The configuration's `cascade`: none when it cannot be read (Hugo itself reports one that is no set
 * of fields; one too deep or large for the bot is said at its line, see data-shape.ts).
 */
async function configCascade(
  found: ConfigSetting | undefined,
  problems: ConfigProblem[],
): Promise<readonly Cascade[]> {
  if (found?.value === undefined || found.value === null) return [];
  const { cascadesOf } = await cascadeReaders();
  const read = cascadesOf({ cascade: found.value });
  if (read.ok) return read.cascades;
  const { path, key } = found;
  if (read.shape !== undefined) {
    const line = configKeyLine(found);
    problems.push({ path, ...(line === undefined ? {} : { line }), field: key, message: read.message });
  }
  return [];
}

/** The line of a configuration's top-level `key` (its last, as the readers keep the last one written). */
function configKeyLine({ path, text, key }: Omit<ConfigSetting, 'value'>): number | undefined {
  // JSON indents its nested keys as its own: its reader's top level says which line is the key's.
  const lines = {
    lines: text.split('\n'),
    keyLines: path.endsWith('.json') ? jsonKeyLines(text) : undefined,
  };
  return lastKeyLine(lines, key);
}

/**
 * A configuration file's settings (TOML, JSON or YAML, by its name), or undefined when it holds none.
 * The YAML reader (with its optional JavaScript parser, 1 MB of heap) loads only for a site that has
 * such a file: the bot's own thread never needs it otherwise.
 */
async function configData(
  file: string,
  text: string,
  problems: ConfigProblem[],
): Promise<Record<string, unknown> | undefined> {
  let data: unknown;
  try {
    if (file.endsWith('.toml')) data = parseTomlData(text);
    else if (file.endsWith('.json')) data = JSON.parse(text) as unknown;
    else {
      const { default: yaml } = await import('js-yaml');
      data = yaml.safeLoad(text, { schema: yaml.CORE_SCHEMA });
    }
  } catch (caught) {
    // js-yaml recurses once per level, with no bound of its own.
    const error = caught instanceof RangeError ? new DataShapeError('deep') : caught;
    // The generator refuses it too; until it is mended, its settings are not read (their defaults stand).
    const { line, reason } =
      error instanceof DataShapeError
        ? { line: (file.endsWith('.toml') ? deepestTomlLine : deepestLine)(text), reason: error.message }
        : configError(error, text);
    problems.push({
      path: file,
      ...(line === undefined ? {} : { line }),
      message: `the site's configuration cannot be read (${reason}): mend it; until then none of its settings are read (its time zone, future posts, …)`,
    });
    return undefined;
  }
  if (mayEscapeSurrogates(text)) data = wellFormedData(data);
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}

/** A setting turned on: `true`, or the text `"true"`, as Hugo casts it. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/**
 * Hugo's `contentDir` (any case, as Hugo reads keys) of a configuration's settings, if it names a
 * folder inside the site (its other folders, themes, layouts, are no content).
 */
function contentDirOf(data: Record<string, unknown>): string | undefined {
  const value: unknown = Object.entries(data).find(([key]) => key.toLowerCase() === 'contentdir')?.[1];
  if (typeof value !== 'string' || value.trim() === '' || isAbsolute(value)) return undefined;
  const dir = normalize(value.trim()).replace(/[\\/]+$/, '');
  if (dir === '.') return '';
  return dir === '..' || dir.startsWith(`..${sep}`) ? undefined : dir;
}

/**
 * Eleventy's configuration files, by their default names (`eleventy.config.ts` run through tsx), in
 * the order it looks for one.
 */
const ELEVENTY_CONFIG_NAMES = [
  '.eleventy.js',
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
  'eleventy.config.ts',
] as const;
const ELEVENTY_CONFIGS: ReadonlySet<string> = new Set(ELEVENTY_CONFIG_NAMES);

export function isEleventyConfig(name: string): boolean {
  return ELEVENTY_CONFIGS.has(name);
}

/** The Eleventy configuration a folder holding `names` has: the first Eleventy looks for. */
export function eleventyConfigIn(names: readonly string[]): string | undefined {
  return ELEVENTY_CONFIG_NAMES.find((name) => names.includes(name));
}

/**
 * Whether an Eleventy configuration has markdown-it read emoji shortcodes: it names markdown-it-emoji,
 * the plugin that does (read as text, never run).
 */
async function usesEleventyEmoji(config: string): Promise<boolean> {
  return (await readConfigStart(config))?.includes('markdown-it-emoji') === true;
}

/**
 * The Eleventy configuration the content folder at `root` (real path; `entries` its own) is read
 * with, if it is in an Eleventy site: one in it or in a folder above, up to the project's own folder
 * (the nearest holding a `package.json` or `.git`), where Eleventy looks for it.
 */
async function eleventyConfigOf(root: string, entries: readonly Dirent[]): Promise<string | undefined> {
  for (let folder = root; ; folder = dirname(folder)) {
    const names =
      folder === root
        ? entries.map((entry) => entry.name)
        : await readdir(folder).catch(() => [] as string[]);
    const config = eleventyConfigIn(names);
    if (config !== undefined) return join(folder, config);
    if (names.includes('package.json') || names.includes('.git') || dirname(folder) === folder)
      return undefined;
  }
}

/** Hugo's name for a leaf bundle's page: `index.md`, `index.markdown`, in a language (`index.fr.md`). */
export function isBundleIndex(name: string): boolean {
  return /^index\.(md|markdown)$/.test(splitLanguage(name.toLowerCase()).name);
}

/**
 * Whether the folder at `inside` (relative to the content folder), holding files named `names`, is a
 * Hugo leaf bundle, in a Hugo site's content (`hugo`, see {@link FoundArticles.hugo}): one holding an
 * `index.md` (see {@link isBundleIndex}). Its other files, and its folders, are the page's
 * resources, of which Hugo writes no page (a headless bundle's snippets). Never the content folder.
 */
export function isLeafBundle(inside: string, names: readonly string[], hugo: string | undefined): boolean {
  if (hugo === undefined || inside === '' || inside === hugo) return false;
  // A folder on the way to the content folder (`contentDir` deeper than the site's folder) is none.
  return (hugo === '' || isWithin(inside, hugo)) && names.some(isBundleIndex);
}

/** The folder of `inside`, relative as it is (`''` at the top). */
function folderOf(inside: string): string {
  const parts = inside.split(sep);
  parts.pop();
  return parts.join(sep);
}

const NO_BUNDLES: ReadonlySet<string> = new Set();
const NO_FOLDERS: ReadonlySet<string> = new Set();

/** Whether the path `inside` is `folder` or inside it, part by part (both relative, as walked). */
function isWithin(inside: string, folder: string): boolean {
  return inside === folder || inside.startsWith(`${folder}${sep}`);
}

/**
 * At a Hugo site's own folder (`hugo`, its content folder inside: see {@link FoundArticles.hugo}),
 * whether `inside` is in that content folder or on the way to it, the site's folder (`''`) too:
 * Hugo makes pages of nothing else (not of its themes, layouts, archetypes, static files, output
 * or a README.md beside them).
 */
function isHugoContentWay(inside: string, hugo: string | undefined): boolean {
  return (
    hugo === undefined || hugo === '' || inside === '' || isWithin(inside, hugo) || isWithin(hugo, inside)
  );
}

/** Jekyll's configuration files, in the order it looks for one. */
const JEKYLL_CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'] as const;

/**
 * What the Jekyll site builds of its posts dated in the future (its `future`), and its `timezone`:
 * the content folder's own site (`jekyll`, `entries` its own), or the site whose `_posts` folder it
 * is (see {@link JEKYLL_CONFIG_FILES}). Not a Jekyll site's: Jekyll's defaults, none and UTC (a file
 * in `_posts` is a Jekyll post all the same, see parseArticle).
 */
async function jekyllConfigOf(
  root: string,
  entries: readonly Dirent[],
  jekyll: boolean,
): Promise<{
  builds: SiteBuilds;
  zone: SiteZone;
  permalinks: PermalinksRead;
  address?: SiteAddress;
  site?: string;
  /** Its `excerpt_separator`, which each post reads as its own unless it sets one. */
  posts?: Readonly<Record<string, unknown>>;
  /** Whether its plugins (or the older `gems`) have jemoji, which makes emoji of shortcodes; none for no site. */
  emoji?: boolean;
  problems: readonly ConfigProblem[];
}> {
  const site = jekyll ? root : basename(root) === '_posts' ? dirname(root) : undefined;
  if (site === undefined)
    return { builds: DEFAULT_BUILDS, zone: UTC, permalinks: NO_PERMALINKS_READ, problems: [] };
  const names = site === root ? entries.map((entry) => entry.name) : await readdir(site).catch(() => []);
  const file = JEKYLL_CONFIG_FILES.find((name) => names.includes(name));
  const path = file === undefined ? undefined : join(site, file);
  const text = path === undefined ? undefined : await readFile(path, 'utf8').catch(() => undefined);
  const problems: ConfigProblem[] = [];
  const data = path === undefined || text === undefined ? undefined : await configData(path, text, problems);
  const zone = data?.['timezone'];
  // The posts collection's permalink, where the configuration sets one, is theirs rather than the site's.
  const collections = data?.['collections'];
  const posts = isFields(collections) && isFields(collections['posts']) ? collections['posts'] : undefined;
  const postsPermalink = posts?.['permalink'];
  const ownPermalink = typeof postsPermalink === 'string' && postsPermalink.trim() !== '';
  const permalink = jekyllPermalink(ownPermalink ? postsPermalink : data?.['permalink']);
  const collectionsDir = data?.['collections_dir'];
  const collectionsFolder =
    typeof collectionsDir === 'string' && site === root
      ? collectionsDir.trim().replace(/^(?:\.\/)?\/*|\/+$/g, '')
      : '';
  // A scope's path is counted without collections_dir too, as the posts' paths are (Jekyll's
  // strip_collections_dir): `my_collections/_posts` is `_posts`.
  const defaults = jekyllDefaults(data?.['defaults']).map((entry) => ({
    ...entry,
    path: withoutCollectionsDir(collectionsFolder, entry.path),
  }));
  const separator = data?.['excerpt_separator'];
  const scoped = defaults.some((entry) => entry.permalink !== undefined || entry.values !== undefined)
    ? { jekyllDefaults: defaults, jekyllPrefix: site === root ? '' : basename(root) }
    : {};
  const address = siteAddressOf(data?.['url'], data?.['baseurl']);
  const based = address !== undefined && address !== siteAddressOf(data?.['url']);
  const plugins = [data?.['plugins'], data?.['gems']].flatMap((list: unknown): unknown[] =>
    Array.isArray(list) ? list : [],
  );
  return {
    emoji: plugins.includes('jemoji'),
    ...(address === undefined || file === undefined
      ? {}
      : { address: { url: address, setting: `${file} url${based ? ' and baseurl' : ''}` } }),
    // Jekyll reads YAML 1.1, where `future: yes` is true too.
    builds: { ...DEFAULT_BUILDS, future: isYes(data?.['future']) },
    zone:
      path === undefined || text === undefined || zone === undefined
        ? UTC
        : zoneSetting({ path, text, key: 'timezone', value: zone }),
    // A site with a configuration (Jekyll reads none without): its default addresses are Jekyll's.
    permalinks:
      path === undefined || text === undefined
        ? NO_PERMALINKS_READ
        : {
            permalinks: {
              ...(permalink === undefined ? {} : { jekyll: permalink }),
              ...scoped,
              ...(collectionsFolder === '' ? {} : { jekyllCollectionsDir: collectionsFolder }),
              generator: 'jekyll',
            },
            notes: [
              ...(permalink === undefined
                ? []
                : permalinkNotes(
                    { path, text, key: ownPermalink ? 'collections' : 'permalink' },
                    permalink,
                    ownPermalink ? 'collections posts permalink' : 'permalink',
                    'its posts',
                  )),
              ...defaults.flatMap(({ permalink: given, path: scope }) =>
                given === undefined
                  ? []
                  : permalinkNotes(
                      { path, text, key: 'defaults' },
                      given,
                      'defaults permalink',
                      scope === '' ? 'its posts' : `its posts in ${scope}`,
                    ),
              ),
            ],
          },
    // Above the content folder (its `_posts`): watched for edits to its configuration.
    ...(site === root ? {} : { site }),
    ...(typeof separator === 'string' && separator.trim() !== ''
      ? { posts: { excerpt_separator: separator } }
      : {}),
    problems,
  };
}

/** A setting of a site's configuration: its file, text, key as written and value. */
type ConfigSetting = { path: string; text: string; key: string; value: unknown };

/** A configuration file that could not be read: at its file (`path`, as read) and line, where known. */
type ConfigProblem = Omit<ContentProblem, 'file'> & { readonly path: string };

/** Where a configuration's TOML, JSON or YAML reader stopped (a 1-based line, where it says), and why, on one line. */
function configError(error: unknown, text: string): { line?: number; reason: string } {
  const {
    message = String(error),
    line,
    mark,
    reason,
  } = error as {
    message?: string;
    line?: unknown;
    mark?: { line?: unknown };
    reason?: unknown;
  };
  // TOML's and YAML's messages go on with the lines around the mistake; JSON's quote the text, which
  // may hold line breaks: one line either way.
  const said = typeof reason === 'string' ? reason : message;
  const shown = (
    typeof line === 'number' || typeof mark?.line === 'number'
      ? (said.split('\n')[0] ?? '')
      : said.replace(/\s+/g, ' ')
  )
    .trim()
    .slice(0, 200);
  // smol-toml's TomlError: `line`, 1-based; js-yaml's: `mark.line`, 0-based; JSON.parse: a position.
  if (typeof line === 'number') return { line, reason: shown };
  if (typeof mark?.line === 'number') return { line: mark.line + 1, reason: shown };
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return { reason: shown };
  return {
    line: text.slice(0, Number(position)).split('\n').length,
    reason: shown.replace(/ in JSON at position \d+.*/, ''),
  };
}

/** The zone a site's configuration sets (see {@link FoundArticles.timeZone}), or why it sets none. */
interface SiteZone {
  readonly timeZone: string | undefined;
  /** A setting that names no zone, at its file (`path`, as read) and line. */
  readonly problem?: Omit<ContentProblem, 'file'> & { readonly path: string };
}

const UTC: SiteZone = { timeZone: undefined };

/**
 * The zone a configuration's `key` (Hugo's `timeZone`, Jekyll's `timezone`), set to `value` in the
 * file at `path` holding `text`, names, as Intl names it. Blank, `UTC` and Hugo's `Local` (the
 * zone of the machine that builds the site, which the bot cannot know) are UTC, as dates are read
 * without one. A name Intl does not read is a problem, and UTC: the posts are read all the same.
 */
function zoneSetting(setting: ConfigSetting): SiteZone {
  const { path, key, value } = setting;
  if (value === null || (typeof value === 'string' && ['', 'local'].includes(value.trim().toLowerCase())))
    return UTC;
  // `BST`, which Intl reads as Asia/Dhaka, names no single zone (see meantBy): neither Hugo nor Jekyll
  // reads it as meant either.
  const meant = typeof value === 'string' ? meantBy(value) : undefined;
  const zone = typeof value === 'string' && meant === undefined ? canonicalZone(value) : undefined;
  if (zone !== undefined) return { timeZone: zone === 'UTC' ? undefined : zone };
  const wrong =
    typeof value !== 'string'
      ? "expected a time zone's name"
      : meant !== undefined
        ? `${JSON.stringify(value)} is an abbreviation, which places use for different zones`
        : `${JSON.stringify(value.length > 40 ? `${Array.from(value).slice(0, 40).join('')}…` : value)} is no time zone`;
  const line = configKeyLine(setting);
  return {
    timeZone: undefined,
    problem: {
      path,
      ...(line === undefined ? {} : { line }),
      field: key,
      message: `${wrong}: write its IANA name, like ${either((meant ?? ['America/New_York', 'Europe/Berlin']).map((name) => JSON.stringify(name)))} (until then, a date without a zone is read in UTC)`,
    },
  };
}

/**
 * A Jekyll site's configuration, when directly in the content folder (`inside` is relative to it):
 * the folder is then the site's own, whose posts are only the files in its `_posts` folders.
 */
export function isJekyllConfig(inside: string): boolean {
  return /^_config\.(yml|yaml|toml)$/.test(inside);
}

/**
 * How the walk reads the content folder's site, as it found it (see findArticles): which folders it
 * enters, and which files in them are posts.
 */
export interface SiteWalk {
  /** A Jekyll site's folder: only its `_posts` hold posts (see {@link isJekyllConfig}). */
  readonly jekyll: boolean;
  /** Whether posts written in HTML are read (see {@link FoundArticles.htmlPosts}); Jekyll's by default. */
  readonly htmlPosts?: boolean;
  /** Hugo's leaf bundles (see {@link FoundArticles.bundles}). */
  readonly bundles?: ReadonlySet<string>;
  /** Hugo's content folder in the content folder (see {@link FoundArticles.hugo}). */
  readonly hugo?: string | undefined;
  /** The other languages' folders left out (see {@link FoundArticles.otherLanguages}). */
  readonly otherLanguages?: ReadonlySet<string>;
}

/**
 * Whether the walk enters the folder at `inside` (relative to the content folder), the folders above
 * it being entered: not one that holds no articles (see {@link isSkippedFolder}), nor one in a Hugo
 * leaf bundle (in `bundles`: its resources), nor Eleventy's (see {@link GENERATOR_FOLDERS}); at a Hugo
 * site's own folder, only its content folder (`hugo`, see {@link isHugoContentWay}), and in it not the
 * other languages' content folders (`otherLanguages`, see {@link FoundArticles.otherLanguages}). In a Jekyll site
 * (`jekyll`), outside a `_posts` folder, neither a folder Jekyll does not publish as posts (`_site`,
 * `_drafts`, `_layouts`, collections: any `_` folder but `_posts`) nor the top `vendor`, where Jekyll's
 * default exclusions keep installed gems (many a README.md): what is walked is also what is watched.
 */
export function isWalkedFolder(
  inside: string,
  { jekyll, bundles = NO_BUNDLES, hugo, otherLanguages = NO_FOLDERS }: SiteWalk,
): boolean {
  const above = inside.split(sep);
  const name = above.pop() ?? '';
  if (isSkippedFolder(name) || GENERATOR_FOLDERS.has(name) || bundles.has(above.join(sep))) return false;
  if (!isHugoContentWay(inside, hugo) || otherLanguages.has(inside)) return false;
  if (!jekyll) return true;
  if (name === '_posts' || above.includes('_posts')) return true;
  return !name.startsWith('_') && !(above.length === 0 && name === 'vendor');
}

/**
 * Whether what is at `inside` is where the walk goes: every folder on its way, and itself, one it
 * enters (a file whose name fails this, like `.x.md` or a Jekyll site's top `_x.md`, is no article);
 * in a Hugo leaf bundle (in `bundles`), only its page (see {@link isBundleIndex}); at a Hugo site's
 * own folder, only what is in its content folder (`hugo`), not in another language's (`otherLanguages`).
 */
export function isWalked(inside: string, walk: SiteWalk): boolean {
  const parts = inside.split(sep);
  const last = parts.length - 1;
  const bundles = walk.bundles ?? NO_BUNDLES;
  return (
    parts.every((_, i) =>
      isWalkedFolder(parts.slice(0, i + 1).join(sep), {
        ...walk,
        bundles: i < last ? bundles : NO_BUNDLES,
      }),
    ) &&
    (!bundles.has(folderOf(inside)) || isBundleIndex(parts[last] ?? ''))
  );
}

/**
 * Whether the file at `inside`, in a folder the walk enters, is read as an article: a Markdown file
 * (see {@link isArticleName}), in a Hugo leaf bundle (in `bundles`) only its page (see
 * {@link isBundleIndex}), at a Hugo site's own folder one in its content folder (`hugo`), and in
 * a Jekyll site one in a `_posts` folder whose name starts with a date (see {@link isJekyllPostName}),
 * as Jekyll publishes only those as posts (not its pages, like `about.md` or `README.md`, nor an
 * undated `_posts/notes.md`). There, a post written in HTML (`.html`, `.htm`: jekyll-import writes a
 * WordPress blog's so) is one too, and in a Jekyll site's `_posts` folder read as the content folder
 * (`htmlPosts`); HTML files anywhere else are the site's pages or templates.
 */
export function isArticlePath(
  inside: string,
  { jekyll, bundles = NO_BUNDLES, hugo, htmlPosts = jekyll }: SiteWalk,
): boolean {
  const folders = inside.split(sep);
  const name = folders.pop() ?? '';
  if (bundles.has(folders.join(sep)) && !isBundleIndex(name)) return false;
  if (hugo !== undefined && hugo !== '' && !isWithin(folders.join(sep), hugo)) return false;
  if (!jekyll) return isArticleName(name) || (htmlPosts && isHtmlName(name) && isJekyllPostName(name));
  return (isArticleName(name) || isHtmlName(name)) && folders.includes('_posts') && isJekyllPostName(name);
}

/**
 * Whether Jekyll reads a file of this name in `_posts` as a post: one whose name starts with a date,
 * `2024-01-05-`, as its `DATE_FILENAME_MATCHER` reads it (the year of two to four digits, the month and
 * day of one or two; the article's date is read from a four-digit year's); it leaves the others out.
 */
export function isJekyllPostName(name: string): boolean {
  return /^\d{2,4}-\d{1,2}-\d{1,2}-/.test(name);
}

/**
 * Markdown (and MDX) files, but for Hugo's `_index.md` (a list page, not a post; `_index.fr.md` in French) and hidden files
 * (an editor's lock or backup, like Emacs's `.#post.md`).
 */
export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /\.(md|markdown|mdx)$/.test(lower) &&
    !/^_index\.(md|markdown|mdx)$/.test(splitLanguage(lower).name) &&
    !lower.startsWith('.')
  );
}

/** Whether the content folder is a `_posts` folder beside a Jekyll site's configuration. */
async function isJekyllPostsFolder(root: string): Promise<boolean> {
  if (basename(root) !== '_posts') return false;
  const names = await readdir(dirname(root)).catch((): string[] => []);
  return names.some((name) => isJekyllConfig(name));
}

/** An HTML file (`.html`, `.htm`), but a hidden one. */
function isHtmlName(name: string): boolean {
  const lower = name.toLowerCase();
  return /\.html?$/.test(lower) && !lower.startsWith('.');
}

/** Code-unit order, as `Array.prototype.sort` gave before: the same on every disk and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type ReadOutcome = (
  | {
      readonly kind: 'read';
      /** The file's name and bytes hashed: its key in the store. */
      readonly key: string;
      /** What the store holds for the key: then the bytes were not kept. */
      readonly known: ParseResult | undefined;
      /** The bytes, when the store does not know them (decoded where parsed: see parseFile). */
      readonly bytes: Uint8Array | undefined;
    }
  | { readonly kind: 'problems'; readonly problems: readonly ContentProblem[] }
  | { readonly kind: 'gone' }
) & { readonly file: ArticleFile; readonly signature?: string | undefined };

/**
 * Buffers files are read into to be hashed, used again: on a restart nearly every file is one the
 * store knows, and a new buffer for each (tens of megabytes for a large blog) would only grow the
 * memory the process keeps. Only a file to parse is copied out.
 */
const readBuffers: Buffer[] = [];
const READ_BUFFER_BYTES = 64 * 1024;

/**
 * The file read and hashed, with what the store knows of it (its bytes only when the store does not
 * know them), a problem, or `gone` when it is no file (any more).
 */
async function readArticle(
  file: ArticleFile,
  store: ContentStore | undefined,
  readAs: ReadAs,
): Promise<ReadOutcome> {
  const problem = (message: string): ReadOutcome => ({
    kind: 'problems',
    problems: [{ file: file.file, message }],
    file,
  });
  try {
    // Checked before opening it: opening a FIFO would wait for a writer.
    const info = await stat(file.path);
    if (!info.isFile()) return { kind: 'gone', file };
    const signature = signatureOf(info);
    const tooLarge = (size: number): ReadOutcome => ({
      ...problem(tooLargeMessage(size)),
      signature,
    });
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    // A byte more than it had: a file that grew since is read whole by readFile instead.
    const wanted = info.size + 1;
    const pooled =
      wanted <= READ_BUFFER_BYTES
        ? (readBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES))
        : undefined;
    const buffer = pooled ?? Buffer.allocUnsafeSlow(wanted);
    try {
      const length = await readInto(file.path, buffer.subarray(0, wanted));
      const bytes = length === wanted ? await readFile(file.path) : buffer.subarray(0, length);
      if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
      const key = fileKey(file.file, bytes, readAs);
      const known = store?.get(key);
      // A copy of its own: the buffer is read into again.
      const kept = known === undefined ? new Uint8Array(bytes) : undefined;
      return { kind: 'read', key, known, bytes: kept, file, signature };
    } finally {
      if (pooled !== undefined) readBuffers.push(pooled);
    }
  } catch (error) {
    const reason = readFailure(error);
    return reason === undefined ? { kind: 'gone', file } : problem(reason);
  }
}

/**
 * The readers of a cascade, loaded at the first one to read: they check its fields against the front
 * matter's schema, whose libraries (zod, the YAML and TOML readers) the bot's own thread otherwise
 * never loads once the content store knows every file (some megabytes of its memory).
 */
async function cascadeReaders(): Promise<{
  readonly readFrontMatter: typeof import('../core/front-matter.js').readFrontMatter;
  readonly cascadesOf: typeof import('../core/cascade-read.js').cascadesOf;
}> {
  const [{ readFrontMatter }, { cascadesOf }] = await Promise.all([
    import('../core/front-matter.js'),
    import('../core/cascade-read.js'),
  ]);
  return { readFrontMatter, cascadesOf };
}

/** The path of `to` from the folder `from`, with `/` whatever the system's separator (`config/_default/hugo.toml`). */
function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
