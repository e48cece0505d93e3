import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/adapters/parse-bytes.js';
import type { FileBytes } from '../../src/adapters/parse-file.js';
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
  const pool = new ParsePool();
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
