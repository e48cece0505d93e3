/**
 * HTML elements a browser shows apart from the text around them (a box or a line of their own): a tag
 * of one, left out of a message or of a search's text, leaves a space, so that the words on both sides
 * stay apart (`<li>Plan</li><li>Do</li>`: "Plan Do"). Inline elements' tags leave nothing
 * (`un<em>believ</em>able` is one word).
 */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote caption center dd details dialog dir div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre section ' +
    'summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/** An opening or closing tag's name. */
const TAG_NAME = /^<\/?([A-Za-z][A-Za-z\d-]*)(?=[\s/>])/;

/** Whether raw HTML (one tag, as the Markdown reader gives it) is a block element's opening or closing tag. */
export function isBlockTag(html: string): boolean {
  const name = TAG_NAME.exec(html.trim())?.[1];
  return name !== undefined && BLOCK_ELEMENTS.has(name.toLowerCase());
}

/** An opening tag of an element that holds text (not a void one, `<img>`, `<br>`, `<wbr>`, …). */
export const OPENING_TAG =
  /^<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b)[a-z][\w-]*(?:\s[^>]*)?(?<!\/)>$/i;

/** A closing tag (`</strong>`), as markdown-it reads one in a paragraph; its name the first group. */
export const CLOSING_TAG = /^<\/([A-Za-z][A-Za-z\d-]*)\s*>$/;
