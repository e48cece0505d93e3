import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { SlashCommandBuilder } from 'discord.js';
import { ApplicationCommandType, type APIApplicationCommand } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../emulator/emulator.js';
import { complete, listed, parseCommand, visible, type Offered } from '../../scripts/playground.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { PROJECT_ROOT, SEED_ARTICLE } from '../helpers/paths.js';
import { startEmulator, startStack, type Stack } from './harness.js';
import { until } from './wait.js';

/**
 * The playground started with `env`, its output so far, and its exit code once it exits. `detached`
 * gives it a process group of its own, as a terminal gives the command it runs.
 */
function startPlayground(
  env: Record<string, string>,
  { detached = false }: { detached?: boolean } = {},
): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/playground.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', SITE_URL: 'https://blog.example', ...env },
    detached,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

/** The processes `pid` started, and those they started, with their command lines (from `ps`). */
function descendants(pid: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, child = '', parent = '', args = '']) => ({ pid: Number(child), ppid: Number(parent), args }));
  const found: { pid: number; args: string }[] = [];
  for (let parents = [pid]; parents.length > 0;) {
    const children = rows.filter((row) => parents.includes(row.ppid));
    found.push(...children);
    parents = children.map((row) => row.pid);
  }
  return found;
}

/** Whether `pid` runs: a zombie (exited, not yet reaped by its parent) does not. */
function runs(pid: number): boolean {
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith('Z');
  } catch {
    return false; // ps exits with 1 when there is no such process
  }
}

