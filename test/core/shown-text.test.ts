import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/parse-article.js';
import { htmlAsText, withoutHtmlTags } from '../../src/core/shown-text.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

/** The article's title, summary, tags and its tips' names and texts. */
function shown(front: Record<string, unknown>, body = '## Tips\n\n- **One:** a') {
  const article = mustParse(articleSource(validFront(front), body));
  return {
    title: article.title,
    summary: article.summary,
    tags: article.tags,
    tips: article.sections.tips?.items.map((item) => [item.name, item.text]),
  };
}

/** The problems of a post; of one read without tags it cannot show, what is said of those. */
function problemsOf(source: string) {
  const result = parseArticle({ file: 'content/bad.md', source, siteUrl: 'https://blog.example' });
  return result.ok ? (result.article.leftOutTags ?? []) : result.problems;
}

describe('front matter written with HTML, as the blog page shows it', () => {
  it('GIVEN a title or summary with a block element’s tags THEN the words around them stay apart, one space', () => {
    expect(htmlAsText('<p>First idea.</p><p>Second idea.</p>')).toBe('First idea. Second idea.');
    expect(htmlAsText('A<div>B</div>C un<em>believ</em>able')).toBe('A B C unbelievable');
    expect(withoutHtmlTags('<p>First idea.</p><p>Second idea.</p>')).toBe('First idea. Second idea.');
    expect(withoutHtmlTags('A <div>B</div> C<center>D</center>')).toBe('A B C D');
    expect(withoutHtmlTags('un<em>believ</em>able <p>x</p>')).toBe('unbelievable x');
    // Markup left out before punctuation takes the space before it; markup around text leaves it.
    expect(
      withoutHtmlTags('Read <!-- c --> this and <em></em>. Also <span class="x"></span>, and <em>x</em>.'),
    ).toBe('Read this and. Also, and x.');
    expect(withoutHtmlTags('Migrating to <code>.NET 8</code>, press <kbd>?</kbd>')).toBe(
      'Migrating to .NET 8, press ?',
    );
    expect(shown({ title: '<p>Plan</p><p>Do</p>', summary: 'One.<p>Two.</p>' })).toMatchObject({
      title: 'Plan Do',
      summary: 'One. Two.',
    });
  });

  it('GIVEN a title with entities and inline tags THEN it reads as the page shows it, plain text', () => {
    expect(shown({ title: 'Tom &amp; Jerry&#39;s <em>guide</em>' }).title).toBe("Tom & Jerry's guide");
    expect(shown({ title: 'Q&amp;A' }).title).toBe('Q&A');
    expect(shown({ title: '&lt;div&gt; soup' }).title).toBe('<div> soup');
    expect(shown({ title: 'Caf&eacute; &#x2014; a <a href="/x">chat</a><!-- draft -->' }).title).toBe(
      'Café — a chat',
    );
    // A `<` or `&` that opens no tag or entity is text, as is an entity's name without its `;`.
    expect(shown({ title: 'When a < b & c' }).title).toBe('When a < b & c');
    expect(shown({ title: 'R&D &notes &copy 2024' }).title).toBe('R&D &notes &copy 2024');
    // A name no inline element has is text that looks like a tag: a type in a post about Rust.
    expect(shown({ title: 'Why Vec<T> and Option<String> <em>matter</em>' }).title).toBe(
      'Why Vec<T> and Option<String> matter',
    );
    expect(shown({ summary: 'Use Vec<T> <b>well</b>.' }).summary).toBe('Use Vec\\<T> well.');
  });

  it("GIVEN an element's name written alone as a tag THEN it is text, as written", () => {
    for (const title of [
      'Stop wrapping everything in <div>',
      'When to use <b> vs <strong>',
      'The <time> element',
      'Use <code> for code',
      'Close it with </p>',
      '<div>',
    ])
      expect(shown({ title }).title).toBe(title);
    expect(shown({ summary: 'Use <code> for code, </p> to close' }).summary).toBe(
      'Use \\<code> for code, \\</p> to close',
    );
    // Beside markup: a pair, or a tag with attributes, is left out; the lone tag stays.
    expect(shown({ title: 'Why <b>bold</b> is not <strong>' }).title).toBe('Why bold is not <strong>');
    expect(shown({ title: 'Use <em> for <em>stress</em>' }).title).toBe('Use <em> for stress');
    expect(shown({ title: 'A </b> before <b>' }).title).toBe('A </b> before <b>');
    expect(shown({ summary: 'Why <b>bold</b> is not <strong>' }).summary).toBe('Why bold is not \\<strong>');
    // A tag in code, or escaped, pairs with none outside it.
    expect(shown({ summary: 'Write `<b>` then </b>, or \\<i>x</i>' }).summary).toBe(
      'Write `<b>` then \\</b>, or \\<i>x\\</i>',
    );
  });

  it('GIVEN markup: tags with attributes or closed by />, <br>, comments THEN they are left out alone too', () => {
    expect(shown({ title: 'A <img src="/c.jpg"> cover' }).title).toBe('A cover');
    expect(shown({ title: 'A <a href="/x">chat' }).title).toBe('A chat');
    expect(shown({ title: 'One<br>two<br/>three<BR />four' }).title).toBe('One two three four');
    expect(shown({ title: 'Kept<!-- draft --> <span/>words' }).title).toBe('Kept words');
    expect(shown({ summary: 'A <img src="/c.jpg"> cover<br>and <wbr/>more' }).summary).toBe(
      'A cover\nand more',
    );
  });

  it('GIVEN brackets or quotes that held only markup in a title or summary THEN they go too; those written empty stay', () => {
    expect(shown({ title: 'Tips (<img src="x.png">) for you' }).title).toBe('Tips for you');
    expect(
      shown({ summary: 'Tip (<img src="x.png">) here, “<br>” and [<span></span>] (<b></b>).' }).summary,
    ).toBe('Tip here, and.');
    expect(htmlAsText('f() "" (<em>a</em>) (“<b></b>”)')).toBe('f() "" (a)');
    // In a summary's code they stay, as written.
    expect(withoutHtmlTags('`(<b></b>)` f() x (<img src="a">)**b**')).toBe('`(<b></b>)` f() x **b**');
  });

  it('GIVEN a megabyte of tags THEN the first 4,096 characters are read', () => {
    expect(htmlAsText('<b>'.repeat(350_000))).toBe(`${'<b>'.repeat(1365)}<`);
    expect(htmlAsText(`${'<b></b> '.repeat(150_000)}x`)).toBe('');
    expect(withoutHtmlTags('<b>'.repeat(350_000))).toBe(`${'<b>'.repeat(1365)}<`);
    expect(withoutHtmlTags('<i>x</i>'.repeat(150_000))).toBe('x'.repeat(512));
  });

  it('GIVEN a title of only tags, or entities of nothing THEN the expected-a-title problem, at its line', () => {
    const message =
      'expected a title (text), and this one shows nothing once its HTML tags and entities are read: write its words, or remove it to title the post from its file name';
    for (const title of ['<span></span>', '&nbsp;', '<i class="icon"></i> &#8203;'])
      expect(problemsOf(articleSource(validFront({ title }), '## Tips\n\n- x'))).toEqual([
        { file: 'content/bad.md', line: 2, field: 'title', message },
      ]);
    // Named as written, where the file writes it.
    expect(problemsOf('---\ntags: [a]\nTitle: "<b></b>"\n---\n\n## Tips\n\n- x\n')).toEqual([
      { file: 'content/bad.md', line: 3, field: 'Title', message },
    ]);
  });

  it('GIVEN a summary, description or excerpt with entities and inline tags THEN tags are left out, their text kept, and Markdown stays escaped', () => {
    expect(shown({ summary: 'Tom &amp; Jerry&#39;s <em>guide</em>' }).summary).toBe("Tom & Jerry's guide");
    expect(shown({ summary: '', description: 'Q&amp;A <b>time</b>' }).summary).toBe('Q\\&A time');
    // What an entity writes is text: `<div>` and `*` show as written.
    expect(shown({ summary: '&lt;div&gt; soup, &#42;not bold&#42;' }).summary).toBe(
      '\\<div> soup, \\*not bold\\*',
    );
    // `<br>` breaks the line; a tag between blanks leaves one; code and an escaped `\<` keep theirs.
    expect(shown({ summary: 'One<br>two <span class="x"></span> three `<br>` \\<b>' }).summary).toBe(
      'One\ntwo three `<br>` \\<b>',
    );
  });

  it('GIVEN a summary of only tags, or entities of nothing THEN it is none: the next field serves, else the lead', () => {
    expect(shown({ summary: '<img src="/c.jpg"><!-- x -->', description: 'The real one.' }).summary).toBe(
      'The real one.',
    );
    expect(shown({ summary: '&nbsp;', excerpt: 'The excerpt.' }).summary).toBe('The excerpt.');
    expect(shown({ summary: '&#8203;<br>' }, 'The lead.\n\n## Tips\n\n- **One:** a').summary).toBe(
      'The lead.',
    );
  });

  it("GIVEN entities in a body's code span THEN they stay as written; in its text the Markdown reader decodes them", () => {
    expect(shown({}, '## Tips\n\n- **One:** write `&amp;` for &amp;').tips).toEqual([
      ['One', 'write `&amp;` for &'],
    ]);
  });
});

