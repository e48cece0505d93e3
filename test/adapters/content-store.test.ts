import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { ContentStore, StoredArticle } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { articleSource, validFront } from '../helpers/articles.js';

let dir: string;
let storePath: string;
let logs: { level: number; msg: string }[];
const logger = createLogger(
  { level: 'info' },
  { write: (line: string) => logs.push(JSON.parse(line) as { level: number; msg: string }) },
);
const SETTINGS = { siteUrl: 'https://blog.example', articleUrl: '/blog/:slug' };
const open: ContentStore[] = [];

const put = (name: string, title: string, tip = 'Listen first.'): void =>
  writeFileSync(
    join(dir, 'content', name),
    articleSource(validFront({ title }), `## Tips\n\n- **A:** ${tip}`),
  );

/** A start of the bot, and its stop (the store closed: another may open it, and `rows` read it). */
async function load(settings = SETTINGS): Promise<ContentLibrary> {
  const store = await ContentStore.open(storePath, settings, logger);
  const library = await ContentLibrary.open({ dir: join(dir, 'content'), ...settings, logger, store });
  await library.close();
  store.close();
  return library;
}

/** A running bot's content: its store open (and locked). */
async function running(): Promise<ContentLibrary> {
  const store = await ContentStore.open(storePath, SETTINGS, logger);
  open.push(store);
  return ContentLibrary.open({ dir: join(dir, 'content'), ...SETTINGS, logger, store });
}

/** The store's file as another program sees it. */
function rows(): { key: string; result: string }[] {
  const db = new Database(storePath, { readonly: true });
  try {
    return db.prepare('SELECT key, result FROM parsed').all() as { key: string; result: string }[];
  } finally {
    db.close();
  }
}

