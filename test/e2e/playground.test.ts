import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/paths.js';

/** Runs the playground (what `npm run playground` runs after building) with typed lines on stdin. */
function playground(input: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/playground.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', SITE_URL: 'https://blog.example' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`playground did not exit:\n${output}`));
    }, 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(input);
  });
}

describe('npm run playground', () => {
  it('GIVEN typed slash commands and a button number THEN prints the replies readably and exits cleanly', async () => {
    const { code, output } = await playground(
      'commands\n/tips\n1\n/articles tag:Engineering-Leadership\n/articles tag:nope\n/bogus\n' +
        '/schedule\n/schedule set channel:#general time:9:30 timezone:europe/berlin frequency:daily\n/schedule show\nexit\n',
    );
    expect(code).toBe(0);
    expect(output).toMatch(/\/articles \[tag:\] \[private:\]/);
    expect(output).toMatch(
      /Tips · From Software Engineer to Engineering Leader https:\/\/blog\.example\/blog\/software-engineer-to-engineering-leader/,
    );
    expect(output).toMatch(/Seek out mentorship\nFind an experienced engineering leader/);
    expect(output).toMatch(/\[1\] Read the article/);
    expect(output).toMatch(/Link: https:\/\/blog\.example\/blog\/software-engineer-to-engineering-leader/);
    expect(output).toMatch(
      /Articles tagged “engineering leadership” https:\/\/blog\.example\/blog\?tag=engineering%20leadership/,
    );
    expect(output).toMatch(/\(only you can see this\)\nNo articles are tagged “nope”/);
    expect(output).toMatch(/Unknown command \/bogus/);
    // Subcommands, a channel by name, and mentions and timestamps shown as Discord shows them.
    expect(output).toMatch(/\/schedule set channel: time: timezone: frequency: \[day:\]/);
    expect(output).toMatch(/\/schedule needs one of: \/schedule set, \/schedule show/);
    expect(output).toMatch(
      /Tips will be posted in #general every day at 09:30 \(Europe\/Berlin\)\. Next post: \w+ \d+ \w+ \d{4}, 09:30 \(Europe\/Berlin\), \w+, \d+ \w+ \d{4} at \d\d:30\./,
    );
    expect(output).toMatch(/Tips are posted in #general every day at 09:30[\s\S]*Nothing posted yet\./);
    expect(output).not.toMatch(/Discord would reject/);
  }, 60_000);
});
