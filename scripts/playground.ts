/**
 * `npm run playground`: the bot against the local Discord emulator, with a prompt where you type
 * slash commands as in Discord and see the replies. No token, no network. Also how an author
 * previews articles: it reads CONTENT_DIR (default ./content) and SITE_URL from the environment or .env.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type APIEmbed,
  type APIMessage,
} from 'discord-api-types/v10';
import { loadDotEnv } from '../src/env.js';
import { DiscordEmulator, IDS, type InteractionHandle } from '../test/emulator/emulator.js';
import { HAS_OPENAPI, SpecValidator } from '../test/emulator/spec-validator.js';
import { BotProcess } from '../test/helpers/bot-process.js';
import { runEntry } from '../test/helpers/run-bot.js';

const color = process.stdout.isTTY
  ? (code: number) => (text: string) => `\x1b[${code}m${text}\x1b[0m`
  : () => (text: string) => text;
const bold = color(1);
const dim = color(2);
const blue = color(34);
const red = color(31);

interface Button {
  label: string;
  customId?: string;
  url?: string;
  disabled: boolean;
}

async function main(): Promise<void> {
  loadDotEnv();
  const contentDir = resolve(process.env.CONTENT_DIR ?? './content');
  const siteUrl = process.env.SITE_URL ?? 'https://example.com';
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const emulator = await new DiscordEmulator(HAS_OPENAPI ? { validator: new SpecValidator() } : {}).start();
  const env = {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: IDS.guild,
    CONTENT_DIR: contentDir,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    SITE_URL: siteUrl,
    LOG_LEVEL: 'warn',
  };
  const deployed = await runEntry('deploy-commands', env, process.cwd());
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  const bot = new BotProcess({ ...env, LOG_LEVEL: 'info' }, process.cwd());
  await bot.waitForLog(/connected to Discord|content loaded/).catch((error: unknown) => {
    console.error(red(String(error)));
    process.exit(1);
  });
  await bot.waitForLog(/connected to Discord/);
  await emulator.waitForSession();
  const loaded = bot.logs.find((line) => line.msg === 'content loaded');
  for (const line of bot.logs.filter((l) => l.level >= 40)) console.log(red(`! ${line.msg}`));
  console.log(
    `${bold('Career tips bot playground')}: ${typeof loaded?.articles === 'number' ? loaded.articles : '?'} article(s) from ${contentDir}.\n` +
      `Type a command as in Discord (${blue('/tips')}, ${blue('/articles tag:engineering leadership')}, ${blue('/skills article:…')}),` +
      ` a button's number to press it, ${blue('commands')} to list commands, Tab to complete, ${blue('exit')} to quit.`,
  );

  let last: APIMessage | undefined;
  let buttons: Button[] = [];
  let seenViolations = 0;

  const rl: Interface = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: '> ',
    completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
      complete(emulator, line).then(
        (result) => callback(null, result),
        () => callback(null, [[], line]),
      );
    },
  });

  let stopped = false;
  const shutdown = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await bot.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  // Lines are handled one at a time, in order, also when they are piped in all at once.
  const queue: string[] = [];
  let busy = false;
  let closed = false;
  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await handle(next);
    busy = false;
    if (closed) await shutdown();
    else rl.prompt();
  };
  rl.on('line', (input) => {
    queue.push(input);
    void drain();
  });
  rl.on('close', () => {
    closed = true;
    void drain();
  });

  async function handle(input: string): Promise<void> {
    {
      const line = input.trim();
      try {
        if (line === 'exit' || line === 'quit') {
          queue.length = 0;
          rl.close();
          return;
        }
        let handle: InteractionHandle | undefined;
        if (/^\d+$/.test(line)) {
          const button = buttons[Number(line) - 1];
          if (button === undefined || last === undefined) console.log(dim('No such button.'));
          else if (button.url !== undefined) console.log(`Link: ${blue(button.url)}`);
          else if (button.disabled || button.customId === undefined)
            console.log(dim('That button is disabled.'));
          else handle = emulator.pressButton(last, button.customId);
        } else if (line === 'commands' || line === 'help') {
          console.log(listCommands(emulator));
        } else if (line.startsWith('/')) {
          const parsed = parseCommand(emulator, line);
          handle = emulator.chatInput(parsed.name, parsed.values);
        } else if (line !== '') {
          console.log(dim('Commands start with "/"; type "commands" to list them.'));
        }
        if (handle !== undefined) {
          const response = await handle.response();
          const body = response.body as {
            type: number;
            data?: { content?: string; embeds?: APIEmbed[]; flags?: number };
          };
          const message = handle.message();
          const ephemeral = ((body.data?.flags ?? 0) & 64) !== 0;
          console.log(render(message, ephemeral));
          buttons = buttonsOf(message);
          if (buttons.length > 0) last = message;
          if (buttons.length > 0)
            console.log(
              buttons
                .map((b, i) =>
                  b.disabled ? dim(`[${i + 1}] ${b.label}`) : `[${bold(String(i + 1))}] ${b.label}`,
                )
                .join('  '),
            );
        }
      } catch (error) {
        console.log(red(error instanceof Error ? error.message : String(error)));
      }
      for (const violation of emulator.violations.slice(seenViolations))
        console.log(red(`Discord would reject: ${violation}`));
      seenViolations = emulator.violations.length;
    }
  }
  rl.prompt();
}

function optionsOf(emulator: DiscordEmulator, name: string): readonly APIApplicationCommandOption[] {
  return emulator.command(name)?.options ?? [];
}

/** `/articles tag:engineering leadership private:true` → name and option values, as Discord's client builds them. */
function parseCommand(
  emulator: DiscordEmulator,
  line: string,
): { name: string; values: Record<string, string | number | boolean> } {
  const [head = '', ...rest] = line.slice(1).split(' ');
  const command = emulator.command(head);
  if (command === undefined) throw new Error(`Unknown command /${head}. Type "commands" to list them.`);
  const options = optionsOf(emulator, head);
  const text = rest.join(' ');
  const values: Record<string, string | number | boolean> = {};
  const names = options.map((o) => o.name).join('|');
  const pattern = new RegExp(`(?:^|\\s)(${names}):`, 'g');
  const marks = names === '' ? [] : [...text.matchAll(pattern)];
  if (marks.length === 0 && text.trim() !== '')
    throw new Error(`Write options as name:value, e.g. /${head} ${options[0]?.name ?? ''}:…`);
  marks.forEach((mark, i) => {
    const option = options.find((o) => o.name === mark[1]);
    const start = mark.index + mark[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const raw = text.slice(start, end).trim();
    if (option === undefined) return;
    if (option.type === ApplicationCommandOptionType.Boolean) {
      if (!/^(true|false)$/i.test(raw)) throw new Error(`${option.name} takes true or false`);
      values[option.name] = raw.toLowerCase() === 'true';
    } else if (
      option.type === ApplicationCommandOptionType.Integer ||
      option.type === ApplicationCommandOptionType.Number
    ) {
      values[option.name] = Number(raw);
    } else {
      values[option.name] = raw;
    }
  });
  return { name: head, values };
}

async function complete(emulator: DiscordEmulator, line: string): Promise<[string[], string]> {
  const all = [...emulator.commands.guild.values()].flat().map((c) => c.name);
  if (!line.includes(' ')) {
    const names = all.map((name) => `/${name} `).filter((name) => name.startsWith(line));
    return [names.length > 0 ? names : all.map((n) => `/${n} `), line];
  }
  const [head = ''] = line.slice(1).split(' ');
  const options = optionsOf(emulator, head);
  const focus = /(\w+):([^:]*)$/.exec(line);
  const option = options.find((o) => o.name === focus?.[1]);
  if (focus !== null && option !== undefined && 'autocomplete' in option && option.autocomplete) {
    const handle = emulator.autocomplete(head, option.name, { [option.name]: focus[2] ?? '' });
    const body = (await handle.response()).body as { data?: { choices?: { name: string; value: string }[] } };
    const prefix = line.slice(0, line.length - (focus[2] ?? '').length);
    const choices = (body.data?.choices ?? []).map((c) => `${prefix}${c.value}`);
    return [choices, line];
  }
  const word = /(\S*)$/.exec(line)?.[1] ?? '';
  const names = options.map((o) => `${o.name}:`).filter((n) => n.startsWith(word));
  return [names.map((n) => line.slice(0, line.length - word.length) + n), line];
}

function listCommands(emulator: DiscordEmulator): string {
  return [...emulator.commands.guild.values()]
    .flat()
    .map((command) => {
      const options = (command.options ?? []).map((o) =>
        'required' in o && o.required ? `${o.name}:` : `[${o.name}:]`,
      );
      return `${bold(`/${[command.name, ...options].join(' ')}`)}  ${dim(command.description)}`;
    })
    .join('\n');
}

function render(message: APIMessage | undefined, ephemeral: boolean): string {
  if (message === undefined) return dim('(no message)');
  const out: string[] = [];
  if (ephemeral) out.push(dim('(only you can see this)'));
  if (message.content !== '') out.push(message.content);
  for (const embed of message.embeds) {
    if (embed.author?.name !== undefined) out.push(dim(embed.author.name));
    if (embed.title !== undefined)
      out.push(bold(embed.title) + (embed.url === undefined ? '' : ` ${blue(embed.url)}`));
    if (embed.description !== undefined) out.push(embed.description);
    for (const field of embed.fields ?? []) out.push(`\n${bold(field.name)}\n${field.value}`);
    if (embed.footer?.text !== undefined) out.push(dim(embed.footer.text));
  }
  return `\n${out.join('\n')}\n`;
}

function buttonsOf(message: APIMessage | undefined): Button[] {
  const out: Button[] = [];
  for (const row of message?.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components) {
      const c = component as { label?: string; custom_id?: string; url?: string; disabled?: boolean };
      out.push({
        label: c.label ?? '?',
        disabled: c.disabled === true,
        ...(c.custom_id === undefined ? {} : { customId: c.custom_id }),
        ...(c.url === undefined ? {} : { url: c.url }),
      });
    }
  }
  return out;
}

await main();
