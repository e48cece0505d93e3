/**
 * The floor for `npm run bench`: a bare discord.js client, configured like the bot, that answers
 * every command with "pong". Whatever the bot takes beyond this is the bot's own cost.
 */
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL ?? '' },
});
client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  void interaction.reply({
    content: 'pong',
    allowedMentions: { parse: [] },
    flags: MessageFlags.SuppressNotifications,
  });
});
client.once(Events.ClientReady, () => {
  console.log(JSON.stringify({ level: 30, msg: 'connected to Discord' }));
});
process.once('SIGTERM', () => {
  void client.destroy().then(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
