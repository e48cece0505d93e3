import { describe, expect, it } from 'vitest';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';

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

  it('GIVEN a line break tag, or only tags, before a colon THEN the item has no name', () => {
    const items = ['- Line one<br>line two: text after.', '- <kbd></kbd>: text after.'];
    expect(tips(items.join('\n'))?.map(({ name }) => name)).toEqual([undefined, undefined]);
  });
});
