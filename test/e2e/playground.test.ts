import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSource, validFront } from '../helpers/articles.js';
import { PROJECT_ROOT, SEED_ARTICLE } from '../helpers/paths.js';
import { until } from './wait.js';

/** Runs the playground (what `npm run playground` runs after building) with typed lines on stdin. */
function playground(
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/playground.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', SITE_URL: 'https://blog.example', ...env },
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

  it("GIVEN BLOG_URL and TAG_URL THEN the lists link the blog's own pages, as the bot does", async () => {
    const { code, output } = await playground('/articles\n/articles tag:Engineering-Leadership\nexit\n', {
      BLOG_URL: '/posts/',
      TAG_URL: '/tags/:tagslug/',
    });
    expect(code).toBe(0);
    expect(output).toMatch(/All articles https:\/\/blog\.example\/posts\//);
    expect(output).toMatch(
      /Articles tagged “engineering leadership” https:\/\/blog\.example\/tags\/engineering-leadership\//,
    );
  }, 60_000);

  it('GIVEN a link to nothing in the content folder THEN its problem line says skipped once, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    try {
      copyFileSync(SEED_ARTICLE, join(dir, 'seed.md'));
      symlinkSync('missing.md', join(dir, 'broken.md'));
      const { code, output } = await playground('exit\n', { CONTENT_DIR: dir });
      expect(code).toBe(0);
      expect(output).toMatch(/! skipped: \S*broken\.md: a link to nothing \(missing\.md\)/);
      expect(output).not.toMatch(/skipped: .*skipped:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('GIVEN an article edited while it runs THEN reload shows the change, and a broken edit keeps the last good version with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    copyFileSync(SEED_ARTICLE, join(dir, 'seed.md'));
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/playground.ts'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', SITE_URL: 'https://blog.example', CONTENT_DIR: dir },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      child.stdin.write('/articles\n');
      await until(() => output.includes('1 article\n'), 30_000, 'the first list');
      writeFileSync(
        join(dir, 'second.md'),
        articleSource(validFront({ title: 'A second article' }), '## Tips\n\n- **Ask:** Ask questions.'),
      );
      child.stdin.write('reload\n/articles\n');
      await until(() => output.includes('2 articles'), 30_000, 'the list after reload');
      expect(output).toMatch(/\*\*\[A second article\]\(https:\/\/blog\.example\/blog\/an-article\)\*\*/);

      // A broken edit keeps the article's last good version, and says why (whether the watcher or
      // reload read it first).
      unlinkSync(join(dir, 'seed.md'));
      writeFileSync(join(dir, 'second.md'), 'no front matter\n');
      child.stdin.write('reload\n/tips\nexit\n');
      expect(await exited).toBe(0);
      expect(output).toMatch(/! kept the last good version: .*second\.md:1: no front matter/);
      expect(output).toMatch(/Tips · A second article[\s\S]*Ask questions\./);
      expect(output).toMatch(/Content read again: 1 article\(s\)/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
