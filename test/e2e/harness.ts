import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordEmulator, IDS, type EmulatorOptions } from '../../emulator/emulator.js';
import { specValidator } from '../../emulator/spec-validator.js';
import { BotProcess } from '../../emulator/bot-process.js';
import { CONTENT_DIR } from '../helpers/paths.js';
import { runEntry } from '../../emulator/run-bot.js';
import { createLogger } from '../../src/adapters/logger.js';
import { openStores, type Stores } from '../../src/adapters/store.js';

export const SITE_URL = 'https://blog.example';

/** A temporary folder with a copy of content/ (plus `extraArticles`) and room for the store. */
export function workspace(extraArticles: Record<string, string> = {}): {
  dir: string;
  contentDir: string;
  storeUrl: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const contentDir = join(dir, 'content');
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  for (const [name, text] of Object.entries(extraArticles)) writeFileSync(join(contentDir, name), text);
  return {
    dir,
    contentDir,
    storeUrl: `sqlite://${join(dir, 'data', 'bot.sqlite')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  return new DiscordEmulator({ validator: specValidator(), ...options }).start();
}

export function botEnv(
  emulator: DiscordEmulator,
  space: { contentDir: string; storeUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: IDS.guild,
    CONTENT_DIR: space.contentDir,
    STORE_URL: space.storeUrl,
    SITE_URL,
    ...extra,
  };
}

/** Registers the commands through `npm run deploy-commands`'s entry point. */
export async function deployCommands(
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runEntry('deploy-commands', env, cwd);
}

/**
 * Registers the commands in the test server (DISCORD_GUILD_ID) and globally, for the other servers
 * of the emulator, as a bot serving several servers has them.
 */
export async function deployInServerAndGlobally(env: Record<string, string>, cwd: string): Promise<void> {
  for (const guild of [IDS.guild, '']) {
    const deployed = await deployCommands({ ...env, DISCORD_GUILD_ID: guild }, cwd);
    if (deployed.code !== 0) throw new Error(deployed.stderr);
  }
}

/** Runs `task` on the schedules of the bot's store in `space`, as the bot keeps them; closed after. */
export async function withSchedules<T>(
  space: { storeUrl: string; dir: string },
  task: (schedules: Stores['schedules']) => Promise<T>,
): Promise<T> {
  const stores = await openStores(space.storeUrl, createLogger({ level: 'silent' }), space.dir);
  try {
    return await task(stores.schedules);
  } finally {
    await stores.close();
  }
}

/**
 * Starts the bot and waits until discord.js is ready: within `readyMs`, longer for a start that waits
 * on Discord by design.
 */
export async function startBot(
  emulator: DiscordEmulator,
  env: Record<string, string>,
  cwd: string,
  readyMs?: number,
): Promise<BotProcess> {
  const bot = new BotProcess(env, cwd);
  try {
    await bot.waitForLog(/connected to Discord/, readyMs);
    await emulator.waitForSession();
  } catch (err) {
    // Its test never gets it to stop: a bot left running would outlive the suite.
    await bot.kill();
    throw err;
  }
  return bot;
}

export interface Stack {
  emulator: DiscordEmulator;
  space: ReturnType<typeof workspace>;
  env: Record<string, string>;
  bot: BotProcess;
  /** What `deploy-commands` printed. */
  deployOutput: string;
  stop(): Promise<void>;
}

/** An emulator, a workspace, the commands deployed and the bot running: what most end-to-end files need. */
export async function startStack(
  options: { emulator?: EmulatorOptions; articles?: Record<string, string> } = {},
): Promise<Stack> {
  const emulator = await startEmulator(options.emulator);
  const space = workspace(options.articles);
  const env = botEnv(emulator, space);
  const deployed = await deployCommands(env, space.dir);
  const deployOutput = deployed.stdout + deployed.stderr;
  if (deployed.code !== 0) throw new Error(`deploy-commands failed: ${deployOutput}`);
  const stack: Stack = {
    emulator,
    space,
    env,
    bot: await startBot(emulator, env, space.dir),
    deployOutput,
    async stop() {
      await stack.bot.stop();
      await emulator.stop();
      space.cleanup();
    },
  };
  return stack;
}
