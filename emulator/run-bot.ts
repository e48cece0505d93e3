import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's root folder, where `dist/` is built. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Node's options in package.json's `start` script (`node --max-semi-space-size=8 dist/src/index.js`):
 * the bot is run in tests and benchmarks as `npm start` runs it.
 */
export const START_FLAGS: readonly string[] = (() => {
  const { scripts } = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...words] = scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`the start script runs ${node ?? 'nothing'}, not node`);
  // BOT_NODE_FLAGS adds some for a look inside (`--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const extra = process.env.BOT_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  return [...words.filter((word) => word.startsWith('--')), ...extra];
})();

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the built entry points (`dist/src/<name>.js`, what the npm scripts run) with only
 * the given environment, in `cwd`, and waits for it to exit.
 */
export function runEntry(
  name: string,
  env: Record<string, string>,
  cwd = PROJECT_ROOT,
  timeoutMs = 30_000,
  args: readonly string[] = [],
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${PROJECT_ROOT}dist/src/${name}.js`, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
