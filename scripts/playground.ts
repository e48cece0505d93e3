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
import { formatConfigProblems, loadContentConfig } from '../src/config.js';
import { loadDotEnv } from '../src/env.js';
import {
  ADMIN_PERMISSIONS,
  DiscordEmulator,
  IDS,
  type InteractionHandle,
  type RecordedRequest,
} from '../emulator/emulator.js';
import { specValidator } from '../emulator/spec-validator.js';
import { BotProcess } from '../emulator/bot-process.js';
import { runEntry } from '../emulator/run-bot.js';

const color = process.stdout.isTTY
  ? (code: number) => (text: string) => `\x1b[${code}m${text}\x1b[0m`
  : () => (text: string) => text;
const bold = color(1);
const dim = color(2);
const blue = color(34);
const red = color(31);

/**
 * A problem the bot logged, as a line: `skipped` said once where the loader's own reason (a link to
 * nothing) already says it inside the library's `skipped: <file>: …`.
 */
function problemLine(message: string): string {
  return red(`! ${message.replace(/^(skipped: .*?: )skipped: /, '$1')}`);
}

interface Button {
  label: string;
  customId?: string;
  url?: string;
  disabled: boolean;
}

async function main(): Promise<void> {
  loadDotEnv();
  const settings = loadContentConfig(process.env);
  if (!settings.ok) {
    console.error(formatConfigProblems(settings.problems, 'The playground'));
    process.exit(1);
  }
  const contentDir = resolve(settings.config.contentDir);
  // Links need an address to show as links; the playground makes one up when the blog has none.
  const siteUrl = settings.config.siteUrl ?? 'https://example.com';
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const emulator = await new DiscordEmulator({ validator: specValidator() }).start();
  const env = {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: IDS.guild,
    CONTENT_DIR: contentDir,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    SITE_URL: siteUrl,
    ARTICLE_URL: settings.config.articleUrl,
    CONTENT_LANGUAGE: settings.config.contentLanguage ?? '',
    // As written (checked above): the bot reads them as it would from its own environment.
    BLOG_URL: process.env.BLOG_URL ?? '',
    TAG_URL: process.env.TAG_URL ?? '',
    LOG_LEVEL: 'warn',
  };
  const deployed = await runEntry('deploy-commands', env, process.cwd());
  if (deployed.code !== 0) throw new Error(deployed.stderr);
  /** Starts the bot on the emulator and says what it loaded; undefined (reason printed) when it stopped. */
  const launch = async (): Promise<BotProcess | undefined> => {
    const started = new BotProcess({ ...env, LOG_LEVEL: 'info' }, process.cwd());
    try {
      await started.waitForLog(/connected to Discord/);
      await emulator.waitForSession();
    } catch (error) {
      const reason = started.stderr.trim() || (error instanceof Error ? error.message : String(error));
      console.error(red(reason));
      await started.stop();
      return undefined;
    }
    const loaded = started.logs.find((line) => line.msg === 'content loaded');
    for (const line of started.logs.filter((l) => l.level >= 40)) console.log(problemLine(line.msg));
    console.log(
      `${bold('Career tips bot playground')}: ${typeof loaded?.articles === 'number' ? loaded.articles : '?'} article(s) from ${contentDir}.`,
    );
    return started;
  };
  let bot = await launch();
  /** Bot logs already shown: launch shows those of the start. */
  let shown = bot?.logs.length ?? 0;
  /** What the bot logged since: problems, and the content it read again (edits are picked up as saved). */
  const news = (): void => {
    if (bot === undefined) return;
    const lines = bot.logs.slice(shown);
    lines.forEach((logged, i) => {
      // A reload logs what it changed twice (the update, then the reload): said once.
      const reloaded = logged.msg === 'content updated' && lines[i + 1]?.msg === 'content reloaded';
      if (logged.level >= 40) console.log(problemLine(logged.msg));
      else if ((logged.msg === 'content updated' && !reloaded) || logged.msg === 'content reloaded')
        console.log(
          dim(
            `Content read again: ${String(logged.articles)} article(s); ${String(logged.added)} added, ${String(logged.changed)} changed, ${String(logged.removed)} removed.`,
          ),
        );
    });
    shown = bot.logs.length;
  };
  if (bot === undefined) {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  }
  console.log(
    `Type a command as in Discord (${blue('/tips')}, ${blue('/articles tag:engineering leadership')}, ${blue('/skills article:…')}),` +
      ` a button's number to press it, ${blue('commands')} to list commands, Tab to complete,` +
      ` ${blue('exit')} to quit. Saved edits to the articles show at once (${blue('reload')} reads the folder again).`,
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

  // Scheduled posts arrive on their own time: printed as they come, then the prompt again.
  emulator.on('request', (request: RecordedRequest) => {
    const channelId = /^\/channels\/(\d+)\/messages$/.exec(request.path)?.[1];
    if (request.method !== 'POST' || channelId === undefined || request.status !== 200) return;
    const channel = emulator.guilds.flatMap((g) => g.channels).find((c) => c.id === channelId);
    const posted = emulator.channelPosts(channelId).at(-1);
    console.log(
      `\n${dim(`Scheduled post in #${channel?.name ?? channelId}:`)}${render(emulator, posted, false)}`,
    );
    rl.prompt(true);
  });

  let stopped = false;
  const shutdown = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await bot?.stop();
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
      news();
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
        } else if (line === 'reload') {
          if (bot === undefined) {
            // It stopped at start (no valid article): start it again on the fixed content.
            bot = await launch();
            shown = bot?.logs.length ?? 0;
            if (bot === undefined) console.log(dim('Fix the content and type reload again.'));
          } else {
            // The same path as a saved edit: the running bot reads again what changed (SIGHUP).
            const from = bot.logs.length;
            bot.signal('SIGHUP');
            await bot.waitForLog(/content reloaded|could not reload the content/, 60_000, from);
            news();
          }
          buttons = [];
          last = undefined;
        } else if (line === 'commands' || line === 'help') {
          console.log(listCommands(emulator));
        } else if (line.startsWith('/') && bot === undefined) {
          console.log(dim('The bot is not running: fix the content and type reload.'));
        } else if (line.startsWith('/')) {
          const parsed = parseCommand(emulator, line);
          // You are the server's admin here, so that /schedule can be tried too.
          handle = emulator.chatInput(parsed.commandLine, parsed.values, {
            memberPermissions: ADMIN_PERMISSIONS,
          });
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
          console.log(render(emulator, message, ephemeral));
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

const isSubcommand = (option: APIApplicationCommandOption): boolean =>
  option.type === ApplicationCommandOptionType.Subcommand ||
  option.type === ApplicationCommandOptionType.SubcommandGroup;

/**
 * The command path and its options: `/schedule set channel:…` is the path `schedule set`, whose
 * options are those of the subcommand. Words are taken as subcommands as long as they name one.
 */
function resolvePath(
  emulator: DiscordEmulator,
  words: readonly string[],
): { path: string[]; options: readonly APIApplicationCommandOption[]; subcommands: string[] } {
  const [head = ''] = words;
  const command = emulator.command(head);
  if (command === undefined) throw new Error(`Unknown command /${head}. Type "commands" to list them.`);
  const path = [head];
  let options: readonly APIApplicationCommandOption[] = command.options ?? [];
  for (const word of words.slice(1)) {
    const sub = options.find((o) => isSubcommand(o) && o.name === word);
    if (sub === undefined) break;
    path.push(word);
    options = 'options' in sub ? (sub.options ?? []) : [];
  }
  const subcommands = options.filter(isSubcommand).map((o) => o.name);
  return { path, options: options.filter((o) => !isSubcommand(o)), subcommands };
}

/** A channel option typed as Discord's picker shows it: `general`, `#general` or an id. */
function channelId(emulator: DiscordEmulator, typed: string): string {
  const name = typed.replace(/^#/, '');
  const channels = emulator.guilds.flatMap((g) => g.channels);
  const found = channels.find((c) => c.id === name || c.name === name);
  if (found === undefined)
    throw new Error(`No channel ${typed}. Channels: ${channels.map((c) => `#${c.name}`).join(', ')}`);
  return found.id;
}

/** `/articles tag:engineering leadership private:true` → command path and option values, as Discord's client builds them. */
function parseCommand(
  emulator: DiscordEmulator,
  line: string,
): { commandLine: string; values: Record<string, string | number | boolean> } {
  const words = line.slice(1).trim().split(/\s+/);
  const { path, options, subcommands } = resolvePath(emulator, words);
  const commandLine = path.join(' ');
  if (subcommands.length > 0)
    throw new Error(
      `/${commandLine} needs one of: ${subcommands.map((name) => `/${commandLine} ${name}`).join(', ')}`,
    );
  const text = line
    .slice(1)
    .trim()
    .replace(new RegExp(`^${path.map((word) => `${word}\\s*`).join('')}`), '');
  const values: Record<string, string | number | boolean> = {};
  const names = options.map((o) => o.name).join('|');
  const pattern = new RegExp(`(?:^|\\s)(${names}):`, 'g');
  const marks = names === '' ? [] : [...text.matchAll(pattern)];
  if (marks.length === 0 && text.trim() !== '')
    throw new Error(`Write options as name:value, e.g. /${commandLine} ${options[0]?.name ?? ''}:…`);
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
    } else if (option.type === ApplicationCommandOptionType.Channel) {
      values[option.name] = channelId(emulator, raw);
    } else {
      values[option.name] = raw;
    }
  });
  return { commandLine, values };
}

async function complete(emulator: DiscordEmulator, line: string): Promise<[string[], string]> {
  const all = [...emulator.commands.guild.values()].flat().map((c) => c.name);
  if (!line.includes(' ')) {
    const names = all.map((name) => `/${name} `).filter((name) => name.startsWith(line));
    return [names.length > 0 ? names : all.map((n) => `/${n} `), line];
  }
  const { path, options, subcommands } = resolvePath(emulator, line.slice(1).split(/\s+/));
  const word = /(\S*)$/.exec(line)?.[1] ?? '';
  const before = line.slice(0, line.length - word.length);
  if (subcommands.length > 0)
    return [subcommands.filter((name) => name.startsWith(word)).map((name) => `${before}${name} `), line];
  const focus = /(\w+):([^:]*)$/.exec(line);
  const option = options.find((o) => o.name === focus?.[1]);
  if (focus !== null && option !== undefined) {
    const typed = focus[2] ?? '';
    const prefix = line.slice(0, line.length - typed.length);
    if (option.type === ApplicationCommandOptionType.Channel) {
      const names = emulator.guilds.flatMap((g) => g.channels).map((c) => c.name);
      return [
        names.filter((name) => name.startsWith(typed.replace(/^#/, ''))).map((n) => `${prefix}${n} `),
        line,
      ];
    }
    const fixed = 'choices' in option ? (option.choices ?? []) : [];
    if (fixed.length > 0)
      return [
        fixed
          .map((c) => String(c.value))
          .filter((v) => v.startsWith(typed))
          .map((v) => `${prefix}${v} `),
        line,
      ];
    if ('autocomplete' in option && option.autocomplete) {
      const handle = emulator.autocomplete(path.join(' '), option.name, { [option.name]: typed });
      const body = (await handle.response()).body as {
        data?: { choices?: { name: string; value: string }[] };
      };
      return [(body.data?.choices ?? []).map((c) => `${prefix}${c.value}`), line];
    }
  }
  const names = options.map((o) => `${o.name}:`).filter((n) => n.startsWith(word));
  return [names.map((n) => before + n), line];
}

function listCommands(emulator: DiscordEmulator): string {
  const usage = (options: readonly APIApplicationCommandOption[]) =>
    options.map((o) => ('required' in o && o.required ? `${o.name}:` : `[${o.name}:]`));
  return [...emulator.commands.guild.values()]
    .flat()
    .flatMap((command) => {
      const options = command.options ?? [];
      const subs = options.filter(isSubcommand);
      if (subs.length === 0)
        return [`${bold(`/${[command.name, ...usage(options)].join(' ')}`)}  ${dim(command.description)}`];
      return subs.map((sub) => {
        const subOptions = 'options' in sub ? (sub.options ?? []) : [];
        return `${bold(`/${[command.name, sub.name, ...usage(subOptions)].join(' ')}`)}  ${dim(sub.description)}`;
      });
    })
    .join('\n');
}

/** Channel mentions and timestamps as Discord's client shows them. */
function asShown(emulator: DiscordEmulator, text: string): string {
  const channels = emulator.guilds.flatMap((g) => g.channels);
  return text
    .replace(/<#(\d+)>/g, (whole, id: string) => {
      const channel = channels.find((c) => c.id === id);
      return channel === undefined ? whole : blue(`#${channel.name}`);
    })
    .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_, seconds: string) =>
      blue(
        new Date(Number(seconds) * 1000).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' }),
      ),
    );
}

function render(emulator: DiscordEmulator, message: APIMessage | undefined, ephemeral: boolean): string {
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
  return `\n${asShown(emulator, out.join('\n'))}\n`;
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
