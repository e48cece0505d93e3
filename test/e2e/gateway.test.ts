import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { ComponentType, InteractionType } from 'discord-api-types/v10';
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

  it.each([
    ['an expired interaction (10062)', 404 as const, 10062],
    ['an answer Discord already took (40060)', 400 as const, 40060],
  ])('GIVEN %s on the reply THEN it is not answered again', async (_, status, code) => {
    const from = stack.bot.logs.length;
    emulator.failNext({ path: /\/callback$/, status, code });
    const interaction = emulator.chatInput('help');
    await stack.bot.waitForLog(/the interaction could take no answer/, 10_000, from);
    // The next interaction's answer comes after anything this one could still send.
    await answered();
    expect(interaction.requests().filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('GIVEN a 429 on the reply whose wait passes Discord’s 3 s THEN the answer is given up, not sent late', async () => {
    const from = stack.bot.logs.length;
    emulator.failNext({ path: /\/callback$/, status: 429, retryAfter: 4, global: true });
    const interaction = emulator.chatInput('help');
    await stack.bot.waitForLog(/rate limited: the interaction went unanswered/, 3_000, from);
    expect(interaction.requests().filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('GIVEN a button whose message was deleted (10008 on the update) THEN a private answer says so', async () => {
    const shown = emulator.chatInput('tips');
    await shown.response();
    const message = shown.message();
    // The Next button a list of several articles has (this one has one, whose slug ends its link): as
    // on the message when more articles were loaded.
    const slug = message?.embeds[0]?.url?.split('/').pop();
    assert(message !== undefined && slug !== undefined, 'a /tips message linking its article');
    emulator.failNext({ path: /\/callback$/, status: 404, code: 10008 });
    const press = emulator.unregistered(
      InteractionType.MessageComponent,
      { custom_id: `tips:all:${slug}:0`, component_type: ComponentType.Button },
      message,
    );
    await until(() => delivered(press) === 1, 10_000, 'an answer');
    const answer = press.requests().find((r) => r.path.endsWith('/callback') && r.status < 300);
    expect(answer?.body).toMatchObject({
      type: 4,
      data: { content: 'That message is gone. Run the command again.', flags: 64 },
    });
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
