import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));
export const SEED_ARTICLE = fileURLToPath(
  new URL('../../content/software-engineer-to-engineering-leader.md', import.meta.url),
);
/** The author's original post as it was handed to us, kept to check that the article keeps its words. */
export const SEED_SOURCE = fileURLToPath(new URL('../fixtures/seed-post.txt', import.meta.url));
