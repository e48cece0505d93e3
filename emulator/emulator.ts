import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ChannelType,
  GatewayOpcodes,
  InteractionType,
  MessageFlags,
  OverwriteType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIApplicationCommandPermission,
  type APIGuildApplicationCommandPermissions,
  type APIMessage,
  type APIOverwrite,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { choiceProblems, messageProblems, type MessageBody } from './limits.js';
import { snowflake } from './snowflake.js';
import type { SpecValidator } from './spec-validator.js';

/** One request the bot made, as the emulator received and answered it. */
export interface RecordedRequest {
  readonly method: string;
  /** Decoded, without `/api/v10` (e.g. `/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorized: boolean;
  status: number;
  readonly at: number;
  /** performance.now() when the request line arrived, for latency figures. */
  readonly receivedHr: number;
}

/** A scripted failure: the next `times` requests matching method and path get this answer. */
export interface FailureRule {
  method?: string;
  path: RegExp;
  status: 400 | 403 | 404 | 405 | 429 | 500 | 501 | 502 | 503;
  times?: number;
  /** For 429: seconds to wait; `global` adds X-RateLimit-Global. */
  retryAfter?: number;
  global?: boolean;
  /**
   * For 429: where the wait is said. Discord says it in both; a proxy or another fake may put it only
   * in the JSON body (no Retry-After header) or only in the header (a body that is not JSON).
   */
  retryAfterIn?: 'both' | 'body' | 'headers' | 'date';
  /** A body that is not JSON, sent as text/html, as a proxy in front of Discord answers (a 502 page). */
  html?: string;
  /**
   * For 400, 403 and 404: Discord's error code (200000 blocked by AutoMod, 50001 Missing Access, 50013
   * Missing Permissions, 10003…).
   */
  code?: number;
  /** For 403 and 404: the JSON error sent as text/plain, as a fake that forgets its type may. */
  untyped?: boolean;
  /**
   * Answers every matching request for this long from the first one, instead of `times` of them:
   * a limit that lasts, as Discord's does, so that a client which does not wait meets it again.
   */
  lastsMs?: number;
  /** Set at the first match of a rule with `lastsMs`. */
  until?: number;
}

export interface ChannelSpec {
  id: string;
  name: string;
  type: ChannelType;
  /** Permissions denied to the bot in this channel (a permission overwrite), as a bit set. */
  botDeny?: bigint;
  /**
   * Permissions denied to @everyone in this channel (a staff channel, say), as a bit set; the bot's
   * own are kept by an overwrite allowing them (the emulator's checks read only `botDeny`).
   */
  everyoneDeny?: bigint;
}

/** What the bot's role grants: View Channel, Send Messages, Embed Links, Read Message History. */
export const BOT_ROLE_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n);
const botRoleId = (guildId: string) => String(BigInt(guildId) + 1000n);
export interface GuildSpec {
  id: string;
  name: string;
  channels: ChannelSpec[];
  /** Leave the bot's own member out of GUILD_CREATE (Discord may); it is then fetched over REST. */
  omitBotMember?: boolean;
  /**
   * What a minimal fake may send and Discord does not, within the API description: GUILD_CREATE
   * without the @everyone role, or without `channels` (fetched over REST then), or no GUILD_CREATE
   * at all (the server only listed unavailable in READY).
   */
  omitEveryoneRole?: boolean;
  omitChannels?: boolean;
  neverCreated?: boolean;
}

export interface EmulatorOptions {
  /** The token the bot must present; any other gets 401 / close 4004. */
  token?: string;
  guilds?: GuildSpec[];
  heartbeatIntervalMs?: number;
  /** Checks every request body against Discord's OpenAPI description. */
  validator?: SpecValidator;
  /** Requests per second allowed outside interaction routes, like Discord's global limit. */
  globalLimitPerSecond?: number;
  /** Close every IDENTIFY with 4004, as when a token is reset between the REST call and the gateway. */
  rejectIdentify?: boolean;
  /** `shards` in `GET /gateway/bot`: the shard count Discord recommends. Default `requireShards`, else 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`: IDENTIFYs allowed per 5 s window (discord.js throttles by it). Default 1. */
  maxConcurrency?: number;
  /**
   * The rest of `session_start_limit`: defaults total 1000, remaining 999, resetAfter 0 (ms).
   * `remaining` goes down by one with every session an IDENTIFY starts (never below 0).
   */
  sessionStartLimit?: { total?: number; remaining?: number; resetAfter?: number };
  /** Close an IDENTIFY whose `num_shards` is below this with 4011 Sharding required, as for a bot in too many guilds. */
  requireShards?: number;
  /** Send `content-type: application/json` with 204 No Content too, as some servers (and fakes) do. */
  jsonTypeOnNoContent?: boolean;
}

/** `(guild_id >> 22) % num_shards`: the shard whose session receives a guild's events. */
export function shardIdFor(guildId: string, numShards: number): number {
  if (numShards === 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(numShards));
}

interface Session {
  id: string;
  seq: number;
  /** Dispatches sent in this session, for replay on RESUME. */
  backlog: { s: number; t: string; d: unknown }[];
  socket: WebSocket | undefined;
  /** `shard` of the IDENTIFY that started it ([0, 1] when absent). */
  shardId: number;
  numShards: number;
  startedAt: number;
  heartbeats: number;
}

/** A gateway session as a test sees it (`sessionsByShard`). */
export interface ShardSessionInfo {
  readonly sessionId: string;
  /** `[shard_id, num_shards]` as the IDENTIFY gave it. */
  readonly shard: readonly [number, number];
  /** Sequence number of the last dispatch sent in this session. */
  readonly seq: number;
  /** Whether a socket is attached now (false between a disconnect and a RESUME). */
  readonly connected: boolean;
  /** Heartbeats (op 1) received on this session's sockets. */
  readonly heartbeats: number;
  /** Guild ids this session owns: `shardIdFor(id, num_shards) === shard_id`. */
  readonly guildIds: readonly string[];
}

/** One dispatch (op 0) the emulator sent, and which session got it. */
export interface RecordedDispatch {
  readonly t: string;
  readonly s: number;
  readonly shardId: number;
  readonly sessionId: string;
  /** The guild the event was routed by; undefined for READY/RESUMED and guild-less events (shard 0). */
  readonly guildId: string | undefined;
  readonly at: number;
}

/** A gateway connection the emulator closed, with the code it used. */
export interface GatewayClose {
  readonly code: number;
  readonly reason: string;
  /** The IDENTIFY's `shard` when the close answered one, else undefined. */
  readonly shard: unknown;
  readonly at: number;
}

interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The callback's request, once it came. */
  original?: APIMessage;
  messageId?: string;
}

