import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches a tree of folders with one `fs.watch` per folder: the system reports any entry of a
 * watched folder that is added, removed, renamed or written, by name. One watch per folder, not per
 * file (as general-purpose watchers do), so a blog of 10,000 posts costs a few watches and no walk.
 * Which folders to watch is the caller's to say (see {@link sync}), from its own walk.
 */
export class FolderWatcher {
  readonly #watchers = new Map<string, FSWatcher>();
  readonly #onChange: (path: string) => void;
  readonly #onError: (error: Error, folder: string) => void;
  #closed = false;

  /**
   * `onChange` gets the path of what changed (a file or a folder, which may be gone), or the folder
   * itself when the system does not say which entry; `onError` a folder that can no longer be watched.
   */
  constructor(onChange: (path: string) => void, onError: (error: Error, folder: string) => void) {
    this.#onChange = onChange;
    this.#onError = onError;
  }

  /** Whether `path` is a folder being watched. */
  has(path: string): boolean {
    return this.#watchers.has(path);
  }

  /** Watches exactly `folders` (absolute paths): the new ones start, the others stop. */
  sync(folders: Iterable<string>): void {
    const wanted = new Set(folders);
    for (const [folder, watcher] of this.#watchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.#watchers.delete(folder);
    }
    for (const folder of wanted) this.add(folder);
  }

  /**
   * Watches `folder` (an absolute path) too, if it is not yet: before a walk reads it, so that nothing
   * added to it between that read and the watch goes unheard. Nothing once closed.
   */
  add(folder: string): void {
    if (this.#closed || this.#watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_, name) =>
        this.#onChange(name === null ? folder : join(folder, name)),
      );
      watcher.on('error', (error) => {
        watcher.close();
        this.#watchers.delete(folder);
        this.#onError(error, folder);
        // Gone, most likely: whoever watches its parent hears of it; a rescan sorts it out.
        this.#onChange(folder);
      });
      this.#watchers.set(folder, watcher);
    } catch (error) {
      // Removed since the walk, or the system's limit of watches reached.
      this.#onError(error as Error, folder);
    }
  }

  close(): void {
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }
}
