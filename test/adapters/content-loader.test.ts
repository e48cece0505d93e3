import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/adapters/content-loader.js';
import { formatProblem } from '../../src/core/article.js';
import { renderedMessages } from '../../src/core/render/all.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { CONTENT_DIR } from '../helpers/paths.js';

let dir: string;
const rel = (name: string) => relative(process.cwd(), join(dir, name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-'));
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  const put = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), text);
  put('good.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- **A:** b'));
  put('nested/deeper/also-good.md', articleSource(validFront(), '## Skills\n\n- s'));
  put('bad-yaml.md', '---\ntitle: [unclosed\n---\n## Tips\n- x\n');
  put('missing.md', articleSource({ title: 'T' }, '## Tips\n\n- x'));
  put('no-sections.md', articleSource(validFront({ slug: 'no-sections' }), 'Just prose.'));
  put('zz-duplicate.md', articleSource(validFront({ slug: 'good' }), '## Tips\n\n- x'));
  put('binary.md', Buffer.from([0xff, 0xfe, 0x00, 0x80]));
  put('windows.md', articleSource(validFront(), '## Tips\r\n\r\n- **CRLF:** works').replace(/\n/g, '\r\n'));
  put('notes.txt', 'not an article');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadContent', () => {
  it('GIVEN the project content folder THEN loads it without problems, and every reply from it fits Discord', async () => {
    const loaded = await loadContent(CONTENT_DIR, 'https://blog.example');
    expect(loaded.problems).toEqual([]);
    expect(loaded.index.articles.length).toBeGreaterThanOrEqual(1);
    for (const { what, violations } of renderedMessages(loaded.index, 'https://blog.example'))
      expect(violations, what).toEqual([]);
  });

  it('GIVEN good and broken files THEN keeps the good ones and reports each broken one by path', async () => {
    const loaded = await loadContent(dir, undefined);
    expect(loaded.index.articles.map((a) => a.slug).sort()).toEqual(['also-good', 'good', 'windows']);
    expect(loaded.fileCount).toBe(8);
    const byFile = new Map(loaded.problems.map((p) => [p.file, p]));
    expect(byFile.get(rel('bad-yaml.md'))?.message).toMatch(/invalid YAML/);
    expect(byFile.get(rel('bad-yaml.md'))?.line).toBeGreaterThanOrEqual(2);
    expect(loaded.problems.filter((p) => p.file === rel('missing.md')).map((p) => p.field)).toEqual([
      'tags',
      'url',
      'summary',
    ]);
    expect(byFile.get(rel('no-sections.md'))?.message).toMatch(/no motivations, skills, tips section/);
    expect(byFile.get(rel('zz-duplicate.md'))?.message).toBe(`"good" is already used by ${rel('good.md')}`);
    expect(byFile.get(rel('binary.md'))?.message).toMatch(/not valid UTF-8/);
    expect(formatProblem(byFile.get(rel('bad-yaml.md')) ?? { file: '', message: '' })).toMatch(
      /^.*bad-yaml\.md:\d+: invalid YAML/,
    );
  });

  it('GIVEN a folder that does not exist THEN reports it rather than throwing', async () => {
    const loaded = await loadContent(join(dir, 'nope'), undefined);
    expect(loaded.index.articles).toEqual([]);
    expect(loaded.problems[0]?.message).toBe('the folder does not exist');
  });
});
