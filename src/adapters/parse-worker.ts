import { parseFile } from './parse-bytes.js';
import type { FileBytes, StoredForm } from './parse-file.js';

/** A worker thread's task (see parse-pool.ts): parse these files, in order. */
export default function parseBatch(files: readonly FileBytes[]): StoredForm[] {
  return files.map((file) => parseFile(file));
}
