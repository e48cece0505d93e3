import { DEFINITION_LABEL } from './markdown.js';
import {
  afterRemovals,
  forwardSearch,
  GLUE,
  holdsMarks,
  lineBreaks,
  marked,
  removal,
  rewriteOutsideCode,
  spaceThenPunctuation,
  type Replacement,
} from './outside-code.js';
import { refMark, refTarget } from './page-refs.js';
import { tagCloseSearch } from './tag-close.js';

/** The name of a shortcode or Liquid tag (`{{< kbd >}}`, `{% raw %}`): a pair's opening one, if closed later. */
const TAG_NAME = /^\{(?:\{[<%]-?|%-?)[ \t]*([\w.-]+)/;
/** A pair's closing tag: Hugo's `{{< /kbd >}}` (or `{{% /kbd %}}`), Liquid's and Nunjucks's `{% endraw %}`. */
const CLOSING_TAG = /\{\{[<%]-?[ \t]*\/[ \t]*([\w.-]+)|\{%-?[ \t]*end([\w.-]+)/g;

/**
 * A post's text without the template tags its generator would have expanded, which Discord would
 * show as they are written: Hugo's shortcodes (`{{< name >}}`, `{{% name %}}`; the text between a
 * pair stays), Liquid's and Nunjucks's tags and outputs (`{% … %}`, `{{ … }}`, `{# … #}`; Jekyll,
 * Eleventy). `{% raw %}` keeps its text as written and `{% comment %}` drops it; `{% highlight ruby %}`
 * and Hugo's `{{< highlight go >}}` become fenced code; with `markdown`, a pair of LoveIt's and DoIt's
 * `{{< admonition tip "Title" >}}` becomes the admonition Docusaurus writes (see hugoAdmonition); Hugo's escaped shortcodes show as written
 * (`{{</* name *\/>}}` as `{{< name >}}`). Code is left as written, but for those and `{% raw %}` marks: fenced code and code
 * spans, and indented code blocks with `indentedCode` (a Markdown post's body; in MDX indented text
 * is prose). Lines keep their numbers; nothing is ever run. With `markdown` (a post's body, not a
 * summary), a tag over several lines inside a paragraph leaves it whole (see removal). With `html`
 * (a post written in HTML), a highlight is HTML's code block, `<pre><code>`, on the same lines.
 */
export function stripTemplateTags(
  text: string,
  { indentedCode = false, markdown = false, html = false } = {},
): string {
  if (!text.includes('{')) return text;
  // Where the last tag removed without a trace ended, and whether a space was before it (or before
  // the tags removed right before it): tags in a row (`a {{< x >}}{{< y >}} b`) leave one space, as one does.
  let removed = { to: -1, blankBefore: false };
  // A text holding the marks itself (it never should: control characters are dropped first) keeps its
  // spaces, and its brackets.
  const glue = !holdsMarks(text);
  const remove = (from: number, to: number): Replacement => {
    const blankBefore =
      from === removed.to ? removed.blankBefore : text[from - 1] === ' ' || text[from - 1] === '\t';
    const replaced = removal(text, from, to, { inParagraph: markdown, blankBefore });
    removed = replaced.text === '' ? { to: replaced.end, blankBefore } : { to: -1, blankBefore: false };
    // `and {{< ref "x" >}}.`: the space before the tag goes too, as the full stop would stand alone
    // (see unglued); not when the tag opens a pair whose text follows (`{{< kbd >}}.{{< /kbd >}}`).
    // Else a mark, so that brackets or quotes it leaves empty go too (`("{{< ref "x" >}}")`).
    if (!glue) return replaced;
    // Between two words (`feedback{{< sidenote >}}Situation…`), which the page shows apart (a
    // margin note, an icon), a space, so that they do not read as one.
    if (replaced.text === '' && betweenWords(text, from, replaced.end))
      return { end: replaced.end, text: ' ' };
    return replaced.text === '' &&
      spaceThenPunctuation(text, from, to, blankBefore) &&
      !opensPair(text.slice(from, to), to)
      ? { end: replaced.end, text: GLUE }
      : marked(replaced);
  };
  // Where each name's last closing tag is (`{{< /kbd >}}`, `{% endraw %}`), found at the first need.
  let closers: Map<string, number> | undefined;
  const opensPair = (tag: string, end: number): boolean => {
    const name = TAG_NAME.exec(tag)?.[1]?.toLowerCase();
    if (name === undefined) return false;
    if (closers === undefined) {
      closers = new Map();
      for (const found of text.matchAll(CLOSING_TAG)) {
        const closed = (found[1] ?? found[2] ?? '').toLowerCase();
        closers.set(closed, found.index);
      }
    }
    return (closers.get(name) ?? -1) >= end;
  };
  // A tag ends at its first closer outside the strings of its arguments (`{{< a ">}}" >}}`): Liquid's
  // and Nunjucks's are in '…' or "…", a Hugo shortcode's in "…" or `…` (see tagCloseSearch).
  const find = {
    output: tagCloseSearch(text, '}}', `"'`),
    tag: tagCloseSearch(text, '%}', `"'`),
    comment: forwardSearch(text, /#\}/),
    '<': tagCloseSearch(text, '>}}', '"`'),
    '%': tagCloseSearch(text, '%}}', '"`'),
    endraw: forwardSearch(text, /\{%-?\s*endraw\s*-?%\}/),
    endverbatim: forwardSearch(text, /\{%-?\s*endverbatim\s*-?%\}/),
    endcomment: forwardSearch(text, /\{%-?\s*endcomment\s*-?%\}/),
    endhighlight: forwardSearch(text, /\{%-?\s*endhighlight\s*-?%\}/),
    hugoEnd: {
      highlight: forwardSearch(text, /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/),
      code: forwardSearch(text, /\{\{[<%]\s*\/\s*code\s*[>%]\}\}/),
      mermaid: forwardSearch(text, /\{\{[<%]\s*\/\s*mermaid\s*[>%]\}\}/),
    },
  };
  const skipTag = (from: number): number | undefined => {
    const close = (text[from + 1] === '%' ? find.tag : find.output)(from + 2);
    return close === undefined ? undefined : close + 2;
  };
  /** A tag that writes text: at the start of a link's address, the address goes with it (see linkAddress). */
  const drop = (from: number, to: number): Replacement =>
    linkAddress(text, from, to, { markdown, skipTag }) ?? remove(from, to);
  /** The site's own address: what follows it is a path on the site, as on SITE_URL (see linkAddress). */
  const site = (from: number, to: number): Replacement =>
    linkAddress(text, from, to, {
      markdown,
      skipTag,
      site: removal(text, from, to, { inParagraph: markdown }),
    }) ?? remove(from, to);

  /**
   * A highlight tag alone on its line, and its end tag alone on a later one, as a fenced code block
   * with the language; anything else is not rewritten (undefined).
   */
  const fenced = (
    start: number,
    end: number,
    args: string,
    close: RegExpExecArray | undefined,
  ): Replacement | undefined => {
    if (close === undefined) return undefined;
    const closeEnd = close.index + close[0].length;
    if (!aloneOnLine(text, start, end) || !aloneOnLine(text, close.index, closeEnd)) return undefined;
    const bodyStart = text.indexOf('\n', end) + 1;
    const closeLine = text.lastIndexOf('\n', close.index) + 1;
    if (bodyStart === 0 || closeLine < bodyStart) return undefined;
    const body = text.slice(bodyStart, closeLine);
    // Longer than any run of backticks inside, so that none of them closes it.
    let longest = 2;
    for (const run of body.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
    const fence = '`'.repeat(longest + 1);
    const language = /^\s*["']?([\w+#.-]{1,40})/.exec(args)?.[1] ?? '';
    if (html) {
      // The line break inside the tag: one after `<code>` would be the code's first line.
      const open = `<pre><code${language === '' ? '' : ` class="language-${language}"`}\n>`;
      const code = escapeHtml(asShown(body) + text.slice(closeLine, close.index));
      return { end: closeEnd, text: `${open}${code}</code></pre>` };
    }
    return {
      end: closeEnd,
      text: `${fence}${language}\n${asShown(body)}${text.slice(closeLine, close.index)}${fence}`,
    };
  };

  // The admonitions' pairs, found at the first need: by their opening tag's start, the closing tag's.
  let admonitionPairs: Map<number, number> | undefined;
  // The closing tags of the pairs rewritten: only theirs become marker lines.
  const admonitionEnds = new Set<number>();
  /**
   * A pair's tag, each alone on its line, as an admonition's marker line (`:::tip Title`, `:::`), which
   * readAdmonitions reads as it reads Docusaurus's; anything else is not rewritten (undefined).
   */
  const admonition = (start: number, end: number, inner: string): Replacement | undefined => {
    if (!markdown || html || !aloneOnLine(text, start, end)) return undefined;
    if (/^\s*\//.test(inner)) return admonitionEnds.delete(start) ? { end, text: ':::' } : undefined;
    admonitionPairs ??= tagPairs(text, 'admonition', find);
    const close = admonitionPairs.get(start);
    if (close === undefined) return undefined;
    admonitionEnds.add(close);
    return { end, text: hugoAdmonition(inner.replace(/^\s*admonition/, '')) };
  };

  const construct = (start: number): Replacement | undefined => {
    if (text[start + 1] === '{' && (text[start + 2] === '<' || text[start + 2] === '%')) {
      // A Hugo shortcode: {{< name args >}} or {{% name args %}}.
      const kind = text[start + 2] === '<' ? '<' : '%';
      const close = find[kind](start + 3);
      if (close === undefined) return undefined;
      const end = close + 3;
      const inner = text.slice(start + 3, close);
      // Escaped (`{{</* name */>}}`): in a post's text, Hugo shows the shortcode, in prose as in code.
      if (markdown && /^\/\*[\s\S]*\*\/$/.test(inner))
        return { end, text: `{{${kind}${inner.slice(2, -2)}${kind === '<' ? '>' : '%'}}}` };
      // A closing `{{< /name >}}` has no name here.
      const name = /^\s*([\w.-]+)/.exec(inner);
      const code = name?.[1];
      if (code === 'highlight' || code === 'code' || code === 'mermaid') {
        // Shortcodes whose text is code: `highlight go`, the Terminal theme's `code language="yaml"`,
        // and a Mermaid diagram (Blowfish, Congo), shown as its source as a ```mermaid fence is.
        const args = inner.slice(name?.[0].length);
        const language =
          code === 'highlight' ? args : code === 'mermaid' ? 'mermaid' : (LANGUAGE_ARG.exec(args)?.[1] ?? '');
        const after = fenced(start, end, language, find.hugoEnd[code](end));
        if (after !== undefined) return after;
      }
      if (/^\s*\/?\s*admonition\s*(?:\s|$)/.test(inner)) {
        const after = admonition(start, end, inner);
        if (after !== undefined) return after;
      }
      return drop(start, end);
    }
    const opener = text[start + 1];
    if (opener === '#') {
      const close = find.comment(start + 2);
      return close === undefined ? undefined : remove(start, close.index + 2);
    }
    if (opener === '{') {
      const close = find.output(start + 2);
      if (close === undefined) return undefined;
      return (isSiteAddress(text, start, close + 2) ? site : drop)(start, close + 2);
    }
    if (opener !== '%') return undefined;
    const close = find.tag(start + 2);
    if (close === undefined) return undefined;
    const end = close + 2;
    const inner = text.slice(start + 2, close);
    const name = /^-?\s*(\w+)/.exec(inner);
    switch (name?.[1]) {
      case 'raw':
      case 'verbatim': {
        const endTag = find[name[1] === 'raw' ? 'endraw' : 'endverbatim'](end);
        if (endTag === undefined) break;
        return { end: endTag.index + endTag[0].length, text: text.slice(end, endTag.index) };
      }
      case 'comment': {
        const endTag = find.endcomment(end);
        if (endTag === undefined) break;
        return remove(start, endTag.index + endTag[0].length);
      }
      case 'highlight': {
        const after = fenced(start, end, inner.slice(name[0].length), find.endhighlight(end));
        if (after !== undefined) return after;
        break;
      }
    }
    return drop(start, end);
  };

  return afterRemovals(rewriteOutsideCode(text, { triggers: '{', construct, code: asShown, indentedCode }));
}

/** A Hugo shortcode's tag's closing delimiter from where its inside starts (see tagCloseSearch). */
type CloseSearch = Record<'<' | '%', (from: number) => number | undefined>;

/**
 * The pairs of the shortcode `name` whose tags are each alone on their line, the opening tag's start
 * to the closing tag's: a closing tag closes the innermost one open, as Hugo reads them. Found in one
 * walk through the text.
 */
function tagPairs(text: string, name: string, find: CloseSearch): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: { start: number; alone: boolean }[] = [];
  for (const tag of text.matchAll(new RegExp(`\\{\\{([<%])[ \\t]*(/)?[ \\t]*${name}(?![\\w.-])`, 'g'))) {
    const close = find[tag[1] === '%' ? '%' : '<'](tag.index + 3);
    if (close === undefined) continue;
    const alone = aloneOnLine(text, tag.index, close + 3);
    if (tag[2] === undefined) open.push({ start: tag.index, alone });
    else {
      const opening = open.pop();
      if (opening?.alone === true && alone) pairs.set(opening.start, tag.index);
    }
  }
  return pairs;
}

/**
 * LoveIt's, DoIt's and FixIt's admonition (`{{< admonition tip "Title" >}}`, `{{< admonition type=tip
 * title="Title" open=false >}}`) by its arguments, as Docusaurus writes one: `:::tip Title`. Its title
 * is an argument, which the page shows above the text; without one the page shows its kind's (`note`
 * unless given), as `:::tip` is read (see readAdmonitions).
 */
function hugoAdmonition(args: string): string {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const arg of args.matchAll(SHORTCODE_ARG)) {
    const value = arg[2] !== undefined ? arg[2].replace(/\\(["\\])/g, '$1') : (arg[3] ?? arg[4] ?? '');
    if (arg[1] === undefined) positional.push(value);
    else named.set(arg[1], value);
  }
  const kind = (named.size > 0 ? named.get('type') : positional[0]) ?? '';
  const title = ((named.size > 0 ? named.get('title') : positional[1]) ?? '').replace(/\s+/g, ' ').trim();
  return `:::${/^[A-Za-z][\w-]*$/.test(kind) ? kind : 'note'}${title === '' ? '' : ` ${title}`}`;
}

/** A shortcode's `language="yaml"` (or `lang=`): the language's name. */
const LANGUAGE_ARG = /(?:^|\s)(?:language|lang)\s*=\s*["'`]?([\w+#.-]{1,40})/;

/** A shortcode's argument: its name, if named (`title=`), and its value, in `"…"`, in `` `…` `` or bare. */
const SHORTCODE_ARG = /(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g;

/**
 * Whether a letter or digit is on each side of `from`–`to`, but between two of scripts written
 * without spaces (Chinese, Japanese), which keep none.
 */
function betweenWords(text: string, from: number, to: number): boolean {
  const before = /[\p{L}\p{N}]$/u.exec(text.slice(Math.max(0, from - 2), from))?.[0];
  const after = /^[\p{L}\p{N}]/u.exec(text.slice(to, to + 2))?.[0];
  return before !== undefined && after !== undefined && !(UNSPACED.test(before) && UNSPACED.test(after));
}

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Jekyll's `site.url` and `site.baseurl`, whose address is the site's: SITE_URL. */
const SITE_ADDRESS = /^-?\s*site\.(?:url|baseurl)\s*-?$/;

/** Whether the tag from `from` to `to` is `{{ site.url }}` or `{{ site.baseurl }}`. */
function isSiteAddress(text: string, from: number, to: number): boolean {
  return text[from + 1] === '{' && SITE_ADDRESS.test(text.slice(from + 2, to - 2));
}

/** A tag's start and end. */
type Span = readonly [from: number, to: number];

/** Where a tag starting at `from` (`{{`, `{%`) ends, or undefined when it is not one. */
type TagSkipper = (from: number) => number | undefined;

/**
 * A tag starting a link's address (`[bug]({{ site.repository }}/issues/1)`, a reference
 * definition's `[post]: {% post_url x %}`) with the rest of the address: the generator writes an
 * address there that the bot cannot know, and what follows the tag (`/issues/1`) would make a page
 * of SITE_URL that is not there. The link is left with an empty address (`<>` where one must be
 * written: a definition's, one before a title), which keeps its text (see resolveLinks). Line
 * breaks stay: after a link's `)` as an HTML comment, which a message never shows (a blank line
 * would end the paragraph). Undefined elsewhere.
 *
 * With `site`, the tag is the site's own address (`{{ site.baseurl }}`, removed as `site` says): the
 * path after it stays, on SITE_URL, unless another tag writes part of it (`/tags/{{ tag }}/`).
 */
function linkAddress(
  text: string,
  from: number,
  to: number,
  { markdown, skipTag, site }: { markdown: boolean; skipTag: TagSkipper; site?: Replacement },
): Replacement | undefined {
  let at = from - 1;
  const angled = text[at] === '<';
  if (angled) at--;
  while (text[at] === ' ' || text[at] === '\t') at--;
  const inline = text[at] === '(' && text[at - 1] === ']';
  if (!inline && !(text[at] === ':' && definitionLabel(text, at))) return undefined;
  const tags: Span[] = [];
  let end = addressEnd(text, to, angled, skipTag, tags);
  // A link to another post by its file (`{{< ref "b.md" >}}`, `{% post_url 2024-01-02-b %}`, a
  // `#part` after it; Jekyll's docs write the site's own address before it, `{{ site.baseurl }}`, which
  // the post's holds): marked, for the index to fill in with that post's address (see refMark).
  const spans: Span[] = [[from, to], ...tags];
  const [refFrom, refTo] = spans[spans.length - 1] ?? [from, to];
  const target = refTarget(text.slice(refFrom, refTo));
  const rest = text.slice(refTo, end);
  if (
    target !== undefined &&
    spans.slice(0, -1).every(([tag, tagEnd]) => isSiteAddress(text, tag, tagEnd)) &&
    spans.every((span, i) => i === 0 || span[0] === spans[i - 1]?.[1]) &&
    (rest === '' || REF_FRAGMENT.test(rest)) &&
    !text.slice(from, end).includes('\n')
  )
    return { end, text: refMark(target + rest) };
  if (site !== undefined && tags.every(([tag, tagEnd]) => isSiteAddress(text, tag, tagEnd))) {
    // The whole address is written here, once: else each `]({{ site.url }}` in a long one would read it again.
    let path = site.text;
    let kept = site.end;
    for (const [tag, tagEnd] of tags) {
      path += text.slice(kept, tag) + lineBreaks(text, tag, tagEnd);
      kept = tagEnd;
    }
    return { end: Math.max(end, kept), text: path + text.slice(kept, end) };
  }
  let after = end;
  if (inline && !angled) {
    // Past the white space (one line break at most) after the address: a `)`, a title, or more of
    // an address broken by the tag's text (`[a]({{ x }}\n/y)`), which goes too.
    after = skipSpace(text, end);
    if (after > end && !')"\'('.includes(text[after] ?? ')')) {
      const more = addressEnd(text, after, false, skipTag);
      if (text[more] === ')') end = after = more;
    }
  }
  const breaks = lineBreaks(text, from, end);
  // An empty address before a title (`( "Title")`) would take the title for the address.
  const empty = angled || (inline && !'"\'('.includes(text[after] ?? ')')) ? '' : '<>';
  if (inline && breaks !== '' && markdown && text[end] === ')')
    return { end: end + 1, text: `)<!--${breaks.replaceAll('\n', '\nx')}-->` };
  return { end, text: empty + breaks };
}

/** The part of a page a link names after its address: `#why`. */
const REF_FRAGMENT = /^#[^\s#]*$/;

/** Past the spaces and tabs from `from`, and one line break among them. */
function skipSpace(text: string, from: number): number {
  let i = from;
  let lineBreak = false;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' && !lineBreak) lineBreak = true;
    else if (char !== ' ' && char !== '\t') break;
  }
  return i;
}

/** Whether the `:` at `colon` ends a reference definition's label, `[name]:` opening its line. */
function definitionLabel(text: string, colon: number): boolean {
  if (text[colon - 1] !== ']') return false;
  // A label has at most 999 characters: a line start longer than the longest is none, and is not
  // searched for its line break (a long line of `]: {{ x }}` would be searched again and again).
  const from = Math.max(0, colon - 1004);
  const window = text.slice(from, colon + 1);
  const lineBreak = window.lastIndexOf('\n');
  if (lineBreak === -1 && from > 0 && text[from - 1] !== '\n') return false;
  const lineStart = window.slice(lineBreak + 1);
  return DEFINITION_LABEL.exec(lineStart)?.[0].length === lineStart.length;
}

/**
 * Where the rest of an address from `from` ends: at `>` in `<…>`; else at white space, or a `)` that
 * closes none opened in it. Tags in it are passed over whole, their starts and ends added to `tags`.
 */
function addressEnd(
  text: string,
  from: number,
  angled: boolean,
  skipTag: TagSkipper,
  tags: Span[] = [],
): number {
  let level = 0;
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (angled ? char === '>' || char === '<' || char === '\n' : /\s/.test(char ?? '')) break;
    if (char === '{' && (text[i + 1] === '{' || text[i + 1] === '%')) {
      const tagEnd = skipTag(i);
      if (tagEnd !== undefined) {
        tags.push([i, tagEnd]);
        i = tagEnd;
        continue;
      }
    }
    if (char === '\\') i++;
    else if (!angled && char === '(') level++;
    else if (!angled && char === ')') {
      if (level === 0) break;
      level--;
    }
    i++;
  }
  return Math.min(i, text.length);
}

/** Hugo's escaped shortcode, as it shows in code. */
const HUGO_ESCAPE = /\{\{([<%])\/\*|\*\/([>%])\}\}/g;
/** Liquid's and Nunjucks's marks of text to keep as written. */
const RAW_MARK = /\{%-?[ \t]*(?:end)?(?:raw|verbatim)[ \t]*-?%\}/g;

/** Text as HTML shows it as written: `<`, `>` and `&` escaped. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Code as the blog shows it. */
function asShown(code: string): string {
  if (!code.includes('/*') && !code.includes('{%')) return code;
  return code
    .replace(HUGO_ESCAPE, (_, open: string | undefined, close: string | undefined) =>
      open === undefined ? `${close ?? ''}}}` : `{{${open}`,
    )
    .replace(RAW_MARK, '');
}

/** Whether only spaces share the line with `from`–`to`. */
function aloneOnLine(text: string, from: number, to: number): boolean {
  let before = from - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = to;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  return (before < 0 || text[before] === '\n') && (after === text.length || text[after] === '\n');
}
