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

  async execute(interaction, { content, stores, random, logger }) {
    const tips = content.items('tips');
    // "In a row" is per channel: where people read the tips.
    const place = interaction.channelId;
    let last: string | undefined;
    try {
      last = await stores.lastTip.get(place);
    } catch (err) {
      logger.warn({ err }, 'could not read the last tip; a repeat is possible');
    }
    const tip = pickTip(tips, last, random);
    if (tip === undefined) throw new UserFacingError('There are no tips yet. Try /skills or /motivations.');
    // Answer first, then remember: even starting a store write costs the reply time, and a tip
    // whose reply failed was never shown.
    await interaction.reply(
      replyOptions(renderTip(tip), interaction.options.getBoolean(PRIVATE_OPTION) ?? false),
    );
    await stores.lastTip.set(place, tip.id).catch((err: unknown) => {
      logger.warn({ err }, 'could not remember the last tip');
    });
  },
} satisfies Command;
