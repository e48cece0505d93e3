import type { APIEmbed } from 'discord-api-types/v10';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import search from '../../commands/search.js';
import type { Article } from '../../src/core/article.js';
import { defaultBlogLinks } from '../../src/core/blog-links.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { Choice } from '../../src/core/payload.js';
import { searchCustomId, searchResults } from '../../src/core/render/search.js';
import type { Deps } from '../../src/discord/command.js';
import { autocomplete, button, chatInput } from '../helpers/fake-interactions.js';
import { searchableIndex } from '../helpers/search.js';

const SITE = 'https://blog.example';

const post = (slug: string, title: string, date: string, tags: string[] = []): Article => ({
  slug,
  title,
  summary: `About ${slug}.`,
  tags,
  url: `${SITE}/blog/${slug}`,
  date,
  sections: {},
  file: `content/${slug}.md`,
});

/** Newest first, as the index lists them. */
const index = searchableIndex([
  post('node', 'Leading a Node.js team 🚀', '2024-06-01', ['🚀']),
  post('java', 'Kubernetes for Java teams', '2024-05-01'),
  post('kube', 'Kubernetes on a budget', '2024-04-01'),
  post('career', 'Career ladders', '2024-03-01'),
  post('csharp', 'C# generics in practice', '2024-02-01'),
  post('launch', 'Launch day 🚀', '2024-01-01'),
  post('retros', 'Why NOT skip retros', '2023-12-01'),
  post('sale', 'Save -20% on tooling', '2023-11-01'),
]);

/** The index, counting how often a query is looked up as a title (`find`). */
function counting(): { content: ContentIndex; finds: () => number } {
  let finds = 0;
  const content: ContentIndex = {
    ...index,
    find: (query) => {
      finds++;
      return index.find(query);
    },
  };
  return { content, finds: () => finds };
}

const deps = (content: ContentIndex = index) =>
  ({ content, blog: defaultBlogLinks(SITE) }) as unknown as Deps;

async function answer(query: string, content?: ContentIndex): Promise<string> {
  const interaction = chatInput('search', { query });
  await search.execute(interaction as unknown as ChatInputCommandInteraction, deps(content));
  // The embeds as discord.js is handed them: JSON-encodable.
  const { embeds } = interaction.calls[0]?.options as { embeds: { toJSON(): APIEmbed }[] };
  return embeds[0]?.toJSON().description ?? '';
}

async function choices(query: string): Promise<string[]> {
  const interaction = autocomplete('search', 'query', query);
  await search.autocomplete(interaction as unknown as AutocompleteInteraction, deps());
  return (interaction.calls[0]?.options as Choice[]).map((choice) => choice.name);
}

describe('/search, read at the right depth', () => {
  it('GIVEN an emoji with words left out THEN the query is looked up as a title once per answer, and once per page', async () => {
    const { content, finds } = counting();
    const listed = await answer('🚀 -java', content);
    expect(listed).toContain('Launch day');
    expect(finds()).toBe(1);
    // The id its buttons carry, made from the plain index: its look-ups are not counted.
    const page = button(searchCustomId({ query: '🚀 -java', results: searchResults('🚀 -java', index) }, 0));
    await search.button(page as unknown as ButtonInteraction, deps(content));
    expect(finds()).toBe(2);
  });

  it('GIVEN an emoji and a word written together left out (`🚀 -nodejs`) THEN the post saying "Node.js" is left out, in answers and suggestions', async () => {
    const listed = await answer('🚀 -nodejs');
    expect(listed).toContain('Launch day');
    expect(listed).not.toContain('Node.js');
    expect(await choices('-nodejs')).not.toContain('Leading a Node.js team 🚀');
    expect(await choices('-nodejs')).toContain('Kubernetes for Java teams');
  });

  it('GIVEN no match for words with one left out THEN the closest titles name no post holding it', async () => {
    // Three typos: too many for the search, within the closest titles'.
    const run = answer('kbrnetis -java');
    await expect(run).rejects.toThrow(
      /^No article matches “kbrnetis -java”\. Closest titles: “Kubernetes on a budget”\./,
    );
    await expect(answer('kbrnetis')).rejects.toThrow(/Closest titles: .*Kubernetes for Java teams/);
  });

  it('GIVEN C# typed THEN the autocomplete suggests the titles with C#, not those with a word starting with c', async () => {
    expect(await choices('C#')).toEqual(['C# generics in practice']);
    expect(await choices('c')).toEqual(expect.arrayContaining(['Career ladders', 'C# generics in practice']));
  });

  it('GIVEN a match whose posts all hold a word left out THEN says how many match and which word to remove, not a closest tag', async () => {
    await expect(answer('budget -kubernetes')).rejects.toThrow(
      '1 article matches “budget”, but it holds “kubernetes”, which you left out: remove “-kubernetes” to see it.',
    );
    await expect(answer('budget NOT kubernetes')).rejects.toThrow(/remove “NOT kubernetes” to see it\.$/);
    // An emoji: its posts, each with one of the words; only those they hold are named.
    await expect(answer('🚀 -node -launch -java')).rejects.toThrow(
      '2 articles match “🚀”, but each holds “node” or “launch”, which you left out: remove “-node” and “-launch” to see them.',
    );
  });

  it('GIVEN words left out in the autocomplete THEN no title holding them is offered, unless it holds them as typed', async () => {
    expect(await choices('career -ladders')).not.toContain('Career ladders');
    expect(await choices('C# -generics')).toEqual([]);
    expect(await choices('kubernetes -budget')).toEqual(['Kubernetes for Java teams']);
    // A title holding what reads as operators is being typed whole.
    expect(await choices('Why NOT sk')).toContain('Why NOT skip retros');
    expect(await choices('Save -20%')).toContain('Save -20% on tooling');
  });

  it('GIVEN only very common words typed (Why) THEN the autocomplete offers the titles with them first, as /tips does', async () => {
    expect((await choices('Why'))[0]).toBe('Why NOT skip retros');
    expect((await choices('why -retros'))[0]).not.toBe('Why NOT skip retros');
  });

  it('GIVEN only an emoji typed THEN the autocomplete offers the posts with it first', async () => {
    expect((await choices('🚀')).slice(0, 2)).toEqual(['Leading a Node.js team 🚀', 'Launch day 🚀']);
    expect(await choices('🚀 -launch')).not.toContain('Launch day 🚀');
    expect((await choices('🚀 -launch'))[0]).toBe('Leading a Node.js team 🚀');
  });
});
