import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedPacer } from '../../src/adapters/shared-pace.js';
import { RedisServer } from '../../emulator/redis-server.js';
import { seededRandom } from '../helpers/random.js';

let server: RedisServer;
let window = 0;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await RedisServer.start();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});
afterAll(async () => {
  await server.stop();
});

/** A process's own connection to the shared Redis. */
function connect(): Redis {
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most arrivals in any sliding second. */
function busiestSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    while (last < sorted.length && (sorted[last] ?? 0) < (sorted[first] ?? 0) + 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

describe('the shared rate limit (redis-semaphore on a real Redis)', () => {
  it('GIVEN three processes whose requests stall before they arrive THEN no second gets more than the limit, and every request goes', async () => {
    const key = `window-${window++}`;
    const perSecond = 20;
    const [a, b, c] = [0, 1, 2].map(() => sharedPacer(connect(), { key, perSecond }));
    if (a === undefined || b === undefined || c === undefined) throw new Error('three pacers');
    const pacer = (i: number) => [a, b, c][i % 3] ?? a;
    const random = seededRandom(7);
    const arrivals: number[] = [];
    // Each request arrives up to 150 ms after it was let go (a starved process sends it late), and
    // its answer comes up to 50 ms after that.
    const sent = await Promise.all(
      Array.from({ length: 75 }, (_, i) =>
        pacer(i)(async () => {
          await sleep(random() * 150);
          arrivals.push(Date.now());
          await sleep(random() * 50);
          return i;
        }),
      ),
    );
    expect(sent).toHaveLength(75);
    expect(arrivals).toHaveLength(75);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(perSecond);
    // Paced, not serialised: the window is filled.
    expect(busiestSecond(arrivals)).toBeGreaterThanOrEqual(perSecond / 2);
  });

  it('GIVEN a process that died holding every place THEN the others go on once its places time out', async () => {
    const key = `window-${window++}`;
    const dying = connect();
    const dead = sharedPacer(dying, { key, perSecond: 3, leaseMs: 600 });
    const before = Date.now();
    // Three requests that never answer: the process is killed once they all hold their places.
    const holding = [0, 1, 2].map(
      () =>
        new Promise<void>((held) => {
          dead(() => {
            held();
            return new Promise(() => undefined);
          }).catch(() => undefined);
        }),
    );
    await Promise.all(holding);
    dying.disconnect();
    const alive = sharedPacer(connect(), { key, perSecond: 3, leaseMs: 600 });
    await expect(alive(() => Promise.resolve('sent'))).resolves.toBe('sent');
    // Not before the dead places' lease ran out (a lower bound: a slow machine only adds to it).
    expect(Date.now() - before).toBeGreaterThanOrEqual(600);
  });
});
