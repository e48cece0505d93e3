import type { APIEmbedField } from 'discord-api-types/v10';
import type { ItemRef } from '../content-index.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { navigationRow } from '../navigation.js';
import { EMBED_COLOR, type MessagePayload } from '../payload.js';
import { codePointLength, splitText, truncatePlain } from '../text.js';
import { sendableUrl } from '../urls.js';
import { fitName } from './item-name.js';
import { itemNumbers } from './section.js';

/** The number an unnamed tip goes by, as /tips shows it among the others. */
function tipNumber(tip: ItemRef): number {
  const items = tip.article.sections.tips?.items ?? [tip.item];
  return itemNumbers(items)[tip.position] ?? tip.item.number ?? tip.position + 1;
}

/** Chunks split again to fit fields, each when it is reached: of a tip of a megabyte, a message shows a few. */
function* fieldValues(chunks: readonly string[]): Generator<string> {
  for (const chunk of chunks) yield* splitText(chunk, L.fieldValue, { balanced: true });
}

/** A single tip with the article it comes from. */
export function renderTip(tip: ItemRef): MessagePayload {
  const { article, item } = tip;
  // Alone, a named tip is its name: a list's `3.` before it would number nothing here. Escaped, as
  // an embed's title reads Markdown; the author's name reads none, so the article's title is as is.
  // A name too long for the title opens the text with what it could not show.
  const { name: title, text } = fitName(item.name ?? `Tip ${tipNumber(tip)}`, item.text, L.embedTitle);
  const author = truncatePlain(`From “${article.title}”`, L.authorName);
  const footer = article.tags.join(' · ');
  const footerText = truncatePlain(footer, 200);
  // An address Discord would refuse is left out, not the reply (content:check lists such posts).
  const url = sendableUrl(article.url);
  // A very long tip continues in fields; past the message limit it ends with a pointer to the article.
  const [description = '', ...rest] = splitText(text, L.embedDescription);
  let budget =
    L.embedTotal - [title, author, footerText, description].reduce((n, s) => n + codePointLength(s), 0);
  const fields: APIEmbedField[] = [];
  for (const chunk of fieldValues(rest)) {
    const name = '(continued)';
    const cost = name.length + codePointLength(chunk);
    if (fields.length >= L.embedFields || cost > budget) {
      const more = url === undefined ? 'Read on in the article.' : `[Read on in the article](${url}).`;
      if (fields.length < L.embedFields && budget >= name.length + more.length)
        fields.push({ name, value: more });
      break;
    }
    fields.push({ name, value: chunk });
    budget -= cost;
  }
  return {
    embeds: [
      {
        title,
        color: EMBED_COLOR,
        description,
        author: { name: author, ...(url === undefined ? {} : { url }) },
        ...(url === undefined ? {} : { url }),
        ...(fields.length === 0 ? {} : { fields }),
        ...(footerText === '' ? {} : { footer: { text: footerText } }),
      },
    ],
    components: navigationRow('tip', undefined, { label: 'Read the article', url }),
  };
}
