import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { articleSource } from '../helpers/articles.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';
import { callbackOf } from './callbacks.js';

let emulator: DiscordEmulator;
let bot: BotProcess;
let space: ReturnType<typeof workspace>;

beforeAll(async () => {
  emulator = await startEmulator();
  space = workspace();
  // A Hugo site whose configuration gives its address; SITE_URL is left unset.
  writeFileSync(join(space.dir, 'hugo.toml'), 'baseURL = "https://jane.dev/"\ntitle = "Jane"\n');
  mkdirSync(join(space.contentDir, 'posts'));
  writeFileSync(
    join(space.contentDir, 'posts', 'delegation.md'),
    articleSource(
      { title: 'Delegation', tags: ['management'], summary: 'Hand work over.', date: '2024-01-05' },
      '## Tips\n\n- **Start small:** Hand over one task this week.',
    ),
  );
  const env = botEnv(emulator, space, { SITE_URL: '' });
  const deployed = await deployCommands(env, space.dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  bot = await startBot(emulator, env, space.dir);
}, 60_000);

afterAll(async () => {
  await bot.stop();
  await emulator.stop();
  space.cleanup();
});

describe('SITE_URL unset on a Hugo site whose configuration gives its address', () => {
  it("GIVEN hugo.toml's baseURL THEN the bot logs where it links, and /articles links the posts there", async () => {
    await bot.waitForLog(/SITE_URL is unset: the site's configuration gives its address/);
    const callback = callbackOf(await emulator.chatInput('articles', {}).response());
    expect(callback.data?.embeds?.[0]?.description).toContain(
      '[Delegation](https://jane.dev/posts/delegation/)',
    );
  });

  it('GIVEN BLOG_URL and TAG_URL unset THEN the buttons lead to the pages Hugo makes: the section and the tag', async () => {
    const all = await emulator.chatInput('articles', {}).response();
    expect(JSON.stringify(all.body)).toContain('"url":"https://jane.dev/posts/"');
    const tagged = await emulator.chatInput('articles', { tag: 'management' }).response();
    expect(JSON.stringify(tagged.body)).toContain('"url":"https://jane.dev/tags/management/"');
  });
});
