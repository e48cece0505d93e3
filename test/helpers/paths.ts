import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));
export const SEED_ARTICLE = fileURLToPath(
  new URL('../../content/software-engineer-to-engineering-leader.md', import.meta.url),
);
/** The author's original post, outside the project (read-only in CI). */
export const SEED_SOURCE = fileURLToPath(
  new URL('../../../shared/seeds/000_6c3049691f44532a.txt', import.meta.url),
);
export const HAS_SHARED = existsSync(SEED_SOURCE);
