import { SECTION_KINDS } from '../article.js';
import { messageLimitViolations } from '../check-limits.js';
import type { BlogLinks } from '../blog-links.js';
import type { ContentIndex } from '../content-index.js';
import type { MessagePayload } from '../payload.js';
import { articlePages, renderArticles } from './articles.js';
import { renderSectionView, sectionPages } from './section.js';
import { renderTip } from './tip.js';

/**
 * Every message the bot can render from this content (each page of each section, each tip, each
 * page of each tag list), with what breaks Discord's limits in it. For content checks and tests.
 */
export function* renderedMessages(
  index: ContentIndex,
  links: BlogLinks,
): Generator<{ what: string; payload: MessagePayload; violations: string[] }> {
  const result = (what: string, payload: MessagePayload) => ({
    what,
    payload,
    violations: messageLimitViolations(payload),
  });
  for (const article of index.articles) {
    for (const kind of SECTION_KINDS) {
      const section = article.sections[kind];
      if (section === undefined) continue;
      for (let page = 0; page < sectionPages(article, section).length; page++) {
        for (const scope of ['all', 'one'] as const) {
          yield result(
            `${article.file} /${kind} page ${page + 1} (${scope})`,
            renderSectionView({ kind, scope, article, page }, index),
          );
        }
      }
    }
  }
  for (const tip of index.items('tips')) yield result(`${tip.article.file} /tip ${tip.id}`, renderTip(tip));
  for (const tag of [undefined, ...index.tags]) {
    const pages = articlePages(tag?.articles ?? index.articles).length;
    for (let page = 0; page < pages; page++) {
      yield result(
        `/articles ${tag?.label ?? '(all)'} page ${page + 1}`,
        renderArticles({ tag, page }, index, links),
      );
    }
  }
}
