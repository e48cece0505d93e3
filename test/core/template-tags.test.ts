import { describe, expect, it } from 'vitest';
import { stripTemplateTags } from '../../src/core/template-tags.js';
import { growth, LINEAR } from './growth.js';

const lines = (text: string): number => text.split('\n').length;

describe('stripTemplateTags', () => {
  it('GIVEN Hugo shortcodes THEN the tags go and the text between a pair stays', () => {
    expect(stripTemplateTags('See {{< youtube w7Ft2ymGmfc >}} or {{< figure src="a.png" />}}.')).toBe(
      'See or.',
    );
    expect(stripTemplateTags('{{< note >}}Keep **this**{{< /note >}}')).toBe('Keep **this**');
    expect(stripTemplateTags('{{% notice tip "Title" %}}\n*Markdown* here\n{{% /notice %}}')).toBe(
      '\n*Markdown* here\n',
    );
    expect(stripTemplateTags('A {{< figure\n  src="a.png"\n  caption="b" >}}\nafter')).toBe('A \n\n\nafter');
  });

  it('GIVEN a tag between two words (a margin note, an icon) THEN a space parts them, but in Chinese or Japanese', () => {
    expect(
      stripTemplateTags('for feedback{{< sidenote >}}Situation, Behavior, Impact{{< /sidenote >}}.'),
    ).toBe('for feedback Situation, Behavior, Impact.');
    expect(stripTemplateTags('Ship{{< icon "rocket" >}}fast, v{{ version }}.0')).toBe('Ship fast, v.0');
    expect(stripTemplateTags('中文{{< x >}}中文')).toBe('中文中文');
  });

  it('GIVEN Liquid and Nunjucks tags and outputs THEN they go, leaving no double space', () => {
    expect(
      stripTemplateTags('Use {{ site.url }} here, {%- include toc.html -%} there {# a note #}and {{- x -}}.'),
    ).toBe('Use here, there and.');
    expect(stripTemplateTags('[About]({{ site.baseurl }}/about/)')).toBe('[About](/about/)');
    expect(stripTemplateTags('{% if page.tips %}\n- **Tip:** do it\n{% endif %}')).toBe(
      '\n- **Tip:** do it\n',
    );
  });

  it('GIVEN a tag between a space and punctuation THEN the space goes with it, no space before the punctuation', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(strip('Read this and {{< ref "x" >}}.')).toBe('Read this and.');
    expect(stripTemplateTags('Read this and {{< ref "x" >}}.')).toBe('Read this and.');
    // Tags in a row, apart or together, and each closing mark.
    expect(
      strip('a {{< x >}} {{< y >}}. b {{ x }}{% y %}, c {# z #}; d {{% e %}}: f {{ g }}! h {{ i }}? j'),
    ).toBe('a. b, c; d: f! h? j');
    expect(strip('(see {{< x >}}) [a {{ y }}] 文字 {{< z >}}。')).toBe('(see) [a] 文字。');
    // After an opening bracket, the space after the tag goes: none opens the brackets.
    expect(strip('({{< icon >}} optional) and [{{ x }} text](/a)')).toBe('(optional) and [text](/a)');
    // Punctuation written after a space keeps it; indentation stays; code is as written.
    expect(strip('a {{< x >}} ; b\n  {{< y >}}.\n`c {{< z >}}.` d {{< w >}}.')).toBe(
      'a ; b\n  .\n`c {{< z >}}.` d.',
    );
    expect(strip('```\ne {{< x >}}.\n```\n\n    f {{< y >}}.')).toBe(
      '```\ne {{< x >}}.\n```\n\n    f {{< y >}}.',
    );
    // A tag over several lines in a paragraph leaves its lines, and the space, as before.
    expect(strip('g {{< x\n y >}}.')).toBe('g <!--\nx-->.');
    // A pair's opening tag before its own text keeps the space: the text is the pair's.
    expect(
      strip('Use {{< kbd >}}.{{< /kbd >}} to repeat, {% raw %}.x{% endraw %} or {{% KBD %}}?{{% /kbd %}}'),
    ).toBe('Use . to repeat, .x or ?');
    // A block's marks keep the space after them: the line stays a heading, an item.
    expect(strip('## {{< icon "rocket" >}}: Launch\n\n- {{ page.author }}, 2024\n> 1. {{< x >}}.')).toBe(
      '## : Launch\n\n- , 2024\n> 1. .',
    );
  });

  // As jekyllrb.com's news posts write them: the site makes https://github.com/jekyll/jekyll/issues/1794 of the first.
  it('GIVEN a link whose address starts with a template tag THEN the address goes whole, the link keeps its text', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(strip('A [critical bug]({{ site.repository }}/issues/1794) fixed.')).toBe(
      'A [critical bug]() fixed.',
    );
    expect(strip('[c](<{{ x }}/c d>) [d]({% link _posts/x.md %}/more)')).toBe('[c](<>) [d]()');
    // Tags later in the address are passed over whole; a title stays a title.
    expect(strip('[a]({{ site.repository }}/{{ page.id }}/b(c) "Title") after')).toBe(
      '[a](<> "Title") after',
    );
    // The site's own address is SITE_URL: what follows it is a path on the site.
    expect(strip('[b]({{site.url}}{{ site.baseurl }}/blog/b/)')).toBe('[b](/blog/b/)');
  });

  // Hugo and Jekyll write the address of the post they name: the index knows it (see resolvePageRefs).
  it('GIVEN a link whose whole address is a ref to another post (ref, relref, post_url, link) THEN it is marked with the path it names', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(
      strip(
        '[a]({% link _posts/x.md %}#part) [b]({{< ref "x" >}}) [c]({{% relref `/posts/c (1).md` %}}) [d](<{{< ref "d" >}}>) [e]({% post_url 2024-01-02-e %} "T")',
      ),
    ).toBe(
      '[a](x-post-ref:_posts%2Fx.md%23part) [b](x-post-ref:x) [c](x-post-ref:%2Fposts%2Fc%20%281%29.md) [d](<x-post-ref:d>) [e](x-post-ref:2024-01-02-e "T")',
    );
    // After the site's own address, as Jekyll's docs write it: the post's address holds it.
    expect(
      strip(
        '[a]({{ site.baseurl }}{% post_url 2024-01-02-a %}) [b]({{ site.url }}{{ site.baseurl }}{% link _posts/b.md %}#x) [c]({{ site.baseurl }}/x/{% post_url c %})',
      ),
    ).toBe('[a](x-post-ref:2024-01-02-a) [b](x-post-ref:_posts%2Fb.md%23x) [c]()');
    // A ref to the page itself, or with more of an address after it, or over two lines: no post to name.
    expect(strip('[f]({{< ref "#why" >}}) [g]({{< ref "g" >}}/x) [h]({{< ref\n"h" >}})')).toBe(
      '[f]() [g]() [h]()<!--\nx-->',
    );
  });

  it("GIVEN the site's own address, then a tag later in the path THEN the address goes whole, the link keeps its text", () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(
      strip('[t]({{ site.baseurl }}/tags/{{ tag }}/x) and [p]({{ site.url }}/posts/{% post_url x %})'),
    ).toBe('[t]() and [p]()');
    expect(strip('[r]: {{ site.url }}/{{ page.slug }}/ "Title"\n[s]: {{ site.url }}/s/')).toBe(
      '[r]: <> "Title"\n[s]: /s/',
    );
  });

  // Expanded, the address would be broken at the white space: no link on the site either, but its text is what was meant.
  it('GIVEN white space after a tag that starts a link address THEN no raw "<>" shows', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(strip('Intro [a](  {{ x }}\n/y) end.')).toBe('Intro [a](  )<!--\nx--> end.');
    expect(strip('[a]({{ x }} /y) [b]({{ x }}\n) [c]({{ x }} "T") [d]({{ x }}')).toBe(
      '[a]() [b](\n) [c](<> "T") [d](',
    );
    expect(stripTemplateTags('Intro [a](  {{ x }}\n/y) end.')).toBe('Intro [a](  \n) end.');
  });

  it('GIVEN a reference definition whose address is, or starts with, a template tag THEN its address is empty', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(
      strip(
        '[we released Jekyll 1.0.0][jekyll-1].\n\n[jekyll-1]: {% post_url 2013-05-06-jekyll-1-0-0-released %}\n' +
          '[#2633]: {{ site.repository }}/issues/2633 "Issue"\n   [r]: <{{ x }}/y>',
      ),
    ).toBe(
      '[we released Jekyll 1.0.0][jekyll-1].\n\n[jekyll-1]: x-post-ref:2013-05-06-jekyll-1-0-0-released\n[#2633]: <> "Issue"\n   [r]: <>',
    );
    // Not a definition: a footnote, text before the label, a colon in a sentence, a blank label.
    expect(strip('[^1]: {{ a }}/x\nsee [a]: {{ b }}/y\nWhy: {{ c }}/z\n[ ]: {{ d }}/w')).toBe(
      '[^1]: /x\nsee [a]: /y\nWhy: /z\n[ ]: /w',
    );
  });

  it('GIVEN a tag over two lines starting a link address THEN the link keeps its text, the item its lines', () => {
    const source =
      '- non-zero exit codes ([#1338]({{ site.repository\n}}/issues/1338))\n- the [strange bug]({{ x\n\n}}/1) here';
    const stripped = stripTemplateTags(source, { indentedCode: true, markdown: true });
    expect(stripped).toBe(
      '- non-zero exit codes ([#1338]()<!--\nx-->)\n- the [strange bug]()<!--\nx\nx--> here',
    );
    expect(lines(stripped)).toBe(lines(source));
  });

  it('GIVEN {% raw %} THEN its text is kept as written, tags and all', () => {
    expect(stripTemplateTags('{% raw %}Show {{ page.title }} and {% if %}{% endraw %} then {{ x }}')).toBe(
      'Show {{ page.title }} and {% if %} then ',
    );
    expect(stripTemplateTags('{% verbatim %}{{ kept }}{%- endverbatim %}')).toBe('{{ kept }}');
  });

  it('GIVEN {% comment %} THEN its text goes, line breaks kept, even a fence inside it', () => {
    expect(stripTemplateTags('a\n{% comment %}\nsecret {{ x }}\n```\n{% endcomment %}\nb {{ y }}')).toBe(
      'a\n\n\n\n\nb ',
    );
  });

  it('GIVEN a highlight block (Jekyll, Eleventy, Hugo) THEN it is fenced code with its language, kept as written', () => {
    expect(
      stripTemplateTags(
        '{% highlight ruby linenos %}\ndef a\n  "{{ x }}"\nend\n{% endhighlight %}\nafter {{ y }}',
      ),
    ).toBe('```ruby\ndef a\n  "{{ x }}"\nend\n```\nafter ');
    expect(stripTemplateTags('{% highlight "js 1,3" %}\nlet fence = "```";\n{% endhighlight %}')).toBe(
      '````js\nlet fence = "```";\n````',
    );
    expect(
      stripTemplateTags('  {{< highlight go "linenos=table" >}}\nfunc main() {}\n  {{< / highlight >}}'),
    ).toBe('  ```go\nfunc main() {}\n  ```');
    // Not alone on its lines: there is no block to make, and only the tags go.
    expect(stripTemplateTags('Run {% highlight sh %}ls{% endhighlight %} now')).toBe('Run ls now');
  });

  it("GIVEN Hugo themes' code shortcodes (Terminal's `code`, Blowfish's `mermaid`) THEN fenced code, as `highlight`", () => {
    expect(
      stripTemplateTags(
        '{{< code language="yaml" title="Checklist" isCollapsed="true" >}}\n- declare severity\n{{< /code >}}',
      ),
    ).toBe('```yaml\n- declare severity\n```');
    expect(stripTemplateTags('{{< mermaid >}}\ngraph TD; A-->B;\n{{< /mermaid >}}')).toBe(
      '```mermaid\ngraph TD; A-->B;\n```',
    );
    // Without a language, code all the same; a closing tag of another shortcode closes none.
    expect(stripTemplateTags('{{< code >}}\nls\n{{< /code >}}')).toBe('```\nls\n```');
    expect(stripTemplateTags('{{< code >}}\nls\n{{< /highlight >}}')).toBe('\nls\n');
  });

  it("GIVEN LoveIt's admonition pairs in a post's body, each tag alone on its line THEN Docusaurus's marker lines, with the title; elsewhere only the tags go, as before", () => {
    const body = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    // Its arguments by position or by name, in `{{< >}}` or `{{% %}}`; a title with a quote in it.
    expect(body('{{< admonition tip "Tip 1: Say \\"no\\"" false >}}\nText.\n{{< /admonition >}}')).toBe(
      ':::tip Tip 1: Say "no"\nText.\n:::',
    );
    expect(
      body('{{% admonition type=warning title=`Mind  the gap` open=true %}}\nText.\n{{% /admonition %}}'),
    ).toBe(':::warning Mind the gap\nText.\n:::');
    // Without a title, or a kind: the page shows the kind's (`note` unless given).
    expect(
      body(
        '{{< admonition >}}\nA.\n{{< /admonition >}}\n  {{< admonition tip >}}\n  B.\n  {{< /admonition >}}',
      ),
    ).toBe(':::note\nA.\n:::\n  :::tip\n  B.\n  :::');
    // Nested pairs, each its own.
    expect(
      body(
        '{{< admonition info "Out" >}}\n{{< admonition tip "In" >}}\nx\n{{< /admonition >}}\n{{< /admonition >}}',
      ),
    ).toBe(':::info Out\n:::tip In\nx\n:::\n:::');
    // A tag not alone on its line, one without its pair, one in code: only the tags go, as before.
    expect(body('{{< admonition tip "T" >}}Text.{{< /admonition >}}')).toBe('Text.');
    expect(body('{{< admonition tip "T" >}}\nText. {{< /admonition >}}')).toBe('\nText. ');
    expect(body('{{< admonition tip "T" >}}\nText.')).toBe('\nText.');
    expect(body('Text.\n{{< /admonition >}}')).toBe('Text.\n');
    expect(body('```\n{{< admonition tip "T" >}}\n```\n{{< /admonition >}}')).toBe(
      '```\n{{< admonition tip "T" >}}\n```\n',
    );
    // A summary, or a post written in HTML, shows no admonition's markers.
    const pair = '{{< admonition tip "T" >}}\nText.\n{{< /admonition >}}';
    expect(stripTemplateTags(pair)).toBe('\nText.\n');
    expect(stripTemplateTags(pair, { html: true, markdown: true })).toBe('\nText.\n');
    // A shortcode named otherwise keeps its text only.
    expect(body('{{< admonitions tip "T" >}}\nText.\n{{< /admonitions >}}')).toBe('\nText.\n');
  });

  it("GIVEN an escaped shortcode in a post's text THEN it shows, as Hugo shows it; in a summary of the front matter, which Hugo shows as written, it is left out", () => {
    const text = 'Write {{</* figure src="x" */>}} or {{%/* note */%}}; {{< note >}} is nothing.';
    expect(stripTemplateTags(text, { markdown: true })).toBe(
      'Write {{< figure src="x" >}} or {{% note %}}; is nothing.',
    );
    expect(stripTemplateTags(text)).toBe('Write or; is nothing.');
  });

  it('GIVEN code THEN it is left as written, but Hugo shortcodes escaped to be shown and raw marks', () => {
    const source = [
      'Write `{{</* note */>}}` or `{{ page.title }}`; outside code {{</* note */>}} is nothing.',
      '```go-html-template',
      '{{</* note */>}}text{{%/* /note */%}}',
      '{{ .Title }} {% if x %}',
      '```',
      '- ~~~',
      '  {{ in a list }}',
      '  ~~~',
      '```liquid',
      '{% raw %}{{ page.title }}{% endraw %}',
      '```',
      'after {{ gone }}',
    ].join('\n');
    expect(stripTemplateTags(source)).toBe(
      [
        'Write `{{< note >}}` or `{{ page.title }}`; outside code is nothing.',
        '```go-html-template',
        '{{< note >}}text{{% /note %}}',
        '{{ .Title }} {% if x %}',
        '```',
        '- ~~~',
        '  {{ in a list }}',
        '  ~~~',
        '```liquid',
        '{{ page.title }}',
        '```',
        'after ',
      ].join('\n'),
    );
  });

  it('GIVEN indented code, with indentedCode (Markdown) THEN it is left as written as fenced code is, wherever CommonMark reads code', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true });
    // Four spaces or a tab in, after a blank line or at the start, and the lines as far in after it.
    expect(strip('Text\n\n    {{ page.title }} {% if x %}\n\n\t{{</* note */>}}\n\nafter {{ y }}')).toBe(
      'Text\n\n    {{ page.title }} {% if x %}\n\n\t{{< note >}}\n\nafter ',
    );
    expect(strip('    {{ kept }}\n  {{ gone }}')).toBe('    {{ kept }}\n  ');
    // Four spaces in, a fence is a line of code, and so is what it would have fenced.
    expect(strip('\n    ```\n    {{ kept }}\n    ```\n{{ gone }}')).toBe(
      '\n    ```\n    {{ kept }}\n    ```\n',
    );
    // In a list item, code is four columns past the item's text.
    expect(strip('- a\n  - b\n\n        {{ kept }}\n\n      {{ gone }}\n\n1.  c\n\n        {{ kept }}')).toBe(
      '- a\n  - b\n\n        {{ kept }}\n\n      \n\n1.  c\n\n        {{ kept }}',
    );
    // Out of the list, after a blank line, four in is code again.
    expect(strip('- a\n\nText\n\n    {{ kept }}')).toBe('- a\n\nText\n\n    {{ kept }}');
  });

  it("GIVEN indented text that is no code (a paragraph's next line, a list item's paragraph), or no indentedCode (MDX, a summary) THEN its tags go", () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true });
    expect(strip('Text\n    {{ gone }}')).toBe('Text\n    ');
    expect(strip('- item\n\n    {{ gone }}')).toBe('- item\n\n    ');
    expect(strip('1. step\n\n    {{ gone }}\n2. next\n    {{ gone }}')).toBe(
      '1. step\n\n    \n2. next\n    ',
    );
    // Where it cannot tell, it takes the line for text: a quote, the line after a heading.
    expect(strip('> quote\n>\n>     {{ gone }}\n# H\n    {{ gone }}')).toBe('> quote\n>\n>     \n# H\n    ');
    expect(stripTemplateTags('Text\n\n    {{ gone }}')).toBe('Text\n\n    ');
  });

  it('GIVEN an opening without its end, or no tags at all THEN the text is kept as written', () => {
    for (const text of [
      'no close {{ here, {% there, {{< nor >}here, {# nor',
      'Sets {a, b} and {%} and { {x} }',
      '',
    ])
      expect(stripTemplateTags(text)).toBe(text);
    // Only the tag goes: Jekyll would refuse the post.
    expect(stripTemplateTags('{% raw %} never ended {{ x }}')).toBe(' never ended ');
  });

  it('GIVEN any of it THEN every line keeps its number', () => {
    const source = [
      'one {{< a\nb >}}',
      '{% comment %}\n\n{% endcomment %}',
      '{% highlight x %}\n1\n2\n{% endhighlight %}',
      '{% raw %}\n{{ x\n}}{% endraw %}',
      '{{ y\n}} {# z\n#}',
    ].join('\nline\n');
    expect(lines(stripTemplateTags(source))).toBe(lines(source));
  });

  it('GIVEN brackets or quotes that held only a tag THEN they go with it, one space with them; those written empty, in code, or of a link stay', () => {
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true, markdown: true });
    expect(strip('- Markdown tip ({{< icon "x" >}}) here')).toBe('- Markdown tip here');
    expect(strip('See ("{{< ref "x.md" >}}") and [{{ x }}] or “{% include y %}”, then ({{ a }}).')).toBe(
      'See and or, then.',
    );
    // Nested, with blanks inside, and a pair of tags with nothing between.
    expect(
      strip('Nested (“{{ x }}”) one, ( {{ x }} ) two, « {{ x }} » three ({{< kbd >}}{{< /kbd >}})'),
    ).toBe('Nested one, two, three');
    expect(strip('x ({{ x }})**b**, ({{< kbd >}}K{{< /kbd >}}), f({{ x }}) goes')).toBe(
      'x **b**, (K), f goes',
    );
    // As written, or in code, they stay; so do a link's, an image's and a reference's brackets.
    expect(strip('f() and "" and [] stay, `({{ x }})` too\n\n```\n({{ x }})\n```\n')).toBe(
      'f() and "" and [] stay, `({{ x }})` too\n\n```\n({{ x }})\n```\n',
    );
    expect(strip('[{{ x }}](https://a.example), ![{{ x }}](a.png), [{{ x }}][ref]')).toBe(
      '[](https://a.example), ![](a.png), [][ref]',
    );
    // An apostrophe is no quote, nor is an attribute's quote.
    expect(strip("The authors' {{ x }} 'quote', ‘{{ x }}’s <img src=\"{{ x }}\">")).toBe(
      "The authors' 'quote', ‘’s <img src=\"\">",
    );
  });

  it('GIVEN a megabyte of openings that never close, or of tags, code spans and fences THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '{{'.repeat(size / 2),
      (size: number) => '{% raw %}'.repeat(size / 9),
      (size: number) => '{{<'.repeat(size / 3),
      (size: number) => '{{ x }}'.repeat(size / 7),
      // Link addresses and reference definitions on one long line, each opened by a tag.
      (size: number) => '[a]({{ x }}/b{{ y }}) ]: {{ z }} '.repeat(size / 33),
      (size: number) => `[${'a'.repeat(900)}]: {{ x }}${']: {{ x }}'.repeat(size / 10)}`,
      (size: number) => '[a]({{ site.url }}'.repeat(size / 18),
      (size: number) => `[a]({{ site.url }} ${'[a]({{ site.url }}/{{ x }}'.repeat(size / 27)}`,
      (size: number) => '[a]({{ x }} {{ '.repeat(size / 15),
      (size: number) => `[a]({{ x }}\n${'b]({{ x }}'.repeat(size / 10)}`,
      (size: number) => '{% highlight x %}\n'.repeat(size / 18),
      (size: number) => '` {{a}} '.repeat(size / 8),
      (size: number) => '```\n~~~~\n{{ x }}\n'.repeat(size / 16),
      // Runs of backticks of every length, none closing another.
      (size: number) =>
        Array.from({ length: Math.sqrt(2 * size) }, (_, i) => `${'`'.repeat(i + 1)}{{`).join(''),
    ];
    for (const input of inputs) expect(growth((text) => stripTemplateTags(text), input)).toBeLessThan(LINEAR);
  });

  it('GIVEN a megabyte of brackets a tag empties, nested or after long blanks THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => 'a ({{ x }}) '.repeat(size / 12),
      (size: number) => `${'(“'.repeat(size / 16)} {{ x }} ${'”)'.repeat(size / 16)}`,
      (size: number) => `a${' '.repeat(size / 2)}${'({{ x }})'.repeat(size / 18)}`,
    ];
    for (const input of inputs) expect(growth((text) => stripTemplateTags(text), input)).toBeLessThan(LINEAR);
  });

  it('GIVEN a megabyte of indented code, list items nested ever deeper, or long indentation, with indentedCode THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '\n    {{ x }}\n'.repeat(size / 12),
      (size: number) =>
        Array.from({ length: Math.sqrt(size) }, (_, i) => `${' '.repeat(i)}- {{ x }}\n`).join(''),
      (size: number) => `${' '.repeat(size / 2)}\n${'\t'.repeat(size / 2)}{{ x }}`,
      (size: number) => '- a\n\n  b\n\n      {{ x }}\nc\n'.repeat(size / 24),
    ];
    const strip = (text: string) => stripTemplateTags(text, { indentedCode: true });
    for (const input of inputs) expect(growth(strip, input)).toBeLessThan(LINEAR);
  });
});
