import { parseFile, type FileBytes, type StoredForm } from './parse-file.js';

/** A worker thread's task (see parse-pool.ts): parse these files, in order. */
export default function parseBatch(files: readonly FileBytes[]): StoredForm[] {
  return files.map((file) => parseFile(file));
}
