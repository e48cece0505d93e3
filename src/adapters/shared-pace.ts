import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import pLimit from 'p-limit';
import type { Pace } from '../core/pace.js';

/** How long a place stays taken after its request's answer: Discord's window is a second. */
const WINDOW_MS = 1000;
/** The longest wait between two tries while every place is held by a request still running. */
const MAX_POLL_MS = 50;
/**
 * Requests of one process asking for a place at once: enough that the Redis round trips of a busy
 * process do not hold its posts back (in the fan-out bench, one at a time took 2.1× the floor, eight
 * 1.66×, no bound 1.75×), few enough that a full window is polled by a handful per process.
 */
const ASKING = 8;

/*
 * The window is a sorted set of places, each scored by when it frees, by Redis's clock (TIME), so
 * that the processes' own clocks, on several machines, need not agree. Taking a place drops the
 * freed ones and adds one if fewer than the limit are left: until the lease ends if its process
 * dies. Giving it back moves its end to a second from now. Both answer in one step (a script).
 */
const TAKE = `
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 0
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(first[2]) - now`;

const GIVE_BACK = `
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
return 0`;

export interface SharedPaceOptions {
  /** The key of the window on Redis, one per bot (every process of it uses the same). */
  readonly key: string;
  /** Requests that may land in any sliding second, every process's together. */
  readonly perSecond: number;
  /**
   * How long a place stays taken at most, a process that died holding it included. A request must end
   * within it: discord.js's REST ends one after 15 s.
   */
  readonly leaseMs?: number;
}

interface WindowCommands {
  takePlace(key: string, places: number, id: string, leaseMs: number): Promise<number>;
  giveBackPlace(key: string, id: string, windowMs: number): Promise<number>;
}

/**
 * Discord's global limit kept by every process of the bot together, as the one-process pacer
 * (src/core/pace.ts) keeps it: a request takes one of `perSecond` places on Redis before it is sent,
 * and its place frees a second after its answer. So every request that arrives at Discord within any
 * second held its place then, and there are no more places: however late a stalled process sends
 * what it started, no second gets more than the limit. (The job engine's limiter, which only spaces
 * the jobs' starts, cannot promise that: a process starved of CPU sends late what it started on
 * time, bunched with the others' requests.)
 *
 * A process has at most a few requests asking for a place at once (the others wait their turn in
 * it), so a full window is polled by a handful per process. While Redis is away, posts wait for it,
 * as the job queue does.
 */
export function sharedPacer(redis: Redis, options: SharedPaceOptions): Pace {
  const { key } = options;
  const places = Math.max(1, Math.floor(options.perSecond));
  const leaseMs = options.leaseMs ?? 20_000;
  const commands = redis as Redis & Partial<WindowCommands>;
  if (commands.takePlace === undefined) redis.defineCommand('takePlace', { numberOfKeys: 1, lua: TAKE });
  if (commands.giveBackPlace === undefined)
    redis.defineCommand('giveBackPlace', { numberOfKeys: 1, lua: GIVE_BACK });
  const window = redis as Redis & WindowCommands;

  const take = async (id: string): Promise<void> => {
    for (;;) {
      const waitMs = await window.takePlace(key, places, id, leaseMs);
      if (waitMs === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(1, waitMs), MAX_POLL_MS)));
    }
  };

  const asking = pLimit(ASKING);
  return async <T>(task: () => Promise<T>): Promise<T> => {
    const id = randomUUID();
    await asking(() => take(id));
    try {
      return await task();
    } finally {
      // Not waited for: the place frees when its lease ends anyway (Redis away, or closed at shutdown).
      window.giveBackPlace(key, id, WINDOW_MS).catch(() => undefined);
    }
  };
}
