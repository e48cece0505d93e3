import { describe, expect, it } from 'vitest';
import {
  APIApplicationCommandPermissionsConstant,
  ApplicationCommandPermissionType,
} from 'discord-api-types/v10';
import { commandRefusal, type CommandOverride, type CommandUse } from '../../src/core/command-permissions.js';

const GUILD = '1100000000000000002';
const CHANNEL = '1100000000000000003';
const OTHER_CHANNEL = '1100000000000000042';
const USER = '1100000000000000004';
const MODS = '1100000000000000050';
const HELPERS = '1100000000000000051';
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

/** A member of Moderators without Manage Server, using a Manage Server command in CHANNEL. */
const MEMBER: CommandUse = {
  guildId: GUILD,
  channelId: CHANNEL,
  userId: USER,
  roleIds: [MODS],
  memberPermissions: 0n,
  defaultMemberPermissions: MANAGE_GUILD,
};

const role = (id: string, permission: boolean): CommandOverride => ({
  id,
  type: ApplicationCommandPermissionType.Role,
  permission,
});
const user = (id: string, permission: boolean): CommandOverride => ({
  id,
  type: ApplicationCommandPermissionType.User,
  permission,
});
const channel = (id: string, permission: boolean): CommandOverride => ({
  id,
  type: ApplicationCommandPermissionType.Channel,
  permission,
});
const everyone = (permission: boolean) => role(GUILD, permission);
const allChannels = (permission: boolean) =>
  channel(APIApplicationCommandPermissionsConstant.AllChannels(GUILD), permission);

function decide(use: Partial<CommandUse>, command: CommandOverride[] = [], app: CommandOverride[] = []) {
  return commandRefusal({ ...MEMBER, ...use }, { command, app });
}

describe('commandRefusal without overrides', () => {
  it('GIVEN no overrides THEN default_member_permissions decides: Manage Server passes, a member without it is refused', () => {
    expect(decide({})).toBe('member');
    expect(decide({ memberPermissions: MANAGE_GUILD })).toBeUndefined();
    // null: everyone; "0": admins and overrides only.
    expect(decide({ defaultMemberPermissions: null })).toBeUndefined();
    expect(decide({ defaultMemberPermissions: 0n, memberPermissions: MANAGE_GUILD })).toBe('member');
  });

  it('GIVEN Administrator THEN allowed whatever the overrides deny', () => {
    expect(
      decide(
        { memberPermissions: ADMINISTRATOR, defaultMemberPermissions: 0n },
        [user(USER, false), channel(CHANNEL, false)],
        [everyone(false), allChannels(false)],
      ),
    ).toBeUndefined();
  });
});

describe('commandRefusal with member overrides', () => {
  it('GIVEN a command-level allow of one of the member’s roles THEN allowed without Manage Server; of another role THEN refused', () => {
    expect(decide({}, [role(MODS, true)])).toBeUndefined();
    expect(decide({}, [role(HELPERS, true)])).toBe('member');
  });

  it('GIVEN a user deny and a role allow at the command level THEN the user’s own override wins', () => {
    expect(decide({}, [role(MODS, true), user(USER, false)])).toBe('member');
    expect(decide({ memberPermissions: MANAGE_GUILD }, [role(MODS, true), user(USER, false)])).toBe('member');
    expect(decide({}, [role(MODS, false), user(USER, true)])).toBeUndefined();
  });

  it('GIVEN two of the member’s roles, one allowed and one denied THEN one allowing is enough', () => {
    const use = { roleIds: [MODS, HELPERS] };
    expect(decide(use, [role(MODS, false), role(HELPERS, true)])).toBeUndefined();
    expect(decide(use, [role(MODS, false), role(HELPERS, false)])).toBe('member');
  });

  it('GIVEN @everyone (the server’s id) at the command level THEN it decides for members no role or user override names', () => {
    expect(decide({ roleIds: [] }, [everyone(true)])).toBeUndefined();
    expect(decide({ roleIds: [], memberPermissions: MANAGE_GUILD }, [everyone(false)])).toBe('member');
    // A role override of the member comes first.
    expect(decide({}, [everyone(true), role(MODS, false)])).toBe('member');
  });

  it('GIVEN only app-level allows THEN default_member_permissions still applies; an app-level deny refuses even Manage Server', () => {
    expect(decide({}, [], [role(MODS, true)])).toBe('member');
    expect(decide({}, [], [user(USER, true)])).toBe('member');
    expect(decide({ memberPermissions: MANAGE_GUILD }, [], [role(MODS, true)])).toBeUndefined();
    expect(decide({ memberPermissions: MANAGE_GUILD }, [], [role(MODS, false)])).toBe('member');
    expect(decide({ memberPermissions: MANAGE_GUILD }, [], [everyone(false)])).toBe('member');
  });

  it('GIVEN command-level overrides THEN they take precedence over app-level ones', () => {
    expect(decide({}, [role(MODS, true)], [role(MODS, false)])).toBeUndefined();
    expect(decide({ memberPermissions: MANAGE_GUILD }, [role(MODS, false)], [role(MODS, true)])).toBe(
      'member',
    );
    // Command-level overrides that do not name the member leave the app level to decide.
    expect(decide({ memberPermissions: MANAGE_GUILD }, [role(HELPERS, true)], [user(USER, false)])).toBe(
      'member',
    );
  });
});

describe('commandRefusal with channel overrides', () => {
  it('GIVEN the channel denied THEN refused for the channel, even to a member a role override allows', () => {
    expect(decide({}, [role(MODS, true), channel(CHANNEL, false)])).toBe('channel');
    expect(decide({ memberPermissions: MANAGE_GUILD }, [], [channel(CHANNEL, false)])).toBe('channel');
    expect(decide({}, [role(MODS, true), channel(OTHER_CHANNEL, false)])).toBeUndefined();
  });

  it('GIVEN the channel denied to a member allowed nowhere THEN refused as a member (another channel would not help)', () => {
    expect(decide({}, [channel(CHANNEL, false)])).toBe('member');
    expect(decide({}, [role(HELPERS, true), channel(CHANNEL, false)])).toBe('member');
  });

  it('GIVEN "All Channels" (the server’s id minus one) denied and this channel allowed THEN the channel’s own override wins', () => {
    expect(APIApplicationCommandPermissionsConstant.AllChannels(GUILD)).toBe('1100000000000000001');
    expect(decide({}, [role(MODS, true), allChannels(false)])).toBe('channel');
    expect(decide({}, [role(MODS, true), allChannels(false), channel(CHANNEL, true)])).toBeUndefined();
  });

  it('GIVEN channel overrides at both levels THEN the command’s decide; without any there, the app’s', () => {
    const use = { memberPermissions: MANAGE_GUILD };
    expect(decide(use, [allChannels(true)], [channel(CHANNEL, false)])).toBeUndefined();
    expect(decide(use, [channel(CHANNEL, false)], [channel(CHANNEL, true)])).toBe('channel');
    expect(decide(use, [role(MODS, true)], [allChannels(false)])).toBe('channel');
    expect(decide(use, [], [allChannels(false), channel(CHANNEL, true)])).toBeUndefined();
  });
});
