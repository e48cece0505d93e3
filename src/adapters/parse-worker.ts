import { readFileNow } from './article-bytes.js';
import { parseFile } from './parse-bytes.js';
import type { FileBytes, FileToRead, ReadParsed, StoredForm } from './parse-file.js';

/** A worker thread's task (see parse-pool.ts): parse these files, in order. */
export default function parseBatch(files: readonly FileBytes[]): StoredForm[] {
  return files.map((file) => parseFile(file));
}

/**
 * A worker thread's task when the bot has not seen the files (its first start): read them here too,
 * sparing the bot's own thread the reading and hashing (see content-loader.ts).
 */
export function readAndParse(files: readonly FileToRead[]): ReadParsed[] {
  return files.map(({ path, ...source }): ReadParsed => {
    const read = readFileNow(path, source.file, source);
    if (read.kind !== 'read') return read;
    const { key, signature, bytes } = read;
    return { kind: 'parsed', key, signature, form: parseFile({ ...source, bytes }) };
  });
}
