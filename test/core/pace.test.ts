import { afterEach, describe, expect, it, vi } from 'vitest';
import { pacer } from '../../src/core/pace.js';
import { seededRandom } from '../helpers/random.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The most arrivals in any sliding second (t - 1000, t]. */
function busiestSecond(arrivals: readonly number[]): number {
  return Math.max(...arrivals.map((t) => arrivals.filter((u) => u > t - 1000 && u <= t).length));
}

describe('pacer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([1, 2, 3, 4, 5])(
    'GIVEN a busy event loop (seed %i: each request sent 0–300 ms after its turn, answered 1–200 ms later) THEN no sliding second receives more than the limit',
    async (seed) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
      const random = seededRandom(seed);
      const pace = pacer(50, () => Date.now(), sleep);
      const arrivals: number[] = [];
      const all = Promise.all(
        Array.from({ length: 400 }, () =>
          pace(async () => {
            await sleep(random() * 300);
            arrivals.push(Date.now());
            await sleep(1 + random() * 200);
          }),
        ),
      );
      await vi.runAllTimersAsync();
      await all;
      expect(arrivals).toHaveLength(400);
      expect(busiestSecond(arrivals)).toBeLessThanOrEqual(50);
      // The limit is used, not just respected: 400 at 50/s with these delays take well under 20 s.
      expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(20_000);
    },
  );

  it('GIVEN 30 tasks at 20 per second on the real clock THEN no sliding second holds more than 20, and the rate is kept', async () => {
    const begin = performance.now();
    const pace = pacer(20, () => performance.now(), sleep);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, () =>
        pace(() => {
          starts.push(performance.now());
          return Promise.resolve();
        }),
      ),
    );
    expect(busiestSecond(starts)).toBeLessThanOrEqual(20);
    // A quiet first second, then 30 starts 50 ms apart (1.45 s; timers round to whole milliseconds).
    expect(Math.min(...starts) - begin).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(1400);
  });

  it('GIVEN a stall (the clock jumps) THEN catches up without a burst over the limit, in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const pace = pacer(10, () => Date.now(), sleep);
    const starts: number[] = [];
    const begin = Date.now();
    const tasks = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        pace(() => {
          starts.push(Date.now() - begin);
          // A stall of 700 ms in the middle of the run.
          if (i === 5) vi.setSystemTime(Date.now() + 700);
          return Promise.resolve();
        }),
      ),
    );
    await vi.runAllTimersAsync();
    await tasks;
    expect(busiestSecond(starts)).toBeLessThanOrEqual(10);
    // A quiet first second, then 40 starts at 10/s take 3.9 s; the stall adds at most its own 0.7 s.
    expect(starts[0]).toBe(1000);
    expect(starts.at(-1)).toBeLessThanOrEqual(1000 + 3900 + 700);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] ?? 0);
  });

  it('GIVEN answers slower than a second, so every place is held by a running task THEN the next starts once one finishes, and all finish', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const begin = Date.now();
    const pace = pacer(2, () => Date.now(), sleep);
    const finishes: number[] = [];
    const all = Promise.all(
      Array.from({ length: 6 }, () =>
        pace(async () => {
          await sleep(1500);
          finishes.push(Date.now() - begin);
        }),
      ),
    );
    await vi.runAllTimersAsync();
    await all;
    // Two at a time: starts at 1000 and 1500, then each pair 1500 ms (the answer) + 1000 ms (the window) later.
    expect(finishes).toEqual([2500, 3000, 5000, 5500, 7500, 8000]);
  });

  it('GIVEN a new pacer THEN nothing starts in its first second (a killed predecessor may have used it)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const begin = Date.now();
    const pace = pacer(50, () => Date.now(), sleep);
    const started = pace(() => Promise.resolve(Date.now() - begin));
    await vi.runAllTimersAsync();
    expect(await started).toBe(1000);
  });

  it('GIVEN tasks that fail THEN their failure reaches the caller and their place is freed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    const pace = pacer(2, () => Date.now(), sleep);
    const outcomes = Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        pace(() => (i % 2 === 0 ? Promise.reject(new Error(`failed ${i}`)) : Promise.resolve(i))),
      ),
    );
    await vi.runAllTimersAsync();
    expect((await outcomes).map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
      'Error: failed 0',
      1,
      'Error: failed 2',
      3,
      'Error: failed 4',
      5,
    ]);
  });
});
