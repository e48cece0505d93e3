import { ChannelType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import { callbackOf, EPHEMERAL, type Callback } from './callbacks.js';
import { startStack, type Stack } from './harness.js';

/** A second text channel of the test server, for a schedule set again elsewhere. */
const TIPS = '1100000000000000042';
const MANAGE_GUILD = String(1n << 5n);

let stack: Stack;
let emulator: DiscordEmulator;

async function run(line: string, values: Record<string, string> = {}): Promise<Callback> {
  return callbackOf(await emulator.chatInput(line, values, { memberPermissions: MANAGE_GUILD }).response());
}

beforeAll(async () => {
  stack = await startStack({
    emulator: {
      guilds: [
        {
          id: IDS.guild,
          name: 'Engineers',
          channels: [
            { id: IDS.channel, name: 'general', type: ChannelType.GuildText },
            { id: TIPS, name: 'tips', type: ChannelType.GuildText },
          ],
        },
      ],
    },
  });
  ({ emulator } = stack);
}, 60_000);

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

afterAll(() => stack.stop());

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
