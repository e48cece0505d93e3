/** Runs a task (a request that counts towards Discord's global limit) when the limit lets it. */
export type Pace = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Starts tasks (requests that count towards Discord's global limit) at a steady `perSecond`, and
 * never lets more than `perSecond` of them land in any sliding second *as the server counts them*,
 * however late the event loop runs:
 * - a timetable spaces starts `1000 / perSecond` ms apart; a timer that fires late does not slow
 *   the rest (the next ones start at once until the timetable is caught up);
 * - a window counts every task that is still running or that finished less than a second ago, and
 *   a task starts only while that count is under the limit.
 *
 * Why the window counts finishes rather than starts: Discord counts a request when it arrives,
 * somewhere between our decision to start it and our seeing its answer. Take any second of
 * arrivals and the last of them we started: every other one had started before it, and its answer
 * came at or after its arrival, so inside that second. At the last one's start, each of the others
 * was running or had finished less than a second before, so all were counted, and it started only
 * because fewer than the limit were. Counting starts instead (what this did before) is fooled by a
 * stall between start and send: two requests a second apart by our clock can arrive closer.
 * The price: a slow answer holds its place longer, so the rate drops by latency / (1 s + latency).
 *
 * Nothing starts in the pacer's first second: a process that just replaced one that was killed
 * cannot know what that one sent in its last second, and Discord still counts it.
 */
export function pacer(perSecond: number, now: () => number, sleep: (ms: number) => Promise<void>): Pace {
  const spacing = 1000 / perSecond;
  const limit = Math.max(1, Math.floor(perSecond));
  /** When recent tasks finished, oldest first. */
  const finished: number[] = [];
  let running = 0;
  let nextSlot = now() + 1000;
  let queue: Promise<unknown> = Promise.resolve();
  /** Resolves the wait of the task at the head of the queue (the only one waiting) when a running one finishes. */
  let wake: (() => void) | undefined;

  const takeTurn = async (): Promise<void> => {
    for (;;) {
      const t = now();
      while (finished.length > 0 && (finished[0] ?? 0) <= t - 1000) finished.shift();
      if (t < nextSlot) {
        await sleep(nextSlot - t);
        continue;
      }
      if (running + finished.length < limit) {
        running++;
        nextSlot = Math.max(nextSlot, t - spacing) + spacing;
        return;
      }
      if (finished.length > 0) {
        // A place frees when the oldest finish leaves the window (a task finishing only moves its place there).
        await sleep((finished[0] ?? 0) + 1000 - t);
      } else {
        // Every place is held by a running task: the first to finish starts its second in the window.
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  };

  const done = (): void => {
    running--;
    finished.push(now());
    wake?.();
  };

  return <T>(task: () => Promise<T>): Promise<T> => {
    const turn = queue.then(takeTurn);
    queue = turn;
    return turn.then(async () => {
      try {
        return await task();
      } finally {
        done();
      }
    });
  };
}
