import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logger.js';
import { openStores } from '../../src/adapters/store.js';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { slotId } from '../../src/core/schedule.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import { farDailyTime } from '../../emulator/fleet.js';
import { callbackOf, EPHEMERAL, type Callback } from './callbacks.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';

/** A second text channel of the test server, for a schedule set again elsewhere. */
const TIPS = '1100000000000000042';
/** A server whose schedule an admin paused while its slot, three days old now, was in flight. */
const PAUSED_GUILD = '1100000000000000043';
const PAUSED_CHANNEL = '1100000000000000044';
const NEW_CHANNEL = '1100000000000000045';
const MANAGE_GUILD = String(1n << 5n);
const DAY = 86_400_000;

let emulator: DiscordEmulator;
let bot: BotProcess | undefined;
let space: ReturnType<typeof workspace>;

async function run(
  line: string,
  values: Record<string, string> = {},
  guildId: string = IDS.guild,
): Promise<Callback> {
  return callbackOf(
    await emulator.chatInput(line, values, { guildId, memberPermissions: MANAGE_GUILD }).response(),
  );
}

async function withStore<T>(
  task: (schedules: Awaited<ReturnType<typeof openStores>>['schedules']) => Promise<T>,
): Promise<T> {
  const stores = await openStores(space.storeUrl, createLogger({ level: 'silent' }), space.dir);
  try {
    return await task(stores.schedules);
  } finally {
    await stores.close();
  }
}

const staleSlot = Date.now() - 3 * DAY;
const lastPost = {
  at: staleSlot - DAY,
  slotAt: staleSlot - DAY,
  tipId: 'x',
  messageId: '1300000000000000001',
};
const PAUSED: ScheduleRecord = {
  guildId: PAUSED_GUILD,
  channelId: PAUSED_CHANNEL,
  time: farDailyTime(),
  timezone: 'UTC',
  frequency: 'daily',
  nextRunAt: staleSlot,
  rotation: { seed: 12345, posted: [] },
  lastPost,
  inFlight: {
    slot: slotId(PAUSED_GUILD, new Date(staleSlot)),
    slotAt: staleSlot,
    tipId: 'software-engineer-to-engineering-leader/tips/0',
    startedAt: staleSlot,
    attempts: 2,
    retryAt: staleSlot + 60_000,
  },
  paused: { reason: 'paused by <@1100000000000000004>', at: staleSlot + 30_000 },
  updatedAt: staleSlot + 30_000,
};

beforeAll(async () => {
  emulator = await startEmulator({
    guilds: [
      {
        id: IDS.guild,
        name: 'Engineers',
        channels: [
          { id: IDS.channel, name: 'general', type: ChannelType.GuildText },
          { id: TIPS, name: 'tips', type: ChannelType.GuildText },
        ],
      },
      {
        id: PAUSED_GUILD,
        name: 'Paused',
        channels: [
          { id: PAUSED_CHANNEL, name: 'old', type: ChannelType.GuildText },
          { id: NEW_CHANNEL, name: 'new', type: ChannelType.GuildText },
        ],
      },
    ],
  });
  space = workspace();
  const env = botEnv(emulator, space);
  // In the test server, and globally for the other.
  for (const guild of [IDS.guild, '']) {
    const deployed = await deployCommands({ ...env, DISCORD_GUILD_ID: guild }, space.dir);
    if (deployed.code !== 0) throw new Error(deployed.stderr);
  }
  // As an earlier run of the bot left it.
  await withStore((schedules) => schedules.set(PAUSED_GUILD, PAUSED));
  bot = await startBot(emulator, env, space.dir);
}, 60_000);

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

afterAll(async () => {
  await bot?.stop();
  await emulator.stop();
  space.cleanup();
});

