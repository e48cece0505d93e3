/**
 * Starts tasks one after another at a steady `perSecond`, for requests that count towards
 * Discord's global limit:
 * - on a timetable, `1000 / perSecond` ms apart: a timer that fires late does not slow the rest
 *   (the next ones start at once until the timetable is caught up);
 * - and never more than `perSecond` starts in any sliding second of actual start times, so that
 *   catching up after a stall (a busy event loop) cannot make a burst.
 * (p-throttle's strict mode drifts to one call per timer tick, ~330/s, and its windowed mode lets
 * bursts through; hence these lines.)
 */
export function pacer(perSecond: number, now: () => number, sleep: (ms: number) => Promise<void>) {
  const spacing = 1000 / perSecond;
  const limit = Math.max(1, Math.floor(perSecond));
  const started: number[] = [];
  let nextSlot = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();

  const takeTurn = async (): Promise<void> => {
    let t = now();
    if (t < nextSlot) {
      await sleep(nextSlot - t);
      t = now();
    }
    for (;;) {
      while (started.length > 0 && t - (started[0] ?? 0) >= 1000) started.shift();
      if (started.length < limit) break;
      await sleep((started[0] ?? 0) + 1000 - t);
      t = now();
    }
    started.push(t);
    nextSlot = Math.max(nextSlot, t - spacing) + spacing;
  };

  return <T>(task: () => Promise<T>): Promise<T> => {
    const turn = queue.then(takeTurn);
    queue = turn;
    return turn.then(task);
  };
}
