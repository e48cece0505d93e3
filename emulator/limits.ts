/**
 * Discord's message limits, as its docs give them (docs.discord.com/developers/resources/message), checked on what the
 * bot sends. Written apart from the bot's own renderer on purpose: the bot is not its own judge.
 */
// Discord counts code points, which is what Array.from yields.
const len = (text: unknown): number => (typeof text === 'string' ? Array.from(text).length : 0);

interface Embed {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text?: string };
  author?: { name?: string };
  fields?: { name?: string; value?: string }[];
}
interface Button {
  type?: number;
  label?: string;
  custom_id?: string;
  url?: string;
}
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: { type?: number; components?: Button[] }[];
  allowed_mentions?: { parse?: unknown[] };
  nonce?: string | number;
}

/** What breaks Discord's limits in a message body; `needsMentions` also demands `allowed_mentions: { parse: [] }`. */
export function messageProblems(body: MessageBody, needsMentions = true): string[] {
  const problems: string[] = [];
  const fail = (message: string): void => {
    problems.push(message);
  };
  if (needsMentions) {
    const parse = body.allowed_mentions?.parse;
    if (!Array.isArray(parse) || parse.length !== 0)
      fail('allowed_mentions.parse must be [] on every message');
  }
  if (len(body.content) > 2000) fail(`content has ${len(body.content)} > 2000 characters`);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) fail(`${embeds.length} embeds > 10`);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (len(embed.title) > 256) fail(`embeds[${i}].title has ${len(embed.title)} > 256`);
    if (len(embed.description) > 4096) fail(`embeds[${i}].description has ${len(embed.description)} > 4096`);
    if (len(embed.footer?.text) > 2048) fail(`embeds[${i}].footer.text > 2048`);
    if (len(embed.author?.name) > 256) fail(`embeds[${i}].author.name > 256`);
    if ((embed.fields?.length ?? 0) > 25) fail(`embeds[${i}] has ${embed.fields?.length ?? 0} > 25 fields`);
    total += len(embed.title) + len(embed.description) + len(embed.footer?.text) + len(embed.author?.name);
    embed.fields?.forEach((field, f) => {
      if (len(field.name) < 1 || len(field.name) > 256)
        fail(`embeds[${i}].fields[${f}].name has ${len(field.name)} characters`);
      if (len(field.value) < 1 || len(field.value) > 1024)
        fail(`embeds[${i}].fields[${f}].value has ${len(field.value)} characters`);
      total += len(field.name) + len(field.value);
    });
    if (embed.url !== undefined && !/^https?:\/\/\S+$/.test(embed.url))
      fail(`embeds[${i}].url is not an http(s) URL`);
  });
  if (total > 6000) fail(`embeds have ${total} > 6000 characters in all`);
  const rows = body.components ?? [];
  if (rows.length > 5) fail(`${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = row.components ?? [];
    if (buttons.length < 1 || buttons.length > 5) fail(`an action row has ${buttons.length} components`);
    for (const button of buttons) {
      if (len(button.label) > 80) fail(`button label has ${len(button.label)} > 80`);
      if (button.custom_id !== undefined) {
        if (len(button.custom_id) < 1 || len(button.custom_id) > 100)
          fail(`custom_id has ${len(button.custom_id)} characters`);
        if (ids.has(button.custom_id)) fail(`custom_id ${button.custom_id} is not unique`);
        ids.add(button.custom_id);
      }
      if (button.url !== undefined && (len(button.url) > 512 || !/^https?:\/\//.test(button.url)))
        fail('link button url is invalid');
    }
  }
  if (body.nonce !== undefined && len(String(body.nonce)) > 25) fail('nonce has more than 25 characters');
  return problems;
}

/** Autocomplete answers: at most 25 choices, names and values of 1 to 100 characters. */
export function choiceProblems(choices: { name?: string; value?: unknown }[]): string[] {
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`${choices.length} choices > 25`);
  for (const choice of choices) {
    if (len(choice.name) < 1 || len(choice.name) > 100)
      problems.push(`choice name has ${len(choice.name)} characters`);
    if (typeof choice.value === 'string' && len(choice.value) > 100)
      problems.push('choice value has more than 100 characters');
  }
  return problems;
}
