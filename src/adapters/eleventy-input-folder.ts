import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { eleventyInputOf } from '../core/eleventy-input.js';
import { eleventyConfigIn, readConfigStart } from './content-loader.js';

/** The input folder of the Eleventy project at a content folder, and the setting that names it. */
export interface EleventyInput {
  /** The folder to read: the content folder's own `dir.input`. */
  readonly dir: string;
  /** Where it is set, to say so: `eleventy.config.js dir.input`. */
  readonly setting: string;
}

/**
 * At an Eleventy project's own folder (its configuration in it), the input folder that configuration
 * sets, when that is a folder inside it (`dir: { input: "content" }`): Eleventy makes pages of nothing
 * else, so the project's README.md and the like are no posts, and a post's `:filepath` starts there.
 * Undefined when the configuration sets none as plain text, or the folder is the project's own.
 */
export async function eleventyInputFolder(dir: string): Promise<EleventyInput | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const config = eleventyConfigIn(names);
  if (config === undefined) return undefined;
  // Its first 64 KB, as other configurations are read: a site's is a few kilobytes.
  const text = await readConfigStart(join(dir, config));
  const input = text === undefined ? undefined : eleventyInputOf(text);
  if (input === undefined || input.trim() === '' || isAbsolute(input)) return undefined;
  const folder = normalize(input.trim()).replace(/[\\/]+$/, '');
  if (folder === '.' || folder === '..' || folder.startsWith(`..${sep}`)) return undefined;
  const path = join(dir, folder);
  if ((await stat(path).catch(() => undefined))?.isDirectory() !== true) return undefined;
  return { dir: path, setting: `${config} dir.input` };
}
