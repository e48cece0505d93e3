import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { resolveUrl } from './urls.js';

const parser = unified().use(remarkParse);

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

export { toString as plainText };

/**
 * Turns Markdown nodes back into Discord-flavoured Markdown. Relative links are resolved against
 * the site; a link that cannot be resolved keeps only its text (Discord shows no relative links).
 * Discord shows neither images nor HTML in messages: an image becomes a link to it (or its alt
 * text), and raw HTML (comments, tags) is left out while the text between inline tags stays.
 */
export function toDiscordMarkdown(nodes: readonly RootContent[], siteUrl: string | undefined): string {
  const root = resolveLinks<Root>({ type: 'root', children: [...nodes] }, siteUrl);
  return toMarkdown(root, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function resolveLinks<T extends Nodes>(node: T, siteUrl: string | undefined): T {
  if (!('children' in node)) return node;
  const children: Nodes[] = [];
  for (const child of node.children) {
    if (child.type === 'html') continue;
    if (child.type === 'image') {
      const url = resolveUrl(child.url, siteUrl);
      const text = child.alt?.trim() || 'image';
      children.push(
        url === undefined
          ? { type: 'text', value: text }
          : { type: 'link', url, children: [{ type: 'text', value: text }] },
      );
    } else if (child.type === 'link') {
      const url = resolveUrl(child.url, siteUrl);
      if (url === undefined) children.push(...child.children.map((c) => resolveLinks(c, siteUrl)));
      else children.push({ ...child, url, children: child.children.map((c) => resolveLinks(c, siteUrl)) });
    } else {
      children.push(resolveLinks(child, siteUrl));
    }
  }
  return { ...node, children };
}

/** A paragraph without its first `count` inline nodes, with the leading ":" and spaces of the rest removed. */
export function dropLeadingInline(paragraph: Paragraph, count: number): Paragraph {
  const rest: PhrasingContent[] = paragraph.children.slice(count);
  const first = rest[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s*[:\-–—]?\s*/, '');
    rest[0] = { ...first, value };
    if (value === '') rest.shift();
  }
  return { ...paragraph, children: rest };
}
