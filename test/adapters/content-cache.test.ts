import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentCache } from '../../src/adapters/content-cache.js';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { createLogger } from '../../src/adapters/logger.js';
import type { ParseResult } from '../../src/core/parse-article.js';
import { articleSource, validFront } from '../helpers/articles.js';

let dir: string;
let cachePath: string;
let logs: { level: number; msg: string }[];
const logger = createLogger(
  { level: 'info' },
  { write: (line: string) => logs.push(JSON.parse(line) as { level: number; msg: string }) },
);
const SETTINGS = { siteUrl: 'https://blog.example', articleUrl: '/blog/:slug' };

const put = (name: string, title: string): void =>
  writeFileSync(join(dir, 'content', name), articleSource(validFront({ title }), '## Tips\n\n- **A:** b'));

async function load(settings = SETTINGS): Promise<ContentLibrary> {
  const cache = await ContentCache.open(cachePath, settings, logger);
  const library = await ContentLibrary.open({ dir: join(dir, 'content'), ...settings, logger, cache });
  await library.close();
  return library;
}

interface Saved {
  version: string;
  entries: [string, ParseResult][];
}
const saved = (): Saved => JSON.parse(readFileSync(cachePath, 'utf8')) as Saved;

/** Marks every cached article, so that a result taken from the cache shows it was not parsed again. */
function markCachedTitles(): void {
  const file = saved();
  for (const [, result] of file.entries)
    if (result.ok) Object.assign(result.article, { title: `${result.article.title} (cached)` });
  writeFileSync(cachePath, JSON.stringify(file));
}
const titles = (library: ContentLibrary): string[] => library.current.articles.map((a) => a.title).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-'));
  mkdirSync(join(dir, 'content'));
  cachePath = join(dir, 'data', 'content-cache.json');
  logs = [];
  put('a.md', 'Alpha');
  put('b.md', 'Beta');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ContentCache', () => {
  it('GIVEN a second start THEN files unchanged since are taken from the cache, and the others parsed', async () => {
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    expect(saved().entries).toHaveLength(2);
    markCachedTitles();
    put('b.md', 'Beta, edited');
    expect(titles(await load())).toEqual(['Alpha (cached)', 'Beta, edited']);
  });

  it('GIVEN a second start THEN the search index is restored from the cache, re-indexing only the files changed since', async () => {
    await load();
    const restored = await load();
    // A restored index that needed no change; one built anew would have changed once.
    expect(restored.current.search.revision).toBe(0);
    expect(restored.current.search.search('alpha').map((a) => a.slug)).toEqual(['a']);

    put('b.md', 'Gamma');
    const next = await load();
    expect(next.current.search.revision).toBe(1);
    expect(next.current.search.search('beta')).toEqual([]);
    expect(next.current.search.search('gamma').map((a) => a.slug)).toEqual(['b']);
    // Written again with the edit: the start after needs no change either.
    expect((await load()).current.search.revision).toBe(0);
  });

  it('GIVEN a file removed THEN its entry leaves the cache at the next write', async () => {
    await load();
    unlinkSync(join(dir, 'content', 'b.md'));
    put('c.md', 'Gamma');
    await load();
    expect(saved().entries).toHaveLength(2);
  });

  it('GIVEN other settings THEN the cache is not used, as every address may differ', async () => {
    await load();
    markCachedTitles();
    const other = await load({ ...SETTINGS, siteUrl: 'https://other.example' });
    expect(titles(other)).toEqual(['Alpha', 'Beta']);
    expect(other.current.articles[0]?.url).toMatch(/^https:\/\/other\.example\//);
  });

  it('GIVEN a cache file that is not JSON THEN it is ignored with a warning and written anew', async () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(cachePath, '{ not json');
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    expect(logs.some((l) => l.level === 40 && /content cache could not be read/.test(l.msg))).toBe(true);
    expect(saved().entries).toHaveLength(2);
  });

  it('GIVEN nothing parsed since the last write THEN the file is not written again', async () => {
    await load();
    const written = statSync(cachePath);
    await load();
    expect(statSync(cachePath)).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
  });
});
