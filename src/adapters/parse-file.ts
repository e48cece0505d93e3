import type { Article, ContentProblem } from '../core/article.js';
import { fieldText, searchTerms, SEARCH_FIELDS } from '../core/article-search.js';
import { outlineOf } from '../core/article.js';
import type { ArticleSource, ParseResult } from '../core/parse-article.js';
import type { FileRead } from './article-bytes.js';

/** A file as read, with what its article's address is made from (see {@link ArticleSource}). */
export type FileBytes = Omit<ArticleSource, 'source'> & { readonly bytes: Uint8Array };

/** A file for a parse worker to read and parse: where it is, and what its address is made from. */
export type FileToRead = Omit<ArticleSource, 'source'> & { readonly path: string };

/** A file read and parsed by a worker (see parse-worker.ts): its key, signature and parse; or why not. */
export type ReadParsed =
  | { readonly kind: 'parsed'; readonly key: string; readonly signature: string; readonly form: StoredForm }
  | Exclude<FileRead, { kind: 'read' }>;

/**
 * A parse result as the content store keeps it: the article's head (all but its sections, with their
 * outline) and sections as JSON, and the words of each searched field. Made where the file is parsed
 * (a worker thread, mostly), so that the bot's own heap gets only the head it keeps.
 */
export type StoredForm =
  | {
      readonly ok: true;
      readonly head: string;
      readonly sections: string;
      /** The words of each of SEARCH_FIELDS, joined by spaces. */
      readonly words: readonly string[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly ContentProblem[];
      readonly unpublished?: true;
      readonly staticFile?: true;
    };

/** An article without its sections, as the store keeps it in memory. */
export type ArticleHead = Omit<Article, 'sections' | 'outline'> & {
  readonly outline: Article['outline'] & {};
};

/** A parse result as the store keeps it. */
export function formOf(result: ParseResult): StoredForm {
  if (!result.ok) return result;
  const { article } = result;
  return {
    ok: true,
    head: JSON.stringify(headOf(article)),
    sections: JSON.stringify(article.sections),
    // A blog post's text is mostly outside the three sections: all of it is searched.
    words: SEARCH_FIELDS.map((field) =>
      searchTerms(
        field === 'text' && result.searchText !== undefined ? result.searchText : fieldText(article, field),
      ).join(' '),
    ),
  };
}

/** The result a form stands for, whole in memory (when there is no store to keep the sections). */
export function resultOf(form: StoredForm): ParseResult {
  if (!form.ok) return form;
  const head = JSON.parse(form.head) as ArticleHead;
  return { ok: true, article: { ...head, sections: JSON.parse(form.sections) as Article['sections'] } };
}

function headOf(article: Article): ArticleHead {
  const {
    slug,
    fullSlug,
    title,
    summary,
    tags,
    categoryTags,
    url,
    address,
    date,
    publishes,
    dated,
    hugo,
    expires,
    file,
    slugLine,
    addressField,
    leftOutTags,
    headingNotes,
    pageRefs,
  } = article;
  return {
    slug,
    ...(fullSlug === undefined ? {} : { fullSlug }),
    title,
    summary,
    tags,
    ...(categoryTags === undefined ? {} : { categoryTags }),
    ...(url === undefined ? {} : { url }),
    ...(address === undefined ? {} : { address }),
    ...(date === undefined ? {} : { date }),
    ...(publishes === undefined ? {} : { publishes }),
    ...(dated === undefined ? {} : { dated }),
    ...(hugo === undefined ? {} : { hugo }),
    ...(expires === undefined ? {} : { expires }),
    file,
    ...(slugLine === undefined ? {} : { slugLine }),
    ...(addressField === undefined ? {} : { addressField }),
    ...(leftOutTags === undefined ? {} : { leftOutTags }),
    ...(headingNotes === undefined ? {} : { headingNotes }),
    ...(pageRefs === undefined ? {} : { pageRefs }),
    outline: outlineOf(article),
  };
}
