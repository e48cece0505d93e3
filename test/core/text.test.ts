import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  discordLines,
  escapeBlockStarts,
  plainLine,
  splitText,
  truncateInline,
  truncateMarkdown as truncate,
  truncatePlain,
  unescapeInline,
} from '../../src/core/text.js';
import { escapeLoneSpoilers } from '../../src/core/markdown.js';
import { growth, LINEAR } from './growth.js';

describe('codePointLength', () => {
  it('GIVEN astral characters THEN counts each as one, as Discord does', () => {
    expect(codePointLength('🚀ab')).toBe(3);
    expect('🚀ab'.length).toBe(4);
  });
});

describe('truncateMarkdown', () => {
  it('GIVEN a short text THEN returns it unchanged', () => {
    expect(truncate('short', 10)).toBe('short');
  });
  it('GIVEN a long sentence THEN cuts at a word boundary and adds an ellipsis within the limit', () => {
    const out = truncate('The ability to inspire and motivate people', 20);
    expect(out).toBe('The ability to…');
    expect(codePointLength(out)).toBeLessThanOrEqual(20);
  });
  it('GIVEN one very long word THEN cuts inside it, still within the limit', () => {
    expect(codePointLength(truncate('x'.repeat(500), 100))).toBe(100);
  });
  it('GIVEN a link, bold or code crossing the limit THEN cuts at a word before it: no stray [ or **', () => {
    const link = 'Some words before [a link with several words inside](https://example.com/x) and after.';
    expect(truncate(link, 45)).toBe('Some words before…');
    expect(truncate(link, 80)).toBe(
      'Some words before [a link with several words inside](https://example.com/x) and…',
    );
    expect(truncate('Some words before **bold text that spans the limit** and after it.', 40)).toBe(
      'Some words before…',
    );
    expect(truncate('Some words before `code that spans the limit` and after it.', 40)).toBe(
      'Some words before…',
    );
  });
  it('GIVEN a span from the start past the limit THEN keeps its text without its markup', () => {
    const out = truncate('**bold text that goes on well past the limit** and after it.', 30);
    expect(out).toBe('bold text that goes on well…');
    expect(truncate('[a link with several words](https://example.com/a/long/address) after', 40)).toBe(
      'a link with several words after',
    );
  });
  it('GIVEN marks that open no span THEN cuts as plain text', () => {
    expect(truncate('Plain * star and _under_ score words going on', 30)).toBe('Plain * star and _under_…');
    expect(truncate('Title about C++ [draft] and more words', 30)).toBe('Title about C++ [draft] and…');
  });
  it('GIVEN escaped marks in a span past the limit THEN they stay escaped: nothing turns into markup', () => {
    const summary =
      '**2x\\_faster builds with \\_\\_init\\_\\_ files and more words that go past the limit**';
    expect(truncate(summary, 40)).toBe('2x\\_faster builds with \\_\\_init\\_\\_…');
  });
  it('GIVEN lines and a list under a span past the limit THEN they stay lines and a list item', () => {
    expect(truncate('**first line\nsecond line\nthird line that goes on**', 30)).toBe(
      'first line\nsecond line\nthird…',
    );
    expect(truncate('- **item one in bold that goes on past the limit**\n- two', 30)).toBe(
      '- item one in bold that goes…',
    );
  });
});

describe('truncateMarkdown cutting inside a word of escapes', () => {
  it('GIVEN one long emphasised word of backslashes THEN the escaped backslashes before the cut are all kept', () => {
    // Written without its emphasis, each backslash is `\\`; 99 code points end on half of the 50th.
    expect(truncate(`*${'\\\\'.repeat(300)}*`, 100)).toBe(`${'\\\\'.repeat(49)}…`);
  });
});

describe('truncatePlain', () => {
  it('GIVEN a title with Markdown characters THEN keeps every one, cutting only at a word', () => {
    const title = 'Using `Array<T>` with *stars* and __init__.py in generic Map<K, V> types that go on';
    expect(truncatePlain(title, 80)).toBe(
      'Using `Array<T>` with *stars* and __init__.py in generic Map<K, V> types that…',
    );
    expect(truncatePlain('**not bold** here', 80)).toBe('**not bold** here');
  });
});

