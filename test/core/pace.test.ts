import { describe, expect, it } from 'vitest';
import { pacer } from '../../src/core/pace.js';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('pacer', () => {
  it('GIVEN 30 tasks at 20 per second THEN no sliding second holds more than 20 starts, and the rate is kept', async () => {
    const pace = pacer(20, () => performance.now(), realSleep);
    const starts: number[] = [];
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: 30 }, () =>
        pace(() => {
          starts.push(performance.now());
          return Promise.resolve();
        }),
      ),
    );
    const most = Math.max(...starts.map((t) => starts.filter((u) => u > t - 1000 && u <= t).length));
    expect(most).toBeLessThanOrEqual(20);
    // 30 starts at 20/s: the last one about 1.45 s after the first.
    expect(performance.now() - begin).toBeGreaterThanOrEqual(1400);
  });

  it('GIVEN a stall (the clock jumps) THEN catches up without a burst over the limit', async () => {
    let clock = 0;
    const starts: number[] = [];
    const sleep = (ms: number) => {
      clock += ms;
      return Promise.resolve();
    };
    const pace = pacer(10, () => clock, sleep);
    const tasks = Array.from({ length: 40 }, (_, i) =>
      pace(() => {
        starts.push(clock);
        // A stall of 700 ms in the middle of the run.
        if (i === 5) clock += 700;
        return Promise.resolve();
      }),
    );
    await Promise.all(tasks);
    const most = Math.max(...starts.map((t) => starts.filter((u) => u > t - 1000 && u <= t).length));
    expect(most).toBeLessThanOrEqual(10);
    // 40 starts at 10/s take 3.9 s; the stall adds at most its own 0.7 s.
    expect(starts.at(-1)).toBeLessThanOrEqual(3900 + 700);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] ?? 0);
  });
});
