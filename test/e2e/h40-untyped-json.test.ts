import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { startBot, startStack, type Stack } from './harness.js';
import { callbackOf } from './callbacks.js';

// A Discord stand-in that types its JSON answers text/plain: discord.js then reads them as bytes, so
// the bot could not even learn the gateway's address at login.
let emulator: DiscordEmulator;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  ({ emulator } = stack);
  emulator.untypedJson = true;
  await stack.bot.stop();
  stack.bot = await startBot(emulator, stack.env, stack.space.dir);
}, 60_000);

afterAll(() => stack.stop());

describe('JSON answers typed text/plain', () => {
  it('GIVEN every answer typed text/plain THEN the bot logs in and answers commands', async () => {
    expect(emulator.requests.filter((r) => r.path === '/gateway/bot').length).toBeGreaterThanOrEqual(2);
    const response = await emulator.chatInput('help').response();
    expect(callbackOf(response).data?.embeds?.[0]?.title).toBe('What I can do');
  });
});
