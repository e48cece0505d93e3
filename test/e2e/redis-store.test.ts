import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { openStores } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { farDailyTime } from '../../emulator/fleet.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { callbackOf, EPHEMERAL } from './callbacks.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';

const MANAGE_GUILD = String(1n << 5n);
/** A daily time half a day away: no post comes during the tests. */
const FAR_TIME = farDailyTime();

let redis: RedisServer;
let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;
let env: Record<string, string>;

async function run(line: string, values: Record<string, string | number | boolean> = {}) {
  return callbackOf(await emulator.chatInput(line, values, { memberPermissions: MANAGE_GUILD }).response());
}

/**
 * The message that answers `line`: the reply itself, or, when the bot deferred it ("thinking": a
 * store slower than Discord waits, as Redis may be just after a restart on a busy machine), the
 * reply once it is edited in.
 */
async function answerTo(line: string): Promise<APIMessage> {
  const sent = emulator.chatInput(line, {}, { memberPermissions: MANAGE_GUILD });
  const first = callbackOf(await sent.response());
  expect([4, 5]).toContain(first.type);
  return vi.waitFor(
    () => {
      const message = sent.message();
      if (message === undefined || (message.content === '' && message.embeds.length === 0))
        throw new Error(`no answer to /${line} yet`);
      return message;
    },
    { timeout: 20_000, interval: 50 },
  );
}

async function readSchedule(): Promise<ScheduleRecord | undefined> {
  const stores = await openStores(env.STORE_URL ?? '', createLogger({ level: 'silent' }));
  try {
    return await stores.schedules.get(IDS.guild);
  } finally {
    await stores.close();
  }
}

beforeAll(async () => {
  redis = await RedisServer.start();
  emulator = await startEmulator();
  space = workspace();
  env = botEnv(emulator, { ...space, storeUrl: redis.url });
  const deployed = await deployCommands(env, space.dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  bot = await startBot(emulator, env, space.dir);
}, 60_000);

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  await redis.stop();
  space.cleanup();
});

describe('the bot on a Redis store (STORE_URL=redis://…)', () => {
  it('GIVEN a schedule set THEN it is in Redis, and a restarted bot shows it', async () => {
    const answer = await run('schedule set', {
      channel: IDS.channel,
      time: FAR_TIME,
      timezone: 'UTC',
      frequency: 'daily',
    });
    expect(answer.data?.content).toMatch(/Tips will be posted in <#1100000000000000003>/);
    expect(await readSchedule()).toMatchObject({ channelId: IDS.channel, time: FAR_TIME, timezone: 'UTC' });

    await bot?.stop();
    bot = await startBot(emulator, env, space.dir);
    expect((await run('schedule show')).data?.content).toContain(`every day at ${FAR_TIME} (UTC)`);
  });

  it('GIVEN Redis restarted while the bot runs THEN the bot answers on, and what it saves meanwhile is kept', async () => {
    await redis.restart();
    expect((await answerTo('schedule pause')).content).toMatch(/paused/);
    expect(await readSchedule()).toMatchObject({ paused: expect.anything() as unknown });
    expect((await answerTo('tip')).embeds).toHaveLength(1);
  });

  it('GIVEN Redis down for longer than Discord waits for an answer THEN /schedule is deferred privately and answered once Redis is back', async () => {
    await redis.halt();
    let halted = true;
    try {
      const sent = emulator.chatInput('schedule show', {}, { memberPermissions: MANAGE_GUILD });
      // Type 5: "thinking", only for the user (Discord drops an interaction not answered in 3 s).
      const deferred = callbackOf(await sent.response(3_000));
      expect(deferred).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await redis.run();
      halted = false;
      const start = Date.now();
      while (sent.message()?.content === undefined || sent.message()?.content === '') {
        if (Date.now() - start > 20_000) throw new Error('no answer after Redis came back');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(sent.message()?.content).toContain(`every day at ${FAR_TIME} (UTC)`);
    } finally {
      if (halted) await redis.run();
    }
  });
});
