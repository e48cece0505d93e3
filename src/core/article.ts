import { printable } from './printable.js';

/** The sections a command can answer with. */
export const SECTION_KINDS = ['motivations', 'skills', 'tips'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** One named entry of a section: a list item or a sub-heading with its text. */
export interface SectionItem {
  /** The item's name ("Seek out mentorship"), when the author gave one. */
  readonly name?: string;
  /** Discord-flavoured Markdown. Never empty. */
  readonly text: string;
  /** Line in the article file, for error messages. */
  readonly line: number;
  /**
   * The number the article shows it with: an ordered list's item (`3.`), or a numbered sub-heading's
   * (`### 3. Read widely`, whose name is then "Read widely").
   */
  readonly number?: number;
}

export interface Section {
  readonly kind: SectionKind;
  /** The heading as the author wrote it. */
  readonly heading: string;
  /** Prose of the section before its first item (its lead-in), Markdown. May be empty. */
  readonly text: string;
  readonly items: readonly SectionItem[];
  /**
   * Prose written after an item (its index in `items`) and before the next one, or closing the
   * section, Markdown: shown there, not above the items (`Managers need:` before their skills).
   */
  readonly interludes?: readonly Interlude[];
  readonly line: number;
}

export interface Interlude {
  /** The index of the item it follows. */
  readonly after: number;
  readonly text: string;
}

export interface Article {
  readonly slug: string;
  /**
   * The slug before it was cut to SLUG_MAX characters, when it was longer: two long-named posts whose
   * slugs share their first 64 characters are still two pages (see `dayOfSlug` in content-index.ts).
   */
  readonly fullSlug?: string;
  readonly title: string;
  readonly summary: string;
  /** The front matter's tags and categories as the author wrote them, each once (by `tagKey`); may be none. */
  readonly tags: readonly string[];
  /**
   * Those of {@link Article.tags} that only its categories name (`categories`, `category`, a Jekyll
   * post's folders): the blog's tag pages (Hugo's `/tags/x/`, jekyll-archives' `/tag/x/`) do not list it
   * under them. Absent when none.
   */
  readonly categoryTags?: readonly string[];
  /** Absolute http(s) address of the article, when one can be formed. */
  readonly url?: string;
  /**
   * Where the blog publishes it, when the blog's own rule says (its `url` or `permalink`, or an
   * ARTICLE_URL set, not the default): `url`, or without SITE_URL a path on the site (`/blog/x`) or
   * another host's URL. What tells two posts at one page apart from two published apart.
   */
  readonly address?: string;
  /** Publication day, as YYYY-MM-DD. */
  readonly date?: string;
  /**
   * When the blog first publishes it, as an ISO instant, where its generator leaves a post dated in
   * the future out until then: Hugo's `publishDate` (or `pubdate`, `published`), else its date; a
   * Jekyll post's date. The index leaves it out until then, unless the site builds such posts (see
   * splitPublished). Kept rather than judged here, as a parse is cached whatever the time.
   */
  readonly publishes?: string;
  /**
   * When it is dated, day and time, as an ISO instant (a day alone is its start), for a post without
   * {@link Article.publishes} (Eleventy, the bot's own folder): a day's posts are listed by it.
   */
  readonly dated?: string;
  /** From a Hugo site: posts of one instant are listed by title, as Hugo lists them, not by file path. */
  readonly hugo?: true;
  /**
   * When Hugo stops publishing it (`expiryDate`), as an ISO instant: the index leaves it out from
   * then on (see splitPublished). Kept rather than judged here, as a parse is cached whatever the time.
   */
  readonly expires?: string;
  /**
   * Tags left out as no tag the bot can show (empty, too long, without a letter), each said as a
   * problem would be: `content:check` notes them; the post is read without them.
   */
  readonly leftOutTags?: readonly ContentProblem[];
  /**
   * What is said of the post's headings, each as a problem would be: a kind its own `sections` maps
   * to headings it does not have (a typo, a heading renamed), and a heading that names a kind but is
   * not read as it (`## 5 tips for new managers`). `content:check` notes them; the post is read as it is.
   */
  readonly headingNotes?: readonly ContentProblem[];
  /** May be read from disk on each use (see `outline`): read it when an answer needs the text. */
  readonly sections: Partial<Record<SectionKind, Section>>;
  /**
   * How many items each section has, for an article whose sections are kept on disk: what indexing
   * needs of them without reading them. Absent when `sections` is in memory (see {@link outlineOf}).
   */
  readonly outline?: Outline;
  /** Path of the source file, relative to the content folder. */
  readonly file: string;
  /** Line of the front matter's `slug` field, when it has one: where a slug another file has is reported. */
  readonly slugLine?: number;
  /**
   * The front matter's field that gave the address (`url` or `permalink`, as written) and its line:
   * where an address another file has is reported. Absent when ARTICLE_URL made it.
   */
  readonly addressField?: { readonly name: string; readonly line: number };
  /**
   * Its summary or sections link to other posts by their files (`{{< ref "b.md" >}}`): the index
   * fills in their addresses (see resolvePageRefs). Absent when they do not.
   */
  readonly pageRefs?: true;
}

/** The sections an article has, and the number of items in each. */
export type Outline = Partial<Record<SectionKind, number>>;

export function outlineOf(article: Article): Outline {
  if (article.outline !== undefined) return article.outline;
  const outline: Outline = {};
  for (const section of Object.values(article.sections)) outline[section.kind] = section.items.length;
  return outline;
}

/** A problem found in a content file: where it is and what is wrong. */
export interface ContentProblem {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

/**
 * `content/a.md:3: tags: expected a list`, on one line that shows every character: a file named with
 * a newline or a terminal's escape is written as `\n` or `\u001b` (see printable).
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  return printable(`${where}: ${field}${problem.message}`);
}
