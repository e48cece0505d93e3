import { readFileSync } from 'node:fs';
import { MessageFlags, type InteractionReplyOptions } from 'discord.js';
import { assert, describe, expect, it } from 'vitest';
import { Keyv } from 'keyv';
import { createLogger } from '../../src/adapters/logger.js';
import { ScheduleBook } from '../../src/adapters/schedule-book.js';
import { LastTips } from '../../src/adapters/last-tips.js';
import type { KeyValue } from '../../src/adapters/store.js';
import { messageLimitViolations } from '../../src/core/check-limits.js';
import type { Article } from '../../src/core/article.js';
import { buildIndex } from '../../src/core/content-index.js';
import type { MessagePayload } from '../../src/core/payload.js';
import { UserFacingError, type Command, type Deps } from '../../src/discord/command.js';
import { COMMANDS } from '../../commands/index.js';
import { createRouter } from '../../src/discord/router.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { autocomplete, button, chatInput } from '../helpers/fake-interactions.js';
import { SEED_ARTICLE } from '../helpers/paths.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import { searchableIndex } from '../helpers/search.js';

const SITE = 'https://blog.example';
const seed = mustParse(readFileSync(SEED_ARTICLE, 'utf8'), 'content/seed.md', SITE);
const second = mustParse(
  articleSource(
    validFront({
      slug: 'first-90-days',
      title: 'Your first 90 days as a manager',
      date: '2099-01-01',
      tags: ['Engineering-Leadership', 'management'],
    }),
    '## Tips\n\n- **Listen:** Hold 1:1s. @everyone <@123> should not ping.\n\n## Motivations\n\nYou asked for it.',
  ),
  'content/first-90-days.md',
  SITE,
);

class MemoryKeyValue implements KeyValue<string> {
  readonly map = new Map<string, string>();
  get(key: string) {
    return Promise.resolve(this.map.get(key));
  }
  set(key: string, value: string) {
    this.map.set(key, value);
    return Promise.resolve(true);
  }
}

function setup(random: () => number = () => 0, articles: readonly Article[] = [seed, second]) {
  const { index } = buildIndex(articles);
  const lastTip = new MemoryKeyValue();
  const deps: Deps = {
    content: index,
    lastTips: new LastTips(lastTip, createLogger({ level: 'silent' })),
    schedules: new ScheduleBook(new Keyv(), createLogger({ level: 'silent' })),
    clock: () => Date.UTC(2026, 10, 28, 12),
    logger: createLogger({ level: 'silent' }),
    blog: defaultBlogLinks(SITE),
    random,
    commandDefinitions: COMMANDS.map((c) => c.data.toJSON()),
  };
  return { route: createRouter(COMMANDS, deps), deps, lastTip };
}

/** The one reply an interaction got, checked against Discord's limits and the no-mentions rule. */
function onlyReply(interaction: { calls: { method: string; options: unknown }[] }, method = 'reply') {
  expect(interaction.calls.map((c) => c.method)).toEqual([method]);
  const sent = interaction.calls[0]?.options as InteractionReplyOptions;
  // What discord.js will put in the request body: JSON-encodable parts become their JSON.
  const json = (value: unknown): unknown =>
    typeof value === 'object' && value !== null && 'toJSON' in value && typeof value.toJSON === 'function'
      ? (value.toJSON as () => unknown)()
      : value;
  const options = {
    ...sent,
    embeds: sent.embeds?.map(json),
    components: sent.components?.map(json),
  } as InteractionReplyOptions & MessagePayload;
  expect(options.allowedMentions).toEqual({ parse: [] });
  expect(messageLimitViolations(options)).toEqual([]);
  return options;
}

const isEphemeral = (options: InteractionReplyOptions) => options.flags === MessageFlags.Ephemeral;