describe('truncateInline', () => {
  it('GIVEN underscores, stars, tildes, a backtick, brackets and a pipe THEN each is escaped, the rest kept', () => {
    expect(truncateInline('Why __init__ matters: *args*, ~~x~~, `a` [b] c|d \\ e', 256)).toBe(
      'Why \\_\\_init\\_\\_ matters: \\*args\\*, \\~\\~x\\~\\~, \\`a\\` \\[b\\] c\\|d \\\\ e',
    );
  });

  it('GIVEN a title that fits only unescaped THEN the escapes count and it is cut at a word', () => {
    const title = `${'__init__ '.repeat(22)}end`;
    const cut = truncateInline(title, 256);
    expect(codePointLength(title)).toBeLessThan(256);
    expect(codePointLength(cut)).toBeLessThanOrEqual(256);
    expect(cut).toBe(`${'\\_\\_init\\_\\_ '.repeat(18)}\\_\\_init\\_\\_…`);
  });

  it('GIVEN an escaped title THEN unescapeInline gives it back as written (a post of an older version is found by it)', () => {
    const title = 'Why __init__ matters: *args*, ~~x~~, `a` [b] c|d \\ e \\_';
    expect(unescapeInline(truncateInline(title, 256))).toBe(title);
  });

  it('GIVEN one long word of marks THEN it is cut between escapes, never after a lone backslash', () => {
    // 255 code points before the ellipsis would end on the `\` of the 128th `\_`.
    expect(truncateInline('_'.repeat(200), 256)).toBe(`${'\\_'.repeat(127)}…`);
    expect(truncateInline(`a${'_'.repeat(200)}`, 256)).toBe(`a${'\\_'.repeat(127)}…`);
    // Each escaped backslash (`\\`) is kept whole, the lone `\` after them dropped.
    expect(truncateInline('\\'.repeat(200), 256)).toBe(`${'\\\\'.repeat(127)}…`);
  });
});

