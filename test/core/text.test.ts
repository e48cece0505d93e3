import { describe, expect, it } from 'vitest';
import { codePointLength, plainLine, splitText, truncate } from '../../src/core/text.js';

describe('codePointLength', () => {
  it('GIVEN astral characters THEN counts each as one, as Discord does', () => {
    expect(codePointLength('🚀ab')).toBe(3);
    expect('🚀ab'.length).toBe(4);
  });
});

describe('truncate', () => {
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

  it('GIVEN emoji near the limit THEN counts code points and never splits a surrogate pair', () => {
    const text = '🚀'.repeat(150);
    const chunks = splitText(text, 100);
    expect(chunks.map(codePointLength)).toEqual([100, 50]);
    expect(chunks.join('')).toBe(text);
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
