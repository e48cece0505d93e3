import {
  outlineOf,
  type Article,
  type ContentProblem,
  type Section,
  type SectionItem,
  type SectionKind,
} from './article.js';
import { NO_SEARCH, type ArticleSearch, type SearchFactory } from './article-search.js';
import { inLanguage } from './content-language.js';
import { splitPublished, type SiteBuilds } from './publication.js';
import { compareNewestFirst } from './newest-first.js';
import { refResolver, resolvePageRefs, resolveSectionRefs } from './page-refs.js';
import { cutSlug, SLUG_MAX } from './slug.js';
import { tagKey } from './tags.js';

export { compareNewestFirst } from './newest-first.js';

export interface TagEntry {
  /** The tag as authors spell it most (the oldest spelling on a tie). */
  readonly label: string;
  readonly key: string;
  /** Newest first. */
  readonly articles: readonly Article[];
  /**
   * True when only categories name it (see Article.categoryTags): the blog's tag pages have no page
   * for it, and it is linked to the blog itself.
   */
  readonly categoryOnly?: true;
}

export interface ItemRef {
  /** Stable while the content is unchanged: `slug/kind/index`. */
  readonly id: string;
  readonly article: Article;
  /** Read from the article's sections when used (they may be on disk). */
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
  /** Full-text search over `articles`, and only them. */
  readonly search: ArticleSearch;
}

/**
 * The index of what the blog publishes at `now`: one translation of each post (see inLanguage), then
 * those not published yet or past their expiry left out (as drafts are, see splitPublished; unless
 * the site `builds` them): a post whose translation in the bot's language is not out yet is not
 * shown in another. Then indexed (see {@link buildIndex}). With the posts left out, and when the
 * index next changes by itself.
 */
export function publishedIndex(
  articles: readonly Article[],
  {
    language,
    languages,
    now,
    builds,
    searchOf,
  }: {
    language: string;
    /** The languages the site's configuration sets up (see inLanguage). */
    languages?: readonly string[] | undefined;
    now: number;
    builds?: SiteBuilds | undefined;
    searchOf?: SearchFactory | undefined;
  },
): ReturnType<typeof buildIndex> & {
  expired: readonly Article[];
  upcoming: readonly Article[];
  next: number | undefined;
} {
  const { live, expired, upcoming, next } = splitPublished(
    inLanguage(articles, language, languages),
    now,
    builds,
  );
  return { ...buildIndex(live, searchOf), expired, upcoming, next };
}

/**
 * Builds the in-memory index. Articles that share a slug are all kept when the generator publishes
 * them apart (at different addresses: `2023-12-31-year-in-review.md` and `2024-12-31-year-in-review.md`
 * under a dated ARTICLE_URL): the first keeps the slug, each other one gets a slug of its own (see
 * {@link freeSlug}). One at an earlier one's address the blog's rule gives, whatever its slug, or
 * without one of an earlier one's slug and day (see dayOfSlug), is left out and reported. The result
 * is the same whatever order the files were read in, given sorted input.
 * `searchOf` gives the full-text search over the indexed articles (none by default: `content:check`
 * and most tests need none).
 */
