import { describe, expect, it } from 'vitest';
import { stripAttributeLists } from '../../src/core/attribute-lists.js';
import { growth, LINEAR } from './growth.js';

const lines = (text: string): number => text.split('\n').length;

describe('stripAttributeLists', () => {
  it("GIVEN a heading's attribute list (kramdown, goldmark) THEN it goes, the heading's text stays", () => {
    expect(stripAttributeLists('## Tips {#tips}\n\n- a')).toBe('## Tips \n\n- a');
    expect(stripAttributeLists('## Skills {#skills .wide}')).toBe('## Skills ');
    expect(stripAttributeLists('### Seek out mentorship {#mentor}')).toBe('### Seek out mentorship ');
    expect(stripAttributeLists('# Tips {: #tips data-x="a b" lang=en}')).toBe('# Tips ');
    expect(stripAttributeLists('## Tips{#x}')).toBe('## Tips');
    expect(stripAttributeLists('## a `b` {#c}')).toBe('## a `b` ');
    expect(stripAttributeLists('> ## Quoted {#q}')).toBe('> ## Quoted ');
    // Setext headings, the underline below the text.
    expect(stripAttributeLists('Tips {#tips}\n====\n')).toBe('Tips \n====\n');
    expect(stripAttributeLists('Two lines\nof Skills {#skills}\n---')).toBe('Two lines\nof Skills \n---');
  });

  it('GIVEN braces that are no attribute list, or not at the end of a heading THEN they stay', () => {
    for (const text of [
      '## Use {braces}',
      '## Sets {a, b}',
      '## Escaped \\{#x}',
      '## {#a} then text',
      '#hashtag {#x}',
      'A paragraph line {#x}\nand more',
      // A list item then a rule, not a setext heading.
      '- item {#x}\n---',
      // Indented four spaces: code.
      '    ## Code {#c}',
    ])
      expect(stripAttributeLists(text), text).toBe(text);
  });

  it("GIVEN kramdown's block IALs and ALDs alone on their line THEN the line is left blank, ending the paragraph as kramdown does", () => {
    expect(stripAttributeLists('A paragraph.\n{: .note}\nNext')).toBe('A paragraph.\n\nNext');
    expect(stripAttributeLists('- a\n- b\n  {:#list}\n')).toBe('- a\n- b\n  \n');
    expect(stripAttributeLists('{:ref: .wide #main}\n{: ref}\n> {: .quote}')).toBe('\n\n> ');
    expect(stripAttributeLists('{::options parse_block_html="true" /}\ntext')).toBe('\ntext');
    // A list item's, after its marker.
    expect(stripAttributeLists('- {: .done} Ship it\n1. {:#first}\n')).toBe('- Ship it\n1. \n');
  });

  it("GIVEN kramdown's span IALs right after a span THEN they go; after plain text they stay, as text", () => {
    expect(
      stripAttributeLists('*a*{: .x}, __b__{:.y}, `x`{: .language-ruby} and [l](u){:target="_blank"}'),
    ).toBe('*a*, __b__, `x` and [l](u)');
    expect(stripAttributeLists('a {: .x} b')).toBe('a {: .x} b');
    expect(stripAttributeLists('The map {:a 1} here')).toBe('The map {:a 1} here');
    expect(stripAttributeLists('*a*{: no="closing quote}')).toBe('*a*{: no="closing quote}');
  });

  it("GIVEN kramdown's comments and extension tags THEN a comment goes with its text, a tag alone", () => {
    expect(stripAttributeLists('a\n{::comment}\nhidden *x*\n{:/comment}\nb')).toBe('a\n\n\n\nb');
    expect(stripAttributeLists('a {::comment}x{:/} b {::comment /}c')).toBe('a b c');
    expect(stripAttributeLists('{::nomarkdown}<b>x</b>{:/nomarkdown}')).toBe('<b>x</b>');
    // A comment that never ends is text.
    expect(stripAttributeLists('a {::comment} b')).toBe('a {::comment} b');
  });

  it("GIVEN kramdown's table of contents (an item, then {:toc} on the next line) THEN the item goes with the marker, lines kept; other lists and blocks stay", () => {
    expect(stripAttributeLists('* TOC\n{:toc}\n\n## Tips')).toBe('\n\n\n## Tips');
    expect(stripAttributeLists('Intro.\n\n1. Contents\n{: toc}\n- kept')).toBe('Intro.\n\n\n\n- kept');
    // Not right after an item: the marker goes alone, as any IAL, and what comes before stays.
    expect(stripAttributeLists('- kept\n\n{:toc}')).toBe('- kept\n\n');
    expect(stripAttributeLists('- item one\n## Heading\nParagraph\n{:toc}\nmore')).toBe(
      '- item one\n## Heading\nParagraph\n\nmore',
    );
    // In code, fenced or indented four columns, as written.
    expect(stripAttributeLists('- step\n```md\n* TOC\n{:toc}\n```\nafter')).toBe(
      '- step\n```md\n* TOC\n{:toc}\n```\nafter',
    );
    expect(stripAttributeLists('Text.\n\n    * TOC\n{:toc}')).toBe('Text.\n\n    * TOC\n');
  });

  it('GIVEN attribute lists in code THEN the code is left as written', () => {
    const text = '```md\n## T {#t}\n{: .x}\n```\n`{: .x}` and `## x {#y}`\n\n## a `{#c}`\n';
    expect(stripAttributeLists(text)).toBe(text);
  });

  it('GIVEN any of it THEN every line keeps its number', () => {
    const source = [
      '## Tips {#tips}',
      'Para\n{: .note}',
      '{::comment}\n\nx\n{:/comment}',
      'Setext {#s}\n===',
      '*a*{: .x}',
    ].join('\nline\n');
    expect(lines(stripAttributeLists(source))).toBe(lines(source));
  });

  it('GIVEN a megabyte of openings that never close, or of lists and headings THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '{:'.repeat(size / 2),
      (size: number) => `*a*${'{: .x'.repeat(size / 5)}}`,
      (size: number) => `{:${'a'.repeat(size)}!}`,
      (size: number) => `{: ${'.a '.repeat(size / 3)}!}`,
      (size: number) => '*a*{: .x}'.repeat(size / 9),
      (size: number) => '## a {#b}\n'.repeat(size / 10),
      (size: number) => `## ${'{'.repeat(size)}}`,
      (size: number) => `## a {${' '.repeat(size)}}`,
      (size: number) => `{\n${'}'.repeat(size)}\n===`,
      // Lines that end as an attribute list would, and have no `{` to start one.
      (size: number) => `{\n${'a}\n'.repeat(size / 3)}`,
      (size: number) => 'x {#a}\n'.repeat(size / 7),
      (size: number) => '{::comment}'.repeat(size / 11),
      (size: number) => '` {: .x} '.repeat(size / 9),
      // List items, each before a line as long as a marker's may be.
      (size: number) => `- a\n${'x'.repeat(60)}\n`.repeat(size / 66),
    ];
    for (const input of inputs)
      expect(growth((text) => stripAttributeLists(text), input)).toBeLessThan(LINEAR);
  });
});
