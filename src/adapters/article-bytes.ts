import { constants, closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ContentProblem } from '../core/article.js';
import type { ArticleSource } from '../core/parse-article.js';

/*
 * What the bot's main thread and the parse workers both need to read an article's file alike: its
 * size limit, its signature and its key in the content store. Nothing here loads the parser.
 */

/** Larger files are refused rather than parsed: an article is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function tooLargeMessage(size: number): string {
  return `the file has ${size} bytes; an article may have at most ${MAX_FILE_BYTES}: shorten it, or split it into articles`;
}

/** The signature of a file as `stat` describes it: equal signatures mean the file was not written since. */
export function signatureOf(info: { ino: number; size: number; mtimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}

/**
 * What a file's parse depends on besides its name, its bytes and the settings (which key the whole
 * store): its path in the content folder (Hugo's sections, Jekyll's categories), the language read
 * of translations, whether it is in an Eleventy or a Hugo site, what Hugo's `_index.md` files above
 * it cascade to it, the site's time zone and the address pattern its configuration gives the file
 * (all read at each walk).
 */
export type ReadAs = Pick<
  ArticleSource,
  | 'contentPath'
  | 'language'
  | 'languages'
  | 'eleventy'
  | 'hugo'
  | 'cascade'
  | 'timeZone'
  | 'emoji'
  | 'articleUrl'
  | 'urlRules'
  | 'fileNameDates'
  | 'hugoSections'
>;

/**
 * The key of a file's bytes under its name (the name gives the slug and date) in the content store,
 * read as `readAs` says: the same file found in another place, or another kind of site, is parsed anew.
 */
export function fileKey(file: string, bytes: Uint8Array, readAs: ReadAs = {}): string {
  const how = JSON.stringify([
    readAs.contentPath ?? null,
    readAs.eleventy === true,
    readAs.hugo === true,
    // An `_index.md` edited changes the pages below it as much as their own bytes.
    readAs.cascade ?? null,
    readAs.timeZone ?? null,
    readAs.emoji === true,
    // ARTICLE_URL keys the whole store; a pattern of the site's configuration, the file.
    readAs.urlRules === undefined ? null : [readAs.urlRules, readAs.articleUrl ?? null],
    readAs.fileNameDates ?? null,
    readAs.hugoSections ?? null,
    // The language read, which may be the site's default (see FoundArticles.language): a post's name.
    readAs.language ?? null,
    readAs.languages ?? null,
  ]);
  return createHash('sha256')
    .update(how)
    .update('\0')
    .update(file)
    .update('\0')
    .update(bytes)
    .digest('base64url');
}

/**
 * Why reading a file failed, as a problem says it; nothing when it was removed between the walk and
 * the read (or by the edit being watched): no file, no problem.
 */
export function readFailure(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? undefined
    : `cannot read the file (${code ?? 'error'})${accessHint(code, 'file')}`;
}

/**
 * What to do when the system refused the bot's user: the rights to give (EACCES) on a file (read) or a
 * folder (read and enter), and on the folders above it, which a refusal may come from; or that no
 * right helps (EPERM). Nothing for other errors.
 */
export function accessHint(code: string | undefined, what: 'file' | 'folder'): string {
  // EPERM is no missing right but a rule above them (an immutable file, SELinux, macOS's privacy).
  if (code === 'EPERM')
    return ': the system forbids it (a file attribute or a security policy), not its rights';
  if (code !== 'EACCES') return '';
  const needs = what === 'file' ? 'read it (r)' : 'list it (r, x)';
  return `: the bot's user must be let ${needs}, and enter every folder above it (x); \`namei -l <path>\` shows which one refuses`;
}

/** A file read: its bytes, key and signature; a problem; or `gone` when it is no file (any more). */
export type FileRead =
  | { readonly kind: 'read'; readonly key: string; readonly signature: string; readonly bytes: Buffer }
  | { readonly kind: 'problems'; readonly problems: readonly ContentProblem[]; readonly signature?: string }
  | { readonly kind: 'gone' };

/**
 * Reads a file at once, as a parse worker does (blocking only its own thread): synchronous reads cost
 * a tenth of the promise API's four round trips through libuv's pool. `file` names it in problems.
 */
export function readFileNow(path: string, file: string, readAs: ReadAs = {}): FileRead {
  const problem = (message: string, signature?: string): FileRead => ({
    kind: 'problems',
    problems: [{ file, message }],
    ...(signature === undefined ? {} : { signature }),
  });
  let fd: number | undefined;
  try {
    // Checked before opening it: opening a FIFO would wait for a writer (and O_NONBLOCK, should it
    // have become one since, opens it without waiting).
    if (!statSync(path).isFile()) return { kind: 'gone' };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'gone' };
    const signature = signatureOf(info);
    if (info.size > MAX_FILE_BYTES) return problem(tooLargeMessage(info.size), signature);
    // Read to its end, should it have grown since.
    const bytes = readFileSync(fd);
    if (bytes.length > MAX_FILE_BYTES) return problem(tooLargeMessage(bytes.length), signature);
    return { kind: 'read', key: fileKey(file, bytes, readAs), signature, bytes };
  } catch (error) {
    const reason = readFailure(error);
    return reason === undefined ? { kind: 'gone' } : problem(reason);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
