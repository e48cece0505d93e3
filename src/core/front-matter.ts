import matter from 'gray-matter';
import yaml from 'js-yaml';
import { TomlError } from 'smol-toml';
import { z } from 'zod';
import { SECTION_KINDS } from './article.js';
import { readJsFrontMatter } from './js-front-matter.js';
import { jsonKeyLines } from './key-line.js';
import { withoutControls } from './shown-text.js';
import { tagKey } from './tags.js';
import { deepestTomlLine, parseTomlData } from './toml-data.js';
import { DataShapeError, dataShapeMessage, deepestLine } from './data-shape.js';
import { zonedInstant } from './zoned-time.js';
import { isHttpUrl } from './urls.js';
import { mayEscapeSurrogates, wellFormedData } from './well-formed.js';

export { SLUG_PATTERN } from './slug.js';
const TAG_MAX = 50;

const HEADING_NAMES = 'expected a heading name or a list of heading names, like Advice or [Advice, Tips]';
const headingName = z.string().trim().min(1, HEADING_NAMES);
const headingNames = z.union([headingName, z.array(headingName).min(1, HEADING_NAMES)], {
  error: HEADING_NAMES,
});

const DAY_EXPECTED =
  'expected a real day written as YYYY-MM-DD or YYYY/MM/DD (a time may follow), or like "Jul 8, 2022" or "8 July 2022"';

/**
 * A calendar day written `YYYY-MM-DD`, or a date-time that starts with one, as blogs, YAML and TOML
 * write them (`2014-03-12T10:11:00-04:00`, `2014-03-12 10:11`, `2001-12-14 21:59:43.10 -5`), or with
 * an English month name (see {@link NAMED_DAY}): the day is kept as the author wrote it. A day that
 * does not exist (`2024-02-30`) is refused, not rolled over.
 */
const day = z.string(DAY_EXPECTED).transform((value, context) => {
  const read = dayOf(value.trim());
  if (read !== undefined) return read;
  context.addIssue({ code: 'custom', message: DAY_EXPECTED, input: value });
  return z.NEVER;
});

/** `YYYY-MM-DD` names a day that exists (`2024-02-30` does not). */
export function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/**
 * YAML's timestamp (its time zone may have a one-digit hour, `-5`, and may follow spaces), and
 * seconds optional as blogs write them. A one-digit month or day (`2024-9-5`) is read as Jekyll's
 * YAML reader reads it, a day. After an offset, its zone's name may follow, as Go's Time.String
 * writes a date and Hugo reads it (`2024-01-05 10:00:00 +0000 UTC`, or `-0300 -03` for a zone
 * without a name): the offset says the instant.
 */
const DATE_OR_DATE_TIME =
  /^(\d{4}-\d{1,2}-\d{1,2})(?:(?:T|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d*)?)?(?:[ \t]*(Z|[+-]\d{1,2}(?::?\d{2})?)(?:[ \t]+(?:[a-z]{1,5}|[+-]\d{2}(?:\d{2})?))?)?)?$/i;

/**
 * An e-mail's and a feed's date (RFC 2822, Go's RFC1123Z), as posts imported from WordPress or a feed
 * have it and Hugo reads it: `Fri, 05 Jan 2024 10:00:00 +0000`, its weekday optional, its zone an
 * offset or UT, UTC, GMT or Z (a name such as EST is no one zone).
 */
const FEED_DATE =
  /^(?:[a-z]{3},?[ \t]+)?(\d{1,2})[ \t]+([a-z]{3,9})[ \t]+(\d{4})[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]+([+-]\d{4}|gmt|ut|utc|z)$/i;

/**
 * A day written with slashes (`2024/03/15`), or with its month's name, then a time (`March 3, 2024
 * 10:00`), as Astro's `z.coerce.date()` reads them (JavaScript's Date): as `2024-03-15` and
 * `2024-03-03 10:00` are read, in the site's zone. Not `03/15/2024`, whose order is a guess.
 */
function fromJsDate(value: string): string | undefined {
  const slashed = SLASHED_DAY.exec(value);
  if (slashed !== null)
    return `${slashed[1] ?? ''}-${slashed[2] ?? ''}-${slashed[3] ?? ''}${slashed[4] ?? ''}`;
  const timed = NAMED_DAY_TIME.exec(value);
  const day = timed === null ? undefined : namedDay(timed[1] ?? '');
  if (day === undefined || timed === null) return undefined;
  const [, , hour = '', rest = '', half] = timed;
  if (half === undefined) return `${day} ${hour}${rest}`;
  // `10:00 PM`, as JavaScript's Date reads it: an hour from 1 to 12.
  const twelve = Number(hour);
  if (twelve < 1 || twelve > 12) return undefined;
  return `${day} ${(twelve % 12) + (/^p/i.test(half) ? 12 : 0)}${rest}`;
}

const SLASHED_DAY = /^(\d{4})\/(\d{1,2})\/(\d{1,2})((?:T|[ \t]+)\d.*)?$/;
const NAMED_DAY_TIME = /^(.+?),?[ \t]+(\d{1,2})(:\d{2}(?::\d{2})?)(?:[ \t]*([ap])\.?m\.?)?$/i;

