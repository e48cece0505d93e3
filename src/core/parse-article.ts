import { emojified, emojifyTexts } from './emoji.js';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import slugify from '@sindresorhus/slugify';
import type { Article, ContentProblem, Interlude, Section, SectionItem, SectionKind } from './article.js';
import { CLOSING_TAG } from './html-blocks.js';
import { SECTION_KINDS } from './article.js';
import { readAdmonitions, stripAdmonitions, type AdmonitionBox } from './admonitions.js';
import { joinedLists } from './eleventy-data.js';
import { stripAttributeLists } from './attribute-lists.js';
import { showsNothing as showsNoText } from './invisible.js';
import {
  frontMatterSchema,
  instantOf,
  TAG_FIELDS,
  withoutTagEntries,
  isRealDay,
  readFrontMatter,
  SLUG_PATTERN,
  sectionsOnly,
  type FrontMatter,
} from './front-matter.js';
import {
  ARTICLE_URL_TOKENS,
  articleUrlNeedsDate,
  DEFAULT_ARTICLE_URL,
  ARTICLE_NAME_TOKENS,
  hugoPathName,
  hugoUrlPath,
  JEKYLL_URL_TOKENS,
  jekyllSlug,
} from './article-url.js';
import {
  containsHtml,
  dropLeadingInline,
  escapeLoneSpoilers,
  isLineBreak,
  isMarksOnly,
  parseMarkdown,
  plainText,
  resolveRelativeLinks,
  showsNothing,
  toDiscordMarkdown,
} from './markdown.js';
import { DEFAULT_CONTENT_LANGUAGE, nameOf } from './content-language.js';
import { ItemNotes, referencesInEmphasis } from './footnotes.js';
import { noteParagraphs, taskBox } from './markdown-tree.js';
import { DISCORD_LIMITS } from './limits.js';
import { stripMdx } from './mdx.js';
import { parseHtmlBody, withoutWordPressShortcodes } from './html-body.js';
import { slugOf } from './slug.js';
import { tagKey } from './tags.js';
import { firstAtOrAfter } from './sorted.js';
import { stripTemplateTags } from './template-tags.js';
import { escapeBlockStarts, truncateMarkdown, truncatePlain } from './text.js';
import { encodedLength, resolveUrl } from './urls.js';
import { rewriteOutsideCode } from './outside-code.js';
import { searchableText } from './search-text.js';
import { htmlAsText, withoutControls, withoutHtmlTags } from './shown-text.js';
import { isNo, isYes } from './yes-no.js';
import { oneLine, withoutEndMark, withoutTrailing } from './white-space.js';
import { foundKeyLine, lastKeyLine, startsWithKey, type KeyedLines } from './key-line.js';
import { dayIn } from './zoned-time.js';
import type { FoldedSpan } from './html-block-nodes.js';
import { strftimeUtc } from './strftime.js';
import { unixDate, unixDateProblem } from './unix-dates.js';
import { openMarkdownBlocks } from './markdown-blocks.js';
import { holdsPageRefs, sectionsHoldRefs, withoutStrayMarks } from './page-refs.js';

export interface ArticleSource {
  /** Path used in messages (relative to the working directory, e.g. `content/posts/first.md`); gives the slug and date. */
  readonly file: string;
  readonly source: string;
  /** Base for relative addresses, e.g. `https://example.com`. */
  readonly siteUrl?: string | undefined;
  /**
   * The address of an article without `url` or `permalink`: a path with tokens (see {@link fillArticleUrl}).
   * Null: none (the site's own pattern for it cannot be filled, and no ARTICLE_URL is set): not linked.
   */
  readonly articleUrl?: string | null | undefined;
  /**
   * The file's path inside the content folder, e.g. `posts/first.md`: its folders are the `:sections`
   * (the first the `:section`), and those above a `_posts` folder its first categories (Jekyll).
   */
  readonly contentPath?: string | undefined;
  /** The language read (default `en`): a file named in it (`post.fr.md`) is named without it (see nameOf). */
  readonly language?: string | undefined;
  /**
   * The languages a Hugo site's configuration sets up (`[languages.fr]`): a file named in any of them
   * is named without it, and only they are languages in a name (see nameOf).
   */
  readonly languages?: readonly string[] | undefined;
  /**
   * Whether the file is in an Eleventy site: a text `tags` is then one tag (`tags: my tag`), as
   * Eleventy reads it, a `_posts` folder is no Jekyll's, and a file without front matter is a page
   * all the same (Eleventy publishes it: the bot titles it from its name).
   */
  readonly eleventy?: boolean | undefined;
  /**
   * Whether the file is in a Hugo site's content: one without front matter is a page all the same
   * (Hugo publishes it, with no title: the bot titles it from its name), and a text `tags` or
   * `categories` is one term (`tags = "career advice"`), as Hugo reads it.
   */
  readonly hugo?: boolean | undefined;
  /**
   * In a Hugo site, the fields the `_index.md` files above the page cascade to it (see
   * mergeCascades); in an Eleventy site, those its data files give it (see mergeDataLevels); in a
   * Jekyll site, its configuration's `excerpt_separator` and what its `defaults` give the post (see
   * jekyllDefaultValues). Their keys in lower case: defaults for its own front matter.
   */
  readonly cascade?: Readonly<Record<string, unknown>> | undefined;
  /**
   * The site's time zone (Hugo's `timeZone`, Jekyll's `timezone`), an IANA name: a date or time
   * written without a zone is that wall time there. Without one, in UTC.
   */
  readonly timeZone?: string | undefined;
  /**
   * Whether the site turns emoji shortcodes (`:wave:`) in its posts into emoji, as the bot then does
   * (see emoji.ts): Hugo's `enableEmoji`, Jekyll's jemoji, Eleventy's markdown-it-emoji; a folder of
   * no generator's too. False by default.
   */
  readonly emoji?: boolean | undefined;
  /**
   * Whose rules fill `articleUrl` when it is the site's own (Hugo's `permalinks`, Jekyll's
   * `permalink`: see site-permalinks.ts), as that generator fills it; otherwise its tokens and the
   * file's place say (see fillArticleUrl).
   */
  readonly urlRules?: 'hugo' | 'jekyll' | undefined;
  /**
   * In a Hugo site whose `[frontmatter] date` reads the file name (see SitePermalinks.fileNameDates):
   * the name's `YYYY-MM-DD-` date dates the post (`first`: before its front matter's), and the name
   * after it is its slug when it sets none.
   */
  readonly fileNameDates?: 'first' | 'last' | undefined;
  /**
   * Under a Hugo site's `permalinks`, the page's `:sections` as Hugo fills them there (see
   * hugoPermalinkSections): its section's path, not every folder of its own.
   */
  readonly hugoSections?: readonly string[] | undefined;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly article: Article;
      /**
       * The post's text for search, as it reads without markup: all of it, in or out of the three
       * sections, but the headings that name them (every article has them). Not kept in the article.
       */
      readonly searchText?: string;
    }
  | {
      readonly ok: false;
      readonly problems: readonly ContentProblem[];
      /** A draft (`draft: true`, `published: false`): not an article, and nothing wrong with it. */
      readonly unpublished?: true;
      /** Unpublished as a file of Jekyll's `_posts` without front matter, which Jekyll copies as it is. */
      readonly staticFile?: true;
    };

/**
 * Tags an Eleventy site gives its posts to make its collections (`tags: [posts, career]` puts a post
 * in the list of posts), not topics: left out, as Eleventy's starter blog leaves them out of its tags.
 */
const ELEVENTY_COLLECTIONS: ReadonlySet<string> = new Set(['all', 'nav', 'post', 'posts']);

/** An Eleventy page in the site's menu (`eleventyNavigation`) dated neither by its fields nor by its name. */
function isMenuPage(data: Record<string, unknown>, file: string): boolean {
  const navigation = data['eleventynavigation'];
  if (navigation === undefined || navigation === null) return false;
  if (!isBlank(data['date'])) return false;
  // Dated by its own name (`2024-01-05-title.md`, not its folder's), as fileName reads it, a day or not.
  const { date, notADay } = fileName(file.split('/').pop() ?? file);
  return date === undefined && notADay === undefined;
}

/** Hugo's taxonomies the bot reads as tags: a text in one is one term (Hugo's ToStringSlicePreserveString). */
const HUGO_TERM_FIELDS = ['tags', 'categories'];

/** The `fields` of `data` that are texts, each as a list of itself. */
function textsAsLists(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const lists: Record<string, unknown> = {};
  for (const field of fields) if (typeof data[field] === 'string') lists[field] = [data[field]];
  return lists;
}

/** Heading names that mark each section when the front matter maps none (compared case-insensitively). */
const DEFAULT_HEADINGS: Record<SectionKind, readonly string[]> = {
  motivations: ['motivations', 'motivation'],
  skills: ['skills', 'skill'],
  tips: ['tips', 'tip'],
};

/** A phrase and the colon after it that make an item's name (a colon of `https:` has no space after it). */
const NAME_BEFORE_COLON = /^([^:：.!?。\n]{1,80})(?::\s+|：\s*)/;

/**
 * Parses one article file: validates its front matter and finds its sections by heading.
 * Pure: the caller reads the file. Never throws: whatever a file holds becomes problems named after it.
 */
export function parseArticle(input: ArticleSource): ParseResult {
  try {
    return oneLineProblems(parseSource(input));
  } catch (error) {
    // The last line of defence, should a library still fail on some input (a RangeError when its
    // recursion runs out of stack, say): one bad file must not stop the others from loading.
    const reason = error instanceof Error ? error.message : String(error);
    return oneLineProblems({
      ok: false,
      problems: [{ file: input.file, message: `the article could not be read: ${reason}` }],
    });
  }
}

/**
 * Each problem on one line (`file:line: field: message`) of readable length: a library's message may
 * hold line breaks (V8's JSON.parse quotes the text, a YAML reader may show a snippet), and a message
 * may quote what the file says (a value to put in quotes, keys that are no section kind), which a
 * hostile file makes a megabyte long or full of terminal escapes.
 */
function oneLineProblems(result: ParseResult): ParseResult {
  if (
    result.ok ||
    result.problems.every(({ message, field }) => isPlainLine(message) && isPlainLine(field ?? ''))
  )
    return result;
  return {
    ...result,
    problems: result.problems.map((problem) => ({
      ...problem,
      ...(problem.field === undefined ? {} : { field: oneLineText(problem.field) }),
      message: oneLineText(problem.message),
    })),
  };
}

/** Longest problem message (or field) shown: room for a quoted value, not a file's worth. */
const MAX_PROBLEM_TEXT = 300;
/** Line breaks, and control characters (a terminal's escapes) but for tabs. */
const UNPRINTABLE = /[^\P{Cc}\t]|[\u2028\u2029]/u;

function isPlainLine(text: string): boolean {
  return text.length <= MAX_PROBLEM_TEXT && !UNPRINTABLE.test(text);
}

function oneLineText(text: string): string {
  const line = oneLine(text, /[\r\n\u2028\u2029]/)
    .replace(new RegExp(UNPRINTABLE.source, 'gu'), '')
    .trim();
  return line.length <= MAX_PROBLEM_TEXT ? line : `${line.slice(0, MAX_PROBLEM_TEXT - 1)}…`;
}

/** Enough to fix a file's front matter; a list of thousands of bad tags is still one problem. */
const MAX_FIELD_PROBLEMS = 20;

/** The first of a file's problems, and how many more: thousands of empty items are not thousands of log lines. */
function firstProblems(file: string, problems: readonly ContentProblem[]): readonly ContentProblem[] {
  if (problems.length <= MAX_FIELD_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_FIELD_PROBLEMS),
    moreProblems(file, problems.length - MAX_FIELD_PROBLEMS, 'like these'),
  ];
}

/** What stands for the problems past those shown: `and 3 more problems like these`. */
function moreProblems(file: string, count: number, which: string): ContentProblem {
  return { file, message: `and ${count} more problem${count === 1 ? '' : 's'} ${which}` };
}

