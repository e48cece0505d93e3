import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthServer } from '../../src/adapters/health-server.js';
import { createLogger } from '../../src/adapters/logger.js';
import { BotMetrics } from '../../src/adapters/metrics.js';
import { PROJECT_ROOT } from '../../emulator/run-bot.js';

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

/** A process serving health checks that says its port, calls unref() on a first line, and lets go of stdin on a second. */
const SERVING = `
import { Registry } from 'prom-client';
import { HealthServer } from '${PROJECT_ROOT}dist/src/adapters/health-server.js';
import { createLogger } from '${PROJECT_ROOT}dist/src/adapters/logger.js';
const ready = () => Promise.resolve({ ok: false, reason: 'shutting down' });
const server = await HealthServer.listen(0, '127.0.0.1', { registry: new Registry(), ready }, createLogger({ level: 'silent' }));
console.log(server.port);
// stdin stands for what the bot still waits for (a request under way), until its second line.
let seen = 0;
process.stdin.on('data', () => {
  seen += 1;
  if (seen === 1) {
    server.unref();
    console.log('unref');
  } else process.stdin.destroy();
});
`;

describe('HealthServer.unref (the bot told to stop)', () => {
  it('GIVEN a kept-alive connection THEN it still answers on it, and the process exits once nothing else holds it', async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SERVING], { cwd: PROJECT_ROOT });
    const exited = once(child, 'exit');
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const port = Number((await lines.next()).value);
    // One connection, kept alive between requests, as a Prometheus scraper keeps it.
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    const ask = async (path: string): Promise<string> => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      const [answer] = (await once(socket, 'data')) as [string];
      return answer.split('\r\n')[0] ?? '';
    };
    try {
      expect(await ask('/livez')).toBe('HTTP/1.1 200 OK');
      child.stdin.write('unref\n');
      expect((await lines.next()).value).toBe('unref');
      expect(await ask('/readyz')).toBe('HTTP/1.1 503 Service Unavailable');
      expect(await ask('/livez')).toBe('HTTP/1.1 200 OK');
      // Nothing else holds it once what it waited for is done: it exits, the connection still open.
      child.stdin.write('done\n');
      expect((await exited)[0]).toBe(0);
    } finally {
      socket.destroy();
      child.kill();
    }
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
