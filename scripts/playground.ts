/**
 * `npm run playground`: the bot against the local Discord emulator, with a prompt where you type
 * slash commands as in Discord and see the replies. No token, no network. Also how an author
 * previews articles: it reads the content settings (CONTENT_DIR, default ./content, SITE_URL, …) from
 * the environment or .env, and gives the bot those alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandOption,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
} from 'discord-api-types/v10';
import { loadContentConfig, settingsFromEnvironment } from '../src/config.js';
import { linkedSiteUrl } from '../src/adapters/content-loader.js';
import { codePointLength } from '../src/core/text.js';
import {
  ADMIN_PERMISSIONS,
  DiscordEmulator,
  type ChannelSpec,
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
 * Text from the bot with its control characters shown, not obeyed: a title holding `\x1b[2J` would
 * otherwise clear the terminal. C0 ones become their pictures (␛, ␍), DEL ␡ and C1 ones `\x9b`; line
 * breaks and tabs stay. Applied before the playground's own colours, which are control sequences too.
 */
export function visible(text: string): string {
  return text.replace(/[^\P{Cc}\n\t]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : `\\x${code.toString(16)}`;
  });
}

/**
 * A problem the bot logged, as a line: `skipped` said once where the loader's own reason (a link to
 * nothing) already says it inside the library's `skipped: <file>: …`.
 */
function problemLine(message: string): string {
  return red(`! ${visible(message).replace(/^(skipped: .*?: )skipped: /, '$1')}`);
}

/** A warning or error the bot logged, with the notes it gives (`file:line: what`) under it. */
function problemLines(logged: { msg: string; notes?: unknown }): string {
  const notes = Array.isArray(logged.notes) ? logged.notes.filter((note) => typeof note === 'string') : [];
  return [
    problemLine(fromHere(logged.msg)),
    ...notes.map((note) => red(`  ${visible(fromHere(note))}`)),
  ].join('\n');
}

/**
 * The bot's text with the files in the playground's working folder named from it (`content/a.md`),
 * as the bot names them from its own: it runs in the playground's temporary folder, so gives them whole.
 */
function fromHere(text: string): string {
  return text.replaceAll(`${process.cwd()}${sep}`, '');
}

/**
 * Whether the bot stopped at start for its content (no valid article, no Markdown file, no folder),
 * from what it printed: then fixing the articles and `reload` is what to do.
 */
function stoppedForContent(stderr: string): boolean {
  return /^No (valid article|Markdown file) in /m.test(stderr);
}

interface Button {
  label: string;
  customId?: string;
  url?: string;
  disabled: boolean;
}

