import { parseArticle, type ArticleSource, type ParseResult } from '../core/parse-article.js';

/** A worker thread's task (see parse-pool.ts): parse these files, in order. */
export default function parseBatch(sources: readonly ArticleSource[]): ParseResult[] {
  return sources.map((source) => parseArticle(source));
}
