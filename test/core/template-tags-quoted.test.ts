import { describe, expect, it } from 'vitest';
import { stripTemplateTags } from '../../src/core/template-tags.js';
import { tagCloseSearch } from '../../src/core/tag-close.js';
import { growth, LINEAR } from './growth.js';

const lines = (text: string): number => text.split('\n').length;
const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });

describe('stripTemplateTags, quoted arguments', () => {
  it('GIVEN a quoted argument holding the closing mark THEN the tag goes whole, nothing of it left', () => {
    const tags = [
      'a {{< a ">}}" >}} b',
      'a {{% a "%}}" %}} b',
      'a {{< a `>}}` >}} b',
      'a {% include x.html a="%}" %} b',
      'a {{ "}}" | upcase }} b',
      "a {{ '}}' | upcase }} b",
      `a {{ "a" | append: '}}' }} b`,
      'a {{ "say \\"}}\\"" }} b',
      'a {{< a ">}}" "{{< b >}}" >}} b',
    ];
    for (const tag of tags) expect(strip(tag)).toBe('a b');
    expect(strip('{{< note title=">}}" >}}Keep **this**{{< /note >}}')).toBe('Keep **this**');
    // A link to a post by its file, marked with the whole path it names (see refMark).
    expect(strip('[a]({% link "a%}b" %}) c')).toBe('[a](x-post-ref:a%25%7Db) c');
  });

  it("GIVEN an apostrophe in a word (it's) THEN it opens no string, and the tag ends at its first closing mark", () => {
    expect(strip("{{ it's }} and don't {{ x }} end")).toBe(" and don't end");
    expect(strip('a {{ x }}"}}" b')).toBe('a "}}" b');
  });

  it('GIVEN a quote that does not close in its paragraph THEN it is a character: the tag ends at its first closing mark, the rest is kept', () => {
    expect(strip('a {{< a "open >}} b\n\nmore {{ x }} c "d"')).toBe('a b\n\nmore c "d"');
    // Closed only past a blank line: no string.
    expect(strip('a {{< a "x >}} b\n\n"c" >}} d')).toBe('a b\n\n"c" >}} d');
    // A string that closes, then a close only past a blank line: the first closing mark, as before.
    expect(strip('a {% a "%}" x\n\ny %} b')).toBe('a " x\n\ny %} b');
    // No closing mark outside strings at all: the first one.
    expect(strip('a {{ "}}" b')).toBe('a " b');
  });

  it('GIVEN other shapes (in a row, self-closing, no spaces, trim marks, over lines, in a link or heading, an orphan close) THEN nothing of them shows', () => {
    expect(strip('a {{< a >}}{{< b >}} b')).toBe('a b');
    expect(strip('a {{ x }}{% y %}{# z #} b')).toBe('a b');
    expect(strip('a {{< a />}} {{<a>}} {{- x -}} {%- y -%} {{< /a >}} b')).toBe('a b');
    expect(strip('[link {{< a ">}}" >}}](https://example.com) after')).toBe(
      '[link](https://example.com) after',
    );
    expect(strip('# Head {{% a "%}}" %}}\n\ntext')).toBe('# Head \n\ntext');
    const over = '- item {{< a "x\n  >}}" >}}\n- next';
    expect(strip(over)).toBe('- item <!--\nx-->\n- next');
    expect(lines(strip(over))).toBe(lines(over));
  });

  it('GIVEN raw text, code and highlight blocks with quoted closing marks THEN they are kept as before', () => {
    expect(strip('{% raw %}{{ "}}" }}{% endraw %} {{ "}}" }}')).toBe('{{ "}}" }} ');
    expect(strip('`{{< a ">}}" >}}` code')).toBe('`{{< a ">}}" >}}` code');
    expect(strip('```\n{{< a ">}}" >}}\n```\n{{ "}}" }}')).toBe('```\n{{< a ">}}" >}}\n```\n');
    expect(strip('{% highlight "ruby" %}\nx = "%}"\n{% endhighlight %}')).toBe('```ruby\nx = "%}"\n```');
  });
});

describe('tagCloseSearch', () => {
  it('GIVEN tags asked in any order THEN each answer is where its own tag closes', () => {
    const text = '{{ "}}" }} {{ x }} {{ \'a\' }}';
    const search = tagCloseSearch(text, '}}', `"'`);
    expect(search(text.lastIndexOf('{{') + 2)).toBe(text.length - 2);
    expect(search(2)).toBe(8);
    // From inside the first tag's string, its quote is behind: the string's `}}` closes.
    expect(search(4)).toBe(4);
    expect(search(text.length)).toBeUndefined();
  });

  it('GIVEN a megabyte of quotes, strings holding closing marks, and openings that never close THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '{{ "}}" '.repeat(size / 8),
      (size: number) => '{{< ">}}" `'.repeat(size / 11),
      (size: number) => `{{ ${`"'`.repeat(size / 2)}`,
      (size: number) => "{{ it's ".repeat(size / 8),
      (size: number) => `{{ "${'\\" }} '.repeat(size / 6)}`,
      (size: number) => '{% a "%}\n\n" '.repeat(size / 11),
      (size: number) => '{{ "{{ \''.repeat(size / 6),
    ];
    for (const input of inputs) expect(growth((text) => stripTemplateTags(text), input)).toBeLessThan(LINEAR);
  });
});
