import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import * as loader from '../../src/adapters/content-loader.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { eventually } from '../helpers/eventually.js';

/**
 * A gate that holds the next call to stand for a slow read or walk (a `git pull` of hundreds of
 * files): the files and the watcher stay real, only when the library gets to go on is the test's.
 */
function gate(): { reached: Promise<void>; hold: () => Promise<void>; open: () => void } {
  let reach = (): void => undefined;
  let open = (): void => undefined;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    reached,
    open,
    hold: () => {
      reach();
      return opened;
    },
  };
}

const gates = vi.hoisted(() => ({
  read: undefined as { hold: () => Promise<void> } | undefined,
  walk: undefined as { hold: () => Promise<void> } | undefined,
  /** The next read fails (a store that cannot be written for a moment, say). */
  fail: false,
}));

vi.mock('../../src/adapters/content-loader.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/adapters/content-loader.js')>();
  return {
    ...actual,
    // Each refresh reads its files once, so its calls count the refreshes.
    readArticles: vi.fn(async (...args: Parameters<typeof actual.readArticles>) => {
      const held = gates.read;
      gates.read = undefined;
      await held?.hold();
      if (gates.fail) {
        gates.fail = false;
        throw new Error('disk full');
      }
      return actual.readArticles(...args);
    }),
    // Held once the folders are read, before the walk's result is used.
    findArticles: vi.fn(async (...args: Parameters<typeof actual.findArticles>) => {
      const found = await actual.findArticles(...args);
      const held = gates.walk;
      gates.walk = undefined;
      await held?.hold();
      return found;
    }),
  };
});

let dir: string;
let library: ContentLibrary | undefined;

const put = (name: string, text: string): void => writeFileSync(join(dir, name), text);
const article = (title: string): string => articleSource(validFront({ title }), '## Tips\n\n- **Ask:** x');
const titles = (lib: ContentLibrary): string[] => lib.current.articles.map((a) => a.title).sort();

async function open(): Promise<ContentLibrary> {
  const logger = createLogger({ level: 'warn' }, { write: () => undefined });
  library = await ContentLibrary.open(
    { dir, siteUrl: 'https://blog.example', logger, store: ContentStore.memory(logger) },
    { watch: true },
  );
  return library;
}

beforeEach(() => {
  // A folder of the test's own holds the content folder, whose parent the library watches too.
  dir = join(mkdtempSync(join(tmpdir(), 'library-storm-')), 'blog');
  mkdirSync(dir);
  put('a.md', article('Alpha'));
  vi.mocked(loader.readArticles).mockClear();
});
afterEach(async () => {
  gates.read = undefined;
  gates.walk = undefined;
  gates.fail = false;
  await library?.close();
  library = undefined;
  rmSync(dirname(dir), { recursive: true, force: true });
});

describe('ContentLibrary watching a storm of events', () => {
  it('GIVEN batches of files written while a refresh runs THEN they are read together by one refresh, not one refresh per batch, and an explicit refresh still reads its file', async () => {
    const lib = await open();
    const slow = gate();
    gates.read = slow;
    put('b.md', article('Beta'));
    await slow.reached;
    const calls = vi.mocked(loader.readArticles).mock.calls.length;

    // Rounds further apart than the watcher's batching window (50 ms): one batch each. Fewer files
    // than start the parsing workers, which take seconds to start from source on a loaded machine.
    const rounds = 10;
    const expected = ['Alpha', 'Beta'];
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < 10; i++) {
        const title = `Post ${round}-${i}`;
        put(`post-${round}-${i}.md`, article(title));
        expected.push(title);
      }
      await sleep(120);
    }
    put('explicit.md', article('Explicit'));
    expected.push('Explicit');
    const explicit = lib.refresh({ paths: [join(dir, 'explicit.md')] });
    slow.open();

    // The caller's refresh resolves once its file is in.
    await explicit;
    expect(titles(lib)).toContain('Explicit');
    await eventually(() => expect(titles(lib)).toEqual(expected.sort()));
    // The batches that came meanwhile, one refresh (and another for a batch late to arrive), and the
    // explicit one: far fewer than one refresh per batch.
    expect(vi.mocked(loader.readArticles).mock.calls.length - calls).toBeLessThanOrEqual(3);
  });

  it('GIVEN a refresh of the watcher that fails THEN its files are read with the next change', async () => {
    const lib = await open();
    const calls = vi.mocked(loader.readArticles).mock.calls.length;
    gates.fail = true;
    put('b.md', article('Beta'));
    await eventually(() => expect(gates.fail).toBe(false));
    expect(titles(lib)).toEqual(['Alpha']);
    put('c.md', article('Gamma'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Beta', 'Gamma']));
    expect(vi.mocked(loader.readArticles).mock.calls.length).toBeGreaterThan(calls + 1);
  });

  it('GIVEN a file written into a new nested folder after the walk read it, before the walk ended THEN it is read all the same', async () => {
    const lib = await open();
    const walk = gate();
    gates.walk = walk;
    const walks = vi.mocked(loader.findArticles).mock.calls.length;
    mkdirSync(join(dir, 'posts', '2024'), { recursive: true });
    // The rescan the new folder's event asks for has read both folders, each watched before it was read.
    await walk.reached;
    put('posts/2024/c.md', article('Gamma'));
    walk.open();
    await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Gamma']));
    // Watched now: a later file shows as well.
    put('posts/2024/d.md', article('Delta'));
    await eventually(() => expect(titles(lib)).toEqual(['Alpha', 'Delta', 'Gamma']));
    // The new folders' walk (and one for another event of theirs, where a system reports it)...
    const walked = vi.mocked(loader.findArticles).mock.calls.length;
    expect(walked - walks).toBeLessThanOrEqual(3);
    // ...and no more: nothing reads the folders again and again. (A loop would walk every batch,
    // 50 ms; without one nothing can walk, so this wait cannot fail a library that is right.)
    await sleep(500);
    expect(vi.mocked(loader.findArticles).mock.calls.length).toBe(walked);
  });
});
