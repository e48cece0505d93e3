import { loadConfig, type Config, type ConfigResult } from './config.js';

/** The variables `npm run deploy-commands` reads: what registering the commands needs, no more. */
const DEPLOY_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
] as const;

export type DeployConfig = Pick<Config, 'token' | 'applicationId' | 'guildId' | 'apiUrl'>;

/**
 * The settings of `npm run deploy-commands`, read by the bot's own rules. The bot's other settings
 * (content, store, shards) are not read: a mistake there is the bot's to report, and should not stop
 * the commands from being registered.
 */
export function loadDeployConfig(
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult<DeployConfig> {
  const result = loadConfig(Object.fromEntries(DEPLOY_VARIABLES.map((name) => [name, env[name]])));
  if (!result.ok) return result;
  const { token, applicationId, guildId, apiUrl } = result.config;
  return { ok: true, config: { token, applicationId, guildId, apiUrl } };
}
