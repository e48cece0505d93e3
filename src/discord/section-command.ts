import { SlashCommandBuilder } from '@discordjs/builders';
import type { Article, SectionKind } from '../core/article.js';
import { articleChoices, matchingArticles } from '../core/choices.js';
import type { ContentIndex } from '../core/content-index.js';
import { showsNothing } from '../core/invisible.js';
import { tagKey } from '../core/tags.js';
import { parseSectionCustomId, renderSectionView, type SectionView } from '../core/render/section.js';
import { UserFacingError, type Command } from './command.js';
import { focusedText, PRIVATE_OPTION, quote } from './options.js';
import { replyOptions, updateOptions } from './reply.js';

/**
 * `/motivations`, `/skills`, `/tips`: one section of an article. Without `article`, the newest
 * article that has the section, with buttons to page through the others.
 */
export function createSectionCommand(kind: SectionKind, description: string): Command {
  return {
    data: new SlashCommandBuilder()
      .setName(kind)
      .setDescription(description)
      .addStringOption((option) =>
        option
          .setName('article')
          .setDescription('The article to read (start typing to search titles); the newest by default')
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addBooleanOption((option) =>
        option
          .setName(PRIVATE_OPTION)
          .setDescription('Show the answer only to you (default: visible to the channel)'),
      ),

    async execute(interaction, { content }) {
      const query = interaction.options.getString('article');
      let view: SectionView;
      // Only invisible characters (`\u202e`) are nothing typed, not a title to look for.
      if (query === null || showsNothing(query)) {
        const newest = content.withSection(kind)[0];
        if (newest === undefined)
          throw new UserFacingError(`No article has ${kind} yet. Try /help for what I can do.`);
        view = { kind, scope: 'all', article: newest, page: 0 };
      } else {
        // Typed text sent without picking a suggestion: an exact slug or title, or the one title containing it
        // (all of those that do are counted, for the answer when there are several).
        const exact = content.find(query);
        const candidates =
          exact === undefined ? matchingArticles(content.withSection(kind), query, Infinity) : [];
        // No title with the section contains it: those without it that do get the "has no …" answer.
        const without =
          exact === undefined && candidates.length === 0
            ? matchingArticles(content.articles, query, Infinity)
            : [];
        if (without.length > 0) throw new UserFacingError(noSection(kind, without, content, query));
        const article = exact ?? (candidates.length === 1 ? candidates[0] : undefined);
        if (article === undefined) {
          const titles = candidates
            .slice(0, 4)
            .map((c) => quote(c.title))
            .join(', ');
          throw new UserFacingError(
            candidates.length === 0
              ? `No article matches ${quote(query)}. Start typing in the \`article\` option and pick a title from the list, or leave it empty for the newest.`
              : `Several articles match ${quote(query)}: ${titles}${more(candidates.length - 4)}. Pick one from the list as you type in the \`article\` option.`,
          );
        }
        if (article.sections[kind] === undefined)
          throw new UserFacingError(noSection(kind, [article], content, query));
        view = { kind, scope: 'one', article, page: 0 };
      }
      await interaction.reply(
        replyOptions(
          renderSectionView(view, content),
          interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
        ),
      );
    },

    async autocomplete(interaction, { content }) {
      await interaction.respond(articleChoices(content.withSection(kind), focusedText(interaction)));
    },

    async button(interaction, { content }) {
      const view = parseSectionCustomId(kind, interaction.customId, content);
      if (view === undefined)
        throw new UserFacingError(`These buttons have expired (the articles changed). Run /${kind} again.`);
      await interaction.update(updateOptions(renderSectionView(view, content)));
    },
  };
}

/** Articles named when the one asked for has no such section. */
const ALTERNATIVES = 3;

/**
 * Says that the articles asked for (one, or several whose titles contain `query`) have no such
 * section, and names some that have one: those sharing most of their tags first, then the newest.
 */
function noSection(
  kind: SectionKind,
  articles: readonly Article[],
  content: ContentIndex,
  query: string,
): string {
  const tags = new Set(articles.flatMap((article) => article.tags.map(tagKey)));
  const shared = (other: Article): number => other.tags.filter((tag) => tags.has(tagKey(tag))).length;
  const others = content
    .withSection(kind)
    .map((other, newest) => ({ other, newest, shared: shared(other) }))
    .sort((a, b) => b.shared - a.shared || a.newest - b.newest)
    .slice(0, ALTERNATIVES)
    .map(({ other }) => quote(other.title));
  const titles = articles
    .slice(0, 4)
    .map((article) => quote(article.title))
    .join(', ');
  const what =
    articles.length === 1
      ? `${titles} has no ${kind}.`
      : `The articles matching ${quote(query)} have no ${kind}: ${titles}${more(articles.length - 4)}.`;
  if (others.length === 0) return `${what} No article has ${kind} yet; try /articles to read them.`;
  return `${what} Articles with ${kind}: ${others.join(', ')}. Pick one in the \`article\` option, or leave it empty to page through them.`;
}

/** After a list cut to its first items: how many more there are (`, and 12 more`), or nothing. */
function more(count: number): string {
  return count > 0 ? `, and ${count} more` : '';
}
