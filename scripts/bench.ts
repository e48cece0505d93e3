/**
 * `npm run bench`: interaction latency, from INTERACTION_CREATE sent by the emulator to the
 * callback request received, for the bot with the seed content, with 10,000 generated articles, and
 * restarted, each beside a bare discord.js client that answers "pong" (the floor, see measurePaired).
 * Prints p50/p99 and the ratios to the floor, and writes them to bench/results/latency.json.
 * Before them, the content load and a live edit (bench/results/content.json, see bench-content.ts);
 * after them, the fan-out of scheduled posts (bench/results/fanout.json).
 * BENCH_ONLY=content|latency|fanout runs one; with fanout, BENCH_FANOUT=1 or 4 only that many processes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ChannelType } from 'discord-api-types/v10';
import { join, resolve } from 'node:path';
import { DiscordEmulator, IDS, shardIdFor, type GuildSpec } from '../emulator/emulator.js';
import { BotProcess } from '../emulator/bot-process.js';
import { dueSchedules, manyGuilds, preloadSchedules } from '../emulator/fleet.js';
import { runEntry } from '../emulator/run-bot.js';
import { RedisServer } from '../emulator/redis-server.js';
import { CONTENT_TARGETS, contentFigures, type ContentFigures } from './bench-content.js';

const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
if (!Number.isInteger(WARMUP) || WARMUP < 0)
  throw new Error(`BENCH_WARMUP: expected a whole number of interactions, not ${process.env.BENCH_WARMUP}`);
const GENERATED = Number(process.env.BENCH_ARTICLES ?? 10_000);
const TARGET = { p50: 1.1, p99: 1.25 } as const;

type Step = [command: string, options: Record<string, string | boolean>];

/** 10,000 articles with every section, 50 tags, varied lengths. */
function generateArticles(dir: string, count: number): string[] {
  const slugs: string[] = [];
  const words = ['lead', 'team', 'feedback', 'trust', 'mentor', 'growth', 'ship', 'plan', 'hire', 'listen'];
  const text = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => words[(i * 7 + seed) % words.length]).join(' ') + '.';
  for (let i = 0; i < count; i++) {
    const slug = `generated-${i}`;
    slugs.push(slug);
    const tags = [i % 3 === 0 ? 'engineering leadership' : `topic ${i % 50}`, `topic ${(i * 7) % 50}`];
    const tips = Array.from(
      { length: 3 + (i % 6) },
      (_, t) => `- **Tip ${t} of ${i}:** ${text(20 + ((i + t) % 60), t)}`,
    ).join('\n');
    const skills = Array.from(
      { length: 2 + (i % 4) },
      (_, t) => `- **Skill ${t}:** ${text(15 + (t % 30), i)}`,
    ).join('\n');
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(dir, `${slug}.md`),
      `---\ntitle: Generated article ${i} about ${words[i % words.length] ?? ''}\nslug: ${slug}\ntags: ${JSON.stringify(tags)}\nurl: /blog/${slug}\nsummary: ${text(25, i)}\ndate: ${day}\n---\n\n## Motivations\n\n${text(60, i)}\n\n## Skills\n\n${text(20, i)}\n\n${skills}\n\n## Tips\n\n${tips}\n`,
    );
  }
  return slugs;
}

/** VmRSS of a process from /proc, where there is one. */
function residentMb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

interface Figures {
  name: string;
  interactions: number;
  p50: number;
  p99: number;
  mean: number;
  startupMs: number;
  /** Resident memory of the bot once connected, in MB (Linux; undefined elsewhere). */
  readyRssMb: number | undefined;
  /** Resident memory of the bot after the run, in MB (Linux; undefined elsewhere). */
  rssMb: number | undefined;
  /** p50 and p99 per command, to see where a cost or a tail comes from. */
  p50ByCommand: Record<string, number>;
  p99ByCommand: Record<string, number>;
}

/** A server with one text channel whose events go to `shard` of two (see shardIdFor). */
function guildOnShard(shard: number): GuildSpec {
  let id = BigInt(IDS.guild);
  while (shardIdFor(String(id), 2) !== shard) id += 1n << 22n;
  return {
    id: String(id),
    name: `Shard ${shard}`,
    channels: [{ id: String(id + 1n), name: 'general', type: ChannelType.GuildText }],
  };
}

/** Latencies in ms, by command, as measured. */
class Latencies {
  readonly all: number[] = [];
  readonly byCommand = new Map<string, number[]>();

