import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { parseArticle } from '../../src/core/parse-article.js';

/** The tips of a post whose Tips section is `items`, as name and text. */
const tips = (items: string) =>
  mustParse(articleSource(validFront(), `## Tips\n\n${items}`)).sections.tips?.items.map(
    ({ name, text }) => ({
      name,
      text,
    }),
  );

describe('item names', () => {
  it('GIVEN an italic name closed by a colon, or code before a colon THEN that is the name, as bold is', () => {
    expect(tips('- *Italic name:* text after.\n- `code name`: text after.\n- *Name*: text after.')).toEqual([
      { name: 'Italic name', text: 'text after.' },
      { name: 'code name', text: 'text after.' },
      { name: 'Name', text: 'text after.' },
    ]);
  });

  it('GIVEN an italic or code first word without a colon THEN it is emphasis, and the item has no name', () => {
    expect(tips('- *Always* listen first.\n- `git log` tells the story.')).toEqual([
      { name: undefined, text: '*Always* listen first.' },
      { name: undefined, text: '`git log` tells the story.' },
    ]);
  });

  it('GIVEN bold opening a sentence that goes on (a lowercase word, a comma) THEN it is emphasis, and the item has no name', () => {
    expect(
      tips(
        [
          "- **Don't** skip retros.",
          '- **Communication** is the most important skill.',
          "- **Review their PRs first**, before anyone else's.",
          "- **Team**'s needs first.",
          "- **Don't** _ever_ skip retros.",
        ].join('\n'),
      ),
    ).toEqual([
      { name: undefined, text: "**Don't** skip retros." },
      { name: undefined, text: '**Communication** is the most important skill.' },
      { name: undefined, text: "**Review their PRs first**, before anyone else's." },
      { name: undefined, text: "**Team**'s needs first." },
      { name: undefined, text: "**Don't** *ever* skip retros." },
    ]);
    // Bold that ends as a name, a separator after it, or a new sentence after it: a name.
    expect(
      tips(
        [
          '- **Ask.** then wait.',
          '- **Listen** — to them.',
          '- **Seek mentorship** Find someone.',
          '- **Pair**: often.',
          '- **名前** テキスト',
          '- **Pace** *Slow* down.',
        ].join('\n'),
      ),
    ).toEqual([
      { name: 'Ask', text: 'then wait.' },
      { name: 'Listen', text: 'to them.' },
      { name: 'Seek mentorship', text: 'Find someone.' },
      { name: 'Pair', text: 'often.' },
      { name: '名前', text: 'テキスト' },
      { name: 'Pace', text: '*Slow* down.' },
    ]);
  });

  it('GIVEN a link or formatting in the phrase before a colon THEN the phrase names the item, links read as their text, as in bold', () => {
    const items = [
      '- [Linked name](https://example.com/x): text after.',
      '- **[Bold link](https://example.com/y):** text after.',
      '- Read [the book](https://example.com/b) *twice*: text after.',
      '- Name: **bold** text after.',
    ];
    expect(tips(items.join('\n'))).toEqual([
      { name: 'Linked name', text: 'text after.' },
      { name: 'Bold link', text: 'text after.' },
      { name: 'Read the book twice', text: 'text after.' },
      { name: 'Name', text: '**bold** text after.' },
    ]);
  });

  it("GIVEN a colon only in a link's address or text, after a sentence, or with nothing after it THEN the item has no name", () => {
    const items = [
      '- See [the guide](https://example.com/g) first.',
      '- https://example.com: an address is no name.',
      '- [Note: this](https://example.com/n) and more: text.',
      '- Done. [Then this](https://example.com/t): text.',
      '- [Waiting](https://example.com/w):',
    ];
    expect(tips(items.join('\n'))?.map(({ name }) => name)).toEqual(items.map(() => undefined));
  });

  it('GIVEN text after a name that opens with a minus, dash or colon THEN it is kept as written; only a separator after a name without one goes', () => {
    const items = [
      '- **Expect a pay change:** -10% at first, then up.',
      '- **Flags:** --dry-run first.',
      '- **Shortcode:** :rocket: launch.',
      '- *Italic name:* :tada: done.',
      '- **Name** - text after.',
      '- **Name** — text after.',
      '- **Name** -- text after.',
      '- **Name**: text after.',
      '- **Name**：text after.',
      '- **Offset** -5 minutes.',
      '- **Unspaced**—text after.',
      '- **Spaced before** —text after.',
      '- **En dash**–text after.',
    ];
    expect(tips(items.join('\n'))).toEqual([
      { name: 'Expect a pay change', text: '-10% at first, then up.' },
      // Escaped as in any text opening a line with it (Discord shows `--`).
      { name: 'Flags', text: '\\--dry-run first.' },
      { name: 'Shortcode', text: ':rocket: launch.' },
      { name: 'Italic name', text: ':tada: done.' },
      { name: 'Name', text: 'text after.' },
      { name: 'Name', text: 'text after.' },
      { name: 'Name', text: 'text after.' },
      { name: 'Name', text: 'text after.' },
      { name: 'Name', text: 'text after.' },
      { name: 'Offset', text: '-5 minutes.' },
      // A dash goes with or without a space after it, as US style writes it unspaced.
      { name: 'Unspaced', text: 'text after.' },
      { name: 'Spaced before', text: 'text after.' },
      { name: 'En dash', text: 'text after.' },
    ]);
  });

  it('GIVEN a tag a message leaves out between a name and its separator (a Vue component) THEN the separator goes with it', () => {
    expect(
      tips(
        [
          '- **Ask about obstacles** <Badge type="info" text="core" />: what slows you down?',
          '- **Wait** <span class="x"></span> — a bit.',
          '- **Offset** <Badge text="new" /> -5 minutes.',
        ].join('\n'),
      ),
    ).toEqual([
      { name: 'Ask about obstacles', text: 'what slows you down?' },
      { name: 'Wait', text: 'a bit.' },
      { name: 'Offset', text: '-5 minutes.' },
    ]);
  });

  it('GIVEN a full-width colon THEN it ends the name as a colon does, bold or not', () => {
    expect(tips('- **メンターを見つける：** 毎週会う。\n- 記録する：毎日書く。')).toEqual([
      { name: 'メンターを見つける', text: '毎週会う。' },
      { name: '記録する', text: '毎日書く。' },
    ]);
  });

  it('GIVEN keyboard keys or other inline HTML in the phrase before a colon THEN the text between the tags names the item', () => {
    const items = [
      '- <kbd>Ctrl</kbd>+<kbd>C</kbd>: copy the selection.',
      '- Press <kbd>Esc</kbd> twice: the dialog closes.',
      '- <kbd>Ctrl</kbd> <!-- or Cmd -->: the modifier.',
    ];
    expect(tips(items.join('\n'))).toEqual([
      { name: 'Ctrl+C', text: 'copy the selection.' },
      { name: 'Press Esc twice', text: 'the dialog closes.' },
      { name: 'Ctrl', text: 'the modifier.' },
    ]);
  });

  it('GIVEN a name in HTML tags with its colon inside them (a WordPress import) THEN it names the item, as in Markdown', () => {
    const items = [
      '- <strong>Seek mentorship:</strong> Find a mentor.',
      '- <B><i>Read:</i></B> books <i>daily</i>.',
      '- <strong>Note: </strong>Be careful.',
      '- <span class="x">Plan:</span> ahead.',
    ];
    expect(tips(items.join('\n'))).toEqual([
      { name: 'Seek mentorship', text: 'Find a mentor.' },
      { name: 'Read', text: 'books *daily*.' },
      { name: 'Note', text: 'Be careful.' },
      { name: 'Plan', text: 'ahead.' },
    ]);
  });

  it('GIVEN a line break tag, or only tags, before a colon THEN the item has no name', () => {
    const items = ['- Line one<br>line two: text after.', '- <kbd></kbd>: text after.'];
    expect(tips(items.join('\n'))?.map(({ name }) => name)).toEqual([undefined, undefined]);
  });
});