export const IDS = {
  application: '1100000000000000001',
  guild: '1100000000000000002',
  channel: '1100000000000000003',
  user: '1100000000000000004',
  voiceChannel: '1100000000000000005',
  admin: '1100000000000000006',
} as const;

const ALL_PERMISSIONS = '2248473465835073';
const ADMINISTRATOR = 1n << 3n;
/** What @everyone may in the emulator's servers: View Channel, Send Messages, Read Message History. */
const EVERYONE_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);

/**
 * A channel's permission overwrites, as GUILD_CREATE and GET /channels/{id} send them: what it denies
 * @everyone, and the bot's own (which allows back what @everyone lost but the bot is not denied).
 */
function overwritesOf(guild: GuildSpec, c: ChannelSpec): APIOverwrite[] {
  return [
    ...(c.everyoneDeny === undefined
      ? []
      : [{ id: guild.id, type: OverwriteType.Role, allow: '0', deny: String(c.everyoneDeny) }]),
    ...(c.botDeny === undefined && c.everyoneDeny === undefined
      ? []
      : [
          {
            id: IDS.application,
            type: OverwriteType.Member,
            allow: String((c.everyoneDeny ?? 0n) & ~(c.botDeny ?? 0n)),
            deny: String(c.botDeny ?? 0n),
          },
        ]),
  ];
}
/** A server admin's: everything a member has, plus Administrator and Manage Server. */
export const ADMIN_PERMISSIONS = String(BigInt(ALL_PERMISSIONS) | (1n << 3n) | (1n << 5n));
const INTERACTION_ROUTE = /^\/(interactions|webhooks)\//;
/** Discord's messages for the error codes a scripted failure may carry. */
const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10008: 'Unknown Message',
  40033: 'This message has already been crossposted.',
  50024: 'Cannot execute action on this channel type',
  10062: 'Unknown interaction',
  200000: 'Message was blocked by automatic moderation',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
};

/**
 * A small Discord: REST on node:http and a gateway on `ws`, on one port of 127.0.0.1, enough for
 * the real discord.js client to log in, receive interactions and answer them. Every body the bot
 * sends is checked against Discord's API description and limits; problems land in `violations`.
 */
export class DiscordEmulator extends EventEmitter {
  /** The token the bot must present (see replaceToken). */
  token: string;
  readonly requests: RecordedRequest[] = [];
  /** Everything the bot sent that Discord would reject or that breaks this project's rules. */
  readonly violations: string[] = [];
  readonly commands = {
    global: [] as APIApplicationCommand[],
    guild: new Map<string, APIApplicationCommand[]>(),
  };
  readonly messages = new Map<string, APIMessage[]>();
  readonly guilds: GuildSpec[];
  readonly gatewayEvents: { op: number; t?: string | null }[] = [];
  /** Every dispatch sent, in order, with the shard (session) that got it. */
  readonly dispatches: RecordedDispatch[] = [];
  /** Close codes the emulator sent (4004, 4010, 4011, 4002 …), in order; `closes` has the details. */
  readonly closeCodes: number[] = [];
  readonly closes: GatewayClose[] = [];
  identifyCount = 0;
  resumeCount = 0;
  rateLimitHits = 0;

