import type { Article } from './article.js';
import type { TagEntry } from './content-index.js';
import { DISCORD_LIMITS as L } from './limits.js';
import type { Choice } from './payload.js';
import { tagKey } from './tags.js';
import { truncatePlain } from './text.js';

/**
 * Articles whose title or slug contains what was typed from the start of a word, titles starting with
 * it first; at most `limit`. Case does not matter, and anything but letters and digits only
 * separates words (`engineering-lead` finds "Engineering Leadership", `js` "Node.js"); a word is never
 * matched from its middle, so "b indented" does not find "Tab indented".
 */
export function matchingArticles(
  articles: readonly Article[],
  typed: string,
  limit: number = L.autocompleteChoices,
): Article[] {
  const query = titleKey(typed);
  const starts: Article[] = [];
  const contains: Article[] = [];
  for (const article of articles) {
    const title = titleKey(article.title);
    if (query === '' || title.startsWith(query)) starts.push(article);
    else if (` ${title}`.includes(` ${query}`) || ` ${titleKey(article.slug)}`.includes(` ${query}`))
      contains.push(article);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** A title as {@link matchingArticles} compares it: lowercase, its words (letters and digits) apart by one space. */
function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function articleChoices(articles: readonly Article[], typed: string): Choice[] {
  return matchingArticles(articles, typed).map((article) => ({
    name: truncatePlain(article.title, L.choiceName),
    value: article.slug,
  }));
}

/** Tags containing what was typed, with their article counts, most used first. */
export function tagChoices(tags: readonly TagEntry[], typed: string): Choice[] {
  const query = tagKey(typed);
  return tags
    .filter((tag) => tag.key.includes(query))
    .slice(0, L.autocompleteChoices)
    .map((tag) => ({
      name: truncatePlain(
        `${tag.label} (${tag.articles.length} article${tag.articles.length === 1 ? '' : 's'})`,
        L.choiceName,
      ),
      value: tag.label,
    }));
}

/**
 * Articles as choices whose value is the title itself, cut to `maxValue` code points, for an
 * option that searches: picking one searches that title.
 */
export function titleChoices(articles: readonly Article[], maxValue: number): Choice[] {
  return articles.slice(0, L.autocompleteChoices).map((article) => ({
    name: truncatePlain(article.title, L.choiceName),
    value: truncatePlain(article.title, Math.min(maxValue, L.choiceValue)),
  }));
}