export function buildIndex(
  candidates: readonly Article[],
  searchOf: SearchFactory = () => NO_SEARCH,
): {
  index: ContentIndex;
  problems: ContentProblem[];
} {
  const problems: ContentProblem[] = [];
  const slugs = new Map<string, Article>();
  // Every slug a file gives: one made for a second article never takes another's. Made at the
  // first slug given twice: most blogs have none, and an edit's index is built anew.
  let taken: Set<string> | undefined;
  // The article kept at each address the blog's rule gives (see `Article.address`), whatever its
  // slug, and, for those without one, at each slug and day (see dayOfSlug): a later one there would
  // be the same page.
  const addresses = new Map<string, Article>();
  const days = new Map<string, Article>();
  // The next number to try for a slug's made slugs.
  const counters = new Map<string, number>();
  for (const article of candidates) {
    const { address, addressField } = article;
    const same = address === undefined ? days.get(dayOfSlug(article)) : addresses.get(address);
    if (same?.slug === article.slug) {
      // At its `slug` field, or else at the top: the file's name made it.
      problems.push({
        file: article.file,
        line: article.slugLine ?? 1,
        field: 'slug',
        message: `"${article.slug}" is already used by ${same.file}${atAddress(article)}: give this post a slug of its own`,
      });
      continue;
    }
    if (same !== undefined) {
      // At the `url` or `permalink` that put it there, or else where ARTICLE_URL's name for it comes from.
      problems.push({
        file: article.file,
        line: addressField?.line ?? article.slugLine ?? 1,
        field: addressField?.name ?? 'slug',
        message: `${address ?? ''} is already the address of ${same.file}: give this post ${addressField === undefined ? 'a slug' : `a ${addressField.name}`} of its own`,
      });
      continue;
    }
    if (address === undefined) days.set(dayOfSlug(article), article);
    else addresses.set(address, article);
    if (!slugs.has(article.slug)) {
      slugs.set(article.slug, article);
      continue;
    }
    taken ??= new Set(candidates.map((candidate) => candidate.slug));
    const slug = freeSlug(article, taken, counters);
    taken.add(slug);
    slugs.set(slug, withSlug(article, slug));
  }
  // Links to other posts by their files lead to the addresses of the posts indexed here.
  if (candidates.some((article) => article.pageRefs === true)) {
    const addressOf = refResolver([...slugs.values()]);
    for (const [slug, article] of slugs)
      if (article.pageRefs === true)
        slugs.set(
          slug,
          withPageRefs(article, (target) => addressOf(target, article.file)),
        );
  }
  const articles = [...slugs.values()].sort(compareNewestFirst);

  // A tag's label is its most used spelling; on a tie, the one of the oldest article.
  const tags = new Map<
    string,
    { label: string; key: string; articles: Article[]; spellings: Map<string, number>; tagged: boolean }
  >();
  for (let i = articles.length - 1; i >= 0; i--) {
    const article = articles[i] as Article;
    const { tags: spelled, categories } = derive(article);
    for (const [spelling, key] of spelled) {
      let entry = tags.get(key);
      if (entry === undefined) {
        entry = { label: spelling, key, articles: [], spellings: new Map<string, number>(), tagged: false };
        tags.set(key, entry);
      }
      if (categories?.has(key) !== true) entry.tagged = true;
      // Oldest first here; an article with two spellings of one tag is listed once.
      if (entry.articles.at(-1) !== article) entry.articles.push(article);
      const count = (entry.spellings.get(spelling) ?? 0) + 1;
      entry.spellings.set(spelling, count);
      if (count > (entry.spellings.get(entry.label) ?? 0)) entry.label = spelling;
    }
  }
  // A blog whose posts name no tags, only categories, has its TAG_URL set for those: none is apart.
  const anyTagged = [...tags.values()].some((entry) => entry.tagged);
  const tagList: TagEntry[] = [...tags.values()]
    .map(({ label, key, articles: listed, tagged }): TagEntry => ({
      label,
      key,
      articles: listed.reverse(),
      ...(tagged || !anyTagged ? {} : { categoryOnly: true as const }),
    }))
    .sort((a, b) => b.articles.length - a.articles.length || a.label.localeCompare(b.label));
  const tagsByKey = new Map(tagList.map((entry) => [entry.key, entry]));

  const bySection = new Map<SectionKind, Article[]>();
  for (const article of articles) {
    for (const kind of Object.keys(outlineOf(article)) as SectionKind[]) {
      const having = bySection.get(kind);
      if (having === undefined) bySection.set(kind, [article]);
      else having.push(article);
    }
  }
  const search = searchOf(articles);

  // Built on first use: an edit swaps in a new index, and most indexes never need all of these.
  let titles: Map<string, Article> | undefined;
  const itemLists = new Map<SectionKind, readonly ItemRef[]>();
  const index: ContentIndex = {
    articles,
    bySlug: (slug) => slugs.get(slug),
    find: (query) => {
      const trimmed = query.trim();
      titles ??= new Map(articles.map((article) => [article.title.toLowerCase(), article]));
      return slugs.get(trimmed) ?? slugs.get(trimmed.toLowerCase()) ?? titles.get(trimmed.toLowerCase());
    },
    withSection: (kind) => bySection.get(kind) ?? [],
    tag: (tag) => tagsByKey.get(tagKey(tag)),
    tags: tagList,
    items: (kind) => {
      let list = itemLists.get(kind);
      if (list === undefined) {
        list = (bySection.get(kind) ?? []).flatMap((article) => itemsOf(article, kind) ?? []);
        itemLists.set(kind, list);
      }
      return list;
    },
    item: (id) => {
      const [slug = '', kind = '', position = ''] = id.split('/');
      const article = slugs.get(slug);
      if (article === undefined || !/^\d+$/.test(position)) return undefined;
      return itemsOf(article, kind as SectionKind)?.[Number(position)];
    },
    search,
  };
  return { index, problems };
}

/**
 * An article without an address the blog's rule gives (see `Article.address`) is told apart from
 * another with its slug by its day: the default ARTICLE_URL is a guess, and two posts it puts at one
 * address may well be two pages on the blog. Two of one slug and day would be one page; the slug as
 * written, not cut to a key: long names alike in their first 64 characters are two posts.
 */
