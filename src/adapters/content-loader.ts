import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Article, ContentProblem } from '../core/article.js';
import { buildIndex, type ContentIndex } from '../core/content-index.js';
import { parseArticle } from '../core/parse-article.js';

/** Larger files are refused rather than parsed: an article is a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;

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
  const articles: Article[] = [];
  for (const entry of files) {
    const path = join(dir, entry);
    const file = relative(process.cwd(), path).split(sep).join('/');
    const source = await readArticle(path, file, problems);
    if (source === undefined) continue;
    const result = parseArticle({ file, source, siteUrl });
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  const { index, problems: indexProblems } = buildIndex(articles);
  return { index, problems: [...problems, ...indexProblems], fileCount: files.length };
}

async function readArticle(
  path: string,
  file: string,
  problems: ContentProblem[],
): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_FILE_BYTES) {
      problems.push({
        file,
        message: `the file has ${info.size} bytes; an article may have at most ${MAX_FILE_BYTES}`,
      });
      return undefined;
    }
    const bytes = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch (error) {
    const message =
      error instanceof TypeError
        ? 'the file is not valid UTF-8 text'
        : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    problems.push({ file, message });
    return undefined;
  }
}
