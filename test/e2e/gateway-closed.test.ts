import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, assert, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess } from '../../emulator/bot-process.js';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { PROJECT_ROOT, START_FLAGS } from '../../emulator/run-bot.js';
import { botEnv, startBot, startEmulator, workspace } from './harness.js';
import { until } from './wait.js';

// Discord closes the gateway with a code discord.js does not recover from (4004 once the token is
// reset): the shard stays down for good, and the bot lived on, answering nothing. The bots have
// nothing to wait for but their exit: a bot that does not stop fails the test at its timeout.
let emulator: DiscordEmulator;
let space: ReturnType<typeof workspace>;
const running: BotProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  space = workspace();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
});

afterAll(async () => {
  await emulator.stop();
  space.cleanup();
});

/** The processes `pid` started (a sharding manager's shards). */
function childrenOf(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const listed = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
}

/** Whether `pid` runs: a zombie (exited, not reaped by a parent that does not, in a container) does not. */
function runs(pid: number): boolean {
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith('Z');
  } catch {
    return false; // ps exits with 1 when there is no such process
  }
}

/** `npm run start:sharded`, once its shard is connected. */
async function startSharded(): Promise<BotProcess> {
  const manager = new BotProcess(botEnv(emulator, space), space.dir, [
    ...START_FLAGS,
    `${PROJECT_ROOT}dist/src/sharded.js`,
  ]);
  running.push(manager);
  await manager.waitForLog(/connected to Discord/, 60_000);
  return manager;
}

const identifies = (): number => emulator.gatewayEvents.filter((event) => event.op === 2).length;

describe('a gateway closed for good', () => {
  it('GIVEN close code 4004 after the bot is connected THEN it stops with exit code 1, saying to copy the token again', async () => {
    const bot = await startBot(emulator, botEnv(emulator, space), space.dir);
    running.push(bot);
    emulator.closeConnection(4004, 'Authentication failed.');
    expect(await bot.exited).toBe(1);
    const closed = bot.logs.find((line) => /closed the gateway connection for good/.test(line.msg));
    expect(closed).toMatchObject({ level: 50, code: 4004 });
    expect(closed?.msg).toMatch(/DISCORD_TOKEN.*copy the token again/);
  });

  it('GIVEN close code 4004 once logged in, while the servers are still to come THEN it stops with exit code 1 too', async () => {
    // The servers held back: discord.js is logged in (READY) but not ready (it waits for them).
    const gateway = emulator as unknown as { dispatchTo: (...args: unknown[]) => unknown };
    const dispatchTo = gateway.dispatchTo;
    gateway.dispatchTo = function (this: unknown, ...args: unknown[]) {
      return args[1] === 'GUILD_CREATE' ? undefined : dispatchTo.apply(this, args);
    };
    try {
      const bot = new BotProcess(botEnv(emulator, space, { LOG_LEVEL: 'debug' }), space.dir);
      running.push(bot);
      await bot.waitForLog(/logged in to Discord/, 60_000);
      emulator.closeConnection(4004, 'Authentication failed.');
      expect(await bot.exited).toBe(1);
      expect(bot.logs.find((line) => /closed the gateway connection for good/.test(line.msg))).toMatchObject({
        level: 50,
        code: 4004,
      });
    } finally {
      gateway.dispatchTo = dispatchTo;
    }
  });

  it('GIVEN npm run start:sharded and close code 4004 on its shard THEN the shard is not started again: every shard stops and the manager exits 1, saying why', async () => {
    const manager = await startSharded();
    const before = identifies();
    emulator.closeConnection(4004, 'Authentication failed.');
    expect(await manager.exited).toBe(1);
    // The shard's own error says what to do; the manager's, why it stopped.
    const closed = manager.logs.find((line) => /closed the gateway connection for good/.test(line.msg));
    expect(closed).toMatchObject({ level: 50, code: 4004 });
    expect(closed?.msg).toMatch(/copy the token again/);
    expect(manager.logs.find((line) => /stopping every shard/.test(line.msg))).toMatchObject({
      level: 50,
      shard: 0,
      exitCode: 78,
    });
    expect(manager.logs.filter((line) => /starting it again/.test(line.msg))).toEqual([]);
    expect(identifies()).toBe(before);
  });

  it('GIVEN npm run start:sharded whose manager is killed (SIGKILL) THEN its shard stops too, rather than answer beside the next one', async () => {
    const manager = await startSharded();
    const [shard] = childrenOf(manager.pid);
    assert(manager.pid !== undefined && shard !== undefined);
    process.kill(manager.pid, 'SIGKILL');
    await manager.exited;
    // Gone within the time a stop takes (10 s at most), its gateway session closed.
    try {
      await until(() => !runs(shard), 15_000, 'the shard process to stop');
    } finally {
      if (runs(shard)) process.kill(shard, 'SIGKILL');
    }
  });

  it('GIVEN npm run start:sharded and a shard that crashed, whose token Discord then refuses THEN it is started once: every shard stops and the manager exits 1', async () => {
    const manager = await startSharded();
    const token = emulator.replaceToken('a-reset-token.not-the-bots.000000');
    try {
      // The shard's process dies (out of memory, say): the manager starts it again, with the old token.
      for (const pid of childrenOf(manager.pid)) process.kill(pid, 'SIGKILL');
      expect(await manager.exited).toBe(1);
    } finally {
      emulator.replaceToken(token);
    }
    expect(manager.logs.filter((line) => /starting it again/.test(line.msg))).toHaveLength(1);
    expect(manager.logs.find((line) => /stopping every shard/.test(line.msg))).toMatchObject({
      level: 50,
      exitCode: 78,
    });
    expect(manager.stderr).toMatch(/Discord rejected DISCORD_TOKEN/);
  });
});
