import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleRecord } from '../../src/core/schedule-record.js';
import { scheduleZone, slotId, zoneNote } from '../../src/core/schedule.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import { farDailyTime } from '../../emulator/fleet.js';
import { callbackOf, EPHEMERAL, type Callback } from './callbacks.js';
import {
  botEnv,
  deployInServerAndGlobally,
  startBot,
  startEmulator,
  withSchedules,
  workspace,
} from './harness.js';

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

const staleSlot = Date.now() - 3 * DAY;
const lastPost = {
  at: staleSlot - DAY,
  slotAt: staleSlot - DAY,
  tipId: 'x',
  messageId: '1300000000000000001',
};
/** Times half a day away (in Berlin too), so that no schedule a test sets posts during the tests. */
const DAILY = farDailyTime();
const WEEKLY = DAILY.replace(/:00$/, ':30');

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
  await deployInServerAndGlobally(env, space.dir);
  // As an earlier run of the bot left it.
  await withSchedules(space, (schedules) => schedules.set(PAUSED_GUILD, PAUSED));
  bot = await startBot(emulator, env, space.dir);
}, 60_000);

/** The bot timed out in the test server until `until`, or its timeout lifted (null). */
function timeOut(until: number | null): void {
  emulator.timeOutBot(IDS.guild, until);
}

afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  // Each test starts from a test server without a schedule or a timeout, whatever the last one left.
  timeOut(null);
  expect((await run('schedule remove')).data?.content).toMatch(/removed|has no tip schedule yet/);
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
      time: DAILY,
      timezone: 'Europe/Berlin',
      frequency: 'daily',
    });
    expect(first.data?.content).not.toMatch(/replaces/);

    const second = await run('schedule set', {
      channel: TIPS,
      time: WEEKLY,
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'friday',
    });
    expect((second.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(second.data?.content).toMatch(
      new RegExp(
        `^Tips will be posted in <#${TIPS}> every Friday at ${WEEKLY} \\(Europe/Berlin\\)\\. Next post: .*\\n` +
          `This replaces the server's schedule \\(a server has one\\): tips in <#${IDS.channel}> every day at ${DAILY} \\(Europe/Berlin\\)\\.$`,
      ),
    );
    // One schedule, the second.
    expect((await run('schedule show')).data?.content).toMatch(
      new RegExp(`^Tips are posted in <#${TIPS}> every Friday at ${WEEKLY}`),
    );

    expect((await run('schedule pause')).data?.content).toMatch(/paused/);
    const again = await run('schedule set', {
      channel: TIPS,
      time: WEEKLY,
      timezone: 'Europe/Berlin',
      frequency: 'weekly',
      day: 'friday',
    });
    expect(again.data?.content).toMatch(
      /\nPosting starts again: the schedule was paused since <t:\d+:F> \(paused by <@\d+>\)\.$/,
    );
    expect((await run('schedule show')).data?.content).not.toMatch(/Paused/);
  });
});

