import { escapedBlockStart } from './block-starts.js';

/**
 * Links to another post by its file, which the generator turns into that post's address: Hugo's
 * `[x]({{< ref "posts/b.md" >}})` (and `relref`), Jekyll's `[x]({% post_url 2024-01-02-b %})` and
 * `{% link _posts/2024-01-02-b.md %}`. Which address that is, only the whole blog says (the post's
 * own `slug` or `url`), so a parse leaves a mark in the link's address (see refMark) that the index
 * fills in when an answer reads the text (see resolvePageRefs). A link to no post the bot has (a
 * page, a draft) keeps its text alone, as any link the bot cannot address.
 */

/** The scheme of a link's address that names a post by its file (see refMark). */
export const REF_SCHEME = 'x-post-ref:';
/**
 * Opens the text of a link with a ref's address in a written text (see resolveLinks in markdown.ts): what tells
 * where the link starts, to leave its text alone when the address is not found.
 */
export const REF_LINK_START = '\uE000';

/** Hugo's `ref` or `relref` shortcode, its path in quotes or backticks, or bare. */
const HUGO_REF = /^\{\{([<%])-?\s*(?:rel)?ref\s+(?:"([^"]*)"|`([^`]*)`|([^\s"`]+))\s*-?[>%]\}\}$/;
/** Jekyll's `post_url` and `link` tags. */
const LIQUID_REF = /^\{%-?\s*(post_url|link)\s+(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*-?%\}$/;

/**
 * The post a template tag names (`{{< ref "posts/b.md" >}}`, `{% post_url 2024-01-02-b %}`): its
 * path as written, without its `#` part; undefined for any other tag, or one naming no file.
 */
export function refTarget(tag: string): string | undefined {
  const match = HUGO_REF.exec(tag) ?? LIQUID_REF.exec(tag);
  if (match === null) return undefined;
  const path = (match[2] ?? match[3] ?? match[4] ?? '').trim();
  return path === '' || path.startsWith('#') ? undefined : path;
}

/**
 * The address that stands for the post at `target` (`#fragment` kept), until the index fills it in:
 * one word of the link's address, with nothing Markdown reads in it (spaces, brackets, quotes).
 */
export function refMark(target: string): string {
  return `${REF_SCHEME}${encodeURIComponent(target).replace(/[()'!*]/g, percentEncoded)}`;
}

/** A character (of one UTF-16 unit, as those encoded here are) as `%XX`. */
function percentEncoded(char: string): string {
  return char.charCodeAt(0) < 0x80
    ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    : encodeURIComponent(char);
}

export function isRefMark(url: string): boolean {
  return url.startsWith(REF_SCHEME);
}

/** Whether a text holds a link to a post by its file (see refMark), or what is left of one. */
export function holdsPageRefs(text: string): boolean {
  return text.includes(REF_SCHEME) || text.includes(REF_LINK_START);
}

/**
 * A written link to a post by its file: `[` and the mark opening its text, to its `(address)` and
 * the title after it, in the quotes or brackets mdast-util-to-markdown writes it in.
 */
const REF_LINK = new RegExp(
  `\\[${REF_LINK_START}|\\]\\((${REF_SCHEME}[^)\\s]*)((?:[ \\t]+(?:"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|\\((?:[^()\\\\]|\\\\.)*\\)))?)\\)`,
  'g',
);
/** A mark where Markdown read no link (`\\[x](…)`, a link in an HTML block): what goes of it. */
const STRAY_MARK = new RegExp(`${REF_SCHEME}[^\\s)\\]]*`, 'g');

/** `text` without marks left where Markdown read no link (see refMark): as a tag there was, before. */
export function withoutStrayMarks(text: string): string {
  return text.includes(REF_SCHEME) ? text.replace(STRAY_MARK, '') : text;
}

/**
 * `text` with each link to a post by its file made a link to its address, which `addressOf` gives
 * for the path the link names (undefined: no post there, and the link keeps its text alone).
 */
export function resolvePageRefs(text: string, addressOf: (target: string) => string | undefined): string {
  if (!text.includes(REF_SCHEME)) return text.replaceAll(REF_LINK_START, '');
  let out = '';
  let kept = 0;
  // Where the text of the link now open starts in `out`, after its `[` (see REF_LINK_START).
  let open: number | undefined;
  for (const match of text.matchAll(REF_LINK)) {
    out += text.slice(kept, match.index);
    kept = match.index + match[0].length;
    const mark = match[1];
    if (mark === undefined) {
      open = out.length + 1;
      out += '[';
      continue;
    }
    const address = addressOf(safeDecode(mark.slice(REF_SCHEME.length)));
    if (address !== undefined) out += `](${linkAddress(address)}${match[2] ?? ''})`;
    else if (open !== undefined) {
      // Its text alone, escaped where it opens a line: `[# big](…)` is no heading.
      const lineStart = open === 1 || out[open - 2] === '\n';
      const shown = out.slice(open);
      out = out.slice(0, open - 1) + (lineStart ? escapedBlockStart(shown) : shown);
    }
    open = undefined;
  }
  // A link's text kept without its address (a summary cut short in it) keeps no mark.
  return (out + text.slice(kept)).replaceAll(REF_LINK_START, '');
}

/** `text` with its links to posts by their files as their text alone. */
export function withoutPageRefs(text: string): string {
  return resolvePageRefs(text, () => undefined);
}

/** An address as a link writes it: a space or bracket encoded, which would end it. */
function linkAddress(url: string): string {
  return url.replace(/[\s()<>]/g, percentEncoded);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A post a link may name: its file, as the index knows it (see Article.file), and its address. */
export interface RefTarget {
  readonly file: string;
  readonly url?: string | undefined;
}

/** Markdown and HTML files' endings, which a ref may leave out (`ref "b"`, `post_url 2024-01-02-b`). */
const ENDING = /\.(?:md|markdown|mdx|html?)$/i;
/** A page bundle's own file: named by its folder (`ref "posts/b"`). */
const BUNDLE_INDEX = /\/_?index$/;

/**
 * Finds a post by the path a link gives, as the generators do: relative to the linking post's folder
 * (`./b.md`, `../b.md`), else as the end of a post's path (`posts/b.md`, `b`, `/posts/b`, a Jekyll
 * post's name without its folders), without its file ending, a bundle by its folder. Of several
 * posts ending so, the one nearest the linking post.
 */
export function refResolver(
  posts: readonly RefTarget[],
): (target: string, from: string) => string | undefined {
  // By the last part of their paths, without endings, a bundle by its folder's name (see bareTarget):
  // made at the first link followed, as most indexes follow none.
  let byName: Map<string, { post: RefTarget; path: string }[]> | undefined;
  const index = (): Map<string, { post: RefTarget; path: string }[]> => {
    const map = new Map<string, { post: RefTarget; path: string }[]>();
    const add = (name: string, entry: { post: RefTarget; path: string }): void => {
      const found = map.get(name);
      if (found === undefined) map.set(name, [entry]);
      else found.push(entry);
    };
    for (const post of posts) {
      if (post.url === undefined) continue;
      const path = bareTarget(post.file.toLowerCase());
      add(lastPart(path), { post, path });
      // A translation (`b.fr.md`, `index.fr.md`) by its name without its language too, as Hugo finds it.
      const untranslated = bareTarget(post.file.toLowerCase().replace(TRANSLATED, '$1'));
      if (untranslated !== path) add(lastPart(untranslated), { post, path: untranslated });
    }
    return map;
  };
  return (target, from) => {
    const hash = target.indexOf('#');
    const path = (hash === -1 ? target : target.slice(0, hash)).trim();
    const fragment = hash === -1 ? '' : target.slice(hash);
    const bare = bareTarget(path);
    const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const relative = bare.startsWith('./') || bare.startsWith('../');
    const wanted = (relative ? joinPath(folder, bare) : bare.replace(/^\/+/, '')).toLowerCase();
    if (wanted === '' || wanted.split('/').includes('..')) return undefined;
    byName ??= index();
    // The posts whose paths end with it, at a folder's edge; a relative path names the one file there.
    const candidates = (byName.get(lastPart(wanted)) ?? [])
      .filter(({ path: their }) =>
        relative ? their === wanted : their === wanted || their.endsWith(`/${wanted}`),
      )
      .map(({ post }) => post);
    const found = nearest(candidates, folder);
    return found?.url === undefined ? undefined : found.url + fragment;
  };
}

/**
 * A path without its file's ending, and a page bundle's `index` or `_index` file named by its folder
 * (`posts/b/index.md` is `posts/b`): how posts and the paths links give are compared.
 */
function bareTarget(path: string): string {
  const bare = path.replace(ENDING, '').replace(/\/+$/, '');
  return BUNDLE_INDEX.test(bare) ? bare.replace(BUNDLE_INDEX, '') : bare;
}

/** A translation's language before its file's ending (`b.fr.md`, `index.pt-br.md`). */
const TRANSLATED = /\.[a-z]{2,3}(?:-[a-z\d]{2,8})?(\.(?:md|markdown|mdx|html?))$/i;

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `folder` joined with a relative path, `..` and `.` read; `..` left where it climbs out. */
function joinPath(folder: string, path: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The post whose path shares the most folders with `folder`; the first of a tie. */
function nearest(posts: readonly RefTarget[], folder: string): RefTarget | undefined {
  if (posts.length <= 1) return posts[0];
  const mine = folder.split('/');
  let best: RefTarget | undefined;
  let bestShared = -1;
  for (const post of posts) {
    const theirs = post.file.split('/');
    let shared = 0;
    while (shared < mine.length && mine[shared] === theirs[shared]) shared++;
    if (shared > bestShared) [best, bestShared] = [post, shared];
  }
  return best;
}

/** The texts of a post's sections that may hold links. */
interface LinkedSection {
  readonly text: string;
  readonly items: readonly { readonly text: string }[];
  readonly interludes?: readonly { readonly text: string }[];
}

/** Whether a section's texts link to a post by its file (see refMark). */
export function sectionsHoldRefs(sections: Readonly<Record<string, LinkedSection | undefined>>): boolean {
  return Object.values(sections).some(
    (section) =>
      section !== undefined &&
      (holdsPageRefs(section.text) ||
        section.items.some((item) => holdsPageRefs(item.text)) ||
        (section.interludes ?? []).some((interlude) => holdsPageRefs(interlude.text))),
  );
}

/** The section with its links to posts by their files filled in (see resolvePageRefs). */
export function resolveSectionRefs<S extends LinkedSection>(
  section: S,
  addressOf: (target: string) => string | undefined,
): S {
  return {
    ...section,
    text: resolvePageRefs(section.text, addressOf),
    items: section.items.map((item) => ({ ...item, text: resolvePageRefs(item.text, addressOf) })),
    ...(section.interludes === undefined
      ? {}
      : {
          interludes: section.interludes.map((interlude) => ({
            ...interlude,
            text: resolvePageRefs(interlude.text, addressOf),
          })),
        }),
  };
}