describe('a number written inside a bold name', () => {
  /** The tips of a post whose Tips section is `items`, as number, name and text. */
  const numberedTips = (items: string) =>
    mustParse(articleSource(validFront(), `## Tips\n\n${items}`)).sections.tips?.items.map(
      ({ number, name, text }) => ({ number, name, text }),
    );

  it('GIVEN paragraphs opening with `**3.**`, `**4)**` or `**5. Name.**` THEN the number is the item number, and only what follows it names the item', () => {
    const paragraphs = [
      '**3.** Do the thing.',
      '**4)** Do another.',
      '**5. Ask questions.** Then listen.',
      '***6. Rest.*** Sleep.',
      '**7.**\n\nThe text under it.',
      '**8. Be patient**',
    ];
    expect(numberedTips(paragraphs.join('\n\n'))).toEqual([
      { number: 3, name: undefined, text: 'Do the thing.' },
      { number: 4, name: undefined, text: 'Do another.' },
      { number: 5, name: 'Ask questions', text: 'Then listen.' },
      { number: 6, name: 'Rest', text: 'Sleep.' },
      { number: 7, name: undefined, text: 'The text under it.' },
      // Bold alone is a tip in bold, as without a number: numbered, without it.
      { number: 8, name: undefined, text: '**Be patient**' },
    ]);
  });

  it('GIVEN a bold number then a bold name (`**3.** **Ask questions.** Then …`) THEN the second bold names item 3, as `**3. Ask questions.**` does', () => {
    const paragraphs = [
      '**3.** **Ask questions.** Then listen.',
      '**4)** ***Rest:*** Sleep.',
      '**5.** **Be patient**',
      '**6.** Do *this* **now**.',
    ];
    expect(numberedTips(paragraphs.join('\n\n'))).toEqual([
      { number: 3, name: 'Ask questions', text: 'Then listen.' },
      { number: 4, name: 'Rest', text: 'Sleep.' },
      // Bold alone is a tip in bold, as `**5. Be patient**` is.
      { number: 5, name: undefined, text: '**Be patient**' },
      { number: 6, name: undefined, text: 'Do *this* **now**.' },
    ]);
    expect(numberedTips('- **3.** **Ask:** x')).toEqual([{ number: 3, name: 'Ask', text: 'x' }]);
  });

  it('GIVEN list items opening with `**3.**` or `**4. Name:**` THEN numbered so, in a list without numbers; an ordered list keeps its own', () => {
    expect(numberedTips('- **3.** text\n- **4. Ask:** then listen.\n- **5)** - more')).toEqual([
      { number: 3, name: undefined, text: 'text' },
      { number: 4, name: 'Ask', text: 'then listen.' },
      { number: 5, name: undefined, text: 'more' },
    ]);
    // The page shows the list's own number before the bold: it is the item's, the bold its name, as before.
    expect(numberedTips('1. **3.** text')).toEqual([{ number: 1, name: '3', text: 'text' }]);
  });

  it('GIVEN `### **3.** Name` THEN numbered 3 and named Name, as `### 3. Name` is', () => {
    expect(numberedTips('### **3.** Named\n\nx\n\n### **4. Bold**\n\ny')).toEqual([
      { number: 3, name: 'Named', text: 'x' },
      { number: 4, name: 'Bold', text: 'y' },
    ]);
  });

  it('GIVEN a year in bold (no `.` or `)` after it) THEN it is no number: prose, or a name', () => {
    expect(
      mustParse(articleSource(validFront(), '## Tips\n\n**2024** was a year.\n\n**2025** too.')).sections
        .tips,
    ).toMatchObject({
      items: [],
      text: '**2024** was a year.\n\n**2025** too.',
    });
    expect(numberedTips('- **2024:** a good year.\n- **3.5 ways:** to grow.')).toEqual([
      { number: undefined, name: '2024', text: 'a good year.' },
      { number: undefined, name: '3.5 ways', text: 'to grow.' },
    ]);
  });

  it('GIVEN `**3.**` alone with nothing under it THEN an empty item, reported as `### 3.` alone is', () => {
    const result = parseArticle({
      file: 'content/a.md',
      source: articleSource(validFront(), '## Tips\n\n**3.**\n\n**4.** x'),
    });
    expect(result.ok ? [] : result.problems.map(({ message }) => message)).toEqual([
      'the item is empty: write its text, or remove the item',
    ]);
  });
});

describe('characters that show as blanks (Hangul fillers, the blank Braille pattern)', () => {
  it('GIVEN a title or an item name of only such characters THEN the title is reported as showing nothing, the name names nothing', () => {
    const blank = '\u2060\u180e\u3164\u115f\u2800';
    const result = parseArticle({
      file: 'a.md',
      source: articleSource(validFront({ title: blank }), '## Tips\n\n- a'),
    });
    expect(result.ok ? [] : result.problems.map(({ field, message }) => [field, message])).toEqual([
      ['title', expect.stringMatching(/shows nothing/)],
    ]);
    // As a zero-width space's: no name, the item its text.
    const [item] = tips(`- **\u3164\u2800:** text after.`) ?? [];
    expect(item?.name).toBeUndefined();
    expect(tips(`- **\u3164\u2800:** text after.`)).toEqual(
      tips(`- **\u200b:** text after.`)?.map(({ text }) => ({
        name: undefined,
        text: text.replace('\u200b', '\u3164\u2800'),
      })),
    );
  });
});