describe('cutting a long word or a text without spaces', () => {
  it('GIVEN a title without spaces after an early one THEN it is cut inside the word, not at the space that keeps almost nothing', () => {
    // The last space is the 7th of 255 code points: cut there, the title was `Tips ·…`.
    expect(truncateInline(`Tips · ${'a_'.repeat(100)}`, 256)).toBe(`Tips · ${'a\\_'.repeat(82)}a…`);
    const heading = 'Practical advice for engineers who are becoming leaders · ';
    expect(truncatePlain(`${heading}${'学习'.repeat(100)}`, 256)).toBe(`${heading}${'学习'.repeat(98)}学…`);
    expect(truncatePlain(`3. ${'长'.repeat(250)}`, 244)).toBe(`3. ${'长'.repeat(240)}…`);
  });

  it('GIVEN a last word boundary in the second half of the room THEN the cut stays there', () => {
    expect(truncatePlain(`Intro words here ${'x'.repeat(30)}`, 20)).toBe('Intro words here…');
    expect(truncatePlain(`Intro ${'x'.repeat(30)}`, 20)).toBe(`Intro ${'x'.repeat(13)}…`);
  });

  it('GIVEN emoji sequences, flags or letters with marks at the limit THEN the cut keeps each whole: no joiner, selector or mark is left to the ellipsis', () => {
    const coder = '👩\u200D💻';
    const cases = [
      // 50 code points kept: 16 sequences of 3 and the first two of the 17th (👩 and its joiner).
      [truncatePlain(`x${coder.repeat(100)}`, 51), `x${coder.repeat(16)}…`],
      [truncateInline(`x${coder.repeat(100)}`, 51), `x${coder.repeat(16)}…`],
      [truncatePlain('a\u0301\u0302'.repeat(40), 51), `${'a\u0301\u0302'.repeat(16)}…`],
      [truncatePlain('🇫🇷'.repeat(50), 4), '🇫🇷…'],
      [truncatePlain('❤\uFE0F'.repeat(50), 10), `${'❤\uFE0F'.repeat(4)}…`],
      // One sequence longer than the room: cut in it, but not after its joiner.
      [truncatePlain(coder.repeat(2), 3), '👩…'],
    ];
    for (const [cut, expected] of cases) expect(cut).toBe(expected);
  });

  it('GIVEN a run of flags cut where a window of the text would pair them wrongly THEN no half flag is left', () => {
    const flags = '🇺🇸🇬🇧🇫🇷🇩🇪🇯🇵🇮🇹🇪🇸🇨🇦🇧🇷🇲🇽🇦🇺🇳🇱';
    for (let max = 2; max <= 24; max++) {
      const cut = truncatePlain(flags, max).replace(/…$/, '');
      // Whole flags only: an even number of regional indicators, each pair one of the input's.
      expect(codePointLength(cut) % 2, `max ${max}`).toBe(0);
      expect(flags.startsWith(cut)).toBe(true);
    }
    // Cut right after a run of flags longer than a window's reach: the run is kept whole.
    expect(truncatePlain(`${flags}x${'y'.repeat(50)}`, codePointLength(flags) + 1)).toBe(`${flags}…`);
  });

  it('GIVEN an address past the cut THEN it is left out whole rather than cut into a link to another page', () => {
    const url = `https://example.com/guides/${'a'.repeat(200)}`;
    expect(truncatePlain(`Read ${url}`, 100)).toBe('Read…');
    expect(truncate(`Read ${url}`, 100)).toBe('Read…');
    expect(truncate(`See *this*: Read www.example.com/${'b'.repeat(200)}`, 100)).toBe('See *this*: Read…');
    // An address alone is cut all the same: there is nothing else to keep.
    expect(truncatePlain(url, 30)).toBe(`${url.slice(0, 29)}…`);
  });

  it('GIVEN a megabyte without spaces THEN the time of a cut grows with the size only', () => {
    const input = (size: number): string => '👩\u200D💻_'.repeat(size / 6);
    expect(growth((text) => truncatePlain(text, 256), input)).toBeLessThan(LINEAR);
    expect(growth((text) => truncateInline(text, 256), input)).toBeLessThan(LINEAR);
  });
});

describe('truncateMarkdown cutting a long word or a text without spaces', () => {
  it('GIVEN a short span, then a text without spaces THEN it is cut inside the text, the span kept', () => {
    expect(truncate(`**重点** ${'学习'.repeat(300)}`, 100)).toBe(`**重点** ${'学习'.repeat(46)}…`);
  });

  it('GIVEN a span from the start past the limit, without spaces after its first word THEN its text is cut inside the word', () => {
    expect(truncate(`**Note: ${'学'.repeat(300)}**`, 100)).toBe(`Note: ${'学'.repeat(93)}…`);
  });

  it('GIVEN escapes or character references at the cut THEN each is kept whole or left out, never cut in two', () => {
    expect(truncate(`Intro ${'\\#'.repeat(300)}`, 100)).toBe(`Intro ${'\\#'.repeat(46)}…`);
    expect(truncate(`Intro **bold** a${'\\_'.repeat(100)}`, 100)).toBe(
      `Intro **bold** a${'\\_'.repeat(41)}…`,
    );
    expect(truncate(`Intro ${'&amp;'.repeat(100)}`, 100)).toBe(`Intro ${'&amp;'.repeat(18)}…`);
    // With a span, the cut is checked against what the text shows: `&am` would show as text.
    const withSpan = truncate(`Intro *x* ${'&amp;'.repeat(100)}`, 100);
    expect(withSpan).toMatch(/^Intro \*x\* (?:&amp;)+&?…$/);
  });
});

