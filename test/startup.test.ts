import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEntry } from '../emulator/run-bot.js';
import { CONTENT_DIR, PROJECT_ROOT } from './helpers/paths.js';
import { FAKE_TOKEN as TOKEN } from './helpers/tokens.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('starting the bot (the entry point npm start runs)', () => {
  it('GIVEN no configuration THEN exits 1 with one message listing the problem, and no stack trace', async () => {
    const result = await runEntry('index', {}, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/configuration has problems[\s\S]*DISCORD_TOKEN: required/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN bad values THEN lists every one, and never prints the token', async () => {
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, SITE_URL: 'nope', LOG_LEVEL: 'loud' },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SITE_URL[\s\S]*LOG_LEVEL/);
    expect(result.stderr + result.stdout).not.toContain('secret-part');
  });

  it('GIVEN a content folder with no valid article THEN exits 1 listing each file, line and problem', async () => {
    const content = join(dir, 'content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content);
    writeFileSync(join(content, 'broken.md'), '---\ntitle: [oops\n---\n## Tips\n- x\n');
    writeFileSync(
      join(content, 'empty.md'),
      '---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\n---\nNo sections.\n',
    );
    const result = await runEntry(
      'index',
      { DISCORD_TOKEN: TOKEN, CONTENT_DIR: content, STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` },
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No valid article in .*content \(2 Markdown files found\)/);
    expect(result.stderr).toMatch(/broken\.md:\d+: invalid YAML/);
    expect(result.stderr).toMatch(/empty\.md: no motivations, skills, tips section/);
  });

  it("GIVEN the README's first step (.env copied from .env.example) THEN content:check reads ./content and passes", async () => {
    const project = join(dir, 'fresh');
    mkdirSync(project);
    copyFileSync(join(PROJECT_ROOT, '.env.example'), join(project, '.env'));
    cpSync(CONTENT_DIR, join(project, 'content'), { recursive: true });
    const result = await runEntry('content-check', {}, project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ article\(s\) in \d+ file\(s\): all valid/);
    expect(result.code).toBe(0);
  });
});
