/**
 * The exit code of a shard's process whose gateway connection Discord closed for good, when it runs
 * under `npm run start:sharded`: EX_CONFIG (sysexits.h), as only a change of settings helps. The
 * manager stops every shard on it, where it would start the process again at once, forever.
 */
export const CLOSED_FOR_GOOD_EXIT_CODE = 78;

/**
 * What to do, by close code: the codes discord.js does not recover from. “Bot” in quotes: the log takes
 * the word after `Bot ` for a token and hides it.
 */
const ADVICE: Readonly<Record<number, string | { alone: string; sharded: string }>> = {
  4004: 'DISCORD_TOKEN is no longer valid (reset or revoked): copy the token again from the Developer Portal (the “Bot” page of your application)',
  4010: 'Discord refused the shard: check SHARD_COUNT and SHARD_IDS',
  4011: {
    alone:
      'Discord now requires more shards (one per 2,500 servers): set SHARD_COUNT, or run npm run start:sharded, which takes the count Discord recommends',
    sharded:
      'Discord now requires more shards (one per 2,500 servers): start npm run start:sharded again, which takes the count Discord recommends as it starts (or raise SHARD_COUNT, if you set it)',
  },
  4012: 'this discord.js speaks a gateway version Discord no longer accepts: update discord.js (npm update discord.js and npm run build) and start the bot again',
  4013: 'the intents the bot asks for are refused: check them in the Developer Portal (the “Bot” page of your application)',
  4014: 'the intents the bot asks for are refused: check them in the Developer Portal (the “Bot” page of your application)',
};

/** The error a shard closed for good logs; `sharded`: under `npm run start:sharded`. */
export function gatewayClosedForGood(code: number, sharded: boolean): string {
  const advice = ADVICE[code] ?? 'restart the bot';
  const what = typeof advice === 'string' ? advice : sharded ? advice.sharded : advice.alone;
  return `Discord closed the gateway connection for good (close code ${code}); stopping: ${what}.`;
}
