import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { deployCommands, startBot, startStack, type Stack } from './harness.js';
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
    const response = await emulator.chatInput('help').response();
    expect(callbackOf(response).data?.embeds?.[0]?.title).toBe('What I can do');
  });

  it('GIVEN every answer typed text/plain, and a 429 that says its wait only in its body THEN deploy-commands waits it out and registers the commands', async () => {
    emulator.failNext({
      method: 'PUT',
      path: /\/commands$/,
      status: 429,
      retryAfter: 0.3,
      retryAfterIn: 'body',
    });
    const deployed = await deployCommands(stack.env, stack.space.dir);
    expect(deployed.stderr).toBe('');
    expect(deployed.stdout).toMatch(/^Registered 8 commands in server /);
    const puts = emulator.requests.filter((r) => r.method === 'PUT');
    const [limited, again] = puts.slice(-2);
    expect(puts.length).toBeGreaterThanOrEqual(2);
    // Sent again after the wait the body named, not at once.
    expect((again?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });
});
