import { InteractionType, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type DiscordEmulator } from '../../emulator/emulator.js';
import type { BotProcess } from '../../emulator/bot-process.js';
import { SITE_URL, startStack, type Stack } from './harness.js';
import { buttonIds, callbackOf, EPHEMERAL, withButton } from './callbacks.js';

/** A second, newer article so that paging has somewhere to go; written as an author would. */
const SECOND = `---
title: Your first 90 days as an engineering manager
slug: first-90-days
tags: [Engineering-Leadership, management]
url: /blog/first-90-days
summary: What to do in your first three months leading a team.
date: 2099-01-01
---

## Motivations

You were asked to lead. Some say yes for growth, some for impact.

## Tips

- **Listen first:** Hold a 1:1 with everyone in your first two weeks. @everyone <@&123>
- **Write it down:** Keep a log of decisions.
`;

let emulator: DiscordEmulator;
let bot: BotProcess;
let stack: Stack;
let deployOutput: string;

beforeAll(async () => {
  stack = await startStack({
    articles: {
      'first-90-days.md': SECOND,
      // Hostile files beside the good ones: reported by name, never run, never fatal.
      'runs-code.md': `---js\n{ title: (globalThis.process.exit(3), 'T') }\n---\n## Tips\n- x\n`,
      'deep-list.md': `---\ntitle: T\ntags: [a]\nurl: /x\nsummary: S\n---\n## Tips\n\n${'- '.repeat(1000)}x\n`,
    },
  });
  ({ emulator, bot, deployOutput } = stack);
}, 60_000);

afterAll(() => stack.stop());

describe('starting with hostile articles in the folder', () => {
  it('GIVEN a ---js file and a list 1,000 deep THEN the bot runs neither, logs each by name and serves the others', () => {
    const skipped = bot.logs.filter((line) => /runs-code\.md|deep-list\.md/.test(JSON.stringify(line)));
    expect(skipped.map((line) => JSON.stringify(line))).toEqual([
      expect.stringMatching(/deep-list\.md.*nesting deeper than 32 levels/),
      expect.stringMatching(/runs-code\.md.*title: its value is JavaScript, which the bot never runs/),
    ]);
    expect(bot.logs.find((line) => line.msg === 'content loaded')).toMatchObject({ articles: 2, skipped: 2 });
  });
});

describe('deploy-commands', () => {
  it('GIVEN DISCORD_GUILD_ID THEN registers exactly the bot commands in that server with one bulk overwrite, and prints them', () => {
    const puts = emulator.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    ]);
    expect(emulator.commands.guild.get(IDS.guild)?.map((c) => c.name)).toEqual([
      'motivations',
      'skills',
      'tips',
      'tip',
      'articles',
      'search',
      'schedule',
      'help',
    ]);
    expect(emulator.commands.global).toEqual([]);
    expect(deployOutput).toMatch(
      /Registered 8 commands in server 1100000000000000002: \/motivations, \/skills, \/tips, \/tip, \/articles, \/search, \/schedule, \/help/,
    );
    expect(deployOutput).not.toContain(emulator.token);
  });
});

