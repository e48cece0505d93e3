import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { DISCORD_LIMITS as L } from '../limits.js';
import { EMBED_COLOR, type MessagePayload } from '../payload.js';
import { truncateMarkdown } from '../text.js';

/** `/help`: what the bot does and one line per command, written from the registered definitions. */
export function renderHelp(
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  articleCount: number,
): MessagePayload {
  const lines = commands.map((command) => {
    const options = (command.options ?? [])
      .filter((option) => option.type !== ApplicationCommandOptionType.Subcommand)
      .map((option) => (option.required === true ? `${option.name}:` : `[${option.name}]`));
    return `**/${[command.name, ...options].join(' ')}** — ${command.description}`;
  });
  // Only some commands take `private` (/schedule always answers privately): named by their `[private]`.
  const anyPrivate = commands.some((command) => command.options?.some((option) => option.name === 'private'));
  const description = [
    articleCount === 0
      ? `I share career advice for engineers from a blog's articles, but none is loaded yet: whoever runs the bot adds them to its content folder (\`npm run content:check\` says what it reads there).`
      : `I share career advice from ${articleCount} article${articleCount === 1 ? '' : 's'} for engineers: why to make a move, the skills it takes, and tips for getting there.`,
    '',
    ...lines,
    ...(anyPrivate
      ? [
          '',
          'Replies are visible to the channel; where a command shows `[private]`, add `private:True` to see its answer only yourself.',
        ]
      : []),
  ].join('\n');
  return {
    embeds: [
      {
        title: 'What I can do',
        color: EMBED_COLOR,
        description: truncateMarkdown(description, L.embedDescription),
      },
    ],
  };
}
