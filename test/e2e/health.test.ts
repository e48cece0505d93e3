import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { botEnv, deployCommands, startBot, startEmulator, workspace } from './harness.js';
import { callbackOf } from './callbacks.js';

let emulator: DiscordEmulator;
let bot: BotProcess;
let space: ReturnType<typeof workspace>;
let base: string;

const get = async (path: string): Promise<{ status: number; text: string; type: string | null }> => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
};

/** The value of a sample in Prometheus text, e.g. `careerbot_interactions_total{kind="command",...}`. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = new Map<string, string>(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    if (Object.entries(labels).every(([key, value]) => have.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

beforeAll(async () => {
  // Heartbeats every second: the gateway ping is known soon after the start.
  emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
  space = workspace();
  // Port 0: any free port, which the bot logs.
  const env = botEnv(emulator, space, { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' });
  const deployed = await deployCommands(env, space.dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  bot = await startBot(emulator, env, space.dir);
  const serving = await bot.waitForLog(/serving \/livez/);
  base = `http://127.0.0.1:${String(serving.port)}`;
}, 60_000);

afterAll(async () => {
  await bot.stop();
  await emulator.stop();
  space.cleanup();
});

describe('HTTP_PORT: health and metrics', () => {
  it('GIVEN the bot connected THEN /livez and /readyz answer 200; other paths 404, other methods 405', async () => {
    expect(await get('/livez')).toMatchObject({ status: 200, text: 'ok\n' });
    await vi.waitFor(async () => expect((await get('/readyz')).status).toBe(200), {
      timeout: 10_000,
      interval: 50,
    });
    expect((await get('/nope')).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN interactions answered THEN /metrics counts them by command and outcome, with their reply time', async () => {
    expect(callbackOf(await emulator.chatInput('tips').response()).type).toBe(4);
    const refused = callbackOf(await emulator.chatInput('tips', { article: 'no-such-article' }).response());
    expect(refused.data?.flags).toBe(64);
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.text;
    expect(
      sample(text, 'careerbot_interactions_total', { kind: 'command', command: 'tips', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sample(text, 'careerbot_interactions_total', { kind: 'command', command: 'tips', outcome: 'refused' }),
    ).toBe(1);
    expect(sample(text, 'careerbot_reply_seconds_count', { kind: 'command', command: 'tips' })).toBe(2);
    expect(sample(text, 'careerbot_content_articles')).toBeGreaterThan(0);
    expect(sample(text, 'careerbot_schedules_due')).toBe(0);
    expect(sample(text, 'careerbot_schedules_late')).toBe(0);
    expect(text).toContain('# TYPE careerbot_posts_total counter');
    expect(text).toContain('# TYPE careerbot_rate_limited_total counter');
    expect(text).toContain('process_resident_memory_bytes');
    // The gateway's first heartbeat answer gives the ping of shard 0.
    await vi.waitFor(
      async () =>
        expect(
          sample((await get('/metrics')).text, 'careerbot_gateway_ping_seconds', { shard: '0' }),
        ).toBeGreaterThanOrEqual(0),
      { timeout: 20_000, interval: 200 },
    );
  });

  it('GIVEN SIGTERM THEN the bot says so, closes, and exits 0 within 10 s', async () => {
    const started = Date.now();
    const code = await bot.stop();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const said = bot.logs.map((line) => line.msg);
    // Told to stop, then everything closed before the exit.
    expect(said.indexOf('shutting down')).toBeGreaterThan(-1);
    expect(said.indexOf('closed; exiting once the requests under way end')).toBeGreaterThan(
      said.indexOf('shutting down'),
    );
    await expect(fetch(`${base}/livez`)).rejects.toThrow();
  });
});
