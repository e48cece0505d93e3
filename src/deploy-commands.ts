import { Routes, type APIApplication, type APIApplicationCommand } from 'discord.js';
import { redact } from './adapters/logger.js';
import { settingsFromEnvironment } from './config.js';
import { loadDeployConfig } from './deploy-config.js';
import { COMMANDS } from '../commands/index.js';
import { createRest } from './discord/client.js';

/**
 * Registers exactly the commands the bot answers, in one bulk overwrite: to DISCORD_GUILD_ID when
 * set (instant, for development), otherwise globally. Commands not in the list are removed.
 */
async function deploy(): Promise<number> {
  const config = settingsFromEnvironment(loadDeployConfig, 'deploy-commands');
  if (config === undefined) return 1;
  const { token, apiUrl, guildId } = config;
  const rest = createRest(apiUrl, token);
  try {
    const applicationId =
      config.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const route =
      guildId === undefined
        ? Routes.applicationCommands(applicationId)
        : Routes.applicationGuildCommands(applicationId, guildId);
    const body = COMMANDS.map((command) => withIntegerPermissions(command.data.toJSON()));
    const registered = (await rest.put(route, { body })) as APIApplicationCommand[];
    const where =
      guildId === undefined ? 'globally (may take up to an hour to show everywhere)' : `in server ${guildId}`;
    console.log(
      `Registered ${registered.length} commands ${where}: ${registered.map((command) => `/${command.name}`).join(', ')}`,
    );
    return 0;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const text = redact(error instanceof Error ? error.message : String(error), [token]);
    console.error(
      status === 401
        ? 'Discord rejected DISCORD_TOKEN. Copy the token again from the Bot page of your application.'
        : status === 403
          ? missingAccess(text, guildId, config.applicationId !== undefined)
          : `Could not register the commands: ${text}`,
    );
    return 1;
  }
}

/**
 * A 403 (Missing Access) on the commands' route says only that: what usually causes it, and what to
 * do. An application id learned from the token is the token's own, so it is named only when set.
 */
function missingAccess(text: string, guildId: string | undefined, applicationIdSet: boolean): string {
  const checkApplication =
    'the id on the General Information page of the application whose token DISCORD_TOKEN is, or unset to learn it from the token';
  if (guildId === undefined)
    return applicationIdSet
      ? `Could not register the commands: ${text}. DISCORD_APPLICATION_ID is likely not the application of DISCORD_TOKEN: set it to ${checkApplication}.`
      : `Could not register the commands: ${text}`;
  const causes = [
    'the bot is not in that server',
    'it was invited without the applications.commands scope',
    ...(applicationIdSet ? ['DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN'] : []),
  ];
  return [
    `Could not register the commands in server ${guildId}: ${text}. Likely: ${causes.join('; or ')}.`,
    'Invite the bot to that server with the scopes bot and applications.commands (see the README, "Create the Discord application"),',
    `and check that DISCORD_GUILD_ID is that server's id (with Developer Mode on, right-click the server, Copy Server ID)${applicationIdSet ? `, and that DISCORD_APPLICATION_ID is ${checkApplication}` : ''}.`,
  ].join('\n');
}

/**
 * The command with `default_member_permissions` as the integer Discord's API description types it
 * (the builders write the bit set as a string, which Discord also takes, but a strict check refuses);
 * a bit set past 2^53, which a JSON number cannot hold exactly, stays a string.
 */
function withIntegerPermissions<T extends { default_member_permissions?: string | null | undefined }>(
  command: T,
): Omit<T, 'default_member_permissions'> & { default_member_permissions?: number | string | null } {
  const { default_member_permissions: permissions, ...rest } = command;
  if (permissions === undefined) return rest;
  if (permissions === null) return { ...rest, default_member_permissions: null };
  const bits = Number(permissions);
  return { ...rest, default_member_permissions: Number.isSafeInteger(bits) ? bits : permissions };
}

process.exitCode = await deploy();