/** An article of `count` long tips: several pages, so it has Previous and Next buttons. */
function longArticle(count: number): string {
  const tips = Array.from(
    { length: count },
    (_, i) => `- **Tip ${String(i + 1)}:** ${'Say what you mean and mean what you say. '.repeat(12)}`,
  );
  return articleSource(
    validFront({ title: 'Many tips', url: '/blog/many-tips' }),
    `## Tips\n\n${tips.join('\n')}`,
  );
}

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
        '/schedule\n/schedule set channel:#general time:9:30 timezone:europe/berlin frequency:daily\n/schedule show\n/schedule pause\n/schedule show\nexit\n',
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
      /Tips will be posted in #general every day at 09:30 \(Europe\/Berlin\)\. Next post: \w+ \d+ \w+ \d{4}, 09:30 \(Europe\/Berlin\); your time: \w+, \d+ \w+ \d{4} at \d\d:30\./,
    );
    expect(output).toMatch(/Tips are posted in #general every day at 09:30[\s\S]*Nothing posted yet\./);
    // A user's mention as Discord shows it: who paused the schedule.
    expect(output).toMatch(/paused by @you/i);
    expect(output).not.toMatch(/<@!?\d+>/);
    expect(output).not.toMatch(/Discord would reject/);
  }, 60_000);

  it('GIVEN "as member" THEN /schedule gets the answer a member without Manage Server gets, and "as admin" goes back', async () => {
    const { code, output } = await playground('as member\n/schedule show\nas admin\n/schedule show\nexit\n');
    expect(code).toBe(0);
    const [asMember = '', asAdmin = ''] = output.split("You are the server's admin again.");
    expect(asMember).toMatch(/You are a member without Manage Server now/);
    expect(asMember).toMatch(/Discord offers this command only to members with Manage Server/);
    expect(asMember).toMatch(/\(only you can see this\)\n.*Manage Server/);
    expect(asAdmin).toMatch(/This server has no tip schedule yet/);
    expect(asAdmin).not.toMatch(/Discord offers this command only/);
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

  it("GIVEN a Jekyll site whose permalink the bot cannot fill THEN the warning shows the note with the configuration's file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-jekyll-'));
    try {
      writeFileSync(join(dir, '_config.yml'), 'title: A blog\npermalink: ordinal\n');
      mkdirSync(join(dir, '_posts'));
      copyFileSync(SEED_ARTICLE, join(dir, '_posts', '2024-01-05-seed.md'));
      const { code, output } = await playground('exit\n', { CONTENT_DIR: dir });
      expect(code).toBe(0);
      expect(output).toMatch(/! the site's configuration gives posts addresses the bot cannot fill/);
      expect(output).toMatch(/\n {2}\S*_config\.yml:2: permalink: ordinal: the bot does not fill :y_day/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      expect(output).toMatch(/\*\*\[A second article\]\(https:\/\/blog\.example\/blog\/second\)\*\*/);

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

  it('GIVEN no valid article at start THEN it stays at the prompt with the problems, and reload starts the bot once the content is fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [bad\n---\n\n## Tips\n\n- **A:** b\n');
    const { child, output, exited } = startPlayground({ CONTENT_DIR: dir });
    try {
      child.stdin.write('/tips\n');
      await until(() => output().includes('The bot is not running'), 30_000, 'the answer without a bot');
      expect(output()).toMatch(
        /No valid article in \S+ \(1 Markdown file found\):\n\s+- \S*bad\.md:\d+: invalid YAML/,
      );
      expect(output()).toMatch(/The bot did not start: fix the content and type reload\./);

      unlinkSync(join(dir, 'bad.md'));
      copyFileSync(SEED_ARTICLE, join(dir, 'seed.md'));
      child.stdin.end('reload\n/tips\nexit\n');
      expect(await exited).toBe(0);
      expect(output()).toMatch(/Career tips bot playground: 1 article\(s\)/);
      expect(output()).toMatch(/Tips · From Software Engineer to Engineering Leader/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('GIVEN exit typed while stdin stays open (a pipe from another program) THEN it exits without waiting for the end of the input', async () => {
    const { child, output, exited } = startPlayground({ CONTENT_DIR: join(PROJECT_ROOT, 'content') });
    try {
      child.stdin.write('/help\nexit\n');
      expect(await exited).toBe(0);
      expect(output()).toMatch(/Career tips bot playground/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);

  it('GIVEN its terminal closed (SIGHUP to its process group) THEN it stops the bot and exits, leaving no process behind', async () => {
    const temporary = mkdtempSync(join(tmpdir(), 'playground-tmp-'));
    const { child, output } = startPlayground(
      { CONTENT_DIR: join(PROJECT_ROOT, 'content'), TMPDIR: temporary },
      { detached: true },
    );
    const pid = child.pid ?? 0;
    let processes: { pid: number; args: string }[] = [];
    try {
      await until(() => output().includes('Career tips bot playground'), 60_000, 'the bot started');
      processes = descendants(pid);
      expect(processes.filter((p) => p.args.includes('dist/src/index.js'))).toHaveLength(1);
      process.kill(-pid, 'SIGHUP');
      await until(
        () => !runs(pid) && processes.every((p) => !runs(p.pid)),
        20_000,
        'the playground and its bot gone',
      );
      expect(readdirSync(temporary).filter((name) => name.startsWith('playground-'))).toEqual([]);
    } finally {
      for (const p of processes.filter((p) => runs(p.pid))) process.kill(p.pid, 'SIGKILL');
      child.kill('SIGKILL');
      rmSync(temporary, { recursive: true, force: true });
    }
  }, 90_000);

  it('GIVEN the playground killed (SIGKILL), with no chance to stop the bot THEN the bot stops itself', async () => {
    // Its temporary folder is left behind (the playground is not there to remove it): made in one of the test's.
    const temporary = mkdtempSync(join(tmpdir(), 'playground-tmp-'));
    const { child, output } = startPlayground({
      CONTENT_DIR: join(PROJECT_ROOT, 'content'),
      TMPDIR: temporary,
    });
    let bot: number | undefined;
    try {
      await until(() => output().includes('Career tips bot playground'), 60_000, 'the bot started');
      const processes = descendants(child.pid ?? 0);
      bot = processes.find((p) => p.args.includes('dist/src/index.js'))?.pid;
      // The playground's own process: tsx runs the script in a child of its own.
      const playgroundPid = processes.find((p) => p.args.includes('scripts/playground.ts'))?.pid;
      expect(bot).toBeDefined();
      expect(playgroundPid).toBeDefined();
      process.kill(playgroundPid ?? 0, 'SIGKILL');
      await until(() => bot === undefined || !runs(bot), 45_000, 'the bot gone');
      // What is left: the playground's temporary folder (the emulator ran inside the playground).
      expect(readdirSync(temporary).filter((name) => name.startsWith('playground-'))).toHaveLength(1);
    } finally {
      if (bot !== undefined && runs(bot)) process.kill(bot, 'SIGKILL');
      child.kill('SIGKILL');
      rmSync(temporary, { recursive: true, force: true });
    }
  }, 90_000);

  it('GIVEN control characters in an article THEN the replies show them instead of sending them to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    try {
      writeFileSync(
        join(dir, 'clear.md'),
        articleSource(
          validFront({ title: 'Clear \x1b[2J the screen', summary: 'Back\rward' }),
          '## Tips\n\n- **Ring\x07:** Delete\x7f this \x9b1m.',
        ),
      );
      const { code, output } = await playground('/tips\n/articles\nexit\n', { CONTENT_DIR: dir });
      expect(code).toBe(0);
      // The article's control characters are dropped when it is read (Discord would strip them);
      // the embed's title escaped as Discord needs it (a `[` in a title is no link's start).
      expect(output).toMatch(/Tips · Clear \\\[2J the screen/);
      // In the link's label, a bracket without its pair is its full-width look-alike (see linkLabel).
      expect(output).toMatch(/\*\*\[Clear ［2J the screen\]/);
      // A carriage return, kept (Markdown reads it as a line end), is shown, not sent to the terminal.
      expect(output).toMatch(/Back␍ward/);
      // No colours either: the output is not a terminal.
      expect(output).not.toMatch(/[^\P{Cc}\n\t]/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('GIVEN an empty content folder THEN it says to write articles there, and stays at the prompt until exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    try {
      const { code, output } = await playground('exit\n', { CONTENT_DIR: dir });
      expect(code).toBe(0);
      expect(output).toContain(
        `No Markdown file in ${dir}: write articles there (see "Write an article" in the README).\n`,
      );
      expect(output).not.toMatch(/found\):/);
      expect(output).toMatch(/The bot did not start: fix the content and type reload\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('GIVEN a content folder that does not exist THEN it says so and stays at the prompt until exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    try {
      const { code, output } = await playground('/tips\nexit\n', { CONTENT_DIR: join(dir, 'posts') });
      expect(code).toBe(0);
      expect(output).toMatch(/\S*posts: the folder does not exist/);
      expect(output).toMatch(/The bot is not running: fix the content and type reload\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("GIVEN a real bot's .env in the folder it runs from THEN it reads the content settings alone: the bot starts on the emulator, and problems name files from there", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'playground-env-'));
    const temporary = mkdtempSync(join(tmpdir(), 'playground-tmp-'));
    // A port in use, as a production bot's HTTP_PORT on the same machine.
    const server = createServer();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    try {
      mkdirSync(join(folder, 'content'));
      copyFileSync(SEED_ARTICLE, join(folder, 'content', 'seed.md'));
      symlinkSync('missing.md', join(folder, 'content', 'broken.md'));
      writeFileSync(
        join(folder, '.env'),
        [
          'DISCORD_TOKEN=not-for-the-playground',
          'DISCORD_APPLICATION_ID=123456789012345678',
          `HTTP_PORT=${String(port)}`,
          'SHARD_COUNT=2',
          'SHARD_IDS=1',
          `CONTENT_CACHE=${join(folder, 'cache.sqlite')}`,
          'CONTENT_DIR=content',
          'SITE_URL=https://blog.example',
          '',
        ].join('\n'),
      );
      const child = spawn(
        process.execPath,
        [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(PROJECT_ROOT, 'scripts/playground.ts')],
        { cwd: folder, env: { PATH: process.env.PATH ?? '', TMPDIR: temporary } },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.stdin.end('/tips\nexit\n');
      try {
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
      expect(output).toMatch(/Career tips bot playground: 1 article\(s\)/);
      expect(output).toMatch(
        /Tips · From Software Engineer to Engineering Leader https:\/\/blog\.example\/blog\/software-engineer-to-engineering-leader/,
      );
      expect(output).toMatch(/! skipped: content\/broken\.md: a link to nothing \(missing\.md\)/);
      expect(output).not.toMatch(/Could not register|HTTP_PORT|did not start|not running/);
      expect(readdirSync(folder).sort()).toEqual(['.env', 'content']);
      // Its temporary folder removed (tsx keeps its cache there too).
      expect(readdirSync(temporary).filter((name) => name.startsWith('playground-'))).toEqual([]);
    } finally {
      server.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(temporary, { recursive: true, force: true });
    }
  }, 60_000);

  it("GIVEN option values Discord's client would not send THEN the prompt refuses them with why, and a choice goes by its name", async () => {
    const schedule = '/schedule set channel:#general time:09:00 timezone:UTC';
    const { code, output } = await playground(
      [
        `${schedule} frequency:Weekly day:Monday`,
        `${schedule} frequency:weekly day:funday`,
        '/schedule set channel:#voice time:09:00 timezone:UTC frequency:daily',
        '/schedule set channel:#general time:09:00:00 timezone:UTC frequency:daily',
        `/search query:${'a'.repeat(81)}`,
        '/tips bogus:1',
        '/tips private:true private:false',
        '/tip now',
        'exit',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(output).toMatch(/Tips will be posted in #general every Monday at 09:00 \(UTC\)/);
    expect(output).toMatch(
      /day takes one of: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday/,
    );
    expect(output).toMatch(
      /channel takes a text or announcement channel; #voice is a voice channel\. Channels: #general\n/,
    );
    expect(output).toMatch(/time takes at most 7 characters \(this is 8\)/);
    expect(output).toMatch(/query takes at most 80 characters \(this is 81\)/);
    expect(output).toMatch(/\/tips has no option bogus\. Its options: article: private:/);
    expect(output).toMatch(/private is given twice/);
    expect(output).toMatch(/Write options as name:value, e\.g\. \/tip private:…/);
    expect(output).not.toMatch(/Weekly posts need a `day`|Discord would reject/);
  }, 60_000);

  it('GIVEN a private reply paged with its buttons, and a reload THEN the page stays private and the buttons still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-content-'));
    try {
      writeFileSync(join(dir, 'many.md'), longArticle(30));
      const { code, output } = await playground('/tips private:true\n2\nreload\n2\nexit\n', {
        CONTENT_DIR: dir,
      });
      expect(code).toBe(0);
      const pages = output.split('[1] ◀ Previous').slice(0, -1);
      expect(pages).toHaveLength(3);
      for (const page of pages) expect(page).toMatch(/\(only you can see this\)\nTips · Many tips/);
      expect(output).toMatch(/Page 3\/3/);
      expect(output).not.toMatch(/No such button/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the playground prompt, on the registered commands and the running bot', () => {
  let stack: Stack;
  const offered: Offered = new Map();
  const tab = (line: string) => complete(stack.emulator, line, { offered, autocomplete: true });
  beforeAll(async () => {
    stack = await startStack({
      articles: {
        'coach-a-team.md': articleSource(
          validFront({ title: 'How to coach a team' }),
          '## Tips\n\n- **Listen:** Listen first.',
        ),
        'coach-new-hires.md': articleSource(
          validFront({ title: 'How to coach new hires' }),
          '## Tips\n\n- **Agenda:** Send one.',
        ),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await stack.stop();
  });

  it('GIVEN Tab on a choice option THEN it lists the names Discord shows, and the channels of the allowed types', async () => {
    const schedule = '/schedule set channel:#general time:09:00 timezone:UTC';
    expect(await tab(`${schedule} frequency:weekly day:t`)).toEqual([
      ['Tuesday ', 'Thursday ', 'Saturday '],
      't',
    ]);
    expect(await tab(`${schedule} frequency:week`)).toEqual([
      ['weekdays (Monday to Friday) ', 'weekly '],
      'week',
    ]);
    expect(await tab('/schedule set channel:')).toEqual([['#general '], '']);
    expect(await tab('/tips private:true ')).toEqual([['article:'], '']);
  });

  it('GIVEN Tab on an autocomplete option THEN it lists the names the bot returned, and the one picked is sent as its value', async () => {
    const [titles] = await tab('/tips article:leader');
    expect(titles).toEqual(['From Software Engineer to Engineering Leader']);
    expect(
      parseCommand(stack.emulator, '/tips article:From Software Engineer to Engineering Leader', offered),
    ).toEqual({
      commandLine: 'tips',
      values: { article: 'software-engineer-to-engineering-leader' },
    });
    // Titles holding the text, not starting with it: listed, the text kept (see the readline test below).
    expect(await tab('/tips article:coach')).toEqual([
      ['How to coach a team', 'How to coach new hires', 'coach'],
      'coach',
    ]);
    const [tags] = await tab('/articles tag:engineering');
    expect(tags).toEqual(['engineering leadership (1 article)']);
    expect(
      parseCommand(stack.emulator, '/articles tag:engineering leadership (1 article)', offered).values,
    ).toEqual({
      tag: 'engineering leadership',
    });
  });

  it('GIVEN Tab twice in a terminal on a title typed by a word inside it THEN readline lists the titles and keeps the text, and one title is written in', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const rl = createInterface({
      input,
      output,
      terminal: true,
      completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
        void tab(line).then((result) => callback(null, result));
      },
    });
    try {
      input.write('/tips article:coach\t');
      input.write('\t');
      await until(() => shown.includes('How to coach new hires'), 10_000, 'the titles listed');
      expect(shown).toMatch(/How to coach a team/);
      expect(rl.line).toBe('/tips article:coach');

      // Ctrl-U empties the line.
      input.write('\x15/tips article:leader\t');
      await until(() => rl.line !== '/tips article:leader', 10_000, 'the title written in');
      expect(rl.line).toBe('/tips article:From Software Engineer to Engineering Leader');
    } finally {
      rl.close();
    }
  });
});

describe('listed', () => {
  it('GIVEN values whose common start does not go on from the typed text THEN adds the text, so that readline lists them', () => {
    expect(listed(['How to lead a team', 'How to lead meetings'], 'lead')).toEqual([
      ['How to lead a team', 'How to lead meetings', 'lead'],
      'lead',
    ]);
  });

  it('GIVEN one value, values going on from the text (in any case), or none in common THEN leaves them', () => {
    expect(listed(['From Software Engineer'], 'soft')).toEqual([['From Software Engineer'], 'soft']);
    expect(listed(['weekdays ', 'weekly '], 'Week')).toEqual([['weekdays ', 'weekly '], 'Week']);
    expect(listed(['Tuesday ', 'Thursday ', 'Saturday '], 't')).toEqual([
      ['Tuesday ', 'Thursday ', 'Saturday '],
      't',
    ]);
    expect(listed(['#general ', '#gen-2 '], '#gen')).toEqual([['#general ', '#gen-2 '], '#gen']);
  });
});

describe('visible', () => {
  it('GIVEN C0, DEL and C1 control characters THEN shows each, and keeps line breaks and tabs', () => {
    expect(visible('a\x1b[2Jb\r\n\tc\x7f\x9b1m\x00\x07 é€')).toBe('a␛[2Jb␍\n\tc␡\\x9b1m␀␇ é€');
  });
});

describe('the playground prompt, on limits no command of the bot has yet', () => {
  it("GIVEN numbers and lengths out of what an option allows THEN each is refused as Discord's client refuses it", async () => {
    const emulator = await startEmulator();
    try {
      const data = new SlashCommandBuilder()
        .setName('limits')
        .setDescription('Options with limits')
        .addIntegerOption((o) => o.setName('count').setDescription('A count').setMinValue(1).setMaxValue(10))
        .addNumberOption((o) => o.setName('ratio').setDescription('A ratio').setMaxValue(1))
        .addStringOption((o) => o.setName('code').setDescription('A code').setMinLength(3))
        .toJSON();
      emulator.commands.global = [
        {
          ...data,
          id: '1',
          application_id: IDS.application,
          version: '1',
          type: ApplicationCommandType.ChatInput,
        } as APIApplicationCommand,
      ];
      const parse = (line: string) => () => parseCommand(emulator, line);
      expect(parse('/limits count:3 ratio:0.5 code:abc')()).toEqual({
        commandLine: 'limits',
        values: { count: 3, ratio: 0.5, code: 'abc' },
      });
      expect(parse('/limits count:2.5')).toThrow('count takes a whole number');
      expect(parse('/limits count:0x5')).toThrow('count takes a whole number');
      expect(parse('/limits count:11')).toThrow('count takes a number from 1 up to 10');
      expect(parse('/limits ratio:1.5')).toThrow('ratio takes a number up to 1');
      expect(parse('/limits ratio:half')).toThrow('ratio takes a number');
      expect(parse('/limits code:ab')).toThrow('code takes at least 3 characters (this is 2)');
      expect(parse('/limits code:🚀🚀🚀')()).toEqual({ commandLine: 'limits', values: { code: '🚀🚀🚀' } });
    } finally {
      await emulator.stop();
    }
  });
});
