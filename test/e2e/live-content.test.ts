import { readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecordedRequest } from '../../emulator/emulator.js';
import { articleSource, validFront } from '../helpers/articles.js';
import { startStack, type Stack } from './harness.js';

let stack: Stack;

interface Callback {
  type: number;
  data?: { content?: string; flags?: number; embeds?: { title?: string; description?: string }[] };
}
const EPHEMERAL = 64;

/** What the bot answers to a command, as Discord received it. */
async function ask(name: string, options: Record<string, string> = {}): Promise<Callback> {
  const request: RecordedRequest = await stack.emulator.chatInput(name, options).response();
  return request.body as Callback;
}

/** Asks again until the answer shows the edit: the watcher's timing is the system's, not the test's. */
const eventually = (check: () => Promise<void>): Promise<void> =>
  vi.waitFor(check, { timeout: 20_000, interval: 100 });

const file = (name: string): string => join(stack.space.contentDir, name);

beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack.stop());

describe('editing the content folder while the bot runs', () => {
  it('GIVEN an article added, edited, broken and removed THEN the answers follow without a restart', async () => {
    await stack.bot.waitForLog(/watching the content folder/);
    writeFileSync(
      file('live.md'),
      articleSource(
        validFront({ title: 'Live article', date: '2099-01-01' }),
        '## Tips\n\n- **First:** One.',
      ),
    );
    await eventually(async () => {
      expect((await ask('tips')).data?.embeds?.[0]?.title).toBe('Tips · Live article');
    });

    writeFileSync(
      file('live.md'),
      articleSource(
        validFront({ title: 'Live article', date: '2099-01-01' }),
        '## Tips\n\n- **Second:** Two.',
      ),
    );
    await eventually(async () => {
      expect(JSON.stringify((await ask('tips', { article: 'live' })).data)).toContain('Two.');
    });

    // A broken save keeps what readers had, and the log says where the problem is.
    const from = stack.bot.logs.length;
    writeFileSync(file('live.md'), '---\ntitle: Live article\ndate: 2099-02-30\n---\n## Tips\n- x\n');
    const kept = await stack.bot.waitForLog(/kept the last good version/, 20_000, from);
    expect(kept).toMatchObject({ file: expect.stringMatching(/live\.md$/) as unknown, line: 3 });
    expect(kept.msg).toMatch(/live\.md:3: date: expected a real day/);
    expect(JSON.stringify((await ask('tips', { article: 'live' })).data)).toContain('Two.');

    unlinkSync(file('live.md'));
    await eventually(async () => {
      const answer = await ask('tips', { article: 'live' });
      expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(answer.data?.content).toMatch(/^No article matches “live”/);
    });
    expect((await ask('tips')).data?.embeds?.[0]?.title).toBe(
      'Tips · From Software Engineer to Engineering Leader',
    );
  });

  it('GIVEN SIGHUP THEN the bot reads the folder again and logs what changed', async () => {
    const from = stack.bot.logs.length;
    stack.bot.signal('SIGHUP');
    const reloaded = await stack.bot.waitForLog(/content reloaded/, 20_000, from);
    expect(reloaded).toMatchObject({ added: 0, changed: 0, removed: 0, broken: 0, articles: 1 });
  });

  it('GIVEN every article removed THEN /articles says privately there are none yet; put back THEN listed again', async () => {
    const articles = readdirSync(stack.space.contentDir).filter((name) => name.endsWith('.md'));
    for (const name of articles) renameSync(file(name), file(`${name}.away`));
    try {
      await eventually(async () => {
        const answer = await ask('articles');
        expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
        expect(answer.data?.content).toMatch(/^There are no articles yet/);
      });
    } finally {
      for (const name of articles) renameSync(file(`${name}.away`), file(name));
    }
    await eventually(async () => {
      const answer = await ask('articles');
      expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(0);
      expect(answer.data?.embeds?.[0]?.description).toMatch(/From Software Engineer to Engineering Leader/);
    });
  });
});
