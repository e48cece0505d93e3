import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Schedules whose slot is due now, and of those, due for over a minute. */
export interface ScheduleCounts {
  readonly due: number;
  readonly late: number;
}

/** What the metrics read at each scrape, rather than count as it happens. */
export interface MetricsSources {
  /** Gateway round trip per shard, in milliseconds (discord.js reports -1 before the first heartbeat). */
  readonly pings: () => Iterable<readonly [shard: number, ms: number]>;
  /**
   * Schedules of the served servers: due now (not paused), and of those, due for more than a minute.
   * On BullMQ: the slot jobs waiting or running, of every process.
   */
  readonly schedules: () => ScheduleCounts | Promise<ScheduleCounts>;
  readonly articles: () => number;
}

export type InteractionKind = 'command' | 'autocomplete' | 'button';
/** `ok`; `refused`: the user got a message saying what to do; `failed`: an error on the bot's side. */
export type Outcome = 'ok' | 'refused' | 'failed';
/** What became of a scheduled slot. */
export type PostResult = 'posted' | 'found' | 'refused' | 'rejected' | 'failed' | 'skipped';

/**
 * The bot's Prometheus metrics (prom-client), served at /metrics when HTTP_PORT is set. Names follow
 * Prometheus conventions: a `careerbot_` prefix, `_total` for counters, base units (`_seconds`).
 */
export class BotMetrics {
  readonly registry = new Registry();
  readonly #interactions: Counter<'kind' | 'command' | 'outcome'>;
  readonly #replySeconds: Histogram<'kind' | 'command'>;
  readonly #posts: Counter<'result'>;
  readonly #rateLimits: Counter<'scope'>;

  constructor(sources: MetricsSources, labels: Record<string, string> = {}) {
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.#interactions = new Counter({
      name: 'careerbot_interactions_total',
      help: 'Interactions handled, by kind, command and outcome (ok, refused with a message, failed).',
      labelNames: ['kind', 'command', 'outcome'],
      registers,
    });
    this.#replySeconds = new Histogram({
      name: 'careerbot_reply_seconds',
      help: 'Time from an interaction received to its answer sent, by kind and command.',
      labelNames: ['kind', 'command'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.#posts = new Counter({
      name: 'careerbot_posts_total',
      help: 'Scheduled tip slots, by result: posted, found already posted, refused by Discord (its channel: paused), rejected by Discord (the post itself: skipped), failed (retried), skipped as too late.',
      labelNames: ['result'],
      registers,
    });
    this.#rateLimits = new Counter({
      name: 'careerbot_rate_limited_total',
      help: 'HTTP 429 answers from Discord, by scope (global, user, shared).',
      labelNames: ['scope'],
      registers,
    });
    new Gauge({
      name: 'careerbot_gateway_ping_seconds',
      help: 'Gateway heartbeat round trip, by shard.',
      labelNames: ['shard'],
      registers,
      collect() {
        this.reset();
        for (const [shard, ms] of sources.pings()) if (ms >= 0) this.set({ shard: String(shard) }, ms / 1000);
      },
    });
    // Both gauges below from one read per scrape (prom-client collects them at once): on Redis it
    // is two queue queries.
    let reading: Promise<ScheduleCounts> | undefined;
    const scheduleCounts = (): Promise<ScheduleCounts> =>
      (reading ??= Promise.resolve(sources.schedules()).finally(() => (reading = undefined)));
    new Gauge({
      name: 'careerbot_schedules_due',
      help: 'Schedules of the served servers whose slot is due now (not paused); on Redis, slot jobs waiting or running in the queue of all processes.',
      registers,
      async collect() {
        this.set((await scheduleCounts()).due);
      },
    });
    new Gauge({
      name: 'careerbot_schedules_late',
      help: 'Schedules of the served servers due for more than a minute; on Redis, slot jobs waiting for more than a minute.',
      registers,
      async collect() {
        this.set((await scheduleCounts()).late);
      },
    });
    new Gauge({
      name: 'careerbot_content_articles',
      help: 'Articles the bot answers from.',
      registers,
      collect() {
        this.set(sources.articles());
      },
    });
  }

  interaction(kind: InteractionKind, command: string, outcome: Outcome, seconds: number): void {
    this.#interactions.inc({ kind, command, outcome });
    this.#replySeconds.observe({ kind, command }, seconds);
  }

  post(result: PostResult): void {
    this.#posts.inc({ result });
  }

  rateLimited(scope: string): void {
    this.#rateLimits.inc({ scope });
  }
}