  add(command: string, ms: number): void {
    this.all.push(ms);
    this.byCommand.set(command, [...(this.byCommand.get(command) ?? []), ms]);
  }

  figures(): Pick<Figures, 'interactions' | 'p50' | 'p99' | 'mean' | 'p50ByCommand' | 'p99ByCommand'> {
    const sorted = [...this.all].sort((a, b) => a - b);
    const byCommandAt = (p: number) =>
      Object.fromEntries(
        [...this.byCommand].map(([command, values]) => [
          command,
          percentile(
            [...values].sort((a, b) => a - b),
            p,
          ),
        ]),
      );
    return {
      interactions: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
      p50ByCommand: byCommandAt(50),
      p99ByCommand: byCommandAt(99),
    };
  }
}

/** Where the floor and the bot are asked: each its own server, on its own shard of the application. */
interface Side {
  readonly guildId: string;
  readonly channelId: string;
}

/**
 * The bot against the floor, both running: each interaction of `steps` goes to one and then the
 * other (which goes first alternating), so that whatever else the machine does meanwhile weighs on
 * both alike. Measuring one after the other, the floor's p50 moved by 10% from run to run.
 */
async function measurePaired(
  emulator: DiscordEmulator,
  name: string,
  startBot: () => BotProcess,
  startFloor: () => BotProcess,
  sides: { readonly floor: Side; readonly bot: Side },
  steps: { readonly floor: Step[]; readonly bot: Step[] },
): Promise<{ bot: Figures; floor: Figures }> {
  const startedAt = performance.now();
  const bot = startBot();
  await bot.waitForLog(/connected to Discord/, 300_000);
  await emulator.waitForShards(1);
  const startupMs = performance.now() - startedAt;
  const readyRssMb = residentMb(bot.pid);
  // The bot reads its content folder once more when its watcher is set up; measured after that.
  await bot.waitForLog(/watching the content folder/, 300_000);
  // A floor as new as the bot: a process that has answered thousands of interactions more answers
  // faster (its code optimised further), which would not be the bot's cost.
  const floorStartedAt = performance.now();
  const floor = startFloor();
  await floor.waitForLog(/connected to Discord/, 300_000);
  await emulator.waitForShards(2);
  const floorStartupMs = performance.now() - floorStartedAt;
  const floorReadyRssMb = residentMb(floor.pid);
  const measured = { floor: new Latencies(), bot: new Latencies() };
  const ask = async (who: 'floor' | 'bot', i: number): Promise<void> => {
    const [command, options] = steps[who][i % steps[who].length] ?? ['help', {}];
    const handle = emulator.chatInput(command, options, sides[who]);
    const response = await handle.response(15_000);
    if (i >= WARMUP) measured[who].add(command, response.receivedHr - handle.dispatchedHr);
  };
  for (let i = 0; i < WARMUP + INTERACTIONS; i++) {
    const [first, second] = i % 2 === 0 ? (['floor', 'bot'] as const) : (['bot', 'floor'] as const);
    await ask(first, i);
    await ask(second, i);
  }
  const rssMb = residentMb(bot.pid);
  const floorRssMb = residentMb(floor.pid);
  await Promise.all([bot.stop(), floor.stop()]);
  return {
    bot: { name, ...measured.bot.figures(), startupMs, readyRssMb, rssMb },
    floor: {
      name: `floor beside ${name}`,
      ...measured.floor.figures(),
      startupMs: floorStartupMs,
      readyRssMb: floorReadyRssMb,
      rssMb: floorRssMb,
    },
  };
}

const FANOUT_SERVERS = Number(process.env.BENCH_SERVERS ?? 10_000);
const FANOUT_LIMIT = 500;
const FANOUT_TARGET = 1.1;

/**
 * 10,000 servers whose tip is due at the same minute, against an emulator that enforces a global
 * limit of 500 requests per second. The floor is posts ÷ limit. With `processes` > 1, that many
 * processes each run one shard, on one Redis, where their BullMQ workers share one limiter at it.
 */
