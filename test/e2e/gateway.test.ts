import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator, InteractionHandle } from '../../emulator/emulator.js';
import { BotProcess as Bot } from '../../emulator/bot-process.js';
import { botEnv, startEmulator, startStack, workspace, type Stack } from './harness.js';
import { until } from './wait.js';

let emulator: DiscordEmulator;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  ({ emulator } = stack);
}, 60_000);

afterAll(() => stack.stop());

/** Successful callbacks of one interaction: a reply must arrive exactly once. */
function delivered(interaction: InteractionHandle): number {
  return interaction.requests().filter((r) => r.path.endsWith('/callback') && r.status < 300).length;
}

async function answered(): Promise<void> {
  const interaction = emulator.chatInput('help');
  await interaction.response(15_000);
  expect(delivered(interaction)).toBe(1);
}

describe('staying connected', () => {
  it('GIVEN op 7 RECONNECT THEN the bot resumes its session and still answers', async () => {
    const resumes = emulator.resumeCount;
    emulator.requestReconnect();
    await until(() => emulator.resumeCount > resumes, 10_000, 'a RESUME');
    await answered();
  });

  it('GIVEN a dropped socket THEN the bot resumes and still answers', async () => {
    const resumes = emulator.resumeCount;
    emulator.dropConnection();
    await until(() => emulator.resumeCount > resumes, 10_000, 'a RESUME');
    await answered();
  });

  it('GIVEN op 9 INVALID_SESSION (not resumable) THEN the bot identifies again and still answers', async () => {
    const identifies = emulator.identifyCount;
    emulator.invalidateSession(false);
    // discord.js waits about 5 s before a new IDENTIFY (its identify throttle).
    await until(() => emulator.identifyCount > identifies, 15_000, 'a new IDENTIFY');
    await emulator.waitForSession();
    await answered();
  });
});

describe('rate limits and server errors on replies', () => {
  it('GIVEN a 429 on the reply THEN the bot waits Retry-After and the reply arrives exactly once', async () => {
    emulator.failNext({ path: /\/callback$/, status: 429, retryAfter: 0.3 });
    const interaction = emulator.chatInput('tip');
    await interaction.response();
    expect(delivered(interaction)).toBe(1);
    expect(interaction.requests().filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('GIVEN a global 429 on the reply THEN the reply still arrives exactly once', async () => {
    emulator.failNext({ path: /\/callback$/, status: 429, retryAfter: 0.2, global: true });
    const interaction = emulator.chatInput('tips');
    await interaction.response();
    expect(delivered(interaction)).toBe(1);
  });

  it('GIVEN a 502 then a 503 on the reply THEN it is retried and arrives exactly once', async () => {
    emulator.failNext({ path: /\/callback$/, status: 502 });
    emulator.failNext({ path: /\/callback$/, status: 503 });
    const interaction = emulator.chatInput('articles');
    await interaction.response();
    expect(delivered(interaction)).toBe(1);
    expect(interaction.requests().filter((r) => r.status >= 500)).toHaveLength(2);
  });

  it('GIVEN everything above THEN no request broke Discord rules', () => {
    expect(emulator.violations).toEqual([]);
  });
});

describe('a bad token', () => {
  it('GIVEN a token Discord rejects over REST (401) THEN a clear message and exit 1', async () => {
    const other = workspace();
    const rejected = new Bot(
      { ...botEnv(emulator, other), DISCORD_TOKEN: 'not.the.right-token-at-all' },
      other.dir,
    );
    expect(await rejected.exited).toBe(1);
    expect(rejected.stderr).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(rejected.stderr + JSON.stringify(rejected.logs)).not.toContain('not.the.right-token-at-all');
    other.cleanup();
  });

  it('GIVEN a gateway that closes with 4004 THEN a clear message and exit 1', async () => {
    const strict = await startEmulator({ rejectIdentify: true });
    const other = workspace();
    const rejected = new Bot(botEnv(strict, other), other.dir);
    expect(await rejected.exited).toBe(1);
    expect(rejected.stderr).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(strict.identifyCount).toBe(1);
    await strict.stop();
    other.cleanup();
  });
});