describe('slash commands through the real discord.js client', () => {
  it('GIVEN /tips THEN answers publicly with the newest article, and Next/Previous page through the others', async () => {
    const interaction = emulator.chatInput('tips');
    const callback = callbackOf(await interaction.response());
    expect(callback.type).toBe(4);
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(callback.data?.embeds?.[0]?.title).toBe('Tips · Your first 90 days as an engineering manager');
    const message = interaction.message();
    const next = buttonIds(message).find((id) => id.startsWith('tips:all:software'));
    expect(next).toBeDefined();

    const press = emulator.pressButton(message as APIMessage, next ?? '');
    const update = callbackOf(await press.response());
    expect(update.type).toBe(7);
    expect(update.data?.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      'Seek out mentorship',
      'Develop your leadership skills',
      'Volunteer for leadership opportunities',
      'Network with other engineering leaders',
    ]);
    expect(update.data?.embeds?.[0]?.url).toBe(`${SITE_URL}/blog/software-engineer-to-engineering-leader`);

    const previous = buttonIds(message).find((id) => id.startsWith('tips:all:first-90-days'));
    const back = callbackOf(await emulator.pressButton(message as APIMessage, previous ?? '').response());
    expect(back.data?.embeds?.[0]?.title).toBe('Tips · Your first 90 days as an engineering manager');
  });

  it('GIVEN /skills article:<title> private:true THEN answers only to the user with the 4 skills', async () => {
    const interaction = emulator.chatInput('skills', {
      article: 'software-engineer-to-engineering-leader',
      private: true,
    });
    const callback = callbackOf(await interaction.response());
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      'Strong leadership skills',
      'Technical expertise',
      'People management skills',
      'Communication skills',
    ]);
  });

  it('GIVEN /motivations THEN answers with the newest motivations', async () => {
    const callback = callbackOf(await emulator.chatInput('motivations').response());
    expect(callback.data?.embeds?.[0]?.description).toMatch(/^You were asked to lead/);
  });

  it('GIVEN autocomplete on article THEN at most 25 choices, matching titles', async () => {
    const callback = callbackOf(
      await emulator.autocomplete('tips', 'article', { article: 'engineer' }).response(),
    );
    expect(callback.type).toBe(8);
    // The title with the whole word before the one where it starts a longer word ("engineering").
    expect(callback.data?.choices?.map((c) => c.value)).toEqual([
      'software-engineer-to-engineering-leader',
      'first-90-days',
    ]);
  });

  it('GIVEN /articles tag:<another spelling> THEN lists both articles newest first with the tag page link', async () => {
    const callback = callbackOf(
      await emulator.chatInput('articles', { tag: 'engineering leadership' }).response(),
    );
    const embed = callback.data?.embeds?.[0];
    expect(embed?.url).toBe(`${SITE_URL}/blog?tag=engineering%20leadership`);
    expect(embed?.description?.indexOf('first-90-days')).toBeLessThan(
      embed?.description?.indexOf('software-engineer') ?? 0,
    );
  });

  it('GIVEN /articles with an unknown tag THEN answers ephemerally naming the closest tags', async () => {
    const callback = callbackOf(await emulator.chatInput('articles', { tag: 'managment' }).response());
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/Did you mean \*\*management\*\*/);
  });

  it('GIVEN autocomplete on tag THEN tags with their counts', async () => {
    const callback = callbackOf(await emulator.autocomplete('articles', 'tag', { tag: '' }).response());
    expect(callback.data?.choices).toEqual([
      { name: 'engineering leadership (2 articles)', value: 'engineering leadership' },
      { name: 'management (1 article)', value: 'management' },
    ]);
  });

  it('GIVEN /tip three times in a channel THEN never the same tip twice in a row', async () => {
    const titles: string[] = [];
    for (let i = 0; i < 6; i++) {
      const callback = callbackOf(await emulator.chatInput('tip').response());
      titles.push(callback.data?.embeds?.[0]?.title ?? '');
    }
    for (let i = 1; i < titles.length; i++) expect(titles[i]).not.toBe(titles[i - 1]);
  });

  it('GIVEN /tip twice at once in a channel (a double click) THEN the two tips differ, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        emulator.chatInput('tip').response(),
        emulator.chatInput('tip').response(),
      ]);
      expect(callbackOf(a).data?.embeds?.[0]?.title).not.toBe(callbackOf(b).data?.embeds?.[0]?.title);
    }
  });

  it('GIVEN /help THEN lists every command', async () => {
    const callback = callbackOf(await emulator.chatInput('help').response());
    for (const name of ['motivations', 'skills', 'tips', 'tip', 'articles', 'search', 'schedule', 'help']) {
      expect(callback.data?.embeds?.[0]?.description).toContain(`**/${name}`);
    }
  });

  it('GIVEN a button from content that changed THEN answers ephemerally that it expired', async () => {
    const interaction = emulator.chatInput('tips');
    await interaction.response();
    const stale = withButton(interaction.message() as APIMessage, 'tips:all:deleted-article:0');
    const callback = callbackOf(await emulator.pressButton(stale, 'tips:all:deleted-article:0').response());
    expect(callback.type).toBe(4);
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/expired/);
  });

  it('GIVEN a modal submit, a select menu or a context-menu command (the bot has none) THEN each is answered privately, not left to fail', async () => {
    const cases: [string, InteractionType, object, RegExp][] = [
      ['modal', InteractionType.ModalSubmit, { custom_id: 'feedback', components: [] }, /no longer works/],
      [
        'select',
        InteractionType.MessageComponent,
        { custom_id: 'tips:pick', component_type: 3, values: ['a'] },
        /no longer works/,
      ],
      [
        'user menu',
        InteractionType.ApplicationCommand,
        {
          id: '1400000000000000001',
          name: 'tips',
          type: 2,
          target_id: IDS.user,
          resolved: {
            users: {
              [IDS.user]: {
                id: IDS.user,
                username: 'member',
                discriminator: '0',
                global_name: null,
                avatar: null,
              },
            },
          },
        },
        /do not offer this command/,
      ],
    ];
    const tips = emulator.chatInput('tips');
    await tips.response();
    const message = tips.message() as APIMessage;
    for (const [name, type, data, answer] of cases) {
      const on = type === InteractionType.MessageComponent ? message : undefined;
      const callback = callbackOf(await emulator.unregistered(type, data, on).response());
      expect(callback.type, name).toBe(4);
      expect((callback.data?.flags ?? 0) & EPHEMERAL, name).toBe(EPHEMERAL);
      expect(callback.data?.content, name).toMatch(answer);
    }
  });

  it("GIVEN an option sent with another type than the command has (an old definition) THEN a private answer saying what to do, not an error on the bot's side", async () => {
    const tips = emulator.command('tips');
    if (tips === undefined) throw new Error('/tips is not registered');
    const wrong = {
      id: tips.id,
      name: 'tips',
      type: 1,
      options: [{ name: 'private', type: 3, value: 'yes' }],
    };
    const callback = callbackOf(
      await emulator.unregistered(InteractionType.ApplicationCommand, wrong).response(),
    );
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(
      /^I cannot read an option of this command\. Choose the command again/,
    );
    expect(await bot.waitForLog(/discord.js could not read an option/)).toMatchObject({ command: 'tips' });
    // Typed as a number in an autocomplete: choices all the same.
    const focused = {
      id: tips.id,
      name: 'tips',
      type: 1,
      options: [{ name: 'article', type: 4, value: 42, focused: true }],
    };
    const choices = callbackOf(
      await emulator.unregistered(InteractionType.ApplicationCommandAutocomplete, focused).response(),
    );
    expect(choices.type).toBe(8);
  });

  it('GIVEN the reply fails with 5xx beyond the retries (a handler error) THEN the user gets one ephemeral error', async () => {
    emulator.failNext({ path: /\/callback$/, status: 500, times: 4 });
    const interaction = emulator.chatInput('help');
    const callback = callbackOf(await interaction.response(20_000));
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/^Something went wrong on my side \(ref [0-9a-f]{8}\)/);
    const logged = await bot.waitForLog(/interaction handler failed/);
    expect(JSON.stringify(logged)).not.toContain(interaction.token);
  });

  it('GIVEN every command with every option THEN each is answered once, privately exactly when asked', async () => {
    const slug = 'software-engineer-to-engineering-leader';
    const cases: [string, Record<string, string | boolean>][] = [
      ['motivations', { article: slug }],
      ['motivations', { private: true }],
      ['skills', {}],
      ['tips', { article: 'From Software Engineer to Engineering Leader', private: false }],
      ['tip', { private: true }],
      ['articles', {}],
      ['articles', { tag: 'management', private: true }],
      ['search', { query: 'engineering leader' }],
      ['search', { query: 'mentorship', private: true }],
      ['help', { private: true }],
    ];
    for (const [name, options] of cases) {
      const interaction = emulator.chatInput(name, options);
      const callback = callbackOf(await interaction.response());
      expect(callback.type, name).toBe(4);
      expect((callback.data?.flags ?? 0) & EPHEMERAL, `${name} ${JSON.stringify(options)}`).toBe(
        options.private === true ? EPHEMERAL : 0,
      );
      expect(callback.data?.embeds?.length, name).toBe(1);
      expect(interaction.requests().filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    }
  });

  it('GIVEN everything above THEN every request body was valid for Discord and inside its limits', () => {
    expect(emulator.violations).toEqual([]);
  });
});
