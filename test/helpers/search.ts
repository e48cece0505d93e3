import { ContentStore } from '../../src/adapters/content-store.js';
import { createLogger } from '../../src/adapters/logger.js';
import { formOf } from '../../src/adapters/parse-file.js';
import type { Article } from '../../src/core/article.js';
import type { ArticleSearch } from '../../src/core/article-search.js';
import { buildIndex, type ContentIndex } from '../../src/core/content-index.js';

/**
 * Articles as the bot keeps them (in a content store in memory, searchable), in order. Tests of core
 * code that search use these: the index's search is the store's.
 */
export function stored(articles: readonly Article[]): { articles: Article[]; store: ContentStore } {
  const store = ContentStore.memory(createLogger({ level: 'silent' }));
  const kept = store.putAll(
    articles.map((article, i) => ({ key: `test-${i}`, form: formOf({ ok: true, article }) })),
  );
  return { articles: kept.map((result) => (result.ok ? result.article : fail())), store };
}

/** The search over `articles`, kept as the bot keeps them. */
export function searchOver(articles: readonly Article[]): ArticleSearch {
  const { articles: kept, store } = stored(articles);
  return store.searchOf(kept);
}

/** An index of `articles` with its search, as the bot builds one. */
export function searchableIndex(articles: readonly Article[]): ContentIndex {
  const { articles: kept, store } = stored(articles);
  return buildIndex(kept, (indexed) => store.searchOf(indexed)).index;
}

function fail(): never {
  throw new Error('not an article');
}