describe('section commands', () => {
  it('GIVEN /tips without an article THEN shows the newest article with tips, publicly, with Next', async () => {
    const { route } = setup();
    const interaction = chatInput('tips');
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('Tips · Your first 90 days as a manager');
    expect(reply.embeds?.[0]?.footer?.text).toBe('Article 1 of 2');
    const ids = JSON.stringify(reply.components);
    expect(ids).toContain('"custom_id":"tips:all:software-engineer-to-engineering-leader:0"');
  });

  it('GIVEN the Next button THEN updates the message to the next article', async () => {
    const { route } = setup();
    const press = button('tips:all:software-engineer-to-engineering-leader:0');
    await route(press);
    const update = onlyReply(press, 'update');
    expect(update.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      'Seek out mentorship',
      'Develop your leadership skills',
      'Volunteer for leadership opportunities',
      'Network with other engineering leaders',
    ]);
    expect(update.embeds?.[0]?.url).toBe('https://blog.example/blog/software-engineer-to-engineering-leader');
    expect(update.embeds?.[0]?.description).toMatch(/^If you're considering/);
  });

  it('GIVEN /skills article:<title> private:true THEN shows that article only to the user', async () => {
    const { route } = setup();
    const interaction = chatInput('skills', {
      article: 'from software engineer to engineering leader',
      private: true,
    });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds?.[0]?.fields).toHaveLength(4);
    expect(reply.embeds?.[0]?.fields?.[1]).toEqual({
      name: 'Technical expertise',
      value:
        "A deep understanding of software development principles and technologies relevant to the team's domain.",
    });
    expect(JSON.stringify(reply.components)).not.toContain('custom_id');
  });

  it('GIVEN /motivations with the seed slug THEN shows its motivations', async () => {
    const { route } = setup();
    const interaction = chatInput('motivations', { article: 'software-engineer-to-engineering-leader' });
    await route(interaction);
    expect(onlyReply(interaction).embeds?.[0]?.description).toMatch(/^Several factors can motivate/);
  });

  it('GIVEN an unknown article THEN answers ephemerally with what to do, echoing the input safely', async () => {
    const { route } = setup();
    const interaction = chatInput('tips', { article: '@everyone **nope**' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/No article matches “@\u200beveryone \\\*\\\*nope\\\*\\\*”\. Start typing/);
  });

  it('GIVEN an unknown article with a right-to-left override and control characters THEN echoes only the plain words', async () => {
    const { route } = setup();
    const interaction = chatInput('tips', { article: 'evil\u202Etxt.exe\u0000\nnext line' });
    await route(interaction);
    expect(onlyReply(interaction).content).toMatch(/^No article matches “eviltxt\.exe next line”\. /);
  });

  it('GIVEN an article typed as only invisible characters (U+202E, a zero-width space) THEN reads it as none: the newest article', async () => {
    const { route } = setup();
    for (const [command, article] of [
      ['tips', '\u202E'],
      ['motivations', '\u200B \u2060'],
    ] as const) {
      const interaction = chatInput(command, { article });
      await route(interaction);
      const reply = onlyReply(interaction);
      expect(reply.content).toBeUndefined();
      expect(reply.embeds?.[0]?.title).toMatch(/ · Your first 90 days as a manager$/);
    }
  });

  it('GIVEN typed text that one title contains (no suggestion picked) THEN shows that article', async () => {
    const { route } = setup();
    const interaction = chatInput('tips', { article: '90 DAYS' });
    await route(interaction);
    expect(onlyReply(interaction).embeds?.[0]?.title).toBe('Tips · Your first 90 days as a manager');
  });

  it('GIVEN typed text that several titles contain THEN names them ephemerally', async () => {
    const { route } = setup();
    // Words starting with it, not words holding it ("er" would be in "manager").
    const interaction = chatInput('tips', { article: 'f' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(
      /^Several articles match “f”: “(Your first 90 days as a manager|From Software Engineer to Engineering Leader)”, “.*”\. Pick one/,
    );
  });

  it('GIVEN typed text that more than four titles contain THEN names four and counts the others', async () => {
    const releases = [1, 2, 3, 4, 5, 6].map((n) =>
      mustParse(
        articleSource({ title: `Release ${n}`, summary: 'S.' }, '## Tips\n\n- Upgrade.'),
        `content/release-${n}.md`,
        SITE,
      ),
    );
    const { route } = setup(undefined, releases);
    const interaction = chatInput('tips', { article: 'release' });
    await route(interaction);
    expect(onlyReply(interaction).content).toMatch(
      /^Several articles match “release”: (“Release \d”, ){3}“Release \d”, and 2 more\. Pick one/,
    );
  });

  it('GIVEN an article without that section THEN says so ephemerally and names articles that have it', async () => {
    const { route } = setup();
    const interaction = chatInput('skills', { article: 'first-90-days' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(
      '“Your first 90 days as a manager” has no skills. Articles with skills: “From Software Engineer to Engineering Leader”. Pick one in the `article` option, or leave it empty to page through them.',
    );
  });

  it('GIVEN typed text that only titles without that section contain THEN says they have none and names articles that have it', async () => {
    const { route, deps } = setup();
    const interaction = chatInput('skills', { article: '90 days' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(
      /^“Your first 90 days as a manager” has no skills\. Articles with skills: “From Software Engineer to Engineering Leader”\. /,
    );

    const { index } = buildIndex([
      seed,
      { ...second, slug: 'post-a', title: 'Post a' },
      { ...second, slug: 'post-b', title: 'Post b' },
    ]);
    const several = chatInput('skills', { article: 'post' });
    await createRouter(COMMANDS, { ...deps, content: index })(several);
    expect(onlyReply(several).content).toMatch(
      /^The articles matching “post” have no skills: “Post (a|b)”, “Post (a|b)”\. Articles with skills: “From Software Engineer to Engineering Leader”\. /,
    );
  });

  it('GIVEN a post with no section at all THEN /tips on it names those with tips, sharing its tags first, then the newest', async () => {
    const { deps } = setup();
    const post = (slug: string, tags: string[], date: string, sections: Article['sections']): Article => ({
      ...second,
      slug,
      title: `Post ${slug}`,
      tags,
      date,
      sections,
    });
    const tips = second.sections.tips ?? assert.fail('the second article has tips');
    const { index } = buildIndex([
      post('prose', ['Hiring', 'management'], '2099-06-01', {}),
      post('newest', ['other'], '2099-05-01', { tips }),
      post('shares-one', ['hiring'], '2000-01-01', { tips }),
      post('shares-two', ['management', 'HIRING'], '1999-01-01', { tips }),
      post('no-tips', ['hiring', 'management'], '2099-04-01', {
        motivations: second.sections.motivations ?? tips,
      }),
    ]);
    const interaction = chatInput('tips', { article: 'prose' });
    await createRouter(COMMANDS, { ...deps, content: index })(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(
      /^“Post prose” has no tips\. Articles with tips: “Post shares-two”, “Post shares-one”, “Post newest”\. /,
    );

    // Autocomplete offers only articles with the section.
    const typed = autocomplete('tips', 'article', 'Post');
    await createRouter(COMMANDS, { ...deps, content: index })(typed);
    expect(typed.calls).toEqual([
      {
        method: 'respond',
        options: ['newest', 'shares-one', 'shares-two'].map((slug) => ({
          name: `Post ${slug}`,
          value: slug,
        })),
      },
    ]);
  });

  it('GIVEN autocomplete on article THEN offers matching titles of articles with that section', async () => {
    const { route } = setup();
    const interaction = autocomplete('skills', 'article', 'engineer');
    await route(interaction);
    expect(interaction.calls).toEqual([
      {
        method: 'respond',
        options: [
          {
            name: 'From Software Engineer to Engineering Leader',
            value: 'software-engineer-to-engineering-leader',
          },
        ],
      },
    ]);
  });

  it('GIVEN a button whose article is gone THEN answers ephemerally that it expired, and does not update', async () => {
    const { route } = setup();
    const press = button('tips:all:deleted-article:0');
    await route(press);
    const reply = onlyReply(press);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/expired.*Run \/tips again/);
  });
});

describe('what the router tells the metrics', () => {
  it('GIVEN answers, refusals and unknown buttons THEN each is told once, named only by the bot’s own commands', async () => {
    const { deps } = setup();
    const seen: [string, string, string][] = [];
    const route = createRouter(COMMANDS, deps, (kind, command, outcome, seconds) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      seen.push([kind, command, outcome]);
    });
    await route(chatInput('tips'));
    await route(chatInput('tips', { article: 'no-such-article' }));
    await route(button('tips:all:deleted-article:0'));
    // A custom id from another bot version, or typed by hand: never a label value.
    await route(button('a search someone typed, far too long to be a label value'));
    expect(seen).toEqual([
      ['command', 'tips', 'ok'],
      ['command', 'tips', 'refused'],
      ['button', 'tips', 'refused'],
      ['button', 'unknown', 'refused'],
    ]);
  });
});

describe('/tip', () => {
  it('GIVEN repeated /tip in one channel THEN never the same tip twice in a row, and remembers the last one', async () => {
    let n = 0;
    const { route, lastTip, deps } = setup(() => [0, 0, 0.99, 0.5, 0][n++ % 5] ?? 0);
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const interaction = chatInput('tip', {}, '1100000000000000009');
      await route(interaction);
      const reply = onlyReply(interaction);
      names.push(reply.embeds?.[0]?.title ?? '');
      expect(reply.embeds?.[0]?.author?.name).toMatch(/^From “/);
    }
    for (let i = 1; i < names.length; i++) expect(names[i]).not.toBe(names[i - 1]);
    await deps.lastTips.flush();
    expect(lastTip.map.get('1100000000000000009')).toMatch(/\/tips\/\d$/);
  });

  it('GIVEN two /tip at once in a channel (a double click) THEN the second sees the tip of the first', async () => {
    // Always the first tip, unless it was the last one shown.
    const { route, lastTip, deps } = setup(() => 0);
    const first = chatInput('tip', {}, '1100000000000000009');
    const second = chatInput('tip', {}, '1100000000000000009');
    await Promise.all([route(first), route(second)]);
    const titles = [first, second].map((i) => onlyReply(i).embeds?.[0]?.title);
    expect(titles[0]).not.toBe(titles[1]);
    // The second drew the first tip too, saw it was the last shown, and moved one place on.
    await deps.lastTips.flush();
    expect(lastTip.map.get('1100000000000000009')).toBe(deps.content.items('tips')[1]?.id);
  });

  it('GIVEN a store that cannot be read or written THEN /tip still answers', async () => {
    const { deps } = setup(() => 0);
    const broken: KeyValue<string> = {
      get: () => Promise.reject(new Error('disk full')),
      set: () => Promise.reject(new Error('disk full')),
    };
    const warnings: string[] = [];
    const logger = createLogger({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const lastTips = new LastTips(broken, logger);
    const route = createRouter(COMMANDS, { ...deps, lastTips });
    const interaction = chatInput('tip');
    await route(interaction);
    expect(onlyReply(interaction).embeds?.[0]?.title).toBeTruthy();
    // Its failed write is logged, not thrown.
    await lastTips.flush();
    expect(warnings.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain(
      'could not store the last tip',
    );
  });

  it('GIVEN a tip that mentions @everyone THEN the reply parses no mentions', async () => {
    const { route } = setup(() => 0);
    const interaction = chatInput('tip');
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(reply.embeds?.[0]?.description).toContain('@everyone');
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });
});

describe('a blog without tags or the three sections', () => {
  // A post as most blogs write one: no tags, no Motivations, Skills or Tips.
  const post = mustParse(
    articleSource({ title: 'A plain post', summary: 'Plain.' }, 'Just prose.'),
    'content/plain.md',
    SITE,
  );

  it('GIVEN /articles tag: THEN says the articles have no tags, suggesting none', async () => {
    const { route } = setup(undefined, [post]);
    const interaction = chatInput('articles', { tag: 'functions' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(
      'No articles are tagged “functions”: the articles have no tags. Leave out `tag` to list them all.',
    );
  });

  it('GIVEN /tip THEN points to the commands that have something to show', async () => {
    const { route } = setup(undefined, [post]);
    const none = chatInput('tip');
    await route(none);
    expect(onlyReply(none).content).toBe('There are no tips yet. Try /articles or /search.');
    const withSkills = mustParse(
      articleSource({ title: 'Skilled', summary: 'S.' }, '## Skills\n\n- Listening.'),
      'content/skilled.md',
      SITE,
    );
    const { route: skilled } = setup(undefined, [post, withSkills]);
    const some = chatInput('tip');
    await skilled(some);
    expect(onlyReply(some).content).toBe('There are no tips yet. Try /skills.');
  });
});

describe('/articles', () => {
  it('GIVEN a tag in another spelling THEN lists its articles newest first with the tag page link', async () => {
    const { route } = setup();
    const interaction = chatInput('articles', { tag: 'ENGINEERING leadership' });
    await route(interaction);
    const embed = onlyReply(interaction).embeds?.[0];
    expect(embed?.title).toBe('Articles tagged “engineering leadership”');
    expect(embed?.url).toBe('https://blog.example/blog?tag=engineering%20leadership');
    expect(embed?.description).toMatch(
      /^\*\*\[Your first 90 days as a manager\]\(https:\/\/blog\.example\/blog\/first-90-days\)\*\* · 2099-01-01\n/,
    );
    expect(embed?.description).toContain(
      '[From Software Engineer to Engineering Leader](https://blog.example/blog/software-engineer-to-engineering-leader)',
    );
    expect(embed?.footer?.text).toBe('2 articles');
  });

  it('GIVEN a tag typed as only invisible characters THEN lists every article, as without a tag', async () => {
    const { route } = setup();
    const interaction = chatInput('articles', { tag: '\u200B\u202E' });
    await route(interaction);
    const embed = onlyReply(interaction).embeds?.[0];
    expect(embed?.footer?.text).toBe('2 articles');
    expect(embed?.title).not.toMatch(/tagged/);
  });

  it('GIVEN an unknown tag THEN answers ephemerally with the closest known tags', async () => {
    const { route } = setup();
    const interaction = chatInput('articles', { tag: 'enginering leadershp' });
    await route(interaction);
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(
      /No articles are tagged “enginering leadershp”\. Did you mean \*\*engineering leadership\*\*\?/,
    );
  });

  describe('GIVEN tags with Markdown in them, and text like none of them', () => {
    const tagged = mustParse(
      articleSource(
        validFront({ slug: 'tagged', tags: ['career', '__init__', '*star*', '@here', 'mentorship', '导师'] }),
        'Text.',
      ),
      'content/tagged.md',
      SITE,
    );
    const answer = async (command: string, options: Record<string, string>) => {
      const { route } = setup(undefined, [tagged]);
      const interaction = chatInput(command, options);
      await route(interaction);
      const reply = onlyReply(interaction);
      expect(isEphemeral(reply)).toBe(true);
      return reply.content;
    };

    it('GIVEN an unknown tag THEN the closest tags as written, or none but how to pick one', async () => {
      expect(await answer('articles', { tag: 'ini' })).toBe(
        'No articles are tagged “ini”. Did you mean **\\_\\_init\\_\\_**? Start typing in the `tag` option to pick one.',
      );
      expect(await answer('articles', { tag: '🚀' })).toBe(
        'No articles are tagged “🚀”. Start typing in the `tag` option to pick one.',
      );
    });

    it('GIVEN a search that finds nothing THEN the closest tags as written, or none but where the tags are', async () => {
      expect(await answer('search', { query: 'mentr' })).toBe(
        'No article matches “mentr”. Closest tags: **mentorship** (see /articles). Try other words, or fewer.',
      );
      expect(await answer('search', { query: 'star' })).toBe(
        'No article matches “star”. Closest tags: **\\*star\\*** (see /articles). Try other words, or fewer.',
      );
      expect(await answer('search', { query: 'zzzzqqq' })).toBe(
        'No article matches “zzzzqqq”. Try other words, or fewer, or pick a tag in `/articles tag:`.',
      );
      // Only invisible characters: nothing typed, not a symbol quoted as “”.
      expect(await answer('search', { query: '\u200B\u202E' })).toMatch(/^What should I look for\? /);
    });
  });

  it('GIVEN autocomplete on tag THEN offers tags with their article counts', async () => {
    const { route } = setup();
    const interaction = autocomplete('articles', 'tag', 'lead');
    await route(interaction);
    expect(interaction.calls[0]?.options).toEqual([
      { name: 'engineering leadership (2 articles)', value: 'engineering leadership' },
    ]);
  });
});

describe('/help', () => {
  it('GIVEN /help THEN lists every command with its description', async () => {
    const { route } = setup();
    const interaction = chatInput('help');
    await route(interaction);
    const description = onlyReply(interaction).embeds?.[0]?.description ?? '';
    for (const command of COMMANDS) expect(description).toContain(`**/${command.data.name}`);
    expect(description).toContain('2 articles');
    // /schedule has no `private` option: the hint names the commands that have one.
    expect(description).toContain('**/schedule** — ');
    expect(description).toContain('**/tips [article] [private]** — ');
    expect(description).toContain(
      'Replies are visible to the channel; where a command shows `[private]`, add `private:True` to see its answer only yourself.',
    );
  });
});

describe('/help in a DM', () => {
  it('GIVEN /help asked in a DM (context 1) THEN /schedule, offered in servers only, is not listed; in a server it is', async () => {
    const { route } = setup();
    const dm = Object.assign(chatInput('help'), { context: 1 });
    await route(dm);
    const listed = onlyReply(dm).embeds?.[0]?.description ?? '';
    expect(listed).toContain('**/tips');
    expect(listed).not.toContain('/schedule');
    const server = Object.assign(chatInput('help'), { context: 0 });
    await route(server);
    expect(onlyReply(server).embeds?.[0]?.description).toContain('**/schedule** — ');
  });
});

describe('the error boundary', () => {
  const throwing = (error: unknown, replyFirst = false): Command => ({
    data: { name: 'boom', toJSON: () => ({ name: 'boom', description: 'x' }) },
    async execute(interaction) {
      if (replyFirst) await interaction.reply({ content: 'partial' });
      throw error;
    },
  });

  function routeWith(command: Command) {
    const { deps } = setup();
    return createRouter([command], deps);
  }

  it('GIVEN an unknown command THEN answers ephemerally', async () => {
    const { route } = setup();
    const interaction = chatInput('removed-command');
    await route(interaction);
    expect(isEphemeral(onlyReply(interaction))).toBe(true);
  });

  it('GIVEN a handler that throws THEN answers one short ephemeral message with a reference, and does not reject', async () => {
    const interaction = chatInput('boom');
    await expect(routeWith(throwing(new Error('database on fire')))(interaction)).resolves.toBeUndefined();
    const reply = onlyReply(interaction);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/^Something went wrong on my side \(ref [0-9a-f]{8}\)/);
    expect(reply.content).not.toContain('database');
  });

  it('GIVEN a handler that throws after replying THEN follows up instead of replying twice', async () => {
    const interaction = chatInput('boom');
    await routeWith(throwing(new UserFacingError('no can do'), true))(interaction);
    expect(interaction.calls.map((c) => c.method)).toEqual(['reply', 'followUp']);
    expect((interaction.calls[1]?.options as InteractionReplyOptions).content).toBe('no can do');
  });

  it('GIVEN the error reply itself fails (token expired) THEN the router still resolves', async () => {
    const interaction = chatInput('boom');
    interaction.failNext = 'reply';
    await expect(routeWith(throwing(new Error('x')))(interaction)).resolves.toBeUndefined();
  });
});

describe('/search autocomplete with operators typed', () => {
  const post = (slug: string, title: string, text: string, date: string): Article => ({
    slug,
    title,
    summary: text,
    tags: ['habits'],
    date,
    sections: {},
    file: `content/${slug}.md`,
  });
  const index = searchableIndex([
    post('not', 'Why NOT Skip Retros', 'Retros matter.', '2024-04-01'),
    post('budget', '-20% Budget: OR Cuts', 'Cut meetings.', '2024-03-01'),
    post('java', 'Interviews', 'Java interviews.', '2024-02-01'),
    post('go', 'Go interviews', 'Go interviews.', '2024-01-01'),
  ]);
  const { deps } = setup();
  const suggested = async (typed: string) => {
    const interaction = autocomplete('search', 'query', typed);
    await createRouter(COMMANDS, { ...deps, content: index })(interaction);
    const [call] = interaction.calls as { options: { value: string }[] }[];
    return (call?.options ?? []).map((choice) => choice.value);
  };

  it('GIVEN a title typed whole or in part, its NOT, OR or - with it THEN it is suggested first', async () => {
    expect((await suggested('Why NOT Skip Retro'))[0]).toBe('Why NOT Skip Retros');
    expect((await suggested('Why NOT Skip Retros'))[0]).toBe('Why NOT Skip Retros');
    expect((await suggested('-20% Bud'))[0]).toBe('-20% Budget: OR Cuts');
  });

  it('GIVEN only words to leave out THEN the newest titles without them', async () => {
    expect(await suggested('-java')).toEqual([
      'Why NOT Skip Retros',
      '-20% Budget: OR Cuts',
      'Go interviews',
    ]);
  });
});