describe('/schedule set on a server that has a schedule', () => {
  it('GIVEN a schedule for #general THEN set for #tips says it replaces it (a server has one); set again the same on a paused one says posting starts again', async () => {
    const first = await run('schedule set', {
      channel: IDS.channel,
      time: '09:00',
      timezone: 'Europe/Berlin',
      frequency: 'daily',
    });
    expect(first.data?.content).not.toMatch(/replaces/);

    const second = await run('schedule set', {
      channel: TIPS,
      time: '10:30',
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'friday',
    });
    expect((second.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(second.data?.content).toMatch(
      new RegExp(
        `^Tips will be posted in <#${TIPS}> every Friday at 10:30 \\(Europe/Berlin\\)\\. Next post: .*\\n` +
          `This replaces the server's schedule \\(a server has one\\): tips in <#${IDS.channel}> every day at 09:00 \\(Europe/Berlin\\)\\.$`,
      ),
    );
    // One schedule, the second.
    expect((await run('schedule show')).data?.content).toMatch(
      new RegExp(`^Tips are posted in <#${TIPS}> every Friday at 10:30`),
    );

    expect((await run('schedule pause')).data?.content).toMatch(/paused/);
    const again = await run('schedule set', {
      channel: TIPS,
      time: '10:30',
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'friday',
    });
    expect(again.data?.content).toMatch(
      /\nPosting starts again: the schedule was paused since <t:\d+:F> \(paused by <@\d+>\)\.$/,
    );
    expect((await run('schedule show')).data?.content).not.toMatch(/Paused/);
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
  });
});

describe('/schedule set with a time zone abbreviation', () => {
  it('GIVEN BST (Asia/Dhaka to Intl) THEN refuses, naming Europe/London and Asia/Dhaka, and saves nothing; the autocomplete offers Europe/London first', async () => {
    const answer = await run('schedule set', {
      channel: IDS.channel,
      time: '09:00',
      timezone: 'BST',
      frequency: 'daily',
    });
    expect((answer.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data?.content).toBe(
      '“BST” is not a time zone I know. Abbreviations such as BST stand for different zones in different places: did you mean Europe/London or Asia/Dhaka? Use an IANA name such as Europe/Berlin or America/New_York (start typing to pick one).',
    );
    expect((await run('schedule show')).data?.content).toMatch(/has no tip schedule yet/);

    const response = await emulator.autocomplete('schedule set', 'timezone', { timezone: 'BST' }).response();
    expect(callbackOf(response).data?.choices?.slice(0, 2)).toEqual([
      { name: 'Europe/London', value: 'Europe/London' },
      { name: 'Asia/Dhaka', value: 'Asia/Dhaka' },
    ]);
  });

  it('GIVEN CEST (no zone at all) THEN the refusal names the zones that use it', async () => {
    const answer = await run('schedule set', {
      channel: IDS.channel,
      time: '09:00',
      timezone: 'cest',
      frequency: 'daily',
    });
    expect(answer.data?.content).toMatch(/did you mean Europe\/Berlin, Europe\/Paris or Europe\/Madrid\?/);
  });
});

describe('/schedule set with an abbreviation of a zone without daylight saving', () => {
  it('GIVEN MST (America/Phoenix) THEN the note points to Denver’s zone; GIVEN JST (Asia/Tokyo) THEN to no other zone', async () => {
    const base = { channel: IDS.channel, time: '09:00', frequency: 'daily' };
    const mst = await run('schedule set', { ...base, timezone: 'MST' });
    expect(mst.data?.content).toMatch(
      /\n“MST” is America\/Phoenix's time, UTC-07:00 all year \(no daylight saving\)\. To follow a city's clock, choose its zone, e\.g\. America\/Denver\.$/,
    );
    const jst = await run('schedule set', { ...base, timezone: 'JST' });
    expect(jst.data?.content).toMatch(
      /\n“JST” is Asia\/Tokyo's time, UTC\+09:00 all year \(no daylight saving\)\.$/,
    );
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
  });
});

describe('/schedule set on a schedule paused with a slot in flight', () => {
  it('GIVEN a slot three days old held by the pause THEN set drops it: nothing is posted now, the next post is the new time', async () => {
    const answer = await run(
      'schedule set',
      { channel: NEW_CHANNEL, time: PAUSED.time, timezone: 'UTC', frequency: 'daily' },
      PAUSED_GUILD,
    );
    expect(answer.data?.content).toMatch(/^Tips will be posted in <#1100000000000000045> every day/);
    const saved = await withStore((schedules) => schedules.get(PAUSED_GUILD));
    // Kept, the old slot would be sent at the next tick (and finished, changing the last post).
    expect(saved?.inFlight).toBeUndefined();
    expect(saved?.lastPost).toEqual(lastPost);
    expect(saved?.nextRunAt).toBeGreaterThan(Date.now());
    expect(emulator.channelPosts(NEW_CHANNEL)).toEqual([]);
  });
});

describe('/schedule set while the bot is timed out in the server', () => {
  /** GUILD_MEMBER_UPDATE of the bot's own member in the test server, timed out until `until` (or not). */
  const timeOut = (until: number | null) =>
    emulator.dispatchEvent('GUILD_MEMBER_UPDATE', {
      guild_id: IDS.guild,
      // The bot's managed role, as in GUILD_CREATE: its permissions are untouched by a timeout.
      roles: [String(BigInt(IDS.guild) + 1000n)],
      user: {
        id: IDS.application,
        username: 'career-tips',
        discriminator: '0000',
        avatar: null,
        bot: true,
        global_name: null,
      },
      avatar: null,
      banner: null,
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      communication_disabled_until: until === null ? null : new Date(until).toISOString(),
    });

  it('GIVEN a timeout (Discord refuses its posts; the channel permissions say nothing of it) THEN set refuses, saying until when and how to lift it; lifted THEN set works', async () => {
    const until = Date.now() + 3_600_000;
    timeOut(until);
    const base = { channel: IDS.channel, time: '09:00', timezone: 'UTC', frequency: 'daily' };
    const refused = await run('schedule set', base);
    expect((refused.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data?.content).toBe(
      `I am timed out in this server until <t:${Math.floor(until / 1000)}:F>, so I cannot post in any channel. A moderator can remove the timeout (right-click me → **Remove Timeout**); then try again.`,
    );
    expect((await run('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    timeOut(null);
    expect((await run('schedule set', base)).data?.content).toMatch(/^Tips will be posted in/);
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
  });

  it('GIVEN a schedule and then a timeout past its next post THEN show warns the post will fail, and a paused one says resume works once it ends', async () => {
    const base = { channel: IDS.channel, time: '09:00', timezone: 'UTC', frequency: 'daily' };
    expect((await run('schedule set', base)).data?.content).toMatch(/^Tips will be posted in/);
    // Past the next 09:00 UTC, whenever the test runs.
    const until = Date.now() + 2 * 86_400_000;
    const at = `<t:${Math.floor(until / 1000)}:F>`;
    timeOut(until);
    expect((await run('schedule show')).data?.content).toContain(
      `**The next post will fail**: I am timed out in this server until ${at}. A moderator can remove it (right-click me → **Remove Timeout**).`,
    );
    expect((await run('schedule pause')).data?.content).toMatch(/paused/i);
    expect((await run('schedule show')).data?.content).toContain(
      `I am timed out in this server until ${at}. A moderator can remove it (right-click me → **Remove Timeout**); once it has ended, \`/schedule resume\` starts posting again.`,
    );
    timeOut(null);
    expect((await run('schedule show')).data?.content).not.toMatch(/timed out/);
    expect((await run('schedule remove')).data?.content).toMatch(/removed/);
  });
});
