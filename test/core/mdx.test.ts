import { describe, expect, it } from 'vitest';
import { stripMdx } from '../../src/core/mdx.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

const lines = (text: string): number => text.split('\n').length;

describe('stripMdx', () => {
  it('GIVEN import and export statements THEN they go, an export over its lines up to a blank one', () => {
    const source = [
      "import { Callout } from '../components/callout'",
      'import YouTube from "./youtube"',
      '',
      'export const meta = {',
      '  title: "x",',
      '}',
      '',
      '# Title',
      '',
      'You can',
      'import this into your plans.',
      '',
      'Export your notes.',
    ].join('\n');
    expect(stripMdx(source)).toBe(
      [
        // A trace where each statement starts (a block, as in MDX), the lines after it blank.
        '<!---->',
        '',
        '',
        '<!---->',
        '',
        '',
        '',
        '# Title',
        '',
        'You can',
        'import this into your plans.',
        '',
        'Export your notes.',
      ].join('\n'),
    );
  });

  it('GIVEN JSX components THEN the tags go and the text between them stays', () => {
    expect(stripMdx('<Callout type="info">Do this</Callout>')).toBe('Do this');
    expect(stripMdx('Watch: <YouTube id="x" /> and <br/> read <kbd>Ctrl</kbd>.')).toBe(
      'Watch: and read Ctrl.',
    );
    expect(stripMdx('<>fragment</>')).toBe('fragment');
    const tabs = [
      '<Tabs',
      '  items={["a > b", \'c\']}',
      '  when={a > b && { x: "}" }}',
      '>',
      '  <Tab label="One">',
      '    **Indented** text',
      '  </Tab>',
      '</Tabs>',
    ].join('\n');
    // A line of tags leaves a trace at its indentation; the attributes' lines after it are blank.
    expect(stripMdx(tabs)).toBe('<!---->\n\n\n\n  <!---->\n    **Indented** text\n  <!---->\n<!---->');
  });

  it('GIVEN Markdown blocks between tags on their own lines THEN each line stays as written, the tags a trace at their indentation', () => {
    const source = [
      '<Callout type="info">',
      '- first <Kbd>Ctrl</Kbd>',
      '- second',
      '</Callout>',
      '<Tabs>',
      '  <Tab label="a">',
      '    ## Heading',
      '    > quote',
      '    ```js',
      '    <Kept />',
      '    ```',
      '  </Tab>',
      '</Tabs>',
    ].join('\n');
    expect(stripMdx(source).split('\n')).toEqual([
      '<!---->',
      '- first Ctrl',
      '- second',
      '<!---->',
      '<!---->',
      '  <!---->',
      '    ## Heading',
      '    > quote',
      '    ```js',
      '    <Kept />',
      '    ```',
      '  <!---->',
      '<!---->',
    ]);
  });

  it('GIVEN expressions and comments THEN they go, a comment even over blank lines', () => {
    expect(stripMdx('In {year}, {props.name ?? "you"} and {/* a note */} more.')).toBe('In, and more.');
    expect(stripMdx('Text {/*\nmany\n\nlines\n*/}\nafter')).toBe('Text \n\n\n\n\nafter');
    // Over two lines after text: an HTML comment (never shown), so that the paragraph goes on.
    expect(stripMdx('Sum: { /* } */ a + "}" + `}` // }\n}!')).toBe('Sum: <!--\nx-->!');
  });

  // MDX shows a literal's value: `{45}` is 45, `{"a *b*"}` is a *b*, its asterisks as written.
  it('GIVEN an expression that is a number or a text in quotes THEN it shows as its value', () => {
    expect(stripMdx('Time-box to {45} minutes, {-1.5}, {"a *b*"}, {\'c\'} and { `d` }.')).toBe(
      'Time-box to 45 minutes, -1.5, a \\*b\\*, c and d.',
    );
    // Anything else is no literal: `${}`, an escape, a sum, a name.
    expect(stripMdx('{`${x}`} {"a\\"b"} {1 + 2} {x}.')).toBe(' .');
    expect(stripMdx('Over lines {\n45\n}.')).toBe('Over lines <!--\nx\nx-->.');
  });

  it('GIVEN an expression or a self-closing tag right before punctuation THEN the space before it goes too', () => {
    expect(stripMdx('Thanks {name} and {/* who */}. See <Demo />, then {x}!')).toBe('Thanks and. See, then!');
    expect(stripMdx('(as of {year}) 「{title}」 and {a}\t{b}:')).toBe('(as of) 「」 and:');
    // Indentation stays; so do a space the author put before the punctuation, and an opening tag's.
    expect(stripMdx('  {x}.\nok {a} ; end <B>.</B>')).toBe('  .\nok ; end .');
    // After an opening bracket, the space after it goes: none opens the brackets.
    expect(stripMdx('A (<Icon /> new) and [{year} report](/r).')).toBe('A (new) and [report](/r).');
  });

  it('GIVEN brackets or quotes that held only a component or an expression THEN they go too; those written empty or in code stay', () => {
    expect(stripMdx('Tip (<Icon />) here, "{year}" and (<Kbd>K</Kbd>) and ({/* c */}).')).toBe(
      'Tip here, and (K) and.',
    );
    expect(stripMdx('f() and "" stay, `(<Icon />)` too')).toBe('f() and "" stay, `(<Icon />)` too');
    // A line left with nothing is a trace, as one of only tags is.
    expect(stripMdx('(<A />)\n\nb')).toBe('<!---->\n\nb');
  });

  it("GIVEN an expression before a full stop in an .mdx post's first paragraph THEN its summary has no space before the stop", () => {
    const front = validFront();
    delete front.summary;
    const source = articleSource(
      front,
      'Written by {frontMatter.author} and {props.editor}. Read on {/* now */}!',
    );
    expect(mustParse(source, 'content/a.mdx').summary).toBe('Written by and. Read on!');
  });

  it('GIVEN code, links, comments and comparisons THEN they are left as written', () => {
    const source = [
      'Use `<Callout>` and `{props}`:',
      '',
      '```jsx',
      'import X from "x"',
      '<Callout>{x}</Callout>',
      '```',
      '',
      'a < b, <https://example.com>, <!-- a comment --> and 1 <2.',
    ].join('\n');
    expect(stripMdx(source)).toBe(source);
  });

  it('GIVEN a tag or expression that does not end in its paragraph THEN it is kept as written, and the next paragraph is read', () => {
    expect(stripMdx('Broken <Tag attr="x\nstill\n\nNext <B>bold</B> {x}')).toBe(
      'Broken <Tag attr="x\nstill\n\nNext bold ',
    );
    expect(stripMdx('An { open brace\n```\n{code}\n```\n<A>b</A>')).toBe(
      'An { open brace\n```\n{code}\n```\nb',
    );
  });

  it('GIVEN any of it THEN every line keeps its number', () => {
    const source = 'import a from "a"\nimport {\n  b,\n} from "b"\n\n<A\n  x="1"\n>\ntext {\n  1\n}\n</A>\n';
    expect(lines(stripMdx(source))).toBe(lines(source));
  });

  it('GIVEN a megabyte of tags, braces, quotes and statements that never end THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => '<A'.repeat(size / 2),
      (size: number) => '<A "'.repeat(size / 4),
      (size: number) => '{'.repeat(size),
      (size: number) => '{/*'.repeat(size / 3),
      (size: number) => '<A\n'.repeat(size / 3),
      (size: number) => '{ "\n'.repeat(size / 4),
      (size: number) => 'import x\n\n'.repeat(size / 10),
      (size: number) => '<a>b</a> {c} '.repeat(size / 13),
      (size: number) => '```\n~~~~\n<A>\n'.repeat(size / 13),
      (size: number) => 'a {x}. '.repeat(size / 7),
      (size: number) => `a${' '.repeat(size)}{x}.`,
    ];
    for (const input of inputs) expect(growth((text) => stripMdx(text), input)).toBeLessThan(LINEAR);
  });
});
