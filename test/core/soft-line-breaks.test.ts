import { describe, expect, it } from 'vitest';
import { markdownTree } from '../../src/core/markdown-tree.js';
import { toDiscordMarkdown } from '../../src/core/markdown.js';
import { parseArticle } from '../../src/core/parse-article.js';
import { articleSource, mustParse, validFront } from '../helpers/articles.js';
import { growth, LINEAR } from './growth.js';

/*
 * Markdown written over several lines (hard-wrapped at 80 columns, as many editors and authors do):
 * the page joins a paragraph's lines, and Discord breaks a message's line at every line ending, so a
 * tip would break mid-sentence where the source happened to wrap.
 */
describe('a paragraph written over several lines', () => {
  const sections = (body: string) => mustParse(articleSource(validFront(), body)).sections;

  it('GIVEN hard-wrapped tips, named or not, in a list, as bold-led paragraphs or under sub-headings THEN each reads as one line', () => {
    const listed = sections(
      [
        '## Tips',
        '',
        '- **Ask early:** Questions asked in the first week',
        '  cost nothing; in the sixth month they',
        '  cost a little pride.',
        '- Write things down, even the ones',
        '  you think you will remember.',
      ].join('\n'),
    ).tips;
    expect(listed?.items.map((item) => [item.name, item.text])).toEqual([
      [
        'Ask early',
        'Questions asked in the first week cost nothing; in the sixth month they cost a little pride.',
      ],
      [undefined, 'Write things down, even the ones you think you will remember.'],
    ]);
    const bold = sections(
      [
        '## Skills',
        '',
        '**Listening.**',
        'Hear what is said,',
        'and what is not.',
        '',
        '**Writing:** Clear docs',
        'scale you.',
      ].join('\n'),
    ).skills;
    expect(bold?.items.map((item) => [item.name, item.text])).toEqual([
      ['Listening', 'Hear what is said, and what is not.'],
      ['Writing', 'Clear docs scale you.'],
    ]);
    const headed = sections(
      ['## Tips', '', '### Delegate', '', 'Give away the work', 'you are best at.', '', 'Then coach.'].join(
        '\n',
      ),
    ).tips;
    // Paragraphs stay apart: only the lines inside one are joined.
    expect(headed?.items).toMatchObject([
      { name: 'Delegate', text: 'Give away the work you are best at.\n\nThen coach.' },
    ]);
  });

  it('GIVEN a hard-wrapped lead-in and quote THEN their lines are joined too, the quote still a quote', () => {
    const motivations = sections(
      [
        '## Motivations',
        '',
        'Leading is a skill you',
        'can learn.',
        '',
        '> Management is doing things right;',
        '> leadership is doing the right things.',
      ].join('\n'),
    ).motivations;
    expect(motivations?.text).toBe(
      'Leading is a skill you can learn.\n\n> Management is doing things right; leadership is doing the right things.',
    );
  });

  it('GIVEN hard line breaks (two spaces, a backslash, <br>) THEN each stays a line break', () => {
    const tips = sections(
      [
        '## Tips',
        '',
        '- Roses are red,  ',
        '  violets are blue,\\',
        '  sugar is sweet,<br>',
        '  and so are you.',
      ].join('\n'),
    ).tips;
    expect(tips?.items[0]?.text).toBe('Roses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.');
  });

  it('GIVEN a table (which Discord has none of) THEN a line per row, its cells apart, without its rule: as an HTML table', () => {
    const table = ['| Level | Scope |', '| --- | :-: |', '| **Senior** | team |', '| Staff | `ab` \\| c |'];
    const headerless = ['Level | Scope', '---|---', 'Senior | team'];
    const text = (rows: string[]) =>
      sections(['## Tips', '', 'Scope by level:', '', ...rows, '', '- One'].join('\n')).tips?.text;
    expect(text(table)).toBe('Scope by level:\n\nLevel | Scope\n**Senior** | team\nStaff | `ab` | c');
    expect(text(headerless)).toBe('Scope by level:\n\nLevel | Scope\nSenior | team');
    expect(text(['| a | b |', '|---|---|', '|  | x |', '| | |'])).toBe('Scope by level:\n\na | b\nx');
    // A bold cell opening it names no item, as a bold phrase opening a paragraph may.
    const bold = ['| **Tip:** | Why |', '|---|---|', '| Listen | It helps |'];
    const twice = sections(['## Tips', '', ...bold, '', ...bold, '', '- One'].join('\n')).tips;
    expect(twice?.items.map((item) => item.text)).toEqual(['One']);
    expect(twice?.text).toBe('**Tip:** | Why\nListen | It helps\n\n**Tip:** | Why\nListen | It helps');
    // Alone in its section, a table's rows are its items (see parse-article.test.ts).
    const alone = sections(['## Tips', '', ...bold, '', ...bold].join('\n')).tips;
    expect(alone?.items.map(({ name, text }) => [name, text])).toEqual([
      ['Listen', 'It helps'],
      ['Listen', 'It helps'],
    ]);
    expect(text(table)).toBe(
      sections(
        [
          '## Tips',
          '',
          'Scope by level:',
          '',
          '<table><tr><th>Level</th><th>Scope</th></tr>',
          '<tr><td><b>Senior</b></td><td>team</td></tr>',
          '<tr><td>Staff</td><td><code>ab</code> | c</td></tr></table>',
          '',
          '- One',
        ].join('\n'),
      ).tips?.text,
    );
  });

  it('GIVEN a name wrapped over two lines THEN it is one line, and named as the same name on one line is', () => {
    const tips = sections(
      [
        '## Tips',
        '',
        '- **Find your peers, the other',
        '  new managers:** they are your team now.',
        '- Seek out',
        '  mentorship: it helps.',
        '- *Write it',
        '  down:* all of it.',
      ].join('\n'),
    ).tips;
    expect(tips?.items.map((item) => [item.name, item.text])).toEqual([
      ['Find your peers, the other new managers', 'they are your team now.'],
      ['Seek out mentorship', 'it helps.'],
      ['Write it down', 'all of it.'],
    ]);
    const bold = sections(
      ['## Skills', '', '**Hear what is', 'said.** And not.', '', '**Write.** Clearly.'].join('\n'),
    ).skills;
    expect(bold?.items.map((item) => item.name)).toEqual(['Hear what is said', 'Write']);
  });

  it("GIVEN a list item's bold name ending in a full stop THEN the stop goes, as a bold paragraph's does; an ellipsis stays", () => {
    const listed = sections(
      ['## Tips', '', "- **Don't rewrite the roadmap.** Listen first.", '- **Wait...** then act.'].join('\n'),
    ).tips;
    expect(listed?.items.map((item) => item.name)).toEqual(["Don't rewrite the roadmap", 'Wait...']);
    const bold = sections(['## Tips', '', '**Wait...** then act.', '', '**Go.** Now.'].join('\n')).tips;
    expect(bold?.items.map((item) => item.name)).toEqual(['Wait...', 'Go']);
  });

  it('GIVEN Chinese or Japanese wrapped between wide characters THEN the lines join without a space, as the page shows them', () => {
    const tips = sections(
      [
        '## Tips',
        '',
        '- 希望在哪些方面成长，',
        '  然后再去联系合适的人。',
        '- 读书。',
        '  Then English',
        '  words.',
      ].join('\n'),
    ).tips;
    expect(tips?.items.map((item) => item.text)).toEqual([
      '希望在哪些方面成长，然后再去联系合适的人。',
      '读书。 Then English words.',
    ]);
  });

  it('GIVEN a definition list THEN an item per term, named by it, its definition the text: as goldmark and kramdown read it', () => {
    const tips = sections(
      [
        '## Tips',
        '',
        'Mentor',
        ': someone who has done it *before*.',
        '',
        '**Sponsor**',
        ': someone who speaks for you.',
        '',
        '  In the rooms you are not in.',
        '',
        'Why?',
        ': - a list',
        '',
        '- One',
      ].join('\n'),
    ).tips;
    expect(tips?.items.map(({ name, text }) => [name, text])).toEqual([
      ['Mentor', 'someone who has done it *before*.'],
      ['Sponsor', 'someone who speaks for you.\n\nIn the rooms you are not in.'],
      ['Why?', '- a list'],
      [undefined, 'One'],
    ]);
  });

  it('GIVEN a one-column table, or a tag left out on its own line THEN lines stay, or join with one space', () => {
    const text = (body: string) => sections(['## Tips', '', body, '', '- One'].join('\n')).tips?.text;
    expect(text('| Level |\n| --- |\n| Senior |')).toBe('Level\nSenior');
    expect(text('Before\n<img src="x.png">\nafter.')).toBe('Before after.');
  });

  it('GIVEN a list of sentences, a few with a colon in them THEN no item is named by the words before its colon', () => {
    const tips = sections(
      [
        '## Tips',
        '',
        '1. Write the meeting notes yourself: you will catch your own mistakes.',
        '2. Ask people to repeat back what they heard.',
        '3. Learn the idioms: keep a list.',
        '4. Use search before you ask.',
      ].join('\n'),
    ).tips;
    expect(tips?.items.map((item) => [item.name, item.text])).toEqual([
      [undefined, 'Write the meeting notes yourself: you will catch your own mistakes.'],
      [undefined, 'Ask people to repeat back what they heard.'],
      [undefined, 'Learn the idioms: keep a list.'],
      [undefined, 'Use search before you ask.'],
    ]);
    // Most of a list named so: each such phrase names its item.
    const named = sections(
      ['## Tips', '', '- Plan: a week ahead.', '- Review: on Fridays.', '- Rest.'].join('\n'),
    ).tips;
    expect(named?.items.map((item) => item.name)).toEqual(['Plan', 'Review', undefined]);
  });

  it('GIVEN an admonition or an alert with a title over hard-wrapped text THEN the title keeps its line, the text is joined', () => {
    const admonition = sections(
      ['## Tips', '', ':::tip Heads up', 'Read them', 'all.', ':::', '', '- One'].join('\n'),
    ).tips?.text;
    expect(admonition).toBe('**Heads up**\nRead them all.');
    const alert = sections(['## Tips', '', '> [!NOTE]', '> Read them', '> all.', '', '- One'].join('\n')).tips
      ?.text;
    expect(alert).toBe('**Note**\nRead them all.');
    const heading = sections(
      ['## Tips', '', '> [!TIP]', '> ## Mistakes', '> Avoid', '> them.', '', '- One'].join('\n'),
    ).tips?.text;
    expect(heading).toBe('**Tip**\n**Mistakes**\nAvoid them.');
  });

  it("GIVEN a summary written over several lines THEN its lines are kept, as the author's own", () => {
    const article = mustParse(
      articleSource(validFront({ summary: 'Line one,\nline *two*.' }), '## Tips\n\n- One'),
    );
    expect(article.summary).toBe('Line one,\nline *two*.');
  });

  it('GIVEN lines kept on request THEN the soft breaks are line endings, as before', () => {
    const nodes = markdownTree('one\ntwo').children;
    expect(toDiscordMarkdown(nodes, undefined)).toBe('one two');
    expect(toDiscordMarkdown(nodes, undefined, { lines: 'kept' })).toBe('one\ntwo');
  });

  it('GIVEN a megabyte of spaces in a tip, a name, a heading or a note THEN the time to read the post grows with the size only', () => {
    const front = validFront();
    const inputs = [
      (size: number) => `## Tips\n\n- **Na${' '.repeat(size)}me:** a\n- **Two:** b${' '.repeat(size)}c.`,
      (size: number) => `## Tips\n\n**A${' '.repeat(size)}b.** text\n\n**3.** c${'\t'.repeat(size)}d`,
      // Still the Tips section (`!` is no word, as `x` would be), whose heading is trimmed for its name.
      (size: number) => `## Tips:${' '.repeat(size)}!\n\n- one`,
      (size: number) =>
        `## Tips\n\n- a[^1]\n\n[^1]: x${' '.repeat(size)}y<br>z\n\n    \`\`\`\n    x${' '.repeat(size)}y\n    \`\`\``,
    ];
    for (const input of inputs)
      expect(
        growth(
          (body) => parseArticle({ file: 'content/a.md', source: body }),
          (size) => articleSource(front, input(size)),
        ),
      ).toBeLessThan(LINEAR);
  });

  it('GIVEN a megabyte of spaces around line endings, or of table-like rows THEN time grows with the size only', () => {
    const inputs = [
      (size: number) => `a${' '.repeat(size)}b\nc`,
      (size: number) => `a\n${' \t'.repeat(size / 2)}b`,
      // A paragraph of short lines: joined once, not copied at each line.
      (size: number) => `Lead\n${'ab\n'.repeat(size / 3)}`,
      (size: number) => `a\n${'|-'.repeat(size / 2)} x\n`,
      (size: number) => `a\n|${' '.repeat(size)}x\n`,
      (size: number) => `a\n${'- | '.repeat(size / 4)}x`,
    ];
    const write = (text: string) => toDiscordMarkdown(markdownTree(text).children, undefined);
    for (const input of inputs) expect(growth(write, input)).toBeLessThan(LINEAR);
  });
});
