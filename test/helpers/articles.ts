import type { Article } from '../../src/core/article.js';
import { parseArticle } from '../../src/core/parse-article.js';

/** Writes an article file as an author would. */
export function articleSource(front: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

export function validFront(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'An article',
    tags: ['testing'],
    url: '/blog/an-article',
    summary: 'What it says.',
    ...overrides,
  };
}

/** Parses an article that must be valid, failing the test with its problems otherwise. */
export function mustParse(
  source: string,
  file = 'content/a.md',
  siteUrl: string | undefined = 'https://blog.example',
): Article {
  const result = parseArticle({ file, source, siteUrl });
  if (!result.ok) throw new Error(`expected a valid article: ${JSON.stringify(result.problems)}`);
  return result.article;
}

/** The text of a word, for comparing the words of two texts. */
export function words(text: string): string[] {
  return text
    .replace(/\]\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word !== '');
}
