import { SlashCommandBuilder } from '@discordjs/builders';
import { pickTip } from '../src/core/pick-tip.js';
import { renderTip } from '../src/core/render/tip.js';
import { UserFacingError, type Command } from '../src/discord/command.js';
import { PRIVATE_OPTION } from '../src/discord/options.js';
import { replyOptions } from '../src/discord/reply.js';

/** `/tip`: one random tip, never the same twice in a row in a channel. */
export default {
  data: new SlashCommandBuilder()
    .setName('tip')
    .setDescription('One tip, picked at random, with the article it comes from')
    .addBooleanOption((option) =>
      option
        .setName(PRIVATE_OPTION)
        .setDescription('Show the tip only to you (default: visible to the channel)'),
    ),

  async execute(interaction, { content, lastTips, random }) {
    const tips = content.items('tips');
    const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
    // "In a row" is per channel: where people read the tips. A private one the channel never saw.
    const { chosen, persist } = await lastTips.choose(
      interaction.channelId,
      (last) => pickTip(tips, last, random),
      { toChannel: !ephemeral },
    );
    if (chosen === undefined) {
      // Only the commands that have something to show: most blogs have none of the three sections.
      const others = (['skills', 'motivations'] as const).filter(
        (kind) => content.withSection(kind).length > 0,
      );
      throw new UserFacingError(
        `There are no tips yet.${others.length > 0 ? ` Try ${others.map((kind) => `/${kind}`).join(' or ')}.` : ' Try /articles or /search.'}`,
      );
    }
    await interaction.reply(replyOptions(renderTip(chosen), ephemeral));
    persist();
  },
} satisfies Command;