describe('splitText', () => {
  const paragraph = (n: number) => `Paragraph ${n} ` + 'word '.repeat(150).trim() + '.';

  it('GIVEN text under the limit THEN one chunk', () => {
    expect(splitText('  hello world  ', 100)).toEqual(['hello world']);
  });

  it('GIVEN paragraphs THEN splits between paragraphs, never mid-word, keeping every word in order', () => {
    const text = [1, 2, 3, 4, 5].map(paragraph).join('\n\n');
    const chunks = splitText(text, 1024);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(1024);
    expect(chunks.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    expect(chunks[0]?.startsWith('Paragraph 1')).toBe(true);
  });

  it('GIVEN a single paragraph longer than the limit THEN splits at sentences or words', () => {
    const text = 'A sentence that goes on. '.repeat(200).trim();
    const chunks = splitText(text, 300);
    for (const chunk of chunks) {
      expect(codePointLength(chunk)).toBeLessThanOrEqual(300);
      expect(chunk).toMatch(/^A sentence/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('GIVEN a word longer than the limit THEN that word alone is cut', () => {
    const chunks = splitText(`start ${'y'.repeat(250)} end`, 100);
    for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(100);
    expect(chunks.join('').replace(/\s/g, '')).toBe(`start${'y'.repeat(250)}end`);
    expect(chunks[0]).toBe('start');
  });

  /** Words without sentence ends, so that a chunk ends at the last word that fits. */
  const words = (n: number) =>
    Array.from({ length: n }, (_, i) => ['lead', 'team', 'trust'][i % 3]).join(' ');

  it('GIVEN a link, code or bold across the limit THEN the chunk ends before it and the next holds it whole', () => {
    const link = '[a link with many words inside it](https://example.com/x)';
    // Enough after the limit that the chunks are not shared out evenly (see the test after).
    const tip = `${words(186)} ${link} and **bold words here** and \`some code\` then ${words(80)}`;
    const at = tip.indexOf(link);
    expect(at).toBeLessThan(1024);
    expect(at + link.length).toBeGreaterThan(1024);
    const chunks = splitText(tip, 1024);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBe(words(186));
    expect(chunks[1]?.startsWith(`${link} and **bold words here** and \`some code\` then`)).toBe(true);
    // Every span starts and ends in the same chunk, wherever the limit falls.
    for (const max of [1030, 1040, 1060, 1075, 1090]) {
      for (const chunk of splitText(tip, max)) {
        expect(codePointLength(chunk)).toBeLessThanOrEqual(max);
        expect(chunk.split('**').length % 2, chunk).toBe(1);
        expect(chunk.split('`').length % 2, chunk).toBe(1);
        expect(chunk.split('[').length, chunk).toBe(chunk.split('](').length);
      }
    }
  });

  it('GIVEN a run-on text just past a multiple of the limit THEN its chunks are shared out evenly, the last no word or two', () => {
    for (const count of [206, 410, 620]) {
      const text = words(count);
      const greedy = Math.ceil(codePointLength(text) / 1024);
      const chunks = splitText(text, 1024, { balanced: true });
      // No more chunks than filling each would make, none longer than the limit, none far shorter than the others.
      expect(chunks).toHaveLength(greedy);
      const lengths = chunks.map(codePointLength);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(1024);
      expect(Math.min(...lengths)).toBeGreaterThan(Math.max(...lengths) / 2);
      expect(chunks.join(' ')).toBe(text);
    }
    // Unasked (a tip's description, whose rest goes on in fields), each chunk is filled.
    expect(splitText(words(206), 1024).map(codePointLength)[0]).toBeGreaterThan(1000);
    // Nothing is taken apart to share out: a word cut in two, an escape parted from what it escapes.
    const long = `${'x'.repeat(1000)} ${'y'.repeat(30)}`;
    expect(splitText(long, 1024, { balanced: true })).toEqual(['x'.repeat(1000), 'y'.repeat(30)]);
    const escapes = `${'a\\_'.repeat(340)} ${words(10)}`;
    expect(splitText(escapes, 1024, { balanced: true })).toEqual(splitText(escapes, 1024));
    // A last chunk long enough is left as filling makes it.
    const fair = splitText(words(300), 1024, { balanced: true });
    expect(fair).toHaveLength(2);
    expect(codePointLength(fair[0] ?? '')).toBeGreaterThan(1000);
  });

  it('GIVEN a fenced code block longer than a chunk THEN each chunk closes it and the next reopens it with its language', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `print("line ${i} of the program")  # step`);
    const text = `Intro.\n\n\`\`\`python\n${lines.join('\n')}\n\`\`\`\n\nAfter.`;
    for (const max of [1024, 300, 100]) {
      const chunks = splitText(text, max);
      const code = chunks.filter((chunk) => chunk.includes('```'));
      expect(code.length).toBeGreaterThan(1);
      const shown: string[] = [];
      for (const chunk of chunks) {
        expect(codePointLength(chunk)).toBeLessThanOrEqual(max);
        const fenced = /```python\n([^]*?)\n```/g;
        for (const match of chunk.matchAll(fenced)) shown.push(...(match[1] ?? '').split('\n'));
        expect(chunk.replace(fenced, '')).not.toContain('```');
      }
      // Lines longer than the chunk are cut, the rest of the line going on in the next chunk.
      expect(shown.join('')).toBe(lines.join(''));
      if (max >= 100) expect(shown).toEqual(lines);
    }
  });

  it('GIVEN bold or a quote longer than a chunk THEN each chunk is bold or quoted again', () => {
    const bold = splitText(`Start **${words(300)}** end.`, 500);
    expect(bold.length).toBeGreaterThan(2);
    expect(bold[0]).toMatch(/^Start \*\*lead[^*]*\*\*$/);
    for (const chunk of bold.slice(1, -1)) expect(chunk).toMatch(/^\*\*[^*]+\*\*$/);
    expect(bold.at(-1)).toMatch(/^\*\*[^*]+\*\* end\.$/);
    const quote = splitText(`> ${words(300)}`, 500);
    expect(quote.length).toBeGreaterThan(2);
    for (const chunk of quote) expect(chunk).toMatch(/^> lead/);
  });

  it('GIVEN a link longer than a chunk THEN its text is kept, without the link', () => {
    const chunks = splitText(`See [${words(300)}](https://example.com/x) now.`, 500);
    expect(chunks.join(' ')).toBe(`See ${words(300)} now.`);
    for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(500);
  });

  it('GIVEN blocks that fit a chunk THEN they are kept as the text has them; only a longer one is written again', () => {
    const chunks = splitText(`A _short_ one.\n\n* one\n* two\n\nLong _${words(300)}_ end.`, 500);
    expect(chunks[0]).toBe('A _short_ one.\n\n* one\n* two');
    expect(chunks[1]).toMatch(/^Long \*lead/);
  });

  it('GIVEN an ordered list split between chunks THEN the next chunk goes on at its number', () => {
    const list = Array.from({ length: 30 }, (_, i) => `${i + 1}. item ${words(10)}`).join('\n');
    const chunks = splitText(list, 500);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('\n')).toBe(list);
    for (const chunk of chunks.slice(1)) expect(chunk).toMatch(/^\d+\. item/);
    // An item longer than a chunk goes on under its own number.
    const long = splitText(`1. first\n2. second ${words(200)}\n3. third`, 500);
    expect(long.length).toBeGreaterThan(2);
    expect(long[0]).toBe('1. first');
    for (const chunk of long.slice(1)) expect(chunk).toMatch(/^2\. (second )?(lead|team|trust) /);
    expect(long.at(-1)).toMatch(/^2\. [a-z ]*\n3\. third$/);
  });

  it('GIVEN an ordered list from 3, in a quote or in an item, split between chunks THEN each chunk goes on at its number, in its quote or item', () => {
    const items = Array.from({ length: 30 }, (_, i) => `${i + 3}. item ${words(10)}`);
    const numbers = (chunks: string[], marker: RegExp): number[] =>
      chunks.flatMap((chunk) => [...chunk.matchAll(marker)].map((found) => Number(found[1])));
    const expected = items.map((_, i) => i + 3);
    const from3 = splitText(items.join('\n'), 500);
    expect(from3.length).toBeGreaterThan(1);
    expect(from3[0]).toMatch(/^3\. item/);
    expect(from3.join('\n')).toBe(items.join('\n'));
    // Written again from their tree, each chunk quoted again, or in its item again.
    const quoted = splitText(items.map((item) => `> ${item}`).join('\n'), 500);
    expect(quoted.length).toBeGreaterThan(1);
    for (const chunk of quoted) expect(chunk).toMatch(/^> \d+\. item/);
    expect(numbers(quoted, /^> (\d+)\. item/gm)).toEqual(expected);
    // After a blank line: a list from 3 cannot interrupt a paragraph.
    const nested = splitText(`- Steps:\n\n${items.map((item) => `  ${item}`).join('\n')}`, 500);
    expect(nested.length).toBeGreaterThan(1);
    for (const chunk of nested) expect(chunk).toMatch(/^- /);
    expect(numbers(nested, /^(?:- | {2})(\d+)\. item/gm)).toEqual(expected);
  });

  it('GIVEN a long list of short items THEN splits between items, each kept exactly as written', () => {
    // Written again from its tree, `*` bullets would become `-`, `__` bold `**`, and `2x\\_` lose its escape:
    // each item kept as the text has it is what keeps a long list as cheap to split as it was.
    const items = Array.from(
      { length: 40 },
      (_, i) =>
        `* __Tip ${i}:__ read [the guide ${i}](https://example.com/${i}) for 2x\\_faster _work_ ${words(8)}`,
    );
    const text = `Lead-in.\n\n${items.join('\n')}\n\nAfter.`;
    const chunks = splitText(text, 1024);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(1024);
    const lines = chunks.flatMap((chunk) => chunk.split('\n').filter((line) => line !== ''));
    expect(lines).toEqual(['Lead-in.', ...items, 'After.']);
    // A loose list stays loose; a list numbered `1.` throughout goes on at the number it shows.
    const loose = splitText(items.join('\n\n'), 1024);
    expect(loose.join('\n\n')).toBe(items.join('\n\n'));
    const ones = splitText(items.map((item) => item.replace('*', '1.')).join('\n'), 1024);
    const second = ones[1]?.split('\n') ?? [];
    const shown = ones[0]?.split('\n').length ?? 0;
    expect(second[0]).toBe(items[shown]?.replace('*', `${shown + 1}.`));
    expect(second[1]).toBe(items[shown + 1]?.replace('*', '1.'));
  });

  it('GIVEN emoji near the limit THEN counts code points and never splits a surrogate pair', () => {
    const text = '🚀'.repeat(150);
    const chunks = splitText(text, 100);
    expect(chunks.map(codePointLength)).toEqual([100, 50]);
    expect(chunks.join('')).toBe(text);
  });
});

describe('splitText on a text of hundreds of kilobytes', () => {
  const within = (chunks: string[], max: number): void => {
    for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(max);
  };

  // Each is one paragraph of more parts than a call takes arguments: spread into one, they overflowed the stack.
  it('GIVEN 130,000 words in one paragraph THEN it is split, every word kept in order', () => {
    const text = 'word '.repeat(130_000).trim();
    const chunks = splitText(text, 1024);
    within(chunks, 1024);
    expect(chunks.join(' ')).toBe(text);
  });

  it('GIVEN 150,000 code spans in one paragraph THEN it is split between them, each kept whole', () => {
    const text = '`a'.repeat(150_000);
    const chunks = splitText(text, 1024);
    within(chunks, 1024);
    expect(chunks.join('')).toBe(text);
  });

  it('GIVEN 150,000 words opening a tag that is none THEN it is split, each kept escaped', () => {
    const text = '<a '.repeat(150_000).trim();
    const chunks = splitText(text, 1024);
    within(chunks, 1024);
    expect(chunks.join(' ')).toBe(text.replaceAll('<', '\\<'));
  });

  // Each cut off the rest read the rest again: a megabyte without spaces took 45 s.
  const splitGrowth = (input: (size: number) => string): number =>
    growth((text) => splitText(text, 1024), input);

  it('GIVEN a megabyte without spaces THEN the time of a split grows with the size only', () => {
    expect(splitGrowth((size) => 'x'.repeat(size))).toBeLessThan(LINEAR);
  });

  it('GIVEN a line of code a megabyte long THEN the time of a split grows with the size only', () => {
    expect(splitGrowth((size) => `Minified:\n\n\`\`\`js\n${'y'.repeat(size)}\n\`\`\``)).toBeLessThan(LINEAR);
  });

  it('GIVEN a megabyte of words THEN the time of a split grows with the size only', () => {
    expect(splitGrowth((size) => 'word '.repeat(size / 5))).toBeLessThan(LINEAR);
  });

  it('GIVEN a text without spaces or a line of code longer than a chunk THEN each piece is as long as fits, nothing lost', () => {
    const blob = 'Qm9iIHNheXMgaGk'.repeat(300);
    const chunks = splitText(blob, 1024);
    expect(chunks.map(codePointLength)).toEqual([1024, 1024, 1024, 1024, 404]);
    expect(chunks.join('')).toBe(blob);
    const code = splitText(`\`\`\`js\n${blob}\n\`\`\``, 1024);
    within(code, 1024);
    for (const chunk of code) expect(chunk).toMatch(/^```js\n[^`\n]+\n```$/);
    expect(code.map((chunk) => chunk.slice(6, -4)).join('')).toBe(blob);
  });
});

describe('discordLines', () => {
  it('GIVEN strikethrough opening a line, an item or a quote THEN the escape CommonMark wrote before it is dropped, as Discord has no tilde fences; three tildes keep it', () => {
    expect(discordLines('\\~~old~~ new.\n- \\~~struck~~ item\n> \\~single~ t')).toBe(
      '~~old~~ new.\n- ~~struck~~ item\n> ~single~ t',
    );
    expect(discordLines('\\~~~ three tildes')).toBe('\\~~~ three tildes');
    // A backslash of the text's own, escaped, stays.
    expect(discordLines('\\\\~~kept')).toBe('\\\\~~kept');
  });

  it('GIVEN `-# ` opening a line (text to CommonMark, subtext to Discord) THEN it is escaped, but not inside code or mid-line', () => {
    expect(discordLines('-# small\n- -# in an item\na -# b')).toBe('\\-# small\n- \\-# in an item\na -# b');
    expect(discordLines('```\n-# code\n\\~~x\n```\n-# after')).toBe('```\n-# code\n\\~~x\n```\n\\-# after');
  });

  it('GIVEN text already made safe THEN it is unchanged', () => {
    const safe = discordLines('-# a\n\\~~b~~');
    expect(discordLines(safe)).toBe(safe);
  });

  it('GIVEN text split into chunks, kept or written again THEN each chunk reads in Discord as written', () => {
    const text = `\\~~old~~ new. ${'word '.repeat(40)}\n\n-# small ${'word '.repeat(40)}`;
    expect(splitText(text, 1000)).toEqual([discordLines(text.trim())]);
    const chunks = splitText(text, 120);
    expect(chunks[0]).toMatch(/^~~old~~ new\./);
    expect(chunks.find((chunk) => chunk.includes('small'))).toMatch(/^\\-# small/);
  });
});

describe('escapeBlockStarts', () => {
  it('GIVEN lines opening a heading, subtext, quote or list THEN each is escaped, and spans are kept', () => {
    expect(
      escapeBlockStarts(
        '# Big heading\n-# small\n>>> quote\n- item\n* star\n1. one\n2) two\n**bold** [link](https://a.example)',
      ),
    ).toBe(
      '\\# Big heading\n\\-# small\n\\>>> quote\n\\- item\n\\* star\n1\\. one\n2\\) two\n**bold** [link](https://a.example)',
    );
  });

  it('GIVEN text already escaped (a written lead paragraph) or with marks mid-line THEN nothing is escaped twice', () => {
    const written = '\\# not a heading\n1\\. not a list\na # b -# c > d';
    expect(escapeBlockStarts(written)).toBe(written);
    expect(escapeBlockStarts(escapeBlockStarts('# x\n- y'))).toBe(escapeBlockStarts('# x\n- y'));
  });

  it('GIVEN strikethrough opening a line THEN it is kept as written', () => {
    expect(escapeBlockStarts('~~old~~ new')).toBe('~~old~~ new');
    expect(escapeBlockStarts('\\~~old~~ new')).toBe('~~old~~ new');
  });
});

describe('plainLine', () => {
  it('GIVEN a right-to-left override, isolates and control characters THEN removes them and keeps the words', () => {
    expect(plainLine('abc\u202Egnp.exe\u2066x\u2069\u0007\u0000 end')).toBe('abcgnp.exex end');
  });
  it('GIVEN line breaks and tabs THEN one line with single spaces', () => {
    expect(plainLine('  one\n\ttwo\r\nthree  ')).toBe('one two three');
  });
  it('GIVEN an emoji sequence with joiners THEN keeps it whole', () => {
    expect(plainLine('👩‍💻 tips')).toBe('👩‍💻 tips');
  });
});

describe('escapeLoneSpoilers', () => {
  it('GIVEN a spoiler mark without its pair THEN the last one is escaped, pairs and code spans are left', () => {
    expect(escapeLoneSpoilers('no marks')).toBe('no marks');
    expect(escapeLoneSpoilers('a ||secret|| b')).toBe('a ||secret|| b');
    expect(escapeLoneSpoilers('cut ||short…')).toBe('cut \\|\\|short…');
    expect(escapeLoneSpoilers('||a|| then ||b')).toBe('||a|| then \\|\\|b');
    // In code, or escaped, `||` is no mark.
    expect(escapeLoneSpoilers('`a || b` and \\|| c')).toBe('`a || b` and \\|| c');
    expect(escapeLoneSpoilers('``x || `y` ||`` ||z')).toBe('``x || `y` ||`` \\|\\|z');
    // A backtick run without its pair is text.
    expect(escapeLoneSpoilers('` open ||x')).toBe('` open \\|\\|x');
    // A link's address is no text: its `||` is left as it is, and counts for nothing.
    expect(escapeLoneSpoilers('[x](https://a.example/?q=a||b) ||y')).toBe(
      '[x](https://a.example/?q=a||b) \\|\\|y',
    );
    expect(escapeLoneSpoilers('[x](https://a.example/(a||b)) and <https://a.example/?q=a||b>')).toBe(
      '[x](https://a.example/(a||b)) and <https://a.example/?q=a||b>',
    );
    // A `](` that opens no address is text.
    expect(escapeLoneSpoilers('a ](b ||c\nd')).toBe('a ](b \\|\\|c\nd');
  });

  it('GIVEN a megabyte of marks without their pairs THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '](('.repeat(size / 3) + '||',
      (size: number) => Array.from({ length: size / 64 }, (_, i) => '`'.repeat((i % 60) + 1)).join(' ||'),
      (size: number) => '<a:'.repeat(size / 3) + '||',
      (size: number) => '||'.repeat(size / 2 + 1),
    ];
    for (const input of inputs) expect(growth(escapeLoneSpoilers, input)).toBeLessThan(LINEAR);
  });
});

describe('splitText of nesting deeper than Discord shows', () => {
  it('GIVEN a list 31 levels deep, or quotes 10 deep THEN it is split as plain text: few chunks, each within the limit, every word kept', () => {
    const list = Array.from({ length: 31 }, (_, k) => `${'  '.repeat(k)}- **L${k}:** x`).join('\n');
    const quotes = Array.from(
      { length: 40 },
      (_, k) => `${'> '.repeat(10)}line ${k} ${'word '.repeat(10)}`,
    ).join('\n');
    for (const [text, last] of [
      [`Lead.\n${list}`, 'L30'],
      [quotes, 'line 39'],
    ] as const) {
      const chunks = splitText(text, 1024, { balanced: true });
      expect(chunks.length).toBeLessThanOrEqual(Math.ceil(text.length / 1024) + 1);
      for (const chunk of chunks) expect(codePointLength(chunk)).toBeLessThanOrEqual(1024);
      expect(chunks.join(' ')).toContain(last);
    }
  });
});
