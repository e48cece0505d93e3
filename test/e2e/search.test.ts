import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordEmulator } from '../../emulator/emulator.js';
import { articleSource } from '../helpers/articles.js';
import { SITE_URL, startStack, type Stack } from './harness.js';
import { buttonIds, callbackOf, EPHEMERAL, withButton } from './callbacks.js';

/** Seven articles on delegation (enough for two pages), the oldest of them titled with it; one on onboarding. */
const ARTICLES: Record<string, string> = {
  'delegation-without-guilt.md': articleSource(
    {
      title: 'Delegation without guilt',
      tags: ['delegation', 'management'],
      summary: 'Hand work over and let it go.',
      date: '2010-01-01',
    },
    '## Tips\n\n- **Start small:** Hand over one task this week.',
  ),
  ...Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [
      `team-habits-${i + 1}.md`,
      articleSource(
        {
          title: `Team habits ${i + 1}`,
          tags: ['habits'],
          summary: 'Habits of good teams.',
          date: `2099-03-0${i + 1}`,
        },
        '## Tips\n\n- **Delegate:** Practise delegation every week.',
      ),
    ]),
  ),
  'onboarding.md': articleSource(
    { title: 'Onboarding engineers well', tags: ['hiring'], summary: 'A first week that works.' },
    '## Tips\n\n- **Pair up:** Give every new hire a buddy.',
  ),
};

let stack: Stack;
let emulator: DiscordEmulator;

beforeAll(async () => {
  stack = await startStack({ articles: ARTICLES });
  ({ emulator } = stack);
}, 60_000);

afterAll(() => stack.stop());

