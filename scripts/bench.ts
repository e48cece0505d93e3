/**
 * `npm run bench`: interaction latency, from INTERACTION_CREATE sent by the emulator to the
 * callback request received, for a bare discord.js client that answers "pong" (the floor), the
 * bot with the seed content, and the bot with 10,000 generated articles, in one run on one emulator.
 * Prints p50/p99 and the ratios to the floor, and writes them to bench/results/latency.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DiscordEmulator, IDS } from '../test/emulator/emulator.js';
import { BotProcess } from '../test/helpers/bot-process.js';
import { runEntry } from '../test/helpers/run-bot.js';

const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 2000);
const WARMUP = 300;
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
  /** p99 per command, to see where a tail comes from. */
  p99ByCommand: Record<string, number>;
}

async function measure(
  emulator: DiscordEmulator,
  name: string,
  bot: BotProcess,
  steps: Step[],
  startedAt: number,
): Promise<Figures> {
  await bot.waitForLog(/connected to Discord/, 300_000);
  await emulator.waitForSession();
  const startupMs = performance.now() - startedAt;
  const latencies: number[] = [];
  const byCommand = new Map<string, number[]>();
  for (let i = 0; i < WARMUP + INTERACTIONS; i++) {
    const [command, options] = steps[i % steps.length] ?? ['help', {}];
    const handle = emulator.chatInput(command, options);
    const response = await handle.response(15_000);
    if (i < WARMUP) continue;
    const latency = response.receivedHr - handle.dispatchedHr;
    latencies.push(latency);
    byCommand.set(command, [...(byCommand.get(command) ?? []), latency]);
  }
  const p99ByCommand = Object.fromEntries(
    [...byCommand].map(([command, values]) => [
      command,
      percentile(
        values.sort((a, b) => a - b),
        99,
      ),
    ]),
  );
  await bot.stop();
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
  return {
    name,
    interactions: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean,
    startupMs,
    p99ByCommand,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const generatedDir = join(dir, 'generated');
  mkdirSync(generatedDir);
  console.log(`Generating ${GENERATED} articles…`);
  const slugs = generateArticles(generatedDir, GENERATED);
  const emulator = await new DiscordEmulator().start();
  const env = (contentDir: string, store: string) => ({
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: IDS.guild,
    CONTENT_DIR: contentDir,
    STORE_URL: `sqlite://${join(dir, store)}`,
    SITE_URL: 'https://blog.example',
    LOG_LEVEL: 'info',
  });
  const seedEnv = env(resolve('content'), 'seed.sqlite');
  const deployed = await runEntry('deploy-commands', seedEnv);
  if (deployed.code !== 0) throw new Error(deployed.stderr);

  const mix = (article: () => string): Step[] => [
    ['tips', {}],
    ['tip', {}],
    ['articles', { tag: 'engineering leadership' }],
    ['skills', { article: article() }],
    ['motivations', {}],
    ['tips', { article: article(), private: true }],
    ['help', {}],
  ];
  let n = 0;
  const results: Figures[] = [];
  const run = async (name: string, bot: () => BotProcess, steps: Step[]) => {
    const startedAt = performance.now();
    console.log(`Measuring ${name}: ${WARMUP} warm-up + ${INTERACTIONS} interactions…`);
    results.push(await measure(emulator, name, bot(), steps, startedAt));
  };
  await run(
    'floor (bare discord.js, "pong")',
    () => new BotProcess(seedEnv, process.cwd(), ['--import', 'tsx', 'scripts/pong-bot.ts']),
    mix(() => 'x'),
  );
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
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });

  const floor = results[0];
  if (floor === undefined) throw new Error('no floor');
  const rows = results.map((r) => ({ ...r, p50Ratio: r.p50 / floor.p50, p99Ratio: r.p99 / floor.p99 }));
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
    })),
  );
  const large = rows[2];
  const met = large !== undefined && large.p50Ratio <= TARGET.p50 && large.p99Ratio <= TARGET.p99;
  for (const r of rows)
    console.log(
      `${r.name}: p99 by command ${JSON.stringify(r.p99ByCommand, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`,
    );
  console.log(
    `Targets with ${GENERATED} articles: p50 ≤ ${TARGET.p50}× and p99 ≤ ${TARGET.p99}× the floor: ${met ? 'met' : 'NOT met'}.`,
  );
  mkdirSync('bench/results', { recursive: true });
  const out = 'bench/results/latency.json';
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, targets: TARGET, met, runs: rows }, null, 2)}\n`,
  );
  console.log(`Written to ${out}.`);
}

await main();
