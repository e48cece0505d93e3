import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentLibrary } from '../../src/adapters/content-library.js';
import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';

let site: string;
const libraries: ContentLibrary[] = [];
const stores: ContentStore[] = [];
const logger = createLogger({ level: 'silent' });

const put = (name: string, text: string): void => {
  mkdirSync(dirname(join(site, name)), { recursive: true });
  writeFileSync(join(site, name), text);
};
const settings = { siteUrl: 'https://blog.example' };

async function open(storePath: string): Promise<ContentLibrary> {
  const store = await ContentStore.open(storePath, settings, logger);
  stores.push(store);
  const library = await ContentLibrary.open({ dir: join(site, 'content'), ...settings, logger, store });
  libraries.push(library);
  return library;
}

const tipsOf = (library: ContentLibrary, slug: string): string[] | undefined =>
  library.current.bySlug(slug)?.sections.tips?.items.map((item) => item.text);

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'page-refs-'));
  put('hugo.toml', 'baseURL = "https://blog.example/"\n[permalinks]\n  posts = "/:year/:slug/"\n');
  put(
    'content/posts/a.md',
    [
      '---',
      'title: "One-on-ones"',
      'date: 2024-01-02',
      '---',
      'Start with [delegation]({{< ref "delegation.md" >}}).',
      '',
      '## Tips',
      '',
      '- Read [how to delegate]({{< relref "/posts/delegation" >}}#why) first.',
      '- Then [the follow-up](./delegation.md).',
      '',
    ].join('\n'),
  );
  put(
    'content/posts/delegation.md',
    '---\ntitle: Delegation\ndate: 2023-05-06\nslug: handing-off\n---\nHand it off.\n',
  );
});
afterEach(async () => {
  for (const library of libraries.splice(0)) await library.close();
  for (const store of stores.splice(0)) store.close();
  rmSync(site, { recursive: true, force: true });
});

describe("links to other posts by their files (Hugo's ref, a .md link)", () => {
  it('GIVEN a Hugo post linking to another THEN its summary and tips link to that post, after a restart too, and follow its edits', async () => {
    const storePath = join(site, 'cache.sqlite');
    const library = await open(storePath);
    expect(library.current.bySlug('a')?.summary).toBe(
      'Start with [delegation](https://blog.example/2023/handing-off/).',
    );
    expect(tipsOf(library, 'a')).toEqual([
      'Read [how to delegate](https://blog.example/2023/handing-off/#why) first.',
      'Then [the follow-up](https://blog.example/2023/handing-off/).',
    ]);
    // Found by search as any post, by its link's text and not by the path the link names.
    expect(library.current.search.search('one-on-ones').map((article) => article.summary)).toEqual([
      'Start with [delegation](https://blog.example/2023/handing-off/).',
    ]);
    expect(library.current.search.search('relref').map((article) => article.slug)).toEqual([]);
    // Its sections read from the store, the links filled in the same.
    await library.close();
    const restarted = await open(storePath);
    expect(tipsOf(restarted, 'a')?.[0]).toBe(
      'Read [how to delegate](https://blog.example/2023/handing-off/#why) first.',
    );

    // The linked post's address changes: the link follows, though only that post is read again.
    put(
      'content/posts/delegation.md',
      '---\ntitle: Delegation\ndate: 2023-05-06\nslug: delegate\n---\nHand it off.\n',
    );
    const update = await restarted.refresh({ paths: [join(site, 'content/posts/delegation.md')] });
    expect(update).toMatchObject({ changed: 1, unchanged: 0, added: 0, removed: 0 });
    expect(tipsOf(restarted, 'a')?.[1]).toBe('Then [the follow-up](https://blog.example/2023/delegate/).');

    // Gone, or a draft: the link keeps its text.
    put('content/posts/delegation.md', '---\ntitle: Delegation\ndraft: true\n---\nHand it off.\n');
    await restarted.refresh({ paths: [join(site, 'content/posts/delegation.md')] });
    expect(restarted.current.bySlug('a')?.summary).toBe('Start with delegation.');
    expect(tipsOf(restarted, 'a')).toEqual(['Read how to delegate first.', 'Then the follow-up.']);
  });
});