/** A {@link FEED_DATE} written as YAML's timestamp (`2024-01-05T10:00:00+00:00`), or undefined. */
function fromFeedDate(value: string): string | undefined {
  const match = FEED_DATE.exec(value);
  if (match === null) return undefined;
  const [, dayOfMonth = '', monthName = '', year = '', hour = '', minute = '', second = '00', zone = ''] =
    match;
  const month = monthOf(monthName);
  if (month === undefined) return undefined;
  const offset = /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z';
  const day = `${year}-${String(month).padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
  return `${day}T${hour.padStart(2, '0')}:${minute}:${second}${offset}`;
}

/**
 * A day then text whose time is no timestamp: Jekyll reads `2023-01-29 18:30:22 2023 -0800` with
 * Ruby's lenient Time.parse and publishes the post, on the day written.
 */
const DAY_THEN_TEXT = /^(\d{4}-\d{1,2}-\d{1,2})(?:T|[ \t]+)\S/i;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** A month's English name, whole or its first three letters, any case: its number (1-12). */
function monthOf(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month === lower || month.slice(0, 3) === lower);
  return index === -1 ? undefined : index + 1;
}

/**
 * A day written with an English month name, as Astro's blog starter (`Jul 08 2022`, read by its
 * `z.coerce.date()`) and many blogs write it: `July 8, 2022`, `Jul 8, 2022`, `8 July 2022`. Nothing
 * else on the line (no weekday, no time), and a day that exists: no Date.parse leniency.
 */
const NAMED_DAY = /^(?:([a-z]+)[ \t]+(\d{1,2}),?|(\d{1,2})[ \t]+([a-z]+))[ \t]+(\d{4})$/i;

/** `YYYY-MM-DD` of a day written with its month's name (see {@link NAMED_DAY}), if it is a real one. */
function namedDay(value: string): string | undefined {
  const [, monthFirst, dayAfter, dayFirst, monthAfter, year] = NAMED_DAY.exec(value) ?? [];
  const month = monthOf(monthFirst ?? monthAfter ?? '');
  const dayOfMonth = dayAfter ?? dayFirst;
  if (month === undefined || dayOfMonth === undefined || year === undefined) return undefined;
  const day = `${year}-${String(month).padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
  return isRealDay(day) ? day : undefined;
}

/** `2024-9-5` as `2024-09-05`. */
function twoDigitDay(written: string): string {
  const [year = '', month = '', dayOfMonth = ''] = written.split('-');
  return `${year}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
}

/**
 * The day (`YYYY-MM-DD`) a date names as {@link day} reads it: a real day, opening a timestamp or
 * other text, or written with its month's name. Undefined when it names none.
 */
export function dayOf(asWritten: string): string | undefined {
  const value = fromFeedDate(asWritten) ?? fromJsDate(asWritten) ?? asWritten;
  const written = (DATE_OR_DATE_TIME.exec(value) ?? DAY_THEN_TEXT.exec(value))?.[1];
  const opening = written === undefined ? undefined : twoDigitDay(written);
  if (opening !== undefined) return isRealDay(opening) ? opening : undefined;
  return namedDay(value);
}

/**
 * The instant a day or a timestamp names, as an ISO string; a day (`2024-01-05`, `Jan 5, 2024`) is
 * its midnight, and it or a time without a zone is that wall time in `timeZone` (the site's: Hugo's
 * `timeZone`, Jekyll's `timezone`), else in UTC, as Hugo and Jekyll read them. A zone written (`Z`,
 * `-05:00`) is kept. Undefined when it names none (a day followed by text that is no time: see
 * {@link dayOf}).
 */
export function instantOf(asWritten: string, timeZone?: string): string | undefined {
  const value = fromFeedDate(asWritten) ?? fromJsDate(asWritten) ?? asWritten;
  const named = namedDay(value);
  const [, written = named, hour = '0', minute = '00', second = '00', fraction = '', zone] =
    (named === undefined ? DATE_OR_DATE_TIME.exec(value) : undefined) ?? [];
  const day = written === undefined ? undefined : twoDigitDay(written);
  if (day === undefined || !isRealDay(day)) return undefined;
  // YAML's zones may be `-5` or `+0530`; Date.parse reads only `-05:00`.
  const [, sign, zoneHour = '', zoneMinute = '00'] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone ?? '') ?? [];
  const offset = sign === undefined ? 'Z' : `${sign}${zoneHour.padStart(2, '0')}:${zoneMinute}`;
  const millis = `${fraction.slice(1)}000`.slice(0, 3);
  const time = Date.parse(`${day}T${hour.padStart(2, '0')}:${minute}:${second}.${millis}${offset}`);
  if (Number.isNaN(time)) return undefined;
  // Read as if in UTC above: the same wall time in the site's zone, when none is written.
  const zoned = zone === undefined && timeZone !== undefined ? zonedInstant(time, timeZone) : time;
  return new Date(zoned).toISOString();
}

/**
 * An optional field written with nothing after it (`description:`, YAML's null) or blank (`""`): as
 * absent, as Hugo, Jekyll and Eleventy read it (Hugo's own archetypes write `description:` blank).
 */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    schema.optional(),
  );

/**
 * Hugo's `expiryDate` or `publishDate`: a day or a timestamp, as written (trimmed), that names an
 * instant (see {@link instantOf}). parseArticle reads the instant, in the site's zone, which the
 * schema does not know.
 */
const instant = blankAsAbsent(
  z
    .string(DAY_EXPECTED)
    .trim()
    .refine((value) => instantOf(value) !== undefined, DAY_EXPECTED),
);

/** Spaces and line breaks collapsed to one space: the text heads embeds and links, on one line. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** YAML reads `title: 1984` or `tags: [2024]` as numbers; an author means the text. */
const asText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), schema);

/** What starts an address of its own (`https:`, `mailto:`), where a path on the site has none. */
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Template syntax (Eleventy's `{{ page.fileSlug }}`, `{% … %}`): what the bot cannot run. */
const TEMPLATE = /\{\{|\{%/;

/**
 * An article's address: an http(s) URL or a path on SITE_URL. A path without its leading `/`
 * (`blog/my-post/`) is on the site's root, as Eleventy and Hugo take it. One holding template syntax
 * is a template the bot cannot run: absent, so that ARTICLE_URL makes the address.
 */
const address = z.preprocess(
  (value) => (typeof value === 'string' && TEMPLATE.test(value) ? undefined : value),
  blankAsAbsent(
    z
      .string('expected the article address (text)')
      .trim()
      .max(512, 'at most 512 characters')
      .transform((value) => (value.startsWith('/') || SCHEME.test(value) ? value : `/${value}`))
      .refine((value) => !/\s/.test(value) || isHttpUrl(value), {
        error: 'an address has no spaces: write each as %20, or a hyphen, like "/blog/my-post/"',
        abort: true,
      })
      .refine(
        (value) => isHttpUrl(value) || /^\/(?!\/)\S*$/.test(value),
        'expected an http(s) address or a path on the site, like "/blog/my-post/"',
      ),
  ),
);

/**
 * Eleventy's date keywords: the day comes from the file's times or its git history, which the bot
 * does not read. They are no date (the file name's, if it has one).
 */
const ELEVENTY_DATES: ReadonlySet<string> = new Set([
  'Last Modified',
  'Created',
  'git Last Modified',
  'git Created',
]);

/** Optional text; empty counts as absent. */
const text = (error: string) => blankAsAbsent(asText(z.string(error).trim()));

/**
 * The most tags a post is read with, its `tags` and categories together: far more than a blog shows
 * (Hugo, Jekyll and Eleventy publish any number), few enough that a list of thousands costs nothing
 * past them. The rest are left out, not refused.
 */
const TAGS_MAX = 100;

/** How far into one list its first TAGS_MAX distinct tags are looked for: a list repeating one tag ends here. */
const ENTRIES_READ = 10 * TAGS_MAX;

/**
 * A tag as it is shown: on one line, without the control characters Discord drops or the
 * bidirectional ones that turn it around (see withoutControls).
 */
const tagText = (value: string): string => oneLine(withoutControls(value));

/**
 * A tag written as a map with a text `label` (Docusaurus's `{ label: Remote, permalink: /remote }`):
 * that label, the name the blog shows; any other entry as written.
 */
function tagLabel(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  const label: unknown = (entry as Record<string, unknown>)['label'];
  return typeof label === 'string' || typeof label === 'number' ? label : entry;
}

/** One tag: checked only once the list is cut to what is read. */
const tag = z.preprocess(
  tagLabel,
  asText(
    z
      .string('each tag must be text')
      .overwrite(tagText)
      .min(1, 'a tag is empty: write it, or remove it')
      .max(TAG_MAX, `a tag may have at most ${TAG_MAX} characters: shorten it`)
      // An emoji is a tag as Hugo and Jekyll publish it (`🚀`); punctuation alone (`~~`) is a slip.
      .regex(/[\p{L}\p{N}\p{So}]/u, 'a tag needs at least one letter, digit or emoji'),
  ),
);

/**
 * Jekyll reads a text as a list split on spaces (`tags: leadership career`); one with a comma
 * (`tags: engineering leadership, career`) is split on commas, as its author then means.
 */
function tagsFromText(value: unknown): unknown {
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string') return value;
  return value.split(value.includes(',') ? ',' : /\s+/).filter((part) => part.trim() !== '');
}

/**
 * A list cut after its first TAGS_MAX distinct entries (as {@link tagKey} compares texts), before any
 * is checked: a list of thousands is read no further, and what is cut is neither read nor a problem.
 */
function firstTags(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const keys = new Set<unknown>();
  let end = 0;
  while (end < value.length && end < ENTRIES_READ && keys.size < TAGS_MAX) {
    const entry = tagLabel(value[end++]);
    // What is no text is a problem of its own place: counted once, whatever it is.
    keys.add(typeof entry === 'string' || typeof entry === 'number' ? tagKey(tagText(String(entry))) : end);
  }
  return end === value.length ? value : value.slice(0, end);
}

/** The fields whose entries are tags: one that is no tag the bot can show is left out (see withoutTagEntries). */
export const TAG_FIELDS: ReadonlySet<string> = new Set(['tags', 'categories', 'category']);

/**
 * `data` without the entries of its tag fields at `places` (by field, each entry's place as the
 * schema counts it, or `undefined` for a text `category`, one category): a post is read without a tag
 * it cannot show (empty, too long, without a letter), as the generators publish it, not refused.
 */
export function withoutTagEntries(
  data: Record<string, unknown>,
  places: ReadonlyMap<string, ReadonlySet<number | undefined>>,
): Record<string, unknown> {
  const kept = { ...data };
  for (const [field, at] of places) {
    // A text `category` is one category: nothing of it is left.
    const list = at.has(undefined) ? [] : firstTags(tagsFromText(data[field]));
    if (Array.isArray(list)) kept[field] = list.filter((_, i) => !at.has(i));
  }
  return kept;
}

/** `tags` or `categories`: a list or a text, or nothing. */
const tagList = z.preprocess(
  (value) => firstTags(tagsFromText(value)),
  z
    .array(tag, 'expected a list of tags, like [engineering leadership], or a text')
    // An empty `tags:` is YAML's null: no tags.
    .nullish(),
);

const oneCategory = tag.transform((name) => [name]);

/**
 * Jekyll's singular `category`, read with `categories`: a text is one category, spaces and all
 * (`category: career advice`), where `categories` is split on spaces; a list is read as theirs is.
 * Its problems name it (and a list's item) as the other fields' do.
 */
const category = z
  .unknown()
  .transform((value, context): string[] | null | undefined => {
    const text = typeof value === 'string' || typeof value === 'number';
    if (text && String(value).trim() === '') return [];
    const read = (text ? oneCategory : tagList).safeParse(value);
    if (read.success) return read.data;
    for (const { path, message } of read.error.issues)
      context.addIssue({ code: 'custom', path, message, input: value });
    return z.NEVER;
  })
  .optional();

/** The front matter an article must have. Other keys are allowed and ignored (the blog may use them). */
const fields = z.object({
  /**
   * Without one, the title is made from the file name (as Jekyll does). Any length: parseArticle cuts
   * what it shows, and Hugo's `:title` is made of it whole.
   */
  title: blankAsAbsent(asText(z.string('expected a title (text)').overwrite(oneLine))),
  /**
   * As the author wrote it (the generators accept any): it makes the address; the article's key is
   * made from it as from a file name.
   */
  slug: blankAsAbsent(
    asText(
      z
        .string('expected a slug (text)')
        .overwrite(oneLine)
        // It goes into the address whole, and an address is at most 512 characters.
        .max(200, 'at most 200 characters')
        .regex(/[\p{L}\p{N}]/u, 'a slug needs at least one letter or digit'),
    ),
  ),
  tags: tagList,
  /** Jekyll's and Hugo's other taxonomy: its names are tags too. */
  categories: tagList,
  category,
  url: address,
  /** Jekyll's and Eleventy's name for the address (`permalink: false` is no article: see parseSource). */
  permalink: address,
  // Blogs write the summary under any of these names; none is required (the first paragraph serves).
  summary: text('expected a summary (text)'),
  description: text('expected a description (text)'),
  excerpt: text('expected an excerpt (text)'),
  date: z.preprocess(
    (value) => (typeof value === 'string' && ELEVENTY_DATES.has(value.trim()) ? undefined : value),
    blankAsAbsent(day),
  ),
  /** Hugo's `expiryDate` (or `unpublishdate`, see parseSource), lowercased as its keys are read. */
  expirydate: instant,
  /** Hugo's `publishDate` (or `pubdate`, `published`) when the post also has a `date` (see parseSource). */
  publishdate: instant,
  sections: blankAsAbsent(
    z.partialRecord(z.enum(SECTION_KINDS), headingNames, {
      // A key that is no kind is named: `{ tip: Advice }` is a typo, `{ Advice: tips }` a map turned round.
      // (zod reports them as `unrecognized_keys`, which its types for a record leave out.)
      error: (issue) => {
        const { keys } = issue as { keys?: readonly string[] };
        return keys === undefined
          ? `expected a map from section kind (${SECTION_KINDS.join(', ')}) to heading names, like { tips: Advice }`
          : `${namedKeys(keys)}: no section kind; the kinds are ${SECTION_KINDS.join(', ')}, like { tips: Advice }`;
      },
    }),
  ),
});

/** Keys quoted for a problem: the first few, each cut short, and how many more. */
function namedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => `"${key.length > 40 ? `${key.slice(0, 39)}…` : key}"`);
  return keys.length > shown.length
    ? `${shown.join(', ')} and ${keys.length - shown.length} more`
    : shown.join(', ');
}

/**
 * The front matter, with `tags`, `categories` and `category` made one list: each tag once (as
 * {@link tagKey} compares them), spelled as first written, the first TAGS_MAX of them; and which of
 * them only its categories name (`categoryTags`), which the blog's tag pages do not list.
 */
export const frontMatterSchema = fields.transform(({ categories, category, ...front }) => {
  const byKey = new Map<string, string>();
  for (const name of front.tags ?? []) {
    if (byKey.size === TAGS_MAX) break;
    if (!byKey.has(tagKey(name))) byKey.set(tagKey(name), name);
  }
  const fromTags = byKey.size;
  for (const name of [...(categories ?? []), ...(category ?? [])]) {
    if (byKey.size === TAGS_MAX) break;
    if (!byKey.has(tagKey(name))) byKey.set(tagKey(name), name);
  }
  const tags = [...byKey.values()];
  const categoryTags = tags.slice(fromTags);
  return { ...front, tags, ...(categoryTags.length === 0 ? {} : { categoryTags }) };
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/**
 * The front matter's `sections` alone, when they can be read: what the body's headings are read by,
 * for the body's problems in a file whose other fields are wrong (see parseSource).
 */
export function sectionsOnly(data: Record<string, unknown>): Pick<FrontMatter, 'sections'> {
  const read = fields.shape.sections.safeParse(data['sections']);
  return read.success && read.data !== undefined ? { sections: read.data } : {};
}

/**
 * The data formats front matter may be written in, by the name after the opening `---` (any case).
 * gray-matter runs `---js` and `---javascript` through `eval`, and looks any other name up among its
 * engines: only these names ever reach it, each read by a reader here. A Map, so that
 * `---constructor` finds nothing.
 */
type DataFormat = 'yaml' | 'json' | 'toml' | 'javascript';
const DATA_FORMATS: ReadonlyMap<string, DataFormat> = new Map([
  ['', 'yaml'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['json', 'json'],
  ['toml', 'toml'],
  // Eleventy's: read as data, never run (see readJsFrontMatter).
  ['js', 'javascript'],
  ['javascript', 'javascript'],
]);

const TEXT = 'text in quotes, like "…"';
const DAY = 'a day in quotes, like "2024-01-05"';
const TAG_LIST = 'a list of texts in quotes, like ["career", "advice"]';
const YES_OR_NO = 'true or false';
const PATH = 'a path in quotes, like "/blog/my-post/"';

/**
 * What to write, as a JavaScript literal, for each field the bot reads (lowercase, as parseSource
 * reads keys): the schema's, and those that say whether the post is published. A `---js` field the
 * bot reads whose value is code is a problem, where one it ignores is quietly left out.
 */
const JS_LITERALS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    title: 'text in quotes, like "How to ask for a raise"',
    slug: 'text in quotes, like "ask-for-a-raise"',
    tags: TAG_LIST,
    categories: TAG_LIST,
    category: TAG_LIST,
    url: PATH,
    permalink: `${PATH}, or false`,
    summary: TEXT,
    description: TEXT,
    excerpt: TEXT,
    date: DAY,
    expirydate: DAY,
    publishdate: DAY,
    sections: 'an object of heading names, like { tips: "Advice" }',
    unpublishdate: DAY,
    pubdate: DAY,
    published: `${YES_OR_NO}, or ${DAY}`,
    draft: YES_OR_NO,
    headless: YES_OR_NO,
    unlisted: YES_OR_NO,
    eleventyexcludefromcollections: YES_OR_NO,
    build: 'an object, like { render: "never" }',
    _build: 'an object, like { render: "never" }',
  } satisfies Record<keyof typeof fields.shape, string> & Record<string, string>),
);

/** Front matter is a few lines; a longer block is almost surely one whose closing line is missing. */
const MAX_BLOCK_LINES = 1000;

/**
 * The most characters gray-matter's comment search may read over a block's blank runs (see
 * blankRuns): a few milliseconds. A thousand blank lines in a row are a quarter of it.
 */
const MAX_BLANK_COST = 2_000_000;

/**
 * A block's lines, as a regular expression's `^` finds them (after `\n`, a lone `\r`, U+2028 or
 * U+2029; a `\r\n` ends one line here, and costs one more start below), and how many characters
 * `^\s*` reads from all of them together: from each line start to the end of the blank run it is
 * in. With the 1-based line where the costliest run starts. One pass.
 */
function blankRuns(block: string): { lines: number; cost: number; worstLine: number } {
  let lines = 0;
  let cost = 0;
  let worst = 0;
  let worstLine = 1;
  let i = 0;
  while (i < block.length) {
    if (!/\s/.test(block[i] ?? '')) {
      i++;
      continue;
    }
    // The run's first whole line: the next one when it starts after text.
    const runLine = i === 0 || isLineTerminator(block[i - 1]) ? lines + 1 : lines + 2;
    let end = i;
    while (end < block.length && /\s/.test(block[end] ?? '')) end++;
    // Each line start in the run (its first character's, after a line end; each one after a line
    // end in it) reads on to the run's end.
    let runCost = i === 0 || isLineTerminator(block[i - 1]) ? end - i : 0;
    for (let at = i; at < end; at++) {
      const char = block[at];
      if (!isLineTerminator(char)) continue;
      if (!(char === '\r' && block[at + 1] === '\n')) lines++;
      runCost += end - (at + 1);
    }
    cost += runCost;
    if (runCost > worst) {
      worst = runCost;
      worstLine = runLine;
    }
    i = end;
  }
  return { lines, cost, worstLine };
}

function isLineTerminator(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029';
}

export type FrontMatterBlock =
  | {
      readonly ok: true;
      /** What the block holds: not yet checked against {@link frontMatterSchema}. */
      readonly data: unknown;
      /** The Markdown after the block. */
      readonly body: string;
      /** Lines of the file before the body. */
      readonly bodyLine: number;
      /** The file's first lines that hold the block, its closing line included (0 without one). */
      readonly blockLines: number;
      /** Whether the file opens with a `---` or `+++` line, or Hugo's bare JSON, after any BOM. */
      readonly opened: boolean;
      /** The file line of each top-level key, where the reader knows it (a `---js` block's declarations). */
      readonly keyLines?: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** A front matter block that is not valid YAML or JSON, with the file line of the mistake. */
class DataError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/**
 * Splits a file into its front matter (YAML, TOML between `+++` lines or after `---toml`, JSON after
 * `---json` or Hugo's bare JSON object, Eleventy's `---js` literals, read as data and never run as
 * code) and its Markdown body.
 * Files without front matter give empty data and the whole file as body.
 */
export function readFrontMatter(source: string): FrontMatterBlock {
  // gray-matter drops a BOM before looking for the opening "---": every one is dropped here, so that
  // it sees exactly the text checked below.
  let text = source.replace(/^\uFEFF+/, '');
  if (BARE_JSON.test(text)) return readBareJson(text);
  let format: DataFormat = 'yaml';
  // `js` or `javascript`, as written, for a `---js` block's problems; and where its keys are.
  let script = '';
  let keyLines: ReadonlyMap<string, number> | undefined;
  /** Where the closing line starts (its `\n`), once found: gray-matter is given the text up to its fence. */
  let blockEnd: number | undefined;
  // Hugo writes TOML between "+++" lines.
  const fence = text.startsWith('+++') ? '+++' : '---';
  // gray-matter sees front matter only after exactly the fence (not "----"), and reads a format name
  // from the rest of that line.
  if (text.startsWith(fence) && text[3] !== fence[0]) {
    const end = text.search(/\r?\n/);
    const name = text.slice(3, end === -1 ? undefined : end);
    const known =
      fence === '+++'
        ? name.trim() === ''
          ? 'toml'
          : undefined
        : DATA_FORMATS.get(name.trim().toLowerCase());
    if (known === undefined) {
      const shown = name.trim().length > 40 ? `${name.trim().slice(0, 40)}…` : name.trim();
      return {
        ok: false,
        line: 1,
        message: `front matter: "${fence}${shown}" is not a data format; write YAML between "---" lines (or TOML between "+++" lines, or JSON after "---json")`,
      };
    }
    format = known;
    script = name.trim();
    // Without its name gray-matter can only use the `language` given here, so no lookup of its own
    // can pick another engine.
    text = `${fence}${text.slice(3 + name.length)}`;
    if (format === 'yaml') text = withYamlEnd(text);
    // Where gray-matter finds the closing line. Without one it would read the whole file as front
    // matter and leave no body: an article of its fields alone, where the author forgot a line.
    const close = text.indexOf(`\n${fence}`, 3);
    if (close === -1) return { ok: false, line: 1, message: `front matter: no closing "${fence}"` };
    blockEnd = close;
    // gray-matter strips comments from the block with a regular expression (`/^\s*#[^\n]+/gm`) that
    // reads on from every line start over the blank characters after it: its time grows with the
    // square of its blank lines. The lines between the opening and closing lines are counted.
    const blank = blankRuns(text.slice(0, close));
    if (blank.lines > MAX_BLOCK_LINES) {
      return {
        ok: false,
        line: 1,
        message: `front matter: longer than ${MAX_BLOCK_LINES} lines; is its closing "${fence}" line missing?`,
      };
    }
    if (blank.cost > MAX_BLANK_COST) {
      return {
        ok: false,
        line: blank.worstLine,
        message: 'front matter: too many blank lines and spaces in a row; remove them',
      };
    }
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would share results between equal files.
    // Only the block, up to the closing line's fence: gray-matter copies what it is given into a
    // Buffer and looks it up in its cache, which for a whole post cost more than reading its block.
    parsed = matter(blockEnd === undefined ? text : text.slice(0, blockEnd + 1 + fence.length), {
      delimiters: fence,
      language: format,
      // Every engine gray-matter has, replaced: its javascript and coffee engines run the block as code.
      engines: {
        yaml: readYaml,
        json: (block: string) => {
          const data = readJson(block);
          keyLines = jsonKeyLines(block);
          return data;
        },
        toml: readToml,
        javascript: (block: string) => {
          const read = readJsFrontMatter(block, script, (field) => JS_LITERALS.get(field));
          if (!read.ok) throw new DataError(read.line, read.message);
          keyLines = read.keyLines;
          return read.data;
        },
        coffee: refuseCode,
      },
    });
  } catch (error) {
    if (error instanceof DataError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
  const opened = text.startsWith(fence);
  let bodyStart = text.length - parsed.content.length;
  if (blockEnd !== undefined) {
    // Where gray-matter starts the body: after the fence, and one line end.
    bodyStart = blockEnd + 1 + fence.length;
    if (text[bodyStart] === '\r') bodyStart++;
    if (text[bodyStart] === '\n') bodyStart++;
  }
  return blockOf(parsed.data, text, bodyStart, opened, keyLines);
}

/** The block read, its body starting at `bodyStart` in `text`. */
function blockOf(
  data: unknown,
  text: string,
  bodyStart: number,
  opened: boolean,
  keyLines?: ReadonlyMap<string, number>,
): FrontMatterBlock {
  const before = text.slice(0, bodyStart);
  return {
    ok: true,
    data: mayEscapeSurrogates(before) ? wellFormedData(data) : data,
    body: text.slice(bodyStart),
    bodyLine: before.split('\n').length - 1,
    blockLines: opened ? before.replace(/\r?\n$/, '').split('\n').length : 0,
    opened,
    ...(keyLines === undefined ? {} : { keyLines }),
  };
}

/**
 * Hugo's JSON front matter, a file that opens with `{` (pageparser): never a template tag (`{{<`,
 * `{{ … }}`, `{% … %}`, `{# … #}`) nor a kramdown attribute list (`{: .x}`), as JSON cannot open so.
 */
const BARE_JSON = /^\{(?![{%#:])/;

/**
 * Hugo's JSON front matter: the object up to its closing `}` as Hugo finds it (braces counted outside
 * strings, a backslash escaping the character after it), read as `---json` is; the body starts after
 * that line's end, or right after the `}` when text follows it.
 */
function readBareJson(text: string): FrontMatterBlock {
  const end = jsonObjectEnd(text);
  if (end === 'too long') {
    return {
      ok: false,
      line: 1,
      message: `front matter: longer than ${MAX_BLOCK_LINES} lines; is its closing "}" missing?`,
    };
  }
  let data: object;
  try {
    // An object never closed is read whole: it is no valid JSON, and JSON.parse names the line where
    // it goes wrong.
    data = readJson(end === undefined ? text : text.slice(0, end));
  } catch (error) {
    if (error instanceof DataError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
  const close = end ?? text.length;
  const lineEnd = text.startsWith('\r\n', close) ? 2 : text.startsWith('\n', close) ? 1 : 0;
  return blockOf(data, text, close + lineEnd, true, jsonKeyLines(text.slice(0, close)));
}

/**
 * Where the JSON object `text` opens with ends (the index after its `}`), as Hugo's lexer finds it;
 * undefined when it is never closed, `too long` past {@link MAX_BLOCK_LINES} lines.
 */
function jsonObjectEnd(text: string): number | 'too long' | undefined {
  let depth = 0;
  let quoted = false;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case '\\':
        i++;
        break;
      case '"':
        quoted = !quoted;
        break;
      case '{':
        if (!quoted) depth++;
        break;
      case '}':
        if (!quoted && --depth === 0) return i + 1;
        break;
      case '\n':
        if (++lines > MAX_BLOCK_LINES) return 'too long';
        break;
    }
  }
  return undefined;
}

/**
 * YAML's document end `...` closes the block as `---` does (Jekyll reads it so): made `---`, same
 * length, for gray-matter, which knows only one closing line.
 */
function withYamlEnd(text: string): string {
  const end = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (end === null || text[end.index + 1] !== '.') return text;
  return `${text.slice(0, end.index + 1)}---${text.slice(end.index + 4)}`;
}

function refuseCode(): never {
  throw new DataError(1, 'front matter: code is not data; write YAML between "---" lines');
}

/**
 * YAML 1.2's core schema and merge keys (`<<: *base`), which Jekyll's and Hugo's readers apply: js-yaml
 * bounds their work (at most 10,000 keys merged, 100 mappings in one merge), so an alias bomb of
 * merges is refused rather than copied out.
 */
const YAML_SCHEMA = new yaml.Schema({
  include: [yaml.CORE_SCHEMA],
  // Implicit: a plain `<<` key is one, as in js-yaml's default schema.
  implicit: [
    new yaml.Type('tag:yaml.org,2002:merge', {
      kind: 'scalar',
      resolve: (data: unknown) => data === '<<' || data === null,
    }),
  ],
});

function readYaml(block: string): object {
  try {
    // gray-matter's reader, so that what the generators accept is accepted (a quoted value may go on
    // on unindented lines). YAML 1.2's core schema keeps `2024-02-30` and `10:00` as written instead
    // of quietly turning them into a rolled-over Date or a number; the schema then checks them. It
    // has no `!!js/…` types. A key written twice keeps its last value, as Jekyll's YAML reader does
    // (`json`; Hugo refuses it since 0.152).
    return (yaml.safeLoad(block, { schema: YAML_SCHEMA, json: true }) ?? {}) as object;
  } catch (error) {
    // js-yaml 3 recurses once per level with no bound of its own: `[[[[…` thousands deep runs out of
    // stack. (Deep data it does read is never walked: unknown fields are dropped unread.)
    if (error instanceof RangeError)
      throw new DataError(deepestLine(block), 'front matter nested too deeply');
    const { reason, mark } = error as { reason?: unknown; mark?: { line?: unknown; position?: unknown } };
    const said = typeof reason === 'string' ? reason : 'the front matter could not be read';
    // The block starts on the file's first line, after "---": its 0-based line is the file's line minus
    // one. js-yaml finds a NUL byte before counting lines: its line is counted to its position.
    const line =
      said.startsWith('null byte') && typeof mark?.position === 'number'
        ? block.slice(0, mark.position).split('\n').length
        : typeof mark?.line === 'number'
          ? mark.line + 1
          : 1;
    const code = /^unknown tag !<tag:yaml\.org,2002:(js\/\w*)>/.exec(said)?.[1];
    if (code !== undefined) {
      const tagged = jsTagMessage(block, line, code);
      throw new DataError(tagged.line, tagged.message);
    }
    const mistake = yamlMistake(block, line, said);
    throw new DataError(mistake.line, `invalid YAML in front matter: ${mistake.message}`);
  }
}

/**
 * A `!!js/function` (or `!!js/regexp`, `!!js/undefined`) value, which js-yaml's unsafe schema would
 * run: said as a `---js` block's code is, with the literal to write for a field the bot reads, at
 * the tag's line (js-yaml marks a tag with no value, `- !!js/undefined`, on the line after it).
 */
function jsTagMessage(block: string, line: number, code: string): { line: number; message: string } {
  const lines = block.split('\n');
  let at = line - 1;
  while (at > 0 && !(lines[at] ?? '').includes('!!js/')) at--;
  if (!(lines[at] ?? '').includes('!!js/')) at = line - 1;
  const text = lines[at] ?? '';
  // A list item with no key of its own (`  - !!js/undefined`) is its list's field's value.
  const item = /^[ \t]*-[ \t]+!/.test(text) ? parentKeyLine(lines, at) : undefined;
  const key = yamlKey(item ?? text);
  const hint = key === undefined ? undefined : JS_LITERALS.get(key.toLowerCase());
  const shown = key === undefined ? undefined : key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const what = shown === undefined ? 'a value' : `${shown}: its value`;
  return {
    line: at + 1,
    message: `front matter: ${what} is JavaScript (!!${code}), which the bot never runs; write it as ${hint ?? 'text, a number, a list or a map'}`,
  };
}

/**
 * The key a YAML line starts with (`title: …`, `- title: …`, `"title": …`): the text before its first
 * `:`, found with indexOf rather than a regex, which took time with the square of a line of spaces.
 */
function yamlKey(text: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const key = text
    .slice(0, colon)
    .trim()
    .replace(/^-[ \t]+/, '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
  return key === '' || /["'#!]/.test(key) ? undefined : key;
}

/** The line that opens the list holding the item at 0-based `at`: its key's, indented less (or as much, when no item). */
function parentKeyLine(lines: readonly string[], at: number): string | undefined {
  const indent = (text: string): number => text.length - text.trimStart().length;
  const depth = indent(lines[at] ?? '');
  for (let index = at - 1; index >= 0; index--) {
    const text = lines[index] ?? '';
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (indent(text) < depth || (indent(text) === depth && !trimmed.startsWith('-'))) return text;
  }
  return undefined;
}

/**
 * What js-yaml's reason means for the most common mistakes, said so, at the line to fix: a value
 * holding `: ` unquoted (`title: Colon: in title`), and a `[` or `{` never closed, which js-yaml
 * finds only where the block or the next field is.
 */
function yamlMistake(block: string, line: number, reason: string): { line: number; message: string } {
  const lines = block.split('\n');
  if (reason.startsWith('incomplete explicit mapping pair')) {
    const colon = colonInValue(lines[line - 1] ?? '');
    if (colon !== undefined) {
      const quoted = `"${colon.value.replace(/["\\]/g, '\\$&')}"`;
      return { line, message: `a value holding ": " must be in quotes: ${colon.key.trim()}: ${quoted}` };
    }
  }
  // A quote inside a quoted value (`title: 'Don't do this'`) ends it: js-yaml stops at a later line.
  // Only a line the YAML cannot be read to (not one inside a `>` text that looks alike); each such
  // line reads the block again, so only the first few are tried.
  let tries = 0;
  for (const [i, text] of lines.slice(0, line).entries()) {
    const early = quoteClosedEarly(text);
    if (early === undefined) continue;
    if (++tries > MAX_QUOTE_TRIES) break;
    if (!readsAsYaml(lines.slice(0, i + 1).join('\n'))) return { line: i + 1, message: early };
  }
  if (/flow collection/.test(reason)) {
    const open = unclosedBracket(lines);
    if (open !== undefined)
      return {
        line: open.line,
        message: neverClosed(open.bracket),
      };
  }
  return { line, message: reason };
}

/**
 * A `key: value` line whose plain value holds `: ` (or ends in `:`), with its key and value. Found
 * in steps, where one regular expression took time with the square of a long value's colons.
 */
function colonInValue(text: string): { key: string; value: string } | undefined {
  const field = /^(\s*[^\s#'"[{][^:]*):[ \t]+/.exec(text);
  if (field === null) return undefined;
  const value = text.slice(field[0].length).trimEnd();
  // A plain value on one line, its colon after its first character.
  if (!/^[^\s'"[{|>&*!#]/.test(value) || /[\r\u2028\u2029]/.test(value)) return undefined;
  if (!/:(?:[ \t]|$)/.test(value.slice(1))) return undefined;
  return { key: field[1] ?? '', value };
}

/** How many lines that look like a quote closed early yamlMistake reads the block up to. */
const MAX_QUOTE_TRIES = 20;

/** Whether `text` is YAML the front matter's reader reads. */
function readsAsYaml(text: string): boolean {
  try {
    yaml.safeLoad(text, { schema: YAML_SCHEMA, json: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * What to write instead when the line's quoted value ends before its text does (`title: 'Don't do
 * this'`, `title: "The "best" tips"`): a quote inside one of its kind ends it. Nothing for any other line.
 */
function quoteClosedEarly(text: string): string | undefined {
  const field = /^(\s*[^\s#'"[{-][^:]*):[ \t]+(['"])(.*)$/.exec(text);
  if (field === null) return undefined;
  const [, key = '', mark = '', rest = ''] = field;
  // Where the quoted value ends: `''` is a quote in '…', `\"` one in "…".
  let end = -1;
  for (let i = 0; i < rest.length; i++) {
    if (mark === '"' && rest[i] === '\\') i++;
    else if (rest[i] === mark && mark === "'" && rest[i + 1] === "'") i++;
    else if (rest[i] === mark) {
      end = i;
      break;
    }
  }
  const after =
    end === -1
      ? ''
      : rest
          .slice(end + 1)
          .replace(/\s#.*$/, '')
          .trim();
  // A comment after it, or the rest of a flow collection (`{ a: 'x', b: 'y' }` over lines): no mistake.
  if (after === '' || /^[#,\]}]/.test(after)) return undefined;
  const value = `${rest.slice(0, end)}${mark}${after}`.replace(new RegExp(`${mark}$`), '');
  const other = mark === "'" ? '"' : "'";
  const requoted = value.includes(other)
    ? `${mark}${mark === "'" ? value.replaceAll("'", "''") : value.replace(/["\\]/g, '\\$&')}${mark}`
    : `${other}${value}${other}`;
  return `the quote ${mark} inside the value ends it: quote the value with ${other} instead, or write ${mark === "'" ? "the ' twice" : 'it \\"'}: ${key.trim()}: ${requoted}`;
}

/**
 * The innermost `[` or `{` a YAML block leaves open, with its file line (the block's line 0 is the
 * file's `---` line); brackets in text, quotes and comments are skipped.
 */
function unclosedBracket(
  lines: readonly string[],
  { toml = false }: { toml?: boolean } = {},
): { bracket: string; line: number } | undefined {
  // Where a value starts: after YAML's `key:`, `- ` or `,`, or TOML's `key =`.
  const valueStart = toml ? '=,[{' : ':,-[{';
  const open: { bracket: string; line: number }[] = [];
  for (const [index, text] of lines.entries()) {
    let quote: string | undefined;
    // The line's last character before this one that is not a space ('' at its start): kept as the
    // scan goes, since looking back over the line at each bracket took time growing with its square.
    let solid = '';
    for (let i = 0; i < text.length; i++) {
      const char = text[i] ?? '';
      const before = solid;
      if (!/\s/.test(char)) solid = char;
      if (quote !== undefined) {
        if (char === quote) quote = undefined;
        continue;
      }
      // A quote opens a quoted value only where a value starts, not inside a word (it's).
      if ((char === '"' || char === "'") && /^$|[\s[{,:]$/.test(text[i - 1] ?? '')) quote = char;
      else if (char === '#' && /^$|\s$/.test(text[i - 1] ?? '')) break;
      // A bracket opens a collection where a value starts (`title: a [b` is text), or inside one.
      else if (
        (char === '[' || char === '{') &&
        (open.length > 0 || before === '' || valueStart.includes(before))
      )
        open.push({ bracket: char, line: index + 1 });
      else if (char === ']' || char === '}') open.pop();
    }
  }
  return open.at(-1);
}

/** What to do about a `[` or `{` (see unclosedBracket) that YAML or TOML never closes. */
function neverClosed(bracket: string): string {
  return `"${bracket}" is never closed: end it with "${bracket === '[' ? ']' : '}'}"`;
}

/** What an unquoted word in TOML most likely meant: text, or a true or false written otherwise. */
function valueHint(line: string): string {
  const value = /=\s*(.*)$/.exec(line)?.[1]?.trim() ?? '';
  if (/^(?:true|false)$/i.test(value)) return " (TOML's true and false are written in lower case)";
  return /^\p{L}/u.test(value) ? ' (a text needs quotes in TOML, like title = "My post")' : '';
}

function readToml(block: string): object {
  try {
    return parseTomlData(block);
  } catch (error) {
    if (error instanceof DataShapeError)
      throw new DataError(deepestTomlLine(block), dataShapeMessage(error.problem));
    if (!(error instanceof TomlError)) throw error;
    // The block starts on the file's first line, after "+++": its 1-based line is the file's line.
    const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    const written = (block.split('\n')[error.line - 1] ?? '').replace(/\r$/, '');
    // A string that runs to the block's end, or a line break in a one-line one: its quote is missing.
    const unclosed =
      reason === 'unfinished string' ||
      (reason === 'control characters are not allowed in strings' && error.column > written.length);
    // An array or inline table never closed: smol-toml stops where the next key is, not at its `[`.
    const open = reason.includes('end of structure')
      ? unclosedBracket(block.split('\n'), { toml: true })
      : undefined;
    if (open !== undefined)
      throw new DataError(open.line, `invalid TOML in front matter: ${neverClosed(open.bracket)}`);
    const said = unclosed
      ? 'a text in quotes is never closed: end it with its quote'
      : reason === 'invalid value'
        ? `invalid value${valueHint(written)}`
        : reason;
    throw new DataError(error.line, `invalid TOML in front matter: ${said}`);
  }
}

function readJson(block: string): object {
  try {
    return JSON.parse(block) as object;
  } catch (error) {
    // Counted from the block's start on the file's first line, as for YAML.
    const { line, reason } = jsonMistake(block, error);
    throw new DataError(line, `invalid JSON in front matter: ${reason}`);
  }
}

/** Where in `text` JSON.parse's `error` is (a 1-based line), and what it says, on one line. */
export function jsonMistake(text: string, error: unknown): { line: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  // V8 appends the position, or quotes the block (or ten characters either side of the mistake,
  // `...` marking a cut) over several lines: the line says where.
  const reason = message.replace(
    / in JSON at position \d+.*$|, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s,
    '',
  );
  return { line: jsonErrorLine(text, message), reason };
}

/** Either side of the mistake, the characters V8 quotes of a longer JSON text (json-parser.cc). */
const JSON_CONTEXT = 10;

/**
 * The line of `block` where JSON.parse went wrong, as far as V8's message tells: its `(line N
 * column M)`, its `at position N`, the end of the text for an unexpected end, or where the text it
 * quotes around the mistake (`..."ags": [1,\n}"`) is; else 1.
 */
function jsonErrorLine(block: string, message: string): number {
  const lineOf = (position: number): number => block.slice(0, position).split('\n').length;
  const written = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (written !== undefined) return Number(written);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return lineOf(Number(position));
  if (/^Unexpected end of JSON input/.test(message)) return lineOf(block.trimEnd().length);
  const quoted = /, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s.exec(message);
  const [, cutBefore, text = '', cutAfter] = quoted ?? [];
  if (quoted === null || (cutBefore === undefined && cutAfter === undefined)) return 1;
  // The quote is block[position - 10, position + 10), cut at the block's ends.
  if (cutBefore === undefined) return lineOf(text.length - JSON_CONTEXT);
  const start = cutAfter === undefined ? block.length - text.length : block.indexOf(text);
  return start < 0 ? 1 : lineOf(start + JSON_CONTEXT);
}