async function fanOut(processes = 1): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fanout-'));
  const guilds = manyGuilds(FANOUT_SERVERS, processes > 1);
  const emulator = await new DiscordEmulator({
    guilds,
    globalLimitPerSecond: FANOUT_LIMIT,
    recommendedShards: processes,
    maxConcurrency: processes,
  }).start();
  const redis = processes > 1 ? await RedisServer.start() : undefined;
  const storeUrl = redis?.url ?? `sqlite://${join(dir, 'fanout.sqlite')}`;
  // Every schedule's slot is one minute, far enough ahead for the processes to start and set their
  // timers: the posts then start at the slot, as they do for schedules made by /schedule set.
  const now = Date.now();
  const slot = Math.ceil((now + 60_000) / 60_000) * 60_000;
  const time = new Date(slot).toISOString().slice(11, 16);
  await preloadSchedules(
    storeUrl,
    dir,
    dueSchedules(guilds, now).map((record) => ({ ...record, time, nextRunAt: slot })),
  );
  const where = processes > 1 ? `${processes} processes (one shard each) on Redis` : 'one process';
  console.log(
    `Fan-out: ${FANOUT_SERVERS} schedules due in the same minute, global limit ${FANOUT_LIMIT}/s, ${where}…`,
  );
  const botEnv = {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    CONTENT_DIR: resolve('content'),
    STORE_URL: storeUrl,
    DISCORD_GUILD_ID: '',
  };
  // Global commands, for the reply latency below.
  const deployed = await runEntry('deploy-commands', botEnv, dir);
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  const bots = Array.from(
    { length: processes },
    (_, shard) =>
      new BotProcess(
        {
          ...botEnv,
          LOG_LEVEL: 'info',
          DISCORD_REQUESTS_PER_SECOND: String(FANOUT_LIMIT),
          ...(processes > 1 ? { SHARD_COUNT: String(processes), SHARD_IDS: String(shard) } : {}),
        },
        dir,
      ),
  );
  // Ready, and on Redis done checking the schedules' timers: replies are measured on a quiet bot.
  await Promise.all(
    bots.map((bot) => bot.waitForLog(processes > 1 ? /schedules checked/ : /connected to Discord/, 120_000)),
  );
  const replies = await replyLatencyByShard(emulator, guilds, processes);
  console.log('reply latency by shard (ms, before the slot):', JSON.stringify(replies));
  // Only channels still waiting are looked at: looking at all 10,000 each time cost the emulator's
  // process (the one that answers the bots) a tenth of a core. The time is read from the requests.
  const channels = guilds.map((guild) => guild.channels[0]?.id ?? '');
  const waiting = new Set(channels);
  const delivered = () => {
    for (const id of waiting) if (emulator.channelPosts(id).length > 0) waiting.delete(id);
    return FANOUT_SERVERS - waiting.size;
  };
  const deadline = Date.now() + 10 * 60_000;
  while (delivered() < FANOUT_SERVERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 3000));
  const rssMb = bots.map((bot) => Math.round(residentMb(bot.pid) ?? NaN));
  await Promise.all(bots.map((bot) => bot.stop()));
  await emulator.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });

  const posts = emulator.requests.filter(
    (r) => r.method === 'POST' && r.path.startsWith('/channels/') && r.status === 200,
  );
  const first = Math.min(...posts.map((r) => r.at));
  const last = Math.max(...posts.map((r) => r.at));
  const seconds = (last - first) / 1000;
  const perSecond = new Map<number, number>();
  for (const r of posts)
    perSecond.set(
      Math.floor((r.at - first) / 1000),
      (perSecond.get(Math.floor((r.at - first) / 1000)) ?? 0) + 1,
    );
  console.log('posts per second:', [...perSecond.values()].join(' '));
  const floor = FANOUT_SERVERS / FANOUT_LIMIT;
  const duplicates = channels.filter((id) => emulator.channelPosts(id).length > 1).length;
  const losses = channels.filter((id) => emulator.channelPosts(id).length === 0).length;
  const result = {
    servers: FANOUT_SERVERS,
    processes,
    limitPerSecond: FANOUT_LIMIT,
    seconds,
    floorSeconds: floor,
    ratioToFloor: seconds / floor,
    rateLimited429: emulator.rateLimitHits,
    duplicates,
    losses,
    rssMbPerProcess: rssMb.join(' '),
    replyMsByShard: replies,
    met: seconds / floor <= FANOUT_TARGET && duplicates === 0 && losses === 0,
  };
  console.table([result]);
  console.log(
    `Fan-out target (${where}): within ${FANOUT_TARGET}× of the floor, no duplicates, no losses: ${result.met ? 'met' : 'NOT met'}.`,
  );
  return result;
}

/**
 * `/tips` answered in servers of each shard, one after the other (200 each after 20 to warm up):
 * p50 and p99 from the dispatch to the answer, per shard.
 */