function parseSource({
  file,
  source,
  siteUrl,
  articleUrl = DEFAULT_ARTICLE_URL,
  contentPath,
  language = DEFAULT_CONTENT_LANGUAGE,
  languages,
  eleventy = false,
  hugo = false,
  cascade,
  timeZone,
  emoji = false,
  urlRules,
  fileNameDates,
  hugoSections,
}: ArticleSource): ParseResult {
  const block = readFrontMatter(source);
  if (!block.ok) return { ok: false, problems: [{ file, line: block.line, message: block.message }] };
  // A `_posts` folder is Jekyll's, but in an Eleventy or Hugo site, where it is a folder like any other.
  const jekyllPost =
    !eleventy && !hugo && (isJekyllPost(file) || (contentPath !== undefined && isJekyllPost(contentPath)));
  // As gray-matter decides: "---" first, after any BOM (a blank line before it means no front matter).
  // Hugo and Eleventy publish such a page all the same.
  if (!block.opened && !hugo && !eleventy) {
    // Jekyll makes no post of such a file in `_posts`: it copies it to the site as a static file.
    if (jekyllPost) return { ok: false, problems: [], unpublished: true, staticFile: true };
    return {
      ok: false,
      problems: [
        { file, line: 1, message: 'no front matter: start the file with a "---" block (see README)' },
      ],
    };
  }
  // A list or a lone value is no set of fields (none at all, an empty block, is).
  if (!isFields(block.data) && block.data !== null && block.data !== undefined) {
    return {
      ok: false,
      problems: [
        { file, line: 1, message: 'front matter: expected fields ("title: …" lines), not a list or a value' },
      ],
    };
  }
  const read = lowerKeys(isFields(block.data) ? block.data : {});
  const { names } = read;
  // The front matter's lines (it is at most a thousand), split once for every problem's line.
  const frontLines: KeyedLines = { lines: source.split('\n', block.blockLines), keyLines: block.keyLines };
  const own = writtenNumbers(read.fields, names, frontLines);
  // What Hugo's `cascade` and Eleventy's data files pass down is the page's own unless it sets the
  // key itself; Eleventy joins their tags (and categories) to its own. A Jekyll post's key left
  // blank (`categories:`) keeps what its defaults give, as Jekyll's merge_values does.
  const merged =
    cascade === undefined
      ? own
      : {
          ...cascade,
          ...(jekyllPost ? withoutBlankKeys(own) : own),
          ...(eleventy ? joinedLists(cascade, own) : jekyllPost ? jekyllJoinedCategories(cascade, own) : {}),
        };
  // Hugo reads a date written as a whole number as Unix seconds (`date = 1704448800`).
  const written = hugo ? withUnixDates(merged, timeZone) : merged;
  // Hugo dates a post by the first of these it has (`published` only when it is no yes or no), and
  // stops publishing it at the first of its expiry keys.
  // An empty one is none, as Hugo takes it: the next says.
  const dateKey = (hugo ? HUGO_DATE_KEYS : DATE_KEYS).find(
    (key) => !isBlank(written[key]) && !isYesOrNo(written[key]),
  );
  const expiryKey = EXPIRY_KEYS.find((key) => !isBlank(written[key]));
  // Hugo publishes a post from its publishDate (or pubdate, published), else its date: read apart
  // only when it is another field than the date's.
  const publishKey = hugo
    ? PUBLISH_KEYS.find((key) => !isBlank(written[key]) && !isYesOrNo(written[key]))
    : undefined;
  const ownPublish =
    publishKey === undefined || publishKey === (dateKey ?? 'date') ? undefined : written[publishKey];
  const fields =
    (dateKey ?? 'date') === 'date' &&
    (expiryKey ?? 'expirydate') === 'expirydate' &&
    written['publishdate'] === ownPublish
      ? written
      : {
          ...written,
          date: written[dateKey ?? 'date'],
          expirydate: written[expiryKey ?? 'expirydate'],
          publishdate: ownPublish,
        };
  // Jekyll's categories from the folders above `_posts`, first: checked and counted with the others.
  const folders = contentPath === undefined || !jekyllPost ? [] : folderCategories(contentPath);
  // Jekyll reads a post's singular `tag` in place of its `tags`, a text as one tag (`tag: career advice`).
  // Any other value (null, a map) is none, left to `tags`.
  const jekyllTag = jekyllPost ? fields['tag'] : undefined;
  const tagFields =
    !Array.isArray(jekyllTag) && typeof jekyllTag !== 'string' && typeof jekyllTag !== 'number'
      ? fields
      : {
          ...fields,
          tags: typeof jekyllTag === 'string' || typeof jekyllTag === 'number' ? [jekyllTag] : jekyllTag,
        };
  const categorized = folders.length === 0 ? tagFields : withCategories(tagFields, folders);
  // Eleventy keeps a text `tags` whole, one tag (`tags: my tag`), and Hugo a text `tags` or
  // `categories` (one term), where Jekyll splits them on spaces.
  const wholeFields = hugo ? HUGO_TERM_FIELDS : eleventy ? ['tags'] : [];
  const tagged = wholeFields.some((field) => typeof categorized[field] === 'string')
    ? { ...categorized, ...textsAsLists(categorized, wholeFields) }
    : categorized;
  // Eleventy's `permalink: /blog/{{ page.fileSlug }}/` or `/{{ title | slugify }}/`: the template values the bot fills itself.
  // Its page's address drops a last `index.html` (`/blog/x/index.html` is at `/blog/x/`), as
  // Eleventy's page.url does.
  // Eleventy sets its computed data last, over the rest of its cascade: `eleventyComputed.permalink`
  // (the post's own, else its data files') is the page's, whatever `permalink` says.
  const ownComputed = eleventy ? computedPermalink(own['eleventycomputed']) : undefined;
  const computed = eleventy ? (ownComputed ?? computedPermalink(cascade?.['eleventycomputed'])) : undefined;
  // Whose computed permalink makes the address: the post's own, named where it is written, or its
  // data files', which are not in the post (see addressPlace).
  const computedFrom: ComputedFrom =
    ownComputed !== undefined ? 'own' : computed !== undefined ? 'data' : undefined;
  const templated = computed === undefined ? tagged['permalink'] : computed;
  const filled =
    eleventy && typeof templated === 'string'
      ? pageUrlOf(eleventyPermalink(templated, file, tagged['title']) ?? templated)
      : templated;
  const data = filled === tagged['permalink'] ? tagged : { ...tagged, permalink: filled };
  // What the blog does not publish is no article either (Hugo, Jekyll and Eleventy write it so;
  // Eleventy writes no page for `permalink: false`, Hugo none for a page it is told not to render).
  // Eleventy's `eleventyExcludeFromCollections: true` (a 404 or thank-you page) is in no list of
  // posts: the key is Eleventy's own, so it is read wherever it is written. In an Eleventy site, an
  // undated page in its menu (`eleventyNavigation`: its starter blog's About and Home) is no post
  // either; a dated one (a post with breadcrumbs) is. Nor is one the blog keeps out of its lists
  // (see isUnlisted).
  if (
    isYes(data['draft']) ||
    isNo(data['published']) ||
    data['permalink'] === false ||
    isExcludedFromPosts(data['eleventyexcludefromcollections']) ||
    (eleventy && isMenuPage(data, file)) ||
    isUnrendered(data) ||
    isUnlisted(data)
  )
    return { ok: false, problems: [], unpublished: true };
  let front = frontMatterSchema.safeParse(data);
  /**
   * The body read by the headings `meta` names (see parseBody), with links relative to the page at
   * `pageUrl`. What the generator would have expanded or compiled away is left out first.
   */
  // Jekyll's own divider of a post's excerpt, where the post or its site sets one: an HTML comment
  // (`<!-- excerpt -->`), as `<!--more-->` is (text written as one is left to Jekyll).
  const separator = jekyllPost ? written['excerpt_separator'] : undefined;
  const more = typeof separator === 'string' && separator.trim() !== '' ? separator.trim() : undefined;
  // Chirpy's folder of a post's images (`media_subpath`, `img_path` before its version 7), its own or
  // its site's defaults': its layout puts it before every image's address without a scheme.
  const media = jekyllPost ? (written['media_subpath'] ?? written['img_path']) : undefined;
  const mediaPath = typeof media === 'string' && media.trim() !== '' ? media.trim() : undefined;
  const readBody = (meta: Pick<FrontMatter, 'sections'>, pageUrl: string | undefined) => {
    const format = bodyFormat(file, jekyllPost);
    const mdx = format === 'mdx';
    // Before anything reads it: the MDX reader marks its removals with NUL (see stripMdx).
    const bodyText = withoutControls(block.body);
    // HTML has no code blocks by indentation, nor Markdown's admonitions, attribute lists or kramdown's blocks.
    if (format === 'html')
      return parseBody(
        file,
        {
          written: () => bodyText,
          content: withoutWordPressShortcodes(stripTemplateTags(bodyText, { html: true })),
          titleLines: [],
          boxes: [],
        },
        block.bodyLine,
        meta,
        { siteUrl, pageUrl, more, emoji, mediaPath },
        format,
      );
    const {
      text: markdown,
      titleLines,
      boxes,
    } = readAdmonitions(stripTemplateTags(bodyText, { indentedCode: !mdx, markdown: true }), {
      indentedCode: !mdx,
    });
    // kramdown reads a Jekyll post's `<div markdown="1">` as Markdown.
    const shown = stripAttributeLists(
      mdx ? stripMdx(markdown) : jekyllPost ? openMarkdownBlocks(markdown) : markdown,
    );
    // Attribute lists and admonitions' marker lines are no content: an item of only `{: .x}` is empty as written.
    const asWritten = () => stripAttributeLists(stripAdmonitions(bodyText, { indentedCode: !mdx }));
    return parseBody(
      file,
      { written: asWritten, content: shown, titleLines, boxes },
      block.bodyLine,
      meta,
      { siteUrl, pageUrl, more, emoji, mediaPath },
      format,
    );
  };
  /**
   * A file refused for its front matter, with its body's problems too (read by its `sections` when
   * they can be read): all of a new post's problems at once, not one fix and check at a time.
   */
  const refused = (problems: readonly ContentProblem[], meta: Pick<FrontMatter, 'sections'>): ParseResult => {
    const body = readBody(meta, undefined).problems;
    return { ok: false, problems: firstProblems(file, [...problems, ...body]) };
  };
  /** Tags left out, said as problems (see Article.leftOutTags). */
  let leftOutTags: ContentProblem[] = [];
  if (!front.success) {
    // One problem per place: `- ""` is an empty tag, not also one without a letter.
    const places = new Set<string>();
    const { issues } = front.error;
    const problems = issues.slice(0, MAX_FIELD_PROBLEMS).flatMap((issue): FieldProblem[] => {
      // A date read from Hugo's `publishDate` (say), or a `Title`, is named as written.
      // A permalink of the post's own computed data is named where it is written; one of its data
      // files' as theirs, at the front matter's start (see addressPlace).
      if (computedFrom === 'data' && issue.path[0] === 'permalink') {
        const place = addressPlace('permalink', computedFrom, names, frontLines);
        if (place === undefined || places.has(place.name)) return [];
        places.add(place.name);
        const message = `${issue.message}${FROM_DATA_FILES}`;
        return [{ file, line: place.line, field: place.name, message, alike: message }];
      }
      const at =
        ownComputed !== undefined && issue.path[0] === 'permalink'
          ? ['eleventycomputed', ...issue.path]
          : issue.path;
      const path = at.map((key, i) => {
        const read =
          key === 'date'
            ? (dateKey ?? key)
            : key === 'expirydate'
              ? (expiryKey ?? key)
              : key === 'publishdate'
                ? (publishKey ?? key)
                : key;
        return i === 0 && typeof read === 'string' ? (names.get(read) ?? read) : read;
      });
      const place = path.map(String).join('.');
      if (places.has(place)) return [];
      places.add(place);
      const [name, position] = path;
      // A key that is no section kind is at its own line, as is a tag in a list of `- ` lines.
      const { keys } = issue as { keys?: readonly string[] };
      const child = typeof position === 'symbol' ? undefined : (position ?? keys?.[0]);
      const line = name === undefined ? 1 : valueLine(frontLines, String(name), child);
      // Written with nothing after it (YAML's null), where a value is needed: empty, not missing.
      const empty = issue.code === 'invalid_type' && isEmpty(data, issue.path);
      // `title: true`: a text the reader took for a true or false (or a number where none is read).
      const quote = textInQuotes(issue, valueAt(data, issue.path), frontLines.lines[line - 1] ?? '');
      const advice = quote === undefined ? '' : `: ${quote}`;
      // A list's entry (`tags: [a, null]`, `- ` alone) is named by its place, as the author counts.
      if (path.length === 2 && typeof position === 'number') {
        const entry = LIST_ENTRY[String(issue.path[0])] ?? 'entry';
        const nth = `the ${ordinal(position + 1)} ${entry}`;
        const said = issue.message.replace(/^(?:a|each) tag /, '');
        return [
          {
            file,
            line,
            field: String(name),
            message: empty
              ? `${nth} ${EMPTY_ENTRY}`
              : `${said === issue.message ? `${nth}: ${said}` : `${nth} ${said}`}${advice}`,
            alike: empty
              ? `a ${entry} ${EMPTY_ENTRY}`
              : `${issue.message}${quote === undefined ? '' : ': write it in quotes'}`,
          },
        ];
      }
      const field = place || undefined;
      // A Hugo date written as a number that is no Unix time (see withUnixDates).
      const number = hugo && DATE_FIELDS.has(issue.path[0] ?? '') ? valueAt(data, issue.path) : undefined;
      const message = empty
        ? 'empty'
        : typeof number === 'number'
          ? unixDateProblem(number)
          : `${issue.message}${advice}`;
      return [{ file, line, ...(field === undefined ? {} : { field }), message, alike: message }];
    });
    // Past those, the places are only counted: a hundred bad tags are one problem and a number.
    const rawPlace = (issue: (typeof issues)[number]) => issue.path.map(String).join('.');
    const shown = new Set(issues.slice(0, MAX_FIELD_PROBLEMS).map(rawPlace));
    const more = new Set(
      issues
        .slice(MAX_FIELD_PROBLEMS)
        .map(rawPlace)
        .filter((at) => !shown.has(at)),
    ).size;
    // Only tags that cannot be shown: the post is read without them, and they are noted.
    const tagPlaces = tagEntryPlaces(issues, data);
    const said = [
      ...inLineOrder(oncePerField(problems)),
      ...(more === 0
        ? []
        : [
            tagPlaces === undefined
              ? moreProblems(file, more, 'in the front matter')
              : { file, message: `and ${more} more tag${more === 1 ? '' : 's'} like these` },
          ]),
    ];
    const cleaned = tagPlaces === undefined ? undefined : withoutTagEntries(data, tagPlaces);
    // The folders' categories join the post's own once those can be read (see withCategories).
    const again =
      cleaned === undefined
        ? undefined
        : frontMatterSchema.safeParse(folders.length === 0 ? cleaned : withCategories(cleaned, folders));
    if (again?.success !== true) return refused(said, sectionsOnly(data));
    front = again;
    leftOutTags = said;
  }
  const meta = front.data;
  // What the name says, without the language of a translation (see nameOf).
  const ownName = nameOf(file, language, languages);
  const named = fileName(ownName);
  // Jekyll stops at such a name ("Invalid date") unless the front matter dates the post, as Eleventy
  // then does too: the name's prefix is not read at all.
  if (named.notADay !== undefined && meta.date === undefined) {
    return refused(
      [
        {
          file,
          line: 1,
          field: 'file name',
          message: `${named.notADay} is not a date; rename the file with a day that exists (YYYY-MM-DD-name.md), or give the post a date in its front matter`,
        },
      ],
      meta,
    );
  }
  const place = contentPath === undefined ? undefined : nameOf(contentPath, language, languages);
  // The key commands and buttons use: the front matter's slug (as the generators accept it) or the
  // file's name, made a slug; the address is made from them whole (see fillArticleUrl).
  const slug = meta.slug === undefined ? named.slug : slugOf(meta.slug);
  const fullSlug = meta.slug === undefined ? named.fullSlug : slugOf(meta.slug, Infinity);
  if (slug === undefined) {
    return refused(
      [
        {
          file,
          line: 1,
          field: 'slug',
          message: 'none given, and the file name has no letters or digits to make one from',
        },
      ],
      meta,
    );
  }
  // Jekyll titles a post without one from its file name. A long title is cut, not refused: the blog
  // publishes the post.
  // A title of only control characters is none, as a blank one is: the file name's serves.
  const ownTitle = meta.title === undefined ? '' : withoutControls(meta.title).trim();
  // Read as a page that prints it raw shows it, where that reads the same escaped too (see
  // htmlAsText): `Q&amp;A` is `Q&A`, `<em>x</em>` is `x`, a lone `<div>` stays.
  const shownTitle = withoutControls(htmlAsText(ownTitle));
  if (ownTitle !== '' && showsNoText(shownTitle)) {
    const name = names.get('title') ?? 'title';
    return refused(
      [
        {
          file,
          line: keyLine(frontLines, name),
          field: name,
          message:
            'expected a title (text), and this one shows nothing once its HTML tags and entities are read: write its words, or remove it to title the post from its file name',
        },
      ],
      meta,
    );
  }
  // jemoji makes emoji of the whole page a Jekyll post is in, its title's heading too; Hugo's and
  // Eleventy's make them of the post's text alone.
  const titled = shownTitle || withoutControls(named.title).trim();
  const title = truncatePlain(emoji && jekyllPost ? emojified(titled) : titled, TITLE_MAX);
  if (title === '')
    return refused(
      [
        {
          file,
          line: 1,
          field: 'title',
          message: 'none given, and the file name has no words to make one from',
        },
      ],
      meta,
    );
  // Hugo's `:filename` date handler, where its `[frontmatter] date` lists it, dates the post by its
  // name when it runs (first, or after the front matter found no date) and the name has a date; and
  // then makes the name after the date its slug. (Its listing date falls back on the name anyway.)
  const fileNamed =
    hugo &&
    named.date !== undefined &&
    (fileNameDates === 'first' || (fileNameDates === 'last' && dateKey === undefined));
  const date = fileNamed && fileNameDates === 'first' ? named.date : (meta.date ?? named.date);
  // When the generator publishes it, for those that leave a post dated in the future out until then:
  // Hugo (by its front matter only) and Jekyll (a post's date, from its name too).
  // The date's key as written: its line says how Jekyll reads it (see jekyllDateZone).
  const dateField = names.get(dateKey ?? 'date') ?? dateKey ?? 'date';
  const publishes = hugo
    ? // Hugo's publishDate reads the front matter's date before the one its handler gave.
      (instantIn(meta.publishdate, timeZone) ??
      dateInstant(data['date'], meta.date ?? (fileNamed ? named.date : undefined), timeZone))
    : jekyllPost
      ? dateInstant(data['date'], date, jekyllDateZone(frontLines, dateField, timeZone))
      : undefined;
  // Eleventy and the bot's own folder hold no post back, but list a day's posts by their full date.
  const dated = hugo || jekyllPost ? undefined : dateInstant(data['date'], date, timeZone);
  // An Eleventy permalink with the page's date (`{{ page.date | date: "%Y/%m/%d" }}`) is filled now
  // that the date is known, and checked as one written so.
  const datedPermalink =
    eleventy && meta.permalink === undefined && typeof templated === 'string' && dated !== undefined
      ? eleventyPermalink(templated, file, tagged['title'], dated)
      : undefined;
  const checkedPermalink =
    datedPermalink === undefined
      ? undefined
      : frontMatterSchema.in.shape.permalink.safeParse(pageUrlOf(datedPermalink));
  if (checkedPermalink?.success === false) {
    const place = addressPlace('permalink', computedFrom, names, frontLines);
    const message = `${checkedPermalink.error.issues[0]?.message ?? 'not an address'}${computedFrom === 'data' ? FROM_DATA_FILES : ''}`;
    return refused([{ file, line: place?.line ?? 1, field: place?.name ?? 'permalink', message }], meta);
  }
  const ownPermalink = meta.permalink ?? checkedPermalink?.data;
  const expires = instantIn(meta.expirydate, timeZone);
  // Jekyll reads a post's date as its instant in the site's zone (UTC without one), for its address
  // and its pages alike: a date written with another zone (`2024-01-05 20:32:14 -0500`, as `jekyll
  // new` writes it) may be on the next day there, as the post's link and its page say it.
  const day = jekyllPost && publishes !== undefined ? dayIn(Date.parse(publishes), timeZone ?? 'UTC') : date;
  const urlParts: UrlParts = {
    // Hugo's `:filename` date handler makes the name after the date the slug of a post without one.
    ownSlug: meta.slug ?? (fileNamed ? named.stem : undefined),
    nameSlug: named.fullSlug,
    stem: named.stem,
    title: meta.title,
    jekyll: jekyllPost,
    rules: urlRules,
    date: day,
    categories: () => (jekyllPost ? jekyllCategories(written, folders) : categoriesOf(data)),
    sections: hugoSections ?? (place === undefined ? [] : sectionsOf(place)),
    baseName: baseName(place ?? ownName),
    filePath: filePathOf(contentPath ?? file.split('/').pop() ?? file),
  };
  // A Jekyll post's own permalink is filled as Jekyll fills it (`/custom/:title/`), with its tokens
  // only; Eleventy's permalink is an address as written, and Hugo's `url` a path Hugo may end with
  // a `/` (see hugoUrlPath).
  const permalink =
    ownPermalink !== undefined && jekyllPost
      ? fillArticleUrl(ownPermalink, urlParts, JEKYLL_URL_TOKEN)
      : ownPermalink;
  const ownUrl = hugo && meta.url?.startsWith('/') === true ? hugoUrlPath(meta.url) : meta.url;
  const path =
    ownUrl ??
    (ownPermalink !== undefined
      ? permalink
      : articleUrl === null
        ? undefined
        : fillArticleUrl(articleUrl, urlParts));
  const url = path === undefined ? undefined : resolveUrl(path, siteUrl);
  const ownField = meta.url !== undefined ? 'url' : ownPermalink !== undefined ? 'permalink' : undefined;
  // A written address Discord would refuse is the author's to shorten (one ARTICLE_URL makes is
  // left unlinked instead, and content:check lists it: see unlinkedNotes).
  const tooLong = ownField === undefined || path === undefined ? undefined : overlong(url, path);
  const ownPlace = addressPlace(ownField, computedFrom, names, frontLines);
  if (ownPlace !== undefined && tooLong !== undefined) {
    const message = `${tooLong}${ownField === 'permalink' && computedFrom === 'data' ? FROM_DATA_FILES : ''}`;
    return refused([{ file, line: ownPlace.line, field: ownPlace.name, message }], meta);
  }
  // Where the blog publishes it, when the blog's own rule says (its url or permalink, or the
  // ARTICLE_URL the admin set; not the default, a guess): two posts at one are one page on the blog,
  // whether or not the bot is told where the blog is (on a stand-in site without SITE_URL).
  const known =
    meta.url !== undefined ||
    ownPermalink !== undefined ||
    urlRules !== undefined ||
    articleUrl !== DEFAULT_ARTICLE_URL;
  const address = known && path !== undefined ? (url ?? onStandIn(path)) : undefined;
  // A summary that was only a template tag (`{{ page.excerpt }}`), HTML markup or entities of nothing
  // (`&nbsp;`) is none: the next field serves. Its markup is left out, its text kept (see
  // withoutHtmlTags).
  const [summaryField, shortText] = SUMMARY_FIELDS.map(
    (key) => [key, withoutHtmlTags(stripTemplateTags(withoutControls(meta[key] ?? ''))).trim()] as const,
  ).find(([, text]) => text !== '' && !showsNoText(htmlAsText(text))) ?? ['summary', ''];
  const summary =
    shortText === ''
      ? { ok: true as const, text: '' }
      : // jemoji makes emoji of the whole page, where the post's excerpt is shown too (see the title's).
        summaryMarkdown(shortText, siteUrl, url, emoji && jekyllPost);
  if (!summary.ok) {
    return refused(
      [
        {
          file,
          line: keyLine(frontLines, names.get(summaryField) ?? summaryField),
          field: summaryField,
          message: summary.message,
        },
      ],
      meta,
    );
  }
  // Links relative to the post (`../older/`, `#tips`) lead where a reader of its page would go.
  const body = readBody(meta, url);
  // A post without any of the sections is still an article: /articles lists it.
  if (body.problems.length > 0) return { ok: false, problems: firstProblems(file, body.problems) };
  // A kind the post's own `sections` maps to names no heading has (a typo, a heading renamed): said.
  // Not one a Hugo cascade gives, which names the headings of many posts.
  const sectionsKey = names.get('sections') ?? 'sections';
  const unmatched: ContentProblem[] =
    own['sections'] === undefined
      ? []
      : body.unmatched
          .map(({ kind, names: headings }) => ({
            file,
            line: valueLine(frontLines, sectionsKey, kind),
            field: 'sections',
            message: `${kind}: no heading ${headings.map((name) => `"${shortName(oneLine(name))}"`).join(' or ')} in the post: write the name as its heading is written`,
          }))
          .sort((a, b) => a.line - b.line);
  // A heading outside the sections whose words name a kind (`5 tips for new managers`) that `sections`
  // does not map, the first of each kind: what to write to make it that section.
  const nearMisses: ContentProblem[] = body.nearMisses
    .filter(({ kind }) => meta.sections?.[kind] === undefined)
    .map(({ kind, heading, line }) => ({
      file,
      line,
      field: kind,
      message: `the heading "${shortName(heading)}" is not read as the ${kind} section (headed "${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}"): to read it as one, write sections: { ${kind}: ${heading.length > 100 ? 'its heading' : JSON.stringify(heading)} } in the front matter`,
    }));
  // A heading name `sections` maps to two kinds is read as the first (see headingMatcher): said.
  const shared: ContentProblem[] =
    own['sections'] === undefined
      ? []
      : sharedHeadings(meta).map(({ kind, name, readAs }) => ({
          file,
          line: valueLine(frontLines, sectionsKey, kind),
          field: 'sections',
          message: `${kind}: "${shortName(oneLine(name))}" is mapped to ${readAs} too, and a heading is one section: it is read as ${readAs}; map it to one kind`,
        }));
  const headingNotes = [...unmatched, ...shared, ...nearMisses];
  // Shown under the title in /articles: the author's summary, or else the post's first paragraph.
  // Listed with others in one message: nothing left open in it may run on into the next entries.
  const shortSummary = escapeLoneSpoilers(truncateMarkdown(summary.text || body.lead(), SUMMARY_MAX));
  const article: Article = {
    slug,
    ...(fullSlug === slug ? {} : { fullSlug }),
    title,
    summary: shortSummary,
    tags: eleventy ? meta.tags.filter((tag) => !ELEVENTY_COLLECTIONS.has(tagKey(tag))) : meta.tags,
    ...(meta.categoryTags === undefined ? {} : { categoryTags: meta.categoryTags }),
    ...(leftOutTags.length === 0 ? {} : { leftOutTags }),
    ...(headingNotes.length === 0 ? {} : { headingNotes }),
    ...(url === undefined ? {} : { url }),
    ...(address === undefined ? {} : { address }),
    ...(day === undefined ? {} : { date: day }),
    ...(publishes === undefined ? {} : { publishes }),
    ...(dated === undefined ? {} : { dated }),
    ...(hugo ? { hugo: true as const } : {}),
    ...(expires === undefined ? {} : { expires }),
    sections: body.sections,
    file,
    ...(meta.slug === undefined ? {} : { slugLine: keyLine(frontLines, names.get('slug') ?? 'slug') }),
    ...(address === undefined || ownPlace === undefined ? {} : { addressField: ownPlace }),
    ...(holdsPageRefs(shortSummary) || sectionsHoldRefs(body.sections) ? { pageRefs: true as const } : {}),
  };
  // Its strings may be slices of the whole file, which they keep alive: what is kept is its stored
  // form (see formOf), written afresh as JSON; a copy here took a twentieth of the parse.
  return { ok: true, article, searchText: body.searchText };
}

