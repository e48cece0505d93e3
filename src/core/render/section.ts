import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { formatProblem, type Article, type Section, type SectionItem, type SectionKind } from '../article.js';
import type { ContentIndex } from '../content-index.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { navigationRow } from '../navigation.js';
import { EMBED_COLOR, type MessagePayload } from '../payload.js';
import { codePointLength, splitText, truncateInline } from '../text.js';
import { sendableUrl } from '../urls.js';
import { fitName } from './item-name.js';

/** Singular names for unnamed items ("Tip 3"). */
const ITEM_NOUN: Record<SectionKind, string> = { motivations: 'Motivation', skills: 'Skill', tips: 'Tip' };
/** Room kept for the footer ("Article 12 of 340 · page 2/3"), which is written after paging. */
const FOOTER_BUDGET = 64;
/** After an item's name in the fields that go on with its text. */
const CONTINUED = ' (continued)';
/**
 * The name of a field of prose between items: a zero-width space, as Discord needs a name and
 * shows this one as none.
 */
const UNNAMED = '\u200b';
/** Room for an item's name in a field's name, with the number before it and room for CONTINUED after it. */
const LABEL_MAX = L.fieldName - CONTINUED.length;

interface PageBody {
  description?: string;
  fields: APIEmbedField[];
}

const pageCache = new WeakMap<Section, PageBody[]>();

/**
 * Splits a section into embed bodies that each fit Discord's limits: prose across descriptions
 * (4096), items as fields (1024 each, continued in further fields), at most 25 fields and
 * 6000 characters per message with the title and footer.
 */
export function sectionPages(article: Article, section: Section): readonly PageBody[] {
  const cached = pageCache.get(section);
  if (cached !== undefined) return cached;
  const budget = L.embedTotal - codePointLength(sectionTitle(article, section)) - FOOTER_BUDGET;
  const pages: PageBody[] = [];
  let page: PageBody = { fields: [] };
  let used = 0;
  const startPage = (): void => {
    if (page.description !== undefined || page.fields.length > 0) pages.push(page);
    page = { fields: [] };
    used = 0;
  };
  for (const chunk of splitText(section.text, L.embedDescription, { balanced: true })) {
    startPage();
    page.description = chunk;
    used = codePointLength(chunk);
  }
  const labels = itemLabels(section);
  const costOf = (field: APIEmbedField): number => codePointLength(field.name) + codePointLength(field.value);
  // The fields of prose after an item, which lead into the next one (`Managers need:`).
  const interludeFields = new Set<APIEmbedField>();
  const addField = (field: APIEmbedField, opensItem = false): void => {
    const cost = costOf(field);
    if (page.fields.length >= L.embedFields || used + cost > budget) {
      // Prose that leads into an item goes to the next page with it, where it fits beside it and
      // something else stays on this page.
      let carried: APIEmbedField[] = [];
      if (opensItem) {
        let from = page.fields.length;
        while (from > 0 && interludeFields.has(page.fields[from - 1] as APIEmbedField)) from--;
        carried = page.fields.slice(from);
        const carriedCost = carried.reduce((sum, moved) => sum + costOf(moved), 0);
        if (from > 0 && carriedCost + cost <= budget && carried.length < L.embedFields) {
          page.fields.length = from;
          used -= carriedCost;
        } else carried = [];
      }
      startPage();
      for (const moved of carried) {
        page.fields.push(moved);
        used += costOf(moved);
      }
    }
    page.fields.push(field);
    used += cost;
  };
  const interludes = new Map((section.interludes ?? []).map(({ after, text }) => [after, text]));
  section.items.forEach((item, i) => {
    // A field's name reads Markdown as the title does: an item named `__init__` shows as written. A
    // name too long for it opens the text with what it could not show.
    const { name, text } = fitName(labels[i] ?? '', item.text, LABEL_MAX);
    splitText(text, L.fieldValue, { balanced: true }).forEach((value, part) => {
      addField({ name: part === 0 ? name : `${name}${CONTINUED}`, value }, part === 0);
    });
    // Prose written after the item, where it was written: a field without a name of its own.
    const interlude = interludes.get(i);
    if (interlude !== undefined)
      for (const value of splitText(interlude, L.fieldValue, { balanced: true })) {
        const field = { name: UNNAMED, value };
        interludeFields.add(field);
        addField(field);
      }
  });
  startPage();
  pageCache.set(section, pages);
  return pages;
}

/**
 * Each item's name as its field names it, numbered as the article numbers them: `3. Name`, or `Tip 3`
 * after a dropped item or from a list starting at 3.
 */
function itemLabels(section: Section): string[] {
  const numbers = itemNumbers(section.items);
  return section.items.map((item, i) =>
    item.name === undefined
      ? `${ITEM_NOUN[section.kind]} ${numbers[i] ?? i + 1}`
      : item.number === undefined
        ? item.name
        : `${item.number}. ${item.name}`,
  );
}