describe('the bot removed from a server', () => {
  it('GIVEN a running schedule THEN removed, it pauses; invited back, /schedule show says why and resume starts it again', async () => {
    await run('schedule set', { channel: IDS.channel, time: DAILY, timezone: 'UTC', frequency: 'daily' });
    const logged = bot?.logs.length ?? 0;
    emulator.removeBot(IDS.guild);
    try {
      await bot?.waitForLog(/paused a schedule: the bot was removed from the server/, 20_000, logged);
    } finally {
      emulator.inviteBot(IDS.guild);
    }
    expect((await run('schedule show')).data?.content).toMatch(
      /\*\*Paused\*\* since <t:\d+:F>: the bot was removed from the server\./,
    );
    expect((await run('schedule resume')).data?.content).toMatch(/resumed|Posting starts again/i);
    expect((await run('schedule show')).data?.content).not.toMatch(/Paused/);
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
  it('GIVEN MST or JST THEN the schedule is set to the zone the bot reads it as, and the answer ends with its note', async () => {
    const base = { channel: IDS.channel, time: farDailyTime(), frequency: 'daily' };
    // The zone and note are the bot's own functions' (zoneNote's cases are tested on their own):
    // which zone ICU names for MST (America/Phoenix from tzdata 2024b) is not what is tested here.
    for (const typed of ['MST', 'JST']) {
      const zone = scheduleZone(typed);
      if (zone === undefined) throw new Error(`${typed} is no zone to this Node`);
      const content = (await run('schedule set', { ...base, timezone: typed })).data?.content ?? '';
      expect(content.split('\n')[0], typed).toMatch(
        new RegExp(`^Tips will be posted in <#${IDS.channel}> every day at \\d\\d:00 \\(`),
      );
      expect(content.split('\n')[0], typed).toContain(`(${zone}). Next post: `);
      const note = zoneNote(typed, zone);
      if (note !== undefined) expect(content.endsWith(`\n${note}`), content).toBe(true);
    }
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
    const saved = await withSchedules(space, (schedules) => schedules.get(PAUSED_GUILD));
    // Kept, the old slot would be sent at the next tick (and finished, changing the last post).
    expect(saved?.inFlight).toBeUndefined();
    expect(saved?.lastPost).toEqual(lastPost);
    expect(saved?.nextRunAt).toBeGreaterThan(Date.now());
    expect(emulator.channelPosts(NEW_CHANNEL)).toEqual([]);
  });
});

describe('/schedule while the bot is timed out in the server', () => {
  const base = { channel: IDS.channel, time: farDailyTime(), timezone: 'UTC', frequency: 'daily' };

  it('GIVEN a timeout past the first post (Discord refuses its posts; the channel permissions say nothing of it) THEN set refuses, saying until when and how to lift it; GIVEN one ending before THEN set saves, noting it', async () => {
    // The first post is 11 to 12 hours away (farDailyTime).
    const until = Date.now() + 2 * DAY;
    timeOut(until);
    const refused = await run('schedule set', base);
    expect((refused.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data?.content).toMatch(
      new RegExp(
        `^I cannot post the first tip in <#${IDS.channel}>, due <t:\\d+:F>: I am timed out in this server until <t:${Math.floor(until / 1000)}:F>\\. ` +
          'Have a moderator remove the timeout \\(right-click me → \\*\\*Remove Timeout\\*\\*\\) or wait until it ends, then try again\\.$',
      ),
    );
    expect((await run('schedule show')).data?.content).toMatch(/has no tip schedule yet/);
    const short = Date.now() + 3_600_000;
    timeOut(short);
    expect((await run('schedule set', base)).data?.content).toMatch(
      new RegExp(
        `^Tips will be posted in .*\\nI am timed out in this server until <t:${Math.floor(short / 1000)}:F>; the first post is due after that, so it goes out as usual\\.$`,
      ),
    );
    timeOut(null);
    expect((await run('schedule set', base)).data?.content).not.toMatch(/timed out/);
  });

  it('GIVEN a schedule and then a timeout past its next post THEN show warns the post will fail, and a paused one says what resume then does', async () => {
    expect((await run('schedule set', base)).data?.content).toMatch(/^Tips will be posted in/);
    const until = Date.now() + 2 * DAY;
    const at = `<t:${Math.floor(until / 1000)}:F>`;
    timeOut(until);
    expect((await run('schedule show')).data?.content).toContain(
      `**The next post will fail**: I am timed out in this server until ${at}. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends.`,
    );
    expect((await run('schedule pause')).data?.content).toMatch(/paused/i);
    expect((await run('schedule show')).data?.content).toContain(
      `I am timed out in this server until ${at}. Have a moderator remove the timeout (right-click me → **Remove Timeout**) or wait until it ends, then \`/schedule resume\` starts posting again.`,
    );
    expect((await run('schedule resume')).data?.content).toMatch(/^I cannot post the first tip in /);
    timeOut(null);
    expect((await run('schedule show')).data?.content).not.toMatch(/timed out/);
    expect((await run('schedule resume')).data?.content).toMatch(/^Tip posts resumed\./);
  });
});
