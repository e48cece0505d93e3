import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pMap from 'p-map';
import type { Article, ContentProblem } from '../core/article.js';
import { buildIndex, type ContentIndex } from '../core/content-index.js';
import { parseArticle } from '../core/parse-article.js';

/** Larger files are refused rather than parsed: an article is a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Files read at the same time: enough to keep libuv's thread pool busy, few enough for any ulimit. */
const READ_CONCURRENCY = 32;

export interface LoadedContent {
  readonly index: ContentIndex;
  readonly problems: readonly ContentProblem[];
  readonly fileCount: number;
}

/**
 * Reads every `**\/*.md` under `dir`, parses and indexes the valid articles, and reports the others.
 * Files are read in sorted order, so that which of two duplicate slugs wins does not depend on the disk.
 */
export async function loadContent(dir: string, siteUrl: string | undefined): Promise<LoadedContent> {
  const problems: ContentProblem[] = [];
  let files: string[];
  try {
    const entries = await readdir(dir, { recursive: true });
    files = entries.filter((entry) => entry.toLowerCase().endsWith('.md')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the folder does not exist' : `cannot read the folder (${code ?? 'error'})`;
    problems.push({ file: dir, message: reason });
    files = [];
  }
  // Read many at once (the disk waits overlap), then parse in file order.
  const read = await pMap(
    files,
    (entry) => {
      const path = join(dir, entry);
      return readArticle(path, relative(process.cwd(), path).split(sep).join('/'));
    },
    { concurrency: READ_CONCURRENCY },
  );
  const articles: Article[] = [];
  for (const outcome of read) {
    if (outcome === undefined) continue;
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const result = parseArticle({ file: outcome.file, source: outcome.source, siteUrl });
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  const { index, problems: indexProblems } = buildIndex(articles);
  return { index, problems: [...problems, ...indexProblems], fileCount: files.length };
}

type ReadOutcome = { file: string; source: string } | { problem: ContentProblem } | undefined;

/** The file's text (BOM dropped, line ends made \n), a problem, or undefined when it is not a file. */
async function readArticle(path: string, file: string): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_FILE_BYTES) {
      return {
        problem: {
          file,
          message: `the file has ${info.size} bytes; an article may have at most ${MAX_FILE_BYTES}`,
        },
      };
    }
    const bytes = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { file, source: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  } catch (error) {
    const message =
      error instanceof TypeError
        ? 'the file is not valid UTF-8 text'
        : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    return { problem: { file, message } };
  }
}
