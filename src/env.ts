import { existsSync } from 'node:fs';

/** Loads `.env` from the working directory when there is one. Variables already set win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