describe('/search through the real discord.js client', () => {
  it('GIVEN deploy-commands THEN /search is registered after /articles with a required, autocompleted query of at most 80 characters', () => {
    expect(emulator.command('search')?.options).toEqual([
      expect.objectContaining({ name: 'query', required: true, autocomplete: true, max_length: 80 }),
      expect.objectContaining({ name: 'private' }),
    ]);
    expect(stack.deployOutput).toMatch(/\/articles, \/search, /);
  });

  it('GIVEN /search query:delegation THEN lists the 7 matches publicly, the title match first, and Next/Previous page through them', async () => {
    const interaction = emulator.chatInput('search', { query: 'delegation' });
    const callback = callbackOf(await interaction.response());
    expect(callback.type).toBe(4);
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const embed = callback.data?.embeds?.[0];
    expect(embed?.title).toBe('Articles matching “delegation”');
    expect(embed?.footer?.text).toBe('Page 1/2 · 7 articles');
    expect(embed?.description).toMatch(
      new RegExp(
        `^\\*\\*\\[Delegation without guilt\\]\\(${SITE_URL}/blog/delegation-without-guilt\\)\\*\\* · 2010-01-01\\nHand work over`,
      ),
    );
    // Equal scores after it: newest first.
    expect(embed?.description?.match(/Team habits \d/g)).toEqual([
      'Team habits 6',
      'Team habits 5',
      'Team habits 4',
      'Team habits 3',
    ]);

    const message = interaction.message() as APIMessage;
    // `search:<page>:<stamp of the results>:<query>`.
    const toPage = (page: number): string | undefined =>
      buttonIds(message).find((id) => new RegExp(`^search:${page}:[0-9a-z]{5}:delegation$`).test(id));
    const nextId = toPage(1) ?? '';
    expect(nextId).not.toBe('');
    const next = callbackOf(await emulator.pressButton(message, nextId).response());
    expect(next.type).toBe(7);
    expect(next.data?.embeds?.[0]?.footer?.text).toBe('Page 2/2 · 7 articles');
    expect(next.data?.embeds?.[0]?.description?.match(/Team habits \d/g)).toEqual([
      'Team habits 2',
      'Team habits 1',
    ]);
    const backId = toPage(0) ?? '';
    expect(backId).not.toBe('');
    const back = callbackOf(await emulator.pressButton(message, backId).response());
    expect(back.data?.embeds?.[0]?.footer?.text).toBe('Page 1/2 · 7 articles');
  });

  it('GIVEN private:true, another case and a typo THEN answers only to the user with the same articles', async () => {
    const callback = callbackOf(
      await emulator.chatInput('search', { query: 'DELEGATON', private: true }).response(),
    );
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.embeds?.[0]?.footer?.text).toBe('Page 1/2 · 7 articles');
  });

  it('GIVEN autocomplete THEN the titles matching what is typed, or the newest titles before anything is typed', async () => {
    const typed = callbackOf(await emulator.autocomplete('search', 'query', { query: 'deleg' }).response());
    expect(typed.type).toBe(8);
    expect(typed.data?.choices).toEqual([
      { name: 'Delegation without guilt', value: 'Delegation without guilt' },
    ]);
    const empty = callbackOf(await emulator.autocomplete('search', 'query', { query: '' }).response());
    expect(empty.data?.choices?.length).toBe(9);
    expect(empty.data?.choices?.[0]).toEqual({ name: 'Team habits 6', value: 'Team habits 6' });
  });

  it('GIVEN a query that matches nothing THEN answers privately with the closest tags, or the closest titles', async () => {
    const tag = callbackOf(await emulator.chatInput('search', { query: 'mangmnt' }).response());
    expect((tag.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(tag.data?.embeds ?? []).toEqual([]);
    expect(tag.data?.content).toMatch(/^No article matches “mangmnt”\. .*Closest tags: \*\*management\*\*/);

    // Three typos (a swap is one): too many for a search, within the closest titles'.
    const title = callbackOf(await emulator.chatInput('search', { query: 'onbaardnigg' }).response());
    expect((title.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(title.data?.content).toContain('Closest titles: “Onboarding engineers well”.');
  });

  it('GIVEN a word with two neighbouring letters swapped THEN the search and the autocomplete find it: one typo', async () => {
    // Six letters allow one typo; Levenshtein's distance counted a swap as two.
    const swapped = callbackOf(await emulator.chatInput('search', { query: 'habtis' }).response());
    expect(swapped.data?.embeds?.[0]?.description).toContain('Team habits 6');
    const response = await emulator.autocomplete('search', 'query', { query: 'habtis' }).response();
    expect((response.body as { data: { choices: { name: string }[] } }).data.choices).toContainEqual(
      expect.objectContaining({ name: 'Team habits 6' }),
    );
  });

  it('GIVEN a blank query or only common words THEN answers privately what to type', async () => {
    const blank = callbackOf(await emulator.chatInput('search', { query: '   ' }).response());
    expect((blank.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    // The example is a word of this blog: of its most used tag.
    expect(blank.data?.content).toMatch(
      /^What should I look for\? Type a word .*, e\.g\. `\/search query:habits`\.$/,
    );
    const common = callbackOf(await emulator.chatInput('search', { query: 'the' }).response());
    expect(common.data?.content).toMatch(/^“the” has no word I can search for.*`\/search query:habits`/);
    // An emoji is searched as a tag and in titles: that is what is said, not common words.
    const symbol = callbackOf(await emulator.chatInput('search', { query: '🛸' }).response());
    expect((symbol.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(symbol.data?.content).toMatch(
      /^No article is tagged “🛸” or has it in its title\. Type a word .*`\/search query:habits`\.$/,
    );
  });

  it('GIVEN -word THEN the articles without it; only words to leave out THEN answers privately that it needs a word to look for', async () => {
    const without = callbackOf(await emulator.chatInput('search', { query: 'delegation -guilt' }).response());
    expect(without.data?.embeds?.[0]?.footer?.text).toBe('Page 1/2 · 6 articles');
    expect(without.data?.embeds?.[0]?.description).not.toContain('Delegation without guilt');

    const only = callbackOf(await emulator.chatInput('search', { query: '-onboarding' }).response());
    expect((only.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(only.data?.embeds ?? []).toEqual([]);
    expect(only.data?.content).toBe(
      '“-onboarding” only says what to leave out (words after - or NOT): add a word to look for, e.g. `/search query:habits -onboarding`.',
    );
    // The example never looks for what the query leaves out: it would find nothing.
    const tagged = callbackOf(await emulator.chatInput('search', { query: '-habits' }).response());
    expect(tagged.data?.content).toMatch(/e\.g\. `\/search query:(?!habits )\S+ -habits`\.$/);
    // Very common words are left out: they are no word to look for either.
    const common = callbackOf(await emulator.chatInput('search', { query: 'how -onboarding' }).response());
    expect(common.data?.content).toBe(
      '“how -onboarding” has only very common words to look for (they are left out) and words to leave out (after - or NOT): add a word to look for, e.g. `/search query:habits how -onboarding`.',
    );
    // A symbol with it is something to look for (the articles with it, without the word): none here.
    const symbol = callbackOf(await emulator.chatInput('search', { query: '🛸 -guilt' }).response());
    expect((symbol.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(symbol.data?.content).toMatch(/^No article is tagged “🛸” or has it in its title\. /);
    // Nothing looked for yet: the newest titles, as before anything is typed.
    const typed = callbackOf(await emulator.autocomplete('search', 'query', { query: '-guilt' }).response());
    expect(typed.data?.choices?.[0]).toEqual({ name: 'Team habits 6', value: 'Team habits 6' });
    const deleg = callbackOf(
      await emulator.autocomplete('search', 'query', { query: 'deleg -guilt' }).response(),
    );
    expect(deleg.data?.choices).toEqual([]);
    // What is left out is left out wherever it is, as the search does: Team habits hold delegation in their tips.
    const habits = callbackOf(
      await emulator.autocomplete('search', 'query', { query: 'habit -delegation' }).response(),
    );
    expect(habits.data?.choices).toEqual([]);
    const either = callbackOf(
      await emulator.autocomplete('search', 'query', { query: 'guilt OR habits 3' }).response(),
    );
    expect(either.data?.choices).toEqual([{ name: 'Team habits 3', value: 'Team habits 3' }]);
    // No match: the closest tags are those of the words looked for.
    const none = callbackOf(await emulator.chatInput('search', { query: 'mangmnt -java' }).response());
    expect(none.data?.content).toMatch(
      /^No article matches “mangmnt -java”\. .*Closest tags: \*\*management\*\*/,
    );
    // But not a tag whose posts all hold what is left out: it would find nothing either.
    const held = callbackOf(await emulator.chatInput('search', { query: 'mangmnt -guilt' }).response());
    expect(held.data?.content).toMatch(/^No article matches “mangmnt -guilt”\./);
    expect(held.data?.content).not.toContain('management');
    // Found but for what is left out: that is what to change, said privately.
    const all = callbackOf(await emulator.chatInput('search', { query: 'guilt -delegation' }).response());
    expect((all.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(all.data?.content).toBe(
      '1 article matches “guilt”, but it holds “delegation”, which you left out: remove “-delegation” to see it.',
    );
  });

  it('GIVEN a full-width query (a CJK keyboard) THEN found as typed in ASCII, in the search and the autocomplete', async () => {
    const wide = callbackOf(await emulator.chatInput('search', { query: 'ＤＥＬＥＧＡＴＩＯＮ' }).response());
    expect(wide.data?.embeds?.[0]?.footer?.text).toBe('Page 1/2 · 7 articles');
    const typed = callbackOf(
      await emulator.autocomplete('search', 'query', { query: 'ｄｅｌｅｇ' }).response(),
    );
    expect(typed.data?.choices).toEqual([
      { name: 'Delegation without guilt', value: 'Delegation without guilt' },
    ]);
  });

  it('GIVEN a button whose page no longer exists THEN answers privately that the buttons expired', async () => {
    const interaction = emulator.chatInput('search', { query: 'onboarding' });
    await interaction.response();
    const stale = withButton(interaction.message() as APIMessage, 'search:3:00000:onboarding');
    const callback = callbackOf(await emulator.pressButton(stale, 'search:3:00000:onboarding').response());
    expect(callback.type).toBe(4);
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/expired.*\/search again/);
  });

  it('GIVEN /help THEN lists /search with its options', async () => {
    const callback = callbackOf(await emulator.chatInput('help').response());
    expect(callback.data?.embeds?.[0]?.description).toContain('**/search query: [private]**');
  });

  it('GIVEN everything above THEN every request body was valid for Discord and inside its limits', () => {
    expect(emulator.violations).toEqual([]);
  });
});