/**
 * For content:check, the items of the article's sections whose names are longer than a field's name
 * holds: valid, shown cut with the rest opening their text (see fitName), but the author may want to
 * shorten them. Said as notes are, one line each.
 */
export function longNameNotes(article: Pick<Article, 'file' | 'sections'>): string[] {
  return Object.values(article.sections).flatMap((section) => {
    const labels = itemLabels(section);
    return section.items.flatMap((item, i) => {
      if (item.name === undefined || !fitName(labels[i] ?? '', '', LABEL_MAX).cut) return [];
      const message = `the item's name (${codePointLength(item.name)} characters) is longer than /${section.kind} shows as a name (${LABEL_MAX}, its number and Markdown escapes counted): shown cut, the rest opening its text; shorten the name to show it whole`;
      return [formatProblem({ file: article.file, line: item.line, field: section.kind, message })];
    });
  });
}

/**
 * The number each item goes by: its own (an ordered list's `3.`, a numbered sub-heading's), or else
 * the next after the highest before it, so that an unnumbered "Tip 4" never follows a `5.`. A named
 * item without a number takes one too, unseen: in a list without numbers, "Tip 3" is the third.
 */
export function itemNumbers(items: readonly SectionItem[]): number[] {
  let highest = 0;
  return items.map((item) => {
    const number = item.number ?? highest + 1;
    highest = Math.max(highest, number);
    return number;
  });
}

/**
 * The heading and the title, both the author's plain text, escaped: Discord reads Markdown in an
 * embed's title (`Why __init__ matters` would be underlined).
 */
function sectionTitle(article: Article, section: Section): string {
  return truncateInline(`${section.heading} · ${article.title}`, L.embedTitle);
}

/** Whether the reply pages through every article with the section, or through one article. */
export type SectionScope = 'all' | 'one';

export interface SectionView {
  readonly kind: SectionKind;
  readonly scope: SectionScope;
  readonly article: Article;
  readonly page: number;
}

/** custom_id of a section page: `tips:all:<slug>:<page>` (slugs hold no ":"). */
export function sectionCustomId(view: SectionView): string {
  return `${view.kind}:${view.scope}:${view.article.slug}:${view.page}`;
}

/** Reads a section custom_id back; undefined when it names an article or page that no longer exists. */
export function parseSectionCustomId(
  kind: SectionKind,
  customId: string,
  index: ContentIndex,
): SectionView | undefined {
  const [prefix, scope, slug, pageText] = customId.split(':');
  if (prefix !== kind || (scope !== 'all' && scope !== 'one') || slug === undefined || pageText === undefined)
    return undefined;
  const article = index.bySlug(slug);
  const section = article?.sections[kind];
  const page = Number(pageText);
  if (article === undefined || section === undefined || !Number.isInteger(page)) return undefined;
  if (page < 0 || page >= sectionPages(article, section).length) return undefined;
  return { kind, scope, article, page };
}

/** The message showing one page of a section, with buttons to the neighbouring pages. */
export function renderSectionView(view: SectionView, index: ContentIndex): MessagePayload {
  const { article, kind, page, scope } = view;
  const section = article.sections[kind];
  if (section === undefined) throw new Error(`${article.slug} has no ${kind} section`);
  const pages = sectionPages(article, section);
  const body = pages[page] ?? { fields: [] };
  const siblings = scope === 'all' ? index.withSection(kind) : [article];
  const position = siblings.indexOf(article);

  const at = (target: Article, targetPage: number): string =>
    sectionCustomId({ kind, scope, article: target, page: targetPage });
  const previousArticle = siblings[position - 1];
  const nextArticle = siblings[position + 1];
  const previous =
    page > 0
      ? at(article, page - 1)
      : previousArticle === undefined
        ? undefined
        : at(previousArticle, lastPage(previousArticle, kind));
  const next =
    page < pages.length - 1
      ? at(article, page + 1)
      : nextArticle === undefined
        ? undefined
        : at(nextArticle, 0);

  const footer = [
    siblings.length > 1 ? `Article ${position + 1} of ${siblings.length}` : undefined,
    pages.length > 1 ? `page ${page + 1}/${pages.length}` : undefined,
  ].filter((part) => part !== undefined);

  // An address Discord would refuse is left out, not the reply (content:check lists such posts).
  const url = sendableUrl(article.url);
  const embed: APIEmbed = {
    title: sectionTitle(article, section),
    color: EMBED_COLOR,
    ...(url === undefined ? {} : { url }),
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(body.fields.length === 0 ? {} : { fields: body.fields }),
    ...(footer.length === 0 ? {} : { footer: { text: capitalize(footer.join(' · ')) } }),
  };
  return {
    embeds: [embed],
    components: navigationRow(kind, { previous, next }, { label: 'Read the article', url }),
  };
}

function lastPage(article: Article, kind: SectionKind): number {
  const section = article.sections[kind];
  return section === undefined ? 0 : sectionPages(article, section).length - 1;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
