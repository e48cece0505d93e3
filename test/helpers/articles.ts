import type { Article } from '../../src/core/article.js';
import { parseArticle } from '../../src/core/parse-article.js';

/** Writes an article file as an author would. */
export function articleSource(front: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/**
 * Front matter an article may have. No `url`: each article's address is ARTICLE_URL's for its slug,
 * where two files' own `url` would be one address (and the later one refused). Jekyll's `layout`
 * (read by no one here) holds its line, so that the lines below are where the tests count them.
 */
export function validFront(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'An article',
    tags: ['testing'],
    layout: 'post',
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
