import { RESTJSONErrorCodes, type Client } from 'discord.js';
import pTimeout from 'p-timeout';
import type { CommandOverride, Overrides } from '../core/command-permissions.js';

/**
 * A server's command permission overrides, by the id they apply to (a command's, or the
 * application's for the whole app): Discord's `GET …/guilds/{guild}/commands/permissions`, which
 * lists only what has overrides.
 */
export type FetchOverrides = (guildId: string) => Promise<ReadonlyMap<string, readonly CommandOverride[]>>;

/** The client's look-up: the server's overrides of every command of the bot's, and of the bot as a whole. */
export function fetchWith(client: Client): FetchOverrides {
  return async (guildId) => {
    const application = client.application;
    if (application === null) throw new Error('the application is not known before the client is ready');
    try {
      return await application.commands.permissions.fetch({ guild: guildId });
    } catch (error) {
      // Discord's answer for "no overrides" on a single command's route; none for the list. A bare 404,
      // 405 or 501 (a Discord-like server without the route) is read alike: without overrides the
      // defaults hold, which let no more members in than Discord's own defaults do.
      const { code, status } = error as { code?: unknown; status?: unknown };
      if (
        code === RESTJSONErrorCodes.UnknownApplicationCommandPermissions ||
        status === 404 ||
        status === 405 ||
        status === 501
      )
        return new Map();
      throw error;
    }
  };
}

interface Entry {
  readonly byId: ReadonlyMap<string, readonly CommandOverride[]>;
  readonly at: number;
}

interface Pending {
  readonly entry: Promise<Entry>;
  /** Set by forget: what this fetch read may predate the update, so it is not kept. */
  stale: boolean;
}

export interface OverrideCacheOptions {
  /** How long a server's overrides are trusted without an update event (a missed one, say). */
  readonly ttlMs?: number;
  /** Servers kept at most; the least recently read go first. */
  readonly maxGuilds?: number;
  /** How long a look-up may take before it counts as failed (the member is waiting). */
  readonly timeoutMs?: number;
  readonly clock?: () => number;
}

/**
 * The overrides servers set for the bot's commands, fetched when first needed and kept per server
 * until Discord says they changed (APPLICATION_COMMAND_PERMISSIONS_UPDATE → {@link forget}).
 * Looked up only for members a command would otherwise refuse, so most servers never are.
 */
export class OverrideCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  private readonly ttlMs: number;
  private readonly maxGuilds: number;
  private readonly timeoutMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly fetchOverrides: FetchOverrides,
    options: OverrideCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxGuilds = options.maxGuilds ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The overrides of `commandId` and of the app (`applicationId`) in the server; rejects if Discord
   * could not say. With `maxAgeMs`, what was fetched longer ago than that is fetched again.
   */
  async get(
    guildId: string,
    commandId: string,
    applicationId: string,
    { maxAgeMs = this.ttlMs }: { maxAgeMs?: number | undefined } = {},
  ): Promise<Overrides> {
    const { byId } = await this.entry(guildId, maxAgeMs);
    return { command: byId.get(commandId) ?? [], app: byId.get(applicationId) ?? [] };
  }

  /** Drops what is known of the server's overrides: they changed. */
  forget(guildId: string): void {
    this.entries.delete(guildId);
    const running = this.pending.get(guildId);
    if (running !== undefined) running.stale = true;
    this.pending.delete(guildId);
  }

  /** Drops what is known of every server's overrides: updates may have been missed. */
  forgetAll(): void {
    for (const guildId of [...this.entries.keys(), ...this.pending.keys()]) this.forget(guildId);
  }

  private async entry(guildId: string, maxAgeMs: number): Promise<Entry> {
    const kept = this.entries.get(guildId);
    if (kept !== undefined && this.clock() - kept.at < Math.min(maxAgeMs, this.ttlMs)) {
      // Read again: last to be dropped.
      this.entries.delete(guildId);
      this.entries.set(guildId, kept);
      return kept;
    }
    const running = this.pending.get(guildId);
    if (running !== undefined) return running.entry;
    const fetching: Pending = {
      entry: pTimeout(this.fetchOverrides(guildId), { milliseconds: this.timeoutMs }).then((byId) => {
        const entry = { byId, at: this.clock() };
        if (!fetching.stale) this.store(guildId, entry);
        return entry;
      }),
      stale: false,
    };
    this.pending.set(guildId, fetching);
    try {
      return await fetching.entry;
    } finally {
      if (this.pending.get(guildId) === fetching) this.pending.delete(guildId);
    }
  }

  private store(guildId: string, entry: Entry): void {
    this.entries.delete(guildId);
    this.entries.set(guildId, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxGuilds) break;
      this.entries.delete(oldest);
    }
  }
}
