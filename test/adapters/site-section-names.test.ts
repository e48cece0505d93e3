import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';

// The README's "Use your blog's content": a blog in another language maps its headings once, for
// every post, where its generator gives every post a field.
let site: string;
const put = (path: string, text: string): void => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), text);
};
const tipsOf = async (dir: string): Promise<Record<string, string[]>> => {
  const { index, problems } = await loadContent(join(site, dir), 'https://blog.example', '/:slug/');
  expect(problems).toEqual([]);
  return Object.fromEntries(
    index.articles.map((article) => [
      article.title,
      (article.sections.tips?.items ?? []).map((item) => `${item.name ?? ''}: ${item.text}`),
    ]),
  );
};

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'site-sections-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('headings in another language, mapped once for the whole site', () => {
  it("GIVEN Hugo's cascade of sections THEN every post below reads them; a post's own sections wins", async () => {
    put('hugo.toml', 'title = "Blog"\n');
    put('content/posts/_index.md', '---\ntitle: Posts\ncascade:\n  sections:\n    tips: Astuces\n---\n');
    put(
      'content/posts/premier.md',
      '---\ntitle: Premier\ndate: 2024-01-01\n---\n\n## Astuces\n\n- **Écouter :** toujours.\n',
    );
    put(
      'content/posts/second.md',
      '---\ntitle: Second\ndate: 2024-01-02\nsections:\n  tips: Conseils\n---\n\n## Conseils\n\n- **Lire :** souvent.\n',
    );
    expect(await tipsOf('content')).toEqual({ Premier: ['Écouter: toujours.'], Second: ['Lire: souvent.'] });
  });

  it("GIVEN Jekyll's front matter defaults of sections THEN every post reads them", async () => {
    put(
      '_config.yml',
      'title: Blog\ndefaults:\n  - scope:\n      path: ""\n    values:\n      sections:\n        tips: Consejos\n',
    );
    put('_posts/2024-01-01-uno.md', '---\ntitle: Uno\n---\n\n## Consejos\n\n- **Escuchar:** siempre.\n');
    expect(await tipsOf('.')).toEqual({ Uno: ['Escuchar: siempre.'] });
  });

  it("GIVEN an Eleventy folder's data file of sections THEN every post there reads them", async () => {
    put('eleventy.config.js', 'export default {};\n');
    put('package.json', '{}\n');
    put('posts/posts.json', '{ "sections": { "tips": "Tipps" } }\n');
    put('posts/eins.md', '---\ntitle: Eins\ndate: 2024-01-01\n---\n\n## Tipps\n\n- **Zuhören:** immer.\n');
    expect(await tipsOf('posts')).toEqual({ Eins: ['Zuhören: immer.'] });
  });
});