describe('bidirectional controls, which turn the text after them around', () => {
  it('GIVEN overrides, embeddings and isolates in a title, tag, summary and item name THEN they are dropped', () => {
    const controls = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const control of controls) {
      expect(
        shown(
          { title: `exe${control}.jpg`, tags: [`x${control}y`], summary: `s${control}t` },
          `## Tips\n\n- **N${control}ame:** a${control}b`,
        ),
      ).toEqual({ title: 'exe.jpg', summary: 'st', tags: ['xy'], tips: [['Name', 'ab']] });
    }
  });

  it('GIVEN one written as an entity in a title, summary or item THEN it is dropped too', () => {
    expect(
      shown({ title: 'a&#x202E;b', summary: 'c&#8238;d' }, '## Tips\n\n- **N&#x202E;ame:** e&#x2066;f'),
    ).toMatchObject({ title: 'ab', summary: 'cd', tips: [['Name', 'ef']] });
  });

  it('GIVEN the marks U+200E and U+200F (right-to-left text needs them) THEN they stay', () => {
    expect(
      shown({ title: 'שלום\u200F!', tags: ['a\u200Eb'], summary: 'x\u200Fy' }, '## Tips\n\n- **A\u200E:** b'),
    ).toEqual({ title: 'שלום\u200F!', summary: 'x\u200Fy', tags: ['a\u200Eb'], tips: [['A\u200E', 'b']] });
  });

  it('GIVEN a tag of only bidirectional controls THEN it is an empty tag, as one written empty is', () => {
    expect(problemsOf(articleSource(validFront({ tags: ['\u202E'] }), '## Tips\n\n- x'))).toEqual([
      {
        file: 'content/bad.md',
        line: 3,
        field: 'tags',
        message: 'the 1st tag is empty: write it, or remove it',
      },
    ]);
  });
});

