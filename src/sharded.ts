import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { Routes, ShardingManager, type Shard } from 'discord.js';
import type { RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { createLogger } from './adapters/logger.js';
import { isRedisUrl, loadConfig, settingsFromEnvironment } from './config.js';
import { createRest } from './discord/client.js';
import { CLOSED_FOR_GOOD_EXIT_CODE } from './gateway-closed.js';

/** Discord lets a bot start one session per 5 seconds in each of its `max_concurrency` buckets. */
const IDENTIFY_WINDOW_MS = 5500;
/** A shard's process that is not ready in this time counts as failed to start. */
const READY_TIMEOUT_MS = 120_000;
/** How long the shards' processes have to stop on SIGTERM (each exits within 10 s of its own). */
const STOP_TIMEOUT_MS = 15_000;

/**
 * `npm run start:sharded`: every shard on this machine, each in a process of its own (discord.js's
 * ShardingManager): as many as Discord recommends (`GET /gateway/bot`), or SHARD_COUNT, of which
 * SHARD_IDS if set. A process that dies is started again, but for one Discord closed for good, which
 * stops them all with exit code 1; SIGTERM stops them all.
 */
async function main(): Promise<number> {
  const config = settingsFromEnvironment(loadConfig, 'The sharded bot');
  if (config === undefined) return 1;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  const rest = createRest(config.apiUrl, config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const total = config.shards?.count ?? gateway.shards;
  const ids = config.shards?.ids ?? Array.from({ length: total }, (_, id) => id);
  // The processes are told their shards by the manager (SHARDS), not the ids given to this one; and
  // Discord's global limit is the bot's: on Redis the processes' workers share one limiter at it,
  // otherwise each process gets its share of it.
  delete process.env.SHARD_IDS;
  if (!isRedisUrl(config.storeUrl))
    process.env.DISCORD_REQUESTS_PER_SECOND = String(
      Math.max(1, Math.floor(config.requestsPerSecond / ids.length)),
    );

  const manager = new ShardingManager(fileURLToPath(new URL('./index.js', import.meta.url)), {
    totalShards: total,
    shardList: ids,
    token: config.token,
    mode: 'process',
    // Node's flags from `npm run start:sharded` (the heap's, see package.json) for every shard too.
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard process started');
    // A shard Discord closed for good would be closed so again (its token reset, more shards needed):
    // every shard stops, as one bot would. Heard before discord.js's own listener, which decides on
    // `manager.respawn` whether to start the process again.
    shard.on('spawn', (child: ChildProcess | Worker) => {
      child.prependOnceListener('exit', (code: number | null) => {
        if (code !== CLOSED_FOR_GOOD_EXIT_CODE || stopping !== undefined) return;
        manager.respawn = false;
        logger.error(
          { shard: shard.id, exitCode: code },
          "Discord closed this shard's gateway connection for good (its error above says why and what to do); stopping every shard",
        );
        setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
        void stop().then(() => {
          logger.flush();
          process.exit(1);
        });
      });
    });
    shard.on('death', () => {
      if (manager.respawn) logger.warn({ shard: shard.id }, 'shard process died; starting it again');
    });
    // A process started again that fails to become ready: said, and tried again at its next death.
    shard.on('error', (err: unknown) => logger.error({ err, shard: shard.id }, 'shard process failed'));
  });

  let stopping: Promise<void> | undefined;
  const running = (): ChildProcess[] =>
    manager.shards
      .map((shard) => shard.process)
      .filter(
        (child): child is ChildProcess =>
          child !== null && child.exitCode === null && child.signalCode === null,
      );
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      manager.respawn = false;
      // Until none is left: the first start may start one more shard meanwhile (its loop goes on).
      for (let children = running(); children.length > 0; children = running())
        await Promise.all(
          children.map(
            (child) =>
              new Promise<void>((resolve) => {
                child.once('exit', () => resolve());
                child.kill('SIGTERM');
              }),
          ),
        );
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      logger.info({ signal }, 'stopping every shard');
      setTimeout(() => process.exit(0), STOP_TIMEOUT_MS).unref();
      // The manager keeps handles of its own open: done once every shard's process has exited.
      void stop().then(() => {
        logger.flush();
        process.exit(0);
      });
    });

  logger.info({ shards: ids, of: total, recommended: gateway.shards }, 'starting shards');
  try {
    await manager.spawn({
      amount: total,
      delay: Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, gateway.session_start_limit.max_concurrency)),
      timeout: READY_TIMEOUT_MS,
    });
  } catch (error) {
    // None left running: a start after this one must not find its shards taken.
    await stop();
    throw error;
  }
  return 0;
}

const exitCode = await main().catch((error: unknown) => {
  console.error(`Could not start the shards: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
if (exitCode !== 0) process.exit(exitCode);
