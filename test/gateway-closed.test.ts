import { describe, expect, it } from 'vitest';
import { redact } from '../src/adapters/logger.js';
import { gatewayClosedForGood } from '../src/gateway-closed.js';

describe('gatewayClosedForGood', () => {
  it('GIVEN close code 4012 (a gateway version Discord no longer accepts) THEN it says to update discord.js, not to restart', () => {
    const text = gatewayClosedForGood(4012, false);
    expect(text).toMatch(/close code 4012.*update discord\.js/);
    expect(text).not.toMatch(/restart the bot/);
  });

  it('GIVEN close code 4011 under npm start THEN it says to set SHARD_COUNT or run npm run start:sharded', () => {
    expect(gatewayClosedForGood(4011, false)).toMatch(/set SHARD_COUNT, or run npm run start:sharded/);
  });

  it('GIVEN close code 4011 under npm run start:sharded THEN it says to start it again, not to run it', () => {
    const text = gatewayClosedForGood(4011, true);
    expect(text).toMatch(/start npm run start:sharded again.*raise SHARD_COUNT, if you set it/);
    expect(text).not.toMatch(/or run npm run start:sharded/);
  });

  it('GIVEN a close code with no advice of its own THEN it says to restart the bot', () => {
    expect(gatewayClosedForGood(4999, true)).toBe(
      'Discord closed the gateway connection for good (close code 4999); stopping: restart the bot.',
    );
  });

  it('GIVEN any close code THEN the log shows the advice whole, with nothing in it taken for a token', () => {
    for (const code of [4004, 4010, 4011, 4012, 4013, 4014]) {
      const text = gatewayClosedForGood(code, false);
      expect(redact(text, [])).toBe(text);
    }
  });
});
