import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ApplicationCommandPermissionType, GatewayOpcodes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import { OPENAPI_PATH } from '../../emulator/spec-validator.js';
import { startEmulator } from '../e2e/harness.js';

const COMMAND = '1200000000000000001';
const MODS = { id: '1100000000000000050', type: ApplicationCommandPermissionType.Role, permission: true };

let emulator: DiscordEmulator;
let socket: WebSocket;

/** The next dispatch of type `t` our session receives. */
function nextDispatch(t: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listen = (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as { op: GatewayOpcodes; t: string; d: unknown };
      if (message.op !== GatewayOpcodes.Dispatch || message.t !== t) return;
      socket.off('message', listen);
      resolve(message.d);
    };
    socket.on('message', listen);
  });
}

/** Discord's GuildApplicationCommandPermissions, as its OpenAPI description says it. */
const guildPermissions = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv, ['int32', 'int64']);
  ajv.addFormat('snowflake', /^\d{1,20}$/);
  const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as { components: object };
  ajv.addSchema({ $id: 'discord', components: doc.components });
  const validate = ajv.getSchema('discord#/components/schemas/CommandPermissionsResponse');
  if (validate === undefined) throw new Error('CommandPermissionsResponse is not in the description');
  return (value: unknown) => (validate(value) ? [] : validate.errors);
})();

async function get(path: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${emulator.restUrl}/v10${path}`, {
    headers: { authorization: `Bot ${emulator.token}` },
  });
  return { status: response.status, json: await response.json() };
}

const base = `/applications/${IDS.application}/guilds/${IDS.guild}/commands`;

beforeAll(async () => {
  emulator = await startEmulator();
  // A gateway session of our own, to see what the emulator dispatches.
  const { json } = await get('/gateway/bot');
  socket = new WebSocket((json as { url: string }).url);
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as { op: GatewayOpcodes };
    if (message.op === GatewayOpcodes.Hello)
      socket.send(
        JSON.stringify({
          op: GatewayOpcodes.Identify,
          d: { token: emulator.token, intents: 1, properties: { os: 'linux', browser: 't', device: 't' } },
        }),
      );
  });
  await once(emulator, 'session');
});

afterAll(async () => {
  socket.close();
  await emulator.stop();
});

describe('the emulator’s command permission routes', () => {
  it('GIVEN no overrides THEN the list is empty and one command’s (or the app’s) is 404 Unknown application command permissions', async () => {
    expect(await get(`${base}/permissions`)).toEqual({ status: 200, json: [] });
    for (const id of [COMMAND, IDS.application])
      expect(await get(`${base}/${id}/permissions`)).toEqual({
        status: 404,
        json: { message: 'Unknown application command permissions', code: 10066 },
      });
  });

  it('GIVEN overrides set THEN both routes answer them in Discord’s shape, the gateway says so, and an empty list removes them', async () => {
    const told = nextDispatch('APPLICATION_COMMAND_PERMISSIONS_UPDATE');
    emulator.setCommandPermissions(IDS.guild, COMMAND, [MODS]);
    const entry = { id: COMMAND, application_id: IDS.application, guild_id: IDS.guild, permissions: [MODS] };
    const one = await get(`${base}/${COMMAND}/permissions`);
    expect(one).toEqual({ status: 200, json: entry });
    expect(guildPermissions(one.json)).toEqual([]);
    // The check does check: a permission without its fields is not Discord's shape.
    expect(guildPermissions({ ...entry, permissions: [{ id: MODS.id }] })).not.toEqual([]);
    const list = await get(`${base}/permissions`);
    expect(list).toEqual({ status: 200, json: [entry] });

    const update = await told;
    expect(update).toEqual(entry);
    expect(guildPermissions(update)).toEqual([]);

    const removed = nextDispatch('APPLICATION_COMMAND_PERMISSIONS_UPDATE');
    emulator.setCommandPermissions(IDS.guild, COMMAND, []);
    expect((await get(`${base}/${COMMAND}/permissions`)).status).toBe(404);
    expect(await get(`${base}/permissions`)).toEqual({ status: 200, json: [] });
    expect(await removed).toEqual({ ...entry, permissions: [] });
  });

  it('GIVEN another application or a server the bot is not in THEN 403 Missing Access', async () => {
    for (const path of [
      `/applications/1100000000000000099/guilds/${IDS.guild}/commands/permissions`,
      `/applications/${IDS.application}/guilds/1100000000000000099/commands/${COMMAND}/permissions`,
    ])
      expect(await get(path)).toEqual({ status: 403, json: { message: 'Missing Access', code: 50001 } });
  });
});