/**
 * Discord renders Markdown in the summary too, so its relative links need the site as well, and
 * those relative to the page (`#tips`, `cover.png`) the page's address, as the body's do (parsed
 * only when it has a mark: most summaries are plain text). Its lines are text: a `<` left after its
 * HTML tags (see withoutHtmlTags), a `***` or a fence line are shown as written.
 */
function summaryMarkdown(
  summary: string,
  siteUrl: string | undefined,
  pageUrl: string | undefined,
  emoji: boolean,
): { ok: true; text: string } | { ok: false; message: string } {
  // Written again as Discord reads it, a mark left open (`**`, a backtick, a fence) is escaped: the
  // summaries of a list share one message, where it would run on into the next entries.
  if (!/[\\`*_~[\]<>&#|]/.test(summary) && !summary.includes('\n'))
    return { ok: true, text: emoji ? emojified(summary) : summary };
  // Its lines are text under a title (see escapeBlockStarts): `# x` or `- x` opens no block here.
  const parsed = parseMarkdown(literalLines(escapeBlockStarts(summary)));
  if (!parsed.ok) return parsed;
  // Its shortcodes outside code, as the post's text's (see emojifyTexts).
  if (emoji) emojifyTexts([parsed.root]);
  resolveRelativeLinks(parsed.root, pageUrl);
  return {
    ok: true,
    text: toDiscordMarkdown(parsed.root.children, siteUrl, { markers: false, lines: 'kept' }) || summary,
  };
}

/**
 * Summary text whose lines open no block and hold no HTML: a rule (`***`), a fence, a setext
 * underline (`===`) and a `<` are escaped; links, emphasis, code spans and autolinks stay Markdown.
 */
function literalLines(text: string): string {
  const lines = text.replace(/^( {0,3})(?=([-*_])(?: *\2){2,} *$|`{3,}|~{3,}|=+ *$)/gm, '$1\\');
  // Not in a code span, where the escape would show (`\<br>`); after the fences are escaped, which
  // are then no code.
  return rewriteOutsideCode(lines, {
    triggers: '<',
    construct: (start) => {
      if (lines[start - 1] === '\\') return undefined;
      // An autolink reads as in a section: its address, `mailto:` left out (`<me@example.com>`).
      AUTOLINK.lastIndex = start;
      if (AUTOLINK.test(lines))
        return { end: AUTOLINK.lastIndex, text: lines.slice(start, AUTOLINK.lastIndex) };
      // A link's address written in brackets (`[me](<https://example.org/a b>)`), as in a section.
      if (lines.slice(start - 2, start) === '](') {
        BRACKETED_ADDRESS.lastIndex = start;
        if (BRACKETED_ADDRESS.test(lines))
          return { end: BRACKETED_ADDRESS.lastIndex, text: lines.slice(start, BRACKETED_ADDRESS.lastIndex) };
      }
      return { end: start + 1, text: '\\<' };
    },
  });
}

/** A link destination in pointy brackets, as CommonMark reads one: no line break, `<` or `>` but escaped. */
const BRACKETED_ADDRESS = /<(?:[^<>\n\\]|\\.)*>/y;

/** An autolink as CommonMark reads one: an address with a scheme (`<https://…>`), or an email's. */
const AUTOLINK =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\p{Cc}]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/uy;

/**
 * Where a post's date is read, in Hugo's order, named in lowercase as {@link lowerKeys} gives them
 * (`publishDate` is `publishdate`).
 */
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published'] as const;

/**
 * Hugo's: its default `[frontmatter] date` ends with `lastmod` and `modified`, so that a post with only
 * those is dated by them (elsewhere they are not the day a post was published).
 */
const HUGO_DATE_KEYS = [...DATE_KEYS, 'lastmod', 'modified'] as const;

/** Where Hugo reads when it stops publishing a post, in its order, named as {@link lowerKeys} gives them. */
const EXPIRY_KEYS = ['expirydate', 'unpublishdate'] as const;

/** Where Hugo reads when it publishes a post (its `[frontmatter] publishDate` default), in its order. */
const PUBLISH_KEYS = ['publishdate', 'pubdate', 'published', 'date'] as const;

/** Hugo's keys of a date, named as {@link lowerKeys} gives them: each one written as a number is Unix seconds. */
const HUGO_DATE_FIELDS = [...HUGO_DATE_KEYS, ...EXPIRY_KEYS];

/**
 * `fields` with each of Hugo's dates written as a whole number (`date = 1704448800`) the timestamp
 * it names, in the site's `timeZone` (else UTC), as Hugo reads it (see unixDate). Another number (a
 * fraction, one past the year 9999) is left for the schema to refuse (see unixDateProblem).
 */
function withUnixDates(
  fields: Record<string, unknown>,
  timeZone: string | undefined,
): Record<string, unknown> {
  let kept = fields;
  for (const key of HUGO_DATE_FIELDS) {
    const value = fields[key];
    const date = typeof value === 'number' ? unixDate(value, timeZone) : undefined;
    if (date !== undefined) kept = { ...kept, [key]: date };
  }
  return kept;
}

/**
 * The instant a post's date names, `written` as the front matter has it (`day` its day, read from it
 * or the file's name): its time (see instantOf), or else the day's start, in the site's `timeZone`
 * (else UTC).
 */
function dateInstant(written: unknown, day: string | undefined, timeZone?: string): string | undefined {
  if (day === undefined) return undefined;
  return instantIn(written, timeZone) ?? instantOf(day, timeZone);
}

/**
 * YAML's timestamp with seconds as SafeYAML, Jekyll's YAML reader, reads one (its `TIME_MATCHER`): a
 * plain value so written is a time to it, other text stays text.
 */
const SAFE_YAML_TIME =
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?\s*(?:Z|[-+]\d{1,2}(?::?\d{2})?)?$/;

/**
 * The zone a Jekyll post's date, its front matter's `key`, is read in: the site's `timeZone`, as
 * Jekyll reads text with Ruby's Time.parse (a quoted value, a time without seconds, a day alone, the
 * file name's date); but UTC for a timestamp with seconds written plain (`date: 2024-03-01 01:00:00`),
 * which SafeYAML makes a time with DateTime.parse, in UTC when it has no zone. The parsed front matter
 * has lost the quotes: the key's line says.
 */
function jekyllDateZone(
  frontLines: KeyedLines,
  key: string,
  timeZone: string | undefined,
): string | undefined {
  if (timeZone === undefined) return undefined;
  const line = lastKeyLine(frontLines, key);
  const text = line === undefined ? '' : (frontLines.lines[line - 1] ?? '');
  if (!startsWithKey(text, key, /:/)) return timeZone;
  // What follows the key's colon, but a comment.
  const value = text
    .slice(text.indexOf(':') + 1)
    .replace(/[ \t]#.*$/, '')
    .trim();
  return SAFE_YAML_TIME.test(value) ? undefined : timeZone;
}

/** The instant `written` names, if it is text that names one, in `timeZone` when it has no zone (see instantOf). */
function instantIn(written: unknown, timeZone: string | undefined): string | undefined {
  return typeof written === 'string' ? instantOf(written.trim(), timeZone) : undefined;
}

/**
 * The fields under their lowercase names, as Hugo reads front matter keys in any case (`Title`,
 * `Tags`, `publishDate`: older Hugo sites write them so); a name the file also has in lowercase
 * keeps that field. `names` gives each changed name as written, for problems.
 */
function lowerKeys(fields: Record<string, unknown>): {
  fields: Record<string, unknown>;
  names: ReadonlyMap<string, string>;
} {
  const names = new Map<string, string>();
  const keys = Object.keys(fields);
  if (keys.every((key) => key === key.toLowerCase())) return { fields, names };
  const lowered: Record<string, unknown> = {};
  // `__proto__` would set the object's prototype: no field of ours has that name.
  for (const key of keys) if (key === key.toLowerCase() && key !== '__proto__') lowered[key] = fields[key];
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (Object.hasOwn(lowered, lower) || lower === '__proto__') continue;
    lowered[lower] = fields[key];
    names.set(lower, key);
  }
  return { fields: lowered, names };
}

/**
 * Whether Hugo writes no page for the post, so that a link to it would lead nowhere: its build
 * options (`build`, `_build` before Hugo 0.123) say `render: never` (or `link`, a page with an
 * address but no file; or `false`, as they once did), or it is a headless bundle.
 */
function isUnrendered(data: Record<string, unknown>): boolean {
  if (isYes(data['headless'])) return true;
  const render = buildOption(data, 'render');
  return render.some(
    (value) => isNo(value) || (typeof value === 'string' && /^(never|link)$/i.test(value.trim())),
  );
}

/**
 * Whether the blog keeps the post out of its lists, though it may publish its page: Hugo's build
 * options say `list: never` (or `false`, as they once did), or Docusaurus's `unlisted` is yes (a
 * page only its link leads to). The bot, which lists and sends posts, treats it as a draft.
 */
function isUnlisted(data: Record<string, unknown>): boolean {
  if (isYes(data['unlisted'])) return true;
  return buildOption(data, 'list').some(
    (value) => isNo(value) || (typeof value === 'string' && value.trim().toLowerCase() === 'never'),
  );
}

/** The values of Hugo's build option `name` (its key in any case), in `build` and `_build` (before Hugo 0.123). */
function buildOption(data: Record<string, unknown>, name: string): unknown[] {
  return ['build', '_build'].flatMap((key) => {
    const options = data[key];
    if (!isFields(options)) return [];
    const found = Object.entries(options).find(([option]) => option.toLowerCase() === name);
    return found === undefined ? [] : [found[1]];
  });
}

/**
 * Where the front matter's issues are, when each is an entry of a tag field (see TAG_FIELDS): by
 * field, the entries' places (undefined for a text `category`); undefined when any issue is another.
 */
function tagEntryPlaces(
  issues: readonly { readonly path: readonly PropertyKey[] }[],
  data: Record<string, unknown>,
): Map<string, Set<number | undefined>> | undefined {
  const places = new Map<string, Set<number | undefined>>();
  for (const { path } of issues) {
    const [field, position] = path;
    if (typeof field !== 'string' || !TAG_FIELDS.has(field)) return undefined;
    const text = typeof data[field] === 'string' || typeof data[field] === 'number';
    const place =
      path.length === 2 && typeof position === 'number'
        ? position
        : path.length === 1 && field === 'category' && text
          ? undefined
          : null;
    if (place === null) return undefined;
    const at = places.get(field) ?? new Set<number | undefined>();
    places.set(field, at.add(place));
  }
  return places;
}

/** Nothing after the key (YAML's null), or blank text: as absent, as the generators read it. */
/** The fields but those whose value is null (a key written without one). */
function withoutBlankKeys(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  );
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Whether Eleventy's `eleventyExcludeFromCollections` keeps a page out of the blog's list: `true`
 * (every collection), or, as Eleventy 3 writes it, a list of collections naming `posts` or `post`,
 * the collection of posts in its starters and docs (`["posts"]`, a "now" page).
 */
function isExcludedFromPosts(value: unknown): boolean {
  if (!Array.isArray(value)) return isYes(value);
  return value.some((name) => typeof name === 'string' && /^posts?$/i.test(name.trim()));
}

function isYesOrNo(value: unknown): boolean {
  return isYes(value) || isNo(value);
}

function isFields(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** What an entry of a list field is called in a problem. */
const LIST_ENTRY: Readonly<Record<string, string>> = {
  tags: 'tag',
  categories: 'category',
  category: 'category',
};

/** `1st`, `2nd`, `3rd`, `4th`, … `11th`, `21st`. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A front matter problem, and how it reads for any entry of its list (`each tag must be text`). */
type FieldProblem = ContentProblem & { readonly alike: string };

/**
 * One problem per field and mistake on one line: the entries of one list (an alias repeated nine
 * times, `tags: *i`) with one mistake, where no line of their own is found, are one problem at the
 * field, with how many have it.
 */
function oncePerField(problems: readonly FieldProblem[]): ContentProblem[] {
  const groups = new Map<string, FieldProblem[]>();
  for (const problem of problems) {
    const top = problem.field?.split('.')[0] ?? '';
    const key = `${top}\n${problem.line ?? 1}\n${problem.alike}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [problem]);
    else group.push(problem);
  }
  return [...groups.values()].map((group) => {
    const [{ alike, ...first }] = group as [FieldProblem, ...FieldProblem[]];
    if (group.length === 1) return first;
    const top = first.field?.split('.')[0] ?? '';
    // The count goes with what is wrong, before what to do: `a tag is empty (3 entries): write it, …`.
    const advice = alike.indexOf(': ');
    const count = ` (${group.length} entries)`;
    const message =
      advice === -1 ? `${alike}${count}` : `${alike.slice(0, advice)}${count}${alike.slice(advice)}`;
    return { ...first, field: top, message };
  });
}

/** A file's problems by line, as its author reads it (stable: one line's keep their order). */
function inLineOrder(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 1) - (b.line ?? 1));
}

/** What a list's entry written empty (`- ` alone, `~`) is told: as the zod schema says of an empty tag. */
const EMPTY_ENTRY = 'is empty: write it, or remove it';

/** The value at `path` in the front matter's data; undefined where there is none. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isEmpty(data: unknown, path: readonly PropertyKey[]): boolean {
  const value = valueAt(data, path);
  return value === undefined || value === null;
}

/** The fields read as dates: quotes make no text of a date. */
const DATE_FIELDS: ReadonlySet<PropertyKey> = new Set(['date', 'expirydate', 'publishdate']);

/**
 * A value `key: value` (YAML), `key = value` (TOML), `"key": value,` (JSON) or `- value` (a YAML
 * list's entry) that holds no space, as a true or false or a number does, and its key; a comment may
 * follow. No two parts can match the same characters: a long line takes no time to try.
 */
const WRITTEN_VALUE =
  /^[ \t]*(-|"[^"]*"[ \t]*[:=]|[^\s"'#=:[\]{},-][^\s#=:]*[ \t]*[:=])[ \t]+([^\s"'#,[\]{}]+)[ \t]*(?:,[ \t]*)?(?:#.*)?\r?$/;

/**
 * Where text is expected and the reader found a true or false or a number (`title: true`, `url:
 * 2024`, `tags: [yes, true]`), what to write instead: the value in quotes, as written on its line
 * when it is there (`title: "True"`), else as read. Undefined for any other problem, and for dates.
 */
function textInQuotes(
  issue: { code: string; path: readonly PropertyKey[]; expected?: unknown },
  value: unknown,
  line: string,
): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string' || DATE_FIELDS.has(issue.path[0] ?? ''))
    return undefined;
  if (typeof value !== 'boolean' && typeof value !== 'number' && typeof value !== 'bigint') return undefined;
  const read = String(value);
  const [, key = '', written = ''] = WRITTEN_VALUE.exec(line) ?? [];
  // A number of a thousand digits is not quoted back whole.
  if (read.length > 40 || written.length > 40) return 'write it in quotes';
  // The line's own value only when it is the one read (not the key's line of a list written `[…]`).
  const same = written.toLowerCase() === read.toLowerCase() || (written !== '' && Number(written) === value);
  if (!same) return `write it in quotes, "${read}"`;
  if (key === '-') return `write it in quotes, "${written}"`;
  return `write it in quotes, ${key.replace(/\s*[:=]$/, '')}${key.endsWith('=') ? ' = ' : ': '}"${written}"`;
}

/** Fields of text (or of texts) where YAML may read a number that is not what is written. */
const TEXT_FIELDS = ['title', 'slug', 'summary', 'description', 'excerpt', 'tags', 'categories', 'category'];

/**
 * `fields` with each number of a text field, or of its list, as written on its line where the reader
 * read it otherwise (YAML 1.1's `slug: 010` is 8, `1:20` is 80, `1e400` Infinity; a title of 30
 * digits loses its last ones): the author means the text. One not on a line of its own (in a flow
 * list `[a, 010]`) stays as read.
 */
function writtenNumbers(
  fields: Record<string, unknown>,
  names: ReadonlyMap<string, string>,
  frontLines: KeyedLines,
): Record<string, unknown> {
  let kept = fields;
  const asWritten = (value: unknown, key: string, child?: number): unknown => {
    if (typeof value !== 'number') return value;
    const line = child === undefined ? lastKeyLine(frontLines, key) : childValueLine(frontLines, key, child);
    const [, , written = ''] = WRITTEN_VALUE.exec(frontLines.lines[(line ?? 0) - 1] ?? '') ?? [];
    return written === '' || written === String(value) ? value : written;
  };
  for (const field of TEXT_FIELDS) {
    const value = fields[field];
    const key = names.get(field) ?? field;
    // A flow list (`tags: [010, x]`) holds its entries on the key's line, and a list longer than the
    // front matter (an alias's) cannot have each on a line of its own: not looked for.
    const flow =
      Array.isArray(value) &&
      (value.length > frontLines.lines.length ||
        /[:=]\s*\[/.test(frontLines.lines[(lastKeyLine(frontLines, key) ?? 0) - 1] ?? ''));
    const written = flow
      ? value
      : Array.isArray(value)
        ? value.map((entry, i) => asWritten(entry, key, i))
        : asWritten(value, key);
    const same =
      Array.isArray(value) && Array.isArray(written)
        ? written.every((entry, i) => entry === value[i])
        : written === value;
    if (!same) kept = { ...kept, [field]: written };
  }
  return kept;
}

/** The line of `key`'s `child` (see {@link valueLine}) where it is written on a line of its own, else undefined. */
function childValueLine(frontLines: KeyedLines, key: string, child: string | number): number | undefined {
  const line = foundKeyLine(frontLines, key);
  // A reader's key lines (`---js`, JSON) are the top level's only; of a key written twice, YAML
  // keeps the last: where each child is, is then not looked for.
  if (line === undefined || frontLines.keyLines?.has(key) === true) return undefined;
  if (foundKeyLine(frontLines, key, line) !== undefined) return undefined;
  return childLine(frontLines.lines, line, child);
}

/**
 * Where an Eleventy post's `eleventyComputed.permalink` is, which makes its address over any
 * `permalink`: in its own front matter, or in its data files (`posts.json`), which the post does not
 * name; else none.
 */
type ComputedFrom = 'own' | 'data' | undefined;

/** Said of a problem in the computed permalink a post's data files give it, which is not in the post. */
const FROM_DATA_FILES = " (Eleventy's eleventyComputed.permalink from the post's data files)";

/**
 * The field that gave an article its address, named as written, and its line (see `Article.addressField`).
 * A computed permalink from the data files is named as Eleventy's, at the front matter's start: the post
 * has no line of it, and its own `permalink` (if any) is not what made the address.
 */
function addressPlace(
  key: 'url' | 'permalink' | undefined,
  computed: ComputedFrom,
  names: ReadonlyMap<string, string>,
  frontLines: KeyedLines,
): Article['addressField'] {
  if (key === undefined) return undefined;
  if (key === 'permalink' && computed === 'data') return { name: 'eleventyComputed.permalink', line: 1 };
  if (key === 'permalink' && computed === 'own') {
    const parent = names.get('eleventycomputed') ?? 'eleventycomputed';
    return { name: `${parent}.permalink`, line: valueLine(frontLines, parent, 'permalink') };
  }
  const name = names.get(key) ?? key;
  return { name, line: keyLine(frontLines, name) };
}

/** Line of `key` inside the front matter block (see {@link foundKeyLine}), or 1 when the key is absent. */
function keyLine(frontLines: KeyedLines, key: string): number {
  return foundKeyLine(frontLines, key) ?? 1;
}

/**
 * The line of what is wrong in `key`'s value: its `child` (an item's number, from 0, or a nested
 * key) where it is written on a line of its own (see {@link childLine}), else the key's line.
 */
function valueLine(frontLines: KeyedLines, key: string, child: string | number | undefined): number {
  const line = foundKeyLine(frontLines, key);
  if (line === undefined) return 1;
  return (child === undefined ? undefined : childValueLine(frontLines, key, child)) ?? line;
}

/**
 * The line of a YAML key's item number `child` (from 0) among the `- ` lines under it, or of its key
 * `child` among those indented under it; or of `child =` in a TOML `[key]` table. Undefined when it is
 * not written so (a flow list `[a, b]`, an alias, a text split into tags): never another one's line.
 */
function childLine(lines: readonly string[], keyLine: number, child: string | number): number | undefined {
  const head = lines[keyLine - 1] ?? '';
  const table = /^\[[^\]]*\]\s*$/.test(head);
  const indent = head.length - head.trimStart().length;
  let childIndent: number | undefined;
  let items = 0;
  for (let i = keyLine; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const text = raw.trim();
    if (/^(?:---|\.\.\.|\+\+\+)$/.test(text)) return undefined;
    if (text === '' || text.startsWith('#')) continue;
    if (table) {
      if (text.startsWith('[')) return undefined;
      if (typeof child === 'string' && startsWithKey(text, child, /=/)) return i + 1;
      continue;
    }
    const at = raw.length - raw.trimStart().length;
    const item = /^-(?:\s|$)/.test(text);
    // A list may stand at its key's indentation; anything else under it is indented further.
    if (at < indent || (at === indent && !(item && typeof child === 'number'))) return undefined;
    childIndent ??= at;
    if (at < childIndent) return undefined;
    if (at > childIndent) continue;
    if (typeof child === 'number') {
      if (!item) return undefined;
      if (items++ === child) return i + 1;
    } else if (startsWithKey(text, child, /:/)) return i + 1;
  }
  return undefined;
}

/** The site an address is placed on without SITE_URL, to compare it with others (see `Article.address`). */
const STAND_IN_SITE = 'https://site.invalid';

/** A path on the stand-in site, as a path again (`blog/x` → `/blog/x`); another host's address whole. */
function onStandIn(path: string): string | undefined {
  const resolved = resolveUrl(path, STAND_IN_SITE);
  return resolved?.startsWith(`${STAND_IN_SITE}/`) ? resolved.slice(STAND_IN_SITE.length) : resolved;
}

/**
 * What is wrong with a written address Discord would refuse as a link (see sendableUrl), or
 * undefined. Without SITE_URL a path is measured alone: too long by itself, it is with any site.
 */
function overlong(url: string | undefined, path: string): string | undefined {
  const sent = url ?? onStandIn(path);
  const length = sent === undefined ? 0 : encodedLength(sent);
  if (length <= DISCORD_LIMITS.linkUrl) return undefined;
  const what = url === undefined ? 'its path alone (SITE_URL goes before it)' : 'the address';
  return `${what} is ${length} characters once encoded; Discord takes at most ${DISCORD_LIMITS.linkUrl}: shorten it`;
}

/** Where a post's summary is read, in order. */
const SUMMARY_FIELDS = ['summary', 'description', 'excerpt'] as const;

/** What /articles shows of a summary: longer ones are shortened at a word, never refused. */
const SUMMARY_MAX = 500;

/**
 * What the file's path says: `2015-04-06-My Post.md` → slug `my-post`, date `2015-04-06` (Jekyll,
 * Eleventy); a page bundle's `my-post/index.md` → slug `my-post` (Hugo). Accents are dropped from
 * Latin letters, other scripts kept (`привет-мир.md` → `привет-мир`); the slug is cut to 64
 * characters, `fullSlug` is not. The title is the name's words, capitalised as Jekyll does.
 */
function fileName(file: string): {
  slug: string | undefined;
  fullSlug: string;
  /** The name after its date, as written: what Jekyll makes `:title` and `:slug` of. */
  stem: string;
  date: string | undefined;
  /** A prefix that is no day (`2024-02-30`), as written: refused unless the front matter dates the post. */
  notADay: string | undefined;
  title: string;
} {
  const parts = file.split('/');
  let name = (parts.pop() ?? '').replace(/\.(md|markdown|mdx|html?)$/i, '');
  if (name.toLowerCase() === 'index' && parts.length > 0) name = parts.pop() ?? name;
  // As Jekyll reads it, the month and day may have one digit (`2024-1-5-my-post.md`).
  const prefix = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/.exec(name);
  const day =
    prefix === null
      ? undefined
      : `${prefix[1]}-${prefix[2]?.padStart(2, '0')}-${prefix[3]?.padStart(2, '0')}`;
  const date = day !== undefined && isRealDay(day) ? day : undefined;
  // Jekyll's slug and title, and Eleventy's fileSlug, leave the prefix out whether or not it is a day.
  if (prefix !== null) name = prefix[4] ?? name;
  const slug = slugOf(name);
  return {
    slug: SLUG_PATTERN.test(slug) ? slug : undefined,
    fullSlug: slugOf(name, Infinity),
    stem: name,
    date,
    notADay: prefix === null || date !== undefined ? undefined : `${prefix[1]}-${prefix[2]}-${prefix[3]}`,
    title: titleOf(name),
  };
}

/**
 * A title made from a file's name, as Jekyll makes one: its words (between hyphens, underscores and
 * spaces) capitalised, `no-title` → `No Title`; a word of another script than Latin stays as it is.
 */
function titleOf(name: string): string {
  const words = name.normalize('NFC').split(/[\s_-]+/u);
  return words
    .filter((word) => word !== '')
    .map((word) => {
      if (!/^\p{Script=Latin}/u.test(word)) return word;
      const [first = '', ...rest] = word;
      return first.toUpperCase() + rest.join('').toLowerCase();
    })
    .join(' ');
}

/** The longest title an article is given (cut at a word): one fits an embed's title with room to spare. */
const TITLE_MAX = 200;

/** What fills an `ARTICLE_URL`'s tokens. */
interface UrlParts {
  /** The front matter's slug as the author wrote it, if it has one. */
  readonly ownSlug: string | undefined;
  /** The slug made from the file name, whole (the key is cut to 64 characters; links must not be). */
  readonly nameSlug: string;
  /** The file's name after its date, as written (see fileName). */
  readonly stem: string;
  /** The front matter's title: what Hugo's `:title` is made of. */
  readonly title: string | undefined;
  /** Whether the post is in a `_posts` folder: one of Jekyll's, whose `:title` and `:slug` it follows. */
  readonly jekyll: boolean;
  /** Whose rules fill the pattern, when the site's own configuration gave it (see ArticleSource.urlRules). */
  readonly rules: 'hugo' | 'jekyll' | undefined;
  /** The file's path in the content folder without its extension, as written (see filePathOf). */
  readonly filePath: string;
  readonly date: string | undefined;
  /** Asked only when the pattern has `:categories` or `:slugified_categories`. */
  readonly categories: () => readonly string[];
  /** The file's folders in the content folder, but for a page bundle's own. */
  readonly sections: readonly string[];
  /** The file's name without its extension (a page bundle's: its folder's), date and all. */
  readonly baseName: string;
}

type UrlToken = (typeof ARTICLE_URL_TOKENS)[number];

const URL_TOKEN = new RegExp(`:(${ARTICLE_URL_TOKENS.join('|')})\\b(\\/?)`, 'g');
/** Jekyll's tokens alone: what fills a Jekyll post's own `permalink`. */
const JEKYLL_URL_TOKEN = new RegExp(`:(${JEKYLL_URL_TOKENS.join('|')})\\b(\\/?)`, 'g');
/** Tokens only Hugo has: a pattern with one is a Hugo site's (`:slugorfilename` is not `:slug`). */
const HUGO_TOKEN = /:(section|sections|filename|contentbasename|slugorfilename|slugorcontentbasename)\b/;
/** Tokens only Jekyll has. */
const JEKYLL_TOKEN = /:(categories|slugified_categories|output_ext|short_year|i_month|i_day)\b/;

/**
 * The pattern with its tokens filled, as Jekyll and Hugo name and fill them (see the README, "Use
 * your blog's content"). `:slug` and `:title` are both generators' tokens with different rules: a
 * post in a `_posts` folder, or a pattern with a token only Jekyll has, follows Jekyll's
 * (URL drop: `:title` is `slugify(slug, mode: "pretty", cased: true)`, `:slug` is `slugify(slug)`,
 * the slug being the front matter's or else the file's name after its date); a pattern with a
 * token only Hugo has follows Hugo's (permalinks.go: `:slug` is the slug or else the title,
 * `:title` the title, both through `urlize`). Any other pattern (`/blog/:slug`, the default) takes
 * `:slug` as the front matter's slug as written, else the file's name made a slug, and `:title` as
 * Jekyll does. A token with nothing to fill leaves no `//`. Undefined when the pattern needs a date
 * the article has not, or a token naming the post (see ARTICLE_NAME_TOKENS) comes out empty.
 */
function fillArticleUrl(pattern: string, parts: UrlParts, tokens = URL_TOKEN): string | undefined {
  if (parts.date === undefined && articleUrlNeedsDate(pattern)) return undefined;
  const [year = '', month = '', day = ''] = parts.date?.split('-') ?? [];
  const hugo = HUGO_TOKEN.test(pattern);
  const generator =
    parts.rules ??
    (parts.jekyll || (!hugo && JEKYLL_TOKEN.test(pattern)) ? 'jekyll' : hugo ? 'hugo' : undefined);
  // Jekyll's slug when the front matter has none: the name after its date, without a trailing `.`.
  const jekyllName = parts.ownSlug ?? parts.stem.replace(/\.+$/, '');
  const value = (token: UrlToken): string => {
    switch (token) {
      case 'slug':
        if (generator === 'jekyll') return encodeURI(jekyllSlug(jekyllName));
        if (generator === 'hugo') return hugoPathName(parts.ownSlug ?? parts.title ?? '');
        // The front matter's slug as written, not the key made from it: what the author links to.
        return encodeURIComponent(parts.ownSlug ?? parts.nameSlug);
      case 'title':
        if (generator === 'hugo') return hugoPathName(parts.title ?? '');
        // Jekyll's escape_path keeps the sub-delimiters pretty mode keeps (`'`, `+`, `@`…).
        return encodeURI(jekyllSlug(jekyllName, { pretty: true }));
      case 'categories':
        // Each once, as Jekyll lowercases them before it compares.
        return joinSegments(parts.categories().map((name) => pathSegment(name)));
      case 'slugified_categories':
        return joinSegments(parts.categories().map((name) => encodeURIComponent(jekyllSlug(name))));
      case 'output_ext':
        return '.html';
      // Hugo makes every part of a path as urlize does: `My Section` is `my-section`.
      case 'section':
        return parts.sections[0] === undefined ? '' : hugoPathName(parts.sections[0]);
      case 'sections':
        return parts.sections.map((name) => hugoPathName(name)).join('/');
      case 'filename':
      case 'contentbasename':
        return hugoPathName(parts.baseName);
      case 'slugorfilename':
      case 'slugorcontentbasename':
        return hugoPathName(parts.ownSlug ?? parts.baseName);
      case 'filepath':
        return parts.filePath;
      case 'year':
        return year;
      case 'short_year':
        return year.slice(-2);
      case 'month':
        return month;
      case 'i_month':
        return String(Number(month));
      case 'day':
        return day;
      case 'i_day':
        return String(Number(day));
    }
  };
  const empty: UrlToken[] = [];
  const path = pattern.replace(tokens, (_, token: UrlToken, slash: string, offset: number) => {
    const filled = value(token);
    if (filled === '') empty.push(token);
    // `/:categories/:slug` for a post without categories is `/:slug`, as Jekyll squeezes it.
    return filled === '' && slash === '/' && pattern[offset - 1] === '/' ? '' : filled + slash;
  });
  // A post whose name came out empty (Hugo's :slug of a post with neither slug nor title) would
  // get its section's page, `/posts/`: no link rather than a wrong one.
  return empty.some((token) => NAME_TOKENS.has(token)) ? undefined : path;
}

const NAME_TOKENS: ReadonlySet<string> = new Set(ARTICLE_NAME_TOKENS);

/** Path segments each once and none empty, joined with `/`. */
function joinSegments(segments: readonly string[]): string {
  return [...new Set(segments)].filter((segment) => segment !== '').join('/');
}

/** A name made one safe, lowercase segment of a path, as Jekyll's categories: `Team Leads` → `team%20leads`. */
function pathSegment(name: string): string {
  return encodeURIComponent(name.toLowerCase());
}

/**
 * The post's `categories` and `category` (not its tags), read as the schema reads them: it has
 * already checked them. Jekyll puts them in its addresses.
 */
function categoriesOf(fields: Record<string, unknown>): readonly string[] {
  return (['categories', 'category'] as const).flatMap((key) => {
    const read = frontMatterSchema.in.shape[key].safeParse(fields[key]);
    return read.success ? (read.data ?? []) : [];
  });
}

/**
 * A Jekyll post's categories as Jekyll puts them in its address: its folders' (see folderCategories),
 * then its front matter's, where a text `categories` is split at spaces, commas kept
 * (`categories: Web Development, Career` is `web/development,/career`), and `category` is one.
 */
function jekyllCategories(written: Record<string, unknown>, folders: readonly string[]): readonly string[] {
  const own = (key: 'categories' | 'category'): string[] => {
    const value = written[key];
    if (key === 'categories' && typeof value === 'string')
      return value.split(/\s+/).filter((name) => name !== '');
    const names = Array.isArray(value) ? (value as unknown[]) : [value];
    return names.flatMap((name) =>
      typeof name === 'string' || typeof name === 'number' ? [String(name).trim()] : [],
    );
  };
  return [...folders, ...own('categories'), ...own('category')];
}

const categoriesSchema = frontMatterSchema.in.shape.categories;

/**
 * Jekyll's categories from a post's path: the folders above its `_posts` folder (`a/b/_posts/x.md`
 * is in `a` and `b`), none for one in the `_posts` folder at the top, nor from folders inside it.
 */
function folderCategories(contentPath: string): readonly string[] {
  const folders = contentPath.split('/').slice(0, -1);
  const posts = folders.indexOf('_posts');
  return posts <= 0 ? [] : folders.slice(0, posts).filter((name) => name !== '');
}

/**
 * The `categories` Jekyll's `defaults` give a post (`farther`) joined to its own, each once, the
 * defaults' first, as Jekyll merges them (a text split at spaces); nothing when either has none, or
 * either is no list or text (the post's own value then stands, for the schema to judge).
 */
function jekyllJoinedCategories(
  farther: Readonly<Record<string, unknown>>,
  nearer: Readonly<Record<string, unknown>>,
): { categories?: unknown[] } {
  const list = (value: unknown): unknown[] | undefined =>
    Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : undefined;
  const a = list(farther['categories']);
  const b = list(nearer['categories']);
  return a === undefined || b === undefined ? {} : { categories: [...new Set([...a, ...b])] };
}

/**
 * The front matter with the folders' categories before its own, each once, as Jekyll merges them.
 * A folder whose name is no tag (no letter, digit or emoji, or too long) is left out; the front matter's
 * own categories are left as written when they are wrong, for the schema to name the problem.
 */
function withCategories(
  fields: Record<string, unknown>,
  folders: readonly string[],
): Record<string, unknown> {
  const own = categoriesSchema.safeParse(fields['categories']);
  if (!own.success) return fields;
  const named = folders.filter((name) => categoriesSchema.safeParse([name]).success);
  return { ...fields, categories: [...new Set([...named, ...(own.data ?? [])])] };
}

/**
 * Hugo's sections of a file in the content folder: its folders (`posts`, `2024` for
 * `posts/2024/x.md`), but for a page bundle's own (`posts/x/index.md` is in `posts`); none at the
 * top level. Each folder is one, as Hugo's default addresses follow them (its `permalinks` count a
 * folder below the first only if it has an `_index.md`: see ArticleSource.hugoSections).
 */
function sectionsOf(contentPath: string): readonly string[] {
  const folders = contentPath.split('/').slice(0, -1);
  return isBundle(contentPath) ? folders.slice(0, -1) : folders;
}

/** The file's name without its extension, or a page bundle's folder's: what Hugo's `:filename` is. */
function baseName(path: string): string {
  const parts = path.split('/');
  const name = (parts.pop() ?? '').replace(/\.(md|markdown|mdx)$/i, '');
  return isBundle(path) ? (parts.pop() ?? name) : name;
}

/**
 * How a post's body is written: MDX, HTML (a Jekyll post named `.html` or `.htm`, which Jekyll
 * converts with no Markdown converter), or Markdown.
 */
type BodyFormat = 'markdown' | 'mdx' | 'html';

function bodyFormat(file: string, jekyllPost: boolean): BodyFormat {
  if (/\.mdx$/i.test(file)) return 'mdx';
  return jekyllPost && /\.html?$/i.test(file) ? 'html' : 'markdown';
}

/** Whether the file is in a `_posts` folder, where Jekyll reads posts. */
function isJekyllPost(path: string): boolean {
  return path.split('/').slice(0, -1).includes('_posts');
}

/**
 * The file's path in the content folder without its extension, nor a last `index`, as written:
 * where Eleventy writes a page by default (`posts/2024-01-05-My-Post.md` is at
 * `/posts/2024-01-05-My-Post/`, `posts/x/index.md` at `/posts/x/`), each part made safe. A file
 * named as its folder is that folder's index too, as Eleventy's permalink rule has it
 * (`posts/x/x.md` is at `/posts/x/`; its name compared as written).
 */
function filePathOf(path: string): string {
  const parts = path.replace(/\.(md|markdown|mdx)$/i, '').split('/');
  if (parts.at(-1) === 'index' || (parts.length > 1 && parts.at(-1) === parts.at(-2))) parts.pop();
  return parts.map((part) => encodeURIComponent(part)).join('/');
}

/** Whether the file is a Hugo page bundle's `index.md`. */
function isBundle(path: string): boolean {
  return /^index\.(md|markdown|mdx)$/i.test(path.split('/').pop() ?? '');
}

interface OpenSection {
  kind: SectionKind;
  /** The first heading of the kind: it names the section and gives its line. */
  heading: Heading;
  /** The depth of the last heading of the kind: a heading as high ends the section. */
  depth: number;
  /** What each heading of the kind holds, in order: a post may have the same section twice. */
  parts: RootContent[][];
  /** The file's lines each part spans, after its heading (the last part's end is open). */
  spans: Array<[number, number]>;
  /**
   * For a section made of headings that each name one item of its kind (`### Tip 1: Ask`, see
   * numberedItemHeading), under no heading of the kind: their depth. Another heading as high ends it.
   */
  itemDepth?: number | undefined;
  /** Whether such headings opened it: more of them later go on with it, as they go on with no other. */
  run?: true;
}

function parseBody(
  file: string,
  {
    written,
    content,
    titleLines,
    boxes,
  }: {
    written: () => string;
    content: string;
    /** The lines of `content` (from 1) that hold an admonition's title: no summary. */
    titleLines: readonly number[];
    /** The admonitions' boxes in `content`: in a section, each is read on its own (see buildSection). */
    boxes: readonly AdmonitionBox[];
  },
  lineOffset: number,
  meta: Pick<FrontMatter, 'sections'>,
  {
    siteUrl,
    pageUrl,
    more,
    emoji,
    mediaPath,
  }: {
    siteUrl: string | undefined;
    pageUrl: string | undefined;
    /** Jekyll's `excerpt_separator`, the post's or its site's, where one is set (see leadOf). */
    more?: string | undefined;
    /** Whether its emoji shortcodes are emoji (see ArticleSource.emoji). */
    emoji: boolean;
    /** Where its images are (Chirpy's `media_subpath`; see resolveRelativeLinks). */
    mediaPath?: string | undefined;
  },
  format: BodyFormat,
): {
  sections: Partial<Record<SectionKind, Section>>;
  problems: ContentProblem[];
  /** The post's lead, written when asked for (see leadOf). */
  lead: () => string;
  searchText: string;
  /** The kinds `sections` maps names to of which no heading of the post has any, with those names. */
  unmatched: readonly { kind: SectionKind; names: readonly string[] }[];
  /** For each kind, the first heading outside the sections whose words name it, with its file line. */
  nearMisses: readonly { kind: SectionKind; heading: string; line: number }[];
} {
  const lineOf = (node: RootContent): number => (node.position?.start.line ?? 1) + lineOffset;
  const titleSet: ReadonlySet<number> = new Set(titleLines);
  const kindOf = headingMatcher(meta, emoji);
  const problems: ContentProblem[] = [];
  const open: OpenSection[] = [];
  let current: OpenSection | undefined;

  const parsed =
    format === 'html'
      ? parseHtmlBody(content, { divides: (comment) => isDivider(comment, more) })
      : parseMarkdown(content, { mdx: format === 'mdx' });
  if (!parsed.ok)
    return {
      sections: {},
      problems: [{ file, line: parsed.line + lineOffset, message: parsed.message }],
      lead: () => '',
      searchText: '',
      unmatched: [],
      nearMisses: [],
    };
  // The notes, kept beside the tree (see markdownTree): they link from the same page, and their words
  // are searched, as the tips that cite them show them.
  const noteBlocks = noteParagraphs(parsed.root);
  if (emoji) emojifyTexts([parsed.root, ...noteBlocks]);
  resolveRelativeLinks(parsed.root, pageUrl, mediaPath);
  resolveRelativeLinks({ type: 'root', children: noteBlocks }, pageUrl, mediaPath);
  referencesInEmphasis(parsed.root);
  const notes = new ItemNotes(parsed.root.data?.footnotes ?? {}, content.length, siteUrl);
  const headings = new Set<string>();
  const nearMisses = new Map<SectionKind, { kind: SectionKind; heading: string; line: number }>();
  for (const node of parsed.root.children) {
    if (node.type === 'heading') {
      // A heading naming a section always starts it; any other heading ends a section at its depth or above.
      const text = plainText(node);
      const kind = kindOf(text);
      const key = headingKey(text);
      headings.add(key);
      const numbered = kind === undefined ? numberedItemHeading(node) : undefined;
      if (
        current !== undefined &&
        (kind !== undefined ||
          node.depth <= current.depth ||
          (current.itemDepth !== undefined &&
            node.depth <= current.itemDepth &&
            (numbered?.kind !== current.kind || node.depth < current.itemDepth)))
      ) {
        const span = current.spans.at(-1);
        if (span !== undefined) span[1] = lineOf(node) - 1;
        current = undefined;
      }
      // Headings that each name an item of a kind (`### Tip 1: Ask`, `### Tip 2: Listen`) outside any
      // section are that section, each heading an item numbered as it says; not after a section of
      // the kind under its own heading (`## Tips`, then a list), whose items they would number again.
      const opened =
        numbered === undefined ? undefined : open.find((section) => section.kind === numbered.kind);
      if (numbered !== undefined && current === undefined && (opened === undefined || opened.run === true)) {
        const { kind: itemKind, heading } = numbered;
        const span: [number, number] = [lineOf(node), Infinity];
        const depth = node.depth - 1;
        current = opened;
        if (current === undefined) {
          const name = `${itemKind[0]?.toUpperCase() ?? ''}${itemKind.slice(1)}`;
          const named: Heading = { ...node, depth: 1, children: [{ type: 'text', value: name }] };
          current = { kind: itemKind, heading: named, depth, parts: [[]], spans: [span], run: true };
          open.push(current);
        } else {
          current.depth = depth;
          current.parts.push([]);
          current.spans.push(span);
        }
        current.itemDepth = node.depth;
        current.parts.at(-1)?.push(heading);
        continue;
      }
      // Outside any section (inside one, it is an item's name), a heading naming a kind is not read
      // as its section: said, with what to write.
      const named = kind === undefined && current === undefined ? kindNamedIn(key) : undefined;
      if (named !== undefined && !nearMisses.has(named))
        nearMisses.set(named, { kind: named, heading: oneLine(text).trim(), line: lineOf(node) });
      if (kind !== undefined) {
        // A second heading of a kind goes on with it (tips for new managers, then for staff
        // engineers; or two headings that `sections` maps to one kind).
        current = open.find((section) => section.kind === kind);
        // From the line after the heading: a tag in the heading is not what the section held.
        const span: [number, number] = [lastLineOf(node, lineOf) + 1, Infinity];
        if (current === undefined) {
          current = { kind, heading: node, depth: node.depth, parts: [[]], spans: [span] };
          open.push(current);
        } else {
          current.depth = node.depth;
          current.itemDepth = undefined;
          current.parts.push([]);
          current.spans.push(span);
        }
        continue;
      }
      // In a section of its kind (`## Tips`, then `### Tip 1: Ask`), such a heading names its item too.
      if (numbered !== undefined && numbered.kind === current?.kind) {
        current.parts.at(-1)?.push(numbered.heading);
        continue;
      }
      // A heading under one of them (`### Questions to ask` under `## Tip 1: Meet everyone`) is part of
      // its tip's text, a line in bold, not a tip of its own.
      if (current?.itemDepth !== undefined && node.depth > current.itemDepth) {
        current.parts.at(-1)?.push(boldLine(node));
        continue;
      }
    }
    current?.parts.at(-1)?.push(node);
  }
  const leftOut = leftOutLines(written, content, lineOffset);

  const sections: Partial<Record<SectionKind, Section>> = {};
  for (const section of open) {
    const { text, items, interludes, dropped } = buildSection(
      section,
      siteUrl,
      lineOf,
      leftOut,
      titleSet,
      boxes,
      notes,
      parsed.root.data?.folded,
    );
    const line = lineOf(section.heading);
    if (text === '' && items.length === 0) {
      // All it held was what Discord cannot show (a figure, a video): the page has it, the bot not.
      if (
        dropped ||
        containsHtml(section.parts.flat()) ||
        section.spans.some(([from, to]) => leftOut(from, to))
      )
        continue;
      problems.push({
        file,
        line,
        field: section.kind,
        message: `the section "${plainText(section.heading)}" is empty: write its items, or remove the heading`,
      });
      continue;
    }
    for (const item of items) {
      if (item.text !== '') continue;
      const what = 'the item';
      problems.push({
        file,
        line: item.line,
        field: section.kind,
        message:
          item.name !== undefined
            ? `${what} "${item.name}" has a name but no text: write its text after the name, or remove the item`
            : `${what} is empty: write its text, or remove the item`,
      });
    }
    // "Tips:" reads as "Tips" in a title, "3. Tips" as "Tips" (its number is no part of its name).
    const written = withoutTrailing(oneLine(plainText(section.heading)), HEADING_END);
    const heading = written.replace(HEADING_NUMBER, '') || written;
    sections[section.kind] = {
      kind: section.kind,
      heading,
      line,
      text,
      items,
      ...(interludes.length === 0 ? {} : { interludes }),
    };
  }
  // A link to a post by its file where Markdown read none leaves its mark in the text: not searched.
  const searchText = withoutStrayMarks(
    searchableText([
      ...parsed.root.children.filter(
        (node) => node.type !== 'heading' || kindOf(plainText(node)) === undefined,
      ),
      ...noteBlocks,
    ]),
  );
  const inSections = new Set(open.flatMap((section) => section.parts.flat()));
  // Written only for a post whose front matter gives no summary.
  return {
    sections,
    problems,
    lead: () => leadOf(parsed.root.children, siteUrl, inSections, titleSet, more),
    searchText,
    nearMisses: [...nearMisses.values()],
    unmatched: SECTION_KINDS.flatMap((kind) => {
      const names = mappedNames(meta)
        .filter((mapped) => mapped.kind === kind)
        .map(({ name }) => name);
      return names.length === 0 || names.some((name) => headings.has(mappedKey(name, emoji)))
        ? []
        : [{ kind, names }];
    }),
  };
}

/** Whether an HTML comment (trimmed) divides a post's summary: {@link MORE}, or the site's own `more` (see leadOf). */
function isDivider(comment: string, more: string | undefined): boolean {
  return MORE.test(comment) || comment === more;
}

/** Hugo's summary divider (`<!--more-->`, Jekyll's and Eleventy's excerpt separator as many blogs set it), and Docusaurus's (`<!-- truncate -->`). */
const MORE = /^<!--\s*(more|truncate)\s*-->$/i;

/**
 * The post's first paragraph with text outside the three sections, for a summary the front matter
 * does not give: a cover image above the intro (`![Cover](/c.jpg)`, linked or not) is no summary, nor
 * is a paragraph of only inline HTML, which Discord does not show, nor an admonition's title (on
 * `titleLines`). With a `<!--more-->` divider, the paragraphs and lists before it, as Hugo makes the
 * summary: each paragraph a line, each list item a line of its own after its marker (`- `, `1. `), so
 * that "the following features:" keeps its features. Without such a paragraph, the first list with
 * text outside the sections, written the same way; without one, a section's own paragraph (a lead-in).
 */
function leadOf(
  nodes: readonly RootContent[],
  siteUrl: string | undefined,
  inSections: ReadonlySet<RootContent>,
  titleLines: ReadonlySet<number>,
  more?: string,
): string {
  const isMore = (node: RootContent | PhrasingContent): boolean =>
    node.type === 'html' && isDivider(node.value.trim(), more);
  const divider = nodes.findIndex(
    (node) => isMore(node) || (node.type === 'paragraph' && node.children.some(isMore)),
  );
  const lead = (node: RootContent): string => {
    const text = node.type === 'paragraph' ? withoutTitle(node, titleLines) : undefined;
    return text === undefined || text.children.every(isImageOnly) || isCaptionedPicture(text.children)
      ? ''
      : toDiscordMarkdown([text], siteUrl, { markers: false }).replace(/\s+/g, ' ').trim();
  };
  /** A list's items as lines, each item's paragraphs on its line and the items of a list inside it after it. */
  const listLines = (list: List): string[] =>
    list.children.flatMap((item, i) => {
      const marker = list.ordered === true ? `${(list.start ?? 1) + i}.` : '-';
      const text = item.children.map(lead).filter((line) => line !== '');
      const inner = item.children.flatMap((child) => (child.type === 'list' ? listLines(child) : []));
      return text.length === 0 ? inner : [`${marker} ${text.join(' ')}`, ...inner];
    });
  if (divider !== -1) {
    const before: RootContent[] = nodes.slice(0, divider);
    const last = nodes[divider];
    if (last?.type === 'paragraph') {
      const cut = last.children.findIndex(isMore);
      before.push({ ...last, children: last.children.slice(0, cut) });
    }
    const summary = before
      .flatMap((node) => (node.type === 'list' ? listLines(node) : [lead(node)]))
      .filter((line) => line !== '')
      .join('\n');
    if (summary !== '') return summary;
  }
  // Not a lead-in or a tip, which the sections' own commands show, while the post has text of its own.
  const outside = nodes.filter((node) => !inSections.has(node));
  for (const node of outside) {
    const text = lead(node);
    if (text !== '') return text;
  }
  // A post of lists alone (release notes, a reading list): its first list with text, item by item.
  for (const node of outside) {
    const lines = node.type === 'list' ? listLines(node) : [];
    if (lines.length > 0) return lines.join('\n');
  }
  for (const node of nodes) {
    const text = inSections.has(node) ? lead(node) : '';
    if (text !== '') return text;
  }
  return '';
}

/**
 * A paragraph without the admonition's title its first line holds (`**Pro tip**`, from `:::tip Pro
 * tip`), or undefined when that is all it holds; any other paragraph as it is. The title is the bold
 * the line is made of, and the hard break that ends it.
 */
function withoutTitle(paragraph: Paragraph, titleLines: ReadonlySet<number>): Paragraph | undefined {
  const line = paragraph.position?.start.line;
  const [title, next, ...rest] = paragraph.children;
  if (line === undefined || !titleLines.has(line) || title?.type !== 'strong') return paragraph;
  if (next === undefined) return undefined;
  // The title's line ends in a hard break (see readAdmonitions), the text after it.
  if (next.type !== 'break') return paragraph;
  return rest.length === 0 ? undefined : { ...paragraph, children: rest };
}

/**
 * Whether a paragraph is a picture and its caption: images first, then a short line of italics alone
 * (and the line break before it), as blogs write a photo's caption on the line below it. A longer one
 * is an intro written in italics.
 */
function isCaptionedPicture(children: readonly PhrasingContent[]): boolean {
  const caption = children.findIndex((child) => !isImageOnly(child));
  const rest: Paragraph = { type: 'paragraph', children: children.slice(caption) };
  return caption > 0 && isCaption(rest) && plainText(rest).trim().length <= CAPTION_MAX;
}

/** The longest caption: a line under a photo; past it, italics are the post's own words. */
const CAPTION_MAX = 100;

/** Whether a node is a paragraph of italics alone (a caption), blanks and breaks between them. */
function isCaption(node: RootContent): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.some((child) => child.type === 'emphasis') &&
    node.children.every(
      (child) =>
        child.type === 'emphasis' ||
        child.type === 'break' ||
        (child.type === 'text' && child.value.trim() === ''),
    )
  );
}

/** An image, a link around nothing but images, or the blank or break between them. */
function isImageOnly(node: PhrasingContent): boolean {
  switch (node.type) {
    case 'image':
    case 'imageReference':
    case 'break':
      return true;
    case 'text':
      return node.value.trim() === '';
    case 'link':
    case 'linkReference':
      return node.children.every(isImageOnly);
    default:
      return false;
  }
}

/**
 * The template values of an Eleventy permalink the bot fills, in Liquid or Nunjucks, spaces or none, a
 * whitespace-control dash or none: `page.fileSlug` and the `title`, each perhaps through Eleventy's own
 * `slugify` filter (`{{ title | slugify }}`, as blogs often write it).
 */
const ELEVENTY_VALUE = /\{\{-?\s*(page\.fileSlug|title)\s*(\|\s*slugify\s*)?-?\}\}/g;

/** The page's date through Liquid's `date` filter, its format quoted: `{{ page.date | date: "%Y/%m/%d" }}`. */
const ELEVENTY_DATE = /\{\{-?\s*page\.date\s*\|\s*date:\s*(?:"([^"]*)"|'([^']*)')\s*-?\}\}/g;

/** Eleventy's page address of a permalink: without a last `index.html`, as its page.url is. */
function pageUrlOf(permalink: string): string {
  return permalink.replace(/(?:^|\/)index\.html$/, '/');
}

/**
 * An Eleventy permalink whose only template values are those of {@link ELEVENTY_VALUE}, filled as
 * Eleventy fills them. `page.fileSlug`: the file's name without its extension, and without a
 * `YYYY-MM-DD-` date and what is before it (Eleventy's pattern is not anchored); its folder's name for
 * an `index` file. Eleventy writes the name as it is (`My Post.md` is `/blog/My Post/`), so it goes into
 * the address percent-encoded, as a browser sends it. `slugify`: @sindresorhus/slugify, as Eleventy
 * calls it (camel case kept a word). Undefined for any other permalink (another value is left to
 * ARTICLE_URL), and for a title that is no text.
 */
function eleventyPermalink(
  permalink: string,
  file: string,
  title: unknown,
  dated?: string,
): string | undefined {
  const withDate = dated !== undefined && new RegExp(ELEVENTY_DATE.source).test(permalink);
  if (!withDate && !new RegExp(ELEVENTY_VALUE.source).test(permalink)) return undefined;
  const parts = file.split(/[\\/]/);
  const undated = (name: string) => /\d{4}-\d{2}-\d{2}-(.*)/.exec(name)?.[1] ?? name;
  const name = undated((parts.at(-1) ?? '').replace(/\.[^.]*$/, ''));
  const stem = name === 'index' ? undated(parts.at(-2) ?? '') : name;
  const made: string[] = [];
  const filled = permalink.replace(ELEVENTY_VALUE, (_, value: string, slugified?: string) => {
    const text =
      value !== 'title' ? stem : typeof title === 'string' || typeof title === 'number' ? String(title) : '';
    made.push(slugified === undefined ? text : slugify(text, { decamelize: false }));
    // A `/` in a title is a folder of the path Eleventy writes, as in any permalink.
    return (made.at(-1) ?? '').split('/').map(encodeURIComponent).join('/');
  });
  const day = dated === undefined ? undefined : new Date(dated);
  const dayFilled =
    day === undefined
      ? filled
      : filled.replace(ELEVENTY_DATE, (_, double?: string, single?: string) => {
          const text = strftimeUtc(double ?? single ?? '', day);
          made.push(text ?? '');
          return (text ?? '').split('/').map(encodeURIComponent).join('/');
        });
  return made.includes('') || /\{\{|\{%/.test(dayFilled) ? undefined : dayFilled;
}

/** The `permalink` of Eleventy's `eleventyComputed` data, when it is one Eleventy writes as is (text or false). */
function computedPermalink(computed: unknown): unknown {
  if (!isFields(computed)) return undefined;
  const permalink = computed['permalink'];
  return typeof permalink === 'string' || permalink === false ? permalink : undefined;
}

/** A name quoted in a problem: its first 60 characters. */
function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/** The headings `sections` names, each with its kind, in the order of the kinds. */
function mappedNames(meta: Pick<FrontMatter, 'sections'>): { kind: SectionKind; name: string }[] {
  return SECTION_KINDS.flatMap((kind) => {
    const mapped = meta.sections?.[kind];
    const names = mapped === undefined ? [] : typeof mapped === 'string' ? [mapped] : mapped;
    return names.map((name) => ({ kind, name }));
  });
}

/** Names `sections` maps to a kind after another (as headingKey compares them): `readAs`, the one they are read as. */
function sharedHeadings(
  meta: Pick<FrontMatter, 'sections'>,
): { kind: SectionKind; name: string; readAs: SectionKind }[] {
  const first = new Map<string, SectionKind>();
  return mappedNames(meta).flatMap(({ kind, name }) => {
    const readAs = first.get(headingKey(name));
    if (readAs === undefined) first.set(headingKey(name), kind);
    return readAs === undefined || readAs === kind ? [] : [{ kind, name, readAs }];
  });
}

function headingMatcher(
  meta: Pick<FrontMatter, 'sections'>,
  emoji: boolean,
): (heading: string) => SectionKind | undefined {
  const byName = new Map<string, SectionKind>();
  const add = (name: string, kind: SectionKind): void => {
    const key = mappedKey(name, emoji);
    if (!byName.has(key)) byName.set(key, kind);
  };
  // Every kind's mapped names before any default: `sections: { tips: Skills }` makes `## Skills` tips.
  for (const { kind, name } of mappedNames(meta)) add(name, kind);
  for (const kind of SECTION_KINDS) for (const name of DEFAULT_HEADINGS[kind]) add(name, kind);
  return (heading) => byName.get(headingKey(heading));
}

/**
 * The kind a heading's words name, when it is no section's name (`5 tips for new managers`, `Tips &
 * tricks`): a kind's default name as one of its words.
 */
function kindNamedIn(key: string): SectionKind | undefined {
  const words = key.split(' ');
  return SECTION_KINDS.find((kind) => DEFAULT_HEADINGS[kind].some((name) => words.includes(name)));
}

/**
 * A heading that names one item of a kind (`Tip 1: Ask early`, `Skill #2 - Writing`, `Tip 3.
 * Listen`, `Tip 4`, `Tip: Rest`): the kind, and the heading as an item's sub-heading writes it
 * (`1. Ask early`, `4.`, `Rest`).
 */
function numberedItemHeading(node: Heading): { kind: SectionKind; heading: Heading } | undefined {
  const [first, ...rest] = node.children;
  const match = first?.type === 'text' ? NUMBERED_ITEM.exec(first.value) : null;
  if (first?.type !== 'text' || match === null) return undefined;
  const word = (match[1] ?? '').toLowerCase();
  const kind = SECTION_KINDS.find((one) => DEFAULT_HEADINGS[one].includes(word));
  if (kind === undefined) return undefined;
  const name = first.value.slice(match[0].length);
  const number = match[2];
  // Its name may open in code, a link or bold (`Tip 2: \`git bisect\` finds it`); without any
  // (`Tip 3`), the item is numbered without a name, its text what is under it. `Tip: Ask` is named Ask.
  const value =
    number === undefined ? name : name === '' && rest.length === 0 ? `${number}.` : `${number}. ${name}`;
  return { kind, heading: { ...node, children: [{ ...first, value }, ...rest] } };
}

/**
 * `Tip 1: `, `Tip #2 - `, `Skill 3. `, `Motivation No. 4 — `, before an item's name; `Tip 3` alone; or
 * `Tip: ` without a number, before a name.
 */
const NUMBERED_ITEM =
  /^(tip|skill|motivation)(?:[ \t]*(?:#|no\.?[ \t]*)?(\d{1,3})(?:[ \t]*(?:[:.)]|[-–—])(?:[ \t]+(?=\S)|[ \t]*$)|[ \t]*$)|[ \t]*:[ \t]+(?=\S))/i;

/**
 * A name `sections` maps, as the heading it names is compared: with its emoji shortcodes made emoji,
 * as the heading's are where the site makes them so (`:bulb: Quick wins` names `## :bulb: Quick wins`).
 */
function mappedKey(name: string, emoji: boolean): string {
  return headingKey(emoji ? emojified(name) : name);
}

/** A heading compared as a name: case, marks and a number opening it (`## 3. Tips`) left out. */
function headingKey(heading: string): string {
  return heading
    .replace(HEADING_NUMBER, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether anything on the file's lines `from` to `to` was left out before the Markdown was read
 * (template tags, MDX), comparing the body as written with what was parsed: their lines match one
 * to one. Read only when an empty item or section asks.
 */
function leftOutLines(
  written: () => string,
  content: string,
  lineOffset: number,
): (from: number, to: number) => boolean {
  let changed: number[] | undefined;
  return (from, to) => {
    if (changed === undefined) {
      const before = written().split('\n');
      const after = content.split('\n');
      changed = [];
      for (let line = 0; line < before.length; line += 1)
        if (before[line] !== after[line]) changed.push(line + 1 + lineOffset);
    }
    // The first changed line at `from` or after (they are in order): thousands of empty items ask.
    const first = changed[firstAtOrAfter(changed, from)];
    return first !== undefined && first <= to;
  };
}

function buildSection(
  section: OpenSection,
  siteUrl: string | undefined,
  lineOf: (node: RootContent) => number,
  leftOut: (from: number, to: number) => boolean,
  titleLines: ReadonlySet<number>,
  boxes: readonly AdmonitionBox[],
  notes: ItemNotes,
  foldedLines: readonly FoldedSpan[] = [],
): { text: string; items: SectionItem[]; interludes: Interlude[]; dropped: boolean } {
  const prose: RootContent[] = [];
  // Prose after an item, by the index of the item it follows, in order.
  const after = new Map<number, RootContent[]>();
  const items: SectionItem[] = [];
  let dropped = false;
  // An item left empty because all it held was what Discord cannot show (HTML, a template tag, a
  // component: a figure or a video on the page) is left out; one empty as written is a problem.
  // Its first line decides: a blank line after an empty `-` (a tag left out below it) is no part of it.
  const addItem = (item: SectionItem, nodes: readonly RootContent[]): void => {
    if (item.text === '' && (containsHtml(nodes) || leftOut(item.line, item.line))) dropped = true;
    else items.push(item);
  };
  let subItem:
    | { heading: Heading; title: PhrasingContent[]; number?: number; line: number; nodes: RootContent[] }
    | undefined;
  const closeSubItem = (): void => {
    if (subItem === undefined) return;
    const { heading, title, number, nodes, line } = subItem;
    subItem = undefined;
    const paragraph = { type: 'paragraph' as const, children: title };
    // A heading with nothing under it is a tip of its own (tips written as headings), not a name.
    if (nodes.length === 0)
      addItem(numbered({ text: itemText([paragraph], siteUrl, notes, [heading]), line }, number), [heading]);
    else {
      // `### 3.` alone names nothing: the item is numbered, without a name ("Tip 3"); nor does
      // `### ****` (bold around a control character, dropped before the Markdown was read).
      // Written over several lines (a setext heading, or wrapped): one line, as the page shows it.
      const name = oneLine(plainText(paragraph));
      addItem(
        numbered(
          {
            ...(isMarksOnly(name) ? {} : { name }),
            text: itemText(nodes, siteUrl, notes, [heading, ...nodes]),
            line,
          },
          number,
        ),
        nodes,
      );
    }
  };

  // What a `<details>` element holds (see foldedSpans) is folded away under its summary on the page:
  // none of it makes items as the blocks around it do.
  const foldedSpan = (node: RootContent): FoldedSpan | undefined =>
    spanAt(foldedLines, node.position?.start.line);
  const shown = section.parts.map((part) => part.filter((node) => foldedSpan(node) === undefined));
  const all = shown.flat();
  const listed = all.some((node) => node.type === 'list' || node.type === 'heading');
  // Tips written as paragraphs that open in a bold phrase (`**Seek mentorship.** Find …`), as many
  // blogs write them, are items only where nothing else makes any (a lead-in in bold above a list
  // stays text), and where at least two paragraphs open so: one (`**Note:** these assume …`), or
  // prose that opens with a bold word (`**Every** engineer …`), is the section's text.
  const boldLed = !listed && all.filter(isItemStart).length >= 2;
  // A table whose first column is headed by the kind (`| Skill | Why it matters |`), where nothing
  // else makes items, as a Skills section is sometimes written: a row is an item.
  const tabled = !boldLed && !listed && all.some((node) => isItemTable(node, section.kind));
  // Where nothing else makes items, each element is one (an accordion of tips, as FAQ posts write
  // them): named by its summary, its text what it folds. Elsewhere it goes, whole, with the blocks
  // around it: text between items (a template under the tips), or a named item's text.
  const accordion = foldedLines.length > 0 && !boldLed && !listed;
  // Where none of those make the items, each admonition's box the author titled is one (see readBox).
  // Elsewhere a box is read where it is, as any block: under a tip's heading, part of that tip (its
  // example, its caveat), as the page shows it.
  const boxed =
    listed || boldLed || tabled || accordion
      ? new Map<RootContent, BoxedBlocks>()
      : boxedNodes(shown, boxes, titleLines, section.kind);
  // An admonition's or an alert's title (`**Tip**`, `**Why?**`) is no tip's name: its text is a note.
  function isItemStart(node: RootContent): node is Paragraph {
    return isBoldItemStart(node) && !titleLines.has(node.position?.start.line ?? 0);
  }
  let boldItem: { paragraph: Paragraph; line: number; nodes: RootContent[] } | undefined;
  const closeBoldItem = (): void => {
    if (boldItem === undefined) return;
    const { paragraph, line, nodes } = boldItem;
    boldItem = undefined;
    // `**3. Ask questions.** Then …` is item 3, named "Ask questions"; `**3.** Ask …` item 3 without a
    // name; `**3.** **Ask questions.** Then …` item 3 named by the bold after the number's.
    const [lead] = paragraph.children;
    const { children: unnumbered, number } = leadNumber(lead === undefined ? [] : [lead]);
    const nameAt = number !== undefined && unnumbered.length === 0 ? boldAfterNumber(paragraph.children) : 0;
    const named = nameAt === 0 ? unnumbered : paragraph.children.slice(nameAt, nameAt + 1);
    const others = paragraph.children.slice(nameAt + 1);
    const name = withoutEndMark(oneLine(plainText({ type: 'paragraph', children: named })), NAME_END);
    // Bold alone with nothing after it is a tip written in bold, as `- **Be patient**` is.
    if ((name === '' && number === undefined) || (others.length === 0 && nodes.length === 0)) {
      const shown = { ...paragraph, children: [...named, ...others] };
      addItem(numbered({ text: itemText([shown], siteUrl, notes, [paragraph]), line }, number), [paragraph]);
      return;
    }
    // The line break that ended the name (a hard break, `<br>`) opens no line of the text.
    const after = others[0];
    const rest = dropLeadingInline(paragraph, nameAt + (after !== undefined && isLineBreak(after) ? 2 : 1));
    const text = itemText(rest.children.length === 0 ? nodes : [rest, ...nodes], siteUrl, notes, [
      paragraph,
      ...nodes,
    ]);
    addItem(numbered({ ...(name === '' ? {} : { name }), text, line }, number), [paragraph, ...nodes]);
  };

  /** Blocks that make no item: the lead-in before the first item, or text after the last so far. */
  const addText = (nodes: readonly RootContent[]): void => {
    if (items.length === 0) {
      prose.push(...nodes);
      return;
    }
    const held = after.get(items.length - 1);
    if (held === undefined) after.set(items.length - 1, [...nodes]);
    else held.push(...nodes);
  };

  let folded: { nodes: RootContent[]; span: FoldedSpan } | undefined;
  const unfold = (): void => {
    if (folded === undefined) return;
    const { nodes, span } = folded;
    folded = undefined;
    if (accordion) {
      addItem(foldedItem(nodes, span, lineOf(nodes[0] ?? section.heading), siteUrl, notes), nodes);
      return;
    }
    const holder = boldItem ?? subItem;
    if (holder !== undefined) holder.nodes.push(...nodes);
    else addText(nodes);
  };
  const readList = (node: List): void => {
    const read = (listItem: ListItem, phrases: boolean): ReadItem =>
      listItemToItem(listItem, siteUrl, notes, lineOf(listItem), {
        numberedByList: node.ordered === true,
        phrases,
      });
    let items = node.children.map((listItem) => read(listItem, true));
    // A phrase before a colon names items where most of the list is named: in a list of sentences,
    // a few with a colon in them (`Write the notes yourself: you will catch …`) are no names.
    const named = items.filter(({ item }) => item.name !== undefined).length;
    if (named * 2 <= items.length && items.some(({ byPhrase }) => byPhrase))
      items = items.map((first, i) => {
        const listItem = node.children[i];
        return first.byPhrase && listItem !== undefined ? read(listItem, false) : first;
      });
    // An ordered list's items keep the numbers the page shows, whichever of them are left out.
    items.forEach(({ item }, i) =>
      addItem(
        numbered(item, node.ordered === true ? (node.start ?? 1) + i : undefined),
        node.children[i]?.children ?? [],
      ),
    );
  };
  const readTable = (node: Paragraph): void => {
    const { head, body } = node.data?.rows ?? { head: [], body: [] };
    body.forEach((cells, row) => {
      const [first = [], ...others] = cells;
      const name = withoutEndMark(oneLine(plainText({ type: 'paragraph', children: [...first] })), NAME_END);
      // The other cells, each a paragraph, named by its column where the table has more than two.
      const paragraphs: Paragraph[] = others
        .map((cell, i): Paragraph => {
          const column = others.length > 1 ? (head[i + 1] ?? '') : '';
          const label: PhrasingContent[] = column === '' ? [] : [{ type: 'text', value: `${column}: ` }];
          return { type: 'paragraph', children: cell.length === 0 ? [] : [...label, ...cell] };
        })
        .filter((paragraph) => paragraph.children.length > 0);
      // The table's head and its rule are its first two lines.
      const line = lineOf(node) + 2 + row;
      const named = name !== '' && paragraphs.length > 0;
      const shownNodes = named
        ? paragraphs
        : [{ type: 'paragraph' as const, children: [...first] }, ...paragraphs];
      // The notes the row cites, not the whole table's.
      addItem({ ...(named ? { name } : {}), text: itemText(shownNodes, siteUrl, notes, shownNodes), line }, [
        node,
      ]);
    });
  };
  /** A block that makes no item: the lead-in before the first item, or text after the last so far. */
  const asText = (node: RootContent): void => {
    // A rule between two lists separates them, as it does sub-items: no text of its own.
    if (items.length === 0 || node.type !== 'thematicBreak') addText([node]);
  };
  // Boxes titled by their kind whose text opens with a bold name (`> [!TIP]`, then `**Ask early**`).
  const namedBoxes = [...new Set(boxed.values())].filter((box) => box.reads === 'named').length;
  /**
   * An admonition's box, in a section whose items only boxes make (see boxed): one the author titled
   * is an item named by its title (a "Tip 1:" before it read as a heading's), its text the box's; one
   * titled by its kind whose text opens with a bold name is an item so named, as such a paragraph is,
   * where two or more are; another (`> [!NOTE]`, `:::warning`) is text, before the items or between them.
   */
  const readBox = (box: BoxedBlocks): void => {
    const [first] = box.nodes;
    const line = first === undefined ? lineOf(section.heading) : lineOf(first);
    const [opening, ...rest] = box.body;
    if (box.reads === 'named' && namedBoxes >= 2 && opening?.type === 'paragraph') {
      boldItem = { paragraph: opening, line, nodes: rest };
      closeBoldItem();
      return;
    }
    if (box.reads !== 'titled') {
      for (const node of box.nodes) asText(node);
      return;
    }
    // As a sub-heading names its item (see closeSubItem): `Tip 1: Ask` is item 1, Ask.
    let heading: Heading = { type: 'heading', depth: 6, children: box.title };
    const numberedTitle = numberedItemHeading(heading);
    if (numberedTitle?.kind === section.kind) heading = numberedTitle.heading;
    const { title, number } = headingNumber(heading);
    const paragraph: Paragraph = { type: 'paragraph', children: title };
    if (box.body.length === 0) {
      addItem(numbered({ text: itemText([paragraph], siteUrl, notes, box.nodes), line }, number), box.nodes);
      return;
    }
    const name = oneLine(plainText(paragraph));
    addItem(
      numbered(
        { ...(isMarksOnly(name) ? {} : { name }), text: itemText(box.body, siteUrl, notes, box.nodes), line },
        number,
      ),
      box.nodes,
    );
  };
  for (const part of section.parts) {
    for (const node of part) {
      const span = foldedSpan(node);
      if (span !== folded?.span) unfold();
      if (span !== undefined) {
        folded ??= { nodes: [], span };
        folded.nodes.push(node);
        continue;
      }
      const box = boxed.get(node);
      if (box !== undefined) {
        // Read whole at its first block.
        if (node === box.nodes[0]) readBox(box);
        continue;
      }
      if (boldLed && isItemStart(node)) {
        closeBoldItem();
        boldItem = { paragraph: node, line: lineOf(node), nodes: [] };
      } else if (boldItem !== undefined) {
        if (node.type !== 'thematicBreak') boldItem.nodes.push(node);
      } else if (node.type === 'heading') {
        closeSubItem();
        subItem = { heading: node, ...headingNumber(node), line: lineOf(node), nodes: [] };
      } else if (subItem !== undefined) {
        // A rule between sub-items (`---`) separates them: Discord would show it as written.
        if (node.type !== 'thematicBreak') subItem.nodes.push(node);
      } else if (node.type === 'list') {
        readList(node);
      } else if (tabled && isItemTable(node, section.kind)) {
        readTable(node);
      } else asText(node);
    }
    // A details element left open ends with the part it is in, as a sub-item does.
    unfold();
    // A sub-item ends with the part it is in.
    closeSubItem();
    closeBoldItem();
  }
  const written = (nodes: readonly RootContent[]): string =>
    withNotes(toDiscordMarkdown(nodes, siteUrl), notes.lines(nodes));
  // The last item of a list named with nothing after its name (`- **Step one:**`, then a fence at the
  // margin, as blogs write a step and its command) has the blocks after it, up to the next list, as its
  // text: the page shows them under its name. Not an empty item, nor text between items.
  for (const [index, nodes] of after) {
    const item = items[index];
    if (item?.name === undefined || item.text !== '') continue;
    const text = itemText(nodes, siteUrl, notes);
    if (text === '') continue;
    items[index] = { ...item, text };
    after.delete(index);
  }
  const interludes = [...after].flatMap(([index, nodes]) => {
    const text = written(nodes);
    return text === '' ? [] : [{ after: index, text }];
  });
  return { text: written(prose), items, interludes, dropped };
}

/**
 * An admonition's box in a section, by the blocks it holds: what its title (the bold its first line
 * opens with) leaves, and how it reads (see buildSection's readBox): as an item named by its title
 * (`titled`), as one named by the bold its text opens with (`named`), or as text.
 */
interface BoxedBlocks {
  readonly nodes: readonly RootContent[];
  readonly title: PhrasingContent[];
  readonly body: readonly RootContent[];
  reads: 'titled' | 'named' | 'text';
}

/**
 * The section's blocks that boxes hold, each to its box: a box is its blocks from the one on its first
 * line, its title's (a box inside a list item, whose list starts above it, holds none of the
 * section's own).
 */
function boxedNodes(
  parts: readonly (readonly RootContent[])[],
  boxes: readonly AdmonitionBox[],
  titleLines: ReadonlySet<number>,
  sectionKind: SectionKind,
): Map<RootContent, BoxedBlocks> {
  const boxed = new Map<RootContent, BoxedBlocks>();
  if (boxes.length === 0) return boxed;
  const titled: { box: BoxedBlocks; kind: string }[] = [];
  const read = (span: AdmonitionBox, nodes: RootContent[]): void => {
    const [first, ...others] = nodes;
    const [title] = first?.type === 'paragraph' ? first.children : [];
    const rest = first?.type === 'paragraph' ? withoutTitle(first, titleLines) : undefined;
    const body = rest === undefined ? others : [rest, ...others];
    let reads: BoxedBlocks['reads'] = 'text';
    if (title?.type === 'strong' && rest !== first) {
      if (span.titled) reads = 'titled';
      else if (body[0] !== undefined && isBoldItemStart(body[0])) reads = 'named';
    }
    const box = { nodes, title: title?.type === 'strong' ? title.children : [], body, reads };
    for (const node of nodes) boxed.set(node, box);
    if (reads === 'titled') titled.push({ box, kind: span.kind });
  };
  for (const part of parts) {
    let open: { span: AdmonitionBox; nodes: RootContent[] } | undefined;
    for (const node of part) {
      const line = node.position?.start.line;
      const span = spanAt(boxes, line);
      if (span !== open?.span) {
        if (open !== undefined) read(open.span, open.nodes);
        open = span !== undefined && line === span.from ? { span, nodes: [] } : undefined;
      }
      open?.nodes.push(node);
    }
    if (open !== undefined) read(open.span, open.nodes);
  }
  // Tips written as `:::tip` boxes, then a `:::note Key takeaway`: a box of another kind than most
  // titled boxes is the section's text, not an item, unless its title numbers it as one ("Tip 3: …").
  const counts = new Map<string, number>();
  for (const { kind } of titled) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const [most = 0, next = 0] = [...counts.values()].sort((a, b) => b - a);
  if (most >= 2 && most > next) {
    for (const { box, kind } of titled) {
      if (counts.get(kind) === most) continue;
      const heading: Heading = { type: 'heading', depth: 6, children: box.title };
      if (numberedItemHeading(heading)?.kind !== sectionKind) box.reads = 'text';
    }
  }
  return boxed;
}

/** The span holding `line`, of spans in document order that do not overlap (a binary search). */
function spanAt<Span extends { readonly from: number; readonly to: number }>(
  spans: readonly Span[],
  line: number | undefined,
): Span | undefined {
  if (line === undefined || spans.length === 0) return undefined;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span: Span | undefined = spans[middle];
    if (span === undefined) return undefined;
    if (line < span.from) high = middle - 1;
    else if (line > span.to) low = middle + 1;
    else return span;
  }
  return undefined;
}

/**
 * A `<details>` element as an item: named by its summary (the paragraph it opens with), its text what
 * it folds; one that folds nothing shown is its summary alone, a tip without a name.
 */
function foldedItem(
  nodes: readonly RootContent[],
  span: FoldedSpan,
  line: number,
  siteUrl: string | undefined,
  notes: ItemNotes,
): SectionItem {
  const [first, ...rest] = nodes;
  const summary = span.summary && first?.type === 'paragraph' ? first : undefined;
  const text = itemText(summary === undefined ? nodes : rest, siteUrl, notes, nodes);
  if (summary === undefined || text === '') return { text: itemText(nodes, siteUrl, notes), line };
  const name = withoutEndMark(oneLine(plainText(summary)), NAME_END);
  return { ...(name === '' ? {} : { name }), text, line };
}

/**
 * A paragraph opening with a bold (or bold italic: `***Rest.***`) phrase that ends as a name does: with
 * `.`, `:`, `!`, `?` or a dash in it, a separator after it (`**Read widely**: …`, `**Rest** — …`), the
 * end of its line (the text on the next), or alone. `**Every** engineer …` is prose opening with a
 * bold word.
 */
function isBoldItemStart(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph' || node.data?.table === true) return false;
  const [lead, next] = node.children;
  if (lead === undefined || !isBold(lead)) return false;
  // Ended inside the bold (a closing quote or bracket may follow its mark), or by a dash; or a number
  // alone (`**3)** Ask …`).
  const bolded = plainText(lead).trim();
  if (
    /(?:[.!?:。：！？…]["'”’)\]]*|[-–—])$/.test(bolded) ||
    isItemNumber(HEADING_NUMBER_ALONE.exec(bolded)?.[1])
  )
    return true;
  if (next === undefined) return true;
  // Or by its line (the text below it, a hard break, `<br>`), or a separator after it.
  if (isLineBreak(next)) return true;
  return next.type === 'text' && /^(?:[ \t]*\n|\s*(?:[:：.—–]|--?\s))/.test(next.value);
}

/**
 * Whether a node is a Markdown table of two columns or more whose first column is headed by the
 * section's kind (`| Skill | Why it matters |` in Skills): its rows name items. Other tables (`| Do |
 * Don't |`, `| # | Tip |`, a schedule, a comparison) are text, as the page shows them.
 */
function isItemTable(node: RootContent, kind: SectionKind): node is Paragraph {
  const rows = node.type === 'paragraph' ? node.data?.rows : undefined;
  return (
    rows !== undefined &&
    rows.head.length >= 2 &&
    DEFAULT_HEADINGS[kind].includes(headingKey(rows.head[0] ?? '')) &&
    rows.body.some(([first = []]) => plainText({ type: 'paragraph', children: [...first] }).trim() !== '')
  );
}

/** A heading as a line of text in bold (see parseBody's "Tip N:" headings). */
function boldLine(heading: Heading): Paragraph {
  const text = oneLine(plainText(heading)).trim();
  return {
    type: 'paragraph',
    children: text === '' ? [] : [{ type: 'strong', children: [{ type: 'text', value: text }] }],
  };
}

/**
 * Where the bold after a bold number is (`**3.** **Ask.**`, white space between): it names the item
 * as `**3. Ask.**` does; 0 when none follows.
 */
function boldAfterNumber(children: readonly PhrasingContent[]): number {
  const between = children[1];
  const at = between?.type === 'text' && between.value.trim() === '' ? 2 : 1;
  return isBold(children[at]) ? at : 0;
}

/** Bold, or bold italic (`***Rest.***`). */
function isBold(node: PhrasingContent | undefined): boolean {
  return (
    node?.type === 'strong' ||
    (node?.type === 'emphasis' && node.children.length === 1 && node.children[0]?.type === 'strong')
  );
}

function numbered(item: SectionItem, number: number | undefined): SectionItem {
  return number === undefined ? item : { ...item, number };
}

/** `2. ` or `2) ` opening a sub-heading or a bold lead: a numbered list written so (`### 2. Read widely`). */
const HEADING_NUMBER = /^(\d{1,9})[.)][ \t]+/;

/**
 * A mark that ends a bold name but is no part of it (`**Ask early.**`, `**Ask:**`, `**Rest** —`); an
 * ellipsis's last dot (`**Wait...**`) is its own.
 */
const NAME_END = /(?<!\.)[.。:：\-–—]$/;

/** What ends a section's heading but no part of its name (`Tips:`, `Tips —`): white space, a colon or a dash. */
const HEADING_END = /[\s:：–—-]/;

/** A number alone in a sub-heading or a bold lead (`### 2.`, `**2.**`): a numbered item without a name. */
const HEADING_NUMBER_ALONE = /^(\d{1,9})[.)][ \t]*$/;

/**
 * A sub-heading's text, without its number when it starts with one (the number apart); `### 2.`
 * alone (or with nothing shown after it) is its number and an empty title.
 */
function headingNumber(heading: Heading): { title: PhrasingContent[]; number?: number } {
  const { children: title, number } = leadNumber(heading.children);
  if (number === undefined) return { title };
  return { title: plainText({ type: 'paragraph', children: title }).trim() === '' ? [] : title, number };
}

/**
 * Whether digits before a `.` or `)` can number an item: three at most. A longer number opening a
 * sub-heading or a bold lead (`**2024.** was a good year`, `### 1999. The first site`) is a year or an
 * amount, which no list of tips runs to.
 */
function isItemNumber(digits: string | undefined): digits is string {
  return digits !== undefined && digits.length <= 3;
}

/**
 * Inline content without the number opening it, and the number: `2. ` or `2) ` before the rest, or
 * `2.` alone, as a sub-heading (`### 2. Read widely`) or a bold lead (`**2. Read widely.** …`,
 * `**2.** …`) numbers an item. Inside bold or italic too: the mark stays around what follows it, and
 * goes when it held only the number. A year (`**2024** was …`, `**2024.** was …`) is no number: the `.`
 * or `)` makes one, of three digits at most (see isItemNumber).
 */
function leadNumber(children: readonly PhrasingContent[]): { children: PhrasingContent[]; number?: number } {
  const [lead, ...rest] = children;
  if (lead?.type === 'strong' || lead?.type === 'emphasis') {
    const inner = leadNumber(lead.children);
    if (inner.number === undefined) return { children: [...children] };
    const emptied = plainText({ type: 'paragraph', children: inner.children }).trim() === '';
    if (!emptied) return { children: [{ ...lead, children: inner.children }, ...rest], number: inner.number };
    // `**3.** Ask`: the text after the mark opens without the space that parted it from the number.
    const [next, ...after] = rest;
    const opened = next?.type === 'text' ? [{ ...next, value: next.value.trimStart() }, ...after] : rest;
    return {
      children: opened.filter((node) => node.type !== 'text' || node.value !== ''),
      number: inner.number,
    };
  }
  if (lead?.type !== 'text') return { children: [...children] };
  const match =
    HEADING_NUMBER.exec(lead.value) ?? (rest.length === 0 ? HEADING_NUMBER_ALONE.exec(lead.value) : null);
  if (match === null || !isItemNumber(match[1])) return { children: [...children] };
  const value = lead.value.slice(match[0].length);
  return { children: value === '' ? rest : [{ ...lead, value }, ...rest], number: Number(match[1]) };
}

/** The file's line a node ends on. */
function lastLineOf(node: RootContent, lineOf: (node: RootContent) => number): number {
  return lineOf(node) + (node.position === undefined ? 0 : node.position.end.line - node.position.start.line);
}

/**
 * `- **Name:** text`, `- Name: text` or `- text` become an item with or without a name. In a list
 * that does not number its items, a number opening the bold (`- **3.** text`, `- **3. Name:** text`)
 * numbers the item as a sub-heading's does; an ordered list's own number is the one its page shows.
 */
/** A list item read as an item, and whether a phrase before a colon named it (see nameBeforeColon). */
interface ReadItem {
  readonly item: SectionItem;
  readonly byPhrase: boolean;
}

function listItemToItem(
  listItem: ListItem,
  siteUrl: string | undefined,
  notes: ItemNotes,
  line: number,
  { numberedByList = false, phrases = true }: { numberedByList?: boolean; phrases?: boolean } = {},
): ReadItem {
  const [written, ...rest] = listItem.children;
  if (written?.type === 'paragraph') {
    // A task's box opens its name (`- [ ] \`npm ci\`: install` is named `⬜ npm ci`): what follows
    // it is read as any item's.
    const { box, paragraph: first } = withoutTaskBox(listItem, written);
    const lead = first.children[0];
    if (!numberedByList && (lead?.type === 'strong' || lead?.type === 'emphasis')) {
      const { children: numberedLead, number } = leadNumber([lead]);
      if (number !== undefined) {
        // Read again without the number (and a separator after a bold that held only it), box and all.
        const without =
          numberedLead.length === 0
            ? dropLeadingInline(first, 1).children
            : [...numberedLead, ...first.children.slice(1)];
        const opening: PhrasingContent[] = box === '' ? [] : [{ type: 'text', value: box }];
        const paragraph = { ...first, children: [...opening, ...without] };
        const read = listItemToItem({ ...listItem, children: [paragraph, ...rest] }, siteUrl, notes, line, {
          numberedByList: true,
          phrases,
        });
        return { ...read, item: { ...read.item, number } };
      }
    }
    const next = first.children[1];
    const colonAfter = next?.type === 'text' && /^\s*[:：]/.test(next.value);
    // Bold, or italic or code closed by a colon (`- *Name:* text`, `` - `name`: text ``): an italic
    // first word without one is emphasis, not a name.
    const named =
      (lead?.type === 'strong' && !sentenceGoesOn(lead, first.children.slice(1, 3))) ||
      (lead?.type === 'emphasis' && (/[:：]\s*$/.test(plainText(lead)) || colonAfter)) ||
      (lead?.type === 'inlineCode' && colonAfter);
    if (lead !== undefined && named) {
      const name = withoutEndMark(
        oneLine(lead.type === 'inlineCode' ? lead.value : plainText(lead)),
        NAME_END,
      );
      // `- **Be patient**` alone is a tip written in bold, not a name waiting for its text;
      // `- **Name:**` alone is one.
      const waiting = /[:：]\s*$/.test(plainText(lead));
      // A name that shows nothing (only blanks such as U+3164) names nothing: read as the phrase below.
      if (!isMarksOnly(name) && (first.children.length > 1 || rest.length > 0 || waiting)) {
        const text = itemText([dropLeadingInline(first, 1), ...rest], siteUrl, notes, listItem.children);
        // Only what a message cannot show after it (`- **Use git** (<img …>)`): a tip in bold, as alone.
        if (text.trim() !== '' || waiting) return { item: { name: box + name, text, line }, byPhrase: false };
      }
    }
    const phrase = phrases ? nameBeforeColon(first.children) : undefined;
    if (phrase?.name !== undefined) {
      const remaining = { ...first, children: phrase.rest };
      const text = itemText([remaining, ...rest], siteUrl, notes, listItem.children);
      return { item: { name: box + phrase.name, text, line }, byPhrase: true };
    }
    // Named by nothing: an item without a name, its text what follows the colon (after the box).
    if (phrase !== undefined) {
      const opening: PhrasingContent[] = box === '' ? [] : [{ type: 'text', value: box }];
      const remaining = { ...first, children: [...opening, ...phrase.rest] };
      return {
        item: { text: itemText([remaining, ...rest], siteUrl, notes, listItem.children), line },
        byPhrase: false,
      };
    }
  }
  return { item: { text: itemText(listItem.children, siteUrl, notes), line }, byPhrase: false };
}

/**
 * Whether the bold opening an item is a word of its sentence, not its name: the text after it goes
 * on with a lowercase word or a comma (`- **Don't** skip retros.`, `- **Review PRs first**, before
 * …`), and the bold does not end as a name does (`**Ask.** then`).
 */
function sentenceGoesOn(lead: PhrasingContent, after: readonly PhrasingContent[]): boolean {
  const [next, then] = after;
  if (next?.type !== 'text' || /[.!?:。：！？…\-–—]["'”’)\]]*$/.test(plainText(lead).trim())) return false;
  // A word in italics goes on with it as well (`- **Don't** _ever_ skip retros.`).
  const text =
    /^[ \t]+$/.test(next.value) && then?.type === 'emphasis' ? next.value + plainText(then) : next.value;
  return /^(?:[ \t]*[,;，、]|[ \t]+\p{Ll}|['’]\p{Ll})/u.test(text);
}

/** A task item's first paragraph without the box that opens it (see markTask), and the box; `''` for none. */
function withoutTaskBox(listItem: ListItem, paragraph: Paragraph): { box: string; paragraph: Paragraph } {
  const [lead, ...others] = paragraph.children;
  const box = typeof listItem.checked === 'boolean' ? taskBox(listItem.checked) : '';
  if (box === '' || lead?.type !== 'text' || !lead.value.startsWith(box)) return { box: '', paragraph };
  const value = lead.value.slice(box.length);
  const children = value === '' ? others : [{ ...lead, value }, ...others];
  return { box, paragraph: { ...paragraph, children } };
}

/**
 * What a phrase naming an item may hold: text, and links, emphasis and code, read as their text;
 * inline HTML tags (`<kbd>Ctrl</kbd>+<kbd>C</kbd>`) are left out and the text between them kept, as
 * a message shows it.
 */
const PHRASE_PARTS: ReadonlySet<string> = new Set([
  'text',
  'html',
  'link',
  'linkReference',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  // Shows nothing in a name (see plainText); its note is the item's.
  'footnoteReference',
]);

/** What ends a phrase before it reaches a colon: it is a sentence, or more than a line. */
const NOT_IN_PHRASE = /[:：.!?。\n]/;

/**
 * `- Seek out mentorship: text`, `- [Seek out mentorship](https://…): text`, `- Read *this*: text`:
 * a short phrase before the paragraph's colon names the item, as its text (a link's address, with
 * its `https:`, is no part of it); the rest, which must hold something, is the item's text. A colon
 * inside a link or emphasis is none of this (`*Name:*` is named where emphasis is). A phrase written
 * but showing nothing names nothing: no name (undefined), and the rest, if any, is the text.
 */
function nameBeforeColon(
  children: readonly PhrasingContent[],
): { name: string | undefined; rest: PhrasingContent[] } | undefined {
  let phrase = '';
  for (const [i, child] of children.entries()) {
    if (!PHRASE_PARTS.has(child.type)) return undefined;
    const colon = child.type === 'text' ? child.value.search(/[:：]/) : -1;
    if (child.type !== 'text' || colon === -1) {
      // `<br>` is a line break in a message (see toDiscordMarkdown): the phrase is more than a line. A
      // soft one is a space there, as on the page: where the source wraps names nothing.
      const value = isLineBreak(child) ? '\n' : plainText(child).replaceAll('\n', ' ');
      phrase += value;
      if (phrase.length > 80 || NOT_IN_PHRASE.test(value)) return undefined;
      continue;
    }
    const rest = children.slice(i + 1);
    // Written, but showing nothing (`**\u001c**`, whose control was dropped before the Markdown was
    // read, is `****`; an icon's empty `<i>`): the item is named by nothing, its text after the colon
    // (if any: else it is empty, as a nameless item with nothing in it).
    const value = child.value.replaceAll('\n', ' ');
    const before = phrase + value.slice(0, colon);
    if ((i > 0 || colon > 0) && isMarksOnly(before)) {
      const separator = /^(?::(?:\s+|$)|：\s*)/.exec(child.value.slice(colon));
      if (separator === null) return undefined;
      const after = child.value.slice(colon + separator[0].length);
      return { name: undefined, rest: after === '' ? rest : [{ ...child, value: after }, ...rest] };
    }
    // `<strong>Name:</strong> text`, as a post imported from WordPress has it: the colon ends the
    // text, and the tags closing after it stand before the space.
    const closed = colon === value.length - 1 ? closingTags(rest) : 0;
    const next = rest[closed];
    if (closed > 0 && next?.type === 'text' && /^\s+\S/.test(next.value)) {
      const named = NAME_BEFORE_COLON.exec(`${phrase}${value} `)?.[1]?.trim() ?? '';
      if (named !== '')
        return { name: named, rest: [{ ...next, value: next.value.trimStart() }, ...rest.slice(closed + 1)] };
    }
    // The phrase and its colon: one not followed by a space names nothing.
    const match = NAME_BEFORE_COLON.exec(phrase + value.slice(0, colon + 80));
    const name = match?.[1]?.trim() ?? '';
    if (match === null || name === '') return undefined;
    const after = child.value.slice(match[0].length - phrase.length);
    if (after.trim() === '' && rest.length === 0) return undefined;
    return { name, rest: after === '' ? rest : [{ ...child, value: after }, ...rest] };
  }
  return undefined;
}

/** How many of `nodes`, from the first, are HTML closing tags (`</strong>`). */
function closingTags(nodes: readonly PhrasingContent[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.type !== 'html' || !CLOSING_TAG.test(node.value.trim())) break;
    count++;
  }
  return count;
}

/**
 * An item's text, or none when it would show nothing but marks (`- ****`, a rule as the parser reads
 * it; `- ~~~~`, empty code; `- [](https://…)`, a link without text): an item empty as written. After
 * the text, the notes that the item's nodes (`cited`: its name's too) cite, a line each.
 */
function itemText(
  nodes: readonly RootContent[],
  siteUrl: string | undefined,
  notes: ItemNotes,
  cited: readonly RootContent[] = nodes,
): string {
  return showsNothing(nodes) ? '' : withNotes(toDiscordMarkdown(nodes, siteUrl), notes.lines(cited));
}

/** Text, then its notes' lines after a blank line (a line right after a list would be read as part of its last item). */
function withNotes(text: string, lines: readonly string[]): string {
  return text === '' || lines.length === 0 ? text : `${text}\n\n${lines.join('\n')}`;
}
