import { readFile, readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** Lines of one `.eleventyignore` read at most: a file of other things is no list of ignores. */
const MAX_IGNORES = 1000;

/**
 * Whether a file (its real path) is one an Eleventy site leaves out, by the `.eleventyignore` in its
 * input folder (`root`, the content folder) and in its project's folder (the nearest above with a
 * `package.json` or `.git`), as Eleventy reads them: each line a path or glob from the folder of its
 * file (`README.md`, `_drafts/`, `notes/**\/*.md`; a folder stands for all inside it), `#` lines,
 * blank ones and `!` ones aside. Nothing when neither file lists anything. Read when the walk starts.
 */
export async function eleventyIgnored(root: string): Promise<((path: string) => boolean) | undefined> {
  const lists: { folder: string; matches: (path: string) => boolean }[] = [];
  for (const folder of new Set([root, await projectFolder(root)])) {
    const text = await readFile(join(folder, '.eleventyignore'), 'utf8').catch(() => '');
    const patterns = text
      .split(/\r?\n/)
      .slice(0, MAX_IGNORES)
      // `./x` and `/x` are both from the list's folder, as Eleventy joins them to it.
      .map((line) =>
        line
          .trim()
          .replace(/^\.?\/+/, '')
          .replace(/\/+$/, ''),
      )
      .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
      .flatMap((pattern) => [pattern, `${pattern}/**`]);
    if (patterns.length > 0) lists.push({ folder, matches: picomatch(patterns, { dot: true }) });
  }
  if (lists.length === 0) return undefined;
  return (path) =>
    lists.some(({ folder, matches }) => {
      const inside = relative(folder, path);
      return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && matches(toPosix(inside));
    });
}

/** The project's folder: the nearest from `root` up holding a `package.json` or `.git`, else `root`. */
async function projectFolder(root: string): Promise<string> {
  for (let folder = root; ; folder = dirname(folder)) {
    const names = await readdir(folder).catch(() => [] as string[]);
    if (names.includes('package.json') || names.includes('.git')) return folder;
    if (dirname(folder) === folder) return root;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