async function main(): Promise<void> {
  const settings = settingsFromEnvironment(loadContentConfig, 'The playground');
  if (settings === undefined) process.exit(1);
  const contentDir = resolve(settings.contentDir);
  // Links need an address to show as links: SITE_URL, or the site's own as the bot takes it (see
  // linkedSiteUrl), else one made up.
  const siteUrl =
    (await linkedSiteUrl(settings.siteUrl, contentDir, settings.contentLanguage)).url ??
    'https://example.com';
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const emulator = await new DiscordEmulator({ validator: specValidator() }).start();
  // The content settings read above and the emulator's, nothing else: deploy-commands and the bot run
  // in `dir`, where no .env fills in a real bot's settings (its application id, HTTP_PORT, shards, cache).
  const env = {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DISCORD_GUILD_ID: IDS.guild,
    CONTENT_DIR: contentDir,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    SITE_URL: siteUrl,
    ARTICLE_URL: settings.articleUrl ?? '',
    CONTENT_LANGUAGE: settings.contentLanguage ?? '',
    // As written (checked above): the bot reads them as it would from its own environment.
    BLOG_URL: process.env.BLOG_URL ?? '',
    TAG_URL: process.env.TAG_URL ?? '',
    LOG_LEVEL: 'warn',
  };
  /** The bots started and not yet exited: one, or none while it does not run. */
  const running = new Set<BotProcess>();
  let stopping: Promise<void> | undefined;
  /** Stops the bot, then the emulator, and removes the temporary folder; once, whoever asks. */
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      // A bot slower than 3 s to stop is killed: tsx kills the playground 5 s after a SIGTERM.
      await Promise.all(
        [...running].map(async (started) => {
          await Promise.race([started.stop(), sleep(3_000, undefined, { ref: false })]);
          await started.kill();
        }),
      );
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    })());
  // The bot runs in its own process group, so that the terminal's SIGHUP when it closes does not
  // reach it (for the bot, SIGHUP means "read the content again") nor its SIGINT: the playground
  // stops it on them. After a SIGKILL of the playground the bot stops itself (see BotProcess), and
  // the temporary folder is left behind.
  for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      void shutdown().finally(() => process.exit(128 + constants.signals[signal]));
    });
  const deployed = await runEntry('deploy-commands', env, dir).catch((error: unknown) => ({
    code: null,
    stderr: error instanceof Error ? error.message : String(error),
  }));
  if (deployed.code !== 0) {
    // One line: its own message, or the error's of a crash (under the file and line Node prints first).
    const lines = deployed.stderr.trim().split('\n');
    const why = (lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? '').replace(/\.$/, '');
    console.error(
      red(
        `The playground could not register the bot's commands on its local Discord (${visible(why)}). Check that the bot builds (npm run build), then start the playground again.`,
      ),
    );
    await shutdown();
    process.exit(1);
  }
  /** Whether the last start failed for the content, when it failed: what to do then is fix it. */
  let contentFailed = false;
  /** Starts the bot on the emulator and says what it loaded; undefined (reason printed) when it stopped. */
  const launch = async (): Promise<BotProcess | undefined> => {
    const started = new BotProcess({ ...env, LOG_LEVEL: 'info' }, dir, undefined, {
      detached: true,
    });
    running.add(started);
    void started.exited.then(() => running.delete(started));
    try {
      await started.waitForLog(/connected to Discord/);
      await emulator.waitForSession();
    } catch (error) {
      const reason = started.stderr.trim() || (error instanceof Error ? error.message : String(error));
      contentFailed = stoppedForContent(started.stderr);
      console.error(red(visible(fromHere(reason))));
      await started.stop();
      return undefined;
    }
    const loaded = started.logs.find((line) => line.msg === 'content loaded');
    for (const line of started.logs.filter((l) => l.level >= 40)) console.log(problemLines(line));
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
      if (logged.level >= 40) console.log(problemLines(logged));
      else if (
        (logged.msg === 'content updated' && !reloaded) ||
        logged.msg === 'content reloaded' ||
        logged.msg === 'site configuration read again'
      )
        console.log(
          dim(
            `${logged.msg === 'site configuration read again' ? `Site configuration read again (${String(logged.config)})` : 'Content read again'}: ${String(logged.articles)} article(s); ${String(logged.added)} added, ${String(logged.changed)} changed, ${String(logged.removed)} removed.`,
          ),
        );
    });
    shown = bot.logs.length;
  };
  /** What to do while the bot does not run: fix the content when that stopped it, else try again. */
  const notRunning = (): string =>
    contentFailed ? 'fix the content and type reload' : 'see why above, and type reload to start it again';
  // As the bot refuses to start without a valid article, the author fixes the files and restarts it.
  if (bot === undefined) console.log(dim(`The bot did not start: ${notRunning()}.`));
  console.log(
    `Type a command as in Discord (${blue('/tips')}, ${blue('/articles tag:engineering leadership')}, ${blue('/skills article:…')}),` +
      ` a button's number to press it, ${blue('commands')} to list commands, Tab to complete,` +
      ` ${blue('exit')} to quit. Saved edits to the articles show at once (${blue('reload')} reads the folder again).` +
      ` You are the server's admin; ${blue('as member')} shows what members get (${blue('as admin')} to go back).`,
  );

  let last: APIMessage | undefined;
  let buttons: Button[] = [];
  const offered: Offered = new Map();
  let seenViolations = 0;

  const rl: Interface = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: '> ',
    completer: (line: string, callback: (error: null, result: [string[], string]) => void) => {
      complete(emulator, line, { offered, autocomplete: bot !== undefined }).then(
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

  // You are the server's admin, so that /schedule can be tried; `as member` shows what others get.
  let admin = true;

  // Lines are handled one at a time, in order, also when they are piped in all at once.
  const queue: string[] = [];
  let busy = false;
  let closed = false;
  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await handle(next);
    busy = false;
    if (closed) {
      await shutdown();
      // `quit` with the input still open (a pipe whose writer waits): nothing else would end the process.
      process.stdin.destroy();
    } else rl.prompt();
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
          else if (button.url !== undefined) console.log(`Link: ${blue(visible(button.url))}`);
          else if (button.disabled || button.customId === undefined)
            console.log(dim('That button is disabled.'));
          else handle = emulator.pressButton(last, button.customId);
        } else if (line === 'reload') {
          if (bot === undefined) {
            // It stopped at start (no valid article): start it again on the fixed content.
            bot = await launch();
            shown = bot?.logs.length ?? 0;
            if (bot === undefined)
              console.log(
                dim(contentFailed ? 'Fix the content and type reload again.' : 'Type reload to try again.'),
              );
            buttons = [];
            last = undefined;
          } else {
            // The same path as a saved edit: the running bot reads again what changed (SIGHUP).
            const from = bot.logs.length;
            bot.signal('SIGHUP');
            await bot.waitForLog(/content reloaded|could not reload the content/, 60_000, from);
            news();
          }
        } else if (line === 'commands' || line === 'help') {
          console.log(listCommands(emulator));
        } else if (line === 'as member' || line === 'as admin') {
          admin = line === 'as admin';
          console.log(
            dim(
              admin
                ? "You are the server's admin again."
                : 'You are a member without Manage Server now ("as admin" to go back).',
            ),
          );
        } else if (line.startsWith('/') && bot === undefined) {
          console.log(dim(`The bot is not running: ${notRunning()}.`));
        } else if (line.startsWith('/')) {
          const parsed = parseCommand(emulator, line, offered);
          if (!admin && requiredPermissions(emulator, parsed.commandLine) !== undefined)
            console.log(
              dim(
                "Discord offers this command only to members with Manage Server, unless the server's settings allow it to others; the bot's own answer:",
              ),
            );
          handle = emulator.chatInput(
            parsed.commandLine,
            parsed.values,
            admin ? { memberPermissions: ADMIN_PERMISSIONS } : {},
          );
        } else if (line !== '') {
          console.log(dim('Commands start with "/"; type "commands" to list them.'));
        }
        if (handle !== undefined) {
          await handle.response();
          const message = handle.message();
          // The message's own flags: an ephemeral reply stays ephemeral when a button updates it.
          const ephemeral = ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
          console.log(render(emulator, message, ephemeral));
          buttons = buttonsOf(message);
          if (buttons.length > 0) last = message;
          if (buttons.length > 0)
            console.log(
              buttons
                .map((b, i) =>
                  b.disabled
                    ? dim(`[${i + 1}] ${visible(b.label)}`)
                    : `[${bold(String(i + 1))}] ${visible(b.label)}`,
                )
                .join('  '),
            );
        }
      } catch (error) {
        console.log(red(visible(error instanceof Error ? error.message : String(error))));
      }
      for (const violation of emulator.violations.slice(seenViolations))
        console.log(red(`Discord would reject: ${visible(violation)}`));
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

