import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator, InteractionHandle } from '../../emulator/emulator.js';
import { startStack, type Stack } from './harness.js';
import { callbackOf } from './callbacks.js';
import { until } from './wait.js';

// What a Discord other than our emulator may send: a proxy's 429, a 204 typed JSON, older or sparser
// payloads, a heartbeat left unanswered. Each case but the last once made the bot hammer Discord,
// answer twice, go silent, suggest nothing or fail to store.
let emulator: DiscordEmulator;
let stack: Stack;

beforeAll(async () => {
  // Every 204 here is typed JSON, as some servers send it.
  stack = await startStack({ emulator: { heartbeatIntervalMs: 1000, jsonTypeOnNoContent: true } });
  ({ emulator } = stack);
}, 60_000);

afterAll(() => stack.stop());

/** The callbacks of one interaction that Discord accepted. */
const accepted = (interaction: InteractionHandle) =>
  interaction.requests().filter((r) => r.path.endsWith('/callback') && r.status < 300);
/** A payload without some of its fields, as another Discord may send it. */
const without =
  (...keys: string[]) =>
  (payload: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(payload).filter(([key]) => !keys.includes(key)));
const refused = (interaction: InteractionHandle) =>
  interaction.requests().filter((r) => r.path.endsWith('/callback') && r.status === 429);

describe('a 429 that says its wait in its JSON body only', () => {
  it('GIVEN a limit of 0.5 s said only as retry_after in the body THEN the reply waits it out: one 429, then one reply', async () => {
    emulator.failNext({
      path: /\/callback$/,
      status: 429,
      retryAfter: 0.5,
      retryAfterIn: 'body',
      lastsMs: 500,
    });
    const interaction = emulator.chatInput('help');
    await interaction.response();
    expect(refused(interaction)).toHaveLength(1);
    expect(accepted(interaction)).toHaveLength(1);
  });

  it('GIVEN a 429 page from a proxy (no JSON, no Retry-After) lasting 0.5 s THEN the reply waits rather than hammers', async () => {
    emulator.failNext({ path: /\/callback$/, status: 429, html: '<html>Slow down</html>', lastsMs: 500 });
    const interaction = emulator.chatInput('help');
    await interaction.response();
    expect(refused(interaction)).toHaveLength(1);
    expect(accepted(interaction)).toHaveLength(1);
  });
});

describe('a 204 No Content typed application/json', () => {
  it('GIVEN the callback answered 204 with a JSON content type THEN the reply counts as sent: no second callback, no error', async () => {
    const from = stack.bot.logs.length;
    const interaction = emulator.chatInput('help');
    await interaction.response();
    // A second answer after it: a second callback of the first would be in by then.
    await emulator.chatInput('help').response();
    expect(interaction.requests().map((r) => r.status)).toEqual([204]);
    expect(stack.bot.logs.slice(from).filter((line) => line.level >= 40)).toEqual([]);
    expect(emulator.violations).toEqual([]);
  });
});

describe('interactions without the fields discord.js reads unchecked', () => {
  it('GIVEN no entitlements and no authorizing_integration_owners (a payload from before Discord added them) THEN the command is answered', async () => {
    const interaction = emulator.chatInput(
      'help',
      {},
      { shape: without('entitlements', 'authorizing_integration_owners') },
    );
    const response = await interaction.response();
    expect(callbackOf(response).data?.embeds?.[0]?.title).toBe('What I can do');
  });

  it('GIVEN channel_id without the channel object (both optional) THEN /tip remembers its tip for that channel, without a store error', async () => {
    const from = stack.bot.logs.length;
    const interaction = emulator.chatInput('tip', {}, { shape: without('channel') });
    expect(callbackOf(await interaction.response()).type).toBe(4);
    // A second answer after it: the first's log lines are in by then.
    await emulator.chatInput('help').response();
    const warnings = stack.bot.logs.slice(from).filter((line) => line.level >= 40);
    expect(warnings.map((line) => line.msg)).toEqual([]);
  });
});

describe('an autocomplete with no option marked focused (optional in the payload)', () => {
  it('GIVEN /tips article typed with no focused flag THEN the first suggestions come, without an error', async () => {
    const from = stack.bot.logs.length;
    const interaction = emulator.autocomplete(
      'tips',
      'article',
      { article: '' },
      {
        shape: (payload) => {
          const data = payload.data as { options: Record<string, unknown>[] };
          return { ...payload, data: { ...data, options: data.options.map(without('focused')) } };
        },
      },
    );
    const response = await interaction.response();
    expect(callbackOf(response).data?.choices).toEqual([
      expect.objectContaining({ name: 'From Software Engineer to Engineering Leader' }),
    ]);
    await emulator.chatInput('help').response();
    expect(stack.bot.logs.slice(from).filter((line) => line.level >= 40)).toEqual([]);
  });
});

describe('the gateway', () => {
  it('GIVEN a heartbeat left without its ACK THEN the bot reconnects, resumes and still answers', async () => {
    const resumes = emulator.resumeCount;
    emulator.missHeartbeatAcks(1);
    await until(() => emulator.resumeCount > resumes, 10_000, 'a RESUME');
    const interaction = emulator.chatInput('help');
    await interaction.response();
    expect(accepted(interaction)).toHaveLength(1);
  });
});
