import {
  APIApplicationCommandPermissionsConstant as Constant,
  ApplicationCommandPermissionType as OverrideType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';

/**
 * Who may use an application command in a server, as Discord decides it from the overrides a
 * server admin sets in Server Settings → Integrations (Discord's "Commands Permission System"
 * flowchart, developers/change-log "Upcoming Application Command Permission Changes", 2022-12).
 * Discord applies it before it sends the interaction; the bot repeats it so that a client (or a
 * fake) that does not enforce it cannot open an admin command to everyone.
 */

/** One override: a role, a member or a channel allowed (`permission: true`) or denied. */
export interface CommandOverride {
  readonly id: string;
  readonly type: OverrideType;
  readonly permission: boolean;
}

export interface CommandUse {
  readonly guildId: string;
  /** The channel the command is used in; for a thread, its parent (a thread follows it). */
  readonly channelId: string;
  readonly userId: string;
  /** The member's roles, without @everyone. */
  readonly roleIds: readonly string[];
  /** The member's permissions in that channel (Administrator included, if they have it). */
  readonly memberPermissions: bigint;
  /** The command's default_member_permissions; null: everyone. */
  readonly defaultMemberPermissions: bigint | null;
}

export interface Overrides {
  /** The server's overrides of this command (Discord's list whose id is the command's). */
  readonly command: readonly CommandOverride[];
  /** Of the whole app, for every command (the list whose id is the application's). */
  readonly app: readonly CommandOverride[];
}

/**
 * Why the command may not be used: `channel` (turned off where it was used), `member` (not allowed
 * to this member); undefined if it may.
 */
export type CommandRefusal = 'channel' | 'member' | undefined;

/** Discord's decision for `use` under `overrides`. */
export function commandRefusal(use: CommandUse, overrides: Overrides): CommandRefusal {
  // Administrators can use every command, wherever: overrides do not apply to them.
  if ((use.memberPermissions & PermissionFlagsBits.Administrator) !== 0n) return undefined;
  // The member first: one allowed nowhere is told so, not sent to another channel.
  if (!memberAllows(use, overrides)) return 'member';
  return channelAllows(use, overrides) ? undefined : 'channel';
}

/**
 * The channel's override, else the "All Channels" one, of the command, then of the app; a channel
 * without any is open.
 */
function channelAllows(use: CommandUse, overrides: Overrides): boolean {
  const allChannels = Constant.AllChannels(use.guildId);
  for (const list of [overrides.command, overrides.app]) {
    const channels = list.filter((o) => o.type === OverrideType.Channel);
    const found = channels.find((o) => o.id === use.channelId) ?? channels.find((o) => o.id === allChannels);
    if (found !== undefined) return found.permission;
  }
  return true;
}

/**
 * The member's own override, else their roles' (one allowing is enough), else @everyone's: of the
 * command first, which decides alone, even over default_member_permissions; then of the app, whose
 * allowing still leaves default_member_permissions to meet; and last default_member_permissions.
 */
function memberAllows(use: CommandUse, overrides: Overrides): boolean {
  const command = memberOverride(use, overrides.command);
  if (command !== undefined) return command;
  const app = memberOverride(use, overrides.app);
  if (app === false) return false;
  const required = use.defaultMemberPermissions;
  if (required === null) return true;
  // "0" keeps a command for admins and overrides only.
  if (required === 0n) return false;
  return (use.memberPermissions & required) === required;
}

/** What one level's overrides say of this member; undefined if none names them. */
function memberOverride(use: CommandUse, list: readonly CommandOverride[]): boolean | undefined {
  const user = list.find((o) => o.type === OverrideType.User && o.id === use.userId);
  if (user !== undefined) return user.permission;
  const roles = list.filter(
    (o) =>
      o.type === OverrideType.Role && o.id !== Constant.Everyone(use.guildId) && use.roleIds.includes(o.id),
  );
  if (roles.length > 0) return roles.some((o) => o.permission);
  const everyone = list.find((o) => o.type === OverrideType.Role && o.id === Constant.Everyone(use.guildId));
  return everyone?.permission;
}
