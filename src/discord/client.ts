import {
  Client,
  DefaultRestOptions,
  GatewayDispatchEvents,
  GatewayIntentBits,
  Options,
  REST,
  type RateLimitData,
  type ResponseLike,
} from 'discord.js';

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
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Without ids, discord.js takes those ShardingManager gives (SHARDS), or else every shard of count.
    ...(shards === undefined ? {} : { shardCount: shards.count }),
    ...(shards?.ids === undefined ? {} : { shards: [...shards.ids] }),
    allowedMentions: { parse: [], repliedUser: false },
    // discord.js spaces requests to stay under the global limit, so fan-outs provoke no 429s.
    rest: {
      api: apiUrl,
      globalRequestsPerSecond: requestsPerSecond,
      makeRequest: readableAnswers,
      rejectOnRateLimit: tooLateToAnswer,
    },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
    }),
  });
  // Heard before discord.js builds the interaction from the same object: its own handling comes after.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, completeInteraction);
  return client;
}

/** The longest wait for a rate limit before an interaction's first answer: Discord takes it within 3 s. */
const ANSWER_WAIT_MS = 2000;

/**
 * Whether a rate limit's wait would send an interaction's first answer after Discord's 3 s, when it
 * refuses it (Unknown interaction): then the answer is given up (the router says nothing more), as
 * a later one is only another refused request. Other requests wait, as discord.js makes them.
 */
export function tooLateToAnswer({ route, retryAfter }: RateLimitData): boolean {
  return route === '/interactions/:id/:token/callback' && retryAfter > ANSWER_WAIT_MS;
}

/**
 * Fills in what discord.js 14 reads from every interaction without checking, where a payload from
 * before Discord added it (or from a stand-in for Discord) leaves it out: without `entitlements` or
 * `authorizing_integration_owners` discord.js threw, and the interaction went unanswered. A
 * `channel_id` without the `channel` object (both optional) left `channelId` null, which /tip keys
 * its last tip by.
 */
function completeInteraction(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.entitlements)) d.entitlements = [];
  if (typeof d.authorizing_integration_owners !== 'object' || d.authorizing_integration_owners === null)
    d.authorizing_integration_owners = {};
  if (d.channel == null && typeof d.channel_id === 'string') d.channel = { id: d.channel_id };
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
    makeRequest: readableAnswers,
  }).setToken(token);
}

/**
 * A plain REST client (deploy-commands, the sharding manager's gateway look-up), reading Discord's
 * answers as the bot's own clients do (see readableAnswers).
 */
export function createRest(apiUrl: string, token: string): REST {
  return new REST({ api: apiUrl, makeRequest: readableAnswers }).setToken(token);
}

/** The wait assumed for a 429 that names none: discord.js would send the request again at once. */
const UNSAID_WAIT_SECONDS = 1;

/**
 * Discord's answers, made readable to discord.js where a server in front of Discord (a proxy, or a
 * stand-in for it) words them otherwise: see `withRetryAfter`, `withoutContentType` and `typedIfJson`.
 */
async function readableAnswers(
  url: string,
  init: Parameters<typeof DefaultRestOptions.makeRequest>[1],
): Promise<ResponseLike> {
  const response = await DefaultRestOptions.makeRequest(url, init);
  if (response.status === 429 && !isSeconds(response.headers.get('retry-after')))
    return await withRetryAfter(response);
  if (response.status === 204 && response.headers.has('content-type'))
    return await withoutContentType(response);
  if (!NO_BODY.has(response.status) && !isJson(response)) return await typedIfJson(response);
  return response;
}

/** Statuses whose answer has no body: one cannot be made with one (a Response throws). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/** Whether a Retry-After says seconds, as discord.js reads it (an HTTP date, which RFC 9110 allows, it reads as NaN). */
const isSeconds = (value: string | null): boolean =>
  value !== null && value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= 0;

const isJson = (response: ResponseLike): boolean =>
  response.headers.get('content-type')?.startsWith('application/json') === true;

/**
 * discord.js reads a 429's wait only from its Retry-After header, as seconds; a 429 that says it only
 * in its JSON body (`retry_after`), as an HTTP date (which RFC 9110 allows), or nowhere, was sent
 * again at once, and again, for as long as the limit lasted. Such an answer gets the seconds its body
 * names (or those to its date, or one), and X-RateLimit-Global when the body says `global`.
 */
async function withRetryAfter(response: ResponseLike): Promise<ResponseLike> {
  const text = await response.text();
  let said: { retry_after?: unknown; global?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) said = parsed;
  } catch {
    // A page from a proxy: no wait said.
  }
  // An HTTP date in Retry-After: the seconds until then.
  const until = Date.parse(response.headers.get('retry-after') ?? '');
  const seconds =
    typeof said.retry_after === 'number' && Number.isFinite(said.retry_after) && said.retry_after >= 0
      ? said.retry_after
      : Number.isFinite(until)
        ? Math.max(0, Math.ceil((until - Date.now()) / 1000))
        : UNSAID_WAIT_SECONDS;
  const headers = new Headers([...response.headers.entries()]);
  headers.set('retry-after', String(seconds));
  if (said.global === true) headers.set('x-ratelimit-global', 'true');
  return new Response(text, { status: 429, statusText: response.statusText, headers });
}

/**
 * discord.js parses any answer typed JSON: a 204 No Content typed so (as some servers send it) threw
 * on its empty body, so an interaction answered was taken for one that failed, and answered again
 * (a 400, one more invalid request). Its type is dropped: there is nothing to read.
 */
async function withoutContentType(response: ResponseLike): Promise<ResponseLike> {
  await response.arrayBuffer();
  const headers = new Headers([...response.headers.entries()]);
  headers.delete('content-type');
  return new Response(null, { status: 204, statusText: response.statusText, headers });
}

/**
 * discord.js reads a body as JSON only when it is typed so: a Discord error sent as text
 * (`{"code": 10003, …}` as text/plain) lost its code, so a deleted channel or a missing permission
 * was taken for a passing failure, and a schedule retried forever instead of pausing with why; an
 * answer sent so (the gateway's address at login, a posted message) came back as bytes. Such a body
 * is typed JSON; any other (a proxy's page) is left as it is.
 */
async function typedIfJson(response: ResponseLike): Promise<ResponseLike> {
  const text = await response.text();
  const headers = new Headers([...response.headers.entries()]);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) headers.set('content-type', 'application/json');
  } catch {
    // Not JSON: discord.js makes an error without a code of it, as before.
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}
