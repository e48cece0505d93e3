import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthServer } from '../../src/adapters/health-server.js';
import { createLogger } from '../../src/adapters/logger.js';
import { BotMetrics } from '../../src/adapters/metrics.js';

const logger = createLogger({ level: 'silent' });
let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HealthServer', () => {
  it('GIVEN not ready (starting, shutting down, the store silent) THEN /readyz is 503 with the reason, /livez still 200', async () => {
    let state: { ok: boolean; reason?: string } = { ok: false, reason: 'shutting down' };
    server = await HealthServer.listen(
      0,
      '127.0.0.1',
      { registry: new Registry(), ready: () => Promise.resolve(state) },
      logger,
    );
    const url = `http://127.0.0.1:${server.port}`;
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe('not ready: shutting down\n');
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`, { method: 'HEAD' })).status).toBe(503);
    state = { ok: true };
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('GIVEN a check that throws THEN 500, and the server goes on', async () => {
    server = await HealthServer.listen(
      0,
      '127.0.0.1',
      { registry: new Registry(), ready: () => Promise.reject(new Error('boom')) },
      logger,
    );
    const url = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${url}/readyz`)).status).toBe(500);
    expect((await fetch(`${url}/livez`)).status).toBe(200);
  });
});

describe('BotMetrics', () => {
  it('GIVEN slots, 429s and interactions THEN counts them under Prometheus names; read-at-scrape values are current', async () => {
    let articles = 3;
    const metrics = new BotMetrics({
      pings: () => [
        [0, 42],
        [1, -1],
      ],
      schedules: () => ({ due: 2, late: 1 }),
      articles: () => articles,
    });
    metrics.post('posted');
    metrics.post('posted');
    metrics.post('failed');
    metrics.rateLimited('global');
    metrics.interaction('button', 'articles', 'ok', 0.003);
    articles = 5;
    const text = await metrics.registry.metrics();
    expect(text).toContain('careerbot_posts_total{result="posted"} 2');
    expect(text).toContain('careerbot_posts_total{result="failed"} 1');
    expect(text).toContain('careerbot_rate_limited_total{scope="global"} 1');
    expect(text).toContain('careerbot_interactions_total{kind="button",command="articles",outcome="ok"} 1');
    expect(text).toContain('careerbot_reply_seconds_bucket{le="0.005",kind="button",command="articles"} 1');
    expect(text).toContain('careerbot_gateway_ping_seconds{shard="0"} 0.042');
    // A shard without a heartbeat answer yet has no ping, rather than -1.
    expect(text).not.toContain('shard="1"');
    expect(text).toContain('careerbot_schedules_due 2');
    expect(text).toContain('careerbot_schedules_late 1');
    expect(text).toContain('careerbot_content_articles 5');
  });
});
