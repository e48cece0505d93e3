import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../e2e/harness.js';
import type { DiscordEmulator } from '../../emulator/emulator.js';

// The emulator judges the bot; these tests show that it does reject what Discord would.
let emulator: DiscordEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

async function post(path: string, body: unknown, auth = true) {
  return fetch(`${emulator.restUrl}/v10${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bot ${emulator.token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('the emulator as a judge', () => {
  it('GIVEN an embed over the limits and no allowed_mentions THEN records schema and limit violations', async () => {
    emulator.violations.length = 0;
    await post('/channels/1100000000000000003/messages', {
      embeds: [{ title: 'x'.repeat(300), description: 'y'.repeat(5000) }],
    });
    const text = emulator.violations.join('\n');
    expect(text).toMatch(/title must NOT have more than 256 characters/);
    expect(text).toMatch(/allowed_mentions.parse must be \[\]/);
    expect(text).toMatch(/description has 5000 > 4096/);
  });

  it('GIVEN six embeds of 1,100 characters THEN finds the 6000-character total the schema cannot see', async () => {
    emulator.violations.length = 0;
    const embeds = Array.from({ length: 6 }, () => ({ description: 'z'.repeat(1100) }));
    await post('/channels/1100000000000000003/messages', { embeds, allowed_mentions: { parse: [] } });
    expect(emulator.violations).toEqual([expect.stringMatching(/6600 > 6000/)]);
  });

  it('GIVEN no token THEN 401; GIVEN an unknown channel THEN 404 with code 10003', async () => {
    expect((await post('/channels/1100000000000000003/messages', { content: 'x' }, false)).status).toBe(401);
    const missing = await post('/channels/1100000000000000999/messages', {
      content: 'x',
      allowed_mentions: { parse: [] },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: number }).code).toBe(10003);
  });

  it('GIVEN a repeated nonce with enforce_nonce THEN returns the first message and creates none', async () => {
    const body = { content: 'tip', nonce: 'slot-1', enforce_nonce: true, allowed_mentions: { parse: [] } };
    const first = (await (await post('/channels/1100000000000000003/messages', body)).json()) as {
      id: string;
    };
    const again = (await (await post('/channels/1100000000000000003/messages', body)).json()) as {
      id: string;
    };
    expect(again.id).toBe(first.id);
    expect(emulator.messages.get('1100000000000000003')?.filter((m) => m.content === 'tip')).toHaveLength(1);
  });

  it('GIVEN a route Discord does not have THEN records it', async () => {
    emulator.violations.length = 0;
    await post('/channels/1100000000000000003/not-a-route', {});
    expect(emulator.violations.join('\n')).toMatch(/not an operation in Discord's API description/);
  });
});
