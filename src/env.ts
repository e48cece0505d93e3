import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Loads `.env` from the working directory when there is one. Variables already set win, but for
 * one set empty (a compose file's `DISCORD_TOKEN=`), which counts as unset here as everywhere in the
 * configuration: process.loadEnvFile would keep the empty value and report the token missing.
 */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if ((process.env[name] ?? '').trim() === '') process.env[name] = value;
  }
}