describe('item names that show nothing, and tasks named by code', () => {
  it('GIVEN an item named only by a control character THEN it is an item without a name, its text after the colon', () => {
    for (const control of ['\u001c', '\u0085', '\u007f', '\u202E'])
      expect(shown({}, `## Tips\n\n- **${control}**: text\n- *${control}*: more`).tips).toEqual([
        [undefined, 'text'],
        [undefined, 'more'],
      ]);
    // As an item named by an empty icon is.
    expect(shown({}, '## Tips\n\n- <i class="icon"></i>: text').tips).toEqual([[undefined, 'text']]);
    // A task's box stays with its text.
    expect(shown({}, '## Tips\n\n- [ ] **\u001c**: text').tips).toEqual([[undefined, '⬜ text']]);
  });

  it('GIVEN an item or a sub-heading named only by a control character, with nothing else THEN the problems nameless items get', () => {
    expect(problemsOf(articleSource(validFront(), '## Tips\n\n- **\u001c**:\n- **Two:** b'))).toEqual([
      {
        file: 'content/bad.md',
        line: 10,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
    expect(shown({}, '## Tips\n\n### **\u001c**\n\nIts text.').tips).toEqual([[undefined, 'Its text.']]);
    expect(problemsOf(articleSource(validFront(), '## Tips\n\n### **\u001c**\n\n### Two\n\nb'))).toEqual([
      {
        file: 'content/bad.md',
        line: 10,
        field: 'tips',
        message: 'the item is empty: write its text, or remove the item',
      },
    ]);
  });

  it('GIVEN a task item opening with a code span and a colon THEN the code names it, after its box', () => {
    expect(
      shown(
        {},
        '## Tips\n\n- [ ] `npm ci --prefix ./app`: install\n- [x] `a.b()`: call it\n- [ ] `npm ci`: install\n- [ ] `alone`',
      ).tips,
    ).toEqual([
      ['⬜ npm ci --prefix ./app', 'install'],
      ['✅ a.b()', 'call it'],
      ['⬜ npm ci', 'install'],
      [undefined, '⬜ `alone`'],
    ]);
  });
});