function dayOfSlug(article: Article): string {
  return `${article.fullSlug ?? article.slug} ${article.date ?? ''}`;
}

/** Why two with one slug are one page: their address, or else their day. */
function atAddress(article: Article): string {
  if (article.address !== undefined) return `, at the same address (${article.address})`;
  return article.date === undefined ? ', both undated' : `, on the same day (${article.date})`;
}

/**
 * A slug for an article whose own is taken: its date after it (`year-in-review-2023-12-31`), or
 * else the first free `-2`, `-3`, …; within {@link SLUG_MAX} characters.
 */
function freeSlug(article: Article, taken: ReadonlySet<string>, counters: Map<string, number>): string {
  const withSuffix = (suffix: string): string =>
    `${cutSlug(article.slug, SLUG_MAX - suffix.length - 1)}-${suffix}`;
  if (article.date !== undefined && !taken.has(withSuffix(article.date))) return withSuffix(article.date);
  // Counted on from the last number given for this slug: thousands sharing one stay linear.
  for (let n = counters.get(article.slug) ?? 2; ; n++) {
    if (taken.has(withSuffix(String(n)))) continue;
    counters.set(article.slug, n + 1);
    return withSuffix(String(n));
  }
}

/**
 * The article under another slug, its sections read from it as it reads them (an article kept on
 * disk reads them through its own class, which a copy is not).
 */
function withSlug(article: Article, slug: string): Article {
  return Object.defineProperty({ ...article, slug }, 'sections', {
    get: () => article.sections,
    enumerable: true,
  });
}

/**
 * The article with its links to posts by their files leading where `addressOf` says (see
 * resolvePageRefs): its sections read from it, and filled in, at each use, as they may be on disk.
 */
function withPageRefs(article: Article, addressOf: (target: string) => string | undefined): Article {
  const resolve = (sections: Article['sections']): Article['sections'] => {
    const resolved: Partial<Record<SectionKind, Section>> = {};
    for (const [kind, section] of Object.entries(sections) as [SectionKind, Section][])
      resolved[kind] = resolveSectionRefs(section, addressOf);
    return resolved;
  };
  let summary: string | undefined;
  return Object.defineProperties(
    { ...article },
    {
      summary: { get: () => (summary ??= resolvePageRefs(article.summary, addressOf)), enumerable: true },
      sections: { get: () => resolve(article.sections), enumerable: true },
    },
  );
}

/** What an index needs of an article beyond the article itself. */
interface Derived {
  /** Each spelling once, with its key. */
  readonly tags: readonly (readonly [spelling: string, key: string])[];
  /** The keys of the tags only its categories name (see Article.categoryTags), when there are any. */
  readonly categories?: ReadonlySet<string>;
  /** Made when first asked for: most indexes list few articles' items, or none. */
  items?: Partial<Record<SectionKind, readonly ItemRef[]>>;
}

/**
 * Worked out once per article object: when one file changes, the next index costs a walk over the
 * others, not their work again (articles are never changed in place; an edit makes a new one).
 */
const derived = new WeakMap<Article, Derived>();

function derive(article: Article): Derived {
  let found = derived.get(article);
  if (found === undefined) {
    const spellings = [...new Set(article.tags)];
    const { categoryTags } = article;
    found = {
      tags: spellings.map((spelling) => [spelling, tagKey(spelling)] as const),
      ...(categoryTags === undefined ? {} : { categories: new Set(categoryTags.map(tagKey)) }),
    };
    derived.set(article, found);
  }
  return found;
}

function itemsOf(article: Article, kind: SectionKind): readonly ItemRef[] | undefined {
  const found = derive(article);
  if (found.items === undefined) {
    const items: Partial<Record<SectionKind, readonly ItemRef[]>> = {};
    for (const [having, count] of Object.entries(outlineOf(article)) as [SectionKind, number][])
      items[having] = Array.from(
        { length: count },
        (_, position) => new PlacedItem(article, having, position),
      );
    found.items = items;
  }
  return found.items[kind];
}

/** An item found by its place, read from its article when used: nothing of the text is kept here. */
class PlacedItem implements ItemRef {
  constructor(
    readonly article: Article,
    readonly kind: SectionKind,
    readonly position: number,
  ) {}

  get id(): string {
    return `${this.article.slug}/${this.kind}/${this.position}`;
  }

  get item(): SectionItem {
    const item = this.article.sections[this.kind]?.items[this.position];
    // Articles never change: the outline counts the items that are there.
    if (item === undefined) throw new Error(`${this.article.file}: no item ${this.position} in ${this.kind}`);
    return item;
  }
}
