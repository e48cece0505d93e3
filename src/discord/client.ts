import { Client, GatewayIntentBits, Options, REST } from 'discord.js';

/**
 * The discord.js client: the Guilds intent only (slash commands need no privileged intent),
 * no message caching (the bot never reads messages), and no mentions parsed by default.
 */
export function createClient(
  apiUrl: string,
  requestsPerSecond = 50,
  shards?: { readonly count: number; readonly ids: readonly number[] | undefined },
): Client {
  // discord.js reads these itself whenever they are set (a ShardingManager's children have them):
  // set empty (a compose file's `SHARD_COUNT=`), they are unset, as for the configuration, not 0.
  for (const name of ['SHARD_COUNT', 'SHARDS'])
    if (process.env[name]?.trim() === '') Reflect.deleteProperty(process.env, name);
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Without ids, discord.js takes those ShardingManager gives (SHARDS), or else every shard of count.
    ...(shards === undefined ? {} : { shardCount: shards.count }),
    ...(shards?.ids === undefined ? {} : { shards: [...shards.ids] }),
    allowedMentions: { parse: [], repliedUser: false },
    // discord.js spaces requests to stay under the global limit, so fan-outs provoke no 429s.
    rest: { api: apiUrl, globalRequestsPerSecond: requestsPerSecond },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
    }),
  });
}

/**
 * A REST client for scheduled posts, apart from the client's: it sends each request once (no retry
 * on 5xx, a timeout or a 429, and no waiting out a rate limit), so that one paced post is one
 * request at Discord. The scheduler retries a failed slot itself, later, with the same nonce.
 */
export function createPosterRest(apiUrl: string, token: string, requestsPerSecond = 50): REST {
  return new REST({
    api: apiUrl,
    retries: 0,
    rejectOnRateLimit: () => true,
    globalRequestsPerSecond: requestsPerSecond,
  }).setToken(token);
}
