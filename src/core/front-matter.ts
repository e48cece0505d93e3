import { z } from 'zod';
import { SECTION_KINDS } from './article.js';
import { isHttpUrl } from './urls.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 64;
const TAG_MAX = 50;

const headingNames = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
  error: 'expected a heading name or a list of heading names',
});

/** A calendar day written `YYYY-MM-DD` (quoted or not) that exists: `2024-02-30` is refused, not rolled over. */
const day = z
  .string('expected a date written as YYYY-MM-DD')
  .trim()
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'expected a real day written as YYYY-MM-DD');

/** Spaces and line breaks collapsed to one space: the text heads embeds and links, on one line. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** YAML reads `title: 1984` or `tags: [2024]` as numbers; an author means the text. */
const asText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), schema);

/** The front matter an article must have. Other keys are allowed and ignored (the blog may use them). */
export const frontMatterSchema = z.object({
  title: asText(
    z
      .string('expected a title (text)')
      .overwrite(oneLine)
      .min(1, 'must not be empty')
      .max(200, 'at most 200 characters'),
  ),
  slug: z
    .string('expected a slug (text)')
    .max(SLUG_MAX, `at most ${SLUG_MAX} characters`)
    .regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens, like "my-first-article"')
    .optional(),
  tags: z
    .array(
      asText(
        z
          .string('each tag must be text')
          .overwrite(oneLine)
          .min(1, 'a tag must not be empty')
          .max(TAG_MAX, `a tag has at most ${TAG_MAX} characters`)
          .regex(/[\p{L}\p{N}]/u, 'a tag needs at least one letter or digit'),
      ),
      'expected a list of tags, like [engineering leadership]',
    )
    // Counted only once it is a list: zod would also measure a string's length against these.
    .pipe(z.array(z.string()).min(1, 'give at least one tag').max(20, 'at most 20 tags')),
  url: z
    .string('expected the article address (text)')
    .trim()
    .max(512, 'at most 512 characters')
    .refine(
      (value) => isHttpUrl(value) || /^\/(?!\/)\S*$/.test(value),
      'expected an http(s) address or a path starting with "/" (relative to SITE_URL)',
    ),
  summary: asText(
    z
      .string('expected a summary (text)')
      .trim()
      .min(1, 'must not be empty')
      .max(500, 'at most 500 characters'),
  ),
  date: day.optional(),
  sections: z
    .partialRecord(z.enum(SECTION_KINDS), headingNames, {
      error: `expected a map from section kind (${SECTION_KINDS.join(', ')}) to heading names, like { tips: Advice }`,
    })
    .optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
