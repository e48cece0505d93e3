import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKey, signatureOf } from '../../src/adapters/article-bytes.js';
import { parseFile } from '../../src/adapters/parse-bytes.js';
import type { FileBytes, FileToRead } from '../../src/adapters/parse-file.js';
import { ParsePool, type Parsed } from '../../src/adapters/parse-pool.js';
import { articleSource, validFront } from '../helpers/articles.js';

const sources = (count: number): FileBytes[] =>
  Array.from({ length: count }, (_, i) => ({
    file: `content/post-${i}.md`,
    bytes: Buffer.from(
      i % 7 === 3
        ? '---\ntitle: [unclosed\n---\n'
        : articleSource(
            validFront({ title: `Post ${i}` }),
            `## Tips\n\n- **Tip ${i}:** Do *this* [now](/x).`,
          ),
    ),
    siteUrl: 'https://blog.example',
  }));

/** Parses on a pool of their own, closed after. */
async function parseMany(sources: readonly FileBytes[]): Promise<Parsed[]> {
  // Two cores whatever the machine has: the workers are what is tested.
  const pool = new ParsePool(2);
  try {
    return await pool.parse(sources);
  } finally {
    await pool.close();
  }
}

describe('ParsePool', () => {
  it('GIVEN enough files for worker threads THEN each result is what parseFile gives here, in order', async () => {
    const input = sources(450);
    expect(await parseMany(input)).toEqual(
      input.map((source) => ({ form: parseFile(source), lasting: true })),
    );
  });

  it('GIVEN a batch its worker cannot take THEN the files of that batch are tried one by one, and only the one at fault is reported', async () => {
    const input = sources(300);
    // A value no thread can be sent (a function) stands for a file that ends its worker.
    const faulty = { ...input[120], run: () => undefined } as unknown as FileBytes;
    input[120] = faulty;
    const results = await parseMany(input);
    expect(results).toHaveLength(300);
    expect(results[120]?.lasting).toBe(false);
    expect(results[120]?.form).toEqual({
      ok: false,
      problems: [
        {
          file: 'content/post-120.md',
          message: expect.stringMatching(/^the article could not be read: /) as unknown,
        },
      ],
    });
    expect(results[121]).toEqual({ form: parseFile(input[121] as FileBytes), lasting: true });
    expect(results.filter((r) => r.form.ok)).toHaveLength(300 - 43 - 1);
  });
});

describe('ParsePool.readAndParse', () => {
  it('GIVEN files on disk, one its worker cannot take THEN each is read and parsed as here, and only the one at fault is reported; few files are left to this thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-parse-'));
    // Two cores whatever the machine has: the workers are what is tested.
    const pool = new ParsePool(2);
    try {
      const files: FileToRead[] = sources(260).map(({ file, bytes, siteUrl }, i) => {
        const path = join(dir, `post-${i}.md`);
        writeFileSync(path, bytes);
        return { path, file, siteUrl };
      });
      expect(await pool.readAndParse(files.slice(0, 10))).toBeUndefined();
      files[30] = { ...files[30], run: () => undefined } as unknown as FileToRead;
      const results = await pool.readAndParse(files);
      expect(results).toHaveLength(260);
      expect(results?.[30]).toEqual({
        kind: 'problems',
        problems: [
          {
            file: 'content/post-30.md',
            message: expect.stringMatching(/^the article could not be read: /) as unknown,
          },
        ],
      });
      for (const [i, result] of (results ?? []).entries()) {
        if (i === 30) continue;
        const { path, ...source } = files[i] as FileToRead;
        const bytes = readFileSync(path);
        expect(result).toEqual({
          kind: 'parsed',
          key: fileKey(source.file, bytes),
          signature: signatureOf(statSync(path)),
          form: parseFile({ ...source, bytes }),
        });
      }
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