async function replyLatencyByShard(
  emulator: DiscordEmulator,
  guilds: readonly GuildSpec[],
  shards: number,
): Promise<Record<string, { p50: number; p99: number }>> {
  const byShard: Record<string, { p50: number; p99: number }> = {};
  for (let shard = 0; shard < shards; shard++) {
    const mine = guilds.filter((guild) => shardIdFor(guild.id, shards) === shard).slice(0, 50);
    const latencies: number[] = [];
    for (let i = 0; i < 220; i++) {
      const guild = mine[i % mine.length];
      const handle = emulator.chatInput(
        'tips',
        {},
        { guildId: guild?.id ?? '', channelId: guild?.channels[0]?.id ?? '' },
      );
      const response = await handle.response(15_000);
      if (i >= 20) latencies.push(response.receivedHr - handle.dispatchedHr);
    }
    latencies.sort((a, b) => a - b);
    byShard[String(shard)] = {
      p50: Number(percentile(latencies, 50).toFixed(2)),
      p99: Number(percentile(latencies, 99).toFixed(2)),
    };
  }
  return byShard;
}

/** The fan-out in one process (SQLite), then through 4 processes, one shard each, on Redis. */
async function fanOuts(): Promise<Record<string, unknown>> {
  if (process.env.BENCH_FANOUT === '4') return { fourProcesses: await fanOut(4) };
  if (process.env.BENCH_FANOUT === '1') return { oneProcess: await fanOut(1) };
  return { oneProcess: await fanOut(1), fourProcesses: await fanOut(4) };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only === 'fanout') {
    writeResults('fanout', await fanOuts());
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const generatedDir = join(dir, 'generated');
  mkdirSync(generatedDir);
  console.log(`Generating ${GENERATED} articles…`);
  const slugs = generateArticles(generatedDir, GENERATED);
  if (only === undefined || only === 'content') {
    console.log(`Measuring the content load of ${GENERATED} articles…`);
    const content = await contentFigures(generatedDir, dir);
    printContent(content);
    writeResults('content', { targets: CONTENT_TARGETS, ...content });
    if (only === 'content') {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
  }
  // The floor answers in one server and the bot in another, each server on its own shard of the
  // application (the floor shard 0, the bot shard 1): both run at once (see measurePaired).
  const floorGuild = guildOnShard(0);
  const botGuild = guildOnShard(1);
  const emulator = await new DiscordEmulator({ guilds: [floorGuild, botGuild] }).start();
  const sides = {
    floor: { guildId: floorGuild.id, channelId: floorGuild.channels[0]?.id ?? '' },
    bot: { guildId: botGuild.id, channelId: botGuild.channels[0]?.id ?? '' },
  };
  const env = (contentDir: string, store: string) => ({
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: botGuild.id,
    CONTENT_DIR: contentDir,
    STORE_URL: `sqlite://${join(dir, store)}`,
    SITE_URL: 'https://blog.example',
    LOG_LEVEL: 'info',
    SHARD_COUNT: '2',
    SHARD_IDS: '1',
  });
  const seedEnv = env(resolve('content'), 'seed.sqlite');
  for (const guild of [floorGuild, botGuild]) {
    const deployed = await runEntry('deploy-commands', { ...seedEnv, DISCORD_GUILD_ID: guild.id });
    if (deployed.code !== 0) throw new Error(deployed.stderr);
  }

  const mix = (article: () => string): Step[] => [
    ['tips', {}],
    ['tip', {}],
    ['articles', { tag: 'engineering leadership' }],
    ['skills', { article: article() }],
    ['motivations', {}],
    ['tips', { article: article(), private: true }],
    ['help', {}],
  ];
  const floorSteps = mix(() => 'x');
  // discord.js reads its shards from these, as a ShardingManager's children have them.
  const startFloor = () =>
    new BotProcess({ ...seedEnv, SHARDS: '0' }, process.cwd(), ['--import', 'tsx', 'scripts/pong-bot.ts']);
  let n = 0;
  const pairs: { bot: Figures; floor: Figures }[] = [];
  const run = async (name: string, bot: () => BotProcess, steps: Step[]) => {
    console.log(
      `Measuring ${name}, beside a floor (bare discord.js, "pong"): ${WARMUP} warm-up + ${INTERACTIONS} interactions each…`,
    );
    pairs.push(
      await measurePaired(emulator, name, bot, startFloor, sides, { floor: floorSteps, bot: steps }),
    );
  };
  await run(
    'bot, seed content',
    () => new BotProcess(seedEnv),
    mix(() => 'software-engineer-to-engineering-leader'),
  );
  await run(
    `bot, ${GENERATED} articles`,
    () => new BotProcess(env(generatedDir, 'large.sqlite')),
    mix(() => slugs[(n++ * 7919) % slugs.length] ?? ''),
  );
  // Started again: the content cache beside its database is warm now, as on any restart.
  await run(
    `bot, ${GENERATED} articles, restarted`,
    () => new BotProcess(env(generatedDir, 'large.sqlite')),
    mix(() => slugs[(n++ * 7919) % slugs.length] ?? ''),
  );
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });

  // Each run's ratios are to the floor measured beside it.
  const rows = pairs.flatMap(({ bot, floor: beside }) => [
    { ...beside, p50Ratio: 1, p99Ratio: 1 },
    { ...bot, p50Ratio: bot.p50 / beside.p50, p99Ratio: bot.p99 / beside.p99 },
  ]);
  console.log('\nLatency from INTERACTION_CREATE sent to the callback received (ms):');
  console.table(
    rows.map((r) => ({
      run: r.name,
      interactions: r.interactions,
      p50: r.p50.toFixed(3),
      p99: r.p99.toFixed(3),
      mean: r.mean.toFixed(3),
      'p50 / floor': r.p50Ratio.toFixed(3),
      'p99 / floor': r.p99Ratio.toFixed(3),
      'start-up (s)': (r.startupMs / 1000).toFixed(1),
      'RSS ready (MB)': r.readyRssMb?.toFixed(0) ?? '?',
      'RSS after (MB)': r.rssMb?.toFixed(0) ?? '?',
    })),
  );
  const large = rows.find((r) => r.name === `bot, ${GENERATED} articles`);
  const met = large !== undefined && large.p50Ratio <= TARGET.p50 && large.p99Ratio <= TARGET.p99;
  const rounded = (figures: Record<string, number>) =>
    JSON.stringify(figures, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v));
  for (const r of rows)
    console.log(`${r.name}: p50 by command ${rounded(r.p50ByCommand)}; p99 ${rounded(r.p99ByCommand)}`);
  console.log(
    `Targets with ${GENERATED} articles: p50 ≤ ${TARGET.p50}× and p99 ≤ ${TARGET.p99}× the floor: ${met ? 'met' : 'NOT met'}.`,
  );
  for (const { bot: r, floor: beside } of pairs.slice(1)) {
    const over = (r.readyRssMb ?? NaN) - (beside.readyRssMb ?? NaN);
    console.log(
      `${r.name}: RSS when ready ${over.toFixed(0)} MB over the bare client's (target ≤ ${CONTENT_TARGETS.rssOverFloorMb}): ${over <= CONTENT_TARGETS.rssOverFloorMb ? 'met' : 'NOT met'}.`,
    );
  }
  writeResults('latency', {
    targets: TARGET,
    met,
    runs: rows,
  });
  if (only !== 'latency') writeResults('fanout', await fanOuts());
}

