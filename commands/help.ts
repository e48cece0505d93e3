import { SlashCommandBuilder } from '@discordjs/builders';
import { renderHelp } from '../src/core/render/help.js';
import type { Command } from '../src/discord/command.js';
import { PRIVATE_OPTION } from '../src/discord/options.js';
import { replyOptions } from '../src/discord/reply.js';

/** `/help`: what the bot does, one line per command. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What this bot does and how to use each command')
    .addBooleanOption((option) =>
      option
        .setName(PRIVATE_OPTION)
        .setDescription('Show the answer only to you (default: visible to the channel)'),
    ),

  async execute(interaction, { content, commandDefinitions }) {
    // Only the commands offered where it is asked: in a DM, not /schedule (servers only).
    const { context } = interaction;
    const here =
      context == null
        ? commandDefinitions
        : commandDefinitions.filter((definition) => definition.contexts?.includes(context) ?? true);
    await interaction.reply(
      replyOptions(
        renderHelp(here, content.articles.length),
        interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
      ),
    );
  },
} satisfies Command;
