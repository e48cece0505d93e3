import type { Nodes, RootContent } from 'mdast';
import { isBlockTag } from './html-blocks.js';

/** Nodes whose text stands apart from the next one's: a list's items, a quote's paragraphs, a table's cells. */
const BLOCKS: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'heading',
  'list',
  'listItem',
  'blockquote',
  'code',
  'table',
  'tableRow',
  'tableCell',
  'definition',
  'footnoteDefinition',
]);

/**
 * The words of nodes as search reads them: their text without markup (an image's alt text too), raw
 * HTML left out as a message leaves it out (a block element's tag leaves a space), with a line between blocks and at hard line breaks so
 * that no two words run together (`Kubernetes` and `Terraform` in two items are two words). Walked
 * without recursion.
 */
export function searchableText(nodes: readonly RootContent[]): string {
  const parts: string[] = [];
  const stack: (Nodes | undefined)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    // A block's end.
    if (node === undefined) {
      parts.push('\n');
      continue;
    }
    if (node.type === 'html') {
      // A block element's tag (`<li>Plan</li><li>Do</li>`) keeps the words around it apart.
      if (isBlockTag(node.value)) parts.push(' ');
      continue;
    }
    if (node.type === 'break') parts.push('\n');
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt ?? '');
    else if ('value' in node) parts.push(node.value);
    if (BLOCKS.has(node.type)) stack.push(undefined);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join('');
}
