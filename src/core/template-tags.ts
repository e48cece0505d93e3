import { forwardSearch, removal, rewriteOutsideCode, type Replacement } from './outside-code.js';

/**
 * A post's text without the template tags its generator would have expanded, which Discord would
 * show as they are written: Hugo's shortcodes (`{{< name >}}`, `{{% name %}}`; the text between a
 * pair stays), Liquid's and Nunjucks's tags and outputs (`{% … %}`, `{{ … }}`, `{# … #}`; Jekyll,
 * Eleventy). `{% raw %}` keeps its text as written and `{% comment %}` drops it; `{% highlight ruby %}`
 * and Hugo's `{{< highlight go >}}` become fenced code. Code is left as written, but for Hugo's escaped
 * shortcodes (`{{</* name *\/>}}` shows as `{{< name >}}`) and `{% raw %}` marks: fenced code and code
 * spans, and indented code blocks with `indentedCode` (a Markdown post's body; in MDX indented text
 * is prose). Lines keep their numbers; nothing is ever run. With `markdown` (a post's body, not a
 * summary), a tag over several lines inside a paragraph leaves it whole (see removal).
 */
export function stripTemplateTags(text: string, { indentedCode = false, markdown = false } = {}): string {
  if (!text.includes('{')) return text;
  const remove = (from: number, to: number): Replacement =>
    removal(text, from, to, { inParagraph: markdown });
  const find = {
    output: forwardSearch(text, /\}\}/),
    tag: forwardSearch(text, /%\}/),
    comment: forwardSearch(text, /#\}/),
    '<': forwardSearch(text, />\}\}/),
    '%': forwardSearch(text, /%\}\}/),
    endraw: forwardSearch(text, /\{%-?\s*endraw\s*-?%\}/),
    endverbatim: forwardSearch(text, /\{%-?\s*endverbatim\s*-?%\}/),
    endcomment: forwardSearch(text, /\{%-?\s*endcomment\s*-?%\}/),
    endhighlight: forwardSearch(text, /\{%-?\s*endhighlight\s*-?%\}/),
    hugoEndHighlight: forwardSearch(text, /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/),
  };

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
    return {
      end: closeEnd,
      text: `${fence}${language}\n${asShown(body)}${text.slice(closeLine, close.index)}${fence}`,
    };
  };

  const construct = (start: number): Replacement | undefined => {
    if (text[start + 1] === '{' && (text[start + 2] === '<' || text[start + 2] === '%')) {
      // A Hugo shortcode: {{< name args >}} or {{% name args %}}.
      const kind = text[start + 2] === '<' ? '<' : '%';
      const close = find[kind](start + 3);
      if (close === undefined) return undefined;
      const end = close.index + close[0].length;
      const inner = text.slice(start + 3, close.index);
      // A closing `{{< /name >}}`, and the escaped `{{</* name */>}}` that shows one in code, have no name here.
      const name = /^\s*([\w.-]+)/.exec(inner);
      if (name?.[1] === 'highlight') {
        const after = fenced(start, end, inner.slice(name[0].length), find.hugoEndHighlight(end));
        if (after !== undefined) return after;
      }
      return remove(start, end);
    }
    const opener = text[start + 1];
    if (opener === '{' || opener === '#') {
      const close = (opener === '{' ? find.output : find.comment)(start + 2);
      return close === undefined ? undefined : remove(start, close.index + 2);
    }
    if (opener !== '%') return undefined;
    const close = find.tag(start + 2);
    if (close === undefined) return undefined;
    const end = close.index + 2;
    const inner = text.slice(start + 2, close.index);
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
    return remove(start, end);
  };

  return rewriteOutsideCode(text, { triggers: '{', construct, code: asShown, indentedCode });
}

/** Hugo's escaped shortcode, as it shows in code. */
const HUGO_ESCAPE = /\{\{([<%])\/\*|\*\/([>%])\}\}/g;
/** Liquid's and Nunjucks's marks of text to keep as written. */
const RAW_MARK = /\{%-?[ \t]*(?:end)?(?:raw|verbatim)[ \t]*-?%\}/g;

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
