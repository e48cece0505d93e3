import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';

const logger = createLogger({ level: 'silent' });
const settings = { siteUrl: 'https://blog.example' };
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nAbout ${title}.\n`;

/**
 * The files of the articles, newest first, as a first start reads them and as a restart reads them
 * back from the content store.
 */
async function orders(content: string): Promise<string[][]> {
  const storePath = join(dir, 'cache', 'content.sqlite');
  const seen: string[][] = [];
  for (let start = 0; start < 2; start++) {
    const store = await ContentStore.open(storePath, settings, logger);
    const library = await ContentLibrary.open({ dir: content, ...settings, logger, store });
    seen.push(library.current.articles.map((article) => relative(content, article.file)));
    await library.close();
    store.close();
  }
  return seen;
}

describe('posts of one day, read from a folder and from the content store', () => {
  it('GIVEN a folder of posts with times THEN the later time first, whatever their paths', async () => {
    dir = mkdtempSync(join(tmpdir(), 'same-day-'));
    put('posts/aa.md', post('Evening', '2024-11-01T20:00:00Z'));
    put('posts/zz.md', post('Morning', '2024-11-01T08:00:00Z'));
    const [first, restart] = await orders(join(dir, 'posts'));
    expect(first).toEqual(['aa.md', 'zz.md']);
    expect(restart).toEqual(first);
  });

  it('GIVEN a Hugo site with two posts of one instant THEN by title, as Hugo lists them, not by path', async () => {
    dir = mkdtempSync(join(tmpdir(), 'same-day-'));
    put('hugo.toml', 'title = "A blog"\n');
    put('content/posts/a.md', post('Apple', '2024-11-01'));
    put('content/posts/z.md', post('Zebra', '2024-11-01'));
    const [first, restart] = await orders(join(dir, 'content'));
    expect(first).toEqual(['posts/a.md', 'posts/z.md']);
    expect(restart).toEqual(first);
  });
});