  private readonly options: EmulatorOptions;
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private port = 0;
  private readonly sessions = new Map<string, Session>();
  /** The session last identified or resumed: what the single-shard helpers act on. */
  private current: Session | undefined;
  /** The latest session per shard id: where that shard's guild events go. */
  private readonly byShard = new Map<number, Session>();
  private sessionsStarted = 0;
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly failures: FailureRule[] = [];
  private readonly nonces = new Map<string, APIMessage>();
  /** Servers the bot was removed from (see removeBot), to be invited back. */
  private readonly removedGuilds = new Map<string, GuildSpec>();
  /** Which guild holds a channel, as last found: a fan-out posts to 10,000 guilds' channels. */
  private readonly channelGuilds = new Map<string, GuildSpec>();
  private readonly recent: number[] = [];
  private interactionCounter = 0;
  /** Type every JSON answer `text/plain` from now on, as a server that forgets to set its type does. */
  untypedJson = false;
  /** Heartbeats left to leave unacknowledged (`missHeartbeatAcks`). */
  private acksToMiss = 0;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.options = options;
    this.token = options.token ?? 'emulator-token.not-a-real-token.000000';
    this.guilds = options.guilds ?? [
      {
        id: IDS.guild,
        name: 'Engineers',
        channels: [
          { id: IDS.channel, name: 'general', type: ChannelType.GuildText },
          { id: IDS.voiceChannel, name: 'voice', type: ChannelType.GuildVoice },
        ],
      },
    ];
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handleHttp(req, res);
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss?.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (this.server === undefined) resolve();
      else this.server.close(() => resolve());
    });
  }

  // ---------------------------------------------------------------- test API

  /** The next matching request, from the log or when it arrives. */
  waitForRequest(
    match: (request: RecordedRequest) => boolean,
    timeoutMs = 10_000,
    after = 0,
  ): Promise<RecordedRequest> {
    const found = this.requests.slice(after).find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRequest = (request: RecordedRequest): void => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.off('request', onRequest);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.off('request', onRequest);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n${this.describeRequests()}`));
      }, timeoutMs);
      this.on('request', onRequest);
    });
  }

  /** Resolves once the gateway has a ready session (READY and GUILD_CREATE sent). */
  async waitForSession(timeoutMs = 15_000): Promise<void> {
    if (this.current?.socket !== undefined) return;
    await Promise.race([
      once(this, 'session'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no gateway session')), timeoutMs)),
    ]);
  }

  /**
   * Resolves once `count` shards have a connected session that got READY (and its GUILD_CREATEs),
   * e.g. `waitForShards(2)` for a client with `shards: [0, 1], shardCount: 2`.
   */
  async waitForShards(count: number, timeoutMs = 15_000): Promise<void> {
    const connected = (): number[] =>
      [...this.byShard.values()].filter((s) => s.socket !== undefined).map((s) => s.shardId);
    if (connected().length >= count) return;
    await new Promise<void>((resolve, reject) => {
      const onSession = (): void => {
        if (connected().length < count) return;
        clearTimeout(timer);
        this.off('session', onSession);
        resolve();
      };
      const timer = setTimeout(() => {
        this.off('session', onSession);
        reject(new Error(`only shards [${connected().join(', ')}] of ${count} are connected`));
      }, timeoutMs);
      this.on('session', onSession);
    });
  }

  /** The latest session of each shard id (connected or waiting for a RESUME). */
  get sessionsByShard(): ReadonlyMap<number, ShardSessionInfo> {
    const view = new Map<number, ShardSessionInfo>();
    for (const [shardId, session] of this.byShard) {
      view.set(shardId, {
        sessionId: session.id,
        shard: [session.shardId, session.numShards],
        seq: session.seq,
        connected: session.socket !== undefined,
        heartbeats: session.heartbeats,
        guildIds: this.guildsOfShard(session.shardId, session.numShards).map((g) => g.id),
      });
    }
    return view;
  }

  /** The first close the emulator sent with `code`, or the next one. */
  waitForClose(code: number, timeoutMs = 10_000): Promise<GatewayClose> {
    const found = this.closes.find((c) => c.code === code);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onClose = (close: GatewayClose): void => {
        if (close.code !== code) return;
        clearTimeout(timer);
        this.off('gatewayClose', onClose);
        resolve(close);
      };
      const timer = setTimeout(() => {
        this.off('gatewayClose', onClose);
        reject(new Error(`no close ${code} within ${timeoutMs} ms; closes: [${this.closeCodes.join(', ')}]`));
      }, timeoutMs);
      this.on('gatewayClose', onClose);
    });
  }

  /**
   * Sends a dispatch as Discord would: to the session of the guild's shard (`guildId`, else the
   * payload's `guild_id`, else its `id` for GUILD_* events; no guild → shard 0).
   */
  dispatchEvent(t: string, d: unknown, guildId?: string): RecordedDispatch {
    const record = typeof d === 'object' && d !== null ? (d as { guild_id?: unknown; id?: unknown }) : {};
    const inferred =
      typeof record.guild_id === 'string'
        ? record.guild_id
        : t.startsWith('GUILD_') && typeof record.id === 'string'
          ? record.id
          : undefined;
    return this.dispatch(t, d, guildId ?? inferred);
  }

  describeRequests(): string {
    return this.requests.map((r) => `${r.status} ${r.method} ${r.path}`).join('\n');
  }

  failNext(rule: FailureRule): void {
    this.failures.push({ times: 1, ...rule });
  }

  /**
   * Sends op 7 RECONNECT: the client must reconnect and RESUME. Goes to the session last
   * identified or resumed, or with `shardId` to that shard's.
   */
  requestReconnect(shardId?: number): void {
    this.sessionOf(shardId)?.socket?.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
  }

  /** Sends op 9 INVALID_SESSION. Not resumable: the client must IDENTIFY again. */
  invalidateSession(resumable: boolean, shardId?: number): void {
    const session = this.sessionOf(shardId);
    if (session === undefined) return;
    if (!resumable) this.sessions.delete(session.id);
    session.socket?.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: resumable }));
  }

  /** Closes the gateway connection with `code` (4004 after a token reset, say), as Discord does. */
  closeConnection(code: number, reason: string, shardId?: number): void {
    const session = this.sessionOf(shardId);
    if (session?.socket !== undefined)
      this.close(session.socket, code, reason, [session.shardId, session.numShards]);
  }

  /** Leaves the next `count` heartbeats without their ACK (op 11), as a connection gone quiet would. */
  missHeartbeatAcks(count: number): void {
    this.acksToMiss = count;
  }

  /** Drops the socket without a close frame, as a network failure would. */
  dropConnection(shardId?: number): void {
    this.sessionOf(shardId)?.socket?.terminate();
  }

  private sessionOf(shardId: number | undefined): Session | undefined {
    return shardId === undefined ? this.current : this.byShard.get(shardId);
  }

  /** Deletes a channel: posting there then fails with 10003 Unknown Channel, as on Discord. */
  deleteChannel(channelId: string): void {
    for (const guild of this.guilds) guild.channels = guild.channels.filter((c) => c.id !== channelId);
  }

  /** Messages the bot posted in a channel (not interaction replies). */
  channelPosts(channelId: string): APIMessage[] {
    return (this.messages.get(channelId) ?? []).filter((m) => !('webhook_id' in m));
  }

  /** Ids of the messages published (crossposted) in a channel, in the order they were posted. */
  published(channelId: string): string[] {
    return this.channelPosts(channelId)
      .filter((message) => ((message.flags ?? 0) & MessageFlags.Crossposted) !== 0)
      .map((message) => message.id);
  }

  /** Registered command definition by name: guild ones first, then global. */
  command(name: string, guildId: string = IDS.guild): APIApplicationCommand | undefined {
    return (
      (this.commands.guild.get(guildId) ?? []).find((c) => c.name === name) ??
      this.commands.global.find((c) => c.name === name)
    );
  }

  /**
   * Dispatches a chat-input command as a member would type it, e.g. `('articles', { tag: 'x' })`
   * or `('schedule set', {...})`. Options are checked against the registered definition.
   */
  chatInput(
    commandLine: string,
    values: Record<string, string | number | boolean> = {},
    context: InteractionContext = {},
  ): InteractionHandle {
    return this.dispatchCommand(InteractionType.ApplicationCommand, commandLine, values, undefined, context);
  }

  /** Dispatches an autocomplete request with `focused` as the option being typed. */
  autocomplete(
    commandLine: string,
    focused: string,
    values: Record<string, string | number | boolean>,
    context: InteractionContext = {},
  ): InteractionHandle {
    return this.dispatchCommand(
      InteractionType.ApplicationCommandAutocomplete,
      commandLine,
      values,
      focused,
      context,
    );
  }

  /** Presses a button of a message the bot sent (the message as the emulator stored it). */
  pressButton(message: APIMessage, customId: string, context: InteractionContext = {}): InteractionHandle {
    const exists = JSON.stringify(message.components ?? []).includes(JSON.stringify(customId));
    if (!exists) throw new Error(`message ${message.id} has no button ${customId}`);
    return this.dispatchInteraction(
      InteractionType.MessageComponent,
      { custom_id: customId, component_type: 2 },
      { ...context, channelId: message.channel_id },
      message,
    );
  }

  /**
   * Dispatches an interaction of a kind the bot registers nothing for, as another app's leftovers or
   * a client may send one: a modal submit (`{ custom_id, components }`), a select menu
   * (`{ custom_id, component_type: 3, values }`, on `message`), or a context-menu command
   * (`{ id, name, type: 2 }`).
   */
  unregistered(
    type: InteractionType,
    data: object,
    message?: APIMessage,
    context: InteractionContext = {},
  ): InteractionHandle {
    return this.dispatchInteraction(
      type,
      data,
      message === undefined ? context : { ...context, channelId: message.channel_id },
      message,
    );
  }

  // ---------------------------------------------------------------- interactions

  private dispatchCommand(
    type: InteractionType,
    commandLine: string,
    values: Record<string, string | number | boolean>,
    focused: string | undefined,
    context: InteractionContext,
  ): InteractionHandle {
    const [name = '', ...path] = commandLine.trim().split(/\s+/);
    const command = this.command(name, context.guildId ?? IDS.guild);
    if (command === undefined) throw new Error(`/${name} is not registered (run deploy-commands first)`);
    let definitions: readonly APIApplicationCommandOption[] = command.options ?? [];
    const wrap: { name: string; type: number }[] = [];
    for (const part of path) {
      const sub = definitions.find((option) => option.name === part);
      if (
        sub === undefined ||
        (sub.type !== ApplicationCommandOptionType.Subcommand &&
          sub.type !== ApplicationCommandOptionType.SubcommandGroup)
      ) {
        throw new Error(`/${name} has no subcommand ${part}`);
      }
      wrap.push({ name: sub.name, type: sub.type });
      definitions = 'options' in sub ? (sub.options ?? []) : [];
    }
    const options: Record<string, unknown>[] = Object.entries(values).map(([key, value]) => {
      const definition = definitions.find((option) => option.name === key);
      if (definition === undefined) throw new Error(`/${commandLine} has no option ${key}`);
      return { name: key, type: definition.type, value, ...(key === focused ? { focused: true } : {}) };
    });
    if (type === InteractionType.ApplicationCommand) {
      for (const definition of definitions) {
        if ('required' in definition && definition.required && !(definition.name in values)) {
          throw new Error(`/${commandLine} needs option ${definition.name}`);
        }
      }
    }
    let nested: Record<string, unknown>[] = options;
    for (const level of [...wrap].reverse()) nested = [{ ...level, options: nested }];
    const resolved = this.resolvedFor(options, definitions, context.memberPermissions ?? ALL_PERMISSIONS);
    return this.dispatchInteraction(
      type,
      {
        id: command.id,
        name: command.name,
        type: 1,
        options: nested,
        ...(resolved === undefined ? {} : { resolved }),
        ...(command.guild_id === undefined ? {} : { guild_id: command.guild_id }),
      },
      context,
    );
  }

  /**
   * Channel options need `resolved.channels`, as Discord sends it, with the member's permissions in
   * each channel: @everyone's and `memberPermissions`, less what the channel denies @everyone (the
   * emulator's only overwrite for members), unless an Administrator.
   */
  private resolvedFor(
    options: Record<string, unknown>[],
    definitions: readonly APIApplicationCommandOption[],
    memberPermissions: string,
  ): object | undefined {
    const channels: Record<string, object> = {};
    for (const option of options) {
      const definition = definitions.find((d) => d.name === option.name);
      if (definition?.type !== ApplicationCommandOptionType.Channel) continue;
      const id = String(option.value);
      const found = this.findChannel(id);
      channels[id] = {
        id,
        type: found?.channel.type ?? ChannelType.GuildText,
        name: found?.channel.name ?? 'unknown',
        permissions: String(
          (BigInt(memberPermissions) & ADMINISTRATOR) !== 0n
            ? BigInt(ALL_PERMISSIONS)
            : (EVERYONE_PERMISSIONS | BigInt(memberPermissions)) & ~(found?.channel.everyoneDeny ?? 0n),
        ),
        guild_id: found?.guild.id ?? IDS.guild,
      };
    }
    return Object.keys(channels).length === 0 ? undefined : { channels };
  }

  private dispatchInteraction(
    type: InteractionType,
    data: object,
    context: InteractionContext,
    message?: APIMessage,
  ): InteractionHandle {
    const id = snowflake();
    const token = `itok-${++this.interactionCounter}-${id}`;
    const guildId: string = context.guildId ?? IDS.guild;
    // Discord sends none from a server the bot was removed from (its commands went with it).
    if (this.removedGuilds.has(guildId))
      throw new Error(`the bot was removed from guild ${guildId}: inviteBot first`);
    const channelId = context.channelId ?? IDS.channel;
    const channel = this.guilds.find((g) => g.id === guildId)?.channels.find((c) => c.id === channelId);
    const userId = context.userId ?? IDS.user;
    const permissions = context.memberPermissions ?? ALL_PERMISSIONS;
    const payload = {
      id,
      application_id: IDS.application,
      type,
      token,
      version: 1,
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: {
        id: channelId,
        type: channel?.type ?? ChannelType.GuildText,
        guild_id: guildId,
        name: channel?.name ?? 'general',
        permissions: ALL_PERMISSIONS,
      },
      member: {
        user: {
          id: userId,
          username: `user${userId.slice(-4)}`,
          discriminator: '0',
          global_name: null,
          avatar: null,
        },
        roles: [],
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        permissions,
      },
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      data,
      ...(message === undefined ? {} : { message }),
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      channelId,
      dispatchedAt: Date.now(),
      acknowledged: false,
      ...(message === undefined ? {} : { messageId: message.id }),
    };
    this.interactions.set(id, record);
    const start = this.requests.length;
    const dispatchedHr = performance.now();
    const sent = this.dispatch('INTERACTION_CREATE', context.shape?.(payload) ?? payload, guildId);
    return {
      id,
      token,
      shardId: sent.shardId,
      dispatchedAt: record.dispatchedAt,
      dispatchedHr,
      response: (timeoutMs = 10_000) =>
        this.waitForRequest(
          (r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback` && r.status < 300,
          timeoutMs,
          start,
        ),
      message: () => this.originalMessage(id),
      requests: () => this.requests.filter((r) => r.path.includes(token)),
    };
  }

  /** The message an interaction's reply created (or updated, for buttons). */
  originalMessage(interactionId: string): APIMessage | undefined {
    return this.interactions.get(interactionId)?.original;
  }

  // ---------------------------------------------------------------- gateway

  /** Sends an event to the session of the shard that owns `guildId` (shard 0 without a guild). */
  private dispatch(t: string, d: unknown, guildId: string | undefined): RecordedDispatch {
    const session = this.sessionForGuild(guildId);
    if (session === undefined) {
      const where = guildId === undefined ? 'shard 0' : `guild ${guildId}'s shard`;
      throw new Error(`no gateway session for ${where}: is the bot connected?`);
    }
    return this.dispatchTo(session, t, d, guildId);
  }

  private dispatchTo(session: Session, t: string, d: unknown, guildId: string | undefined): RecordedDispatch {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.backlog.push(event);
    if (session.backlog.length > 1000) session.backlog.shift();
    session.socket?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
    const record: RecordedDispatch = {
      t,
      s: session.seq,
      shardId: session.shardId,
      sessionId: session.id,
      guildId,
      at: Date.now(),
    };
    this.dispatches.push(record);
    return record;
  }

  /**
   * The session owning a guild: of the latest session per shard id, the one for which
   * `shardIdFor(guild, its num_shards)` is its shard id (the newest if several num_shards mix).
   */
  private sessionForGuild(guildId: string | undefined): Session | undefined {
    if (guildId === undefined) return this.byShard.get(0);
    let owner: Session | undefined;
    for (const session of this.byShard.values()) {
      if (shardIdFor(guildId, session.numShards) !== session.shardId) continue;
      if (owner === undefined || session.startedAt >= owner.startedAt) owner = session;
    }
    return owner;
  }

  private guildsOfShard(shardId: number, numShards: number): GuildSpec[] {
    if (numShards === 1) return this.guilds;
    return this.guilds.filter((guild) => shardIdFor(guild.id, numShards) === shardId);
  }

  private close(ws: WebSocket, code: number, reason: string, shard?: unknown): void {
    const record: GatewayClose = { code, reason, shard, at: Date.now() };
    this.closeCodes.push(code);
    this.closes.push(record);
    ws.close(code, reason);
    this.emit('gatewayClose', record);
  }

  private handleSocket(ws: WebSocket): void {
    ws.send(
      JSON.stringify({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 },
        s: null,
        t: null,
      }),
    );
    ws.on('message', (raw: Buffer) => {
      let packet: { op: GatewayOpcodes; d: Record<string, unknown> | number | null };
      try {
        packet = JSON.parse(raw.toString()) as typeof packet;
      } catch {
        this.close(ws, 4002, 'Error while decoding payload.');
        return;
      }
      this.gatewayEvents.push({ op: packet.op });
      const d = typeof packet.d === 'object' && packet.d !== null ? packet.d : {};
      switch (packet.op) {
        case GatewayOpcodes.Heartbeat:
          for (const session of this.sessions.values()) if (session.socket === ws) session.heartbeats++;
          if (this.acksToMiss > 0) this.acksToMiss--;
          else ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          break;
        case GatewayOpcodes.Identify:
          this.identify(ws, d);
          break;
        case GatewayOpcodes.Resume:
          this.resume(ws, d);
          break;
        default:
          break;
      }
    });
    ws.on('close', () => {
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = undefined;
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    this.identifyCount++;
    if (d.token !== this.token || this.options.rejectIdentify === true) {
      this.close(ws, 4004, 'Authentication failed.', d.shard);
      return;
    }
    const shard = d.shard === undefined ? [0, 1] : d.shard;
    const [shardId, numShards] = Array.isArray(shard) ? (shard as unknown[]) : [];
    if (
      !Array.isArray(shard) ||
      shard.length !== 2 ||
      typeof shardId !== 'number' ||
      typeof numShards !== 'number' ||
      !Number.isInteger(shardId) ||
      !Number.isInteger(numShards) ||
      numShards < 1 ||
      shardId < 0 ||
      shardId >= numShards
    ) {
      this.close(ws, 4010, 'Invalid shard.', d.shard);
      return;
    }
    if (numShards < (this.options.requireShards ?? 1)) {
      this.close(ws, 4011, 'Sharding required.', d.shard);
      return;
    }
    this.sessionsStarted++;
    const session: Session = {
      id: `session-${snowflake()}`,
      seq: 0,
      backlog: [],
      socket: ws,
      shardId,
      numShards,
      startedAt: performance.now(),
      heartbeats: 0,
    };
    this.sessions.set(session.id, session);
    this.current = session;
    this.byShard.set(shardId, session);
    const guilds = this.guildsOfShard(shardId, numShards);
    this.dispatchTo(
      session,
      'READY',
      {
        v: 10,
        user: this.botUser(),
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [shardId, numShards],
        application: { id: IDS.application, flags: 0 },
      },
      undefined,
    );
    for (const guild of guilds) {
      if (guild.neverCreated !== true)
        this.dispatchTo(session, 'GUILD_CREATE', this.guildPayload(guild), guild.id);
    }
    this.emit('session', shardId);
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (session === undefined || d.token !== this.token) {
      ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    this.resumeCount++;
    session.socket = ws;
    this.current = session;
    this.byShard.set(session.shardId, session);
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const event of session.backlog.filter((e) => e.s > from))
      ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
    session.seq += 1;
    ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, s: session.seq, t: 'RESUMED', d: {} }));
    this.dispatches.push({
      t: 'RESUMED',
      s: session.seq,
      shardId: session.shardId,
      sessionId: session.id,
      guildId: undefined,
      at: Date.now(),
    });
    this.emit('session', session.shardId);
  }

  private botUser() {
    return {
      id: IDS.application,
      username: 'career-tips',
      discriminator: '0000',
      avatar: null,
      bot: true,
      global_name: null,
      flags: 0,
    };
  }

  private botMember(guildId: string) {
    const until = this.botTimeouts.get(guildId);
    return {
      user: this.botUser(),
      roles: [botRoleId(guildId)],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      ...(until === undefined ? {} : { communication_disabled_until: until }),
    };
  }

  /** Until when the bot is timed out in each server (ISO), as its member says; absent: never was. */
  private readonly botTimeouts = new Map<string, string | null>();

  /**
   * Times the bot out in server `guildId` until `until` (ms), or lifts its timeout (null), as a
   * moderator does: its member says so from now on, and GUILD_MEMBER_UPDATE tells the bot.
   */
  timeOutBot(guildId: string, until: number | null): void {
    this.botTimeouts.set(guildId, until === null ? null : new Date(until).toISOString());
    this.dispatchEvent('GUILD_MEMBER_UPDATE', { guild_id: guildId, ...this.botMember(guildId) }, guildId);
  }

  /** Command permission overrides per server, by command id (the application's id: the whole app). */
  private readonly commandPermissions = new Map<string, Map<string, APIGuildApplicationCommandPermissions>>();

  /**
   * Sets the overrides of command `id` in server `guildId` (`IDS.application`: of the whole app), as
   * an admin does in Server Settings → Integrations; an empty list removes them. Discord then tells
   * the bot with APPLICATION_COMMAND_PERMISSIONS_UPDATE, whatever it has or has not fetched.
   */
  setCommandPermissions(
    guildId: string,
    id: string,
    permissions: APIApplicationCommandPermission[],
    { dispatch = true }: { dispatch?: boolean } = {},
  ): void {
    const entry = { id, application_id: IDS.application, guild_id: guildId, permissions };
    const server =
      this.commandPermissions.get(guildId) ?? new Map<string, APIGuildApplicationCommandPermissions>();
    if (permissions.length === 0) server.delete(id);
    else server.set(id, entry);
    this.commandPermissions.set(guildId, server);
    // Without the event: as a Discord-like server that never sends it, or a missed one.
    if (dispatch) this.dispatchEvent('APPLICATION_COMMAND_PERMISSIONS_UPDATE', entry, guildId);
  }

  /**
   * The token the bot must present from now on (as after a reset in the Developer Portal): the one
   * before gets 401 over REST and 4004 at IDENTIFY. Returns the one before, to put it back.
   */
  replaceToken(next: string): string {
    const before = this.token;
    this.token = next;
    return before;
  }

  /**
   * Removes the bot from server `guildId`, as an admin kicking it does: GUILD_DELETE (without
   * `unavailable`: a removal, not an outage), and the server is left out of later sessions' READY.
   * {@link inviteBot} brings it back.
   */
  removeBot(guildId: string): void {
    const at = this.guilds.findIndex((guild) => guild.id === guildId);
    if (at < 0) throw new Error(`the bot is not in guild ${guildId}`);
    const [guild] = this.guilds.splice(at, 1);
    if (guild !== undefined) this.removedGuilds.set(guildId, guild);
    this.dispatchEvent('GUILD_DELETE', { id: guildId }, guildId);
  }

  /** Adds the bot to server `guildId` again (see {@link removeBot}): GUILD_CREATE, as Discord sends on an invite. */
  inviteBot(guildId: string): void {
    const guild = this.removedGuilds.get(guildId);
    if (guild === undefined) throw new Error(`guild ${guildId} was not removed`);
    this.removedGuilds.delete(guildId);
    this.guilds.push(guild);
    this.dispatchEvent('GUILD_CREATE', this.guildPayload(guild), guildId);
  }

  private guildPayload(guild: GuildSpec) {
    const { channels, roles, ...payload } = this.fullGuildPayload(guild);
    return {
      ...payload,
      roles: guild.omitEveryoneRole === true ? roles.filter((role) => role.id !== guild.id) : roles,
      ...(guild.omitChannels === true ? {} : { channels }),
    };
  }

  private fullGuildPayload(guild: GuildSpec) {
    return {
      id: guild.id,
      name: guild.name,
      unavailable: false,
      owner_id: IDS.admin,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: String(EVERYONE_PERMISSIONS),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: botRoleId(guild.id),
          name: 'Career tips',
          permissions: String(BOT_ROLE_PERMISSIONS),
          position: 1,
          color: 0,
          hoist: false,
          managed: true,
          mentionable: false,
          flags: 0,
        },
      ],
      members: guild.omitBotMember === true ? [] : [this.botMember(guild.id)],
      channels: guild.channels.map((c, position) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        guild_id: guild.id,
        position,
        permission_overwrites: overwritesOf(guild, c),
      })),
      threads: [],
      member_count: 2,
      large: false,
      joined_at: '2025-01-01T00:00:00.000Z',
      preferred_locale: 'en-US',
    };
  }

  // ---------------------------------------------------------------- REST

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const method = req.method ?? 'GET';
    const receivedHr = performance.now();
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        this.violations.push(`${method} ${path}: body is not JSON`);
      }
    }
    const authorized = req.headers.authorization === `Bot ${this.token}`;
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      authorized,
      status: 0,
      at: Date.now(),
      receivedHr,
    };
    this.requests.push(request);
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      request.status = status;
      res.writeHead(status, {
        ...this.rateLimitHeaders(path),
        ...(json === undefined && (status !== 204 || this.options.jsonTypeOnNoContent !== true)
          ? {}
          : { 'content-type': this.untypedJson ? 'text/plain' : 'application/json' }),
        ...headers,
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.emit('request', request);
    };
    try {
      this.checkBody(method, path, url.searchParams, body);
      const failure = this.takeFailure(method, path);
      if (failure !== undefined) {
        if (failure.html !== undefined) {
          request.status = failure.status;
          res.writeHead(failure.status, { 'content-type': 'text/html' });
          res.end(failure.html);
          this.emit('request', request);
        } else if (failure.status === 429) {
          this.rateLimitHits++;
          const retry = String(failure.retryAfter ?? 0.2);
          const where = failure.retryAfterIn ?? 'both';
          const headers = {
            // `date`: an HTTP date, as RFC 9110 allows and some proxies send, with no JSON body.
            'retry-after':
              where === 'date' ? new Date(Date.now() + Number(retry) * 1000).toUTCString() : retry,
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': retry,
            'x-ratelimit-scope': failure.global === true ? 'global' : 'user',
            ...(failure.global === true ? { 'x-ratelimit-global': 'true' } : {}),
          };
          const json = {
            message: 'You are being rate limited.',
            retry_after: Number(retry),
            global: failure.global === true,
          };
          if (where === 'body') {
            // Without these, the rate-limit headers of an ordinary answer would say there is room.
            request.status = 429;
            res.writeHead(429, { 'content-type': this.untypedJson ? 'text/plain' : 'application/json' });
            res.end(JSON.stringify(json));
            this.emit('request', request);
          } else answer(429, where === 'headers' || where === 'date' ? undefined : json, headers);
        } else if (failure.status === 400 || failure.status === 403 || failure.status === 404) {
          const code =
            failure.code ?? (failure.status === 403 ? 50001 : failure.status === 404 ? 10003 : 50035);
          const json = { message: ERROR_MESSAGES[code] ?? 'Error', code };
          if (failure.untyped === true) {
            request.status = failure.status;
            res.writeHead(failure.status, { 'content-type': 'text/plain' });
            res.end(JSON.stringify(json));
            this.emit('request', request);
          } else answer(failure.status, json);
        } else {
          answer(failure.status, { message: 'Server error', code: 0 });
        }
        return;
      }
      if (!INTERACTION_ROUTE.test(path) && this.overGlobalLimit()) {
        this.rateLimitHits++;
        answer(
          429,
          { message: 'You are being rate limited.', retry_after: 1, global: true },
          {
            'retry-after': '1',
            'x-ratelimit-global': 'true',
            'x-ratelimit-scope': 'global',
          },
        );
        return;
      }
      const needsAuth = !INTERACTION_ROUTE.test(path);
      if (needsAuth && !authorized) {
        answer(401, { message: '401: Unauthorized', code: 0 });
        return;
      }
      const [status, json] = this.route(method, path, url.searchParams, body);
      answer(status, json);
    } catch (error) {
      this.violations.push(`${method} ${path}: emulator error ${String(error)}`);
      answer(500, { message: String(error), code: 0 });
    }
  }

  private rateLimitHeaders(path: string): Record<string, string> {
    if (INTERACTION_ROUTE.test(path)) return {};
    return {
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '49',
      'x-ratelimit-reset-after': '1',
      'x-ratelimit-bucket': `bucket-${path.split('/')[1] ?? ''}`,
    };
  }

  private overGlobalLimit(): boolean {
    const limit = this.options.globalLimitPerSecond;
    if (limit === undefined) return false;
    const now = Date.now();
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - 1000) this.recent.shift();
    if (this.recent.length >= limit) return true;
    this.recent.push(now);
    return false;
  }

  private takeFailure(method: string, path: string): FailureRule | undefined {
    const index = this.failures.findIndex(
      (rule) => (rule.method === undefined || rule.method === method) && rule.path.test(path),
    );
    const rule = this.failures[index];
    if (rule === undefined) return undefined;
    if (rule.lastsMs !== undefined) {
      rule.until ??= Date.now() + rule.lastsMs;
      if (Date.now() < rule.until) return rule;
      this.failures.splice(index, 1);
      return this.takeFailure(method, path);
    }
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) this.failures.splice(index, 1);
    return rule;
  }

  /** Schema and limit checks on what the bot sent. */
  private checkBody(method: string, path: string, query: URLSearchParams, body: unknown): void {
    if (method === 'GET' || method === 'DELETE') return;
    const where = `${method} ${path.replace(/\/(itok-[^/]+)/, '/<token>')}`;
    const schemaErrors = this.options.validator?.validate(method, path, body) ?? [];
    for (const error of schemaErrors.slice(0, 5)) this.violations.push(`${where}: ${error}`);
    if (typeof body !== 'object' || body === null) return;
    const record = body as { type?: number; data?: MessageBody & { choices?: { name?: string }[] } };
    if (/^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) {
      if (record.type === 4 || record.type === 7)
        for (const p of messageProblems(record.data ?? {})) this.violations.push(`${where}: ${p}`);
      if (record.type === 8)
        for (const p of choiceProblems(record.data?.choices ?? [])) this.violations.push(`${where}: ${p}`);
      if (record.type !== 8 && query.get('with_response') === null)
        this.violations.push(`${where}: expected with_response in the query`);
    } else if (/^\/webhooks\//.test(path) || /^\/channels\/[^/]+\/messages$/.test(path)) {
      for (const p of messageProblems(body)) this.violations.push(`${where}: ${p}`);
    }
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      const limit = this.options.sessionStartLimit ?? {};
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}`,
          shards: this.options.recommendedShards ?? this.options.requireShards ?? 1,
          session_start_limit: {
            total: limit.total ?? 1000,
            remaining: Math.max(0, (limit.remaining ?? 999) - this.sessionsStarted),
            reset_after: limit.resetAfter ?? 0,
            max_concurrency: this.options.maxConcurrency ?? 1,
          },
        },
      ];
    }
    if (method === 'GET' && path === '/users/@me') return [200, this.botUser()];
    if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      return [
        200,
        {
          id: IDS.application,
          name: 'Career tips',
          description: '',
          icon: null,
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: 'x',
          flags: 0,
          bot: this.botUser(),
        },
      ];
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const [, app, guild] = m;
      if (app !== IDS.application) return [403, { message: 'Missing Access', code: 50001 }];
      if (guild !== undefined && !this.guilds.some((g) => g.id === guild))
        return [403, { message: 'Missing Access', code: 50001 }];
      if (method === 'GET')
        return [200, guild === undefined ? this.commands.global : (this.commands.guild.get(guild) ?? [])];
      if (method === 'PUT') {
        const list = (Array.isArray(body) ? body : []) as Record<string, unknown>[];
        const saved = list.map((c) => ({
          ...c,
          id: snowflake(),
          application_id: IDS.application,
          version: snowflake(),
          type: c.type ?? 1,
          default_member_permissions: c.default_member_permissions ?? null,
          ...(guild === undefined ? {} : { guild_id: guild }),
        })) as unknown as APIApplicationCommand[];
        if (guild === undefined) this.commands.global = saved;
        else this.commands.guild.set(guild, saved);
        return [200, saved];
      }
    }
    if (
      method === 'GET' &&
      (m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands(?:\/(\d+))?\/permissions$/.exec(path))
    ) {
      const [, app, guild = '', command] = m;
      if (app !== IDS.application || !this.guilds.some((g) => g.id === guild))
        return [403, { message: 'Missing Access', code: 50001 }];
      const server =
        this.commandPermissions.get(guild) ?? new Map<string, APIGuildApplicationCommandPermissions>();
      // The list holds only what has overrides; one command (or the app) without any is a 404.
      if (command === undefined) return [200, [...server.values()]];
      const found = server.get(command);
      return found === undefined
        ? [404, { message: 'Unknown application command permissions', code: 10066 }]
        : [200, found];
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      return this.callback(
        m[1] ?? '',
        m[2] ?? '',
        query,
        body as { type: number; data?: MessageBody & { flags?: number } },
      );
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      return this.webhook(method, m[2] ?? '', m[3], body as MessageBody & { flags?: number });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return this.channelMessage(m[1] ?? '', body as MessageBody & { enforce_nonce?: boolean });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/.exec(path))) {
      return this.crosspost(m[1] ?? '', m[2] ?? '');
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
      const found = this.findChannel(m[1] ?? '');
      if (found === undefined) return [404, { message: 'Unknown Channel', code: 10003 }];
      if (((found.channel.botDeny ?? 0n) & (1n << 10n)) !== 0n)
        return [403, { message: 'Missing Access', code: 50001 }];
      const { id, name, type } = found.channel;
      const permission_overwrites = overwritesOf(found.guild, found.channel);
      return [200, { id, name, type, guild_id: found.guild.id, position: 0, permission_overwrites }];
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channel = this.findChannel(m[1] ?? '')?.channel;
      if (channel === undefined) return [404, { message: 'Unknown Channel', code: 10003 }];
      if (((channel.botDeny ?? 0n) & ((1n << 10n) | (1n << 16n))) !== 0n)
        return [403, { message: 'Missing Access', code: 50001 }];
      const after = BigInt(query.get('after') ?? '0');
      const limit = Math.min(100, Number(query.get('limit') ?? '50'));
      // Newest first, as Discord lists them.
      const found = (this.messages.get(channel.id) ?? []).filter((message) => BigInt(message.id) > after);
      return [200, found.slice(-limit).reverse()];
    }
    if (method === 'GET' && (m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path))) {
      if (!this.guilds.some((g) => g.id === m?.[1])) return [403, { message: 'Missing Access', code: 50001 }];
      if (m[2] !== IDS.application) return [404, { message: 'Unknown Member', code: 10007 }];
      return [200, this.botMember(m[1] ?? '')];
    }
    this.violations.push(`${method} ${path}: route not emulated`);
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private callback(
    id: string,
    token: string,
    query: URLSearchParams,
    body: { type: number; data?: MessageBody & { flags?: number } },
  ): [number, unknown] {
    const record = this.interactions.get(id);
    if (record?.token !== token) return [404, { message: 'Unknown interaction', code: 10062 }];
    if (Date.now() - record.dispatchedAt > 3000) {
      this.violations.push(`interaction ${id} answered after ${Date.now() - record.dispatchedAt} ms (> 3 s)`);
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (record.acknowledged) {
      this.violations.push(`interaction ${id} acknowledged twice`);
      return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    }
    record.acknowledged = true;
    if (body.type === 4 || body.type === 5) {
      record.original = this.storeMessage(record.channelId, body.data ?? {}, true);
    } else if (body.type === 7 || body.type === 6) {
      const message = this.findMessage(record.channelId, record.messageId);
      if (message !== undefined && body.type === 7)
        Object.assign(message, this.messageFields(body.data ?? {}), {
          edited_timestamp: new Date().toISOString(),
        });
      if (message !== undefined) record.original = message;
    }
    if (query.get('with_response') === 'true') {
      return [
        200,
        {
          interaction: {
            id,
            type: record.type,
            response_message_id: record.original?.id,
            response_message_loading: body.type === 5,
            response_message_ephemeral: ((body.data?.flags ?? 0) & 64) !== 0,
          },
          resource: {
            type: body.type,
            ...(record.original === undefined ? {} : { message: record.original }),
          },
        },
      ];
    }
    return [204, undefined];
  }

  private webhook(
    method: string,
    token: string,
    messageId: string | undefined,
    body: MessageBody & { flags?: number },
  ): [number, unknown] {
    const record = [...this.interactions.values()].find((r) => r.token === token);
    if (record === undefined) return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (messageId === undefined && method === 'POST')
      return [200, this.storeMessage(record.channelId, body, true)];
    const message =
      messageId === '@original' ? record.original : this.findMessage(record.channelId, messageId);
    if (message === undefined) return [404, { message: 'Unknown Message', code: 10008 }];
    if (method === 'PATCH') {
      Object.assign(message, this.messageFields(body), { edited_timestamp: new Date().toISOString() });
      return [200, message];
    }
    if (method === 'DELETE') {
      const list = this.messages.get(message.channel_id) ?? [];
      list.splice(list.indexOf(message), 1);
      return [204, undefined];
    }
    return [405, { message: 'Method not allowed', code: 0 }];
  }

  private channelMessage(
    channelId: string,
    body: MessageBody & { enforce_nonce?: boolean },
  ): [number, unknown] {
    const channel = this.findChannel(channelId)?.channel;
    if (channel === undefined) return [404, { message: 'Unknown Channel', code: 10003 }];
    const denied = channel.botDeny ?? 0n;
    if ((denied & (1n << 10n)) !== 0n) return [403, { message: 'Missing Access', code: 50001 }];
    if ((denied & ((1n << 11n) | (1n << 14n))) !== 0n)
      return [403, { message: 'Missing Permissions', code: 50013 }];
    if (body.enforce_nonce === true && body.nonce !== undefined) {
      const key = `${channelId}:${String(body.nonce)}`;
      const previous = this.nonces.get(key);
      if (previous !== undefined) return [200, previous];
      const message = this.storeMessage(channelId, body, false);
      this.nonces.set(key, message);
      return [200, message];
    }
    return [200, this.storeMessage(channelId, body, false)];
  }

  /**
   * Publishes a message to the channel's followers, as Discord does: only in an announcement channel
   * (400 50024 elsewhere), only once (400 40033), and without Manage Messages (which the bot's role
   * lacks) only the bot's own message (403 50013).
   */
  private crosspost(channelId: string, messageId: string): [number, unknown] {
    const channel = this.findChannel(channelId)?.channel;
    if (channel === undefined) return [404, { message: 'Unknown Channel', code: 10003 }];
    const denied = channel.botDeny ?? 0n;
    if ((denied & (1n << 10n)) !== 0n) return [403, { message: 'Missing Access', code: 50001 }];
    const message = this.findMessage(channelId, messageId);
    if (message === undefined) return [404, { message: 'Unknown Message', code: 10008 }];
    if (channel.type !== ChannelType.GuildAnnouncement)
      return [400, { message: 'Cannot execute action on this channel type', code: 50024 }];
    if (message.author.id !== IDS.application || 'webhook_id' in message || (denied & (1n << 11n)) !== 0n)
      return [403, { message: 'Missing Permissions', code: 50013 }];
    if (((message.flags ?? 0) & MessageFlags.Crossposted) !== 0)
      return [400, { message: 'This message has already been crossposted.', code: 40033 }];
    Object.assign(message, { flags: (message.flags ?? 0) | MessageFlags.Crossposted });
    return [200, message];
  }

  /**
   * The channel and its guild, as they are now (tests add, change and delete channels): the guild it
   * was last found in is looked at first, so that posting to many guilds costs no scan of all of them.
   */
  private findChannel(channelId: string): { channel: ChannelSpec; guild: GuildSpec } | undefined {
    const known = this.channelGuilds.get(channelId);
    const cached = known?.channels.find((c) => c.id === channelId);
    if (known !== undefined && cached !== undefined && this.guilds.includes(known))
      return { channel: cached, guild: known };
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === channelId);
      if (channel === undefined) continue;
      this.channelGuilds.set(channelId, guild);
      return { channel, guild };
    }
    return undefined;
  }

  private messageFields(body: MessageBody & { flags?: number }) {
    return {
      ...(body.content === undefined ? {} : { content: body.content }),
      ...(body.embeds === undefined ? {} : { embeds: body.embeds }),
      ...(body.components === undefined ? {} : { components: body.components }),
    };
  }

  private storeMessage(
    channelId: string,
    body: MessageBody & { flags?: number },
    fromWebhook: boolean,
  ): APIMessage {
    const message = {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser(),
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
      ...(fromWebhook ? { webhook_id: IDS.application, application_id: IDS.application } : {}),
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
    } as unknown as APIMessage;
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    return message;
  }

  private findMessage(channelId: string, messageId: string | undefined): APIMessage | undefined {
    return (this.messages.get(channelId) ?? []).find((message) => message.id === messageId);
  }
}

export interface InteractionContext {
  guildId?: string;
  channelId?: string;
  userId?: string;
  /** The member's permissions as a decimal bit set. */
  memberPermissions?: string;
  /**
   * Rewrites INTERACTION_CREATE's payload before it is sent, to send what Discord or another fake
   * may and this emulator does not: a DM (no guild_id, `user` for `member`), fields left out.
   */
  shape?: (payload: Record<string, unknown>) => Record<string, unknown>;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The shard whose session got INTERACTION_CREATE (the guild's shard). */
  readonly shardId: number;
  readonly dispatchedAt: number;
  /** performance.now() just before INTERACTION_CREATE was sent. */
  readonly dispatchedHr: number;
  /** The bot's callback for this interaction (waits for it). */
  response(timeoutMs?: number): Promise<RecordedRequest>;
  /** The message the reply created or updated. */
  message(): APIMessage | undefined;
  /** Every request made with this interaction's token. */
  requests(): RecordedRequest[];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
