import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { startStack, type Stack } from './harness.js';

// Discord closes the gateway with a code discord.js does not recover from (4004 once the token is
// reset): the shard stays down for good, and the bot lived on, answering nothing.
let emulator: DiscordEmulator;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  ({ emulator } = stack);
}, 60_000);

afterAll(() => stack.stop());

describe('a gateway closed for good', () => {
  it('GIVEN close code 4004 after the bot is connected THEN it stops with exit code 1, saying to copy the token again', async () => {
    emulator.closeConnection(4004, 'Authentication failed.');
    const exited = await Promise.race([
      stack.bot.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000)),
    ]);
    expect(exited).toBe(1);
    const closed = stack.bot.logs.find((line) => /closed the gateway connection for good/.test(line.msg));
    expect(closed).toMatchObject({ level: 50, code: 4004 });
    expect(closed?.msg).toMatch(/DISCORD_TOKEN.*copy the token again/);
  }, 40_000);
});
