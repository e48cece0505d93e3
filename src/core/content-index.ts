import type { Article, ContentProblem, SectionItem, SectionKind } from './article.js';
import { ArticleSearch } from './article-search.js';
import { compareNewestFirst } from './newest-first.js';
import { tagKey } from './tags.js';

export { compareNewestFirst } from './newest-first.js';

export interface TagEntry {
  /** The tag as authors spell it most (the oldest spelling on a tie). */
  readonly label: string;
  readonly key: string;
  /** Newest first. */
  readonly articles: readonly Article[];
}

export interface ItemRef {
  /** Stable while the content is unchanged: `slug/kind/index`. */
  readonly id: string;
  readonly article: Article;
  readonly item: SectionItem;
  /** Position of the item in its section, from 0. */
  readonly position: number;
}

export interface ContentIndex {
  /** Newest first; undated articles last, by title. */
  readonly articles: readonly Article[];
  bySlug(slug: string): Article | undefined;
  /** By slug, or by title ignoring case. */
  find(query: string): Article | undefined;
  /** Newest first. */
  withSection(kind: SectionKind): readonly Article[];
  tag(tag: string): TagEntry | undefined;
  /** Most used first. */
  readonly tags: readonly TagEntry[];
  items(kind: SectionKind): readonly ItemRef[];
  /** An item by its id (`slug/kind/index`), e.g. a tip remembered in the store. */
  item(id: string): ItemRef | undefined;
  /** Full-text search over exactly `articles`. */
  readonly search: ArticleSearch;
}

/**
 * Builds the in-memory index. Articles whose slug is taken by an earlier one are left out and
 * reported, so the result is the same whatever order the files were read in, given sorted input.
 *
 * `search` is synced to the articles: pass the previous index's to re-index only the articles that
 * changed (by identity). That one is then changed in place, so the previous index searches the new
 * articles; this is safe because a handler reads one index per interaction, synchronously.
 */
export function buildIndex(
  candidates: readonly Article[],
  search: ArticleSearch = new ArticleSearch(),
): {
  index: ContentIndex;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  const slugs = new Map<string, Article>();
  for (const article of candidates) {
    const first = slugs.get(article.slug);
    if (first === undefined) slugs.set(article.slug, article);
    else
      problems.push({
        file: article.file,
        field: 'slug',
        message: `"${article.slug}" is already used by ${first.file}`,
      });
  }
  const articles = [...slugs.values()].sort(compareNewestFirst);
  const titles = new Map(articles.map((article) => [article.title.toLowerCase(), article]));

  // A tag's label is its most used spelling; on a tie, the one of the oldest article.
  const tags = new Map<
    string,
    { label: string; key: string; articles: Set<Article>; spellings: Map<string, number> }
  >();
  for (const article of [...articles].reverse()) {
    for (const spelling of new Set(article.tags)) {
      const key = tagKey(spelling);
      const entry = tags.get(key) ?? {
        label: spelling,
        key,
        articles: new Set<Article>(),
        spellings: new Map<string, number>(),
      };
      entry.articles.add(article);
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      if ((entry.spellings.get(spelling) ?? 0) > (entry.spellings.get(entry.label) ?? 0))
        entry.label = spelling;
      tags.set(key, entry);
    }
  }
  const tagList: TagEntry[] = [...tags.values()]
    .map(({ label, key, articles: tagged }) => ({ label, key, articles: [...tagged].reverse() }))
    .sort((a, b) => b.articles.length - a.articles.length || a.label.localeCompare(b.label));
  const tagsByKey = new Map(tagList.map((entry) => [entry.key, entry]));

  const bySection = new Map<SectionKind, Article[]>();
  const items = new Map<SectionKind, ItemRef[]>();
  for (const article of articles) {
    for (const section of Object.values(article.sections)) {
      const having = bySection.get(section.kind) ?? [];
      having.push(article);
      bySection.set(section.kind, having);
      const refs = items.get(section.kind) ?? [];
      section.items.forEach((item, i) =>
        refs.push({ id: `${article.slug}/${section.kind}/${i}`, article, item, position: i }),
      );
      items.set(section.kind, refs);
    }
  }

  const itemsById = new Map([...items.values()].flat().map((ref) => [ref.id, ref]));
  search.sync(articles);

  const index: ContentIndex = {
    articles,
    bySlug: (slug) => slugs.get(slug),
    find: (query) => {
      const trimmed = query.trim();
      return slugs.get(trimmed) ?? slugs.get(trimmed.toLowerCase()) ?? titles.get(trimmed.toLowerCase());
    },
    withSection: (kind) => bySection.get(kind) ?? [],
    tag: (tag) => tagsByKey.get(tagKey(tag)),
    tags: tagList,
    items: (kind) => items.get(kind) ?? [],
    item: (id) => itemsById.get(id),
    search,
  };
  return { index, problems };
}
