import { DISCORD_LIMITS as L } from './limits.js';
import type { Choice, MessagePayload } from './payload.js';
import { codePointLength as len, truncatePlain } from './text.js';
import { encodedLength } from './urls.js';

/** Every way `payload` breaks Discord's message limits; empty when Discord would accept it. */
export function messageLimitViolations(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const embeds = payload.embeds ?? [];
  const content = payload.content ?? '';
  check(len(content) <= L.messageContent, `content has ${len(content)} > ${L.messageContent} characters`);
  check(content !== '' || embeds.length > 0, 'message has neither content nor embeds');
  check(embeds.length <= L.embedsPerMessage, `${embeds.length} embeds > ${L.embedsPerMessage}`);
  let total = 0;
  embeds.forEach((embed, e) => {
    const title = embed.title ?? '';
    const description = embed.description ?? '';
    const footer = embed.footer?.text ?? '';
    const author = embed.author?.name ?? '';
    check(len(title) <= L.embedTitle, `embed ${e} title has ${len(title)} > ${L.embedTitle}`);
    check(
      len(description) <= L.embedDescription,
      `embed ${e} description has ${len(description)} > ${L.embedDescription}`,
    );
    check(len(footer) <= L.footerText, `embed ${e} footer has ${len(footer)} > ${L.footerText}`);
    check(len(author) <= L.authorName, `embed ${e} author has ${len(author)} > ${L.authorName}`);
    const fields = embed.fields ?? [];
    check(fields.length <= L.embedFields, `embed ${e} has ${fields.length} > ${L.embedFields} fields`);
    total += len(title) + len(description) + len(footer) + len(author);
    fields.forEach((field, f) => {
      check(
        len(field.name) >= 1 && len(field.name) <= L.fieldName,
        `embed ${e} field ${f} name has ${len(field.name)} characters`,
      );
      check(
        len(field.value) >= 1 && len(field.value) <= L.fieldValue,
        `embed ${e} field ${f} value has ${len(field.value)} characters`,
      );
      total += len(field.name) + len(field.value);
    });
    const urls = {
      url: embed.url,
      'author url': embed.author?.url,
      'author icon_url': embed.author?.icon_url,
      'footer icon_url': embed.footer?.icon_url,
      'image url': embed.image?.url,
      'thumbnail url': embed.thumbnail?.url,
    };
    for (const [where, url] of Object.entries(urls)) {
      if (url === undefined) continue;
      check(/^https?:\/\//.test(url), `embed ${e} ${where} is not http(s)`);
      const length = encodedLength(url);
      check(
        length <= L.embedUrl,
        `embed ${e} ${where} has ${length} > ${L.embedUrl} characters once encoded`,
      );
    }
  });
  check(total <= L.embedTotal, `embeds have ${total} > ${L.embedTotal} characters in all`);
  const rows = payload.components ?? [];
  check(rows.length <= L.actionRows, `${rows.length} action rows > ${L.actionRows}`);
  const ids = new Set<string>();
  for (const row of rows) {
    check(
      row.components.length >= 1 && row.components.length <= L.buttonsPerRow,
      'an action row holds 1 to 5 buttons',
    );
    for (const component of row.components) {
      if ('label' in component) {
        const label = component.label ?? '';
        check(len(label) <= L.buttonLabel, `button label has ${len(label)} > ${L.buttonLabel}`);
      }
      // Buttons and select menus alike: every component in a row with an id.
      if ('custom_id' in component) {
        const length = len(component.custom_id);
        check(
          length >= 1 && length <= L.customId,
          `custom_id "${truncatePlain(component.custom_id, 40)}" has ${length} characters, not 1 to ${L.customId}`,
        );
        check(!ids.has(component.custom_id), `custom_id "${component.custom_id}" is used twice`);
        ids.add(component.custom_id);
      }
      if ('url' in component) {
        check(/^https?:\/\//.test(component.url), `button url "${component.url}" is not http(s)`);
        const length = encodedLength(component.url);
        check(length <= L.linkUrl, `button url has ${length} > ${L.linkUrl} characters once encoded`);
      }
    }
  }
  return problems;
}

/** Every way an autocomplete answer breaks Discord's limits. */
export function choiceLimitViolations(choices: readonly Choice[]): string[] {
  const problems: string[] = [];
  if (choices.length > L.autocompleteChoices)
    problems.push(`${choices.length} choices > ${L.autocompleteChoices}`);
  for (const choice of choices) {
    if (len(choice.name) < 1 || len(choice.name) > L.choiceName)
      problems.push(`choice name "${choice.name}" has ${len(choice.name)} characters`);
    if (len(choice.value) < 1 || len(choice.value) > L.choiceValue)
      problems.push(`choice value "${choice.value}" has ${len(choice.value)} characters`);
  }
  return problems;
}