/** Marks every stored article, so that an article taken from the store shows it was not parsed again. */
function markStoredTitles(): void {
  const db = new Database(storePath);
  db.exec(`UPDATE parsed SET result = json_set(result, '$.article.title', json_extract(result, '$.article.title') || ' (stored)')
           WHERE json_extract(result, '$.ok')`);
  db.close();
}
const titles = (library: ContentLibrary): string[] => library.current.articles.map((a) => a.title).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'));
  mkdirSync(join(dir, 'content'));
  storePath = join(dir, 'data', 'content-cache.sqlite');
  logs = [];
  put('a.md', 'Alpha');
  put('b.md', 'Beta');
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ContentStore', () => {
  it('GIVEN a second start THEN files unchanged since are taken from the store, and the others parsed', async () => {
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    expect(rows()).toHaveLength(2);
    markStoredTitles();
    put('b.md', 'Beta, edited');
    expect(titles(await load())).toEqual(['Alpha (stored)', 'Beta, edited']);
  });

  it('GIVEN two long file names alike in their first 64 characters THEN both are articles, from the store too', async () => {
    const long = 'what-i-learned-in-ten-years-of-engineering-leadership-a-long-series-part';
    put(`${long}-one.md`, 'Part one');
    put(`${long}-two.md`, 'Part two');
    const first = await load();
    expect(first.problems).toEqual([]);
    expect(titles(first)).toEqual(['Alpha', 'Beta', 'Part one', 'Part two']);
    // A restart takes them from the store, whole slugs and all.
    markStoredTitles();
    const again = await load();
    expect(again.problems).toEqual([]);
    expect(
      again.current.articles
        .map((a) => a.fullSlug)
        .filter(Boolean)
        .sort(),
    ).toEqual([`${long}-one`, `${long}-two`]);
  });

  it('GIVEN articles loaded THEN their sections stay on disk, read when used', async () => {
    const library = await running();
    const [article] = library.current.articles;
    expect(article).toBeInstanceOf(StoredArticle);
    // Nothing of the sections is held by the article in memory…
    expect(JSON.stringify(article)).not.toContain('Listen first.');
    expect(article?.outline).toEqual({ tips: 1 });
    // …and they read as parsed.
    expect(article?.sections.tips?.items[0]).toMatchObject({ name: 'A', text: 'Listen first.' });
    expect(library.current.items('tips').map((ref) => ref.item.text)).toEqual([
      'Listen first.',
      'Listen first.',
    ]);
  });

  it('GIVEN a file edited while running THEN search finds the new text only, and the old text leaves at the stop', async () => {
    const library = await running();
    const before = library.current;
    expect(before.search.search('listen').map((a) => a.slug)).toHaveLength(2);
    put('b.md', 'Beta', 'Write things down.');
    await library.refresh({ paths: [join(dir, 'content', 'b.md')] });
    expect(library.current.search.search('listen').map((a) => a.slug)).toEqual(['a']);
    expect(library.current.search.search('write').map((a) => a.slug)).toEqual(['b']);
    // An answer still reading the index of before finds what it found then, sections included.
    expect(before.search.search('write')).toEqual([]);
    expect(before.bySlug('b')?.sections.tips?.items[0]?.text).toBe('Listen first.');
    await library.close();
    open.pop()?.close();
    expect(rows()).toHaveLength(2);
  });

  it('GIVEN a broken edit THEN the last good version keeps its sections in the store through a prune', async () => {
    const library = await running();
    writeFileSync(join(dir, 'content', 'b.md'), '---\ntitle: [unclosed\n---\n');
    await library.refresh({ paths: [join(dir, 'content', 'b.md')] });
    await library.close();
    expect(titles(library)).toEqual(['Alpha', 'Beta']);
    expect(library.current.bySlug('b')?.sections.tips?.items[0]?.text).toBe('Listen first.');
    expect(logs.some((l) => l.level === 50)).toBe(false);
  });

  it('GIVEN a file broken while the bot was stopped THEN the next start keeps its last good version, says so, and a fix replaces it', async () => {
    await load();
    const broken = '---\ntitle: [unclosed\n---\n';
    writeFileSync(join(dir, 'content', 'b.md'), broken);
    const again = await running();
    expect(titles(again)).toEqual(['Alpha', 'Beta']);
    expect(again.current.bySlug('b')?.sections.tips?.items[0]?.text).toBe('Listen first.');
    await again.close();
    for (const store of open.splice(0)) store.close();
    expect(again.problems).toEqual([expect.objectContaining({ file: join(dir, 'content', 'b.md') })]);
    expect(logs.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/^kept the last good version: .*b\.md/),
    );
    // Still broken at the start after: still kept (the prune keeps its text).
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    put('b.md', 'Beta, fixed');
    expect(titles(await load())).toEqual(['Alpha', 'Beta, fixed']);
  });

  it('GIVEN a file removed while stopped, then written again broken THEN no older version comes back', async () => {
    await load();
    unlinkSync(join(dir, 'content', 'b.md'));
    expect(titles(await load())).toEqual(['Alpha']);
    writeFileSync(join(dir, 'content', 'b.md'), '---\ntitle: [unclosed\n---\n');
    const again = await load();
    expect(titles(again)).toEqual(['Alpha']);
    expect(again.problems).toHaveLength(1);
  });

  it('GIVEN a file made a draft while stopped, then broken THEN its version of before the draft does not come back', async () => {
    await load();
    writeFileSync(
      join(dir, 'content', 'b.md'),
      articleSource(validFront({ title: 'Beta', draft: true }), ''),
    );
    expect(titles(await load())).toEqual(['Alpha']);
    writeFileSync(join(dir, 'content', 'b.md'), '---\ntitle: [unclosed\n---\n');
    expect(titles(await load())).toEqual(['Alpha']);
  });

  it('GIVEN a file removed THEN its row leaves the store at the next start', async () => {
    await load();
    unlinkSync(join(dir, 'content', 'b.md'));
    put('c.md', 'Gamma');
    await load();
    expect(rows()).toHaveLength(2);
    expect(
      rows()
        .map((row) => JSON.parse(row.result) as { article: { title: string } })
        .map((r) => r.article.title)
        .sort(),
    ).toEqual(['Alpha', 'Gamma']);
  });

  it('GIVEN other settings THEN what is stored is not used, as every address may differ', async () => {
    await load();
    markStoredTitles();
    const other = await load({ ...SETTINGS, siteUrl: 'https://other.example' });
    expect(titles(other)).toEqual(['Alpha', 'Beta']);
    expect(other.current.articles[0]?.url).toMatch(/^https:\/\/other\.example\//);
  });

  it('GIVEN CONTENT_CACHE at a file that is not a database THEN it is left as it is and the content kept in memory', async () => {
    mkdirSync(join(dir, 'data'));
    const notes = 'my precious notes, not a database, long enough to look like a header '.repeat(100);
    writeFileSync(storePath, notes);
    const library = await running();
    expect(titles(library)).toEqual(['Alpha', 'Beta']);
    expect(library.current.search.search('alpha').map((a) => a.slug)).toEqual(['a']);
    expect(
      logs.some((l) => l.level === 40 && /CONTENT_CACHE is a file the bot did not make/.test(l.msg)),
    ).toBe(true);
    expect(readFileSync(storePath, 'utf8')).toBe(notes);
  });

  it('GIVEN CONTENT_CACHE at another program’s database THEN none of its tables or settings change', async () => {
    mkdirSync(join(dir, 'data'));
    const theirs = new Database(storePath);
    theirs.exec(
      "CREATE TABLE parsed (x TEXT); CREATE TABLE accounts (name TEXT); INSERT INTO accounts VALUES ('kept')",
    );
    theirs.close();
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    const after = new Database(storePath, { readonly: true });
    expect(after.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'kept' }]);
    expect(after.prepare('SELECT x FROM parsed').all()).toEqual([]);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
    expect(logs.some((l) => l.level === 40 && /did not make/.test(l.msg))).toBe(true);
  });

  it('GIVEN a damaged store THEN it is moved aside, never deleted, and a new one made', async () => {
    await load();
    const bytes = readFileSync(storePath);
    for (let i = 100; i < bytes.length; i += 7) bytes[i] = 0x5a;
    writeFileSync(storePath, bytes);
    expect(titles(await load())).toEqual(['Alpha', 'Beta']);
    expect(logs.some((l) => l.level === 40 && /moved aside/.test(l.msg))).toBe(true);
    expect(readFileSync(`${storePath}.damaged`)).toEqual(bytes);
    expect(rows()).toHaveLength(2);
  });

  it('GIVEN a second process on the same file THEN it keeps its content in memory, and neither loses anything', async () => {
    const first = await running();
    const second = await running();
    expect(logs.some((l) => l.level === 40 && /content store cannot be used/.test(l.msg))).toBe(true);
    put('b.md', 'Beta', 'Write things down.');
    await second.refresh({ paths: [join(dir, 'content', 'b.md')] });
    await second.close();
    expect(first.current.bySlug('b')?.sections.tips?.items[0]?.text).toBe('Listen first.');
    expect(second.current.bySlug('b')?.sections.tips?.items[0]?.text).toBe('Write things down.');
    expect(second.current.search.search('write').map((a) => a.slug)).toEqual(['b']);
  });

  it('GIVEN a bulk load THEN nothing is checkpointed into the database while it runs, and all of it a moment after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = await ContentStore.open(storePath, SETTINGS, logger);
      open.push(store);
      const head = JSON.stringify({
        slug: 's',
        title: 'T',
        summary: '',
        tags: [],
        file: 'f.md',
        outline: {},
      });
      // 8 MB of sections: twice what SQLite writes ahead before it checkpoints by default.
      const sections = JSON.stringify({ text: 'x'.repeat(8_000) });
      const forms = Array.from({ length: 1_000 }, (_, i) => ({
        key: `k${i}`,
        form: { ok: true as const, head, sections, words: ['t', '', '', ''] },
      }));
      const databaseBytes = (): number => statSync(storePath).size;
      await store.bulk(async () => {
        for (let i = 0; i < forms.length; i += 100) {
          store.putAll(forms.slice(i, i + 100));
          await Promise.resolve();
        }
        expect(databaseBytes()).toBeLessThan(1_000_000);
      });
      expect(databaseBytes()).toBeLessThan(1_000_000);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(databaseBytes()).toBeGreaterThan(8_000_000);
      // The log the load wrote ahead is emptied, not kept at its size while the bot runs.
      expect(statSync(`${storePath}-wal`).size).toBe(0);
      const last = store.get('k999');
      expect(last?.ok && last.article instanceof StoredArticle && store.sections(last.article.id)).toEqual({
        text: 'x'.repeat(8_000),
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('GIVEN a bulk load that fails THEN checkpoints run again as before it', async () => {
    const store = await ContentStore.open(storePath, SETTINGS, logger);
    open.push(store);
    await expect(
      store.bulk(() => {
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    const head = JSON.stringify({ slug: 's', title: 'T', summary: '', tags: [], file: 'f.md', outline: {} });
    const sections = JSON.stringify({ text: 'x'.repeat(8_000) });
    store.putAll(
      Array.from({ length: 1_000 }, (_, i) => ({
        key: `k${i}`,
        form: { ok: true as const, head, sections, words: ['t', '', '', ''] },
      })),
    );
    // Past SQLite's 4 MB written ahead, a checkpoint has copied them into the database.
    expect(statSync(storePath).size).toBeGreaterThan(4_000_000);
  });

  it('GIVEN no path THEN the store is kept in memory and still searches', async () => {
    const store = await ContentStore.open(undefined, SETTINGS, logger);
    open.push(store);
    const library = await ContentLibrary.open({ dir: join(dir, 'content'), ...SETTINGS, logger, store });
    expect(library.current.search.search('alpha').map((a) => a.slug)).toEqual(['a']);
    await library.close();
  });
});

describe('an article as the store keeps it', () => {
  it('GIVEN an article with every field of its head THEN the stored article has each, as parsed, and its sections', async () => {
    const { parseArticle } = await import('../../src/core/parse-article.js');
    const { formOf } = await import('../../src/adapters/parse-file.js');
    const parsed = parseArticle({
      file: 'content/2024-01-05-a-very-long-slug.md',
      source:
        '---\ntitle: T\nslug: a\nsummary: S\ntags: [go, "~~"]\ncategories: [career]\npermalink: /x/\ndate: 2024-01-05T10:00:00Z\nexpiryDate: 2030-01-01\n---\n\n## 5 tips for new managers\n\nText.\n\n## Tips\n\n- **A:** one\n',
      siteUrl: 'https://blog.example',
      hugo: true,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const store = ContentStore.memory(createLogger({ level: 'silent' }));
    const [kept] = store.putAll([{ key: 'k', form: formOf(parsed) }]);
    if (kept?.ok !== true) throw new Error('not kept');
    expect(kept.article).toBeInstanceOf(StoredArticle);
    const { sections, ...head } = parsed.article;
    // Every optional field this article has is one a stored article must keep (a field left out of
    // StoredArticle's constructor would be lost on every start with a store).
    expect(Object.keys(head).sort()).toEqual(
      expect.arrayContaining(['categoryTags', 'leftOutTags', 'headingNotes', 'slugLine', 'addressField']),
    );
    expect({ ...kept.article, id: undefined, outline: undefined }).toEqual({ ...head, outline: undefined });
    expect(kept.article.sections).toEqual(sections);
    store.close();
  });
});