/**
 * The choices the bot's autocomplete offered at Tab, by command path and option name: a name picked
 * is sent as its value, as Discord sends the value of the suggestion chosen.
 */
export type Offered = Map<string, readonly APIApplicationCommandOptionChoice[]>;

type Value = string | number | boolean;

/** What a registered option may hold besides its name and type; absent fields are no limit. */
interface Limits {
  choices?: readonly APIApplicationCommandOptionChoice[];
  autocomplete?: boolean;
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  channel_types?: readonly ChannelType[];
}
const limitsOf = (option: APIApplicationCommandOption): Limits => option as Limits;

/** Channel types as a person says them (the enum's own names include old aliases such as GuildNews). */
const CHANNEL_KINDS: Partial<Record<ChannelType, string>> = {
  [ChannelType.GuildText]: 'text',
  [ChannelType.GuildVoice]: 'voice',
  [ChannelType.GuildCategory]: 'category',
  [ChannelType.GuildAnnouncement]: 'announcement',
  [ChannelType.AnnouncementThread]: 'thread',
  [ChannelType.PublicThread]: 'thread',
  [ChannelType.PrivateThread]: 'private thread',
  [ChannelType.GuildStageVoice]: 'stage',
  [ChannelType.GuildForum]: 'forum',
  [ChannelType.GuildMedia]: 'media',
};
const channelKind = (type: ChannelType): string => CHANNEL_KINDS[type] ?? ChannelType[type];

