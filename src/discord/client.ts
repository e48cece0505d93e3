import { Client, GatewayIntentBits, Options } from 'discord.js';

/**
 * The discord.js client: the Guilds intent only (slash commands need no privileged intent),
 * no message caching (the bot never reads messages), and no mentions parsed by default.
 */
export function createClient(apiUrl: string, requestsPerSecond = 50): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
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
