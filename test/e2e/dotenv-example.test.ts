import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { PROJECT_ROOT } from '../helpers/paths.js';
import { callbackOf } from './callbacks.js';
import { deployCommands, startBot, startEmulator, workspace } from './harness.js';

let emulator: DiscordEmulator;
let space: ReturnType<typeof workspace>;
let bot: BotProcess | undefined;

/**
 * `.env.example` as the README's set-up leaves it: copied to `.env`, the token filled in, every other
 * setting left as it is (empty: SHARD_COUNT=, SHARD_IDS=, …); here, Discord is the emulator.
 */
function dotEnvFromExample(values: Record<string, string>): string {
  let text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^${name}=.*$`, 'm');
    expect(text).toMatch(line);
    text = text.replace(line, `${name}=${value}`);
  }
  return text;
}

beforeAll(async () => {
  emulator = await startEmulator();
  space = workspace();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  space.cleanup();
});

describe(".env copied from .env.example, as the README's set-up says", () => {
  it('GIVEN only the token (and where Discord is) filled in THEN the bot starts, connects and answers', async () => {
    writeFileSync(
      join(space.dir, '.env'),
      dotEnvFromExample({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl }),
    );
    // Nothing else from the environment: the folder's .env says it all (./content, ./data).
    const deployed = await deployCommands({}, space.dir);
    expect(deployed.stderr).toBe('');
    bot = await startBot(emulator, {}, space.dir);
    const callback = callbackOf(await emulator.chatInput('help').response());
    expect(callback.type).toBe(4);
  });

  it('GIVEN SHARD_COUNT and SHARDS set empty in the environment (a compose file) THEN they are unset too: the bot starts', async () => {
    await bot?.stop();
    bot = await startBot(emulator, { SHARD_COUNT: '', SHARDS: ' ' }, space.dir);
    const callback = callbackOf(await emulator.chatInput('help').response());
    expect(callback.type).toBe(4);
  });
});
