import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ContentProblem } from './core/article.js';

/** The paths content:check reports problems at, each counted once, by what they are. */
export interface ProblemPaths {
  /** Files (articles, a site's configuration) with something wrong in them or about them. */
  readonly files: number;
  /**
   * Symbolic links the walk skipped (`skipped: a link to a folder already read`): no file read
   * there, nor counted among the files, so not "files with problems".
   */
  readonly links: number;
  /** The content folder, or a folder in it, that could not be read. */
  readonly folders: number;
  /**
   * Named pipes, sockets and devices the walk skipped (`skipped: not a regular file`): no file with
   * a problem in it, and none among the files counted before.
   */
  readonly special: number;
}

/**
 * Sorts the paths of `problems` (as the loader names them: from the working directory, or absolute) by
 * what is on disk there. A link is counted apart only when it was skipped: one read as an article
 * names that article's problems, which are a file's.
 */
export async function problemPaths(
  problems: readonly ContentProblem[],
  contentDir: string,
): Promise<ProblemPaths> {
  const skipped = new Set<string>();
  for (const { file, message } of problems) if (message.startsWith('skipped: ')) skipped.add(file);
  const counts = { files: 0, links: 0, folders: 0, special: 0 };
  const root = resolve(contentDir);
  for (const file of new Set(problems.map(({ file }) => file))) {
    const stats = await lstat(file).catch(() => undefined);
    // The content folder itself is a folder whatever is there: missing, or a link to one.
    if (resolve(file) === root && stats?.isFile() !== true) counts.folders++;
    else if (stats?.isSymbolicLink() === true && skipped.has(file)) counts.links++;
    else if (stats?.isDirectory() === true) counts.folders++;
    else if (stats !== undefined && !stats.isFile() && !stats.isSymbolicLink() && skipped.has(file))
      counts.special++;
    else counts.files++;
  }
  return counts;
}

/** The counts said after the problems: `3 file(s) with problems, 2 link(s) skipped`. */
export function describeProblemPaths({ files, links, folders, special }: ProblemPaths): string[] {
  return [
    ...(files > 0 ? [`${files} file(s) with problems`] : []),
    ...(links > 0 ? [`${links} link(s) skipped`] : []),
    ...(special > 0 ? [`${special} special file(s) skipped (a named pipe, a socket or a device)`] : []),
    ...(folders > 0 ? [`${folders} folder(s) not read`] : []),
  ];
}
