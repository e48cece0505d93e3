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
        : `Could not register the commands: ${text}`,
    );
    return 1;
  }
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
