import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/adapters/content-loader.js';
import { describeProblemPaths, problemPaths } from '../src/content-check-summary.js';
import { articleSource, validFront } from './helpers/articles.js';

let top: string;
let content: string;

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'check-summary-'));
  content = join(top, 'content');
  mkdirSync(join(content, 'sub'), { recursive: true });
  mkdirSync(join(top, 'outside'));
  const article = (slug: string) => articleSource(validFront({ slug }), '## Tips\n\n- **A:** b');
  writeFileSync(join(content, 'good.md'), article('good'));
  writeFileSync(join(content, 'sub', 'inner.md'), article('inner'));
  // Front matter without its closing line: a problem of the file.
  writeFileSync(join(content, 'bad.md'), '---\ntitle: Bad\n');
  // Read as an article under the link's name: its problems are a file's.
  writeFileSync(join(content, 'notes.txt'), '---\ntitle: Noted\n');
  symlinkSync('notes.txt', join(content, 'noted.md'));
  // Skipped: a folder already read as itself, and one out of the content folder.
  symlinkSync('sub', join(content, 'again'));
  symlinkSync(join(top, 'outside'), join(content, 'out'));
});

afterAll(() => {
  rmSync(top, { recursive: true, force: true });
});

describe('the paths content:check counts after its problems', () => {
  it('GIVEN links to folders beside files with problems THEN the links are counted as skipped, not as files with problems', async () => {
    const { problems } = await loadContent(content, undefined);
    const messages = problems.map(({ message }) => message);
    expect(new Set(problems.map(({ file }) => file)).size).toBe(4);
    expect(messages).toContain('skipped: a link to a folder already read (sub)');
    expect(messages.some((message) => message.startsWith('skipped: a link out of the content folder'))).toBe(
      true,
    );
    const counts = await problemPaths(problems, content);
    expect(counts).toEqual({ files: 2, links: 2, folders: 0, special: 0 });
    expect(describeProblemPaths(counts)).toEqual(['2 file(s) with problems', '2 link(s) skipped']);
  });

  it('GIVEN a named pipe named like an article THEN it is counted as a special file skipped, not as a file with problems', async () => {
    const piped = join(top, 'piped');
    mkdirSync(piped);
    writeFileSync(
      join(piped, 'post.md'),
      articleSource(validFront({ slug: 'post' }), '## Tips\n\n- **A:** b'),
    );
    execFileSync('mkfifo', [join(piped, 'queue.md')]);
    const { problems, index } = await loadContent(piped, undefined);
    expect(index.articles).toHaveLength(1);
    expect(problems.map(({ message }) => message)).toEqual(['skipped: not a regular file (a named pipe)']);
    const counts = await problemPaths(problems, piped);
    expect(describeProblemPaths(counts)).toEqual([
      '1 special file(s) skipped (a named pipe, a socket or a device)',
    ]);
  });

  it('GIVEN a content folder that does not exist THEN it is a folder not read, not a file', async () => {
    const missing = join(top, 'missing');
    const { problems } = await loadContent(missing, undefined);
    expect(problems).toHaveLength(1);
    const counts = await problemPaths(problems, missing);
    expect(describeProblemPaths(counts)).toEqual(['1 folder(s) not read']);
  });
});