function printContent(c: ContentFigures): void {
  console.table([
    { what: 'floor: read + gray-matter', ms: c.floorMs.toFixed(0), 'to floor': '1.00' },
    { what: 'content load, no cache', ms: c.coldMs.toFixed(0), 'to floor': c.coldRatio.toFixed(2) },
    { what: 'content load, cache warm', ms: c.warmMs.toFixed(0), 'to floor': c.warmRatio.toFixed(2) },
    { what: 'one file edited: median', ms: c.editMedianMs.toFixed(0), 'to floor': '' },
    { what: 'one file edited: worst', ms: c.editMaxMs.toFixed(0), 'to floor': '' },
  ]);
  console.log(
    `Content targets with ${c.articles} articles: load ≤ ${CONTENT_TARGETS.loadRatio}× the floor (warm ${c.warmRatio <= CONTENT_TARGETS.loadRatio ? 'met' : 'NOT met'}, cold ${c.coldRatio <= CONTENT_TARGETS.loadRatio ? 'met' : 'NOT met'}); one edit < ${CONTENT_TARGETS.editMs} ms: ${c.editMedianMs < CONTENT_TARGETS.editMs ? 'met' : 'NOT met'} (median).`,
  );
}

function writeResults(name: string, figures: Record<string, unknown>): void {
  mkdirSync('bench/results', { recursive: true });
  const out = `bench/results/${name}.json`;
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...figures }, null, 2)}\n`,
  );
  console.log(`Written to ${out}.`);
}

await main();