/** The channels Discord's picker offers for a channel option: those of its types (every one without). */
function channelsFor(emulator: DiscordEmulator, option: APIApplicationCommandOption): ChannelSpec[] {
  const types = limitsOf(option).channel_types ?? [];
  return emulator.guilds
    .flatMap((g) => g.channels)
    .filter((c) => types.length === 0 || types.includes(c.type));
}

/** A channel typed as Discord's picker shows it (`general`, `#general` or an id), of a type the option takes. */
function channelId(emulator: DiscordEmulator, option: APIApplicationCommandOption, typed: string): string {
  const name = typed.replace(/^#/, '');
  const found = emulator.guilds.flatMap((g) => g.channels).find((c) => c.id === name || c.name === name);
  const allowed = channelsFor(emulator, option);
  const list = `Channels: ${allowed.map((c) => `#${c.name}`).join(', ')}`;
  if (found === undefined) throw new Error(`No channel ${typed}. ${list}`);
  if (!allowed.includes(found)) {
    const kinds = [...new Set((limitsOf(option).channel_types ?? []).map(channelKind))].join(' or ');
    throw new Error(
      `${option.name} takes a ${kinds} channel; #${found.name} is a ${channelKind(found.type)} channel. ${list}`,
    );
  }
  return found.id;
}

/**
 * A typed value as Discord's client sends it: a choice by its name or value, an autocomplete
 * suggestion picked at Tab as its value. What the client would not send (a value not among the
 * choices, out of the option's lengths or range, a channel of another type) is refused with why.
 */
function optionValue(
  emulator: DiscordEmulator,
  commandLine: string,
  option: APIApplicationCommandOption,
  raw: string,
  offered: Offered,
): Value {
  const { name } = option;
  const limits = limitsOf(option);
  if (option.type === ApplicationCommandOptionType.Boolean) {
    if (!/^(true|false)$/i.test(raw)) throw new Error(`${name} takes true or false`);
    return raw.toLowerCase() === 'true';
  }
  const choices = limits.choices ?? [];
  if (choices.length > 0) {
    const folded = raw.toLowerCase();
    const choice =
      choices.find((c) => String(c.value) === raw) ??
      choices.find((c) => c.name.toLowerCase() === folded || String(c.value).toLowerCase() === folded);
    if (choice === undefined)
      throw new Error(`${name} takes one of: ${choices.map((c) => c.name).join(', ')}`);
    return choice.value;
  }
  if (option.type === ApplicationCommandOptionType.Channel) return channelId(emulator, option, raw);
  if (
    option.type === ApplicationCommandOptionType.Integer ||
    option.type === ApplicationCommandOptionType.Number
  ) {
    const whole = option.type === ApplicationCommandOptionType.Integer;
    if (!(whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(raw))
      throw new Error(`${name} takes ${whole ? 'a whole number' : 'a number'}`);
    const value = Number(raw);
    const { min_value: min, max_value: max } = limits;
    if ((min !== undefined && value < min) || (max !== undefined && value > max))
      throw new Error(
        `${name} takes a number ${[min === undefined ? '' : `from ${String(min)}`, max === undefined ? '' : `up to ${String(max)}`].join(' ').trim()}`,
      );
    return value;
  }
  const picked = offered.get(`${commandLine} ${name}`)?.find((c) => c.name === raw);
  if (picked !== undefined) return picked.value;
  const length = codePointLength(raw);
  if (limits.max_length !== undefined && length > limits.max_length)
    throw new Error(
      `${name} takes at most ${String(limits.max_length)} characters (this is ${String(length)})`,
    );
  if (limits.min_length !== undefined && length < limits.min_length)
    throw new Error(
      `${name} takes at least ${String(limits.min_length)} characters (this is ${String(length)})`,
    );
  return raw;
}

/** The answer to an option the command does not have, with those it has. */
function noSuchOption(
  commandLine: string,
  name: string,
  options: readonly APIApplicationCommandOption[],
): string {
  return options.length === 0
    ? `/${commandLine} has no options`
    : `/${commandLine} has no option ${name}. Its options: ${options.map((o) => `${o.name}:`).join(' ')}`;
}

/** Where `name:` is written after a space: where an option starts, or text inside a value. */
const OPTION_MARK = /(?:^|\s)([\p{L}\p{N}_-]+):/gu;

/**
 * `/articles tag:engineering leadership private:true` → command path and option values, as
 * Discord's client builds them from the registered definitions; what it would not send is refused.
 */
export function parseCommand(
  emulator: DiscordEmulator,
  line: string,
  offered: Offered = new Map(),
): { commandLine: string; values: Record<string, Value> } {
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
  const marks: { option: APIApplicationCommandOption; index: number; start: number }[] = [];
  for (const found of text.matchAll(OPTION_MARK)) {
    const option = options.find((o) => o.name === found[1]);
    if (option !== undefined) {
      marks.push({ option, index: found.index, start: found.index + found[0].length });
      continue;
    }
    // A string's value may say `name:` (`query:how to: lead`); anywhere else it is an option the
    // command lacks, which Discord's client could not send.
    if (marks.at(-1)?.option.type !== ApplicationCommandOptionType.String)
      throw new Error(noSuchOption(commandLine, found[1] ?? '', options));
  }
  if (text.slice(0, marks[0]?.index ?? text.length).trim() !== '')
    throw new Error(
      options.length === 0
        ? `/${commandLine} has no options`
        : `Write options as name:value, e.g. /${commandLine} ${options[0]?.name ?? ''}:…`,
    );
  const values: Record<string, Value> = {};
  const given = new Set<string>();
  marks.forEach((mark, i) => {
    const { name } = mark.option;
    if (given.has(name)) throw new Error(`${name} is given twice`);
    given.add(name);
    const raw = text.slice(mark.start, marks[i + 1]?.index ?? text.length).trim();
    // An option left empty is not sent (a required one is then asked for).
    if (raw !== '') values[name] = optionValue(emulator, commandLine, mark.option, raw, offered);
  });
  return { commandLine, values };
}

/**
 * Tab: command, subcommand and option names, and values as Discord's client lists them: choice
 * names, the channels of the option's types, and the names the bot's autocomplete returned (kept in
 * `offered`, so that the one picked is sent as its value).
 */
export async function complete(
  emulator: DiscordEmulator,
  line: string,
  { offered, autocomplete }: { offered: Offered; autocomplete: boolean },
): Promise<[string[], string]> {
  const all = [...emulator.commands.guild.values()].flat().map((c) => c.name);
  if (!line.includes(' ')) {
    const names = all.map((name) => `/${name} `).filter((name) => name.startsWith(line));
    return [names.length > 0 ? names : all.map((n) => `/${n} `), line];
  }
  const { path, options, subcommands } = resolvePath(emulator, line.slice(1).split(/\s+/));
  const word = /(\S*)$/.exec(line)?.[1] ?? '';
  if (subcommands.length > 0)
    return [subcommands.filter((name) => name.startsWith(word)).map((name) => `${name} `), word];
  const marks = [...line.matchAll(OPTION_MARK)].filter((m) => options.some((o) => o.name === m[1]));
  const mark = marks.at(-1);
  const option = options.find((o) => o.name === mark?.[1]);
  const typed = mark === undefined ? '' : line.slice(mark.index + mark[0].length);
  // After a value and a space, the next option's name is what is asked for.
  if (option !== undefined && !/\S\s+$/.test(typed))
    return listed(await valuesFor(emulator, path, option, typed, { offered, autocomplete }), typed);
  const given = new Set(marks.map((m) => m[1]));
  const names = options
    .filter((o) => !given.has(o.name))
    .map((o) => `${o.name}:`)
    .filter((n) => n.startsWith(word));
  return [names, word];
}

/**
 * The values Tab offers for `option` with `typed` written: those holding it, not only those starting
 * with it (a title by any of its words, as Discord's client and the bot's autocomplete match).
 */
async function valuesFor(
  emulator: DiscordEmulator,
  path: readonly string[],
  option: APIApplicationCommandOption,
  typed: string,
  { offered, autocomplete }: { offered: Offered; autocomplete: boolean },
): Promise<string[]> {
  const folded = typed.trim().toLowerCase();
  const limits = limitsOf(option);
  if (option.type === ApplicationCommandOptionType.Channel) {
    const names = channelsFor(emulator, option).map((c) => `#${c.name}`);
    return names.filter((n) => n.includes(folded.replace(/^#/, ''))).map((n) => `${n} `);
  }
  if (option.type === ApplicationCommandOptionType.Boolean)
    return ['true ', 'false '].filter((v) => v.startsWith(folded));
  const fixed = limits.choices ?? [];
  if (fixed.length > 0)
    return fixed
      .filter((c) => c.name.toLowerCase().includes(folded) || String(c.value).toLowerCase().includes(folded))
      .map((c) => `${c.name} `);
  if (limits.autocomplete === true && autocomplete) {
    const handle = emulator.autocomplete(path.join(' '), option.name, { [option.name]: typed.trim() });
    const body = (await handle.response()).body as {
      data?: { choices?: APIApplicationCommandOptionChoice[] };
    };
    // Shown as the rest is, and so typed back: `offered` maps the name shown to the value.
    const choices = (body.data?.choices ?? []).map((c) => ({ ...c, name: visible(c.name) }));
    offered.set(`${path.join(' ')} ${option.name}`, choices);
    return choices.map((c) => c.name);
  }
  return [];
}

/**
 * Values as readline is to take them. It writes the common start of the values in place of the typed
 * text, and lists them only when there is none to write: a start that does not go on from the text
 * (`How to lead ` for `lead`, of two titles) would replace it, and the list would never show. Then the
 * text is among the values too, which leaves no common start, and the values are listed. One value,
 * or values that go on from the text (whatever its case), are written in as before.
 */
export function listed(values: string[], typed: string): [string[], string] {
  if (values.length < 2) return [values, typed];
  const start = values.reduce((common, value) => {
    let at = 0;
    while (at < common.length && common[at] === value[at]) at++;
    return common.slice(0, at);
  });
  const goesOn = start.toLowerCase().startsWith(typed.toLowerCase()) || typed.startsWith(start);
  return [goesOn ? values : [...values, typed], typed];
}

/** The permissions a command asks of a member by default (its `default_member_permissions`), if any. */
function requiredPermissions(emulator: DiscordEmulator, commandLine: string): string | undefined {
  const name = commandLine.split(' ')[0];
  const command = [...emulator.commands.guild.values()].flat().find((c) => c.name === name);
  const required = command?.default_member_permissions;
  return required === undefined || required === null || required === '0' ? undefined : required;
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
        return [
          `${bold(`/${[command.name, ...usage(options)].join(' ')}`)}  ${dim(visible(command.description))}`,
        ];
      return subs.map((sub) => {
        const subOptions = 'options' in sub ? (sub.options ?? []) : [];
        return `${bold(`/${[command.name, sub.name, ...usage(subOptions)].join(' ')}`)}  ${dim(visible(sub.description))}`;
      });
    })
    .join('\n');
}

/** Channel and user mentions and timestamps as Discord's client shows them. */
function asShown(emulator: DiscordEmulator, text: string): string {
  const channels = emulator.guilds.flatMap((g) => g.channels);
  return (
    text
      // Escaped (`\<t:…>`), Discord shows it as written: left so.
      .replace(/(?<!\\)<#(\d+)>/g, (whole, id: string) => {
        const channel = channels.find((c) => c.id === id);
        return channel === undefined ? whole : blue(`#${channel.name}`);
      })
      // The one user here is whoever types at the prompt (`paused by @you`).
      .replace(/(?<!\\)<@!?(\d+)>/g, (whole, id: string) => (id === IDS.user ? blue('@you') : whole))
      .replace(/(?<!\\)<t:(-?\d+)(?::[tTdDfFR])?>/g, (_, seconds: string) =>
        blue(
          new Date(Number(seconds) * 1000).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' }),
        ),
      )
  );
}

function render(emulator: DiscordEmulator, message: APIMessage | undefined, ephemeral: boolean): string {
  if (message === undefined) return dim('(no message)');
  const out: string[] = [];
  const v = visible;
  if (ephemeral) out.push(dim('(only you can see this)'));
  if (message.content !== '') out.push(v(message.content));
  for (const embed of message.embeds) {
    if (embed.author?.name !== undefined) out.push(dim(v(embed.author.name)));
    if (embed.title !== undefined)
      out.push(bold(v(embed.title)) + (embed.url === undefined ? '' : ` ${blue(v(embed.url))}`));
    if (embed.description !== undefined) out.push(v(embed.description));
    for (const field of embed.fields ?? []) out.push(`\n${bold(v(field.name))}\n${v(field.value)}`);
    if (embed.footer?.text !== undefined) out.push(dim(v(embed.footer.text)));
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

// Run as the playground; imported (by its tests) for the prompt's parsing and completion.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
