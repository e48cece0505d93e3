import { SlashCommandBuilder } from '@discordjs/builders';
import { tagChoices } from '../src/core/choices.js';
import { showsNothing } from '../src/core/invisible.js';
import { parseArticlesCustomId, renderArticles, tagNames } from '../src/core/render/articles.js';
import { closestTags } from '../src/core/tags.js';
import { UserFacingError, type Command } from '../src/discord/command.js';
import { focusedText, PRIVATE_OPTION, quote } from '../src/discord/options.js';
import { replyOptions, updateOptions } from '../src/discord/reply.js';

/** `/articles [tag]`: links to the articles with a tag (or all), newest first, paged. */
export default {
  data: new SlashCommandBuilder()
    .setName('articles')
    .setDescription('Links to the articles with a tag, newest first')
    .addStringOption((option) =>
      option
        .setName('tag')
        .setDescription('Only articles with this tag (start typing to see the tags); all articles by default')
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addBooleanOption((option) =>
      option
        .setName(PRIVATE_OPTION)
        .setDescription('Show the list only to you (default: visible to the channel)'),
    ),

  async execute(interaction, { content, blog }) {
    const option = interaction.options.getString('tag');
    // Only invisible characters (`\u200b`) are no tag, as in tags themselves: all articles.
    const typed = option === null || showsNothing(option) ? null : option;
    const tag = typed === null ? undefined : content.tag(typed);
    if (typed !== null && tag === undefined) {
      const close = closestTags(
        typed,
        content.tags.map((entry) => entry.label),
      );
      // A blog may tag nothing at all: then there is no tag to suggest, nor to pick.
      if (content.tags.length === 0)
        throw new UserFacingError(
          `No articles are tagged ${quote(typed)}: the articles have no tags. Leave out \`tag\` to list them all.`,
        );
      // No tag close to it: naming others would be noise; the option lists them all.
      const list = tagNames(close);
      throw new UserFacingError(
        `No articles are tagged ${quote(typed)}. ${close.length > 0 ? `Did you mean ${list}? ` : ''}Start typing in the \`tag\` option to pick one.`,
      );
    }
    // An empty list is no answer for the channel: said privately, with who can change it.
    if (content.articles.length === 0) throw new UserFacingError(NO_ARTICLES);
    await interaction.reply(
      replyOptions(
        renderArticles({ tag, page: 0 }, content, blog),
        interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
      ),
    );
  },

  async autocomplete(interaction, { content }) {
    await interaction.respond(tagChoices(content.tags, focusedText(interaction)));
  },

  async button(interaction, { content, blog }) {
    const view = parseArticlesCustomId(interaction.customId, content);
    if (view === undefined)
      throw new UserFacingError('These buttons have expired (the articles changed). Run /articles again.');
    await interaction.update(updateOptions(renderArticles(view, content, blog)));
  },
} satisfies Command;

const NO_ARTICLES =
  'There are no articles yet: the bot has none to list. Whoever runs the bot adds them to its content folder (`npm run content:check` says what it reads there).';
