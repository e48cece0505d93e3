import { ApplicationCommandPermissionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { OverrideCache, type FetchOverrides } from '../../src/adapters/command-overrides.js';
import type { CommandOverride } from '../../src/core/command-permissions.js';

const APP = '1100000000000000001';
const COMMAND = '1200000000000000001';
const GUILD = '1100000000000000002';
const OTHER_GUILD = '1100000000000000043';
const MODS: CommandOverride = {
  id: '1100000000000000050',
  type: ApplicationCommandPermissionType.Role,
  permission: true,
};
const NO_ONE: CommandOverride = { id: GUILD, type: ApplicationCommandPermissionType.Role, permission: false };

/** A fetch whose answers the test gives, one per call, and which counts its calls by server. */
function scripted() {
  const calls: string[] = [];
  const waiting: { resolve: (value: Map<string, CommandOverride[]>) => void; reject: (e: Error) => void }[] =
    [];
  const fetch: FetchOverrides = (guildId) => {
    calls.push(guildId);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return {
    calls,
    fetch,
    answer(byId: Record<string, CommandOverride[]>) {
      waiting.shift()?.resolve(new Map(Object.entries(byId)));
    },
    fail() {
      waiting.shift()?.reject(new Error('500 Internal Server Error'));
    },
  };
}

/** Lets the cache's promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OverrideCache', () => {
  it('GIVEN a server’s overrides THEN splits them into the command’s and the app’s, fetched once for the server', async () => {
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch);
    const first = cache.get(GUILD, COMMAND, APP);
    const second = cache.get(GUILD, COMMAND, APP);
    await settle();
    discord.answer({ [COMMAND]: [MODS], [APP]: [NO_ONE] });
    expect(await first).toEqual({ command: [MODS], app: [NO_ONE] });
    expect(await second).toEqual({ command: [MODS], app: [NO_ONE] });
    expect(await cache.get(GUILD, '1200000000000000009', APP)).toEqual({ command: [], app: [NO_ONE] });
    expect(discord.calls).toEqual([GUILD]);
  });

  it('GIVEN an update (forget) THEN the next look-up fetches again; one in flight when it came is answered but not kept', async () => {
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch);
    const before = cache.get(GUILD, COMMAND, APP);
    await settle();
    cache.forget(GUILD);
    discord.answer({ [COMMAND]: [MODS] });
    expect((await before).command).toEqual([MODS]);

    const after = cache.get(GUILD, COMMAND, APP);
    await settle();
    discord.answer({});
    expect(await after).toEqual({ command: [], app: [] });
    expect(await cache.get(GUILD, COMMAND, APP)).toEqual({ command: [], app: [] });
    expect(discord.calls).toEqual([GUILD, GUILD]);
  });

  it('GIVEN a new gateway session (forgetAll) THEN every server’s overrides are fetched again', async () => {
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch);
    for (const guild of [GUILD, OTHER_GUILD]) {
      const got = cache.get(guild, COMMAND, APP);
      await settle();
      discord.answer({ [COMMAND]: [MODS] });
      await got;
    }
    cache.forgetAll();
    const again = cache.get(OTHER_GUILD, COMMAND, APP);
    await settle();
    discord.answer({});
    expect(await again).toEqual({ command: [], app: [] });
    expect(discord.calls).toEqual([GUILD, OTHER_GUILD, OTHER_GUILD]);
  });

  it('GIVEN a failed fetch THEN the look-up rejects and nothing is kept: the next one asks again', async () => {
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch);
    const failing = cache.get(GUILD, COMMAND, APP);
    await settle();
    discord.fail();
    await expect(failing).rejects.toThrow(/500/);
    const again = cache.get(GUILD, COMMAND, APP);
    await settle();
    discord.answer({ [COMMAND]: [MODS] });
    expect((await again).command).toEqual([MODS]);
    expect(discord.calls).toEqual([GUILD, GUILD]);
  });

  it('GIVEN overrides older than the TTL THEN fetched again; more servers than kept THEN the least recently read goes', async () => {
    let now = 0;
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch, { ttlMs: 1000, maxGuilds: 1, clock: () => now });
    const answered = async (guildId: string) => {
      const pending = cache.get(guildId, COMMAND, APP);
      await settle();
      discord.answer({});
      return pending;
    };
    await answered(GUILD);
    now = 999;
    await cache.get(GUILD, COMMAND, APP);
    expect(discord.calls).toEqual([GUILD]);
    now = 1000;
    await answered(GUILD);
    expect(discord.calls).toEqual([GUILD, GUILD]);
    await answered(OTHER_GUILD);
    await answered(GUILD);
    expect(discord.calls).toEqual([GUILD, GUILD, OTHER_GUILD, GUILD]);
  });

  it('GIVEN a maximum age asked THEN overrides older than it are fetched again, younger ones kept', async () => {
    let now = 0;
    const discord = scripted();
    const cache = new OverrideCache(discord.fetch, { clock: () => now });
    const first = cache.get(GUILD, COMMAND, APP);
    await settle();
    discord.answer({});
    await first;
    now = 4999;
    expect(await cache.get(GUILD, COMMAND, APP, { maxAgeMs: 5000 })).toEqual({ command: [], app: [] });
    expect(discord.calls).toEqual([GUILD]);
    now = 5000;
    const again = cache.get(GUILD, COMMAND, APP, { maxAgeMs: 5000 });
    await settle();
    discord.answer({ [COMMAND]: [MODS] });
    expect((await again).command).toEqual([MODS]);
    // What was read again is kept for the next look-up.
    expect((await cache.get(GUILD, COMMAND, APP)).command).toEqual([MODS]);
    expect(discord.calls).toEqual([GUILD, GUILD]);
  });
});
