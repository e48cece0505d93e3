import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * `KEY=value` or `export KEY=value`; what follows `=` is the value, read by Node's parseEnv. A name
 * is any word without `=` (a compose file's `my-var` or `a.b` too: only the bot's own names matter).
 */
const ASSIGNMENT = /^\s*(?:export\s+)?[^\s=#][^\s=]*\s*=\s*(.*)$/;

/**
 * Loads `.env` from the working directory when there is one. Variables already set win, but for
 * one set empty (a compose file's `DISCORD_TOKEN=`), which counts as unset here as everywhere in the
 * configuration: process.loadEnvFile would keep the empty value and report the token missing.
 *
 * Returns the lines that are neither blank, a `#` comment, nor `KEY=value` (with the lines of a
 * quoted value that spans several), as `.env:3: …` problems. Such lines are left out before Node's
 * parseEnv reads the file: it would read one as the start of the next line's name, and lose that
 * variable without a word.
 */
export function loadDotEnv(path = '.env'): string[] {
  if (!existsSync(path)) return [];
  const { text, problems } = assignmentsOnly(readFileSync(path, 'utf8'), path);
  for (const [name, value] of Object.entries(parseEnv(text))) {
    // Empty is unset: not given to libraries that read the environment themselves (discord.js takes
    // a copied .env.example's `SHARD_COUNT=` for a shard count of 0, and stops).
    if (value === undefined || value.trim() === '') continue;
    if ((process.env[name] ?? '').trim() === '') process.env[name] = value;
  }
  return problems;
}

/** The file with every line that is not part of an assignment emptied, and the lines that are no comment. */
function assignmentsOnly(content: string, path: string): { text: string; problems: string[] } {
  const lines = content.split(/\r?\n/);
  const problems: string[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at] ?? '';
    const value = ASSIGNMENT.exec(line)?.[1];
    if (value === undefined) {
      if (line.trim() !== '' && !line.trimStart().startsWith('#'))
        problems.push(`${path}:${at + 1}: not a KEY=value line (a comment starts with #)`);
      // parseEnv reads an indented comment as the start of the next line's name, too.
      lines[at] = '';
      continue;
    }
    // A quote not closed on its line goes on to the line that closes it, as parseEnv reads it.
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !value.slice(1).includes(quote)) {
      const closing = lines.findIndex((next, index) => index > at && next.includes(quote));
      if (closing !== -1) at = closing;
    }
  }
  return { text: lines.join('\n'), problems };
}
